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
 * 支出类型 keep one colour on every route and in every unit, whatever their order by amount:
 * 项目支出 is never blue on one page and orange on the next.
 */
export const BASIS_COLOR: Readonly<Record<string, string>> = {
  基本支出: PALETTE[0],
  项目支出: PALETTE[1],
  上缴上级支出: PALETTE[3],
  经营支出: PALETTE[4],
  对附属单位补助支出: PALETTE[6],
};

/** An item's colour: a 支出类型 (key "b:项目支出" or the name) its own; any other item the palette in order. */
export function categoryColor(key: string, i: number): string {
  return BASIS_COLOR[key.startsWith('b:') ? key.slice(2) : key] ?? PALETTE[i % PALETTE.length];
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
