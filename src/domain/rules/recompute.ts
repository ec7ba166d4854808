import type { RuleResult } from '../../model/types';
import { checkFormula, decimalsOf } from '../check';
import { formulaToText } from '../formula';
import { fmt, recordName, result, type Rule } from './context';

/**
 * recompute:<id> — a stated rate or share recomputed by its `recompute` formula matches the
 * printed figure within half a unit of its last printed decimal.
 */
export const recompute: Rule = {
  id: 'recompute',
  title: '比率重算',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const x of ctx.indicators) {
      if (!x.recompute) continue;
      // A rate is printed with as many decimals as it shows unless the record says otherwise.
      const decimals = x.decimals ?? decimalsOf(x.value);
      const c = checkFormula(x.value, x.recompute, ctx.values, { decimals, unit: x.unit, self: x.id });
      const key = `recompute:${x.id}`;
      const tol = `±${fmt(c.tolerance, decimals + 1)}`;
      if (c.error !== undefined) {
        out.push(result(this, key, false, { found: x.value, tolerance: c.tolerance }, [x.id], `${x.label} ${fmt(x.value, decimals)}${x.unit} 无法重算：${c.error}`));
        continue;
      }
      out.push(
        result(
          this,
          key,
          c.ok,
          { expected: c.expected, found: x.value, difference: c.difference, tolerance: c.tolerance },
          [x.id, ...c.refs],
          `${x.label}：按 ${formulaToText(x.recompute, (id) => recordName(ctx, id))} 重算为 ${fmt(c.expected, decimals)}${x.unit}，报告为 ${fmt(x.value, decimals)}${x.unit}${c.ok ? `，在舍入容差 ${tol} 内` : `，相差 ${fmt(c.difference, decimals + 2)}（容差 ${tol}）`}`,
        ),
      );
    }
    return out;
  },
};
