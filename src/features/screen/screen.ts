/**
 * Pure transforms behind the big screen (#/screen): the headline totals and the functional
 * spending of one unit-year from the facts table, and one key figure per operational group.
 * Same data and same selection (unit, year) as the analysis views.
 */
import type { ColumnTable } from 'arquero';
import type { FactRow } from '../../data/tables';
import { chartableOps, type OpGroup, type OpItem } from '../operations/operations';

export interface SpendRow {
  id: string;
  code: string;
  label: string;
  amount: number;
  basis: string | null;
}

export interface Headline {
  total: FactRow | null;
  basic: FactRow | null;
  project: FactRow | null;
  initialBudget: FactRow | null;
}

function rows(facts: ColumnTable, unit: string, year: number): FactRow[] {
  return facts
    .params({ unit, year })
    .filter((d: FactRow, $: { unit: string; year: number }) => d.unit === $.unit && d.year === $.year)
    .objects() as unknown as FactRow[];
}

/** 决算 by functional 项 (7-digit code, no economic split), largest first. */
export function spendingByFunction(facts: ColumnTable, unit: string, year: number): SpendRow[] {
  return rows(facts, unit, year)
    .filter((r) => r.phase === '决算' && r.economic === null && r.functional?.length === 7)
    .map((r) => ({ id: r.id, code: r.functional!, label: r.label, amount: r.amount, basis: r.basis }))
    .sort((a, b) => b.amount - a.amount);
}

/** The stated totals: 决算 total, 基本 / 项目 totals and the 年初预算. */
export function headline(facts: ColumnTable, unit: string, year: number): Headline {
  const rs = rows(facts, unit, year).filter((r) => r.functional === null && r.economic === null);
  const find = (phase: FactRow['phase'], basis: FactRow['basis']) => rs.find((r) => r.phase === phase && r.basis === basis) ?? null;
  return { total: find('决算', null), basic: find('决算', '基本支出'), project: find('决算', '项目支出'), initialBudget: find('年初预算', null) };
}

/** One key figure per operational group: its largest stated count (levels and rates skipped). */
export function keyFigures(groups: OpGroup[]): Array<{ group: OpGroup; item: OpItem }> {
  return groups.flatMap((g) => {
    const c = chartableOps(g.items).filter((i) => i.unit !== '级');
    const item = c.sort((a, b) => b.base - a.base)[0];
    return item ? [{ group: g, item }] : [];
  });
}
