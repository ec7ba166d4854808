import type { Rule } from './context';
import { reportLines } from './text';
import { scanText, type TextMatch } from './text-scan';

/**
 * figure-format:L<line> — how figures are printed: full-width digits (“３级”) that search,
 * copy and screen readers treat as other characters; two figures joined by a half-width comma
 * (“4125.49,4143.91万元”), which reads as one number with a thousands separator; a half-width
 * comma after a figure in a text that otherwise uses “，”; "其中。" where a list should follow.
 */
export const figureFormat: Rule = {
  id: 'figure-format',
  title: '数字与标点的书写',
  family: 'wording',
  grade: 'note',
  run(ctx) {
    const all = ctx.sourceText === undefined ? [] : reportLines(ctx.sourceText);
    const body = all.filter((l) => !l.gap).map((l) => l.text).join('\n');
    // A half-width comma after a figure is only an inconsistency where the text uses "，" mostly.
    const fullCommas = (body.match(/，/g) ?? []).length;
    const halfCommas = (body.match(/[\d%],(?=[\u4e00-\u9fff])/g) ?? []).length;
    const mixed = fullCommas > halfCommas && halfCommas > 0;
    return scanText(this, ctx, (l) => {
      const out: TextMatch[] = [];
      const t = l.text;
      for (const m of t.matchAll(/[0-9０-９.．]*[０-９][0-9０-９.．]*/g))
        out.push({ start: m.index!, end: m.index! + m[0].length, message: `全角数字“${m[0]}”：应写作半角“${m[0].normalize('NFKC')}”，否则检索、复制和读屏都不把它当数字` });
      for (const m of t.matchAll(/\d+\.\d+,\d+(?:\.\d+)?/g))
        out.push({ start: m.index!, end: m.index! + m[0].length, message: `“${m[0]}”用半角逗号分隔两个数，易被读作一个带千位分隔符的数；应写作“${m[0].replace(',', '、')}”` });
      if (mixed)
        for (const m of t.matchAll(/[\d%],(?=[\u4e00-\u9fff])/g))
          out.push({ start: m.index!, end: m.index! + 2, message: `数字后用了半角逗号“,”，全文其余处用全角“，”：标点不统一` });
      for (const m of t.matchAll(/其中[。．.]/g))
        out.push({ start: m.index!, end: m.index! + m[0].length, message: `“${m[0]}”：“其中”后应接冒号和所列分项，这里是句号` });
      return out.sort((a, b) => a.start - b.start);
    });
  },
};
