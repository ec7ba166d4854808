import { decimalsOf } from '../check';
import { fmt, type Rule } from './context';
import { formulaResult } from './formula-check';

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
    return ctx.indicators.flatMap((x) => {
      if (!x.recompute) return [];
      // A rate is printed with as many decimals as it shows unless the record says otherwise.
      const decimals = x.decimals ?? decimalsOf(x.value);
      const record = { id: x.id, label: x.label, value: x.value, unit: x.unit, decimals, formula: x.recompute };
      return [
        formulaResult(this, ctx, record, decimals, {
          unreadable: '无法重算',
          message: (x, c, n, formula) => {
            const tol = `±${fmt(c.tolerance, decimals + 1)}`;
            return `${x.label}：按 ${formula} 重算为 ${n(c.expected)}${x.unit}，报告为 ${n(x.value)}${x.unit}${c.ok ? `，在舍入容差 ${tol} 内` : `，相差 ${n(c.difference, 2)}（容差 ${tol}）`}`;
          },
        }),
      ];
    });
  },
};
