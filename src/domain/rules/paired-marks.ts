import type { Rule } from './context';
import { scanText, type TextMatch } from './text-scan';

const PAIRS: Array<[string, string]> = [['“', '”'], ['（', '）'], ['(', ')'], ['《', '》'], ['【', '】'], ['‘', '’']];

/**
 * paired-marks:L<line> — quotation marks and brackets come in pairs within a paragraph: an
 * unmatched “ ” （ ） 《 》 or a lone straight quote " is a leftover or a lost word.
 */
export const pairedMarks: Rule = {
  id: 'paired-marks',
  title: '引号与括号成对',
  family: 'wording',
  grade: 'note',
  run(ctx) {
    return scanText(this, ctx, (l) => {
      const t = l.text;
      const out: TextMatch[] = [];
      for (const [open, close] of PAIRS) {
        const stack: number[] = [];
        const lone: number[] = [];
        [...t].forEach((ch, i) => {
          if (ch === open) stack.push(i);
          else if (ch === close) {
            if (stack.length) stack.pop();
            else lone.push(i);
          }
        });
        for (const i of [...stack, ...lone]) out.push({ start: i, end: i + 1, message: `“${t[i]}”没有与之配对的“${t[i] === open ? close : open}”` });
      }
      const straight = [...t.matchAll(/"/g)].map((m) => m.index!);
      if (straight.length % 2 === 1) {
        const i = straight[straight.length - 1];
        out.push({ start: i, end: i + 1, message: '半角引号“"”没有配对，疑为多余的引号' });
      }
      return out.sort((a, b) => a.start - b.start);
    });
  },
};
