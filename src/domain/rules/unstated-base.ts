import type { RuleResult } from '../../model/types';
import { EPS, toleranceOf } from '../check';
import { fmt, result, statOf, type Rule } from './context';
import { rateDefinitions } from './rates';

/**
 * unstated-base:<id> — a completion percentage above 100 % ("完成任务的140.3%") that nothing in
 * the report lets a reader recompute: the task or budget it is measured against is not stated,
 * so the figure cannot be checked and its base should be said.
 */
export const unstatedBase: Rule = {
  id: 'unstated-base',
  title: '超过100%的完成率未列明基数',
  family: 'definition',
  grade: 'note',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const x of ctx.indicators) {
      if (x.unit !== '%' || x.recompute || x.provenance.kind === 'derived') continue;
      const stat = statOf(x);
      if (stat === 'share' || stat === 'growth' || stat === 'change') continue;
      const text = `${x.label}${x.provenance.quote ?? ''}`;
      if (!/完成/.test(text) || x.value <= 100 + toleranceOf(x.value, { decimals: x.decimals, unit: '%' }) + EPS) continue;
      if (rateDefinitions(ctx, x).length) continue; // recomputable from the report's own figures
      out.push(
        result(this, `unstated-base:${x.id}`, false, { found: x.value }, [x.id],
          `${x.label} ${fmt(x.value, 2)}%：超过100%，但报告没有列出作为分母的任务数或预算数，无法复核，也看不出以什么计算`),
      );
    }
    return out;
  },
};
