import type { RuleResult } from '../../model/types';
import { fmt, result, type Rule } from './context';
import { normalizeQuoteText } from './quote';

/** The words before a figure in its clause. */
function leadOf(quote: string, value: number): string | null {
  const q = normalizeQuoteText(quote);
  for (const m of q.matchAll(/\d+(?:\.\d+)?/g)) {
    if (Math.abs(Number(m[0]) - Math.abs(value)) > 1e-9) continue;
    const before = q.slice(0, m.index);
    return before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf(','), before.lastIndexOf('；'), before.lastIndexOf('。')) + 1);
  }
  return null;
}

/**
 * flow-wording:<fact id> — a spending amount (flow 支出, of any phase) that the report names as
 * 收入 ("调整预算收入为969.29万元"), or an income amount named as 支出: income and spending are the
 * two sides of the 收入支出决算总表, and calling one by the other's name confuses them.
 */
export const flowWording: Rule = {
  id: 'flow-wording',
  title: '收入与支出的称呼',
  family: 'wording',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const f of ctx.file.facts) {
      if ((f.flow !== '支出' && f.flow !== '收入') || f.provenance.kind !== 'stated') continue;
      const lead = leadOf(f.provenance.quote, f.amount);
      if (lead === null) continue;
      const own = f.flow;
      const other = own === '支出' ? '收入' : '支出';
      const wrong = lead.includes(other) && !lead.includes(own);
      out.push(
        result(this, `flow-wording:${f.id}`, !wrong, { found: f.amount }, [f.id],
          wrong
            ? `${f.label} ${fmt(f.amount)}万元 是${own}（${f.phase}），报告却称为“${lead}”：${own}不应称作${other}`
            : `${f.label}：称呼与${own}一致`),
      );
    }
    return out;
  },
};
