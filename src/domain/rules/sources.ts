/**
 * Shared by income-sources and fund-sources: amounts split by `source` sum to the cell's
 * all-sources total, and the parts of an aggregate source (财政拨款 = the three appropriations)
 * sum to it.
 *
 * Reports often name only some sources ("其中：一般公共预算财政拨款 …"), so stated sources that
 * fall short of the total pass and the rest is shown as 未列明来源 — unless every source group
 * is stated, when nothing can be missing. Sources never add up to more than their total.
 */
import type { Fact, RuleResult } from '../../model/types';
import { SOURCES, SOURCE_PARTS, sourceLabel, type Source } from '../../model/vocabulary';
import { compare, exceeds } from '../check';
import { fmt, groupBy, groupKey, result, sum, type Rule, type RuleContext } from './context';

const PART_OF = new Map<Source, Source>(Object.entries(SOURCE_PARTS).flatMap(([agg, parts]) => parts!.map((p) => [p, agg as Source] as const)));
/** The source groups that partition a total: aggregates stand for their parts. */
const GROUPS: Source[] = SOURCES.filter((s) => !PART_OF.has(s));

interface Term {
  text: string;
  amount: number;
  ids: string[];
}

/** found vs total: ok, the remainder, and the verdict sentence. */
function verdict(total: number, found: number, complete: boolean, rest: string): { ok: boolean; text: string } {
  if (exceeds(found, total)) return { ok: false, text: `超过合计 ${fmt(found - total)}` };
  if (compare(total, found).ok) return { ok: true, text: '一致' };
  if (complete) return { ok: false, text: `已列明全部来源却少 ${fmt(total - found)}` };
  return { ok: true, text: `其余 ${fmt(total - found)} 为${rest}` };
}

export function checkSources(rule: Pick<Rule, 'id' | 'title' | 'family' | 'grade'>, ctx: RuleContext, flows: readonly Fact['flow'][]): RuleResult[] {
  const out: RuleResult[] = [];
  const facts = ctx.facts.filter((f) => flows.includes(f.flow));
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.flow, f.basis, f.functional, f.economic)).values()) {
    const total = group.find((f) => f.source === null);
    const bySource = new Map(group.filter((f) => f.source !== null).map((f) => [f.source!, f]));
    if (bySource.size === 0) continue;
    const g0 = group[0];
    const dims = g0.basis === null && g0.functional === null && g0.economic === null ? '' : `:${g0.basis ?? 'all'}:${g0.functional ?? 'all'}:${g0.economic ?? 'all'}`;
    const key = `${rule.id}:${g0.year}:${g0.phase}${flows.length > 1 && g0.flow !== flows[0] ? `:${g0.flow}` : ''}${dims}`;
    const when = `${g0.year}年${g0.phase}·${g0.flow}${g0.basis ? `·${g0.basis}` : ''}${g0.functional ? `·功能 ${ctx.ft.name(g0.functional)}` : ''}${g0.economic ? `·经济 ${ctx.et.name(g0.economic)}` : ''}`;
    const name = (s: Source) => sourceLabel(s, g0.flow);

    // Aggregates: stated, else the sum of their stated parts; and their own parts check.
    const terms: Term[] = [];
    for (const s of GROUPS) {
      const parts = (SOURCE_PARTS[s] ?? []).map((p) => bySource.get(p)).filter((f): f is Fact => f !== undefined);
      const agg = bySource.get(s);
      if (agg && parts.length) {
        const found = sum(parts.map((f) => f.amount));
        const v = verdict(agg.amount, found, parts.length === SOURCE_PARTS[s]!.length, '其他财政拨款');
        out.push(
          result(rule, `${key}:${s}`, v.ok, { expected: agg.amount, found, difference: found - agg.amount }, [agg.id, ...parts.map((f) => f.id)],
            `${when}：${parts.map((f) => `${name(f.source!)} ${fmt(f.amount)}`).join(' + ')} = ${fmt(found)}，${name(s)} ${fmt(agg.amount)}，${v.text}`),
        );
      }
      if (agg) terms.push({ text: `${name(s)} ${fmt(agg.amount)}`, amount: agg.amount, ids: [agg.id] });
      else if (parts.length) terms.push({ text: parts.map((f) => `${name(f.source!)} ${fmt(f.amount)}`).join(' + '), amount: sum(parts.map((f) => f.amount)), ids: parts.map((f) => f.id) });
    }
    if (!total || terms.length === 0) continue;
    const found = sum(terms.map((t) => t.amount));
    const v = verdict(total.amount, found, terms.length === GROUPS.length, '未列明来源');
    out.push(
      result(rule, key, v.ok, { expected: total.amount, found, difference: found - total.amount, sources: terms.length }, [total.id, ...terms.flatMap((t) => t.ids)],
        `${when}：${terms.map((t) => t.text).join(' + ')} = ${fmt(found)}，合计（${total.label}）${fmt(total.amount)}，${v.text}`),
    );
  }
  return out;
}
