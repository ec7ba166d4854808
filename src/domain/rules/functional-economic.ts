import type { RuleResult } from '../../model/types';
import { compare } from '../check';
import { fmt, groupBy, groupKey, idsOf, result, sum, type Rule } from './context';

/**
 * functional-economic:<fact id> — a function's amount equals the sum of its economic 类 (the
 * same money seen by purpose and by nature).
 */
export const functionalEconomic: Rule = {
  id: 'functional-economic',
  title: '功能科目等于经济分类合计',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const group of groupBy(ctx.withRollups, (f) => groupKey(f.year, f.phase, f.flow, f.source, f.basis, f.functional)).values()) {
      const total = group.find((f) => f.economic === null);
      if (!total || total.parts || total.functional === null) continue;
      const top = ctx.et.nearestBelow(null, group, (f) => f.economic);
      if (top.length === 0) continue;
      const found = sum(top.map((f) => f.amount));
      const diff = found - total.amount;
      const { ok } = compare(total.amount, found);
      out.push(
        result(
          this,
          `functional-economic:${total.id}`,
          ok,
          { expected: total.amount, found, difference: diff },
          [total.id, ...top.flatMap(idsOf)],
          `${total.label}（${ctx.ft.name(total.functional)}）${fmt(total.amount)} 的经济分类 ${top.map((f) => `${ctx.et.name(f.economic)} ${fmt(f.amount)}`).join(' + ')} = ${fmt(found)}${ok ? '，一致' : `，相差 ${fmt(diff)}`}`,
        ),
      );
    }
    return out;
  },
};
