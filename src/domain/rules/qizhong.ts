import { EPS, MONEY_UNIT, toleranceOf } from '../check';
import { fmt, type Rule } from './context';
import { sentences } from './text';
import { scanText, type TextMatch } from './text-scan';

const FIGURE = /(\d+(?:\.\d+)?)\s*(万元|元|人次|人|个|辆|项|次|批次|家|台|%)/g;
/** Words that make a figure a comparison or a share, not an item of the list. */
const NOT_AN_ITEM = /(增加|减少|增长|下降|相比|较|比|占|节约|超支|新增)/;

/**
 * qizhong:L<line> — "A X人，其中，a人，b人，c人…": the items listed after 其中 ("of which") are
 * parts of the figure before it, so they cannot add up to more than it. When they do and the
 * first items already make up the whole, the rest were listed under 其中 by mistake (在编9人，其中
 * 管理岗位3人，专业技术岗位6人，编外合同制人员2人…). Parenthesised details, comparisons and shares
 * are not items.
 */
export const qizhong: Rule = {
  id: 'qizhong',
  title: '“其中”所列分项不超过总数',
  family: 'wording',
  grade: 'warning',
  run(ctx) {
    return scanText(this, ctx, (l) => {
      const out: TextMatch[] = [];
      for (const s of sentences(l.text, /[。！？]/)) {
        const t = s.text.normalize('NFKC').replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
        const at = t.indexOf('其中');
        if (at < 0) continue;
        const before = [...t.slice(0, at).matchAll(FIGURE)].pop();
        if (!before || before[2] === '%') continue;
        const unit = before[2];
        const total = Number(before[1]);
        const items: Array<{ value: number; end: number }> = [];
        for (const m of t.slice(at).matchAll(FIGURE)) {
          const startIn = at + (m.index ?? 0);
          // The words of the figure's own clause (the text is width-folded: "，；：" are ",;:").
          const lead = t.slice(at, startIn).split(/[,;、:]/).pop() ?? '';
          if (m[2] !== unit || NOT_AN_ITEM.test(lead)) continue;
          items.push({ value: Number(m[1]), end: startIn + m[0].length });
        }
        if (items.length < 2) continue;
        const tol = toleranceOf(total, { unit: unit === '万元' ? MONEY_UNIT : unit }) + EPS;
        const found = items.reduce((a, x) => a + x.value, 0);
        if (found - total <= tol) continue;
        let k = 0;
        let acc = 0;
        while (k < items.length && acc + tol < total) acc += items[k++].value;
        const prefix = Math.abs(acc - total) <= tol && k < items.length ? k : 0;
        const start = s.start + (before.index ?? 0);
        out.push({
          start,
          end: s.start + items[items.length - 1].end,
          numbers: { expected: total, found, difference: found - total, ...(prefix ? { prefix } : {}) },
          message: `“其中”后所列 ${items.length} 项合计 ${fmt(found)}${unit}，超过总数 ${fmt(total)}${unit}${prefix ? `；前 ${prefix} 项之和正好等于总数，其后各项不属于它，不应列在“其中”之后` : ''}`,
        });
      }
      return out;
    });
  },
};
