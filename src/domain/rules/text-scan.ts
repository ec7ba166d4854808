/**
 * The shape shared by the rules that scan the report's text line by line: each match becomes a
 * finding with its span and the records quoted there; a text with no match gives one pass.
 */
import type { RuleResult } from '../../model/types';
import { result, type Rule, type RuleContext } from './context';
import { linesOf, recordsAt, spanOf, type TextLine } from './text';

export interface TextMatch {
  start: number;
  end: number;
  message: string;
  numbers?: Record<string, number>;
}

/** Run `find` on every report line; keys are `<rule>:L<line>` (`:<n>` for a second match on the line). */
export function scanText(rule: Rule, ctx: RuleContext, find: (l: TextLine, all: TextLine[]) => TextMatch[]): RuleResult[] {
  const lines = linesOf(ctx);
  if (!lines) return [];
  const out: RuleResult[] = [];
  for (const l of lines) {
    if (l.gap) continue;
    find(l, lines).forEach((m, i) => {
      out.push(
        result(rule, `${rule.id}:L${l.line}${i ? `:${i + 1}` : ''}`, false, m.numbers ?? {}, recordsAt(ctx, l.text, m.start, m.end), m.message, { span: spanOf(l, m.start, m.end) }),
      );
    });
  }
  if (out.length === 0) out.push(result(rule, `${rule.id}:text`, true, { lines: lines.length }, [], `全文 ${lines.length} 行未见此类问题`));
  return out;
}
