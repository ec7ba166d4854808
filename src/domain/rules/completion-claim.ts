import type { Indicator, RuleResult } from '../../model/types';
import { EPS, MONEY_UNIT, compare, decimalsOf, toleranceOf } from '../check';
import { fmt, result, statOf, type Rule } from './context';

/**
 * completion-claim:<id> — "完成预算X%" against what the report says of the same item's budget
 * elsewhere: beside a change against budget d (万元), 100 % means d = 0; beside a growth against
 * budget g %, the completion is 100 + g. A "完成预算100%" stated beside an amount over or under
 * budget cannot both be right.
 */
export const completionClaim: Rule = {
  id: 'completion-claim',
  title: '完成预算的说法与预算差额一致',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    const vsBudget = (m: Indicator, stat: string) =>
      ctx.file.measures.filter((o) => o.role === m.role && o.year === m.year && statOf(o) === stat && o.base === 'budget');
    for (const c of ctx.file.measures) {
      if (statOf(c) !== 'completion' || !c.role || (c.base ?? 'budget') !== 'budget') continue;
      const decimals = c.decimals ?? decimalsOf(c.value);
      for (const d of vsBudget(c, 'change')) {
        const tol = toleranceOf(d.value, { unit: d.unit, decimals: d.decimals }) + EPS;
        const full = Math.abs(c.value - 100) <= toleranceOf(c.value, { decimals, unit: '%' }) + EPS;
        const none = Math.abs(d.value) <= tol;
        const ok = full === none || d.unit !== MONEY_UNIT;
        out.push(
          result(this, `completion-claim:${c.id}:${d.id}`, ok, { found: c.value, change: d.value }, [c.id, d.id],
            `${c.label} ${fmt(c.value, decimals)}%，${d.label} ${fmt(d.value)}${d.unit}${ok ? '，说法一致' : full ? '：与预算有差额却称完成预算100%' : '：与预算没有差额却称未完成或超额'}`),
        );
      }
      for (const g of vsBudget(c, 'growth')) {
        const expected = 100 + g.value;
        const cmp = compare(c.value, expected, { decimals: Math.min(decimals, g.decimals ?? decimalsOf(g.value)), unit: '%' });
        out.push(
          result(this, `completion-claim:${c.id}:${g.id}`, cmp.ok, { found: c.value, expected, growth: g.value }, [c.id, g.id],
            `${c.label} ${fmt(c.value, decimals)}%，${g.label} ${fmt(g.value)}%：完成率应为 100 + (${fmt(g.value)}) = ${fmt(expected)}%${cmp.ok ? '，一致' : '，两种说法矛盾'}`),
        );
      }
    }
    return out;
  },
};
