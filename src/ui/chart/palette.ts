/**
 * What every route's option builders share besides the theme: status colours, the dimming of
 * items outside the focus, money in the display unit, and one escaped tooltip line.
 */
import { escapeHTML } from '../escape';
import { moneyDecimals, roundTo } from '../format';
import { inUnit as converted } from './theme';
import type { MoneyUnit } from '../../model/vocabulary';

/** Pass / fail / known colours (text labels carry the counts too). */
export const STATUS_COLOR = { pass: '#1e7b3a', fail: '#b3261e', known: '#8a5a00' } as const;

/** Opacity of items outside the focus. */
export const DIMMED = 0.28;

/** Convert an amount held in 万元 to the display unit (rounded like the display). */
export function inUnit(wan: number | null, unit: MoneyUnit): number | null {
  return wan == null ? null : roundTo(converted(wan, unit), moneyDecimals(unit));
}

/** One tooltip line: an escaped name and an escaped value. */
export function tipLine(marker: string, name: unknown, value: unknown): string {
  return `${marker}${escapeHTML(name)}：<b>${escapeHTML(value)}</b>`;
}
