import type { Basis, RuleResult } from '../../model/types';
import { compare, exceeds } from '../check';
import { fmt, groupBy, groupKey, result, sum, type Rule } from './context';

/** ASCII names of the spending types in `numbers`, for tools reading `check:data --json`. */
const NUMBER_KEYS: Record<Basis, string> = { 基本支出: 'basic', 项目支出: 'project', 上缴上级支出: 'remitted', 经营支出: 'business', 对附属单位补助支出: 'subsidies' };

/**
 * basis-sum:<year>:<phase>[:<function|all>:<economic|all>][:<source>] — the spending types
 * (基本支出, 项目支出, 上缴上级支出, 经营支出, 对附属单位补助支出) sum to the spending total.
 *
 * Two or more types stated beside a total are the 支出决算表's split, which lists every type the
 * unit has: they must add up exactly (within rounding). One type alone is a "其中" mention: it
 * may not exceed the total, and the rest is the other types.
 */
export const basisSum: Rule = {
  id: 'basis-sum',
  title: '各支出类型之和等于支出合计',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const spending = ctx.facts.filter((f) => f.flow === '支出');
    for (const group of groupBy(spending, (f) => groupKey(f.year, f.phase, f.source, f.functional, f.economic)).values()) {
      const total = group.find((f) => f.basis === null);
      const parts = group.filter((f) => f.basis !== null);
      if (!total || parts.length === 0) continue;
      const found = sum(parts.map((f) => f.amount));
      const diff = found - total.amount;
      const split = parts.length >= 2;
      const ok = split ? compare(total.amount, found).ok : !exceeds(found, total.amount);
      const scope = total.functional === null && total.economic === null ? '' : `:${total.functional ?? 'all'}:${total.economic ?? 'all'}`;
      const src = total.source === null ? '' : `:${total.source}`;
      const terms = parts.map((f) => `${f.basis} ${fmt(f.amount)}`).join(' + ');
      const verdict = ok ? (split ? '，一致' : `，其余 ${fmt(-diff)} 为其他支出类型`) : `，相差 ${fmt(diff)}`;
      out.push(
        result(
          this,
          `basis-sum:${total.year}:${total.phase}${scope}${src}`,
          ok,
          { expected: total.amount, found, difference: diff, ...Object.fromEntries(parts.map((f) => [NUMBER_KEYS[f.basis!], f.amount])) },
          [total.id, ...parts.map((f) => f.id)],
          `${total.year}年${total.phase}：${terms} = ${fmt(found)}，合计（${total.label}）${fmt(total.amount)}${verdict}`,
        ),
      );
    }
    return out;
  },
};
