/**
 * Reading what a cell prints: the text (width-folded, spaces dropped), a number written in any of
 * the ways 决算 tables write them, the money unit a table declares, and the report year.
 */

import { Converter } from 'opencc-js/t2cn';

/** Traditional → simplified characters (OpenCC's character table), so one pattern reads both scripts. */
const toSimplified = Converter({ from: 't', to: 'cn' });
const simplified = new Map<string, string>();

/** One character in simplified script; a character OpenCC would turn into several stays as it is. */
function simplify(ch: string): string {
  let s = simplified.get(ch);
  if (s === undefined) {
    const c = toSimplified(ch);
    s = c.length === 1 ? c : ch;
    simplified.set(ch, s);
  }
  return s;
}

/**
 * Width-fold (full-width digits, letters and punctuation to ASCII), read traditional characters as
 * simplified (a unit's page copied through a converter prints 財政撥款, 經費) and drop every space.
 * Cells are compared on this form because exported tables pad names with full-width spaces for
 * indentation and mix ，/, and （/( freely.
 */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[^\x00-\x7f]/g, simplify);
}

/** A cell value as text, for labels and headers ('' for an empty cell). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).normalize('NFKC').replace(/[\s\u3000]+/g, ' ').trim();
}

/** Marks tables print for "no amount": not a zero, not a number. */
const EMPTY_MARKS = /^(?:-+|—+|–+|－+|\/|／|无|空|\*)$/;

export type Parsed = { kind: 'empty' } | { kind: 'number'; value: number; printed: string } | { kind: 'text'; text: string };

/**
 * What a cell holds: a number (a spreadsheet number, or text such as "1,871,700.00", "１８７．１７",
 * "(12.5)" for a negative, "12.5%"), an empty mark ("-", "—", blank), or text.
 */
export function parseCell(v: unknown): Parsed {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v, printed: String(v) } : { kind: 'empty' };
  if (typeof v === 'boolean' || v instanceof Date) return { kind: 'text', text: cellText(v) };
  const raw = String(v);
  const t = fold(raw);
  if (t === '' || EMPTY_MARKS.test(t)) return { kind: 'empty' };
  // Thousands separators only in groups of three, so "1,2" (a list) is not read as 12.
  const m = /^([-+]?|\()(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)?(%?)$/.exec(t);
  if (m && (m[1] === '(') === t.endsWith(')')) {
    const n = Number(m[2].replace(/,/g, '') + (m[3] ?? ''));
    return { kind: 'number', value: m[1] === '-' || m[1] === '(' ? -n : n, printed: raw.trim() };
  }
  return { kind: 'text', text: cellText(raw) };
}

/** Money unit of a table, and the factor that turns its numbers into 万元. */
export interface MoneyUnit {
  unit: '元' | '千元' | '万元' | '亿元';
  toWan: number;
  /** Whether the table printed it (false: none found, 万元 assumed, or `sibling`'s). */
  printed: boolean;
  /** Not printed by the table: the unit every other table of the file prints. */
  sibling?: boolean;
}

const UNIT_FACTORS = { 元: 1e-4, 千元: 1e-1, 万元: 1, 亿元: 1e4 } as const;

/**
 * The money unit a text declares: "单位：元", "金额单位：万元", "（单位：元）", "单位：人民币元";
 * "单位:元/人" is not money. Returns null when the text names none.
 */
export function unitIn(text: string): MoneyUnit | null {
  const t = fold(text);
  // "单位：人民币元", "单位（万元）" too: a unit missed here would be read as 万元.
  const m = /单位[:：]?[(（]?(?:人民币)?(亿元|万元|千元|元)(?![/／a-z])/.exec(t) ?? /^[(（](亿元|万元|千元|元)[)）]$/.exec(t) ?? /[(（](亿元|万元|千元|元)[)）]/.exec(t);
  if (!m) return null;
  const unit = m[1] as MoneyUnit['unit'];
  return { unit, toWan: UNIT_FACTORS[unit], printed: true };
}

/** Amount in 万元 from a number in `u`, rounded to 1e-6 万元 (0.01 元): no float noise from 元 ÷ 10000. */
export function toWan(value: number, u: MoneyUnit): number {
  return Math.round(value * u.toWan * 1e6) / 1e6 + 0;
}

/** Years a text names ("2022年度", "2022年"), in order. */
export function yearsIn(text: string): number[] {
  return [...fold(text).matchAll(/(?<!\d)(19\d{2}|20\d{2}|2100)(?=年)/g)].map((m) => Number(m[1]));
}

/**
 * A number for people and for quotes: at most `d` decimals, no exponent, no float noise
 * (187.17000000000002 → "187.17").
 */
export function show(x: number, d = 6): string {
  const s = Number(x.toFixed(d)).toString();
  return s === '-0' ? '0' : s;
}

/** Strip a list marker ("一、", "（一）", "1、", "1.", "其中：") from a row label. */
export function stripMarker(label: string): string {
  return fold(label)
    .replace(/^(?:其中[:：]?|[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d))+/, '')
    .replace(/^[:：、]/, '');
}
