import { decimalsOf } from '../check';
import type { Rule } from './context';
import { formulaResult, type FormulaRecord } from './formula-check';

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
    const records: FormulaRecord[] = [];
    for (const f of ctx.file.facts) if (f.provenance.kind === 'derived') records.push({ id: f.id, label: f.label, value: f.amount, unit: ctx.file.currency, formula: f.provenance.formula });
    for (const x of ctx.indicators) if (x.provenance.kind === 'derived') records.push({ id: x.id, label: x.label, value: x.value, unit: x.unit, decimals: x.decimals, formula: x.provenance.formula });
    return records.map((x) =>
      formulaResult(this, ctx, x, x.decimals ?? Math.max(2, decimalsOf(x.value)), {
        unreadable: '无法由公式算出',
        message: (x, c, n, formula) => `${x.label}：公式 ${formula} = ${n(c.expected)}${x.unit}，记录值 ${n(x.value)}${x.unit}${c.ok ? '，一致' : `，相差 ${n(c.difference, 2)}`}`,
      }),
    );
  },
};
