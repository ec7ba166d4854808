/**
 * The spending facts of one unit, year and phase, cut once per facts table (the one slice cache),
 * and the amount look-up over a slice: the stated fact, else the most complete sum of finer ones.
 */
import type { ColumnTable } from 'arquero';
import type { Basis, FundSource, Phase } from '../../model/types';
import type { Flow } from '../../model/vocabulary';
import { treeOf } from '../tree';
import { BASES, type Amount, type NodeKey, type Trees } from './types';

export interface FactLite {
  id: string;
  basis: Basis | null;
  functional: string | null;
  economic: string | null;
  amount: number;
  /** Set on a fact of one fund source standing in for the missing all-source economic split (see slice). */
  partial?: true;
}

/**
 * The fund source and spending type whose economic split stands in when a report gives no
 * all-source one: 公开06表 (一般公共预算财政拨款基本支出) states it by economic category only.
 */
export const PARTIAL_SOURCE = '一般公共预算财政拨款';
const PARTIAL_BASIS: Basis = '基本支出';

/** Drops float noise from sums of amounts (1e-6 万元 is far below any printed place). */
export const roundNoise = (x: number) => Math.round(x * 1e6) / 1e6;

const keyStr = (k: NodeKey) => `${k.basis ?? '*'}|${k.functional ?? '*'}|${k.economic ?? '*'}`;

/**
 * Slices already cut from a facts table. A drill changes the path, never the table, unit, year
 * or phase, so each drill step reuses its slices instead of scanning every fact again (at a
 * million rows a scan costs tens of milliseconds, and a drill needs several).
 */
const sliceCache = new WeakMap<ColumnTable, Map<string, unknown[]>>();

/** The rows cut from `facts` under `key`, cut by `cut` the first time only. */
function cached<T>(facts: ColumnTable, key: string, cut: () => T[]): T[] {
  let byKey = sliceCache.get(facts);
  if (!byKey) sliceCache.set(facts, (byKey = new Map()));
  let rows = byKey.get(key) as T[] | undefined;
  if (!rows) byKey.set(key, (rows = cut()));
  return rows;
}

/**
 * The spending facts (all fund sources) of one unit, year and phase (an Arquero filter with params: no closures).
 * When none of them is split by economic category, the 一般公共预算财政拨款 基本支出 facts split by
 * economic category only (公开06表) join when `withPartial` (the drill asks; roll-ups and totals
 * do not), marked partial: they are the only economic split the report gives, and they cover
 * part of the money, so the look-up never builds an all-source figure from them and the drill
 * shows the rest of a node as 未细分.
 */
export function slice(facts: ColumnTable, unit: string, year: number, phase: Phase, withPartial = false): FactLite[] {
  return cached(facts, JSON.stringify(['spending', unit, year, phase, withPartial]), () => {
    const mine = facts.params({ unit, year, phase }).filter((d: any, $: any) => d.unit === $.unit && d.year === $.year && d.phase === $.phase && d.flow === '支出');
    const rows = mine
      .filter((d: any) => d.source === null)
      .select('id', 'basis', 'functional', 'economic', 'amount')
      .objects() as FactLite[];
    if (!withPartial || rows.some((r) => r.economic !== null)) return rows;
    const partial = mine
      .params({ src: PARTIAL_SOURCE, basis: PARTIAL_BASIS })
      .filter((d: any, $: any) => d.source === $.src && d.basis === $.basis && d.functional === null && d.economic !== null)
      .select('id', 'basis', 'functional', 'economic', 'amount')
      .objects() as FactLite[];
    return [...rows, ...partial.map((r) => ({ ...r, partial: true as const }))];
  });
}

/** One fact of a year, every flow, fund source and phase. */
export interface YearFact extends FactLite {
  year: number;
  phase: Phase;
  flow: Flow;
  source: FundSource | null;
}

/** Every fact of one unit and year (what the overview's cards read), from the same cache. */
export function yearFacts(facts: ColumnTable, unit: string, year: number): YearFact[] {
  return cached(facts, JSON.stringify(['year', unit, year]), () =>
    facts
      .params({ unit, year })
      .filter((d: any, $: any) => d.unit === $.unit && d.year === $.year)
      .select('id', 'year', 'phase', 'flow', 'source', 'basis', 'functional', 'economic', 'amount')
      .objects() as YearFact[],
  );
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
    let out: Amount | null = hit ? { amount: hit.amount, ids: [hit.id], stated: true, ...(hit.partial ? { partial: true as const } : {}) } : null;
    if (!out) {
      const options: Amount[] = [];
      for (const kids of splits(k, trees)) {
        const parts = kids.map(value).filter((a): a is Amount => a !== null);
        const partial = parts.some((a) => a.partial);
        // A one-source economic split is no amount of a node that is not itself economic.
        if (!parts.length || (partial && k.economic === null)) continue;
        options.push({ amount: roundNoise(parts.reduce((s, a) => s + a.amount, 0)), ids: parts.flatMap((a) => a.ids), stated: false, ...(partial ? { partial: true as const } : {}) });
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
  const f = treeOf(trees.functional).children(k.functional);
  if (f.length) out.push(f.map((n) => ({ ...k, functional: n.code })));
  const e = treeOf(trees.economic).children(k.economic);
  if (e.length) out.push(e.map((n) => ({ ...k, economic: n.code })));
  return out;
}
