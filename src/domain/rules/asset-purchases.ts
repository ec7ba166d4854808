import type { RuleResult } from '../../model/types';
import { ASSET_CLASS_PURCHASES, parseRole } from '../../model/vocabulary';
import { exceeds } from '../check';
import { fmt, idsOf, result, statOf, sum, type Rule, type RuleContext } from './context';

/** 决算 spending of one year on economic codes (all functions, all spending types), with its records. */
function purchases(ctx: RuleContext, year: number, codes: readonly string[]): { amount: number; ids: string[] } | null {
  const facts = ctx.withRollups.filter((f) => f.year === year && f.phase === '决算' && f.flow === '支出' && f.source === null && f.basis === null && f.economic !== null && codes.includes(f.economic));
  if (facts.length === 0) return null;
  let amount = 0;
  const ids: string[] = [];
  for (const code of codes) {
    const of = facts.filter((f) => f.economic === code);
    const all = of.find((f) => f.functional === null);
    const parts = all ? [all] : ctx.ft.nearestBelow(null, of, (f) => f.functional);
    amount += sum(parts.map((f) => f.amount));
    ids.push(...parts.flatMap(idsOf));
  }
  return { amount, ids };
}

/**
 * asset-purchases:<id> — a fixed-asset class's year-end balance (assets.fixed-class:专用设备 …)
 * is not below what the same year's spending bought of that class (专用设备购置 …, vocabulary ASSET_CLASS_PURCHASES): a
 * balance below the year's purchases needs disposals or transfers out to explain it, or the two
 * figures are on different bases.
 */
export const assetPurchases: Rule = {
  id: 'asset-purchases',
  title: '资产年末数不低于当年购置',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const m of ctx.file.measures) {
      if (!m.role || statOf(m) !== 'value' || parseRole(m.role).name !== 'assets.fixed-class') continue;
      const cls = parseRole(m.role).qualifier ?? '';
      const codes = Object.entries(ASSET_CLASS_PURCHASES).find(([name]) => cls.includes(name))?.[1];
      const p = codes ? purchases(ctx, m.year, codes) : null;
      if (!codes || !p) continue;
      const below = exceeds(p.amount, m.value, { unit: m.unit, decimals: m.decimals });
      const what = codes.map((c) => ctx.et.name(c)).join('、');
      out.push(
        result(this, `asset-purchases:${m.id}`, !below, { found: m.value, purchases: p.amount, difference: m.value - p.amount }, [m.id, ...p.ids],
          below
            ? `${m.label} 年末 ${fmt(m.value)}${m.unit}，低于当年${what} ${fmt(p.amount)}万元（少 ${fmt(p.amount - m.value)}）：除非当年有处置或转出，年末数应不少于当年购置数`
            : `${m.label} 年末 ${fmt(m.value)}${m.unit}，不低于当年${what} ${fmt(p.amount)}万元`),
      );
    }
    return out;
  },
};
