/**
 * The spending drill: pure transforms from the long fact table to "the current node and its
 * children". A node is a filter (basis, functional code, economic code) named by a DrillStep
 * path; its amount is the stated fact with exactly that key, or — where the report states
 * none — the most complete sum of finer stated facts along one dimension. Plan (年初预算 /
 * 调整预算) and actual (决算) are looked up separately and never added together.
 *
 * Drill orders (the path's first step picks one):
 *   total → 基本支出/项目支出 → functional 类 → 款 → 项 → economic 类 → 款   (default)
 *   total → functional 类 → 款 → 项 → economic 类 → 款                      (path starts with f:)
 *   total → economic 类 → 款 → functional 类 → 款 → 项                      (path starts with e:)
 * A level whose children have no data is skipped, so a unit whose report has no basis split
 * goes straight to functions, and one that gives only totals by spending type stops there.
 * A level whose only child holds all of it (a 款 with one 项, a 项 spent on one economic 类) offers
 * no choice: the drill passes through it in the same step (see collapse), so the breadcrumb names
 * it but no click is spent on it.
 *
 * Only spending of all fund sources is drilled (flow 支出, source null): the rows a report gives
 * per fund source (一般公共预算财政拨款 …) restate parts of the same money and would count twice.
 */
import { desc, from, not, type ColumnTable } from 'arquero';
import type { Basis, ClassNode, Phase } from '../model/types';
import { BASES as SPENDING_TYPES } from '../model/vocabulary';
import type { DrillStep } from '../model/routes';

export type Dim = 'b' | 'f' | 'e';
/** Spending types the drill splits by, in the vocabulary's order (all five 支出决算表 columns). */
export const BASES: readonly Basis[] = SPENDING_TYPES;
/** Key of the remainder row (stated node total − Σ stated children); not a DrillStep. */
export const REST_KEY = 'rest';
export const REST_LABEL = '未细分';

export interface Trees {
  functional: ClassNode[];
  economic: ClassNode[];
}

/** A node as a filter; null = all. */
export interface NodeKey {
  basis: Basis | null;
  functional: string | null;
  economic: string | null;
}

/** An amount with the facts behind it. `stated` = one fact with exactly this key. */
export interface Amount {
  amount: number;
  ids: string[];
  stated: boolean;
}

export interface DrillContext {
  unit: string;
  year: number;
  /** Comparison year (决算 of that year); null = none. */
  compare: number | null;
  /** Phase drilled; default 决算. */
  phase?: Phase;
}

export interface ChildRow {
  /** The next DrillStep, or REST_KEY for the remainder row. */
  key: string;
  label: string;
  /** Classification code ('' for basis and remainder rows). */
  code: string;
  dim: Dim | 'rest';
  amount: number;
  ids: string[];
  stated: boolean;
  /** Share of the node total in %, null when the node has no total. */
  share: number | null;
  cmpAmount: number | null;
  cmpIds: string[];
  change: number | null;
  changePct: number | null;
  /** 年初预算 / 调整预算 at this level, when the data has them (never summed with actual). */
  planInitial: number | null;
  planAdjusted: number | null;
  planIds: string[];
  /** Path to drill into this row; null for the remainder. */
  drill: DrillStep[] | null;
}

export interface Crumb {
  path: DrillStep[];
  label: string;
  /** A level the drill passed through (its only child held 100 %): linking to it would show this same view. */
  passed: boolean;
}

export interface DrillResult {
  /** The path actually used (unknown or out-of-order steps dropped, single-child levels passed through). */
  path: DrillStep[];
  /** The last level above this one that had a choice (more than one child); null when none. */
  upPath: DrillStep[] | null;
  key: NodeKey;
  label: string;
  breadcrumbs: Crumb[];
  total: Amount | null;
  cmpTotal: Amount | null;
  planInitial: Amount | null;
  planAdjusted: Amount | null;
  /** The dimension the children split by; null at a leaf. */
  dim: Dim | null;
  /** Children, largest first, then the remainder row when children do not cover the total. */
  rows: ChildRow[];
  /** The children as an Arquero table (same rows). */
  table: ColumnTable;
}

interface FactLite {
  id: string;
  basis: Basis | null;
  functional: string | null;
  economic: string | null;
  amount: number;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const keyStr = (k: NodeKey) => `${k.basis ?? '*'}|${k.functional ?? '*'}|${k.economic ?? '*'}`;
const TOL = 0.005;

/** Children of a code in a tree (null = the top level), in tree order. */
export function childCodes(nodes: ClassNode[], code: string | null): ClassNode[] {
  return nodes.filter((n) => n.parent === code);
}

/** The chain of codes from the top level down to `code`: a 项 → [its 类, its 款, the 项]. */
export function ancestry(nodes: ClassNode[], code: string): string[] {
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const chain: string[] = [];
  let cur = byCode.get(code);
  const seen = new Set<string>();
  while (cur && !seen.has(cur.code)) {
    seen.add(cur.code);
    chain.unshift(cur.code);
    cur = cur.parent ? byCode.get(cur.parent) : undefined;
  }
  return chain;
}

/**
 * The canonical drill path of a functional code, from the classification tree (not
 * hard-coded): a 项 → ['f:<类>', 'f:<款>', 'f:<项>']. Other views link here with it.
 */
export function pathToFunction(code: string, trees: Pick<Trees, 'functional'>): DrillStep[] {
  return ancestry(trees.functional, code).map((c) => `f:${c}` as DrillStep);
}

/**
 * Slices already cut from a facts table. A drill changes the path, never the table, unit, year
 * or phase, so each drill step reuses its slices instead of scanning every fact again (at a
 * million rows a scan costs tens of milliseconds, and a drill needs several).
 */
const sliceCache = new WeakMap<ColumnTable, Map<string, FactLite[]>>();

/** The spending facts (all fund sources) of one unit, year and phase (an Arquero filter with params: no closures). */
export function slice(facts: ColumnTable, unit: string, year: number, phase: Phase): FactLite[] {
  let byKey = sliceCache.get(facts);
  if (!byKey) sliceCache.set(facts, (byKey = new Map()));
  const key = JSON.stringify([unit, year, phase]);
  let rows = byKey.get(key);
  if (!rows) {
    rows = facts
      .params({ unit, year, phase })
      .filter((d: any, $: any) => d.unit === $.unit && d.year === $.year && d.phase === $.phase && d.flow === '支出' && d.source === null)
      .select('id', 'basis', 'functional', 'economic', 'amount')
      .objects() as FactLite[];
    byKey.set(key, rows);
  }
  return rows;
}

/** Years in which the unit has spending facts of `phase` (all fund sources), ascending. */
export function spendingYears(facts: ColumnTable, unit: string, phase: Phase = '决算'): number[] {
  const years = facts
    .params({ unit, phase })
    .filter((d: any, $: any) => d.unit === $.unit && d.phase === $.phase && d.flow === '支出' && d.source === null)
    .array('year') as ArrayLike<number>;
  return [...new Set(Array.from(years))].sort((a, b) => a - b);
}

/**
 * Amount look-up for one slice: the stated fact with exactly the key, else the most complete
 * (largest) sum of children along one dimension that has data. Memoised.
 */
export function makeLookup(rows: FactLite[], trees: Trees): (k: NodeKey) => Amount | null {
  const exact = new Map<string, FactLite>();
  for (const r of rows) exact.set(keyStr(r), r);
  const memo = new Map<string, Amount | null>();

  const value = (k: NodeKey): Amount | null => {
    const ks = keyStr(k);
    if (memo.has(ks)) return memo.get(ks)!;
    memo.set(ks, null); // cycle guard for malformed trees
    const hit = exact.get(ks);
    let out: Amount | null = hit ? { amount: hit.amount, ids: [hit.id], stated: true } : null;
    if (!out) {
      const options: Amount[] = [];
      for (const kids of splits(k, trees)) {
        const parts = kids.map(value).filter((a): a is Amount => a !== null);
        if (parts.length)
          options.push({ amount: round(parts.reduce((s, a) => s + a.amount, 0)), ids: parts.flatMap((a) => a.ids), stated: false });
      }
      // Prefer the most complete decomposition; ties keep the first (basis, then functional, then economic).
      for (const o of options) if (!out || o.amount > out.amount + 1e-9) out = o;
    }
    memo.set(ks, out);
    return out;
  };
  return value;
}

/** The ways a key splits into disjoint children, one list per dimension. */
function splits(k: NodeKey, trees: Trees): NodeKey[][] {
  const out: NodeKey[][] = [];
  if (k.basis === null) out.push(BASES.map((basis) => ({ ...k, basis })));
  const f = childCodes(trees.functional, k.functional);
  if (f.length) out.push(f.map((n) => ({ ...k, functional: n.code })));
  const e = childCodes(trees.economic, k.economic);
  if (e.length) out.push(e.map((n) => ({ ...k, economic: n.code })));
  return out;
}

/** The node filter a path names. */
export function keyOf(path: DrillStep[]): NodeKey {
  const key: NodeKey = { basis: null, functional: null, economic: null };
  for (const s of path) {
    const v = s.slice(2);
    if (s.startsWith('b:')) key.basis = v as Basis;
    else if (s.startsWith('f:')) key.functional = v;
    else key.economic = v;
  }
  return key;
}

/** Display label of one step. */
export function stepLabel(step: string, trees: Trees): string {
  if (step === REST_KEY) return REST_LABEL;
  const v = step.slice(2);
  if (step.startsWith('b:')) return v;
  const nodes = step.startsWith('f:') ? trees.functional : trees.economic;
  return nodes.find((n) => n.code === v)?.name ?? v;
}

/**
 * Keep the longest valid prefix of a path: a known basis (once), codes that exist and step
 * down one level from the previous code of their dimension.
 */
export function normalizePath(path: DrillStep[], trees: Trees): DrillStep[] {
  const out: DrillStep[] = [];
  const last: Record<Dim, string | null> = { b: null, f: null, e: null };
  for (const s of path) {
    const d = s[0] as Dim;
    const v = s.slice(2);
    if (d === 'b') {
      if (last.b || !BASES.includes(v as Basis)) break;
    } else {
      const nodes = d === 'f' ? trees.functional : trees.economic;
      const n = nodes.find((x) => x.code === v);
      if (!n || n.parent !== last[d]) break;
    }
    last[d] = v;
    out.push(s);
  }
  return out;
}

/** Dimension order of a path: its first step decides. */
function order(path: DrillStep[]): Dim[] {
  const first = path[0]?.[0];
  return first === 'e' ? ['e', 'f'] : first === 'f' ? ['f', 'e'] : ['b', 'f', 'e'];
}

/** Candidate children (key + step) of a node along one dimension. */
function candidates(dim: Dim, key: NodeKey, trees: Trees): Array<{ step: DrillStep; key: NodeKey; code: string }> {
  if (dim === 'b') return key.basis ? [] : BASES.map((b) => ({ step: `b:${b}` as DrillStep, key: { ...key, basis: b }, code: '' }));
  const nodes = dim === 'f' ? trees.functional : trees.economic;
  const cur = dim === 'f' ? key.functional : key.economic;
  return childCodes(nodes, cur).map((n) => ({
    step: `${dim}:${n.code}` as DrillStep,
    key: dim === 'f' ? { ...key, functional: n.code } : { ...key, economic: n.code },
    code: n.code,
  }));
}

/**
 * The dimension the node at `path` splits by: the first in the path's order, starting at the
 * dimension of the last step, whose children have data (in the drilled year); then the
 * earlier dimensions of the order (a sankey click can jump from functions to economic
 * categories before the function is fully drilled).
 */
export function nextDim(path: DrillStep[], value: (k: NodeKey) => Amount | null, trees: Trees): Dim | null {
  const key = keyOf(path);
  const dims = order(path);
  const lastDim = path.length ? (path[path.length - 1][0] as Dim) : null;
  const start = lastDim ? Math.max(0, dims.indexOf(lastDim)) : 0;
  for (const d of [...dims.slice(start), ...dims.slice(0, start)]) {
    if (candidates(d, key, trees).some((c) => value(c.key) !== null)) return d;
  }
  return null;
}

/** A path extended to a code of a dimension, inserting the missing ancestors (e.g. a sankey click on a 项). */
export function extendPath(path: DrillStep[], step: DrillStep, trees: Trees): DrillStep[] {
  const d = step[0] as Dim;
  if (d === 'b') return [...path.filter((s) => !s.startsWith('b:')), step];
  const nodes = d === 'f' ? trees.functional : trees.economic;
  const key = keyOf(path);
  const cur = d === 'f' ? key.functional : key.economic;
  const chain = ancestry(nodes, step.slice(2));
  const from = cur ? chain.indexOf(cur) + 1 : 0;
  if (cur && from === 0) return path; // not below the current code
  return [...path, ...chain.slice(from).map((c) => `${d}:${c}` as DrillStep)];
}

/** Amount look-up of the comparison year (决算), or one that finds nothing. */
function cmpLookup(facts: ColumnTable, ctx: DrillContext, trees: Trees): (k: NodeKey) => Amount | null {
  return ctx.compare != null ? makeLookup(slice(facts, ctx.unit, ctx.compare, '决算'), trees) : () => null;
}

/**
 * Pass through levels that offer no choice: while the node at `path` splits into exactly one
 * child holding its whole amount (no remainder), step into that child. The choice is the drilled
 * year's; but a step that would leave the comparison year's figure behind (the year states the
 * node and not the child) is not taken, so passing through never hides a figure.
 */
export function collapse(path: DrillStep[], value: (k: NodeKey) => Amount | null, trees: Trees, cmpValue: (k: NodeKey) => Amount | null = () => null): DrillStep[] {
  let out = path;
  // A chain is at most as long as the classification trees are deep; the bound guards malformed trees.
  for (let guard = 0; guard < 32; guard++) {
    const key = keyOf(out);
    const total = value(key);
    const dim = nextDim(out, value, trees);
    if (!total || !dim) break;
    const kids = candidates(dim, key, trees).flatMap((c) => {
      const a = value(c.key);
      return a ? [{ step: c.step, key: c.key, amount: a.amount }] : [];
    });
    if (kids.length !== 1 || Math.abs(kids[0].amount - total.amount) >= TOL) break;
    if (cmpValue(key) && !cmpValue(kids[0].key)) break;
    out = [...out, kids[0].step];
  }
  return out;
}

/** The longest proper prefix of a (collapsed) path that does not collapse back to it: the level 上一级 returns to. */
function choiceAbove(path: DrillStep[], value: (k: NodeKey) => Amount | null, trees: Trees, cmpValue: (k: NodeKey) => Amount | null): DrillStep[] | null {
  for (let k = path.length - 1; k >= 0; k--) {
    const p = path.slice(0, k);
    if (collapse(p, value, trees, cmpValue).length !== path.length) return p;
  }
  return null;
}

/** The path a link or click names, as the drill shows it: longest valid prefix, single-child levels passed through. */
export function resolvePath(facts: ColumnTable, ctx: DrillContext, rawPath: DrillStep[], trees: Trees): DrillStep[] {
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, ctx.phase ?? '决算'), trees);
  return collapse(normalizePath(rawPath, trees), value, trees, cmpLookup(facts, ctx, trees));
}

/**
 * The current node of the drill and its children, with comparison year, plan amounts, shares,
 * changes and the 未细分 remainder.
 */
export function drill(facts: ColumnTable, ctx: DrillContext, rawPath: DrillStep[], trees: Trees): DrillResult {
  const phase = ctx.phase ?? '决算';
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, phase), trees);
  const cmpValue = cmpLookup(facts, ctx, trees);
  const path = collapse(normalizePath(rawPath, trees), value, trees, cmpValue);
  const isActual = phase === '决算';
  const initValue = isActual ? makeLookup(slice(facts, ctx.unit, ctx.year, '年初预算'), trees) : () => null;
  const adjValue = isActual ? makeLookup(slice(facts, ctx.unit, ctx.year, '调整预算'), trees) : () => null;

  const key = keyOf(path);
  const total = value(key);
  const cmpTotal = cmpValue(key);
  const dim = nextDim(path, value, trees);

  const raw = dim
    ? candidates(dim, key, trees).flatMap((c) => {
        const a = value(c.key);
        if (!a) return [];
        const cmp = cmpValue(c.key);
        const pi = initValue(c.key);
        const pa = adjValue(c.key);
        const childPath = collapse([...path, c.step], value, trees, cmpValue);
        return [
          {
            key: c.step as string,
            label: stepLabel(c.step, trees),
            code: c.code,
            dim: dim as ChildRow['dim'],
            amount: a.amount,
            ids: a.ids,
            stated: a.stated,
            cmpAmount: cmp ? cmp.amount : null,
            cmpIds: cmp?.ids ?? [],
            planInitial: pi ? pi.amount : null,
            planAdjusted: pa ? pa.amount : null,
            planIds: [...(pi?.ids ?? []), ...(pa?.ids ?? [])],
            // Leaves are drillable too: their own view shows the figure, its source and flows.
            drill: childPath as DrillStep[] | null,
          },
        ];
      })
    : [];

  // The remainder keeps shares honest: stated node total − Σ stated children.
  if (total && raw.length) {
    const sum = raw.reduce((s, r) => s + r.amount, 0);
    const rest = round(total.amount - sum);
    if (Math.abs(rest) >= TOL) {
      const cmpSum = raw.reduce((s, r) => s + (r.cmpAmount ?? 0), 0);
      const anyCmp = raw.some((r) => r.cmpAmount !== null);
      raw.push({
        key: REST_KEY,
        label: rest > 0 ? REST_LABEL : `${REST_LABEL}（分项之和超出合计）`,
        code: '',
        dim: 'rest',
        amount: rest,
        ids: [...total.ids, ...raw.flatMap((r) => r.ids)],
        stated: false,
        cmpAmount: cmpTotal && anyCmp ? round(cmpTotal.amount - cmpSum) : null,
        cmpIds: cmpTotal ? [...cmpTotal.ids] : [],
        planInitial: null,
        planAdjusted: null,
        planIds: [],
        drill: null,
      });
    }
  }

  // Shares and changes as one Arquero derive; the remainder row sorts last.
  const table = raw.length
    ? from(raw)
        .params({ total: total?.amount ?? 0, hasTotal: total ? 1 : 0 })
        .derive({
          share: (d: any, $: any) => ($.hasTotal && $.total !== 0 ? (d.amount / $.total) * 100 : null),
          change: (d: any) => (d.cmpAmount === null ? null : d.amount - d.cmpAmount),
          changePct: (d: any) => (d.cmpAmount === null || d.cmpAmount === 0 ? null : ((d.amount - d.cmpAmount) / d.cmpAmount) * 100),
          isRest: (d: any) => (d.dim === 'rest' ? 1 : 0),
        })
        .orderby('isRest', desc('amount'))
        .select(not('isRest'))
    : from([]);
  const rows = (raw.length ? (table.objects() as ChildRow[]) : []).map((r) => ({
    ...r,
    change: r.change === null ? null : round(r.change),
  }));

  const passed = (p: DrillStep[]) => p.length < path.length && collapse(p, value, trees, cmpValue).length === path.length;
  const breadcrumbs: Crumb[] = [{ path: [], label: '支出合计', passed: passed([]) }];
  path.forEach((s, i) => breadcrumbs.push({ path: path.slice(0, i + 1), label: stepLabel(s, trees), passed: passed(path.slice(0, i + 1)) }));

  return {
    path,
    upPath: choiceAbove(path, value, trees, cmpValue),
    key,
    label: breadcrumbs[breadcrumbs.length - 1].label,
    breadcrumbs,
    total,
    cmpTotal,
    planInitial: initValue(key),
    planAdjusted: adjValue(key),
    dim,
    rows,
    table,
  };
}

export interface Flow {
  source: string;
  target: string;
  value: number;
  ids: string[];
}

export interface FlowResult {
  /** Node keys (DrillSteps or 'rest:e') with labels, sources first. */
  nodes: Array<{ name: string; label: string; side: 'f' | 'e'; drill: DrillStep[] | null }>;
  links: Flow[];
}

/**
 * Function → economic flows of the node: functions one level below the node's function (or
 * the node's own function at a 项), economic categories one level below the node's economic
 * code; what a function's total does not split by economic category flows to 未细分.
 */
export function flows(facts: ColumnTable, ctx: DrillContext, rawPath: DrillStep[], trees: Trees): FlowResult {
  const path = normalizePath(rawPath, trees);
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, ctx.phase ?? '决算'), trees);
  const cmpValue = cmpLookup(facts, ctx, trees);
  const key = keyOf(path);
  const below = (nodes: ClassNode[], code: string | null, set: (c: string) => NodeKey) => {
    const kids = childCodes(nodes, code).filter((n) => value(set(n.code)) !== null);
    return kids.length ? kids.map((n) => n.code) : code ? [code] : [];
  };
  const fCodes = below(trees.functional, key.functional, (c) => ({ ...key, functional: c }));
  const eCodes = below(trees.economic, key.economic, (c) => ({ ...key, economic: c }));
  const links: Flow[] = [];
  const used = new Set<string>();
  for (const f of fCodes) {
    const fTotal = value({ ...key, functional: f });
    if (!fTotal) continue;
    let sum = 0;
    for (const e of eCodes) {
      const v = value({ basis: key.basis, functional: f, economic: e });
      if (!v || v.amount <= 0) continue;
      sum += v.amount;
      links.push({ source: `f:${f}`, target: `e:${e}`, value: v.amount, ids: v.ids });
      used.add(`f:${f}`).add(`e:${e}`);
    }
    const rest = round(fTotal.amount - sum);
    if (rest >= TOL) {
      links.push({ source: `f:${f}`, target: 'rest:e', value: rest, ids: fTotal.ids });
      used.add(`f:${f}`).add('rest:e');
    }
  }
  const nodes: FlowResult['nodes'] = [];
  for (const f of fCodes)
    if (used.has(`f:${f}`))
      nodes.push({ name: `f:${f}`, label: stepLabel(`f:${f}`, trees), side: 'f', drill: f === key.functional ? null : collapse(extendPath(path, `f:${f}`, trees), value, trees, cmpValue) });
  for (const e of eCodes)
    if (used.has(`e:${e}`))
      nodes.push({ name: `e:${e}`, label: stepLabel(`e:${e}`, trees), side: 'e', drill: e === key.economic ? null : collapse(extendPath(path, `e:${e}`, trees), value, trees, cmpValue) });
  if (used.has('rest:e')) nodes.push({ name: 'rest:e', label: REST_LABEL, side: 'e', drill: null });
  return { nodes, links };
}

/**
 * Entry points at the top of one classification (function-first or economic-first drill),
 * with the selected year's amounts; categories without data are left out.
 */
export function entries(
  facts: ColumnTable,
  ctx: DrillContext,
  dim: 'f' | 'e',
  trees: Trees,
): Array<{ step: DrillStep; path: DrillStep[]; label: string; amount: number; ids: string[] }> {
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, ctx.phase ?? '决算'), trees);
  const cmpValue = cmpLookup(facts, ctx, trees);
  const root: NodeKey = { basis: null, functional: null, economic: null };
  return candidates(dim, root, trees).flatMap((c) => {
    const a = value(c.key);
    return a ? [{ step: c.step, path: collapse([c.step], value, trees, cmpValue), label: stepLabel(c.step, trees), amount: a.amount, ids: a.ids }] : [];
  });
}

/** A leaf of the drill (a level without children) and the fewest clicks from the total that open it. */
export interface LeafReach {
  path: DrillStep[];
  label: string;
  clicks: number;
}

/**
 * How many clicks each leaf of a unit-year is from the total: a breadth-first walk over what a
 * view offers to click — its children, and at the top the function-first and economic-first
 * entries — with single-child levels passed through as the drill does. The explorer promises
 * every leaf within three.
 */
export function leafReach(facts: ColumnTable, ctx: DrillContext, trees: Trees): LeafReach[] {
  const id = (p: DrillStep[]) => p.join(',');
  const start = drill(facts, ctx, [], trees);
  const seen = new Map<string, number>([[id(start.path), 0]]);
  const queue: Array<{ r: DrillResult; clicks: number }> = [{ r: start, clicks: 0 }];
  const leaves: LeafReach[] = [];
  const atTop = [...entries(facts, ctx, 'f', trees), ...entries(facts, ctx, 'e', trees)].map((e) => e.path);
  while (queue.length) {
    const { r, clicks } = queue.shift()!;
    if (!r.rows.length) {
      leaves.push({ path: r.path, label: r.label, clicks });
      continue;
    }
    const next = [...r.rows.flatMap((x) => (x.drill ? [x.drill] : [])), ...(r === start ? atTop : [])];
    for (const p of next) {
      if (seen.has(id(p))) continue;
      seen.set(id(p), clicks + 1);
      queue.push({ r: drill(facts, ctx, p, trees), clicks: clicks + 1 });
    }
  }
  return leaves;
}
