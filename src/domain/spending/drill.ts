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
 * The slices, paths and flows it uses live beside it (slices.ts, paths.ts, flows.ts).
 *
 * Only spending of all fund sources is drilled (flow 支出, source null): the rows a report gives
 * per fund source (一般公共预算财政拨款 …) restate parts of the same money and would count twice.
 * One exception, never summed into a figure that is not itself economic: a report with no
 * all-source economic split lends the economic levels its 一般公共预算财政拨款 基本支出 one
 * (see slice), the rest of each node shown as 未细分.
 */
import { desc, from, not, type ColumnTable } from 'arquero';
import type { DrillStep } from '../../model/routes';
import { MONEY_SHOWN } from '../check';
import { makeLookup, roundNoise, slice } from './slices';
import { candidates, choiceAbove, cmpLookup, collapse, keyOf, nextDim, normalizePath, stepLabel } from './paths';
import { REST_KEY, REST_LABEL, type Amount, type Dim, type DrillContext, type NodeKey, type Trees } from './types';

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
  /** The amount is one fund source's economic split only (see slice). */
  partial: boolean;
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

/**
 * The current node of the drill and its children, with comparison year, plan amounts, shares,
 * changes and the 未细分 remainder.
 */
export function drill(facts: ColumnTable, ctx: DrillContext, rawPath: DrillStep[], trees: Trees): DrillResult {
  const phase = ctx.phase ?? '决算';
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, phase, true), trees);
  const cmpValue = cmpLookup(facts, ctx, trees);
  const path = collapse(normalizePath(rawPath, trees), value, trees, cmpValue);
  const isActual = phase === '决算';
  const initValue = isActual ? makeLookup(slice(facts, ctx.unit, ctx.year, '年初预算', true), trees) : () => null;
  const adjValue = isActual ? makeLookup(slice(facts, ctx.unit, ctx.year, '调整预算', true), trees) : () => null;

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
            partial: !!a.partial,
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
    const rest = roundNoise(total.amount - sum);
    if (Math.abs(rest) >= MONEY_SHOWN) {
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
        partial: false,
        cmpAmount: cmpTotal && anyCmp ? roundNoise(cmpTotal.amount - cmpSum) : null,
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
    change: r.change === null ? null : roundNoise(r.change),
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

/**
 * Entry points at the top of one classification (function-first or economic-first drill),
 * below `base` (the total, or one spending type), with the selected year's amounts; categories
 * without data are left out. `partial` = the amount is one fund source's economic split only.
 */
export function entries(
  facts: ColumnTable,
  ctx: DrillContext,
  dim: 'f' | 'e',
  trees: Trees,
  base: DrillStep[] = [],
): Array<{ step: DrillStep; path: DrillStep[]; label: string; amount: number; ids: string[]; partial: boolean }> {
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, ctx.phase ?? '决算', true), trees);
  const cmpValue = cmpLookup(facts, ctx, trees);
  return candidates(dim, keyOf(base), trees).flatMap((c) => {
    const a = value(c.key);
    return a ? [{ step: c.step, path: collapse([...base, c.step], value, trees, cmpValue), label: stepLabel(c.step, trees), amount: a.amount, ids: a.ids, partial: !!a.partial }] : [];
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
