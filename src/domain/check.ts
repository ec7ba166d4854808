/**
 * The ONE stated-vs-recomputed comparison. A report prints rounded figures; a figure recomputed
 * from other printed figures differs from the printed one by rounding alone up to half a unit
 * of the last printed place. Rules (src/domain/rules) and route models use this module, so a
 * figure is "consistent" on the quality page exactly when it is marked consistent on its route.
 *
 * The tolerance rule:
 *  - `decimals` known (the record says how it was printed) → half a unit of that place;
 *  - else money (万元) → 0.01: amounts are printed to the cent of 万元 and sums of rounded parts
 *    drift by a cent;
 *  - else → half a unit of the last decimal the stated number has as JSON prints it (97.6 →
 *    ±0.05; a count of 9 → ±0.5, which for sums of whole counts means exact).
 */
import type { Formula } from '../model/types';
import { evaluateFormula, formulaRefs } from './formula';

/** Money tolerance when the printed precision is not recorded: amounts are printed to 0.01 万元. */
const MONEY_TOLERANCE = 0.01;
/** Half a unit of the last printed decimal: the widest gap rounding alone can explain. */
function roundingTolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
/**
 * The smallest money difference that prints: half a cent of 万元 rounds to a visible 0.01. A
 * drill remainder or a change below it is rounding, not a figure (shown as 持平 / not shown).
 */
export const MONEY_SHOWN = roundingTolerance(2);
/** Float noise allowance added to every comparison (0.1 + 0.2 ≠ 0.3). */
export const EPS = 1e-9;
export const MONEY_UNIT = '万元';

/** Decimals of a number as JSON prints it: 411 → 0, 64.29 → 2, 1e-7 → 7. */
export function decimalsOf(x: number): number {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!m) return 0;
  return Math.max(0, (m[2]?.length ?? 0) - (m[3] ? Number(m[3]) : 0));
}


/** How a stated figure was printed: what the tolerance depends on. */
export interface Precision {
  /** Decimals as printed, when the record says so. */
  decimals?: number;
  /** The figure's unit (万元, %, 人 …); money when omitted (facts carry no unit). */
  unit?: string;
}

/** The tolerance of a stated figure (see the module comment for the rule). */
export function toleranceOf(stated: number, p: Precision = {}): number {
  if (p.decimals !== undefined) return roundingTolerance(p.decimals);
  const unit = p.unit ?? MONEY_UNIT;
  if (unit === MONEY_UNIT) return MONEY_TOLERANCE;
  return roundingTolerance(decimalsOf(stated));
}

/** A stated figure against its recomputation. */
export interface Comparison {
  stated: number;
  expected: number;
  /** stated − expected. */
  difference: number;
  tolerance: number;
  ok: boolean;
}

/** Compare a stated figure with the value recomputed from other figures. */
export function compare(stated: number, expected: number, p: Precision = {}): Comparison {
  const tolerance = toleranceOf(stated, p);
  const difference = stated - expected;
  return { stated, expected, difference, tolerance, ok: Math.abs(difference) <= tolerance + EPS };
}

/** True when `part` exceeds `whole` by more than the whole's tolerance (a part larger than its whole). */
export function exceeds(part: number, whole: number, p: Precision = {}): boolean {
  return part - whole > toleranceOf(whole, p) + EPS;
}

/** A stated figure checked against a formula over other records. */
export type FormulaCheck =
  | (Comparison & { refs: string[]; error?: undefined })
  | { stated: number; tolerance: number; refs: string[]; error: string; ok: false };

/**
 * Recompute a stated figure by a formula over record values (a `recompute` field or a derived
 * record's formula) and compare. `self` is the record's own id (a self-reference is a cycle).
 */
export function checkFormula(
  stated: number,
  formula: Formula,
  values: ReadonlyMap<string, number>,
  p: Precision & { self?: string } = {},
): FormulaCheck {
  const refs = formulaRefs(formula);
  const r = evaluateFormula(formula, values, { self: p.self });
  if (!r.ok) return { stated, tolerance: toleranceOf(stated, p), refs, error: r.error, ok: false };
  return { ...compare(stated, r.value, p), refs };
}

/** Share of a part in its whole, in %; null on a zero whole. */
export function sharePct(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** Growth from `base` to `value`, in %; null on a zero base (a growth rate on nothing is undefined). */
export function growthPct(value: number, base: number): number | null {
  return base === 0 ? null : ((value - base) / base) * 100;
}
