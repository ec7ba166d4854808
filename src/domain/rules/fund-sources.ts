import { checkSources } from './sources';
import type { Rule } from './context';

/**
 * fund-sources:<year>:<phase>[:<carry-over flow>][:<basis>:<function>:<economic>] — spending
 * (and carry-over) by fund source sums to its all-sources total, where the report states both.
 */
export const fundSources: Rule = {
  id: 'fund-sources',
  title: '各资金来源之和等于支出合计',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    return checkSources(this, ctx, ['支出', '年初结转和结余', '年末结转和结余']);
  },
};
