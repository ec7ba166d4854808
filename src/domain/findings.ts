/**
 * Rule results as people read them: the words for their numbers, and the findings that concern a
 * set of records (shown beside the chart of those records, linked to #/quality). Text comes from
 * the rules' results and the data's knownIssues, never from a view.
 */
import type { KnownIssue, RuleGrade, RuleResult, UnitYearFile } from '../model/types';
import { roleSection } from '../model/vocabulary';
import type { DrillStep, Route } from '../model/routes';
import { toHash, type ViewState } from '../state/url';
import { GRADES } from './rules';
import { treeOf, type TreeInput } from './tree';

/** Words for the number keys of rule results. */
export const NUMBER_LABEL: Record<string, string> = {
  expected: '应为',
  found: '实际',
  difference: '差额',
  tolerance: '容差',
  economicTotal: '经济分类合计',
  functionalTotal: '功能科目合计',
  stated: '报告值',
  recomputed: '复算值',
  remainder: '未分到下级的部分',
  children: '下级项数',
  parts: '分项数',
  prefix: '之和等于总数的前几项',
  basic: '基本支出',
  project: '项目支出',
  remitted: '上缴上级支出',
  business: '经营支出',
  subsidies: '对附属单位补助支出',
  income: '收入总计',
  spending: '支出总计',
  incomeTotal: '收入合计',
  spendingTotal: '支出合计',
  initialBase: '按年初预算算得',
  adjustedBase: '按调整预算算得',
  other: '另一处的比率',
  base: '上年数',
  current: '本年数',
  purchases: '本年购置额',
  whole: '整体的数',
  assumed: '推定的数据项数',
  names: '用过的名称数',
  carryOverNeeded: '应有的结转和结余',
  sources: '来源项数',
  number: '编号',
  previous: '上一个编号',
  value: '数值',
  year: '年份',
  lines: '行数',
  count: '个数',
};

/**
 * A result number as people read it: two decimals at 1 and above (as the report prints money
 * and rates), up to four below 1 so a small tolerance or difference does not round to 0.
 */
export function fmtNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const r = Math.abs(v) >= 1 ? Math.round(v * 100) / 100 : Math.round(v * 1e4) / 1e4;
  return String(r).replace('-', '−');
}

/** A result's numbers as labelled pairs; a number no label names is shown under 数值 (never its internal key). */
export function numberPairs(numbers: Record<string, number>): Array<{ label: string; value: string }> {
  return Object.entries(numbers).map(([k, v]) => ({ label: NUMBER_LABEL[k] ?? '数值', value: fmtNumber(v) }));
}

const STATUS_TEXT: Record<RuleResult['status'], string> = { pass: '通过', fail: '未通过', known: '已知不一致' };

/** A finding shown beside a chart. */
export interface CheckView {
  key: string;
  status: RuleResult['status'];
  statusText: string;
  title: string;
  numbers: Array<{ label: string; value: string }>;
  message: string;
  /** The known issue's explanation when it differs from the message. */
  explanation: string | null;
  records: string[];
  /** The finding on #/quality. */
  href: string;
}

/**
 * Findings (fail or known) touching any of `ids`, plus known issues whose own subject (their
 * first record) is one of them and that no finding points to.
 */
export function checksFor(ids: readonly string[], results: readonly RuleResult[], issues: readonly KnownIssue[], view: ViewState): CheckView[] {
  const set = new Set(ids);
  const href = (key: string) => toHash({ ...view, route: 'quality', focus: key, path: [] });
  const out: CheckView[] = results
    .filter((r) => r.status !== 'pass' && r.records.some((id) => set.has(id)))
    .map((r) => {
      const issue = issues.find((k) => k.id === r.knownIssue);
      return {
        key: r.key,
        status: r.status,
        statusText: STATUS_TEXT[r.status],
        title: issue?.title ?? r.title,
        numbers: numberPairs(r.numbers),
        message: r.message,
        explanation: issue && issue.explanation !== r.message ? issue.explanation : null,
        records: r.records,
        href: href(r.key),
      };
    });
  const explained = new Set(results.filter((r) => r.status !== 'pass' && r.records.some((id) => set.has(id))).flatMap((r) => (r.knownIssue ? [r.knownIssue] : [])));
  for (const k of issues) {
    if (explained.has(k.id) || k.kind === 'wording' || !k.records.length || !set.has(k.records[0])) continue;
    const key = `issue:${k.id}`;
    out.push({ key, status: 'known', statusText: STATUS_TEXT.known, title: k.title, numbers: [], message: k.explanation, explanation: null, records: k.records, href: href(key) });
  }
  return out;
}

/**
 * The one quiet line a public page gives its checks: how many findings (unexplained failures and
 * the report's own known inconsistencies) concern the figures the page shows, with the link to
 * them on #/quality (counted by their keys, so a finding two panels share counts once). The marks
 * beside the figures and the panels of findings show only when the reader asks (the line's
 * toggle); #/quality keeps the full audit. null when there is none.
 */
export interface FindingsLine {
  count: number;
  text: string;
  href: string;
}

export function findingsLine(keys: Iterable<string>, view: ViewState): FindingsLine | null {
  const count = new Set(keys).size;
  if (!count) return null;
  return { count, text: `本页 ${count} 项数字与报告存在出入`, href: toHash({ ...view, route: 'quality', focus: null, path: [] }) };
}

/** The keys of the findings (fail or known) that concern any of `ids`. */
export function findingKeys(ids: Iterable<string>, results: readonly RuleResult[]): string[] {
  const set = new Set(ids);
  return results.filter((r) => r.status !== 'pass' && r.records.some((id) => set.has(id))).map((r) => r.key);
}

const OVERVIEW_SECTIONS = new Set(['totals', 'budget']);
const GRADE_ORDER: Record<RuleGrade, number> = Object.fromEntries(GRADES.map((g, i) => [g, i])) as Record<RuleGrade, number>;

/**
 * Where a record is shown, by what it is: a spending fact on #/spending drilled to its cell
 * (spending type, then functional codes from the 类 down, then economic codes), any other fact on
 * the overview; a measure on the route of its role's section (focused on it); an indicator on
 * #/operations. The year is the record's own.
 */
export function recordTarget(id: string, file: UnitYearFile, trees: { functional?: TreeInput; economic?: TreeInput }): { route: Route; path: DrillStep[]; focus: string | null; year: number; label: string } | null {
  const fact = file.facts.find((f) => f.id === id);
  if (fact) {
    if (fact.flow !== '支出' || fact.source !== null) return { route: '', path: [], focus: null, year: fact.year, label: fact.label };
    const path: DrillStep[] = [];
    if (fact.basis && !fact.functional && !fact.economic) path.push(`b:${fact.basis}`);
    if (fact.functional) path.push(...treeOf(trees.functional).path(fact.functional).map((c) => `f:${c}` as DrillStep));
    if (fact.economic) path.push(...treeOf(trees.economic).path(fact.economic).map((c) => `e:${c}` as DrillStep));
    return { route: 'spending', path, focus: null, year: fact.year, label: fact.label };
  }
  const m = file.measures.find((x) => x.id === id);
  if (m) {
    const section = m.role ? roleSection(m.role) : null;
    if (section === 'spending' && m.role) {
      const code = m.role.slice(m.role.indexOf(':') + 1);
      const tree = m.role.startsWith('spending.function') ? treeOf(trees.functional) : treeOf(trees.economic);
      const dim = m.role.startsWith('spending.function') ? 'f' : 'e';
      return { route: 'spending', path: tree.path(code).map((c) => `${dim}:${c}` as DrillStep), focus: null, year: m.year, label: m.label };
    }
    const route: Route = section && OVERVIEW_SECTIONS.has(section) ? '' : 'assets';
    return { route, path: [], focus: id, year: m.year, label: m.label };
  }
  const i = file.indicators.find((x) => x.id === id);
  if (i) return { route: 'operations', path: [], focus: id, year: i.year, label: i.label };
  return null;
}

/** Results ordered for reading: failures first, then known issues, then passes; errors before warnings before notes (stable within). */
export function orderResults(results: readonly RuleResult[]): RuleResult[] {
  const rank = { fail: 0, known: 1, pass: 2 } as const;
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank[a.r.status] - rank[b.r.status] || (GRADE_ORDER[a.r.grade] ?? 3) - (GRADE_ORDER[b.r.grade] ?? 3) || a.i - b.i)
    .map((x) => x.r);
}
