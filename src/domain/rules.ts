/**
 * Reconciliation rules: the arithmetic a report's figures must satisfy among themselves.
 *
 * Rules are written for any unit-year file, never for one report. Each check yields a RuleResult
 * with a stable key ("rule:subject"); a failure whose key a knownIssue `explains` is reported as
 * `known` (the source's own inconsistency, documented) instead of `fail`.
 *
 * Matching of `explains` entries: an entry equal to the key, an entry that is a key prefix ending at
 * a ":" boundary ("children-sum:f-1" also explains "children-sum:f-1:economic"), or a bare rule id
 * (explains every result of that rule).
 *
 * Pure TypeScript: the browser bundles it.
 */
import type {
  ClassificationFile,
  ClassNode,
  DataError,
  Fact,
  Formula,
  Indicator,
  KnownIssue,
  RuleResult,
  UnitYearFile,
} from '../model/types';
import { evaluateFormula, formulaToText } from './formula';
import { COUNT_UNITS, RULE_IDS, formatLocation } from '../data/validate';

/** Money tolerance: amounts are printed to 0.01 万元. */
export const MONEY_TOLERANCE = 0.01;
/** Float noise allowance added to every comparison. */
const EPS = 1e-9;

export const RULE_TITLES: Record<string, string> = {
  'children-sum': '下级合计等于上级',
  'basis-sum': '基本支出＋项目支出＝合计',
  'functional-economic': '功能科目等于经济分类合计',
  'economic-scope': '经济分类口径',
  recompute: '比率重算',
  derived: '推算值复核',
  quote: '引文核对',
  'asset-bounds': '部分不超过总额',
  'unique-cell': '同一口径只有一个金额',
};

export interface Trees {
  functional?: ClassificationFile;
  economic?: ClassificationFile;
}

export interface ReconcileOptions {
  /** The full text of the source document; enables the `quote` rule. */
  sourceText?: string;
}

// ---------------------------------------------------------------------------------------------
// Number helpers

/** Round away float noise for the numbers stored in results. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0;
/** Display a number with at most `d` decimals ("311.07", "0", "-0.2"). */
export function fmt(x: number, d = 2): string {
  const s = Number(x.toFixed(d)).toString();
  return s === '-0' ? '0' : s;
}
/** Decimals of a number as JSON prints it: 411 → 0, 64.29 → 2, 1e-7 → 7. */
export function decimalsOf(x: number): number {
  const s = String(Math.abs(x));
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) return 0;
  const frac = m[2]?.length ?? 0;
  const exp = m[3] ? Number(m[3]) : 0;
  return Math.max(0, frac - exp);
}
/** Half a unit of the last printed decimal: the widest gap rounding alone can explain. */
export const roundingTolerance = (decimals: number) => 0.5 * 10 ** -decimals;

// ---------------------------------------------------------------------------------------------
// Classification helpers

interface TreeIndex {
  nodes: Map<string, ClassNode>;
  children: Map<string | null, string[]>;
  lengths: readonly number[];
}

function indexTree(tree: ClassificationFile | undefined, lengths: readonly number[]): TreeIndex {
  const nodes = new Map<string, ClassNode>();
  const children = new Map<string | null, string[]>();
  for (const n of tree?.nodes ?? []) {
    nodes.set(n.code, n);
    const list = children.get(n.parent) ?? [];
    list.push(n.code);
    children.set(n.parent, list);
  }
  return { nodes, children, lengths };
}

/** Ancestors of a code, nearest first: from the tree, or from code prefixes for codes it lacks. */
function ancestors(t: TreeIndex, code: string): string[] {
  const out: string[] = [];
  if (t.nodes.has(code)) {
    let cur = t.nodes.get(code)!.parent;
    while (cur !== null && !out.includes(cur)) {
      out.push(cur);
      cur = t.nodes.get(cur)?.parent ?? null;
    }
    return out;
  }
  for (const len of [...t.lengths].reverse()) if (len < code.length) out.push(code.slice(0, len));
  return out;
}

/** True when `code` lies strictly below `parent` (null = the root above every 类). */
function isBelow(t: TreeIndex, code: string | null, parent: string | null): boolean {
  if (code === null) return false;
  if (parent === null) return true;
  return ancestors(t, code).includes(parent);
}

/**
 * The stated codes nearest below `parent`: below it, with no other stated code in between. Missing
 * intermediate levels are skipped (a 项 counts directly under its 类 when the 款 is not stated).
 */
function nearestBelow<T>(t: TreeIndex, parent: string | null, items: T[], codeOf: (x: T) => string | null): T[] {
  const below = items.filter((x) => isBelow(t, codeOf(x), parent));
  const codes = new Set(below.map(codeOf));
  return below.filter((x) => !ancestors(t, codeOf(x)!).some((a) => codes.has(a) && isBelow(t, a, parent)));
}

/** True when the stated codes account for every branch of the tree below `parent`. */
function covers(t: TreeIndex, parent: string | null, stated: ReadonlySet<string>): boolean {
  const memo = new Map<string, boolean>();
  const covered = (code: string, depth: number): boolean => {
    if (stated.has(code)) return true;
    if (memo.has(code)) return memo.get(code)!;
    const kids = t.children.get(code) ?? [];
    const ok = depth < 8 && kids.length > 0 && kids.every((k) => covered(k, depth + 1));
    memo.set(code, ok);
    return ok;
  };
  const kids = t.children.get(parent) ?? [];
  return kids.length > 0 && kids.every((k) => covered(k, 0));
}

const nameOf = (t: TreeIndex, code: string | null) => (code === null ? '全部' : t.nodes.get(code)?.name ?? code);

// ---------------------------------------------------------------------------------------------
// Results

function result(
  rule: string,
  key: string,
  ok: boolean,
  numbers: Record<string, number>,
  records: string[],
  message: string,
): RuleResult {
  const rounded: Record<string, number> = {};
  for (const [k, v] of Object.entries(numbers)) rounded[k] = r6(v);
  return { rule, key, title: RULE_TITLES[rule] ?? rule, status: ok ? 'pass' : 'fail', numbers: rounded, records, message };
}

/** True when a knownIssue `explains` entry covers a result key (exact, prefix at ":", or bare rule id). */
export function explainsKey(entry: string, key: string): boolean {
  return entry === key || key.startsWith(entry + ':');
}

const cellKey = (f: Fact) => JSON.stringify([f.year, f.phase, f.basis, f.functional, f.economic]);
const groupKey = (...parts: unknown[]) => JSON.stringify(parts);

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const describeFact = (f: Fact) => `${f.label} ${fmt(f.amount)}`;

/** A fact, or a roll-up standing for the basis-specific facts it sums (`parts`). */
interface RuleFact extends Fact {
  parts?: string[];
}
const idsOf = (f: RuleFact) => f.parts ?? [f.id];

/**
 * Roll-ups for "both bases together": a cell (year, phase, functional, economic) stated only per
 * basis (e.g. 行政运行 only under 基本支出) gets a basis-null stand-in worth the sum of its basis
 * facts, so totals stated without a basis can be checked against parts stated with one. Roll-ups
 * are only ever children or members of a sum, never the parent of a check.
 */
function basisRollups(facts: Fact[]): RuleFact[] {
  const out: RuleFact[] = [];
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.functional, f.economic)).values()) {
    if (group.some((f) => f.basis === null)) continue;
    const g0 = group[0];
    out.push({
      ...g0,
      id: group.map((f) => f.id).join('+'),
      basis: null,
      amount: sum(group.map((f) => f.amount)),
      label: `${g0.label}（${group.map((f) => f.basis).join('+')}）`,
      parts: group.map((f) => f.id),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The rules

/**
 * Run every reconciliation rule on one unit-year file.
 *
 * @param file  a validated unit-year file
 * @param trees the functional and economic classification trees
 * @param opts  `sourceText` enables the quote rule
 */
export function reconcile(file: UnitYearFile, trees: Trees, opts: ReconcileOptions = {}): RuleResult[] {
  const ft = indexTree(trees.functional, [3, 5, 7]);
  const et = indexTree(trees.economic, [3, 5]);
  const indicators = [...file.measures, ...file.indicators];

  // One amount per cell; later duplicates are reported by unique-cell and left out of the sums.
  const cells = groupBy(file.facts, cellKey);
  const facts = [...cells.values()].map((xs) => xs[0]);
  const withRollups = [...facts, ...basisRollups(facts)];

  const results: RuleResult[] = [
    ...uniqueCell(cells),
    ...childrenSumFacts(withRollups, ft, et),
    ...childrenSumIndicators(indicators),
    ...basisSum(facts),
    ...functionalEconomic(withRollups, ft, et),
    ...economicScope(withRollups, ft, et),
    ...recompute(file, indicators),
    ...derived(file, indicators),
    ...(opts.sourceText !== undefined ? quote(file, indicators, opts.sourceText) : []),
    ...assetBounds(indicators),
  ];
  return applyKnownIssues(results, file.knownIssues);
}

/** Turn failures explained by a knownIssue into `known`, carrying the issue id. */
export function applyKnownIssues(results: RuleResult[], issues: KnownIssue[]): RuleResult[] {
  return results.map((r) => {
    if (r.status !== 'fail') return r;
    const issue = issues.find((k) => k.explains.some((e) => explainsKey(e, r.key)));
    return issue ? { ...r, status: 'known', knownIssue: issue.id } : r;
  });
}

/** Known issues (and their explains entries) that match no failing result: stale or mistyped keys. */
export function unusedKnownIssues(results: RuleResult[], issues: KnownIssue[]): Array<{ issue: string; entry: string }> {
  const out: Array<{ issue: string; entry: string }> = [];
  for (const k of issues) {
    for (const e of k.explains) {
      if (!results.some((r) => r.knownIssue === k.id && explainsKey(e, r.key))) out.push({ issue: k.id, entry: e });
    }
  }
  return out;
}

function uniqueCell(cells: Map<string, Fact[]>): RuleResult[] {
  const out: RuleResult[] = [];
  for (const xs of cells.values()) {
    if (xs.length < 2) continue;
    const [a] = xs;
    const same = xs.every((x) => x.amount === a.amount);
    out.push(
      result(
        'unique-cell',
        `unique-cell:${a.id}`,
        false,
        { count: xs.length, ...Object.fromEntries(xs.map((x, i) => [`amount${i + 1}`, x.amount])) },
        xs.map((x) => x.id),
        `${a.year}年${a.phase}·${a.basis ?? '合计'}·功能 ${a.functional ?? '全部'}·经济 ${a.economic ?? '全部'} 有 ${xs.length} 个金额（${xs.map(describeFact).join('；')}）${same ? '，数值相同但会被重复计算' : '，数值不一致'}`,
      ),
    );
  }
  return out;
}

function childrenSumFacts(facts: RuleFact[], ft: TreeIndex, et: TreeIndex): RuleResult[] {
  const out: RuleResult[] = [];
  const check = (
    parent: RuleFact,
    group: RuleFact[],
    t: TreeIndex,
    code: (f: RuleFact) => string | null,
    treeName: string,
    key: string,
  ) => {
    const kids = nearestBelow(t, code(parent), group, code);
    if (parent.parts || kids.length === 0) return;
    const found = sum(kids.map((k) => k.amount));
    const diff = found - parent.amount;
    const stated = new Set(group.map(code).filter((c): c is string => c !== null));
    const complete = covers(t, code(parent), stated);
    const over = diff > MONEY_TOLERANCE + EPS;
    const under = diff < -(MONEY_TOLERANCE + EPS);
    const remainder = under ? -diff : 0;
    const ok = !over && !(complete && under);
    const head = `${parent.label} ${fmt(parent.amount)}（${treeName}${nameOf(t, code(parent))}）的下级 ${kids.length} 项合计 ${fmt(found)}`;
    let message: string;
    if (over) message = `${head}，超过上级 ${fmt(diff)}`;
    else if (under && complete) message = `${head}，下级已覆盖全部科目却少 ${fmt(-diff)}`;
    else if (under) message = `${head}，其余 ${fmt(remainder)} 为未细分`;
    else message = `${head}，一致`;
    out.push(
      result('children-sum', key, ok, { expected: parent.amount, found, difference: diff, remainder, children: kids.length }, [parent.id, ...kids.flatMap(idsOf)], message),
    );
  };
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.basis, f.economic)).values()) {
    for (const p of group) check(p, group, ft, (f) => f.functional, '功能分类·', `children-sum:${p.id}`);
  }
  // Economic tree below a stated economic code; the step from "all economic" to the 类 is the
  // functional-economic rule (per function) and the economic-scope rule (all functions).
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.basis, f.functional)).values()) {
    for (const p of group) if (p.economic !== null) check(p, group, et, (f) => f.economic, '经济分类·', `children-sum:${p.id}:economic`);
  }
  return out;
}

/** Tolerance of a part-whole sum of indicators: exact for counts, one cent of 万元 otherwise. */
function partTolerance(unit: string): number {
  return COUNT_UNITS.has(unit) ? EPS : MONEY_TOLERANCE + EPS;
}

function childrenSumIndicators(indicators: Indicator[]): RuleResult[] {
  const byId = new Map(indicators.map((x) => [x.id, x]));
  const out: RuleResult[] = [];
  for (const [pid, kids] of groupBy(indicators.filter((x) => x.sumsToParent && x.parent), (x) => x.parent!)) {
    const parent = byId.get(pid);
    if (!parent) continue; // the validator reports the dangling parent
    const found = sum(kids.map((k) => k.value));
    const diff = found - parent.value;
    const ok = Math.abs(diff) <= partTolerance(parent.unit);
    out.push(
      result(
        'children-sum',
        `children-sum:${pid}`,
        ok,
        { expected: parent.value, found, difference: diff, children: kids.length },
        [pid, ...kids.map((k) => k.id)],
        `${parent.label} ${fmt(parent.value)}${parent.unit} 的组成部分 ${kids.map((k) => `${k.label} ${fmt(k.value)}`).join(' + ')} = ${fmt(found)}${parent.unit}${ok ? '，一致' : `，相差 ${fmt(diff)}`}`,
      ),
    );
  }
  return out;
}

function basisSum(facts: Fact[]): RuleResult[] {
  const out: RuleResult[] = [];
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.functional, f.economic)).values()) {
    const total = group.find((f) => f.basis === null);
    const basic = group.find((f) => f.basis === '基本支出');
    const project = group.find((f) => f.basis === '项目支出');
    if (!total || !basic || !project) continue;
    const found = basic.amount + project.amount;
    const diff = found - total.amount;
    const ok = Math.abs(diff) <= MONEY_TOLERANCE + EPS;
    const scope = total.functional === null && total.economic === null ? '' : `:${total.functional ?? 'all'}:${total.economic ?? 'all'}`;
    out.push(
      result(
        'basis-sum',
        `basis-sum:${total.year}:${total.phase}${scope}`,
        ok,
        { expected: total.amount, found, difference: diff, basic: basic.amount, project: project.amount },
        [total.id, basic.id, project.id],
        `${total.year}年${total.phase}：基本支出 ${fmt(basic.amount)} + 项目支出 ${fmt(project.amount)} = ${fmt(found)}，合计（${total.label}）${fmt(total.amount)}${ok ? '，一致' : `，相差 ${fmt(diff)}`}`,
      ),
    );
  }
  return out;
}

function functionalEconomic(facts: RuleFact[], ft: TreeIndex, et: TreeIndex): RuleResult[] {
  const out: RuleResult[] = [];
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.basis, f.functional)).values()) {
    const total = group.find((f) => f.economic === null);
    if (!total || total.parts || total.functional === null) continue;
    const top = nearestBelow(et, null, group, (f) => f.economic);
    if (top.length === 0) continue;
    const found = sum(top.map((f) => f.amount));
    const diff = found - total.amount;
    const ok = Math.abs(diff) <= MONEY_TOLERANCE + EPS;
    out.push(
      result(
        'functional-economic',
        `functional-economic:${total.id}`,
        ok,
        { expected: total.amount, found, difference: diff },
        [total.id, ...top.flatMap(idsOf)],
        `${total.label}（${nameOf(ft, total.functional)}）${fmt(total.amount)} 的经济分类 ${top.map((f) => `${nameOf(et, f.economic)} ${fmt(f.amount)}`).join(' + ')} = ${fmt(found)}${ok ? '，一致' : `，相差 ${fmt(diff)}`}`,
      ),
    );
  }
  return out;
}

function economicScope(facts: RuleFact[], ft: TreeIndex, et: TreeIndex): RuleResult[] {
  // Functions that carry an economic split somewhere in the file, outermost only (no double count).
  const split = new Set(facts.filter((f) => f.functional !== null && f.economic !== null).map((f) => f.functional!));
  const scope = [...split].filter((c) => !ancestors(ft, c).some((a) => split.has(a))).sort();
  if (scope.length === 0) return [];
  const out: RuleResult[] = [];
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.basis)).values()) {
    const g0 = group[0];
    const econ = nearestBelow(et, null, group.filter((f) => f.functional === null), (f) => f.economic);
    if (econ.length === 0) continue;
    const funcs = scope.map((c) => group.find((f) => f.functional === c && f.economic === null));
    if (funcs.some((f) => !f)) continue; // not every function of the scope is stated this year
    const fs = funcs as RuleFact[];
    const economicTotal = sum(econ.map((f) => f.amount));
    const functionalTotal = sum(fs.map((f) => f.amount));
    const gap = economicTotal - functionalTotal;
    const ok = Math.abs(gap) <= MONEY_TOLERANCE + EPS;
    out.push(
      result(
        'economic-scope',
        `economic-scope:${g0.year}:${g0.phase}${g0.basis ? `:${g0.basis}` : ''}`,
        ok,
        { expected: functionalTotal, found: economicTotal, difference: gap, economicTotal, functionalTotal },
        [...econ.flatMap(idsOf), ...fs.flatMap(idsOf)],
        `${g0.year}年${g0.phase}${g0.basis ? `·${g0.basis}` : ''}：经济分类类级合计 ${fmt(economicTotal)}（${econ.map((f) => `${nameOf(et, f.economic)} ${fmt(f.amount)}`).join('、')}），有经济分类拆分的功能科目合计 ${fmt(functionalTotal)}（${fs.map((f) => `${nameOf(ft, f.functional)} ${fmt(f.amount)}`).join('、')}）${ok ? '，口径一致' : `，差额 ${fmt(gap)}`}`,
      ),
    );
  }
  return out;
}

/** Every record's value by id: fact amounts and indicator values. */
function valueMap(file: UnitYearFile, indicators: Indicator[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of file.facts) m.set(f.id, f.amount);
  for (const x of indicators) m.set(x.id, x.value);
  return m;
}

function recompute(file: UnitYearFile, indicators: Indicator[]): RuleResult[] {
  const values = valueMap(file, indicators);
  const out: RuleResult[] = [];
  for (const x of indicators) {
    if (!x.recompute) continue;
    const key = `recompute:${x.id}`;
    const decimals = x.decimals ?? decimalsOf(x.value);
    const tolerance = roundingTolerance(decimals);
    const r = evaluateFormula(x.recompute, values, { self: x.id });
    if (!r.ok) {
      out.push(result('recompute', key, false, { found: x.value, tolerance }, [x.id], `${x.label} ${fmt(x.value, decimals)}${x.unit} 无法重算：${r.error}`));
      continue;
    }
    const diff = x.value - r.value;
    const ok = Math.abs(diff) <= tolerance + EPS;
    out.push(
      result(
        'recompute',
        key,
        ok,
        { expected: r.value, found: x.value, difference: diff, tolerance },
        [x.id, ...refsOf(x.recompute)],
        `${x.label}：按 ${formulaToText(x.recompute)} 重算为 ${fmt(r.value, decimals + 2)}${x.unit}，报告为 ${fmt(x.value, decimals)}${x.unit}${ok ? `，在舍入容差 ±${fmt(tolerance, decimals + 1)} 内` : `，相差 ${fmt(diff, decimals + 2)}（容差 ±${fmt(tolerance, decimals + 1)}）`}`,
      ),
    );
  }
  return out;
}

function refsOf(f: Formula): string[] {
  const out: string[] = [];
  const walk = (x: Formula) => x.args.forEach((a) => (typeof a === 'string' ? out.includes(a) || out.push(a) : typeof a === 'object' && walk(a)));
  walk(f);
  return out;
}

function derived(file: UnitYearFile, indicators: Indicator[]): RuleResult[] {
  const values = valueMap(file, indicators);
  const out: RuleResult[] = [];
  const records: Array<{ id: string; label: string; value: number; unit: string; decimals?: number; formula: Formula }> = [];
  for (const f of file.facts) if (f.provenance.kind === 'derived') records.push({ id: f.id, label: f.label, value: f.amount, unit: file.currency, formula: f.provenance.formula });
  for (const x of indicators) if (x.provenance.kind === 'derived') records.push({ id: x.id, label: x.label, value: x.value, unit: x.unit, decimals: x.decimals, formula: x.provenance.formula });
  for (const x of records) {
    const key = `derived:${x.id}`;
    const tolerance = x.decimals !== undefined ? roundingTolerance(x.decimals) : MONEY_TOLERANCE;
    const shown = x.decimals ?? 2;
    const r = evaluateFormula(x.formula, values, { self: x.id });
    if (!r.ok) {
      out.push(result('derived', key, false, { found: x.value, tolerance }, [x.id], `${x.label} ${fmt(x.value, shown)}${x.unit} 无法由公式算出：${r.error}`));
      continue;
    }
    const diff = x.value - r.value;
    const ok = Math.abs(diff) <= tolerance + EPS;
    out.push(
      result(
        'derived',
        key,
        ok,
        { expected: r.value, found: x.value, difference: diff, tolerance },
        [x.id, ...refsOf(x.formula)],
        `${x.label}：公式 ${formulaToText(x.formula)} = ${fmt(r.value, shown + 2)}${x.unit}，记录值 ${fmt(x.value, shown)}${x.unit}${ok ? '，一致' : `，相差 ${fmt(diff, shown + 2)}`}`,
      ),
    );
  }
  return out;
}

/** Width-fold (NFKC: fullwidth digits and punctuation to ASCII) and drop whitespace, on both sides. */
export function normalizeQuoteText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** True when the quote states the value: as a number token (100, 100.00, 0), or in 万/亿, or 零/百分之百. */
export function quoteHasValue(quoteText: string, value: number): boolean {
  const v = Math.abs(value);
  const q = normalizeQuoteText(quoteText);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const m of q.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)) {
    const t = Number(m[0].replace(/,/g, ''));
    const next = q[(m.index ?? 0) + m[0].length];
    if (close(t, v)) return true;
    if (next === '万' && close(t * 1e4, v)) return true;
    if (next === '亿' && close(t * 1e8, v)) return true;
  }
  if (v === 100 && /百分之百/.test(q)) return true;
  for (const m of q.matchAll(/[零〇一二两三四五六七八九十百千]+/g)) {
    if (chineseNumber(m[0]) === v) return true;
  }
  return false;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a simple Chinese numeral below 10000 ("四" 4, "十二" 12, "一百零五" 105); NaN otherwise. */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && digit !== 0) return NaN; // "二三" is not a numeral; 零 is a placeholder
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      total += (digit ?? 1) * CN_UNITS[ch];
      digit = undefined;
    } else return NaN;
  }
  return total + (digit ?? 0);
}

function quote(file: UnitYearFile, indicators: Indicator[], sourceText: string): RuleResult[] {
  const source = normalizeQuoteText(sourceText);
  const out: RuleResult[] = [];
  const records: Array<{ id: string; label: string; value: number; quotes: Array<{ text: string; stated: boolean }> }> = [];
  const quotesOf = (p: Fact['provenance'] | undefined, stated: boolean) =>
    p && p.kind !== 'derived' && p.quote ? [{ text: p.quote, stated: stated && p.kind === 'stated' }] : [];
  for (const f of file.facts) records.push({ id: f.id, label: f.label, value: f.amount, quotes: [...quotesOf(f.provenance, true), ...quotesOf(f.codeProvenance, false)] });
  for (const x of indicators) records.push({ id: x.id, label: x.label, value: x.value, quotes: quotesOf(x.provenance, true) });
  for (const x of records) {
    if (x.quotes.length === 0) continue;
    const problems: string[] = [];
    let missingAt = -1;
    for (const q of x.quotes) {
      const nq = normalizeQuoteText(q.text);
      if (!source.includes(nq)) {
        // The longest prefix found in the source shows where the quote departs from it.
        let lo = 0;
        let hi = nq.length;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (source.includes(nq.slice(0, mid))) lo = mid;
          else hi = mid - 1;
        }
        missingAt = lo;
        problems.push(`引文在来源文本中找不到（自第 ${lo + 1} 字起不符：「${[...nq.slice(lo)].slice(0, 20).join('')}」）`);
      } else if (q.stated && !quoteHasValue(q.text, x.value)) {
        problems.push(`引文中没有数值 ${fmt(x.value, 6)}`);
      }
    }
    const ok = problems.length === 0;
    out.push(
      result(
        'quote',
        `quote:${x.id}`,
        ok,
        { found: x.value, ...(missingAt >= 0 ? { matchedChars: missingAt } : {}) },
        [x.id],
        ok ? `${x.label}：引文见于来源，含数值 ${fmt(x.value, 6)}` : `${x.label}：${problems.join('；')}`,
      ),
    );
  }
  return out;
}

function assetBounds(indicators: Indicator[]): RuleResult[] {
  const byId = new Map(indicators.map((x) => [x.id, x]));
  const out: RuleResult[] = [];
  for (const x of indicators) {
    if (x.unit !== '万元' || x.value < 0 || !x.parent) continue;
    // The nearest 万元 ancestor only: each part within its whole bounds the whole chain by
    // induction, and one oversized total is reported once, not again for every descendant.
    const seen = new Set<string>();
    let a = byId.get(x.parent);
    while (a && !(a.unit === '万元' && a.value >= 0) && !seen.has(a.id)) {
      seen.add(a.id);
      a = a.parent ? byId.get(a.parent) : undefined;
    }
    if (!a || a.unit !== '万元' || a.value < 0 || a.id === x.id) continue;
    const diff = x.value - a.value;
    const over = diff > MONEY_TOLERANCE + EPS;
    out.push(
      result(
        'asset-bounds',
        `asset-bounds:${x.id}`,
        !over,
        { expected: a.value, found: x.value, difference: diff },
        [x.id, a.id],
        over
          ? `${x.label} ${fmt(x.value)}万元 大于其所属总额 ${a.label} ${fmt(a.value)}万元（超出 ${fmt(diff)}）`
          : `${x.label} ${fmt(x.value)}万元 不超过 ${a.label} ${fmt(a.value)}万元`,
      ),
    );
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
  const order = [...RULE_IDS, ...results.map((r) => r.rule).filter((r) => !(RULE_IDS as readonly string[]).includes(r))];
  for (const rule of order) {
    const rs = results.filter((r) => r.rule === rule);
    if (rs.length === 0 || byRule[rule]) continue;
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
  opts: { knownIssues?: KnownIssue[]; title?: string; showPasses?: boolean } = {},
): string {
  const lines: string[] = [];
  if (opts.title) lines.push(opts.title, '='.repeat(Math.min(72, [...opts.title].length * 2)));
  if (errors.length) {
    lines.push(`结构错误 ${errors.length} 个：`);
    for (const e of errors) lines.push(`  ✗ ${e.message || formatLocation(e.file, e.record, e.field)}`);
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
