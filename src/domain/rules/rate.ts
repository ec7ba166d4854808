import type { RuleResult } from '../../model/types';
import { compare, decimalsOf } from '../check';
import { fmt, result, statOf, type Rule } from './context';
import { rateDefinitions } from './rates';

/**
 * rate:<id> — a stated rate whose role has a standard definition (预算完成率 = 决算 ÷ 预算 × 100,
 * against the 调整预算 when stated; 预算调整率 = (调整预算 − 年初预算) ÷ 年初预算 × 100; 在职人员
 * 控制率 = 在编人员 ÷ 编制数 × 100; 绩效自评覆盖率 = 自评涉及资金 ÷ 项目支出 × 100) is recomputed by
 * that definition at its printed precision. Rates with their own `recompute` formula are left to
 * the recompute rule; completions (stat `completion`) to the change rule.
 */
export const rate: Rule = {
  id: 'rate',
  title: '比率按标准口径重算',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const m of ctx.file.measures) {
      if (m.recompute || statOf(m) !== 'value') continue;
      const def = rateDefinitions(ctx, m).find((d) => d.standard);
      if (!def) continue;
      const decimals = m.decimals ?? decimalsOf(m.value);
      const c = compare(m.value, def.value, { decimals, unit: '%' });
      out.push(
        result(this, `rate:${m.id}`, c.ok, { expected: def.value, found: m.value, difference: c.difference, tolerance: c.tolerance }, [m.id, ...def.records.map((r) => r.id)],
          `${m.label} ${fmt(m.value, decimals)}%：按标准口径 ${def.text} = ${fmt(def.value, decimals + 2)}%${c.ok ? '，一致' : `，相差 ${fmt(c.difference, decimals + 2)}`}`),
      );
    }
    return out;
  },
};
