/**
 * What each printed amount of a recognised table is: a fact (flow, source, basis, 功能/经济 code,
 * year, phase) or a measure (role, phase, year), read from its row label and column header;
 * or, when neither says, a review item with its cell path. Nothing is summed or guessed: a
 * 合计/小计 row is the fact of its own (higher) cell, and the project's rules check the sums.
 */
import type { ClassNode } from '../../model/types';
import { BASES, FLOWS, PHASES, SOURCES, STATS, roleProblem, type Basis, type Flow, type Phase, type Source, type Stat } from '../../model/vocabulary';
import { appropriationIn, budgetTitle, FUNCTIONAL_CLASSES, INCOME_COLUMNS, INCOME_ROWS, type TableSpec } from './catalog';
import { columnLetter, headerOf, isFiller, isNote, rowLabel, type Table } from './grid';
import { fold, parseCell, show, stripMarker, toWan, unitIn, yearsIn, type MoneyUnit } from './text';

export interface FactTarget {
  kind: 'fact';
  year: number;
  phase: Phase;
  flow: Flow;
  source: Source | null;
  basis: Basis | null;
  functional: string | null;
  economic: string | null;
}
export interface MeasureTarget {
  kind: 'measure';
  role: string;
  stat?: Stat;
  base?: 'prev-year' | 'budget';
  phase?: Phase;
  year: number;
  /** Display unit; money measures are converted to 万元. */
  unit: string;
}
/** A printed total with no place of its own that must equal the sum of other cells (04's 总计 by appropriation). */
export interface SumTarget {
  kind: 'sum';
  year: number;
  cells: FactTarget[];
}
/**
 * A "其中" column beside its total ("小计 | 其中:一般公共预算安排数"): the part of the row's figure one
 * fund pays. The format has no role for it, so it is a figure of its own, named by its row and
 * column and tied to the row's figure (`of`) as a part, never taken for that figure again.
 */
export interface PartTarget {
  kind: 'part';
  year: number;
  phase?: Phase;
  unit: string;
  label: string;
  /** The role of the whole (the row's figure in the total column), when the row names one. */
  of: string | null;
}
export type Target = FactTarget | MeasureTarget | SumTarget | PartTarget;

/** One printed number and what it is (or why it could not be placed). */
export interface Hit {
  sheet: string;
  section: string;
  table: TableSpec['id'];
  row: number;
  col: number;
  rowLabel: string;
  /** Clean name of the row (for labels). */
  name: string;
  colHeader: string;
  /** The value as the file states it, and in 万元 when money. */
  raw: number;
  value: number;
  printed: string;
  unit: MoneyUnit | null;
  target: Target | null;
  reason?: string;
}

/** Classification look-up: trees first, then the printed codes of the workbook, then the standard 类. */
export class Codes {
  private byName: Map<string, ClassNode[]>;
  private byCode: Map<string, ClassNode>;
  /** Codes printed in the workbook that the tree lacks, with their printed names. */
  readonly printed = new Map<string, string>();
  constructor(
    readonly tree: 'functional' | 'economic',
    nodes: readonly ClassNode[],
  ) {
    this.byCode = new Map(nodes.map((n) => [n.code, n]));
    this.byName = new Map();
    const add = (name: string, n: ClassNode) => {
      const k = fold(name);
      this.byName.set(k, [...(this.byName.get(k) ?? []), n]);
    };
    for (const n of nodes) for (const name of [n.name, ...(n.aliases ?? [])]) add(name, n);
    // Every 类 is known by its standard name and its former ones (医疗卫生与计划生育支出 until 2018),
    // also when the unit's tree holds the code under today's name only.
    if (tree === 'functional')
      for (const c of FUNCTIONAL_CLASSES) {
        const node = this.byCode.get(c.code) ?? { code: c.code, name: c.name, parent: null, level: 1 };
        for (const name of [c.name, ...(c.aliases ?? [])]) if (!this.byName.get(fold(name))?.some((n) => n.code === c.code)) add(name, node);
      }
  }
  known(code: string): boolean {
    return this.byCode.has(code);
  }
  /** A printed code, remembered with its printed name when the tree lacks it. */
  note(code: string, name: string): string {
    if (!this.byCode.has(code) && !this.printed.has(code)) this.printed.set(code, stripMarker(name) || name);
    return code;
  }
  /** The code a name stands for, preferring a child of `parent` ("行政运行" is under many 款). */
  find(name: string, parent?: string | null): string | null {
    const k = stripMarker(name);
    const hits = this.byName.get(k) ?? [];
    if (parent) {
      const under = hits.filter((n) => n.code.startsWith(parent) && n.code !== parent);
      if (under.length === 1) return under[0].code;
    }
    if (hits.length === 1) return hits[0].code;
    for (const [code, n] of this.printed) if (fold(n) === k && (!parent || code.startsWith(parent))) return code;
    return null;
  }
  name(code: string): string | undefined {
    return this.byCode.get(code)?.name ?? this.printed.get(code) ?? FUNCTIONAL_CLASSES.find((c) => c.code === code)?.name;
  }
}

export interface Context {
  year: number;
  functional: Codes;
  economic: Codes;
}

const BASIS_PATTERNS: [RegExp, Basis][] = [
  [/基本支出/, '基本支出'],
  [/项目支出/, '项目支出'],
  [/上缴上级/, '上缴上级支出'],
  [/经营支出/, '经营支出'],
  [/对附属单位补助/, '对附属单位补助支出'],
];
const TOTAL = /^(?:合计|小计|总计|本年支出(?:合计)?|本年收入(?:合计)?|支出合计|收入合计|金额|决算数|本年决算数?)$/;

/**
 * The phase a column's headers name: 预算数 / 年初预算 is the year's initial budget, 调整预算 / 全年
 * 预算 the adjusted one, 决算 (or nothing) the actual. The nearest header naming one decides (预算数
 * under 一般公共预算财政拨款“三公”经费 is a budget, 决算数 under it an actual): the fund names
 * (一般公共预算 …) are no phase.
 */
function phaseIn(segs: string[]): Phase {
  for (const seg of [...segs].reverse()) {
    const x = fold(seg).replace(/一般公共预算|公共预算|政府性基金预算|国有资本经营预算/g, '');
    if (/决算/.test(x)) return '决算';
    if (/调整|全年预算/.test(x)) return '调整预算';
    if (/预算/.test(x)) return '年初预算';
  }
  return '决算';
}
/** The phase of a column: the one its headers name, else the table's (a 部门预算's columns are its budget). */
function columnPhase(path: string[], spec: TableSpec, section: string): Phase {
  return phaseWord(path.join('/')) ? phaseIn(path) : budgetTitle(spec, section) ? '年初预算' : '决算';
}
/** Whether a text names a phase at all (预算, 决算, 执行 …, a fund's name not counting). */
function phaseWord(text: string): boolean {
  return /决算|预算|执行|实际支出/.test(fold(text).replace(/一般公共预算|公共预算|政府性基金预算|国有资本经营预算/g, ''));
}
/** A header that only names a phase ("年初预算数", "决算数"): a total column of that phase. */
const PHASE_ONLY = /^(?:本年)?(?:年初预算|调整预算|全年预算|预算|决算)(?:数)?$/;

function flowOf(segs: string[], income: boolean): Flow {
  const t = segs.join('/');
  if (/年初.*结[转余]/.test(t)) return '年初结转和结余';
  if (/年末.*结[转余]/.test(t)) return '年末结转和结余';
  if (income || (/收入/.test(t) && !/支出/.test(t))) return '收入';
  return '支出';
}

/** The flow, source and basis a column of a 功能分类 table stands for, or null. */
function functionalColumn(spec: TableSpec, path: string[]): Pick<FactTarget, 'flow' | 'source' | 'basis'> | null {
  const segs = path.map((p) => fold(p).replace(/[(（][^)）]*[)）]/g, ''));
  const last = segs[segs.length - 1] ?? '';
  if (spec.id === 'income') {
    const col = INCOME_COLUMNS.find((x) => x.pattern.test(last));
    return col ? { flow: '收入', source: col.source, basis: null } : null;
  }
  const flow = flowOf(segs, false);
  const source = appropriationIn(segs.join('/')) ?? spec.source;
  if (flow !== '支出') return { flow, source, basis: null };
  for (const seg of [...segs].reverse()) {
    for (const [re, basis] of BASIS_PATTERNS) if (re.test(seg)) return { flow, source, basis };
    if (TOTAL.test(seg)) return { flow, source, basis: null };
  }
  // A column naming only its phase ("年初预算数" beside "决算数", or under a fund's header) is the total of that phase.
  return PHASE_ONLY.test(last) ? { flow, source, basis: null } : null;
}

/** Body rows of a table (after the header, before notes), skipping 栏次 and empty rows. */
function* bodyRows(t: Table): Generator<number> {
  for (let r = t.bodyStart; r < t.text.length; r++) {
    if (isNote(t.text[r])) return;
    if (!isFiller(t.text[r])) yield r;
  }
}

function hit(t: Table, spec: TableSpec, section: string, r: number, c: number, label: { printed: string; name: string }, colHeader: string, raw: number, printed: string, money: boolean): Hit {
  return {
    sheet: t.sheet.name,
    section,
    table: spec.id,
    row: r,
    col: c,
    rowLabel: label.printed,
    name: stripMarker(label.name) || label.printed,
    colHeader,
    raw,
    value: money ? toWan(raw, t.unit) : raw,
    printed,
    unit: money ? t.unit : null,
    target: null,
  };
}

/** Numbers of a cell, or a review hit for a value cell whose text is not a number. */
function numberAt(t: Table, r: number, c: number): { value: number; printed: string } | { bad: string } | null {
  const p = parseCell(t.sheet.rows[r]?.[c]);
  if (p.kind === 'empty') return null;
  if (p.kind === 'number') return { value: p.value, printed: typeof t.sheet.rows[r][c] === 'number' ? show(p.value) : p.printed };
  return /\d/.test(p.text) ? { bad: p.text } : null;
}

/** Review hit for text that looks numeric but is not a number. */
function badNumber(t: Table, spec: TableSpec, section: string, r: number, c: number, label: { printed: string; name: string }, text: string): Hit {
  return { ...hit(t, spec, section, r, c, label, headerOf(t.columns[c]), NaN, text, false), reason: `第 ${r + 1} 行（${label.printed}）${columnLetter(c)} 列“${text}”不是数字` };
}

/** 功能分类 tables (收入决算表, 支出决算表, 一般公共预算/政府性基金/国有资本经营 支出表). */
export function readFunctional(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const out: Hit[] = [];
  const carry: { 类?: string; 款?: string } = {};
  const context: { 类?: string; 款?: string } = {};
  for (const r of bodyRows(t)) {
    for (const [c, labels] of t.labelsOf) {
      const n = numberAt(t, r, c);
      if (!n) continue;
      const label = rowLabel(t, r, labels, carry);
      if ('bad' in n) {
        out.push(badNumber(t, spec, section, r, c, label, n.bad));
        continue;
      }
      const col = t.columns[c];
      const h = hit(t, spec, section, r, c, label, headerOf(col), n.value, n.printed, true);
      const meaning = functionalColumn(spec, col.path);
      // A 合计 row prints its word across the code and name cells (or in the code column alone).
      const name = stripMarker(label.name) || stripMarker(label.printed);
      let code: string | null = null;
      if (label.code) code = ctx.functional.note(label.code, label.name);
      else if (!/^(?:合计|总计)$/.test(name)) code = ctx.functional.find(name, context.款 ?? context.类);
      if (code) {
        context.类 = code.slice(0, 3);
        if (code.length >= 5) context.款 = code.slice(0, 5);
        else delete context.款;
      }
      if (!meaning) h.reason = `第 ${r + 1} 行（${label.printed}）的列“${h.colHeader || columnLetter(c)}”不是本表的收入来源或支出类型`;
      else if (!code && !/^(?:合计|总计)$/.test(name)) h.reason = `第 ${r + 1} 行：找不到“${label.printed}”的功能分类科目编码`;
      else h.target = { kind: 'fact', year: ctx.year, phase: columnPhase(col.path, spec, section), ...meaning, functional: code, economic: null };
      out.push(h);
    }
  }
  return out;
}

/** 收入支出决算总表 and 财政拨款收入支出决算总表: 收入 on the left, 支出 on the right. */
export function readSides(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const out: Hit[] = [];
  const groups = [...new Set([...t.labelsOf.values()].map((l) => l.join(',')))];
  const carryIn = new Set<string>();
  for (const r of bodyRows(t)) {
    for (const [c, labels] of t.labelsOf) {
      const n = numberAt(t, r, c);
      if (!n) continue;
      const label = rowLabel(t, r, labels, {});
      if ('bad' in n) {
        out.push(badNumber(t, spec, section, r, c, label, n.bad));
        continue;
      }
      const col = t.columns[c];
      const h = hit(t, spec, section, r, c, label, headerOf(col), n.value, n.printed, true);
      out.push(h);
      const side = labels.length ? t.columns[labels[0]].path.join('/') : '';
      const gi = groups.indexOf(labels.join(','));
      const spending = /支出/.test(side) ? true : /收入/.test(side) ? false : gi > 0;
      const name = stripMarker(label.name);
      const colSource = appropriationIn(col.path.join('/'));
      // A year before the phase ("2020年预算数") names the column's year, not another column.
      const lastSeg = fold(col.path[col.path.length - 1] ?? '').replace(/[(（][^)）]*[)）]/g, '').replace(/^(?:19|20)\d{2}年度?/, '');
      const colTotal = col.path.length === 0 || TOTAL.test(lastSeg) || PHASE_ONLY.test(lastSeg);
      const phase = columnPhase(col.path, spec, section);
      const source: Source | null = colSource ?? (colTotal ? spec.source : null);
      if (!colSource && !colTotal) {
        h.reason = `第 ${r + 1} 行（${label.printed}）的列“${h.colHeader}”不是金额列`;
        continue;
      }
      const year = yearsIn(col.path.join('/'))[0] ?? ctx.year;
      const fact = (flow: Flow, src: Source | null, extra: Partial<FactTarget> = {}): FactTarget => ({
        kind: 'fact', year, phase, flow, source: src, basis: null, functional: null, economic: null, ...extra,
      });
      const key = labels.join(',');
      const planned = phase === '决算' ? {} : { phase };
      // "总计" on both sides, or "收入总计" / "支出总计" (budgets, spaced letter by letter).
      if (/^(?:收入|支出)?总计$/.test(name)) {
        if (spec.source === null) h.target = { kind: 'measure', role: spending ? 'spending.grand-total' : 'income.grand-total', year, unit: '万元', ...planned };
        else if (colTotal) h.target = { kind: 'measure', role: spending ? 'fiscal.spending-total' : 'fiscal.income-total', year, unit: '万元', ...planned };
        else {
          // 总计 by appropriation = that column's 本年合计 + its 结转和结余: kept as a figure checked against them.
          const src = colSource ?? spec.source;
          h.target = spending
            ? { kind: 'sum', year, cells: [fact('支出', src), fact('年末结转和结余', src)] }
            : { kind: 'sum', year, cells: [fact('收入', src), fact('年初结转和结余', src)] };
        }
        continue;
      }
      if (!spending) {
        // The 财政拨款 budget 总表 heads its rows "一、本年收入" / "一、本年支出" (the total, its parts below).
        if (/^本年收入(?:合计)?$|^收入合计$/.test(name)) h.target = fact('收入', source);
        else if (/^年初.*结[转余]/.test(name)) {
          carryIn.add(key);
          h.target = fact('年初结转和结余', source);
        } else {
          const row = INCOME_ROWS.find((x) => x.pattern.test(name.replace(/财政拨款$/, '财政拨款收入')));
          const appr = appropriationIn(name);
          if (carryIn.has(key) && appr) h.target = fact('年初结转和结余', appr);
          else if (row && (spec.source === null || appr)) h.target = fact('收入', row.source);
          // The format before 2017 prints one 财政拨款收入 row (财政补助收入 before 2015), its appropriations below it as 其中 rows.
          else if (spec.source === null && /^财政(?:拨款|补助)(?:收入)?$/.test(name)) h.target = fact('收入', '财政拨款');
          else h.reason = `第 ${r + 1} 行“${label.printed}”不是收入来源的标准行`;
        }
        continue;
      }
      if (/^本年支出(?:合计)?$|^支出合计$/.test(name)) h.target = fact('支出', source);
      else if (/^年末.*结[转余]/.test(name)) h.target = fact('年末结转和结余', source);
      else {
        const basis = BASIS_PATTERNS.find(([re]) => re.test(name))?.[1];
        const code = label.code ? ctx.functional.note(label.code, label.name) : ctx.functional.find(label.name);
        if (basis && /^(?:基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出)$/.test(name)) h.target = fact('支出', source, { basis });
        else if (code) h.target = fact('支出', source, { functional: code });
        else h.reason = `第 ${r + 1} 行：找不到“${label.printed}”的功能分类科目编码`;
      }
    }
  }
  return out;
}

/** 一般公共预算财政拨款基本支出决算表: 经济分类 rows in 人员经费 and 公用经费 panels. */
export function readEconomic(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const out: Hit[] = [];
  // A 部门预算's 基本支出表 is the year's budget: its facts and its 人员经费 / 公用经费 too.
  const phase: Phase = budgetTitle(spec, section) ? '年初预算' : '决算';
  const planned = phase === '决算' ? {} : { phase };
  for (const r of bodyRows(t)) {
    for (const [c, labels] of t.labelsOf) {
      const n = numberAt(t, r, c);
      if (!n) continue;
      const label = rowLabel(t, r, labels, {});
      if ('bad' in n) {
        out.push(badNumber(t, spec, section, r, c, label, n.bad));
        continue;
      }
      const h = hit(t, spec, section, r, c, label, headerOf(t.columns[c]), n.value, n.printed, true);
      out.push(h);
      const name = stripMarker(label.name || label.printed);
      const fact = (economic: string | null): FactTarget => ({
        kind: 'fact', year: ctx.year, phase, flow: '支出', source: spec.source, basis: '基本支出', functional: null, economic,
      });
      const panel = /^(人员经费|公用经费)(?:合计|小计)?$/.exec(name);
      // The layout some provinces print: rows by 功能分类 科目, columns 合计 | 人员经费 | 公用经费.
      // (the panel layout prints 人员经费 / 公用经费 over its panels, not as the column's own header).
      const column = /人员经费|公用经费/.exec(fold(t.columns[c].path.at(-1) ?? ''))?.[0];
      const functional = column !== undefined || (label.code !== null && label.code.startsWith('2'));
      if (panel) h.target = { kind: 'measure', role: panel[1] === '人员经费' ? 'basic.personnel' : 'basic.public', year: ctx.year, unit: '万元', ...planned };
      else if (functional) byFunction(h, name, label, column);
      else if (/^(?:合计|总计|基本支出合计)$/.test(name)) h.target = fact(null);
      else {
        const code = label.code && label.code.length <= 5 ? ctx.economic.note(label.code, label.name) : ctx.economic.find(label.name);
        if (code) h.target = fact(code);
        else h.reason = label.code ? `“${label.code}”不是 3 位或 5 位的经济分类科目编码` : `找不到“${label.printed}”的经济分类科目编码`;
      }
    }
  }
  return out;

  /**
   * A cell of the by-function layout: the 合计 column is the 基本支出 of its 功能 科目 (the 合计 row
   * that of the table); the 人员经费 / 公用经费 columns are the table's split on the 合计 row, and
   * on a 科目 row a part of that 科目's 基本支出 the format has no cell for (kept, named, unsplit).
   */
  function byFunction(h: Hit, name: string, label: { code: string | null; name: string; printed: string }, column: string | undefined): void {
    const total = /^(?:合计|总计|基本支出合计)$/.test(name);
    const code = total ? null : label.code ? ctx.functional.note(label.code, label.name) : ctx.functional.find(name);
    if (!total && !code) h.reason = `第 ${h.row + 1} 行：找不到“${label.printed}”的功能分类科目编码`;
    else if (column === undefined) h.target = { kind: 'fact', year: ctx.year, phase, flow: '支出', source: spec.source, basis: '基本支出', functional: code, economic: null };
    else if (total) h.target = { kind: 'measure', role: column === '人员经费' ? 'basic.personnel' : 'basic.public', year: ctx.year, unit: '万元', ...planned };
    else h.target = { kind: 'part', year: ctx.year, unit: '万元', label: `${label.printed}（${column}）`, of: null, ...planned };
  }
}

/** The 三公 item a header segment names, deepest segment first ("…运行维护费/公务用车购置费" → 公务用车购置). */
function sangongItem(segs: string[]): string | null | undefined {
  // A 合计 under an item's header ("公车购置及运行维护费/合计") is that item's; at the top, the total.
  let total = false;
  for (const s of [...segs].reverse()) {
    const t = stripMarker(s).replace(/["“”]/g, '');
    if (/因公出国/.test(t)) return '因公出国（境）';
    if (/购置[及和](?:运行|维护)|^(?:公务用车|公车)(?:费用?|经费)$/.test(t)) return '公务用车购置及运行维护';
    if (/公务用车购置|^公车购置|^(?:车辆)?购置(?:费)?$/.test(t)) return '公务用车购置';
    if (/运行维护|^(?:公务用车|公车|车辆)?运行(?:费|经费)?$/.test(t)) return '公务用车运行维护';
    if (/公务接待/.test(t)) return '公务接待';
    if (/三公经费/.test(t)) return null;
    if (/^(?:支出)?合计$|^总计$/.test(t)) total = true;
  }
  return total ? null : undefined;
}

/** What a "其中" column header names as its part ("其中:一般公共预算安排数" → 一般公共预算安排数), or null. */
function partOf(path: string[]): string | null {
  const m = /^其中[:：]?(.+)$/.exec(fold(path[path.length - 1] ?? ''));
  return m ? m[1] : null;
}

/**
 * The count a 三公 cell prints (保有量, 接待批次 …) and its unit, or null. A count printed beside
 * the money ("批次 | 人次" columns across the item rows) is the count of the row's item: 批次 and
 * 人次 on the 因公出国 row are its 团组 and 人次, on the 公务接待 row the 接待's; 车辆数 on the
 * 购置 row is the cars bought, on the 运行 row the cars kept, on a row naming both it is either.
 */
function countOf(all: string, item: string | null | undefined): [string, string] | null {
  if (/保有量/.test(all)) return ['sangong.vehicles', '辆'];
  // "公务用车购置数(辆)", "购置数量": not "车辆购置", the purchase money.
  if (/购置(?:数量?|.*[(（]辆[)）])/.test(all)) return ['sangong.vehicles-bought', '辆'];
  const abroad = item === '因公出国（境）' || (item === undefined && /出国/.test(all));
  if (/团组/.test(all) || (abroad && /批次|[(（]批[)）]/.test(all))) return ['sangong.abroad-groups', '个'];
  if (abroad && /人次|人数/.test(all)) return ['sangong.abroad-people', '人次'];
  if (/批次/.test(all) && (item === '公务接待' || item === undefined)) return ['sangong.reception-batches', '批次'];
  if ((/人次/.test(all) || /接待.*人数/.test(all)) && (item === '公务接待' || item === undefined)) return ['sangong.reception-people', '人次'];
  if (/车辆数|[(（]辆[)）]/.test(all) && item === '公务用车购置') return ['sangong.vehicles-bought', '辆'];
  if (/车辆数|[(（]辆[)）]/.test(all) && item === '公务用车运行维护') return ['sangong.vehicles', '辆'];
  return null;
}
/** A decrease named by its header: the cells print its size, so the change is their negative. */
const DECREASE = '(?:减少|下降|降低|节约|节省|压减)';

/**
 * What a 三公 cell holds against the previous year, from its column and row words (`folded`) and
 * its column's own header (`header`): 比上年增减 (the change in 万元), 增减率 / 增长率 (the growth
 * in %), or a change worded one way in the header ("支出减少情况(万元)", "减少率", "节约额"), whose
 * cells are the size of the decrease: `sign` −1 turns them into the change. A cell that is no
 * change is {sign: 1}: an amount.
 */
export function changeColumn(folded: string, header: string): Pick<MeasureTarget, 'stat' | 'base'> & { sign: 1 | -1 } {
  if (/增.?减.?(?:幅度|率|%)|增长率|增幅/.test(folded)) return { stat: 'growth', base: 'prev-year', sign: 1 };
  if (/增.?减.?(?:金额|额|数)?$|增.?减.?(?:金额|额)/.test(folded)) return { stat: 'change', base: 'prev-year', sign: 1 };
  const head = header.replace(/\s*[(（][^)）]*[)）]$/, '');
  if (new RegExp(`${DECREASE}(?:幅度|率|%|百分比)$`).test(head)) return { stat: 'growth', base: 'prev-year', sign: -1 };
  if (new RegExp(`${DECREASE}(?:情况|金额|额|数)?$`).test(head)) return { stat: 'change', base: 'prev-year', sign: -1 };
  if (/(?:增加|增长|上升)(?:幅度|%|百分比)$/.test(head)) return { stat: 'growth', base: 'prev-year', sign: 1 };
  if (/(?:增加|增长|上升)(?:情况|金额|额|数)?$/.test(head)) return { stat: 'change', base: 'prev-year', sign: 1 };
  return { sign: 1 };
}

/** A label counting something ("人数(人)", "(辆)", "(批)"): never an amount, whatever item it names. */
const COUNTED = /(?:人数|[(（](?:个|人|人次|辆|批|批次|次|台)[)）])/;

/** 一般公共预算财政拨款“三公”经费支出决算表: 预算数 and 决算数 by item, across or down. */
export function readSangong(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const out: Hit[] = [];
  // The phase of a column that names none: the title's ("…“三公”经费预算表", "…决算情况"); a table
  // naming it nowhere (a "汇总情况表" of 合计 | 因公出国 | …) may be a budget or an actual.
  const titled = phaseWord(section);
  const budget = budgetTitle(spec, section);
  for (const r of bodyRows(t)) {
    for (const [c, labels] of t.labelsOf) {
      const n = numberAt(t, r, c);
      if (!n) continue;
      const label = rowLabel(t, r, labels, {});
      if ('bad' in n) {
        out.push(badNumber(t, spec, section, r, c, label, n.bad));
        continue;
      }
      const col = t.columns[c];
      const segs = [...col.path, ...(labels.length ? [label.name || label.printed] : [])];
      const all = segs.join('/');
      const folded = fold(all);
      const rowFirst = labels.length ? sangongItem([label.name]) : undefined;
      const item = rowFirst !== undefined ? rowFirst : sangongItem(col.path);
      const count = countOf(folded, item);
      const { sign, ...stat } = changeColumn(folded, fold(col.path.at(-1) ?? ''));
      const h = hit(t, spec, section, r, c, label, headerOf(col), n.value, n.printed, !count && stat.stat !== 'growth');
      if (sign < 0 && h.value !== 0) h.value = -h.value;
      out.push(h);
      // A 其中 column ("本年预算数 | 其中:公共预算财政拨款") is part of the figure to its left: its phase.
      const whole = partOf(col.path) ? [...t.columns.slice(0, c)].reverse().find((x) => phaseWord(x.path.join('/'))) : undefined;
      const named = phaseWord(segs.join('/')) ? phaseIn(segs) : whole ? phaseIn(whole.path) : titled ? phaseIn([section]) : budget ? '年初预算' : null;
      if (!named && !count) {
        h.reason = `第 ${r + 1} 行（${label.printed}）${columnLetter(c)} 列：表名和表头都没有写明是预算数还是决算数，无法判断这个“三公”金额是哪一种`;
        continue;
      }
      const phase: Phase | undefined = named && named !== '决算' ? named : undefined;
      // A column names its year ("2011年预算数" beside "2010年决算数", "上年决算数"); a change or growth
      // against the previous year is the report year's; else the report year.
      // A table of years down and items across prints the year as the row label ("2015年", "2016年
      // 比2015年增减%": the later year's change).
      const year = yearsIn(col.path.join('/'))[0] ?? (labels.length ? yearsIn(label.name)[0] : undefined) ?? (!stat.stat && /上年/.test(folded) ? ctx.year - 1 : ctx.year);
      // Columns or rows some provinces print beside the 三公 items: 机关运行经费 (行政经费 in 广东's
      // budgets, its glossary: 行政经费（机关运行经费）), 会议费, 培训费.
      const beside = /机关运行经费|(?:^|\/)行政经费/.test(folded) ? 'operating.total' : /会议费/.test(folded) ? 'meeting.total' : /培训费/.test(folded) ? 'training.total' : null;
      const unit = stat.stat === 'growth' ? '%' : '万元';
      const role = beside ?? (count ? count[0] : item === undefined ? null : item ? `sangong.item:${item}` : 'sangong.total');
      const part = partOf(col.path);
      if (!count && COUNTED.test(folded)) {
        h.reason =
          item === '公务用车购置及运行维护' && /车辆|辆/.test(folded)
            ? `第 ${r + 1} 行（${label.printed}）${columnLetter(c)} 列：车辆数印在购置和运行合在一起的一行，可能是购置数也可能是保有量，无法判断`
            : `第 ${r + 1} 行：“${all}”是一个计数，不是金额，数据格式中没有它的位置`;
        h.unit = null;
        h.value = h.raw;
      } else if (part) h.target = { kind: 'part', year, unit: count ? count[1] : unit, label: `${label.printed}（${part}）`, of: stat.stat ? null : role, ...(phase ? { phase } : {}) };
      else if (count && !beside) h.target = { kind: 'measure', role: count[0], year, unit: count[1], ...(phase ? { phase } : {}) };
      else if (role === null) h.reason = `第 ${r + 1} 行：“${all}”不是“三公”经费的项目`;
      else h.target = { kind: 'measure', role, year, unit, ...stat, ...(phase ? { phase } : {}) };
    }
  }
  return out;
}

/** 部门整体支出绩效自评基础数据表: the 人员 block (values under their labels) and the 经费 block (rows × years). */
export function readPerformance(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const out: Hit[] = [];
  const rows = t.sheet.rows;
  const text = t.text;
  const unit = t.unit;
  const STAFF: [RegExp, string, string][] = [
    [/编制数/, 'staff.quota', '人'],
    [/在职人数|在职人员数/, 'staff.in-post', '人'],
    [/控制率/, 'staff.control-rate', '%'],
  ];
  let cols: { c: number; year: number; phase: Phase; header: string }[] = [];
  const used = new Set<string>();
  for (let r = t.titleRow + 1; r < text.length; r++) {
    if (isNote(text[r])) break;
    const row = text[r];
    // A header row of the 经费 block: its year columns apply to the rows below.
    const yearCols = row.map((x, c) => ({ x: fold(x), c })).filter(({ x }) => /(?:预算|决算)数$/.test(x));
    if (yearCols.length >= 2) {
      cols = yearCols.map(({ x, c }) => {
        const y = yearsIn(x)[0] ?? (/上年/.test(x) ? ctx.year - 1 : ctx.year);
        return { c, year: y, phase: /预算/.test(x) ? '年初预算' : '决算', header: row[c] };
      });
      continue;
    }
    // Label cells of the 人员 block hold their values in the row below.
    const staffLabels = row.map((x, c) => ({ x, c })).filter(({ x }) => STAFF.some(([re]) => re.test(fold(x))));
    if (staffLabels.length) {
      const blockName = row.find((x) => x !== '' && !STAFF.some(([re]) => re.test(fold(x)))) ?? '';
      for (const { x, c } of staffLabels) {
        const p = parseCell(rows[r + 1]?.[c]);
        if (p.kind !== 'number') continue;
        const [, role, u] = STAFF.find(([re]) => re.test(fold(x)))!;
        const value = role === 'staff.control-rate' && !/%/.test(p.printed) && p.value <= 1.5 ? Math.round(p.value * 1e6) / 1e4 : p.value;
        const label = { printed: blockName || `第${r + 1}行`, name: x };
        const h: Hit = { ...hit(t, spec, section, r + 1, c, label, x, value, typeof rows[r + 1][c] === 'number' ? show(p.value) : p.printed, false), unit: null };
        h.target = { kind: 'measure', role, year: yearsIn(x)[0] ?? ctx.year, unit: u };
        used.add(`${r + 1}:${c}`);
        out.push(h);
      }
      continue;
    }
    if (!cols.length) continue;
    const labelCell = row.findIndex((x, c) => x !== '' && c < cols[0].c && parseCell(rows[r][c]).kind === 'text');
    const printedLabel = labelCell >= 0 ? row.slice(labelCell, cols[0].c).filter((x) => x !== '').join(' ') : `第${r + 1}行`;
    const name = stripMarker(printedLabel).replace(/["“”]/g, '');
    for (const col of cols) {
      if (used.has(`${r}:${col.c}`)) continue;
      const p = parseCell(rows[r][col.c]);
      if (p.kind === 'empty') continue;
      const label = { printed: printedLabel, name };
      if (p.kind === 'text') {
        if (/\d/.test(p.text)) out.push(badNumber(t, spec, section, r, col.c, label, p.text));
        continue;
      }
      const printed = typeof rows[r][col.c] === 'number' ? show(p.value) : p.printed;
      const h = hit(t, spec, section, r, col.c, label, col.header, p.value, printed, true);
      h.unit = unit;
      out.push(h);
      const m = (role: string): MeasureTarget => ({ kind: 'measure', role, year: col.year, unit: '万元', ...(col.phase === '决算' ? {} : { phase: col.phase }) });
      if (/^三公经费$/.test(name)) h.target = m('sangong.total');
      else if (/^(?:公务用车|公车)购置[和及](?:运行)?维护/.test(name)) h.target = m('sangong.item:公务用车购置及运行维护');
      else if (/^(?:公务用车|公车)购置(?:费)?$/.test(name)) h.target = m('sangong.item:公务用车购置');
      else if (/^(?:公务用车|公车)运行(?:维护)?(?:费)?$/.test(name)) h.target = m('sangong.item:公务用车运行维护');
      else if (/出国/.test(name)) h.target = m('sangong.item:因公出国（境）');
      else if (/^公务接待/.test(name)) h.target = m('sangong.item:公务接待');
      else if (/^会议费$/.test(name)) h.target = m('meeting.total');
      else if (/^培训费$/.test(name)) h.target = m('training.total');
      else if (/^政府采购(?:金额|支出)?$/.test(name)) h.target = m('procurement.total');
      else if (/^机关运行经费/.test(name)) h.target = m('operating.total');
      else if (/^项目支出[:：]?$/.test(name))
        h.target = { kind: 'fact', year: col.year, phase: col.phase, flow: '支出', source: null, basis: '项目支出', functional: null, economic: null };
      else h.reason = `“${printedLabel}”在数据格式中没有对应的位置`;
    }
  }
  return out;
}

const FLOW_SET = new Set<string>(FLOWS);
const SOURCE_SET = new Set<string>(SOURCES);
const BASIS_SET = new Set<string>(BASES);
const PHASE_SET = new Set<string>(PHASES);

/** Header of a long sheet → the column index of each field. */
function fields(t: Table, names: Record<string, RegExp>): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const [k, re] of Object.entries(names)) out[k] = t.columns.find((c) => re.test(fold(c.path.join('/'))))?.index;
  return out;
}

/** 决算金额补充表: one fact a row (年度, 阶段, 收支, 资金来源, 支出类型, 功能/经济 code, 名称, 金额). */
export function readFactSheet(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const f = fields(t, { year: /^年度/, phase: /^阶段/, flow: /^收支/, source: /资金来源|^来源/, basis: /支出类型/, functional: /功能分类/, economic: /经济分类/, name: /^名称/, amount: /^金额/ });
  const out: Hit[] = [];
  if (f.amount === undefined) return out;
  const amountCol = t.columns[f.amount];
  const unit = unitIn(amountCol.path.join('')) ?? t.unit;
  const get = (r: number, k: string) => (f[k] === undefined ? '' : fold(t.text[r][f[k]!]));
  for (const r of bodyRows(t)) {
    const n = numberAt(t, r, f.amount);
    if (!n) continue;
    const label = { printed: t.text[r][f.name ?? f.amount] || `第${r + 1}行`, name: t.text[r][f.name ?? f.amount] };
    if ('bad' in n) {
      out.push(badNumber(t, spec, section, r, f.amount, label, n.bad));
      continue;
    }
    const h = hit({ ...t, unit }, spec, section, r, f.amount, label, headerOf(amountCol), n.value, n.printed, true);
    out.push(h);
    const year = Number(get(r, 'year')) || ctx.year;
    const phase = get(r, 'phase') || '决算';
    const flow = get(r, 'flow') || '支出';
    const source = get(r, 'source') || null;
    const basis = get(r, 'basis') || null;
    const functional = get(r, 'functional') || null;
    const economic = get(r, 'economic') || null;
    const bad = [
      !PHASE_SET.has(phase) && `阶段“${phase}”`,
      !FLOW_SET.has(flow) && `收支“${flow}”`,
      source !== null && !SOURCE_SET.has(source) && `资金来源“${source}”`,
      basis !== null && !BASIS_SET.has(basis) && `支出类型“${basis}”`,
      functional !== null && !/^\d{3}(\d{2}){0,2}$/.test(functional) && `功能分类“${functional}”`,
      economic !== null && !/^\d{3}(\d{2})?$/.test(economic) && `经济分类“${economic}”`,
      (year < 1900 || year > 2100) && `年度“${get(r, 'year')}”`,
    ].filter(Boolean);
    if (bad.length) {
      h.reason = `第 ${r + 1} 行：${bad.join('、')}不在数据格式的取值中`;
      continue;
    }
    if (functional) ctx.functional.note(functional, label.name);
    if (economic) ctx.economic.note(economic, label.name);
    h.target = { kind: 'fact', year, phase: phase as Phase, flow: flow as Flow, source: source as Source | null, basis: basis as Basis | null, functional, economic };
  }
  return out;
}

const BASE_WORDS: Record<string, 'prev-year' | 'budget'> = { 较上年: 'prev-year', 上年: 'prev-year', 'prev-year': 'prev-year', 较预算: 'budget', 预算: 'budget', budget: 'budget' };
/** 统计 column words (the layout prints the Chinese ones); the schema's own values are accepted too. */
const STAT_WORDS: Record<string, Stat> = { 数值: 'value', 增减额: 'change', 增长率: 'growth', 占比: 'share', 完成率: 'completion', ...Object.fromEntries(STATS.map((s) => [s, s])) };

/** 决算指标补充表: one role measure a row (角色, 统计, 比较基期, 阶段, 年度, 名称, 数值, 单位). */
export function readMeasureSheet(t: Table, spec: TableSpec, section: string, ctx: Context): Hit[] {
  const f = fields(t, { role: /^角色/, stat: /^统计/, base: /基期/, phase: /^阶段/, year: /^年度/, name: /^名称/, value: /^数值/, unit: /^单位/ });
  const out: Hit[] = [];
  if (f.value === undefined || f.role === undefined) return out;
  const get = (r: number, k: string) => (f[k] === undefined ? '' : t.text[r][f[k]!].trim());
  for (const r of bodyRows(t)) {
    const n = numberAt(t, r, f.value);
    if (!n) continue;
    const label = { printed: get(r, 'name') || get(r, 'role') || `第${r + 1}行`, name: get(r, 'name') };
    if ('bad' in n) {
      out.push(badNumber(t, spec, section, r, f.value, label, n.bad));
      continue;
    }
    const h = hit(t, spec, section, r, f.value, label, headerOf(t.columns[f.value]), n.value, n.printed, false);
    out.push(h);
    const role = get(r, 'role');
    const stat = STAT_WORDS[get(r, 'stat') || '数值'];
    const base = get(r, 'base') ? BASE_WORDS[get(r, 'base')] : undefined;
    const phase = get(r, 'phase');
    const unitText = get(r, 'unit');
    const problem = role ? roleProblem(role) : '没有角色';
    if (problem || !stat || (get(r, 'base') && !base) || (phase && !PHASE_SET.has(phase)) || !unitText || (stat !== 'value' && stat !== 'share' && !base)) {
      h.reason = `第 ${r + 1} 行：${problem ?? (!unitText ? '没有单位' : '统计/基期/阶段的取值不在数据格式中')}`;
      continue;
    }
    h.target = {
      kind: 'measure',
      role,
      year: Number(get(r, 'year')) || ctx.year,
      unit: unitText,
      ...(stat !== 'value' ? { stat } : {}),
      ...(base ? { base } : {}),
      ...(phase && phase !== '决算' ? { phase: phase as Phase } : {}),
    };
    h.unit = unitText === '万元' ? { unit: '万元', toWan: 1, printed: true } : null;
  }
  return out;
}

