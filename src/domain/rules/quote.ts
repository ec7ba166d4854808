import type { Fact, RuleResult } from '../../model/types';
import { fmt, result, type Rule } from './context';

/** Width-fold (NFKC: fullwidth digits and punctuation to ASCII) and drop whitespace, on both sides. */
export function normalizeQuoteText(s: string): string {
  // Stryker disable next-line Regex: dropping each run of whitespace or each whitespace character leaves the same text
  return s.normalize('NFKC').replace(/\s+/g, '');
}

const SCALE: Record<string, number> = { 千: 1e3, 万: 1e4, 亿: 1e8 };
/** A unit as scale × base: 万元 → 1e4 × 元, 万人次 → 1e4 × 人次, 个 → 1 × 个, % → 1 × %. */
function splitUnit(unit: string): { scale: number; base: string } {
  const s = SCALE[unit[0]];
  return s && unit.length > 1 ? { scale: s, base: unit.slice(1) } : { scale: 1, base: unit };
}
/** What follows a number in a quote: an optional 千/万/亿, an optional 余/多/近, then a unit word. */
const AFTER = /^(千|万|亿)?(?:余|多)?(元|%|人次|人|个|辆|条|路|台|项|场|次|件|家|户|套|张|处|栋|批次|平方公里)?/;

/**
 * True when the quote states the value in the record's unit: a number token whose own scale and
 * unit, read from the quote, give the value in `unit` (5.74万元 for 5.74 万元, 200000元 for 20 万元,
 * 7250万人次 for 72500000 人次), or a bare number equal to the value, or 零/百分之百. A scaled
 * match is taken only where the units say so: 5.74万元 never states 57400 万元.
 */
export function quoteHasValue(quoteText: string, value: number, unit = ''): boolean {
  const v = Math.abs(value);
  const q = normalizeQuoteText(quoteText);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  const rec = splitUnit(unit);
  // Grouping commas only in groups of three up to the number's end: "1099900,1099900元" is a list
  // of two numbers, not 1099900109 followed by 9900元.
  for (const m of q.matchAll(/(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/g)) {
    const t = Number(m[0].replace(/,/g, ''));
    // Every part of AFTER is optional: it always matches, at the start.
    const after = AFTER.exec(q.slice((m.index ?? 0) + m[0].length))!;
    const scale = after[1] ? SCALE[after[1]] : 1;
    const base = after[2] ?? '';
    if (!after[1] && !base) {
      if (close(t, v)) return true; // a bare number: its unit is the sentence's
      continue;
    }
    // The quote's unit must be the record's (or the record names none); then compare in one scale.
    if (rec.base && base && base !== rec.base) continue;
    if (close(t * scale, v * (rec.base ? rec.scale : 1))) return true;
  }
  if (v === 100 && /百分之百/.test(q)) return true;
  for (const m of q.matchAll(/[零〇一二两三四五六七八九十百千]+/g)) {
    if (chineseNumber(m[0]) === v) return true;
  }
  return false;
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a simple Chinese numeral below 10000 ("四" 4, "十二" 12, "一百零五" 105); NaN otherwise. */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in CN_DIGITS) {
      if (digit !== undefined && digit !== 0) return NaN; // "二三" is not a numeral; 零 is a placeholder
      digit = CN_DIGITS[ch];
    } else if (ch in CN_UNITS) {
      total += (digit ?? 1) * CN_UNITS[ch];
      digit = undefined;
    } else return NaN;
  }
  return total + (digit ?? 0);
}

/** The longest prefix of `q` found in `source`: where a quote departs from the source. */
function matchedPrefix(source: string, q: string): number {
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (source.includes(q.slice(0, mid))) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * quote:<id> — every quote is found in the source text (after width folding), and a stated
 * record's quote contains its value. Runs only when the source text is given.
 */
export const quote: Rule = {
  id: 'quote',
  title: '引文核对',
  family: 'source',
  grade: 'error',
  run(ctx) {
    if (ctx.sourceText === undefined) return [];
    const source = normalizeQuoteText(ctx.sourceText);
    const out: RuleResult[] = [];
    const quotesOf = (p: Fact['provenance'] | undefined, stated: boolean) =>
      p && p.kind !== 'derived' && p.quote ? [{ text: p.quote, stated: stated && p.kind === 'stated' }] : [];
    const records = [
      ...ctx.file.facts.map((f) => ({ id: f.id, label: f.label, value: f.amount, unit: ctx.file.currency, quotes: [...quotesOf(f.provenance, true), ...quotesOf(f.codeProvenance, false)] })),
      ...ctx.indicators.map((x) => ({ id: x.id, label: x.label, value: x.value, unit: x.unit, quotes: quotesOf(x.provenance, true) })),
    ];
    for (const x of records) {
      if (x.quotes.length === 0) continue;
      const problems: string[] = [];
      let missingAt = -1;
      for (const q of x.quotes) {
        const nq = normalizeQuoteText(q.text);
        if (!source.includes(nq)) {
          missingAt = matchedPrefix(source, nq);
          problems.push(`引文在来源文本中找不到（自第 ${missingAt + 1} 字起不符：「${[...nq.slice(missingAt)].slice(0, 20).join('')}」）`);
        } else if (q.stated && !quoteHasValue(q.text, x.value, x.unit)) {
          problems.push(`引文中没有以${x.unit}计的数值 ${fmt(x.value, 6)}`);
        }
      }
      const ok = problems.length === 0;
      out.push(
        result(
          this,
          `quote:${x.id}`,
          ok,
          { found: x.value, ...(missingAt >= 0 ? { matchedChars: missingAt } : {}) },
          [x.id],
          ok ? `${x.label}：引文见于来源，含数值 ${fmt(x.value, 6)}` : `${x.label}：${problems.join('；')}`,
        ),
      );
    }
    return out;
  },
};
