import type { RuleResult } from '../../model/types';
import { compare } from '../check';
import { fmt, measuresWith, result, totalOf, type Rule } from './context';

/**
 * grand-total-scope:<year> — the printed 收入总计 equals 本年收入合计 and 支出总计 equals 本年支出合计
 * although the two differ: a 总计 includes the carry-over (收入总计 = 本年收入 + 年初结转和结余,
 * 支出总计 = 本年支出 + 年末结转和结余), and with unequal year totals the carry-over cannot be zero
 * on both sides — so the report printed its year totals as 总计.
 */
export const grandTotalScope: Rule = {
  id: 'grand-total-scope',
  title: '总计与本年合计的口径',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    const years = [...new Set(ctx.file.measures.filter((m) => m.role === 'income.grand-total' || m.role === 'spending.grand-total').map((m) => m.year))].sort();
    for (const y of years) {
      const [gi] = measuresWith(ctx, 'income.grand-total', y);
      const [gs] = measuresWith(ctx, 'spending.grand-total', y);
      const ti = totalOf(ctx, y, '决算', '收入');
      const ts = totalOf(ctx, y, '决算', '支出');
      if (!gi || !gs || !ti || !ts) continue;
      if (totalOf(ctx, y, '决算', '年初结转和结余') || totalOf(ctx, y, '决算', '年末结转和结余')) continue;
      const same = compare(gi.value, ti.amount).ok && compare(gs.value, ts.amount).ok;
      const gap = ts.amount - ti.amount;
      const bad = same && !compare(ti.amount, ts.amount).ok;
      out.push(
        result(this, `grand-total-scope:${y}`, !bad, { income: gi.value, spending: gs.value, incomeTotal: ti.amount, spendingTotal: ts.amount, difference: gap }, [gi.id, gs.id, ti.id, ts.id],
          bad
            ? `${y}年：收入总计 ${fmt(gi.value)} 等于本年收入合计 ${fmt(ti.amount)}，支出总计 ${fmt(gs.value)} 等于本年支出合计 ${fmt(ts.amount)}，而本年收支相差 ${fmt(gap)}：总计应含结转和结余（相差的部分至少要由 ${fmt(Math.abs(gap))} 的结转和结余填补），报告印的是本年合计`
            : `${y}年：收支总计与本年合计的关系没有矛盾`),
      );
    }
    return out;
  },
};
