import type { RuleResult } from '../../model/types';
import { compare } from '../check';
import { fmt, groupBy, groupKey, idsOf, result, sum, type Rule, type RuleFact } from './context';

/**
 * economic-scope:<year>:<phase>[:<basis>][:<flow>][:<source>] — the economic 类 totals stated for
 * all functions equal the functions that carry an economic split (the two tables must cover the
 * same money).
 */
export const economicScope: Rule = {
  id: 'economic-scope',
  title: '经济分类口径',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const facts = ctx.withRollups;
    // Functions that carry an economic split somewhere in the file, outermost only (no double count).
    const split = new Set(facts.filter((f) => f.functional !== null && f.economic !== null).map((f) => f.functional!));
    const scope = [...split].filter((c) => !ctx.ft.ancestors(c).some((a) => split.has(a))).sort();
    if (scope.length === 0) return [];
    const out: RuleResult[] = [];
    for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.flow, f.source, f.basis)).values()) {
      const g0 = group[0];
      const econ = ctx.et.nearestBelow(null, group.filter((f) => f.functional === null), (f) => f.economic);
      if (econ.length === 0) continue;
      const funcs = scope.map((c) => group.find((f) => f.functional === c && f.economic === null));
      if (funcs.some((f) => !f)) continue; // not every function of the scope is stated this year
      const fs = funcs as RuleFact[];
      const economicTotal = sum(econ.map((f) => f.amount));
      const functionalTotal = sum(fs.map((f) => f.amount));
      const gap = economicTotal - functionalTotal;
      const { ok } = compare(functionalTotal, economicTotal);
      const extra = `${g0.basis ? `:${g0.basis}` : ''}${g0.flow !== '支出' ? `:${g0.flow}` : ''}${g0.source ? `:${g0.source}` : ''}`;
      out.push(
        result(
          this,
          `economic-scope:${g0.year}:${g0.phase}${extra}`,
          ok,
          { expected: functionalTotal, found: economicTotal, difference: gap, economicTotal, functionalTotal },
          [...econ.flatMap(idsOf), ...fs.flatMap(idsOf)],
          `${g0.year}年${g0.phase}${g0.basis ? `·${g0.basis}` : ''}：经济分类类级合计 ${fmt(economicTotal)}（${econ.map((f) => `${ctx.et.name(f.economic)} ${fmt(f.amount)}`).join('、')}），有经济分类拆分的功能科目合计 ${fmt(functionalTotal)}（${fs.map((f) => `${ctx.ft.name(f.functional)} ${fmt(f.amount)}`).join('、')}）${ok ? '，口径一致' : `，差额 ${fmt(gap)}`}`,
        ),
      );
    }
    return out;
  },
};
