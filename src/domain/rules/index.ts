/**
 * Reconciliation rules: the arithmetic a report's figures must satisfy among themselves. One
 * file per rule id; this registry runs them in order and applies the known issues.
 *
 * Rules are written for any unit-year file, never for one report: they work from the facts'
 * dimensions and the measures' roles. Each check yields a RuleResult with a stable key
 * ("rule-id:subject"), its numbers, the records it concerns and a sentence a finance clerk can
 * follow. A failure whose key a knownIssue `explains` is reported as `known` (the source's own
 * inconsistency, documented) instead of `fail`.
 *
 * Matching of `explains` entries: an entry equal to the key, an entry that is a key prefix ending
 * at a ":" boundary ("children-sum:f-1" also explains "children-sum:f-1:economic"), or a bare rule
 * id (explains every result of that rule).
 *
 * Pure TypeScript: the browser bundles it.
 */
import type { DataError, KnownIssue, RuleResult, UnitYearFile } from '../../model/types';
import { assetBounds } from './asset-bounds';
import { balance } from './balance';
import { basisSum } from './basis-sum';
import { change } from './change';
import { childrenSum } from './children-sum';
import { buildContext, fmt, type ReconcileOptions, type Rule, type Trees } from './context';
import { derived } from './derived';
import { economicScope } from './economic-scope';
import { functionalEconomic } from './functional-economic';
import { fundSources } from './fund-sources';
import { incomeSources } from './income-sources';
import { partOfWhole } from './part-of-whole';
import { partsSum } from './parts-sum';
import { quote } from './quote';
import { recompute } from './recompute';
import { share } from './share';
import { uniqueCell } from './unique-cell';

export type { ReconcileOptions, Rule, Trees } from './context';
export { fmt } from './context';
export { chineseNumber, normalizeQuoteText, quoteHasValue } from './quote';

/** Every rule, in report order: structure, totals and compositions, rates, provenance. */
export const RULES: readonly Rule[] = [
  uniqueCell,
  childrenSum,
  basisSum,
  functionalEconomic,
  economicScope,
  balance,
  incomeSources,
  fundSources,
  partOfWhole,
  partsSum,
  recompute,
  share,
  change,
  derived,
  quote,
  assetBounds,
];

/** Rule ids; a knownIssue's `explains` entries must start with one of them. */
export const RULE_IDS = RULES.map((r) => r.id) as readonly string[];
export const RULE_TITLES: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.title]));

/**
 * Run every reconciliation rule on one unit-year file.
 *
 * @param file  a validated unit-year file
 * @param trees the functional and economic classification trees (files, node lists or Trees)
 * @param opts  `sourceText` enables the quote rule
 */
export function reconcile(file: UnitYearFile, trees: Trees, opts: ReconcileOptions = {}): RuleResult[] {
  const ctx = buildContext(file, trees, opts);
  return applyKnownIssues(
    RULES.flatMap((r) => r.run(ctx)),
    file.knownIssues,
  );
}

/** True when a knownIssue `explains` entry covers a result key (exact, prefix at ":", or bare rule id). */
export function explainsKey(entry: string, key: string): boolean {
  return entry === key || key.startsWith(entry + ':');
}

/** Turn failures explained by a knownIssue into `known`, carrying the issue id. */
export function applyKnownIssues(results: RuleResult[], issues: readonly KnownIssue[]): RuleResult[] {
  return results.map((r) => {
    if (r.status !== 'fail') return r;
    const issue = issues.find((k) => k.explains.some((e) => explainsKey(e, r.key)));
    return issue ? { ...r, status: 'known', knownIssue: issue.id } : r;
  });
}

/** Known issues (and their explains entries) that match no failing result: stale or mistyped keys. */
export function unusedKnownIssues(results: RuleResult[], issues: readonly KnownIssue[]): Array<{ issue: string; entry: string }> {
  const out: Array<{ issue: string; entry: string }> = [];
  for (const k of issues) {
    for (const e of k.explains) {
      if (!results.some((r) => r.knownIssue === k.id && explainsKey(e, r.key))) out.push({ issue: k.id, entry: e });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Summary and text report

export interface StatusCounts {
  pass: number;
  fail: number;
  known: number;
}
export interface Summary {
  total: StatusCounts;
  /** Counts per rule, in the order of RULE_IDS (rules with no results are omitted). */
  byRule: Record<string, StatusCounts>;
}

/** Counts of results by rule and status. */
export function summarize(results: RuleResult[]): Summary {
  const total: StatusCounts = { pass: 0, fail: 0, known: 0 };
  const byRule: Record<string, StatusCounts> = {};
  const order = [...new Set([...RULE_IDS, ...results.map((r) => r.rule)])];
  for (const rule of order) {
    const rs = results.filter((r) => r.rule === rule);
    if (rs.length === 0) continue;
    const c: StatusCounts = { pass: 0, fail: 0, known: 0 };
    for (const r of rs) c[r.status]++;
    byRule[rule] = c;
  }
  for (const r of results) total[r.status]++;
  return { total, byRule };
}

const numbersText = (n: Record<string, number>) =>
  Object.entries(n)
    .map(([k, v]) => `${k}=${fmt(v, 4)}`)
    .join(' ');

/**
 * A plain-text report: schema errors first, then every rule with its pass / fail / known counts,
 * each failure with its numbers and records, each known failure with the issue's title.
 */
export function formatReport(
  results: RuleResult[],
  errors: DataError[],
  opts: { knownIssues?: readonly KnownIssue[]; title?: string; showPasses?: boolean } = {},
): string {
  const lines: string[] = [];
  if (opts.title) lines.push(opts.title, '='.repeat(Math.min(72, [...opts.title].length * 2)));
  if (errors.length) {
    lines.push(`结构错误 ${errors.length} 个：`);
    for (const e of errors) lines.push(`  ✗ ${e.message || [e.file, e.record, e.field].filter(Boolean).join(' › ')}`);
    lines.push('');
  }
  if (results.length) {
    const s = summarize(results);
    lines.push(`规则检查：通过 ${s.total.pass}，未解释失败 ${s.total.fail}，已知问题 ${s.total.known}`);
    for (const [rule, c] of Object.entries(s.byRule)) {
      lines.push('', `[${rule}] ${RULE_TITLES[rule] ?? rule} — 通过 ${c.pass}，失败 ${c.fail}，已知 ${c.known}`);
      for (const r of results.filter((x) => x.rule === rule)) {
        if (r.status === 'pass' && !opts.showPasses) continue;
        const mark = r.status === 'fail' ? '✗ 失败' : r.status === 'known' ? '~ 已知' : '✓ 通过';
        lines.push(`  ${mark} ${r.key}`);
        lines.push(`      ${r.message}`);
        lines.push(`      数值：${numbersText(r.numbers)}`);
        lines.push(`      记录：${r.records.join(', ')}`);
        if (r.status === 'known') {
          const k = opts.knownIssues?.find((i) => i.id === r.knownIssue);
          lines.push(`      已知问题 ${r.knownIssue}${k ? `：${k.title}` : ''}`);
        }
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
