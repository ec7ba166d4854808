import type { Formula, RuleResult } from '../../model/types';
import { checkFormula, decimalsOf } from '../check';
import { formulaToText } from '../formula';
import { fmt, recordName, result, type Rule } from './context';

/**
 * derived:<id> — a derived record's stored value equals its formula over the stated records
 * (a transcriber's arithmetic, checked).
 */
export const derived: Rule = {
  id: 'derived',
  title: '推算值复核',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const records: Array<{ id: string; label: string; value: number; unit: string; decimals?: number; formula: Formula }> = [];
    for (const f of ctx.file.facts) if (f.provenance.kind === 'derived') records.push({ id: f.id, label: f.label, value: f.amount, unit: ctx.file.currency, formula: f.provenance.formula });
    for (const x of ctx.indicators) if (x.provenance.kind === 'derived') records.push({ id: x.id, label: x.label, value: x.value, unit: x.unit, decimals: x.decimals, formula: x.provenance.formula });
    for (const x of records) {
      const key = `derived:${x.id}`;
      const c = checkFormula(x.value, x.formula, ctx.values, { decimals: x.decimals, unit: x.unit, self: x.id });
      const shown = x.decimals ?? Math.max(2, decimalsOf(x.value));
      if (c.error !== undefined) {
        out.push(result(this, key, false, { found: x.value, tolerance: c.tolerance }, [x.id], `${x.label} ${fmt(x.value, shown)}${x.unit} 无法由公式算出：${c.error}`));
        continue;
      }
      out.push(
        result(
          this,
          key,
          c.ok,
          { expected: c.expected, found: x.value, difference: c.difference, tolerance: c.tolerance },
          [x.id, ...c.refs],
          `${x.label}：公式 ${formulaToText(x.formula, (id) => recordName(ctx, id))} = ${fmt(c.expected, shown)}${x.unit}，记录值 ${fmt(x.value, shown)}${x.unit}${c.ok ? '，一致' : `，相差 ${fmt(c.difference, shown + 2)}`}`,
        ),
      );
    }
    return out;
  },
};
