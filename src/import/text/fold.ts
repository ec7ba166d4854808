/**
 * Width folding for MATCHING only. Reports mix full-width and half-width digits and punctuation
 * ("３级", "，" vs ","); patterns are written once against the folded form. The fold maps one
 * UTF-16 unit to one, so an offset in the folded text is the same offset in the source, and every
 * quote is cut from the source itself: quotes stay verbatim.
 */

/** Fold one character: full-width ASCII (U+FF01–FF5E) to ASCII, ideographic space to space, minus signs to '-'. */
function foldChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000) return 0x20;
  if (c === 0x2212 || c === 0x2013 || c === 0xfe63) return 0x2d; // − – ﹣
  if (c === 0xfe50) return 0x2c; // small comma
  return c;
}

/** The folded text, same length as the input. */
export function fold(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000\u2212\u2013\ufe63\ufe50]/g, (ch) => String.fromCharCode(foldChar(ch.charCodeAt(0))));
}
