/**
 * Pure transforms behind #/assets: the balance sheet (assets, liabilities, net assets and
 * their change on last year), fixed assets by class with stated and recomputed shares, the
 * vehicle with its status breakdown, and the checks that contradict them.
 *
 * Structure comes from the data (parent / sumsToParent / recompute / derived formulas), so a
 * new unit or year is a new file, not new code.
 */
import { formulaRefs } from '../../domain/formula';
import { baseLabel, rateCheck, refsOf, valuesOf, type RateCheck } from './controls';
import type { Indicator, KnownIssue, RuleResult, UnitYearFile } from '../../model/types';

/** One balance-sheet line: this year's figure, last year's (derived) and the stated change. */
export interface BalanceLine {
  id: string;
  label: string;
  value: number;
  prior: Indicator | null;
  growth: RateCheck | null;
  ids: string[];
}

/**
 * Balance-sheet lines of a group: the stated 万元 records, each with the derived last-year
 * record whose formula uses it and the % record that states its change.
 */
export function balanceLines(file: UnitYearFile, group = 'assets'): BalanceLine[] {
  const values = valuesOf(file);
  const rows = file.measures.filter((m) => m.group === group);
  const stated = rows.filter((m) => m.unit === '万元' && m.provenance.kind !== 'derived');
  return stated.map((m) => {
    const prior = rows.find((d) => d.provenance.kind === 'derived' && d.unit === '万元' && refsOf(d).includes(m.id)) ?? null;
    const growthRec =
      (prior && rows.find((g) => g.unit === '%' && refsOf(prior).includes(g.id))) ||
      rows.find((g) => g.unit === '%' && g.label.startsWith(baseLabel(m.label)));
    const growth = growthRec ? rateCheck(growthRec, values) : null;
    return {
      id: m.id,
      label: m.label,
      value: m.value,
      prior,
      growth,
      ids: [m.id, ...(prior ? [prior.id] : []), ...(growthRec ? [growthRec.id] : [])],
    };
  });
}

/** One part of a whole (a fixed-asset class, a vehicle status) with its stated and recomputed share. */
export interface ShareRow {
  id: string;
  label: string;
  value: number;
  unit: string;
  parent: string | null;
  /** The share the report prints, if any. */
  stated: number | null;
  statedId: string | null;
  /** The share recomputed from the data (null when the report gives no denominator). */
  recomputed: number | null;
  decimals: number;
  matches: boolean | null;
}

/** The % record that states `m`'s share: one whose recompute divides `m` by something, else by wording. */
function shareRecordOf(m: Indicator, rows: Indicator[]): Indicator | undefined {
  return (
    rows.find((s) => s.unit === '%' && s.recompute?.op === 'pct' && s.recompute.args[0] === m.id) ??
    rows.find((s) => s.unit === '%' && !s.recompute && s.label.startsWith(baseLabel(m.label)))
  );
}

/** Parts of `parentId` (records whose parent it is) with their shares, in file order. */
export function sharesOf(file: UnitYearFile, parentId: string): ShareRow[] {
  const values = valuesOf(file);
  return file.measures
    .filter((m) => m.parent === parentId && m.unit !== '%')
    .map((m) => shareRow(m, file.measures, values));
}

function shareRow(m: Indicator, rows: Indicator[], values: ReadonlyMap<string, number>): ShareRow {
  const s = shareRecordOf(m, rows);
  const check = s ? rateCheck(s, values) : null;
  return {
    id: m.id,
    label: m.label,
    value: m.value,
    unit: m.unit,
    parent: m.parent,
    stated: s?.value ?? null,
    statedId: s?.id ?? null,
    recomputed: check?.recomputed ?? null,
    decimals: check?.decimals ?? 2,
    matches: check?.matches ?? null,
  };
}

/**
 * The fixed-asset chain of a group, outermost first: e.g. 自用 927.65 → 在用 927.65 → the
 * classes that sum to 在用. `levels` are the wrappers, `classes` the leaves that sum up.
 */
export function fixedAssets(file: UnitYearFile, group = 'fixed-assets'): { levels: ShareRow[]; classes: ShareRow[] } {
  const values = valuesOf(file);
  const rows = file.measures.filter((m) => m.group === group && m.unit !== '%');
  const leafParent = rows.find((m) => m.sumsToParent)?.parent ?? null;
  const classes = rows.filter((m) => m.sumsToParent && m.parent === leafParent).map((m) => shareRow(m, file.measures, values));
  const levels = rows.filter((m) => !m.sumsToParent).map((m) => shareRow(m, file.measures, values));
  return { levels, classes };
}

/** The vehicle figures: the count and money records, and the status parts of the count. */
export function vehicles(file: UnitYearFile, group = 'vehicles'): { figures: Indicator[]; status: ShareRow[] } {
  const rows = file.measures.filter((m) => m.group === group && m.unit !== '%');
  const whole = rows.find((m) => rows.some((c) => c.parent === m.id && c.sumsToParent));
  return {
    figures: rows.filter((m) => m.parent === null),
    status: whole ? sharesOf(file, whole.id) : [],
  };
}

/** A check that contradicts some figures, with its numbers and the known issue that explains it. */
export interface Contradiction {
  key: string;
  title: string;
  status: RuleResult['status'];
  message: string;
  numbers: Record<string, number>;
  records: string[];
  issue: KnownIssue | null;
}

/**
 * Checks (fail or known) touching any of `ids`, plus known issues about those records that no
 * check points to — so an inconsistency is shown beside the chart from the validator's own
 * results, never from hard-coded text.
 */
export function contradictions(ids: string[], results: RuleResult[], issues: KnownIssue[], kinds: KnownIssue['kind'][] = ['arithmetic', 'definition']): Contradiction[] {
  const set = new Set(ids);
  const out: Contradiction[] = results
    .filter((r) => r.status !== 'pass' && r.records.some((id) => set.has(id)))
    .map((r) => ({
      key: r.key,
      title: r.title,
      status: r.status,
      message: r.message,
      numbers: r.numbers,
      records: r.records,
      issue: issues.find((k) => k.id === r.knownIssue) ?? null,
    }));
  const explained = new Set(out.flatMap((c) => (c.issue ? [c.issue.id] : [])));
  for (const k of issues) {
    if (explained.has(k.id) || !kinds.includes(k.kind) || !k.records.some((id) => set.has(id))) continue;
    // Only issues whose own subject is one of these records, not ones that merely mention them.
    if (!set.has(k.records[0])) continue;
    out.push({ key: k.explains[0] ?? `issue:${k.id}`, title: k.title, status: 'known', message: k.explanation, numbers: {}, records: k.records, issue: k });
  }
  return out;
}

/** Record ids a set of measures' formulas reach (for "which checks touch this chart"). */
export function idsWithRefs(ms: Indicator[]): string[] {
  return [...new Set(ms.flatMap((m) => [m.id, ...(m.recompute ? formulaRefs(m.recompute) : [])]))];
}
