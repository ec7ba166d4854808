/**
 * Rules that find a report's own problems by themselves, in four families: arithmetic (sums,
 * compositions, balances, rates and changes recomputed), definitions (口径: the wrong base, a
 * copied rate, a zero base, personnel cost in 项目支出 …), wording (the report's text: one code
 * under two names, a year compared with itself, numbering, punctuation …) and the source (quotes
 * found in the text). One file per rule id; this registry runs them in order and applies the
 * known issues.
 *
 * Rules are written for any unit-year file, never for one report: they work from the facts'
 * dimensions, the measures' roles, the classification trees and the report's text. Each check
 * yields a RuleResult with a stable key ("rule-id:subject"), its numbers, the records (or the
 * text span) it concerns, a sentence a finance clerk can follow, and a grade: an `error` means
 * the figures cannot all be right, a `warning` a figure probably defined or worded wrongly, a
 * `note` a blemish. No rule changes a figure. A failure whose key a knownIssue `explains` is
 * reported as `known` (the source's own inconsistency, documented) instead of `fail`; only an
 * unexplained error fails `check:data`.
 *
 * Matching of `explains` entries: an entry equal to the key, an entry that is a key prefix ending
 * at a ":" boundary ("children-sum:f-1" also explains "children-sum:f-1:economic"), or a bare rule
 * id (explains every result of that rule).
 *
 * Pure TypeScript: the browser bundles it.
 */
import type { DataError, KnownIssue, RuleFamily, RuleGrade, RuleResult, UnitYearFile } from '../../model/types';
import { assetBounds } from './asset-bounds';
import { assetPurchases } from './asset-purchases';
import { assumedInput } from './assumed-input';
import { balance } from './balance';
import { basisSum } from './basis-sum';
import { change } from './change';
import { childrenSum } from './children-sum';
import { codeNames } from './code-names';
import { completionBase } from './completion-base';
import { completionClaim } from './completion-claim';
import { buildContext, fmt, type ReconcileOptions, type Rule, type Trees } from './context';
import { copiedRate } from './copied-rate';
import { derived } from './derived';
import { economicScope } from './economic-scope';
import { figureFormat } from './figure-format';
import { flowWording } from './flow-wording';
import { functionalEconomic } from './functional-economic';
import { fundSources } from './fund-sources';
import { grandTotalScope } from './grand-total-scope';
import { incomeSources } from './income-sources';
import { netAssets } from './net-assets';
import { basicParts } from './basic-parts';
import { fiscalTotals } from './fiscal-totals';
import { completionRate } from './completion-rate';
import { operatingScope } from './operating-scope';
import { pairedMarks } from './paired-marks';
import { partOfWhole } from './part-of-whole';
import { partsSum } from './parts-sum';
import { personnelInProject } from './personnel-in-project';
import { qizhong } from './qizhong';
import { quote } from './quote';
import { rate } from './rate';
import { recompute } from './recompute';
import { sectionNumbers } from './section-numbers';
import { share } from './share';
import { signedDirection } from './signed-direction';
import { splitLevels } from './split-levels';
import { tableLevels } from './table-levels';
import { tableRows } from './table-rows';
import { titleUnit } from './title-unit';
import { uniqueCell } from './unique-cell';
import { unstatedBase } from './unstated-base';
import { valuationBasis } from './valuation-basis';
import { yearSelf } from './year-self';
import { zeroBase } from './zero-base';

export type { ReconcileOptions, Rule, Trees } from './context';
export { chineseNumber, quoteHasValue } from './quote';

/**
 * Every rule, by family: arithmetic (structure, totals and compositions, rates and changes),
 * definitions, the source, wording.
 */
export const RULES: readonly Rule[] = [
  uniqueCell,
  childrenSum,
  tableLevels,
  basisSum,
  tableRows,
  functionalEconomic,
  economicScope,
  balance,
  incomeSources,
  fundSources,
  partOfWhole,
  partsSum,
  netAssets,
  basicParts,
  fiscalTotals,
  recompute,
  rate,
  share,
  change,
  derived,
  assetBounds,
  completionBase,
  completionRate,
  copiedRate,
  zeroBase,
  completionClaim,
  grandTotalScope,
  personnelInProject,
  operatingScope,
  assetPurchases,
  valuationBasis,
  assumedInput,
  unstatedBase,
  quote,
  codeNames,
  splitLevels,
  flowWording,
  yearSelf,
  signedDirection,
  qizhong,
  figureFormat,
  sectionNumbers,
  pairedMarks,
  titleUnit,
];

/** Rule ids; a knownIssue's `explains` entries must start with one of them. */
export const RULE_IDS = RULES.map((r) => r.id) as readonly string[];
export const RULE_TITLES: Record<string, string> = Object.fromEntries(RULES.map((r) => [r.id, r.title]));
/** The family and the grade of each rule's findings (a result may carry another grade). */
export const RULE_FAMILIES: Record<string, RuleFamily> = Object.fromEntries(RULES.map((r) => [r.id, r.family]));
export const RULE_GRADES: Record<string, RuleGrade> = Object.fromEntries(RULES.map((r) => [r.id, r.grade]));

/** The families in display order, with their titles for people. */
export const FAMILIES: readonly RuleFamily[] = ['arithmetic', 'definition', 'wording', 'source'];
export const FAMILY_TITLES: Record<RuleFamily, string> = {
  arithmetic: '算术：合计、构成、比率与变动',
  definition: '口径：定义与范围',
  wording: '措辞：名称、年份、编号与标点',
  source: '出处：引文与原文',
};
/** The grades, most serious first, with their titles for people. */
export const GRADES: readonly RuleGrade[] = ['error', 'warning', 'note'];
export const GRADE_TITLES: Record<RuleGrade, string> = { error: '错误', warning: '警告', note: '提示' };

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
function applyKnownIssues(results: RuleResult[], issues: readonly KnownIssue[]): RuleResult[] {
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

/**
 * Counts of results. `fail` counts unexplained ERRORS only — what fails `check:data`;
 * unexplained warnings and notes are counted apart (`warning`, `note`) and never fail a check.
 * `known` counts failures of any grade that a known issue explains. The five add up to the
 * number of results.
 */
interface StatusCounts {
  pass: number;
  fail: number;
  known: number;
  warning: number;
  note: number;
}
export interface Summary {
  total: StatusCounts;
  /** Counts per rule, in the order of RULE_IDS (rules with no results are omitted). */
  byRule: Record<string, StatusCounts>;
  /** Counts per family, in the order of FAMILIES (families with no results are omitted). */
  byFamily: Partial<Record<RuleFamily, StatusCounts>>;
  /** Counts per grade of the check (passes included), in the order of GRADES. */
  byGrade: Partial<Record<RuleGrade, StatusCounts>>;
}

const zero = (): StatusCounts => ({ pass: 0, fail: 0, known: 0, warning: 0, note: 0 });

/** Where a result counts: pass, known, or by grade when it is an unexplained failure. */
export function countOf(r: Pick<RuleResult, 'status' | 'grade'>): keyof StatusCounts {
  if (r.status !== 'fail') return r.status;
  return r.grade === 'error' ? 'fail' : r.grade;
}

function counts(rs: readonly RuleResult[]): StatusCounts {
  const c = zero();
  for (const r of rs) c[countOf(r)]++;
  return c;
}

/** True when the results hold an unexplained error (what fails `check:data`). */
export function hasUnexplainedError(results: readonly RuleResult[]): boolean {
  return results.some((r) => countOf(r) === 'fail');
}

/** Counts of results by rule, family and grade. */
export function summarize(results: RuleResult[]): Summary {
  const byRule: Record<string, StatusCounts> = {};
  for (const rule of new Set([...RULE_IDS, ...results.map((r) => r.rule)])) {
    const rs = results.filter((r) => r.rule === rule);
    if (rs.length) byRule[rule] = counts(rs);
  }
  const byFamily: Summary['byFamily'] = {};
  for (const f of FAMILIES) {
    const rs = results.filter((r) => r.family === f);
    if (rs.length) byFamily[f] = counts(rs);
  }
  const byGrade: Summary['byGrade'] = {};
  for (const g of GRADES) {
    const rs = results.filter((r) => r.grade === g);
    if (rs.length) byGrade[g] = counts(rs);
  }
  return { total: counts(results), byRule, byFamily, byGrade };
}

const numbersText = (n: Record<string, number>) =>
  Object.entries(n)
    .map(([k, v]) => `${k}=${fmt(v, 4)}`)
    .join(' ');

/** "通过 P，失败 F，已知 K", then unexplained warnings and notes when there are any ("失败" is an unexplained error). */
const countsText = (c: StatusCounts) => `通过 ${c.pass}，失败 ${c.fail}，已知 ${c.known}${c.warning ? `，警告 ${c.warning}` : ''}${c.note ? `，提示 ${c.note}` : ''}`;
const MARK: Record<keyof StatusCounts, string> = { pass: '✓ 通过', fail: '✗ 失败', warning: '! 警告', note: '· 提示', known: '~ 已知' };

/**
 * A plain-text report: schema errors first, then the totals, then each family and each rule with
 * its counts, every finding with its grade, numbers, records and text span, each known failure
 * with the issue's title. Passes are listed with `showPasses`.
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
    const t = s.total;
    lines.push(`规则检查：通过 ${t.pass}，未解释失败 ${t.fail}，已知问题 ${t.known}，未解释的警告 ${t.warning}，提示 ${t.note}（只有未解释失败不通过）`);
    for (const fam of FAMILIES) {
      const fc = s.byFamily[fam];
      if (!fc) continue;
      lines.push('', `【${FAMILY_TITLES[fam]}】${countsText(fc)}`);
      for (const [rule, c] of Object.entries(s.byRule)) {
        const rs = results.filter((x) => x.rule === rule && x.family === fam);
        if (rs.length === 0) continue;
        const grade = RULE_GRADES[rule] ?? rs[0].grade;
        lines.push(`[${rule}] ${RULE_TITLES[rule] ?? rule}${grade === 'error' ? '' : `（${GRADE_TITLES[grade]}）`} — ${countsText(c)}`);
        for (const r of rs) {
          if (r.status === 'pass' && !opts.showPasses) continue;
          lines.push(`  ${MARK[countOf(r)]} ${r.key}${r.status === 'known' ? `（${GRADE_TITLES[r.grade]}）` : ''}`);
          lines.push(`      ${r.message}`);
          if (Object.keys(r.numbers).length) lines.push(`      数值：${numbersText(r.numbers)}`);
          if (r.records.length) lines.push(`      记录：${r.records.join(', ')}`);
          if (r.span) lines.push(`      原文${r.span.line ? `（第 ${r.span.line} 行）` : ''}：「${r.span.text}」`);
          if (r.status === 'known') {
            const k = opts.knownIssues?.find((i) => i.id === r.knownIssue);
            lines.push(`      已知问题 ${r.knownIssue}${k ? `：${k.title}` : ''}`);
          }
        }
      }
    }
    lines.push('');
  }
  return lines.join('\n');
}
