/**
 * The template workbook and the exporter in one layout: the standard tables with their official
 * headers, filled from a unit-year file (export) or left blank (template). The importer reads
 * these sheets back by their titles and headers, not by positions, so a workbook exported here
 * and then edited in Excel (rows added, columns moved, a sheet renamed) still imports. Pure: the
 * page can build the same workbook in the browser.
 */
import type { ClassNode, Fact, Indicator, UnitYearFile } from '../../model/types';
import type { Basis, Flow, Phase, Source } from '../../model/vocabulary';
import { FUNCTIONAL_CLASSES, INCOME_COLUMNS, INCOME_ROWS, PERFORMANCE_ROWS, PERSONNEL_CLASSES, SANGONG_COLUMNS, tableById, type TableId } from './catalog';

/** One cell of the layout (write-excel-file's cell shape, minus its types). */
export interface LCell {
  value: string | number;
  bold?: boolean;
  columnSpan?: number;
  rowSpan?: number;
  align?: 'left' | 'center' | 'right';
  /** Amounts: shown with two decimals, kept at full precision. */
  amount?: boolean;
}
export type LRow = (LCell | null)[];
export interface LSheet {
  id: TableId;
  name: string;
  rows: LRow[];
  widths: number[];
}

export interface LayoutInput {
  /** The unit's data; absent for the blank template. */
  file?: UnitYearFile;
  unitName?: string;
  trees: { functional: ClassNode[]; economic: ClassNode[] };
}

type Cell = { year: number; phase: Phase; flow: Flow; source: Source | null; basis: Basis | null; functional: string | null; economic: string | null };
const key = (c: Cell) => JSON.stringify([c.year, c.phase, c.flow, c.source, c.basis, c.functional, c.economic]);
const mkey = (role: string, year: number, phase: Phase = '决算') => JSON.stringify([role, year, phase]);
const CN = '一二三四五六七八九十'.split('');
/** The Chinese ordinal of the row at 0-based index `i`: 0 → 一, 9 → 十, 10 → 十一, 19 → 二十, 20 → 二十一. */
export function numeral(i: number): string {
  const n = i + 1;
  if (n <= 10) return CN[n - 1];
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? CN[tens - 1] : ''}十${n % 10 ? CN[(n % 10) - 1] : ''}`;
}

const h = (value: string, extra: Partial<LCell> = {}): LCell => ({ value, bold: true, align: 'center', ...extra });
const t = (value: string): LCell => ({ value });

type CellKey = Omit<Cell, 'year' | 'phase'>;
const F = (flow: Flow, source: Source | null, basis: Basis | null, functional: string | null, economic: string | null = null): CellKey => ({ flow, source, basis, functional, economic });

/**
 * What every sheet reads from and records into. The supplementary sheets list what no standard
 * table placed, so each sheet marks the records it shows as it reads them.
 */
interface Book {
  input: LayoutInput;
  file?: UnitYearFile;
  year?: number;
  /** Code names: `f<code>` 功能分类, `e<code>` 经济分类. */
  names: Map<string, string>;
  placedFacts: Set<string>;
  placedMeasures: Set<string>;
  /** The amount of a cell, remembered as placed; null when the file has none (or no file). */
  fact(c: CellKey & { year?: number; phase?: Phase }): LCell | null;
  /** A measure by role, year and phase, remembered as placed; null when the file has none. */
  measure(role: string, y?: number, phase?: Phase, isAmount?: boolean): LCell | null;
}

/** The file's facts by cell and its plain measures by role (first record wins), and the code names of the trees. */
function book(input: LayoutInput): Book {
  const file = input.file;
  const year = file?.reportYear;
  const facts = new Map<string, Fact>();
  for (const f of file?.facts ?? []) if (!facts.has(key(f))) facts.set(key(f), f);
  const measures = new Map<string, Indicator>();
  for (const m of file?.measures ?? []) if (m.role && !m.stat && !m.base && !measures.has(mkey(m.role, m.year, m.phase))) measures.set(mkey(m.role, m.year, m.phase), m);
  const placedFacts = new Set<string>();
  const placedMeasures = new Set<string>();
  const names = new Map<string, string>();
  for (const c of FUNCTIONAL_CLASSES) names.set(`f${c.code}`, c.name);
  for (const n of input.trees.functional) names.set(`f${n.code}`, n.name);
  for (const n of input.trees.economic) names.set(`e${n.code}`, n.name);
  return {
    input,
    file,
    year,
    names,
    placedFacts,
    placedMeasures,
    fact(c) {
      if (year === undefined) return null;
      const f = facts.get(key({ year, phase: '决算', ...c } as Cell));
      if (!f) return null;
      placedFacts.add(f.id);
      return { value: f.amount, amount: true };
    },
    measure(role, y = year, phase = '决算', isAmount = true) {
      if (y === undefined) return null;
      const m = measures.get(mkey(role, y, phase));
      if (!m) return null;
      placedMeasures.add(m.id);
      return { value: m.value, amount: isAmount };
    },
  };
}

/** The two rows above every standard table: its title (with unit and year) and its code, unit name and money unit. */
function title(b: Book, id: TableId, width: number): LRow[] {
  const spec = tableById(id);
  const text = `${b.input.unitName ?? ''}${b.year ? `${b.year}年度` : ''}${spec.title}`;
  return [
    [{ value: text, bold: true, align: 'center', columnSpan: width }, ...Array<null>(width - 1).fill(null)],
    [t(`${spec.code ?? ''}${b.input.unitName ? `　编制单位：${b.input.unitName}` : ''}`), ...Array<null>(width - 2).fill(null), { value: '单位：万元', align: 'right' }],
  ];
}
const pad = (row: LRow, width: number): LRow => [...row, ...Array<null>(Math.max(0, width - row.length)).fill(null)];

/** Codes the file uses in the cells `match` selects, with their 类/款 ancestors, in code order. */
function codesOf(b: Book, match: (f: Fact) => boolean): string[] {
  const set = new Set<string>();
  for (const f of b.file?.facts ?? []) {
    if (!f.functional || !match(f)) continue;
    for (let len = 3; len <= f.functional.length; len += 2) set.add(f.functional.slice(0, len));
  }
  return [...set].sort();
}

/** The 合计 row, then one row per code the table's cells use; the blank template gets empty rows to fill in. */
function functionalRows(b: Book, width: number, columns: (code: string | null) => (LCell | null)[], match: (f: Fact) => boolean): LRow[] {
  const rows: LRow[] = [pad([{ value: '合计', bold: true, align: 'center', columnSpan: 2 }, null, ...columns(null)], width)];
  const codes = codesOf(b, match);
  for (const code of codes) rows.push(pad([t(code), t(b.names.get(`f${code}`) ?? ''), ...columns(code)], width));
  if (!b.file) for (let i = 0; i < 8; i++) rows.push(pad([], width));
  return rows;
}

type ColumnGroup = { head: string | null; cols: { label: string; cell: (code: string | null) => CellKey }[] };

/** A 功能分类 table: 项目 (科目编码, 科目名称) and its value columns with a header row above each group. */
function functionalSheet(b: Book, id: TableId, groups: ColumnGroup[]): LSheet {
  const year = b.year;
  const cols = groups.flatMap((g) => g.cols);
  const width = 2 + cols.length;
  const top: LRow = [h('项目', { columnSpan: 2 }), null];
  const sub: LRow = [h('科目编码'), h('科目名称')];
  for (const g of groups) {
    if (g.head && g.cols.length > 1) {
      top.push(h(g.head, { columnSpan: g.cols.length }), ...Array<null>(g.cols.length - 1).fill(null));
      sub.push(...g.cols.map((c) => h(c.label)));
    } else {
      top.push(h(g.head ?? g.cols[0].label, { rowSpan: 2 }));
      sub.push(null);
    }
  }
  const cellsOf = (code: string | null) => cols.map((c) => b.fact({ ...c.cell(code) }));
  const inTable = (f: Fact) => year !== undefined && f.year === year && f.phase === '决算' && cols.some((c) => key({ year, phase: '决算', ...c.cell(f.functional) }) === key(f));
  return { id, name: tableById(id).title.replace(/["“”]/g, ''), rows: [...title(b, id, width), top, sub, ...functionalRows(b, width, cellsOf, inTable)], widths: [12, 28, ...cols.map(() => 16)] };
}

/** 公开05表's columns (合计, 基本支出, 项目支出 of one source); 公开08表 and 公开09表 share them. */
const byBasis = (source: Source, head: string): ColumnGroup => ({
  head,
  cols: ([['合计', null], ['基本支出', '基本支出'], ['项目支出', '项目支出']] as [string, Basis | null][]).map(([label, b]) => ({ label, cell: (code: string | null) => F('支出', source, b, code) })),
});

/** The 类 codes of the standard list, then any other 类 the file's facts selected by `match` use, in the order met. */
function classCodes(b: Book, match: (f: Fact) => boolean): string[] {
  const classes = [...FUNCTIONAL_CLASSES.map((c) => c.code)];
  for (const f of b.file?.facts ?? []) if (f.functional?.length === 3 && match(f) && !classes.includes(f.functional)) classes.push(f.functional);
  return classes;
}

/** Two lists of rows side by side (收入 left, 支出 right), the shorter one padded with empty cells. */
function sideBySide(left: LRow[], right: LRow[], leftWidth: number, rightWidth: number): LRow[] {
  const body: LRow[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) body.push([...(left[i] ?? Array<null>(leftWidth).fill(null)), ...(right[i] ?? Array<null>(rightWidth).fill(null))]);
  return body;
}

/** 公开01表 收入支出决算总表: income by source beside spending by 类, then the totals. */
function summarySheet(b: Book): LSheet {
  const width = 4;
  const left: LRow[] = INCOME_ROWS.map((r, i) => [t(`${numeral(i)}、${r.label}`), b.fact(F('收入', r.source, null, null))]);
  const right: LRow[] = classCodes(b, () => true).map((code, i) => [t(`${numeral(i)}、${b.names.get(`f${code}`) ?? code}`), b.fact(F('支出', null, null, code))]);
  const body = sideBySide(left, right, 2, 2);
  body.push([h('本年收入合计'), b.fact(F('收入', null, null, null)), h('本年支出合计'), b.fact(F('支出', null, null, null))]);
  body.push([t('年初结转和结余'), b.fact(F('年初结转和结余', null, null, null)), t('年末结转和结余'), b.fact(F('年末结转和结余', null, null, null))]);
  body.push([h('总计'), b.measure('income.grand-total'), h('总计'), b.measure('spending.grand-total')]);
  return {
    id: 'summary',
    name: tableById('summary').title,
    rows: [...title(b, 'summary', width), [h('收入', { columnSpan: 2 }), null, h('支出', { columnSpan: 2 }), null], [h('项目'), h('决算数'), h('项目'), h('决算数')], ...body],
    widths: [34, 16, 34, 16],
  };
}

/** 公开02表 收入决算表: one column per income source. */
const incomeSheet = (b: Book) => functionalSheet(b, 'income', INCOME_COLUMNS.map((c) => ({ head: null, cols: [{ label: c.label, cell: (code) => F('收入', c.source, null, code) }] })));

/** 公开03表 支出决算表: the total, then one column per 支出类型. */
const spendingSheet = (b: Book) =>
  functionalSheet(b, 'spending', [
    { head: null, cols: [{ label: '本年支出合计', cell: (code) => F('支出', null, null, code) }] },
    ...(['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'] as Basis[]).map((basis) => ({ head: null, cols: [{ label: basis, cell: (code: string | null) => F('支出', null, basis, code) }] })),
  ]);

const APPR: Source[] = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

/** 公开04表 财政拨款收入支出决算总表: appropriations by kind beside their spending by 类, then totals and carry-overs. */
function fiscalSummarySheet(b: Book): LSheet {
  const width = 7;
  const srcCols: Source[] = ['财政拨款', ...APPR];
  const left: LRow[] = [...APPR.map((s, i) => [t(`${numeral(i)}、${s}`), b.fact(F('收入', s, null, null))])];
  const classes = classCodes(b, (f) => f.flow === '支出' && !!f.source && srcCols.includes(f.source));
  const right: LRow[] = classes.map((code, i) => [t(`${numeral(i)}、${b.names.get(`f${code}`) ?? code}`), ...srcCols.map((s) => b.fact(F('支出', s, null, code)))]);
  const body = sideBySide(left, right, 2, 5);
  body.push([h('本年收入合计'), b.fact(F('收入', '财政拨款', null, null)), h('本年支出合计'), ...srcCols.map((s) => b.fact(F('支出', s, null, null)))]);
  body.push([t('年初财政拨款结转和结余'), b.fact(F('年初结转和结余', '财政拨款', null, null)), t('年末财政拨款结转和结余'), ...srcCols.map((s) => b.fact(F('年末结转和结余', s, null, null)))]);
  for (const s of APPR) body.push([t(s), b.fact(F('年初结转和结余', s, null, null)), null, null, null, null, null]);
  body.push([h('总计'), null, h('总计'), null, null, null, null]);
  return {
    id: 'fiscal-summary',
    name: tableById('fiscal-summary').title,
    rows: [...title(b, 'fiscal-summary', width), [h('收入', { columnSpan: 2 }), null, h('支出', { columnSpan: 5 }), null, null, null, null], [h('项目'), h('金额'), h('项目'), h('合计'), ...APPR.map((s) => h(s))], ...body],
    widths: [30, 16, 30, 16, 18, 18, 18],
  };
}

/** 公开05表 一般公共预算财政拨款支出决算表. */
const gpbSpendingSheet = (b: Book) => functionalSheet(b, 'gpb-spending', [byBasis('一般公共预算财政拨款', '本年支出')]);

/** 公开06表 一般公共预算财政拨款基本支出决算表: 人员经费 | 公用经费 | 公用经费 (continued), by 经济分类. */
function gpbBasicSheet(b: Book): LSheet {
  const width = 9;
  const econ = new Map<string, Fact>();
  for (const f of b.file?.facts ?? [])
    if (f.year === b.year && f.phase === '决算' && f.flow === '支出' && f.source === '一般公共预算财政拨款' && f.basis === '基本支出' && f.functional === null && f.economic) econ.set(f.economic, f);
  const codes = [...econ.keys()].sort();
  const personnel = codes.filter((c) => PERSONNEL_CLASSES.includes(c.slice(0, 3)));
  const publicUse = codes.filter((c) => !personnel.includes(c));
  const half = Math.ceil(publicUse.length / 2);
  const panels = [personnel, publicUse.slice(0, half), publicUse.slice(half)];
  const n = Math.max(...panels.map((p) => p.length), b.file ? 0 : 10);
  const body: LRow[] = [];
  for (let i = 0; i < n; i++) {
    const row: LRow = [];
    for (const p of panels) {
      const code = p[i];
      const f = code ? econ.get(code) : undefined;
      if (f) b.placedFacts.add(f.id);
      row.push(code ? t(code) : null, code ? t(b.names.get(`e${code}`) ?? f?.label ?? '') : null, f ? { value: f.amount, amount: true } : null);
    }
    body.push(row);
  }
  body.push([h('人员经费合计', { columnSpan: 2 }), null, null, h('公用经费合计', { columnSpan: 5 }), null, null, null, null, null]);
  const panelHead = (x: string): LRow => [h(x, { columnSpan: 3 }), null, null];
  return {
    id: 'gpb-basic',
    name: tableById('gpb-basic').title,
    rows: [...title(b, 'gpb-basic', width), [...panelHead('人员经费'), h('公用经费', { columnSpan: 6 }), null, null, null, null, null], [h('科目编码'), h('科目名称'), h('决算数'), h('科目编码'), h('科目名称'), h('决算数'), h('科目编码'), h('科目名称'), h('决算数')], ...body],
    widths: [10, 26, 14, 10, 26, 14, 10, 26, 14],
  };
}

/** 公开07表 三公: 预算数 | 决算数, each 合计, 因公出国（境）费, 公务用车购置及运行维护费 (小计, 购置费, 运行维护费), 公务接待费. */
function sangongSheet(b: Book): LSheet {
  const width = 12;
  const phases: [string, Phase][] = [['预算数', '年初预算'], ['决算数', '决算']];
  const r1: LRow = [];
  const r2: LRow = [];
  const r3: LRow = [];
  const data: LRow = [];
  for (const [label, phase] of phases) {
    r1.push(h(label, { columnSpan: 6 }), null, null, null, null, null);
    for (const c of SANGONG_COLUMNS) {
      if (c.group) {
        if (c.label === '小计') r2.push(h(c.group, { columnSpan: 3 }), null, null);
        r3.push(h(c.label));
      } else {
        r2.push(h(c.label, { rowSpan: 2 }));
        r3.push(null);
      }
      data.push(b.measure(c.item ? `sangong.item:${c.item}` : 'sangong.total', b.year, phase));
    }
  }
  return { id: 'sangong', name: '一般公共预算财政拨款三公经费支出决算表', rows: [...title(b, 'sangong', width), r1, r2, r3, data], widths: Array(width).fill(14) };
}

/** 公开08表 政府性基金: carry-overs and income around 公开05表's spending columns. */
const gfSheet = (b: Book) =>
  functionalSheet(b, 'gf', [
    { head: null, cols: [{ label: '年初结转和结余', cell: (code) => F('年初结转和结余', '政府性基金预算财政拨款', null, code) }] },
    { head: null, cols: [{ label: '本年收入', cell: (code) => F('收入', '政府性基金预算财政拨款', null, code) }] },
    { ...byBasis('政府性基金预算财政拨款', '本年支出'), cols: byBasis('政府性基金预算财政拨款', '本年支出').cols.map((c, i) => (i === 0 ? { ...c, label: '小计' } : c)) },
    { head: null, cols: [{ label: '年末结转和结余', cell: (code) => F('年末结转和结余', '政府性基金预算财政拨款', null, code) }] },
  ]);

/** 公开09表 国有资本经营预算财政拨款支出决算表. */
const soeSheet = (b: Book) => functionalSheet(b, 'soe', [byBasis('国有资本经营预算财政拨款', '本年支出')]);

/** The 经费控制 rows of the performance table that are measures: their roles, by row label. */
const PERFORMANCE_ROLE: Record<string, string> = {
  '“三公”经费': 'sangong.total',
  '1、公务用车购置和维护经费': 'sangong.item:公务用车购置及运行维护',
  '其中：公车购置': 'sangong.item:公务用车购置',
  公车运行维护: 'sangong.item:公务用车运行维护',
  '2、出国经费': 'sangong.item:因公出国（境）',
  '3、公务接待': 'sangong.item:公务接待',
  政府采购金额: 'procurement.total',
};

/** 部门整体支出绩效自评基础数据表: staff, then 上年决算 / 本年预算 / 本年决算 of each controlled expense. */
function performanceSheet(b: Book): LSheet {
  const { year, input } = b;
  const width = 4;
  const yearHead = (y: number | undefined, rel: string, what: string) => (y ? `${y}年${what}` : `${rel}${what}`);
  const spec = tableById('performance');
  const rows: LRow[] = [
    [{ value: `${input.unitName ?? ''}${year ? `${year}年度` : ''}${spec.title}`, bold: true, align: 'center', columnSpan: width }, null, null, null],
    [t(`填报单位：${input.unitName ?? ''}`), null, null, { value: '单位：万元', align: 'right' }],
    [h('财政供养人员情况'), h('编制数'), h(yearHead(year, '本年', '实际在职人数')), h('控制率')],
    [null, b.measure('staff.quota', year, '决算', false), b.measure('staff.in-post', year, '决算', false), b.measure('staff.control-rate', year, '决算', false)],
    [h('经费控制情况'), h(yearHead(year && year - 1, '上年', '决算数')), h(yearHead(year, '本年', '预算数')), h(yearHead(year, '本年', '决算数'))],
  ];
  const cols: [number | undefined, Phase][] = [[year && year - 1, '决算'], [year, '年初预算'], [year, '决算']];
  for (const label of PERFORMANCE_ROWS) {
    const role = PERFORMANCE_ROLE[label];
    rows.push([
      t(label),
      ...cols.map(([y, phase]) =>
        role ? b.measure(role, y, phase) : label === '项目支出' && y !== undefined ? b.fact({ ...F('支出', null, '项目支出', null), year: y, phase }) : null,
      ),
    ]);
  }
  return { id: 'performance', name: spec.title, rows, widths: [30, 16, 18, 16] };
}

/** A supplementary sheet's three head rows: title, what goes in it, column names. */
function listHead(title: string, note: string, head: string[]): LRow[] {
  return [
    [{ value: title, bold: true, align: 'center', columnSpan: head.length }, ...Array<null>(head.length - 1).fill(null)],
    [t(note), ...Array<null>(head.length - 1).fill(null)],
    head.map((x) => h(x)),
  ];
}

/** The amounts no standard table placed, one a row (runs after every standard sheet). */
function factsSheet(b: Book): LSheet {
  const spec = tableById('facts');
  const head = ['年度', '阶段', '收支', '资金来源', '支出类型', '功能分类科目编码', '经济分类科目编码', '名称', '金额（万元）'];
  const rows = listHead(spec.title, '标准公开表没有位置的金额，每行一个：资金来源、支出类型留空表示“全部”；阶段为 年初预算 / 调整预算 / 决算', head);
  for (const f of b.file?.facts ?? []) {
    if (b.placedFacts.has(f.id)) continue;
    rows.push([{ value: f.year }, t(f.phase), t(f.flow), f.source ? t(f.source) : null, f.basis ? t(f.basis) : null, f.functional ? t(f.functional) : null, f.economic ? t(f.economic) : null, t(f.label), { value: f.amount, amount: true }]);
  }
  return { id: 'facts', name: spec.title, rows, widths: [8, 10, 14, 22, 18, 16, 16, 30, 16] };
}

const STAT: Record<string, string> = { value: '数值', change: '增减额', growth: '增长率', share: '占比', completion: '完成率' };

/** The measures with a role that no standard table placed, one a row (runs after every standard sheet). */
function measuresSheet(b: Book): LSheet {
  const spec = tableById('measures');
  const head = ['角色', '统计', '比较基期', '阶段', '年度', '名称', '数值', '单位'];
  const rows = listHead(spec.title, '有角色的其他指标，每行一个：角色见 docs/data-format.md 的角色表；统计为 数值 / 增减额 / 增长率 / 占比，比较基期为 较上年 / 较预算', head);
  for (const m of b.file?.measures ?? []) {
    if (!m.role || b.placedMeasures.has(m.id)) continue;
    rows.push([t(m.role), t(STAT[m.stat ?? 'value'] ?? m.stat ?? '数值'), m.base ? t(m.base === 'budget' ? '较预算' : '较上年') : null, t(m.phase ?? '决算'), { value: m.year }, t(m.label), { value: m.value }, t(m.unit)]);
  }
  return { id: 'measures', name: spec.title, rows, widths: [34, 10, 10, 10, 8, 34, 14, 8] };
}

/** The sheets of the template, with the unit's figures when a file is given. */
export function layout(input: LayoutInput): { sheets: LSheet[]; placedFacts: Set<string>; placedMeasures: Set<string> } {
  const b = book(input);
  // In the order of the official tables; the two supplementary sheets come last, as they list what the others did not place.
  const standard = [summarySheet, incomeSheet, spendingSheet, fiscalSummarySheet, gpbSpendingSheet, gpbBasicSheet, sangongSheet, gfSheet, soeSheet, performanceSheet].map((sheet) => sheet(b));
  const sheets = [...standard, factsSheet(b), measuresSheet(b)];
  return { sheets, placedFacts: b.placedFacts, placedMeasures: b.placedMeasures };
}

/** The layout in write-excel-file's sheet format (cells with types; amounts with two decimals shown). */
export function toWriteExcel(sheets: LSheet[]): { sheet: string; data: unknown[][]; columns: { width: number }[] }[] {
  return sheets.map((s) => ({
    sheet: s.name.slice(0, 31),
    columns: s.widths.map((width) => ({ width })),
    data: s.rows.map((row) =>
      row.map((c) => {
        if (!c) return null;
        const { amount, ...rest } = c;
        return typeof c.value === 'number' ? { ...rest, type: Number, ...(amount ? { format: '#,##0.00' } : {}) } : { ...rest, type: String };
      }),
    ),
  }));
}
