import type { Rule } from './context';
import { sentences } from './text';
import { scanText, type TextMatch } from './text-scan';

/**
 * year-self:L<line> — a sentence that compares a year with itself ("2021年……较2021年增加"): one
 * of the two years is wrong (usually the first should be the report year).
 */
export const yearSelf: Rule = {
  id: 'year-self',
  title: '年份与自身比较',
  family: 'wording',
  grade: 'warning',
  run(ctx) {
    return scanText(this, ctx, (l) => {
      const out: TextMatch[] = [];
      for (const s of sentences(l.text)) {
        for (const m of s.text.matchAll(/(\d{4})年(?:度)?[^。；;]*?(?:较|比|与|同)\s*(?:上年[（(])?\1年(?:度)?/g)) {
          const start = s.start + (m.index ?? 0);
          out.push({ start, end: start + m[0].length, numbers: { year: Number(m[1]) }, message: `同一句把${m[1]}年与${m[1]}年相比（“${m[0].slice(0, 40)}”）：其中一个年份写错，通常前者应为报告年度` });
        }
      }
      return out;
    });
  },
};
