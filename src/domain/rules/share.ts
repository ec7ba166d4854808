import type { Indicator, RuleResult } from '../../model/types';
import { compare, decimalsOf, sharePct } from '../check';
import { fmt, phaseOf, result, roleValue, statOf, type RoleValue, type Rule, type RuleContext } from './context';
import { wholeRoleOf } from './part-of-whole';
import { parseRole, ROLES, type RoleSpec } from '../../model/vocabulary';

/** The whole of a share: the record the share names as `parent`, else the whole its role's shares are of. */
function wholeOf(ctx: RuleContext, s: Indicator): RoleValue | undefined {
  if (s.parent) {
    const m = ctx.byId.get(s.parent);
    if (m) return { value: m.value, unit: m.unit, label: m.label, records: [m] };
    const f = ctx.factById.get(s.parent);
    if (f) return { value: f.amount, unit: ctx.file.currency, label: f.label, records: [f] };
    return undefined;
  }
  const spec = (ROLES as Record<string, RoleSpec>)[parseRole(s.role!).name];
  const wr = spec?.shareOf ?? wholeRoleOf(s.role!);
  return wr ? roleValue(ctx, wr, s.year, phaseOf(s)) : undefined;
}

/**
 * share:<id> — a stated share (stat `share`) without a `recompute` formula, recomputed as its
 * role's value ÷ the whole (the share's `parent`, else the role's whole) × 100, within half a
 * unit of its printed precision.
 */
export const share: Rule = {
  id: 'share',
  title: '占比重算',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const s of ctx.file.measures) {
      if (statOf(s) !== 'share' || s.recompute || !s.role) continue;
      const part = roleValue(ctx, s.role, s.year, phaseOf(s));
      const whole = wholeOf(ctx, s);
      if (!part || !whole || part.unit !== whole.unit) continue;
      const records = [s.id, ...part.records.map((r) => r.id), ...whole.records.map((r) => r.id)];
      const decimals = s.decimals ?? decimalsOf(s.value);
      const pct = sharePct(part.value, whole.value);
      const head = `${s.label} ${fmt(s.value, decimals)}%：${part.label} ${fmt(part.value)} ÷ ${whole.label} ${fmt(whole.value)}`;
      if (pct === null) {
        out.push(result(this, `share:${s.id}`, false, { found: s.value, whole: 0 }, records, `${head}，总额为 0，占比无从计算`));
        continue;
      }
      const c = compare(s.value, pct, { decimals, unit: '%' });
      out.push(
        result(this, `share:${s.id}`, c.ok, { expected: pct, found: s.value, difference: c.difference, tolerance: c.tolerance }, records,
          `${head} × 100 = ${fmt(pct, decimals + 2)}%${c.ok ? '，一致' : `，相差 ${fmt(c.difference, decimals + 2)}（容差 ±${fmt(c.tolerance, decimals + 1)}）`}`),
      );
    }
    return out;
  },
};
