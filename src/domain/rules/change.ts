import type { Indicator, RuleResult } from '../../model/types';
import { PLAN_PHASES } from '../../model/vocabulary';
import { compare, decimalsOf, growthPct, sharePct } from '../check';
import { derivedFrom, fmt, phaseOf, result, roleValue, statOf, type RoleValue, type Rule, type RuleContext } from './context';

/** The two figures a change joins: [current, base], with the base's description. */
function joined(ctx: RuleContext, c: Indicator): Array<{ cur: RoleValue; base: RoleValue; what: string }> {
  const role = c.role!;
  // A completion rate is measured against the budget unless it says otherwise.
  if ((c.base ?? (c.stat === 'completion' ? 'budget' : 'prev-year')) === 'prev-year') {
    const phase = phaseOf(c);
    const cur = roleValue(ctx, role, c.year, phase);
    const base = roleValue(ctx, role, c.year - 1, phase);
    return cur && base ? [{ cur, base, what: `${c.year - 1}年` }] : [];
  }
  const cur = roleValue(ctx, role, c.year, '决算');
  if (!cur) return [];
  return PLAN_PHASES.flatMap((p) => {
    const base = roleValue(ctx, role, c.year, p);
    return base ? [{ cur, base, what: p }] : [];
  });
}

/**
 * change:<id> — a stated change (stat `change`, in money or count), growth (stat `growth`, in %)
 * or budget completion (stat `completion`: actual ÷ budget × 100, "完成预算100%") against the two
 * figures it joins: the role's value this year and last year (base `prev-year`), or actual and
 * budget (base `budget`: the plan phase it matches, 调整预算 or 年初预算; reported against the
 * 调整预算 when neither matches, as the latest plan). Skipped on a zero base (the zero-base rule
 * reports it), where a `recompute` formula says how (recompute checks it) or where one of the
 * two figures was itself derived from the stated change (the check would be circular).
 */
export const change: Rule = {
  id: 'change',
  title: '增减额与增长率复核',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const c of ctx.file.measures) {
      const stat = statOf(c);
      if ((stat !== 'change' && stat !== 'growth' && stat !== 'completion') || c.recompute || !c.role) continue;
      const pairs = joined(ctx, c).filter((p) => ![...p.cur.records, ...p.base.records].some((r) => derivedFrom(r, c.id)));
      if (pairs.length === 0) continue;
      const decimals = c.decimals ?? decimalsOf(c.value);
      const checks = pairs.map((p) => {
        const expected = stat === 'change' ? p.cur.value - p.base.value : stat === 'growth' ? growthPct(p.cur.value, p.base.value) : sharePct(p.cur.value, p.base.value);
        return { ...p, expected, cmp: expected === null ? null : compare(c.value, expected, { decimals, unit: c.unit }) };
      });
      const hit = checks.find((x) => x.cmp?.ok) ?? checks[0];
      const records = [c.id, ...hit.cur.records.map((r) => r.id), ...hit.base.records.map((r) => r.id)];
      const head = `${c.label} ${fmt(c.value, decimals)}${c.unit}：${hit.cur.label} ${fmt(hit.cur.value)}，${hit.what} ${fmt(hit.base.value)}`;
      // A rate on a zero base is undefined, not wrong arithmetic: the zero-base rule reports it.
      if (hit.expected === null || hit.cmp === null) continue;
      const formula = stat === 'change' ? '两者之差' : stat === 'growth' ? '增长率' : '完成率';
      out.push(
        result(this, `change:${c.id}`, hit.cmp.ok, { expected: hit.expected, found: c.value, difference: hit.cmp.difference, tolerance: hit.cmp.tolerance }, records,
          `${head}，${formula}为 ${fmt(hit.expected, decimals + 2)}${c.unit}${hit.cmp.ok ? '，一致' : `，相差 ${fmt(hit.cmp.difference, decimals + 2)}`}`),
      );
    }
    return out;
  },
};
