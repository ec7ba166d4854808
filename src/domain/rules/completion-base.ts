import type { RuleResult } from '../../model/types';
import { compare, decimalsOf } from '../check';
import { fmt, result, type Rule } from './context';
import { rateDefinitions } from './rates';

/**
 * completion-base:<id> — a completion rate (预算完成率, or any "完成预算X%") measured against the
 * 年初预算 although the report states a 调整预算 that differs from it: the latest plan is the
 * 调整预算, so the rate overstates (or understates) how the budget was kept — a rate above 100 %
 * often only says the budget was raised during the year.
 */
export const completionBase: Rule = {
  id: 'completion-base',
  title: '完成率应以调整预算为分母',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const m of ctx.file.measures) {
      const defs = rateDefinitions(ctx, m).filter((d) => d.plan);
      const adj = defs.find((d) => d.plan === '调整预算');
      const init = defs.find((d) => d.plan === '年初预算');
      if (!adj || !init) continue;
      const decimals = m.decimals ?? decimalsOf(m.value);
      const p = { decimals, unit: '%' };
      if (compare(adj.value, init.value, p).ok) continue; // the budget was not changed: both bases agree
      const onInit = compare(m.value, init.value, p).ok && !compare(m.value, adj.value, p).ok;
      const records = [m.id, ...init.records.map((r) => r.id), ...adj.records.map((r) => r.id)];
      out.push(
        result(this, `completion-base:${m.id}`, !onInit, { found: m.value, initialBase: init.value, adjustedBase: adj.value }, records,
          onInit
            ? `${m.label} ${fmt(m.value, decimals)}% 是 ${init.text} = ${fmt(init.value, decimals + 2)}%，以年初预算为分母；报告另有调整预算，按 ${adj.text} 应为 ${fmt(adj.value, decimals + 2)}%${m.value > 100 ? '。超过100%只说明年中追加了预算，不说明超额完成' : ''}`
            : `${m.label} ${fmt(m.value, decimals)}% 不是以年初预算为分母（${init.text} = ${fmt(init.value, decimals + 2)}%；${adj.text} = ${fmt(adj.value, decimals + 2)}%）`),
      );
    }
    return out;
  },
};
