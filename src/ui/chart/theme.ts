/**
 * Shared pieces of the spending option builders: the palette, money conversion for the
 * display unit and the one-line tooltip body. Every data string in a tooltip goes through
 * escapeHTML.
 */
import { escapeHTML } from '../escape';
import { MONEY, money, pct } from '../format';
import type { MoneyUnit } from '../../model/vocabulary';

/** Categorical palette (AA contrast against white for labels drawn in white on the larger cells). */
export const PALETTE = ['#0b5cad', '#c75000', '#1e7b3a', '#7b3fa0', '#00727d', '#8a5a00', '#a8265f', '#4a5a6a'];
/**
 * Categories keep one colour on every route, in every unit and theme, whatever their order by
 * amount: a palette slot per spending type, per common 功能分类 类 and per 经济分类 类 (项目支出 is
 * never blue on one page and orange on the next). Slots repeat across the three dimensions, which
 * never share a chart level.
 */
const CATEGORY_SLOT: Readonly<Record<string, number>> = {
  'b:基本支出': 0,
  'b:项目支出': 1,
  'b:上缴上级支出': 3,
  'b:经营支出': 4,
  'b:对附属单位补助支出': 6,
  'f:201': 0,
  'f:208': 1,
  'f:205': 2,
  'f:206': 3,
  'f:210': 4,
  'f:212': 5,
  'f:213': 6,
  'f:221': 7,
  'e:301': 0,
  'e:302': 1,
  'e:303': 2,
  'e:310': 3,
  'e:399': 7,
};

/** The slot of a key ("b:项目支出", "f:206", a spending type's bare name), if it has one of its own. */
const slotOf = (key: string): number | undefined => CATEGORY_SLOT[key] ?? CATEGORY_SLOT[`b:${key}`];

/**
 * The colours of one chart's items, in order: each category its own slot; an item without one,
 * or whose slot another item of the chart already took, the first palette colour the chart does
 * not use yet (so no two items of a chart share a colour while the palette lasts).
 */
export function categoryColors(keys: readonly string[]): string[] {
  const used = new Set<number>();
  const fixed = keys.map((k) => {
    const s = slotOf(k);
    if (s === undefined || used.has(s)) return undefined;
    used.add(s);
    return s;
  });
  let next = 0;
  return fixed.map((s) => {
    if (s !== undefined) return PALETTE[s];
    while (used.has(next % PALETTE.length) && used.size < PALETTE.length) next++;
    const c = next++ % PALETTE.length;
    used.add(c);
    return PALETTE[c];
  });
}

/** Colour of 未细分 (the remainder): neutral grey, so it never reads as a category. */
export const REST_COLOR = '#8d99a6';

/** An amount in 万元 converted to the display unit (charts plot converted values). */
/**
 * The tooltip every bar chart shares: one box per category, shaded band, kept inside the chart
 * (phones); each builder adds its own escaped `formatter`.
 */
export const AXIS_TOOLTIP = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true } as const;

export function inUnit(wan: number, unit: MoneyUnit): number {
  return wan * MONEY[unit].factor;
}

/** "598.34 万元" for tooltips and labels. */
export function amountText(wan: number, unit: MoneyUnit): string {
  return `${money(wan, unit)} ${MONEY[unit].label}`;
}

/** One tooltip: escaped title, lines of escaped text, and an escaped provenance line. */
export function tooltipHTML(title: string, lines: string[], source?: string): string {
  const body = lines.map((l) => `<div>${escapeHTML(l)}</div>`).join('');
  const src = source ? `<div style="max-width:22rem;white-space:normal;opacity:.8;font-size:12px">出处：${escapeHTML(source)}</div>` : '';
  return `<strong>${escapeHTML(title)}</strong>${body}${src}`;
}

export { pct };
