import type { Fact, RuleResult } from '../../model/types';
import { fmt, result, type Rule } from './context';

/** Width-fold (NFKC: fullwidth digits and punctuation to ASCII) and drop whitespace, on both sides. */
export function normalizeQuoteText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** True when the quote states the value: as a number token (100, 100.00, 0), or in 万/亿, or 零/百分之百. */
export function quoteHasValue(quoteText: string, value: number): boolean {
  const v = Math.abs(value);
  const q = normalizeQuoteText(quoteText);
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const m of q.matchAll(/\d+(?:,\d{3})*(?:\.\d+)?/g)) {
    const t = Number(m[0].replace(/,/g, ''));
    const next = q[(m.index ?? 0) + m[0].length];
    if (close(t, v)) return true;
    if (next === '万' && close(t * 1e4, v)) return true;
    if (next === '亿' && close(t * 1e8, v)) return true;
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
      ...ctx.file.facts.map((f) => ({ id: f.id, label: f.label, value: f.amount, quotes: [...quotesOf(f.provenance, true), ...quotesOf(f.codeProvenance, false)] })),
      ...ctx.indicators.map((x) => ({ id: x.id, label: x.label, value: x.value, quotes: quotesOf(x.provenance, true) })),
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
        } else if (q.stated && !quoteHasValue(q.text, x.value)) {
          problems.push(`引文中没有数值 ${fmt(x.value, 6)}`);
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
