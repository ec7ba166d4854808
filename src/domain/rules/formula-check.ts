import type { Formula, RuleResult } from '../../model/types';
import { checkFormula, type FormulaCheck } from '../check';
import { formulaToText } from '../formula';
import { fmt, recordName, result, type Rule, type RuleContext } from './context';

/** A stated figure and the formula that should give it. */
export interface FormulaRecord {
  id: string;
  label: string;
  value: number;
  unit: string;
  /** Decimals the tolerance is taken from (as printed when the record says so). */
  decimals?: number;
  formula: Formula;
}

/** How a rule words its result: the figure in `shown` decimals, the recomputed value in two more. */
export interface FormulaWording {
  /** What follows the figure when the formula cannot be evaluated ("无法重算"). */
  unreadable: string;
  message(x: FormulaRecord, c: Extract<FormulaCheck, { error?: undefined }>, n: (v: number, extra?: number) => string, formula: string): string;
}

/**
 * The body derived and recompute share: evaluate the record's formula over the file's values,
 * compare within the tolerance of its printed decimals, and word the one result `<rule>:<id>`.
 */
export function formulaResult(rule: Rule, ctx: RuleContext, x: FormulaRecord, shown: number, words: FormulaWording): RuleResult {
  const key = `${rule.id}:${x.id}`;
  const c = checkFormula(x.value, x.formula, ctx.values, { decimals: x.decimals, unit: x.unit, self: x.id });
  if (c.error !== undefined) return result(rule, key, false, { found: x.value, tolerance: c.tolerance }, [x.id], `${x.label} ${fmt(x.value, shown)}${x.unit} ${words.unreadable}：${c.error}`);
  const n = (v: number, extra = 0) => fmt(v, shown + extra);
  return result(
    rule,
    key,
    c.ok,
    { expected: c.expected, found: x.value, difference: c.difference, tolerance: c.tolerance },
    [x.id, ...c.refs],
    words.message(x, c, n, formulaToText(x.formula, (id) => recordName(ctx, id))),
  );
}
