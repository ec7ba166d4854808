import type { Indicator, RuleResult } from '../../model/types';
import { exceeds } from '../check';
import { moneyWholeOf } from './asset-bounds';
import { fmt, result, type Rule } from './context';

/** The valuation a record says it uses: 净值 (book value), 原值 (cost), or null when it does not say. */
function valuationOf(x: Indicator): '净值' | '原值' | null {
  const text = `${x.label} ${x.provenance.kind === 'derived' ? '' : (x.provenance.quote ?? '')}`;
  const net = text.includes('净值');
  const cost = text.includes('原值');
  return net === cost ? null : net ? '净值' : '原值';
}

/**
 * valuation-basis:<id> — a money part larger than its whole where the two are not stated on the
 * same valuation (资产总额 at 账面净值, fixed assets not said to be 净值 — so at 原值): the
 * figures are on different bases and cannot be compared, subtracted or shown as part and whole.
 */
export const valuationBasis: Rule = {
  id: 'valuation-basis',
  title: '原值与净值口径',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const x of ctx.indicators) {
      if (!x.parent || x.value < 0) continue;
      const w = moneyWholeOf(ctx, x);
      if (!w || !exceeds(x.value, w.value, { decimals: w.decimals })) continue;
      const vx = valuationOf(x);
      const vw = valuationOf(w);
      const differ = vx !== vw;
      const say = (v: string | null) => v ?? '未注明口径';
      out.push(
        result(this, `valuation-basis:${x.id}`, !differ, { found: x.value, whole: w.value }, [x.id, w.id],
          differ
            ? `${x.label} ${fmt(x.value)}万元（${say(vx)}）大于 ${w.label} ${fmt(w.value)}万元（${say(vw)}）：两者口径不同${vw === '净值' && vx === null ? '，前者应是账面原值' : ''}，不能作为部分与整体比较`
            : `${x.label} 与 ${w.label} 口径相同（${say(vx)}），超出须另查原因`),
      );
    }
    return out;
  },
};
