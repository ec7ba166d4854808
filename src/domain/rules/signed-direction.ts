import type { Rule } from './context';
import { scanText, type TextMatch } from './text-scan';

const UP = ['增长', '增加', '上升', '提高'];

/**
 * signed-direction:L<line> — a direction word with a negative number ("增长-18.19%", "减少-2万元"):
 * 增长-X% means 下降X%, and 下降-X% means 增长X%. Say the direction in words and print the number
 * without a sign.
 */
export const signedDirection: Rule = {
  id: 'signed-direction',
  title: '增减方向与负号重复',
  family: 'wording',
  grade: 'warning',
  run(ctx) {
    return scanText(this, ctx, (l) => {
      const out: TextMatch[] = [];
      for (const m of l.text.normalize('NFKC').matchAll(/(增长|增加|上升|提高|下降|减少|降低)了?\s*[-−](\d+(?:\.\d+)?)\s*(%|万元|元|个|人)?/g)) {
        const up = UP.includes(m[1]);
        const start = m.index ?? 0;
        out.push({
          start,
          end: start + m[0].length,
          numbers: { value: -Number(m[2]) },
          message: `“${m[0]}”：${m[1]}后接负数，读者须自己换算；应写“${up ? '下降' : '增长'}${m[2]}${m[3] ?? ''}”`,
        });
      }
      return out;
    });
  },
};
