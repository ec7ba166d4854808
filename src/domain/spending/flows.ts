/** Function → economic flows of a drill node (the sankey). */
import type { ColumnTable } from 'arquero';
import type { ClassNode } from '../../model/types';
import type { DrillStep } from '../../model/routes';
import { MONEY_SHOWN } from '../check';
import { treeOf } from '../tree';
import { makeLookup, roundNoise, slice } from './slices';
import { cmpLookup, collapse, extendPath, keyOf, normalizePath, stepLabel } from './paths';
import { REST_LABEL, type DrillContext, type NodeKey, type Trees } from './types';

interface Flow {
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
  const value = makeLookup(slice(facts, ctx.unit, ctx.year, ctx.phase ?? '决算', true), trees);
  const cmpValue = cmpLookup(facts, ctx, trees);
  const key = keyOf(path);
  const below = (nodes: ClassNode[], code: string | null, set: (c: string) => NodeKey) => {
    const kids = treeOf(nodes).children(code).filter((n) => value(set(n.code)) !== null);
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
    const rest = roundNoise(fTotal.amount - sum);
    if (rest >= MONEY_SHOWN) {
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
