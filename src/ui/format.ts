import { formatLocale } from 'd3-format';
import { decimalsOf } from '../domain/check';
import type { MoneyUnit } from '../model/vocabulary';

/** zh-CN number formatting: thousands grouped by 3 with ',', '.' decimal, ¥ currency. */
const zh = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['¥', ''] });

/** Display unit labels, the factor from the data's 万元 and the decimals the unit prints (to the 元). */
export const MONEY: Record<MoneyUnit, { label: string; factor: number; decimals: number }> = {
  yuan: { label: '元', factor: 10_000, decimals: 0 },
  wan: { label: '万元', factor: 1, decimals: 2 },
  yi: { label: '亿元', factor: 1 / 10_000, decimals: 4 },
};

const cache = new Map<string, (n: number) => string>();
function fmt(spec: string): (n: number) => string {
  let f = cache.get(spec);
  if (!f) cache.set(spec, (f = zh.format(spec)));
  return f;
}

/** An amount held in 万元, converted and formatted for display, without the unit label. */
export function money(wan: number, unit: MoneyUnit = 'wan'): string {
  if (!Number.isFinite(wan)) return '—';
  const m = MONEY[unit];
  // Round in the display unit first so -0.00 never shows.
  const v = wan * m.factor;
  return fmt(`,.${m.decimals}f`)(Math.abs(v) < 1e-9 ? 0 : v);
}

/** An amount with its unit label, e.g. "969.29 万元". */
export function moneyWithUnit(wan: number, unit: MoneyUnit = 'wan'): string {
  return `${money(wan, unit)} ${MONEY[unit].label}`;
}

/** A percentage value (already ×100) with the given decimals, e.g. 64.29 → "64.29%". */
export function pct(value: number, decimals = 2): string {
  return Number.isFinite(value) ? `${fmt(`,.${decimals}f`)(value)}%` : '—';
}

/** A signed change, e.g. +5.44 / −7.11, using the true minus sign. */
export function signed(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '—';
  const s = fmt(`,.${decimals}f`)(Math.abs(value));
  return value > 0 ? `+${s}` : value < 0 ? `−${s}` : s;
}

/** A count or other plain quantity, e.g. 156351 → "156,351". */
export function count(value: number, decimals?: number): string {
  if (!Number.isFinite(value)) return '—';
  return fmt(`,.${decimals ?? decimalsOf(value)}f`)(value);
}

/** Decimals the display unit prints money with (exports round to what the table shows). */
export function moneyDecimals(unit: MoneyUnit): number {
  return MONEY[unit].decimals;
}

/** Round to `d` decimals; null for null or a non-finite number. */
export function roundTo(v: number | null, d: number): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/**
 * An amount held in 万元 as a download writes it: converted to the display unit and rounded as
 * the table shows it (元 whole, 万元 to the cent, 亿元 to 4 decimals); null for none.
 */
export function moneyExport(wan: number | null, unit: MoneyUnit): number | null {
  return wan === null ? null : roundTo(wan * MONEY[unit].factor, moneyDecimals(unit));
}

/** A change in money as the page prints it: "−1,959.60" in the display unit. */
export function signedMoney(wan: number, unit: MoneyUnit): string {
  return signed(wan * MONEY[unit].factor, moneyDecimals(unit));
}
