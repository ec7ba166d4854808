/**
 * What the region view knows of one unit and fact year, and the rows a region's roll-up sums.
 * Computed by the same code at build time (scripts/compile-data.ts writes them into the region
 * partitions) and in the page when no compiled data is shipped (a data folder served as is), so
 * both give the same numbers. Pure: inputs are one unit's files, its facts table and the trees.
 *
 * Money is read by fact dimensions and measures by role; what the report states is kept apart
 * from what is computed here (`…Stated` flags), so the view can mark derived figures.
 */
import type { ColumnTable } from 'arquero';
import { makeLookup, slice, spendingYears } from '../spending/slices';
import { type Amount, type NodeKey, type Trees } from '../spending/types';
import { UnitFigures } from '../figures';
import { treeOf } from '../tree';
import type { UnitEntry, UnitYearFile } from '../../model/types';
import { SOURCES, type Source } from '../../model/vocabulary';

/** One unit in one fact year, as the region comparison shows it. Money in 万元. */
export interface UnitYearSummary {
  unit: string;
  name: string;
  region: string;
  year: number;
  /** 本年支出 (决算, all fund sources); stated = one fact with exactly that key. */
  total: number | null;
  totalStated: boolean;
  /** The same figure for year − 1, from any report of the unit (a report's 上年 column counts). */
  prev: number | null;
  basic: number | null;
  project: number | null;
  /** 本年收入合计 and its sources, JSON `[[source, amount], …]` (a string: it travels as one Arrow column). */
  incomeTotal: number | null;
  income: string;
  /** “三公”经费 as the report states it (never the sum of the items it happens to list). */
  sangong: number | null;
  /** Its budget (调整预算, else 年初预算), where stated. */
  sangongBudget: number | null;
  /** The 三公 items the report gives when it states no 三公 total, JSON `[[role, amount], …]`. */
  sangongItems: string;
  /** 在编人员 (staff.in-post), else null. */
  staff: number | null;
  quota: number | null;
  /** Every report of the unit that states figures of this year (report years). */
  reports: number;
}

/** One figure of a region roll-up from one unit-year: dimension `t` (total), `f` or `e`, and the code. */
export interface RollupCell {
  unit: string;
  region: string;
  year: number;
  dim: 't' | 'f' | 'e';
  code: string;
  amount: number;
  stated: boolean;
}

/** A region's roll-up row: the sum over the units whose reports give the figure, and how many do. */
export interface RollupRow {
  region: string;
  year: number;
  dim: 't' | 'f' | 'e';
  code: string;
  amount: number;
  /** Units whose reports give this figure (stated or as a sum of their finer stated facts). */
  units: number;
  /** Of those, units that state it directly. */
  stated: number;
}

const TOTAL: NodeKey = { basis: null, functional: null, economic: null };

/** The region view's summary of `unit` for each fact year its spending is reported in (决算). */
export function unitSummaries(entry: Pick<UnitEntry, 'id' | 'name' | 'region'>, files: readonly UnitYearFile[], facts: ColumnTable | null, trees: Trees): UnitYearSummary[] {
  const figures = new UnitFigures(files);
  const spendYears = facts ? spendingYears(facts, entry.id) : [];
  const years = new Set<number>(spendYears);
  for (const f of files) for (const m of f.measures) if (m.role === 'spending.total' || m.role === 'sangong.total' || m.role === 'income.total') years.add(m.year);
  const amountAt = (year: number, key: NodeKey): Amount | null => (facts && spendYears.includes(year) ? makeLookup(slice(facts, entry.id, year, '决算'), trees)(key) : null);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const total = amountAt(year, TOTAL);
      const byRole = (role: string, phase?: '年初预算' | '调整预算' | '决算') => figures.get({ role, year, ...(phase ? { phase } : {}) })?.value ?? null;
      const totalFigure = total?.amount ?? byRole('spending.total');
      const prev = amountAt(year - 1, TOTAL)?.amount ?? figures.get({ role: 'spending.total', year: year - 1 })?.value ?? null;
      const income = incomeOf(facts, entry.id, year, figures);
      const sangong = byRole('sangong.total');
      const items = sangong === null ? figures.parts('sangong.item', year).map((f) => [f.role, f.value]) : [];
      return {
        unit: entry.id,
        name: entry.name,
        region: entry.region,
        year,
        total: totalFigure,
        totalStated: total ? total.stated : totalFigure !== null,
        prev,
        basic: amountAt(year, { ...TOTAL, basis: '基本支出' })?.amount ?? byRole('spending.type:基本支出'),
        project: amountAt(year, { ...TOTAL, basis: '项目支出' })?.amount ?? byRole('spending.type:项目支出'),
        incomeTotal: income.total,
        income: JSON.stringify(income.parts),
        sangong,
        sangongBudget: sangong === null ? null : (byRole('sangong.total', '调整预算') ?? byRole('sangong.total', '年初预算')),
        sangongItems: JSON.stringify(items),
        staff: byRole('staff.in-post'),
        quota: byRole('staff.quota'),
        reports: files.filter((f) => [f.facts, f.measures].some((l) => l.some((r) => r.year === year))).length,
      };
    });
}

/** 本年收入 by source: the 收入 facts (决算), else the measures by role. */
function incomeOf(facts: ColumnTable | null, unit: string, year: number, figures: UnitFigures): { total: number | null; parts: Array<[Source, number]> } {
  const rows = facts
    ? (facts
        .params({ unit, year })
        .filter((d: any, $: any) => d.unit === $.unit && d.year === $.year && d.phase === '决算' && d.flow === '收入' && d.basis === null && d.functional === null && d.economic === null)
        .select('source', 'amount')
        .objects() as Array<{ source: Source | null; amount: number }>)
    : [];
  const parts = new Map<Source, number>();
  let total: number | null = null;
  for (const r of rows) {
    if (r.source === null) total = r.amount;
    else parts.set(r.source, r.amount);
  }
  for (const s of SOURCES) {
    if (parts.has(s)) continue;
    const v = figures.get({ role: `income.source:${s}`, year })?.value;
    if (v !== undefined) parts.set(s, v);
  }
  total ??= figures.get({ role: 'income.total', year })?.value ?? null;
  return { total, parts: SOURCES.filter((s) => parts.has(s)).map((s) => [s, parts.get(s)!]) };
}

/**
 * The unit's comparable figures for the roll-up: 决算 spending of all fund sources (flow 支出,
 * source null), the total and every functional and economic code on the way to a stated code,
 * each the stated fact or the most complete sum of the unit's finer stated facts (the drill's
 * own look-up). Plan phases and fund-source rows never enter, so nothing is counted twice.
 */
export function rollupCells(unit: Pick<UnitEntry, 'id' | 'region'>, facts: ColumnTable | null, trees: Trees): RollupCell[] {
  if (!facts) return [];
  const out: RollupCell[] = [];
  for (const year of spendingYears(facts, unit.id)) {
    const rows = slice(facts, unit.id, year, '决算');
    const value = makeLookup(rows, trees);
    const push = (dim: RollupCell['dim'], code: string, key: NodeKey) => {
      const a = value(key);
      if (a) out.push({ unit: unit.id, region: unit.region, year, dim, code, amount: a.amount, stated: a.stated });
    };
    push('t', '', TOTAL);
    for (const [dim, field, tree] of [['f', 'functional', trees.functional], ['e', 'economic', trees.economic]] as const) {
      const codes = new Set<string>();
      for (const r of rows) {
        const c = r[field];
        if (c) for (const a of treeOf(tree).listedPath(c)) codes.add(a);
      }
      for (const code of [...codes].sort()) push(dim, code, { ...TOTAL, [field]: code });
    }
  }
  return out;
}

/** Sum cells per region (and, with `all`, over every region as region ""), counting the units. */
export function rollup(cells: readonly RollupCell[], { all = false }: { all?: boolean } = {}): RollupRow[] {
  const by = new Map<string, RollupRow>();
  const add = (region: string, c: RollupCell) => {
    const k = `${region}\u0000${c.year}\u0000${c.dim}\u0000${c.code}`;
    let r = by.get(k);
    if (!r) by.set(k, (r = { region, year: c.year, dim: c.dim, code: c.code, amount: 0, units: 0, stated: 0 }));
    r.amount += c.amount;
    r.units += 1;
    if (c.stated) r.stated += 1;
  };
  for (const c of cells) {
    add(c.region, c);
    if (all) add('', c);
  }
  return [...by.values()].map((r) => ({ ...r, amount: Math.round(r.amount * 1e6) / 1e6 }));
}
