import type { RuleResult } from '../../model/types';
import { PLAN_PHASES, ROLES, parseRole, type RoleSpec } from '../../model/vocabulary';
import { compare, decimalsOf, sharePct } from '../check';
import { derivedFrom, fmt, phaseOf, result, roleValue, statOf, type Rule } from './context';

/**
 * completion-rate:<id> — a stated completion rate ("完成预算X%", stat `completion`) of a part
 * (a role with `partOf`, e.g. 公务接待费 of the 三公 total) whose own budget the report does not
 * state, recomputed from the stated actual and the budgets that are stated: when it equals the
 * part's actual ÷ the whole's budget, the rate was taken against the wrong budget (the part's
 * completion needs the part's budget). The pass says the rate is not the part over the whole's
 * budget. Where the part's own budget is stated, `change` recomputes the rate instead.
 */
export const completionRate: Rule = {
  id: 'completion-rate',
  title: '完成预算比率的口径',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const c of ctx.file.measures) {
      if (statOf(c) !== 'completion' || !c.role || c.recompute) continue;
      const spec = (ROLES as Record<string, RoleSpec>)[parseRole(c.role).name];
      if (!spec?.partOf) continue;
      // A budget derived from this very rate (actual ÷ rate) is not a stated one.
      const ownBudget = (p: (typeof PLAN_PHASES)[number]) => roleValue(ctx, c.role!, c.year, p)?.records.some((r) => !derivedFrom(r, c.id));
      if (PLAN_PHASES.some(ownBudget)) continue;
      const actual = roleValue(ctx, c.role, c.year, phaseOf(c) === '决算' ? '决算' : phaseOf(c));
      // 0 % of a zero actual says nothing about which budget was used.
      if (!actual || actual.value === 0) continue;
      for (const p of PLAN_PHASES) {
        const whole = roleValue(ctx, spec.partOf, c.year, p);
        if (!whole) continue;
        const expected = sharePct(actual.value, whole.value);
        if (expected === null) continue;
        const decimals = c.decimals ?? decimalsOf(c.value);
        const cmp = compare(c.value, expected, { decimals, unit: c.unit });
        out.push(
          result(this, `completion-rate:${c.id}`, !cmp.ok, { found: c.value, expected, difference: cmp.difference }, [c.id, ...actual.records.map((r) => r.id), ...whole.records.map((r) => r.id)],
            cmp.ok
              ? `${c.label} ${fmt(c.value, decimals)}%：等于 ${actual.label} ${fmt(actual.value)} ÷ ${whole.label}（${p}）${fmt(whole.value)}，即拿分项决算除以总额的预算；分项的完成预算应除以分项自己的预算（报告未列）`
              : `${c.label} ${fmt(c.value, decimals)}%：不是 ${actual.label} ÷ ${whole.label}（${p}）`),
        );
        break;
      }
    }
    return out;
  },
};
