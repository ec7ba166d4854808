/**
 * Drill paths: the node a path names, its valid prefix, the dimension it splits by next, and the
 * levels a path passes through because they offer no choice.
 */
import type { ColumnTable } from 'arquero';
import type { Basis } from '../../model/types';
import type { DrillStep } from '../../model/routes';
import { MONEY_SHOWN } from '../check';
import { treeOf } from '../tree';
import { makeLookup, slice } from './slices';
import { BASES, REST_KEY, REST_LABEL, type Amount, type Dim, type DrillContext, type NodeKey, type Trees } from './types';

/**
 * The canonical drill path of a functional code, from the classification tree (not
 * hard-coded): a 项 → ['f:<类>', 'f:<款>', 'f:<项>']. Other views link here with it.
 */
export function pathToFunction(code: string, trees: Pick<Trees, 'functional'>): DrillStep[] {
  return treeOf(trees.functional).listedPath(code).map((c) => `f:${c}` as DrillStep);
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
export function candidates(dim: Dim, key: NodeKey, trees: Trees): Array<{ step: DrillStep; key: NodeKey; code: string }> {
  if (dim === 'b') return key.basis ? [] : BASES.map((b) => ({ step: `b:${b}` as DrillStep, key: { ...key, basis: b }, code: '' }));
  const nodes = dim === 'f' ? trees.functional : trees.economic;
  const cur = dim === 'f' ? key.functional : key.economic;
  return treeOf(nodes).children(cur).map((n) => ({
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
  const chain = treeOf(nodes).listedPath(step.slice(2));
  const from = cur ? chain.indexOf(cur) + 1 : 0;
  if (cur && from === 0) return path; // not below the current code
  return [...path, ...chain.slice(from).map((c) => `${d}:${c}` as DrillStep)];
}

/** Amount look-up of the comparison year (决算), or one that finds nothing. */
export function cmpLookup(facts: ColumnTable, ctx: DrillContext, trees: Trees): (k: NodeKey) => Amount | null {
  return ctx.compare != null ? makeLookup(slice(facts, ctx.unit, ctx.compare, '决算', true), trees) : () => null;
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
    if (kids.length !== 1 || Math.abs(kids[0].amount - total.amount) >= MONEY_SHOWN) break;
    if (cmpValue(key) && !cmpValue(kids[0].key)) break;
    out = [...out, kids[0].step];
  }
  return out;
}

/** The longest proper prefix of a (collapsed) path that does not collapse back to it: the level 上一级 returns to. */
export function choiceAbove(path: DrillStep[], value: (k: NodeKey) => Amount | null, trees: Trees, cmpValue: (k: NodeKey) => Amount | null): DrillStep[] | null {
  for (let k = path.length - 1; k >= 0; k--) {
    const p = path.slice(0, k);
    if (collapse(p, value, trees, cmpValue).length !== path.length) return p;
  }
  return null;
}

/** The path a link or click names, as the drill shows it: longest valid prefix, single-child levels passed through. */
export function resolvePath(facts: ColumnTable, ctx: DrillContext, rawPath: DrillStep[], trees: Trees): DrillStep[] {
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, ctx.phase ?? '决算', true), trees);
  return collapse(normalizePath(rawPath, trees), value, trees, cmpLookup(facts, ctx, trees));
}
