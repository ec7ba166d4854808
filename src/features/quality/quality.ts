/**
 * Pure helpers behind #/quality: where each record of a check is shown (so every record in the
 * reconciliation report is a link to its figure) and the per-rule counts for the chart.
 */
import type { ClassNode, RuleResult, UnitYearFile } from '../../model/types';
import type { DrillStep, Route } from '../../state/url';
import { summarize, RULE_TITLES } from '../../domain/rules';

export interface RecordTarget {
  route: Route;
  path: DrillStep[];
  focus: string | null;
  label: string;
}

function ancestors(code: string, nodes: Array<Pick<ClassNode, 'code' | 'parent'>>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: string | null = code;
  while (cur && !seen.has(cur)) {
    seen.add(cur);
    out.unshift(cur);
    cur = nodes.find((n) => n.code === cur)?.parent ?? null;
  }
  return out;
}

/**
 * Where a record is shown: a fact on #/spending drilled to its cell (basis, then functional
 * codes from 类 down, then economic codes), a measure on #/assets and an indicator on
 * #/operations focused on it. null when the id is not in the file.
 */
export function recordTarget(
  id: string,
  file: UnitYearFile,
  trees: { functional?: Array<Pick<ClassNode, 'code' | 'parent'>>; economic?: Array<Pick<ClassNode, 'code' | 'parent'>> } = {},
): RecordTarget | null {
  const fact = file.facts.find((f) => f.id === id);
  if (fact) {
    const path: DrillStep[] = [];
    if (fact.basis && !fact.functional && !fact.economic) path.push(`b:${fact.basis}`);
    if (fact.functional) path.push(...ancestors(fact.functional, trees.functional ?? []).map((c) => `f:${c}` as DrillStep));
    if (fact.economic) path.push(...ancestors(fact.economic, trees.economic ?? []).map((c) => `e:${c}` as DrillStep));
    return { route: 'spending', path, focus: null, label: fact.label };
  }
  const m = file.measures.find((x) => x.id === id);
  if (m) return { route: 'assets', path: [], focus: id, label: m.label };
  const i = file.indicators.find((x) => x.id === id);
  if (i) return { route: 'operations', path: [], focus: id, label: i.label };
  return null;
}

export interface RuleRow {
  rule: string;
  title: string;
  pass: number;
  fail: number;
  known: number;
}

/** One row per rule (validator order) with its pass / fail / known counts. */
export function ruleRows(results: RuleResult[]): RuleRow[] {
  const s = summarize(results);
  return Object.entries(s.byRule).map(([rule, c]) => ({ rule, title: RULE_TITLES[rule] ?? rule, ...c }));
}

/** Results ordered for reading: failures first, then known issues, then passes (stable within). */
export function orderResults(results: RuleResult[]): RuleResult[] {
  const rank = { fail: 0, known: 1, pass: 2 } as const;
  return results.map((r, i) => ({ r, i })).sort((a, b) => rank[a.r.status] - rank[b.r.status] || a.i - b.i).map((x) => x.r);
}
