import type { Indicator, RuleResult } from '../../model/types';
import { MONEY_UNIT, exceeds } from '../check';
import { fmt, result, type Rule, type RuleContext } from './context';

const isMoneyWhole = (a: Indicator) => a.unit === MONEY_UNIT && a.value >= 0;

/**
 * The nearest money (万元) measure above a money measure along `parent`, skipping wrappers in
 * other units. Each part within its whole bounds the whole chain by induction, so one oversized
 * total is reported once, not again for every descendant.
 */
export function moneyWholeOf(ctx: RuleContext, x: Indicator): Indicator | undefined {
  const seen = new Set<string>();
  let a = x.parent ? ctx.byId.get(x.parent) : undefined;
  while (a && !isMoneyWhole(a) && !seen.has(a.id)) {
    seen.add(a.id);
    a = a.parent ? ctx.byId.get(a.parent) : undefined;
  }
  return a && isMoneyWhole(a) && a.id !== x.id ? a : undefined;
}

/** asset-bounds:<id> — a money measure never exceeds the money measure it is part of (固定资产 ≤ 资产总额). */
export const assetBounds: Rule = {
  id: 'asset-bounds',
  title: '部分不超过总额',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const x of ctx.indicators) {
      if (x.unit !== MONEY_UNIT || x.value < 0 || !x.parent) continue;
      const a = moneyWholeOf(ctx, x);
      if (!a) continue;
      const diff = x.value - a.value;
      const over = exceeds(x.value, a.value, { decimals: a.decimals });
      out.push(
        result(
          this,
          `asset-bounds:${x.id}`,
          !over,
          { expected: a.value, found: x.value, difference: diff },
          [x.id, a.id],
          over
            ? `${x.label} ${fmt(x.value)}万元 大于其所属总额 ${a.label} ${fmt(a.value)}万元（超出 ${fmt(diff)}）`
            : `${x.label} ${fmt(x.value)}万元 不超过 ${a.label} ${fmt(a.value)}万元`,
        ),
      );
    }
    return out;
  },
};
