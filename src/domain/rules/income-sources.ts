import { checkSources } from './sources';
import type { Rule } from './context';

/**
 * income-sources:<year>:<phase>[:<aggregate source>] — income by source (一般公共预算财政拨款收入,
 * 事业收入, 其他收入 …) sums to 本年收入合计; 财政拨款 sums to the three appropriations.
 */
export const incomeSources: Rule = {
  id: 'income-sources',
  title: '各项收入之和等于本年收入合计',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    return checkSources(this, ctx, ['收入']);
  },
};
