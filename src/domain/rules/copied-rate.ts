import type { Indicator, RuleResult } from '../../model/types';
import { roleTitle } from '../../model/vocabulary';
import { compare, decimalsOf } from '../check';
import { fmt, result, type Rule } from './context';
import { rateDefinitions } from './rates';

/**
 * copied-rate:<id> — a rate that no definition of its own explains but that equals another rate
 * of the same year with a different meaning (预算调整率 411 % = 预算完成率 411 %): most likely the
 * other figure was copied. 0 % and 100 % are left out: many rates are legitimately equal there.
 */
export const copiedRate: Rule = {
  id: 'copied-rate',
  title: '不同定义的比率数值相同',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    const rates = ctx.file.measures.filter((m) => m.unit === '%' && m.role);
    for (const m of rates) {
      const defs = rateDefinitions(ctx, m);
      if (defs.length === 0) continue;
      const decimals = m.decimals ?? decimalsOf(m.value);
      const explained = defs.some((d) => compare(m.value, d.value, { decimals, unit: '%' }).ok);
      const twin: Indicator | undefined = explained || m.value === 0 || m.value === 100
        ? undefined
        : rates.find((o) => o.id !== m.id && o.year === m.year && o.role !== m.role && o.value === m.value);
      const std = defs.find((d) => d.standard) ?? defs[0];
      out.push(
        result(this, `copied-rate:${m.id}`, !twin, { found: m.value, expected: std.value, ...(twin ? { other: twin.value } : {}) }, [m.id, ...(twin ? [twin.id] : []), ...std.records.map((r) => r.id)],
          twin
            ? `${m.label} ${fmt(m.value, decimals)}% 与${roleTitle(twin.role!)}（${twin.label}）${fmt(twin.value, decimals)}% 相同，但按其定义 ${std.text} 应为 ${fmt(std.value, decimals + 2)}%：疑为照抄了另一个比率`
            : `${m.label} ${fmt(m.value, decimals)}%${explained ? '与其定义一致' : '与其他比率不同'}，不是照抄的数`),
      );
    }
    return out;
  },
};
