import type { RuleResult } from '../../model/types';
import { compare, exceeds } from '../check';
import { fmt, measuresWith, result, roleValue, type Rule } from './context';

/**
 * fiscal-totals:<year> (definition / warning) — the 财政拨款收入支出决算总表 balances: 财政拨款收入总计 =
 * 财政拨款支出总计 (both sides include the appropriations carried over), when both are stated.
 * fiscal-totals:<year>:income — this year's 财政拨款收入 (the income by that source) never exceeds
 * 财政拨款收入总计, which adds the carry-over to it. fiscal-totals:<year>:spending — the
 * 一般公共预算财政拨款支出 never exceeds 财政拨款支出总计, of which it is a part.
 */
export const fiscalTotals: Rule = {
  id: 'fiscal-totals',
  title: '财政拨款收支总计',
  // Reports often print 本年 amounts under the name 总计: a difference says the two figures are not
  // both the table's totals, a matter of definition rather than proof of a wrong sum.
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    const years = [...new Set(ctx.file.measures.filter((m) => m.role === 'fiscal.income-total' || m.role === 'fiscal.spending-total').map((m) => m.year))].sort();
    for (const y of years) {
      const [inc] = measuresWith(ctx, 'fiscal.income-total', y);
      const [exp] = measuresWith(ctx, 'fiscal.spending-total', y);
      if (inc && exp) {
        const c = compare(inc.value, exp.value, { unit: inc.unit });
        out.push(
          result(this, `fiscal-totals:${y}`, c.ok, { expected: inc.value, found: exp.value, difference: exp.value - inc.value }, [inc.id, exp.id],
            `${y}年：${inc.label} ${fmt(inc.value)}，${exp.label} ${fmt(exp.value)}${c.ok ? '，相等' : `，相差 ${fmt(exp.value - inc.value)}（财政拨款收入支出决算总表的两个总计应相等）`}`),
        );
      }
      const current = roleValue(ctx, 'income.source:财政拨款', y, '决算');
      if (inc && current) {
        const bad = exceeds(current.value, inc.value, { unit: inc.unit });
        out.push(
          result(this, `fiscal-totals:${y}:income`, !bad, { expected: inc.value, found: current.value, difference: current.value - inc.value }, [inc.id, ...current.records.map((r) => r.id)],
            `${y}年：本年${current.label} ${fmt(current.value)}${bad ? ' 大于' : ' 不大于'}${inc.label} ${fmt(inc.value)}（总计含年初财政拨款结转和结余）`),
        );
      }
      const [gpb] = measuresWith(ctx, 'gpb.spending', y);
      if (exp && gpb) {
        const bad = exceeds(gpb.value, exp.value, { unit: exp.unit });
        out.push(
          result(this, `fiscal-totals:${y}:spending`, !bad, { expected: exp.value, found: gpb.value, difference: gpb.value - exp.value }, [exp.id, gpb.id],
            `${y}年：${gpb.label} ${fmt(gpb.value)}${bad ? ' 大于' : ' 不大于'}${exp.label} ${fmt(exp.value)}（前者是后者的一部分）`),
        );
      }
    }
    return out;
  },
};
