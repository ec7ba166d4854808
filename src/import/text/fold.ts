/**
 * Width folding for MATCHING only. Reports mix full-width and half-width digits and punctuation
 * ("３级", "，" vs ","), and text copied from PDF often carries compatibility characters (Kangxi
 * radicals such as "⽀" for 支); patterns are written once against the folded form. The fold is
 * Unicode NFKC applied per UTF-16 unit wherever NFKC gives exactly one unit, and reports stored in
 * traditional characters (財政撥款收入) read as simplified, character by character, so an offset in the
 * folded text is the same offset in the source and every quote is cut from the source itself:
 * quotes stay verbatim.
 */

import { Converter } from 'opencc-js/t2cn';

/** Traditional → simplified characters (OpenCC's character table), so one pattern reads both scripts. */
const toSimplified = Converter({ from: 't', to: 'cn' });
const cache = new Map<string, string>();

/** Fold one character: NFKC when it keeps the length, ideographic space to space, dashes and minus signs to '-'. */
function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f !== undefined) return f;
  if (ch === '\u3000') f = ' ';
  else if (/[\u2212\u2013\ufe63]/.test(ch)) f = '-'; // − – ﹣
  else {
    let n = ch.normalize('NFKC');
    if (n.length !== 1) n = ch;
    const simple = toSimplified(n);
    f = simple.length === 1 ? simple : n;
  }
  cache.set(ch, f);
  return f;
}

/** The folded text, same length as the input. */
export function fold(s: string): string {
  return s.replace(/[^\x00-\x7f]/g, foldChar);
}
