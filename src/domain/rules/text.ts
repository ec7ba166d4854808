/**
 * Reading the report's own text for the wording rules: its lines (without the transcriber's
 * header and page markers), its sentences, the passage a finding points to, and the records whose
 * quotes lie in that passage (so a finding links to the figures it concerns).
 *
 * Source files keep the report as obtained (docs/data-format.md): a header of `#` lines, page
 * markers `=== … ===`, and `【未能获取：…】` where a part was not available. Those are not the
 * report's words; a gap marker still matters (numbering may skip across it).
 */
import type { Fact, Indicator, RuleResult } from '../../model/types';
import { normalizeQuoteText } from './quote';
import type { RuleContext } from './context';

export interface TextLine {
  /** The line as in the file. */
  text: string;
  /** 1-based line number in the source file. */
  line: number;
  /** True for a 【未能获取…】 marker: a part of the report is missing here. */
  gap: boolean;
}

const GAP = /^【未能获取/;

/** The report's lines: blank lines, `#` header lines and `=== … ===` page markers left out. */
export function reportLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const t = raw.trim();
    if (!t || t.startsWith('#') || /^===.*===$/.test(t)) return;
    out.push({ text: raw, line: i + 1, gap: GAP.test(t) });
  });
  return out;
}

/** Sentences of a line (ending at 。！？；, or at the given end marks), with their offsets in the line. */
export function sentences(line: string, ends: RegExp = /[。！？；;]/): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (ends.test(line[i])) {
      out.push({ text: line.slice(start, i + 1), start });
      start = i + 1;
    }
  }
  if (start < line.length) out.push({ text: line.slice(start), start });
  return out;
}

/** A short passage around [start, end) of a line: the finding's span, verbatim. */
export function spanOf(l: TextLine, start: number, end: number, context = 12): NonNullable<RuleResult['span']> {
  const s = Math.max(0, start - context);
  const e = Math.min(l.text.length, end + context);
  return { text: `${s > 0 ? '…' : ''}${l.text.slice(s, e).trim()}${e < l.text.length ? '…' : ''}`, line: l.line };
}

type Quoted = { id: string; quote: string };

function quotedRecords(ctx: RuleContext): Quoted[] {
  const q = (x: Fact | Indicator) => (x.provenance.kind !== 'derived' && x.provenance.quote ? [{ id: x.id, quote: normalizeQuoteText(x.provenance.quote) }] : []);
  return [...ctx.file.facts.flatMap(q), ...ctx.indicators.flatMap(q)];
}

/**
 * Records whose quote overlaps [start, end) of a line (positions compared after width folding
 * and without whitespace, as the quote rule compares quotes).
 */
export function recordsAt(ctx: RuleContext, line: string, start: number, end: number): string[] {
  const norm = normalizeQuoteText(line);
  const a = normalizeQuoteText(line.slice(0, start)).length;
  const b = Math.max(a + 1, normalizeQuoteText(line.slice(0, end)).length);
  const out: string[] = [];
  for (const r of quotedRecords(ctx)) {
    if (!r.quote) continue;
    let i = norm.indexOf(r.quote);
    while (i >= 0) {
      if (i < b && i + r.quote.length > a) {
        out.push(r.id);
        break;
      }
      i = norm.indexOf(r.quote, i + 1);
    }
  }
  return out;
}

/** The lines of the source text, or null when the rule has no text to read. */
export function linesOf(ctx: RuleContext): TextLine[] | null {
  return ctx.sourceText === undefined ? null : reportLines(ctx.sourceText);
}
