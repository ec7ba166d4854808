/**
 * The region view's model (#/units): every unit of a region side by side for one fact year, the
 * region's roll-up by function and economic class, and the list of regions. Pure: the component
 * passes the summaries (compiled at build time, or computed in the page from the loaded files),
 * the roll-up rows, the trees and the view state, and renders what comes back.
 *
 * What the comparison shows is what each unit's report gives: a figure a report does not state is
 * "—", a figure computed here (a change, a share, spending per post, a total summed from finer
 * facts) carries a mark, and the roll-up says for every figure how many units' reports cover it —
 * a regional sum over 3 of 40 units is not the region's spending.
 */
import { ALL_REGIONS } from '../../state/focus';
import type { ClassNode } from '../../model/types';
import type { MoneyUnit, Source } from '../../model/vocabulary';
import { roleTitle, sourceLabel } from '../../model/vocabulary';
import { toHash } from '../../state/url';
import type { ViewState } from '../../model/routes';
import { MONEY, count, money, pct, signed, signedMoney } from '../../ui/format';
import { growthPct, sharePct } from '../../domain/check';
import type { ChartSpec } from '../../ui/chart/spec';
import { barsOption } from './bars.option';
import { amountText } from '../../ui/chart/theme';
import { likeForLike, type RollupRow, type UnitYearSummary } from '../../domain/region/summary';

export type SortKey = 'name' | 'total' | 'change' | 'share' | 'rank' | 'basic' | 'project' | 'income' | 'sangong' | 'staff' | 'perPost' | 'operatingPerPost';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The mark beside a figure computed here rather than stated by the report. */
export const DERIVED_MARK = '※';

export interface Cell {
  text: string;
  /** Sort value; null sorts last. */
  value: number | string | null;
  /** Computed here (from stated figures), not stated: shown with DERIVED_MARK. */
  derived?: boolean;
  tone?: 'up' | 'down';
  /** Longer wording for the title attribute / screen readers; for a shortened text, the whole of it. */
  note?: string;
}

/** A cell's text longer than this is shortened, the whole text kept in its note (the table keeps its shape). */
export const CELL_CHARS = 28;

export interface UnitRow {
  unit: string;
  name: string;
  region: string;
  /** The unit's dashboard with the rest of the view kept. */
  href: string;
  cells: Record<Exclude<SortKey, 'name'>, Cell>;
  /** False when the unit's reports give nothing for the year (the row says so). */
  hasYear: boolean;
}

interface Header {
  key: SortKey;
  label: string;
  sort: 'ascending' | 'descending' | 'none';
  numeric: boolean;
}

interface RegionChoice {
  /** "" = all regions. */
  region: string;
  label: string;
  units: number;
  current: boolean;
  href: string;
}

interface RollupLine {
  code: string;
  name: string;
  amount: number;
  text: string;
  /** "2 / 3 个单位" */
  coverage: string;
  units: number;
  stated: number;
  /** The line can be drilled (it has finer codes in the roll-up). */
  drill: boolean;
}

export interface RollupPart {
  dim: 'f' | 'e';
  title: string;
  /** Crumbs of the drilled code, top first; empty at the top. */
  crumbs: Array<{ code: string | null; name: string }>;
  lines: RollupLine[];
  chart: ChartSpec | null;
  note: string;
  /** "金额（万元）" */
  amountHeader: string;
}

interface RegionRow {
  region: string;
  units: number;
  total: string;
  coverage: string;
  href: string;
}

interface UnitsView {
  state: 'ok';
  title: string;
  year: number;
  /** One sentence on what is compared and how. */
  lede: string;
  regions: RegionChoice[];
  /** The regions side by side (the all-regions view); empty inside one region. */
  regionRows: RegionRow[];
  /** 本年支出 of the year against the compared year over the units with both years, or why there is none. */
  change: string;
  /** The units compared in one chart (sorted bars, largest on top); keys `u:<unit>`, `links` opens each. */
  chart: ChartSpec | null;
  links: Record<string, string>;
  headers: Header[];
  rows: UnitRow[];
  /** "本地区 12 个单位中 9 个有 2023 年的决算支出数据。" */
  coverage: string;
  total: { text: string; coverage: string } | null;
  rollups: RollupPart[];
  /** Years the region's roll-up has (for the year notice). */
  years: number[];
}

export type UnitsModel = UnitsView;

export interface UnitsInput {
  /** Every region with its unit count (index order). */
  regions: Array<{ region: string; units: number }>;
  /** "" = all regions. */
  region: string;
  /** Summaries of every unit of the shown region (all regions: of every unit, when shown). */
  summaries: readonly UnitYearSummary[];
  /** Units of the shown region, in index order (a unit without summaries still gets a row). */
  units: ReadonlyArray<{ id: string; name: string; region: string }>;
  /** Roll-up rows of the shown region (region "" for all). */
  rollup: readonly RollupRow[];
  trees: { functional: ClassNode[]; economic: ClassNode[] };
  view: ViewState;
  sort: Sort;
  /** Drilled code per roll-up dimension (null = top). */
  drill: { f: string | null; e: string | null };
  /** At most this many unit rows (after sorting); default ROW_LIMIT. */
  limit?: number;
}

/** A region of thousands of units lists the first ROW_LIMIT in the current order (the roll-up covers all). */
const ROW_LIMIT = 500;

const HEADERS: Array<[SortKey, string, boolean]> = [
  ['name', '单位', false],
  ['total', '本年支出', true],
  ['change', '较上年', true],
  ['share', '占地区支出', true],
  ['rank', '支出排名', true],
  ['basic', '基本支出占比', true],
  ['project', '项目支出占比', true],
  ['income', '本年收入与来源', true],
  ['sangong', '“三公”经费（对预算）', true],
  ['staff', '在编人员', true],
  ['perPost', '人均支出', true],
  ['operatingPerPost', '人均机关运行经费', true],
];

const dash: Cell = { text: '—', value: null };

/** Region choices: all regions first, then each with its unit count. */
function regionChoices(input: UnitsInput): RegionChoice[] {
  const all = input.regions.reduce((s, r) => s + r.units, 0);
  return [{ region: '', units: all }, ...input.regions].map((r) => ({
    region: r.region,
    label: r.region || '全部地区',
    units: r.units,
    current: r.region === input.region,
    href: toHash({ ...input.view, route: 'units', focus: r.region || ALL_REGIONS }),
  }));
}

function unitCells(s: UnitYearSummary | undefined, m: MoneyUnit): UnitRow['cells'] {
  if (!s) return { total: dash, change: dash, share: dash, rank: dash, basic: dash, project: dash, income: dash, sangong: dash, staff: dash, perPost: dash, operatingPerPost: dash };
  const share = (part: number | null): Cell => {
    if (part === null || !s.total) return dash;
    const v = sharePct(part, s.total)!;
    return { text: pct(v), value: v, derived: true, note: `${money(part, m)} ${MONEY[m].label}，占本年支出的比例（计算）` };
  };
  const change: Cell =
    s.total !== null && s.prev !== null && s.prev !== 0
      ? (() => {
          const g = growthPct(s.total, s.prev)!;
          return { text: `${signedMoney(s.total - s.prev, m)}（${signed(g)}%）`, value: g, derived: true, tone: g > 0 ? 'up' : g < 0 ? 'down' : undefined, note: `上年 ${money(s.prev, m)} ${MONEY[m].label}（计算）` } as Cell;
        })()
      : dash;
  const income = JSON.parse(s.income) as Array<[Source, number]>;
  const incomeCell: Cell =
    s.incomeTotal !== null || income.length
      ? shorten({
          text: [s.incomeTotal !== null ? money(s.incomeTotal, m) : '', income.map(([src, v]) => `${sourceLabel(src)} ${money(v, m)}`).join('；')].filter(Boolean).join(' · '),
          value: s.incomeTotal ?? income.reduce((a, [, v]) => a + v, 0),
          derived: s.incomeTotal === null,
        })
      : dash;
  const items = JSON.parse(s.sangongItems) as Array<[string, number]>;
  const sangong: Cell =
    s.sangong !== null
      ? {
          text: `${money(s.sangong, m)}${s.sangongBudget !== null ? `（${s.sangongBudgetPhase ?? '预算'} ${money(s.sangongBudget, m)}${s.sangongBudget ? `，${pct(sharePct(s.sangong, s.sangongBudget)!)}` : ''}）` : ''}`,
          value: s.sangong,
          note: s.sangongBudget === null ? '报告未列“三公”经费预算' : `决算 ÷ ${s.sangongBudgetPhase ?? '预算'}（计算）`,
        }
      : items.length
        ? // A report that states only some items (公务接待费) shows them by name, never as 三公经费.
          shorten({ text: items.map(([role, v]) => `${roleTitle(role).replace(/^.*?:/, '')}${money(v, m)}`).join('；'), value: null }, '报告未列“三公”经费合计，只列出这些项目')
        : dash;
  const perPost: Cell =
    s.total !== null && s.staff
      ? { text: money(s.total / s.staff, m), value: s.total / s.staff, derived: true, note: `本年支出 ÷ 在编人员 ${count(s.staff)} 人（计算）` }
      : dash;
  const operatingPerPost: Cell =
    s.operating !== null && s.staff
      ? { text: money(s.operating / s.staff, m), value: s.operating / s.staff, derived: true, note: `机关运行经费 ${money(s.operating, m)} ${MONEY[m].label} ÷ 在编人员 ${count(s.staff)} 人（计算）` }
      : s.operating !== null
        ? { text: '—', value: null, note: `机关运行经费 ${money(s.operating, m)} ${MONEY[m].label}；报告未列在编人员` }
        : dash;
  return {
    total: s.total === null ? dash : { text: money(s.total, m), value: s.total, derived: !s.totalStated, note: s.totalStated ? undefined : '由报告的分项合计（计算）' },
    change,
    // Filled in over the region's rows (regionCells): they need every unit's total.
    share: dash,
    rank: dash,
    basic: share(s.basic),
    project: share(s.project),
    income: incomeCell,
    sangong,
    staff: s.staff === null ? (s.quota === null ? dash : { text: `编制 ${count(s.quota)}`, value: null, note: '报告只给出编制数' }) : { text: count(s.staff), value: s.staff },
    perPost,
    operatingPerPost,
  };
}

/** A cell whose text is too long for the table: shortened, the whole text in its note. */
function shorten(c: Cell, why?: string): Cell {
  const chars = [...c.text];
  if (chars.length <= CELL_CHARS) return why ? { ...c, note: why } : c;
  return { ...c, text: `${chars.slice(0, CELL_CHARS - 1).join('')}…`, note: [why, c.text].filter(Boolean).join('：') };
}

/**
 * Each unit's share of the region's 本年支出 and its rank, over the units with a total this year
 * (the share's whole says how many: a region with 3 of 40 units reporting is not the region).
 */
function regionCells(rows: UnitRow[], m: MoneyUnit): void {
  const withTotal = rows.filter((r) => typeof r.cells.total.value === 'number');
  const whole = withTotal.reduce((s, r) => s + (r.cells.total.value as number), 0);
  const ranked = [...withTotal].sort((a, b) => (b.cells.total.value as number) - (a.cells.total.value as number));
  for (const r of withTotal) {
    const v = r.cells.total.value as number;
    const share = sharePct(v, whole);
    if (share !== null) r.cells.share = { text: pct(share), value: share, derived: true, note: `占 ${withTotal.length} 个有本年支出的单位合计 ${money(whole, m)} ${MONEY[m].label} 的比例（计算）` };
    // Equal totals share a rank.
    const rank = ranked.findIndex((x) => x.cells.total.value === v) + 1;
    r.cells.rank = { text: `${rank} / ${withTotal.length}`, value: -rank, derived: true, note: `本年支出在 ${withTotal.length} 个有数据的单位中的位次（计算）` };
  }
}

/**
 * The sentence on 本年支出 of year `a` against `b`, over the units with both years only, naming
 * how many; a year without such units says so instead of comparing different sets of units.
 */
export function changeSentence(summaries: readonly UnitYearSummary[], a: number, b: number | null, place: string, m: MoneyUnit): string {
  const years = [...new Set(summaries.filter((s) => s.total !== null).map((s) => s.year))].sort((x, y) => y - x);
  const base = b !== null && b !== a ? b : years.find((y) => y < a);
  if (base === undefined) return `${place}没有早于 ${a} 年的本年支出数据，无法比较。`;
  const c = likeForLike(summaries, a, base);
  const unitText = MONEY[m].label;
  const cover = `${c.units.length} 个单位两年均有数据（${a} 年 ${c.unitsA} 个、${base} 年 ${c.unitsB} 个单位有数据）`;
  if (c.sumA === null || c.sumB === null) return `本年支出 ${a} 年较 ${base} 年：没有单位两年均有数据（${a} 年 ${c.unitsA} 个、${base} 年 ${c.unitsB} 个单位有数据），不作比较。`;
  const d = c.sumA - c.sumB;
  const g = growthPct(c.sumA, c.sumB);
  const how = d === 0 ? '持平' : `${d > 0 ? '增加' : '减少'} ${money(Math.abs(d), m)} ${unitText}${g === null ? '' : `（${d > 0 ? '增长' : '下降'} ${Math.abs(g).toFixed(2)}%）`}`;
  return `本年支出 ${a} 年较 ${base} 年（同一批单位）：${cover}，合计由 ${money(c.sumB, m)} ${unitText} 变为 ${money(c.sumA, m)} ${unitText}，${how}。`;
}

/** Rows sorted by `sort`; figures a report does not give sort last either way. */
export function sortRows(rows: UnitRow[], sort: Sort): UnitRow[] {
  const val = (r: UnitRow) => (sort.key === 'name' ? r.name : r.cells[sort.key].value);
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    if (x === null || y === null) return x === null && y === null ? 0 : x === null ? 1 : -1;
    if (typeof x === 'string' || typeof y === 'string') return sign * String(x).localeCompare(String(y), 'zh-CN');
    return sign * (x - y);
  });
}

/** Names of codes from the trees (a code the trees do not have shows as itself). */
const namer = (nodes: ClassNode[]) => {
  const by = new Map(nodes.map((n) => [n.code, n]));
  return { name: (c: string) => by.get(c)?.name ?? c, parent: (c: string) => by.get(c)?.parent ?? null };
};

/** One roll-up dimension at a drilled code: its children (or the top level) with amounts and coverage. */
export function rollupPart(dim: 'f' | 'e', rows: readonly RollupRow[], year: number, at: string | null, nodes: ClassNode[], totalUnits: number, m: MoneyUnit): RollupPart {
  const { name, parent } = namer(nodes);
  const mine = rows.filter((r) => r.dim === dim && r.year === year);
  const codes = new Set(mine.map((r) => r.code));
  const parentOf = (c: string) => parent(c) ?? (c.length > 3 ? c.slice(0, c.length - 2) : null);
  const lines = mine
    .filter((r) => parentOf(r.code) === at)
    .map((r) => ({
      code: r.code,
      name: `${r.code} ${name(r.code)}`,
      amount: r.amount,
      text: money(r.amount, m),
      coverage: `${r.units} / ${totalUnits} 个单位`,
      units: r.units,
      stated: r.stated,
      drill: mine.some((x) => parentOf(x.code) === r.code),
    }))
    .sort((a, b) => b.amount - a.amount);
  const crumbs: RollupPart['crumbs'] = [{ code: null, name: dim === 'f' ? '全部功能分类' : '全部经济分类' }];
  const chain: string[] = [];
  for (let c: string | null = at; c; c = parentOf(c)) chain.unshift(c);
  for (const c of chain) crumbs.push({ code: c, name: `${c} ${name(c)}` });
  const title = dim === 'f' ? '按功能分类汇总' : '按经济分类汇总';
  const items = lines.map((l) => ({ key: `${dim}:${l.code}`, label: l.name, amount: l.amount, coverage: l.coverage }));
  const where = at ? `（${name(at)}以下）` : '';
  return {
    dim,
    title,
    crumbs,
    lines,
    amountHeader: `金额（${MONEY[m].label}）`,
    note: codes.size
      ? `只汇总可比口径：${year} 年决算、本年支出、全部资金来源；一个单位的数字是其报告所列，或由其所列细项相加（计算）。每行注明有多少单位的报告给出该项。`
      : `本地区各单位报告没有${year}年按${dim === 'f' ? '功能' : '经济'}分类的决算支出。`,
    chart: items.length
      ? {
          id: `units-rollup-${dim}`,
          title: `${title}${where}`,
          option: barsOption(items, { money: m, barMaxWidth: 24, tooltip: (it) => [amountText(it.amount, m), `汇总 ${it.coverage}的报告`] }),
          label: `${year}年${title}${where}`,
          description: lines.map((l) => `${l.name} ${l.text} ${MONEY[m].label}（${l.coverage}）`).join('；'),
          height: `${Math.max(160, 36 * items.length + 60)}px`,
          pngName: `单位对比-${title}-${year}`,
        }
      : null,
  };
}

/** The region view (see the module comment). */
export function unitsModel(input: UnitsInput): UnitsModel {
  const { view, sort } = input;
  const limit = input.limit ?? ROW_LIMIT;
  const m = view.money;
  const year = view.year;
  const byUnit = new Map<string, UnitYearSummary>();
  for (const s of input.summaries) if (s.year === year) byUnit.set(s.unit, s);
  const rows = input.units.map((u) => ({
    unit: u.id,
    name: u.name,
    region: u.region,
    href: toHash({ ...view, route: '', unit: u.id, path: [], focus: null }),
    cells: unitCells(byUnit.get(u.id), m),
    hasYear: byUnit.has(u.id),
  }));
  regionCells(rows, m);
  const withYear = rows.filter((r) => r.hasYear).length;
  const place = input.region || '全部地区';
  const totalRow = input.rollup.find((r) => r.dim === 't' && r.year === year && r.region === input.region);
  const unitsHere = input.region ? (input.regions.find((r) => r.region === input.region)?.units ?? input.units.length) : input.regions.reduce((s, r) => s + r.units, 0);
  const years = [...new Set(input.rollup.filter((r) => r.dim === 't').map((r) => r.year))].sort((a, b) => b - a);
  const regionRows: RegionRow[] = input.region
    ? []
    : input.regions.map((r) => {
        const t = input.rollup.find((x) => x.dim === 't' && x.year === year && x.region === r.region);
        return {
          region: r.region,
          units: r.units,
          total: t ? money(t.amount, m) : '—',
          coverage: t ? `${t.units} / ${r.units} 个单位` : `0 / ${r.units} 个单位`,
          href: toHash({ ...view, route: 'units', focus: r.region }),
        };
      });
  return {
    state: 'ok',
    title: `${place} · 单位对比`,
    year,
    lede: `${place}各单位 ${year} 年决算的主要数字，按报告所列；标 ${DERIVED_MARK} 的是由所列数字计算的。点击单位名称打开该单位的看板。`,
    regions: regionChoices(input),
    regionRows,
    change: changeSentence(input.summaries, year, view.compare, place, m),
    ...unitsChart(rows, year, place, m),
    headers: HEADERS.map(([key, label, numeric]) => ({ key, label: key === 'total' || key === 'perPost' ? `${label}（${MONEY[m].label}）` : label, numeric, sort: sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none' })),
    rows: sortRows(rows, sort).slice(0, limit),
    coverage: `${place}${unitsHere} 个单位中，${withYear} 个有 ${year} 年的数据（下表${Math.min(limit, input.units.length) < unitsHere ? `按当前排序列出前 ${Math.min(limit, input.units.length)} 个` : '全部列出'}）。`,
    total: totalRow ? { text: `${money(totalRow.amount, m)} ${MONEY[m].label}`, coverage: `${totalRow.units} / ${unitsHere} 个单位的报告` } : null,
    rollups: (['f', 'e'] as const).map((dim) => rollupPart(dim, input.rollup.filter((r) => r.region === input.region), year, input.drill[dim], dim === 'f' ? input.trees.functional : input.trees.economic, unitsHere, m)),
    years,
  };
}

/** Bars of the units' 本年支出 (largest on top, at most ROW_LIMIT), each opening its unit. */
function unitsChart(rows: UnitRow[], year: number, place: string, m: MoneyUnit): { chart: ChartSpec | null; links: Record<string, string> } {
  const bars = rows
    .filter((r) => typeof r.cells.total.value === 'number')
    .sort((a, b) => (b.cells.total.value as number) - (a.cells.total.value as number))
    .slice(0, ROW_LIMIT);
  if (!bars.length) return { chart: null, links: {} };
  const items = bars.map((r) => ({ key: `u:${r.unit}`, label: r.name, amount: r.cells.total.value as number, derived: !!r.cells.total.derived }));
  return {
    links: Object.fromEntries(bars.map((r) => [`u:${r.unit}`, r.href])),
    chart: {
      id: 'units-compare',
      title: `${place}各单位 ${year} 年本年支出`,
      option: barsOption(items, {
        money: m,
        barMaxWidth: 22,
        labelWidth: 160,
        clickable: true,
        tooltip: (it) => [`本年支出 ${amountText(it.amount, m)}${it.derived ? '（由分项合计，计算）' : ''}`, '点击打开该单位'],
      }),
      label: `${place}各单位 ${year} 年本年支出（点击打开该单位）`,
      description: bars.map((r) => `${r.name} ${r.cells.total.text} ${MONEY[m].label}`).join('；'),
      height: `${Math.max(140, 30 * items.length + 50)}px`,
      pngName: `单位对比-本年支出-${year}`,
    },
  };
}

/** The next sort when a header is clicked: a new column sorts descending (names ascending), the same one flips. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: key === 'name' ? 'asc' : 'desc' };
}
