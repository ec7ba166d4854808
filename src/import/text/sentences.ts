/**
 * Sentences and their parenthesis structure. A sentence ends at 。！？ (the decimal point of
 * "187.17" is never a full stop: 。 is); clauses are separated by ，；： at the same parenthesis
 * depth — "（账面净值，下同）" is one aside, and "（工资福利支出157.25万元，…）" is a list of parts
 * of the figure before it.
 */

export interface Sentence {
  /** Offsets in the line: [start, end). */
  start: number;
  end: number;
  /** Folded text of the sentence (matching), and the source text (quotes). */
  folded: string;
  text: string;
  /** Parenthesis depth of every character; an opening bracket has the outer depth. */
  depth: Uint8Array;
}

const OPEN = new Set(['(', '[', '{', '〔', '［']);
const CLOSE = new Set([')', ']', '}', '〕', '］']);

/** A sentence that is only a classification path: "1.一般公共服务支出(类)人大事务(款)行政运行(项)". */
const PATH_HEAD = /^[^\d。]*?(?:\d+[.、])?[^\d。]*\(类\)[^\d。]*\((?:款|项)\)\s*$/;

/** Clause delimiters on folded text. */
export const DELIMS = new Set([',', ';', ':', '。', '!', '?']);

/** Split one line (folded and source forms, same length) into sentences. */
export function splitSentences(folded: string, text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const f = folded.slice(start, end);
    if (f.trim() !== '') {
      const depth = new Uint8Array(f.length);
      let d = 0;
      for (let i = 0; i < f.length; i++) {
        if (CLOSE.has(f[i]) && d > 0) d--;
        depth[i] = d;
        if (OPEN.has(f[i])) d++;
      }
      out.push({ start, end, folded: f, text: text.slice(start, end), depth });
    }
    start = end;
  };
  for (let i = 0; i < folded.length; i++) {
    // "行政运行(项)。年初预算为100万元，支出决算为105万元": a 类/款/项 path ended with 。 heads
    // the figures after it, as its colon would.
    if (folded[i] === '。' && PATH_HEAD.test(folded.slice(start, i))) continue;
    if (folded[i] === '。' || folded[i] === '!' || folded[i] === '?') push(i + 1);
  }
  push(folded.length);
  return out;
}

/** Drop parenthesised asides from a (folded) phrase: "资产总额(账面净值,下同)" → "资产总额". */
export function stripAsides(s: string): string {
  let prev;
  do {
    prev = s;
    s = s.replace(/\([^()]*\)|\[[^[\]]*\]|〔[^〔〕]*〕/g, '');
  } while (s !== prev);
  return s.replace(/[()]/g, '');
}
