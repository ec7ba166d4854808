/**
 * The standard definitions of the rates a 决算 / 绩效自评 report states, by role, over the role
 * values of the same report — and the variants reports are known to use instead (a completion
 * rate against the 年初预算 although a 调整预算 exists). Shared by the rate, completion-base and
 * copied-rate rules.
 */
import type { Fact, Indicator } from '../../model/types';
import { parseRole, type Phase } from '../../model/vocabulary';
import { sharePct, growthPct } from '../check';
import { fmt, phaseOf, roleValue, statOf, type RoleValue, type RuleContext } from './context';

export interface RateDefinition {
  /** The definition in words, with the figures ("决算 969.29 ÷ 调整预算 969.29 × 100"). */
  text: string;
  value: number;
  records: Array<Fact | Indicator>;
  /** True for the standard definition, false for a variant a report may use. */
  standard: boolean;
  /** Which plan a completion is measured against. */
  plan?: Phase;
}

/** The plan a completion is measured against, when stated: 调整预算 first (the latest plan), then 年初预算. */
export function plans(ctx: RuleContext, role: string, year: number): Array<{ phase: Phase; v: RoleValue }> {
  return (['调整预算', '年初预算'] as const).flatMap((phase) => {
    const v = roleValue(ctx, role, year, phase);
    return v ? [{ phase, v }] : [];
  });
}

function completion(ctx: RuleContext, role: string, year: number): RateDefinition[] {
  const actual = roleValue(ctx, role, year, '决算');
  if (!actual) return [];
  return plans(ctx, role, year).flatMap(({ phase, v }, i) => {
    const value = sharePct(actual.value, v.value);
    return value === null ? [] : [{ text: `决算 ${fmt(actual.value)} ÷ ${phase} ${fmt(v.value)} × 100`, value, records: [...actual.records, ...v.records], standard: i === 0, plan: phase }];
  });
}

function ratio(ctx: RuleContext, partRole: string, wholeRole: string, year: number, phase: Phase, text: (p: RoleValue, w: RoleValue) => string): RateDefinition[] {
  const p = roleValue(ctx, partRole, year, phase);
  const w = roleValue(ctx, wholeRole, year, phase);
  const value = p && w ? sharePct(p.value, w.value) : null;
  return p && w && value !== null ? [{ text: text(p, w), value, records: [...p.records, ...w.records], standard: true }] : [];
}

/**
 * Every definition of a rate measure (stat `value`, in %) that the report's own figures allow,
 * standard first; [] when the role has no standard definition or the figures are not stated.
 * A completion measure (stat `completion`) of any role is actual ÷ plan of that role.
 */
export function rateDefinitions(ctx: RuleContext, m: Indicator): RateDefinition[] {
  if (!m.role || m.unit !== '%') return [];
  const stat = statOf(m);
  if (stat === 'completion' && (m.base ?? 'budget') === 'budget') return completion(ctx, m.role, m.year);
  if (stat !== 'value') return [];
  const y = m.year;
  switch (parseRole(m.role).name) {
    case 'budget.completion-rate':
      return completion(ctx, 'spending.total', y);
    case 'budget.adjustment-rate': {
      const adj = roleValue(ctx, 'spending.total', y, '调整预算');
      const init = roleValue(ctx, 'spending.total', y, '年初预算');
      const value = adj && init ? growthPct(adj.value, init.value) : null;
      return adj && init && value !== null
        ? [{ text: `（调整预算 ${fmt(adj.value)} − 年初预算 ${fmt(init.value)}）÷ 年初预算 × 100`, value, records: [...adj.records, ...init.records], standard: true }]
        : [];
    }
    case 'staff.control-rate':
      return ratio(ctx, 'staff.in-post', 'staff.quota', y, phaseOf(m), (p, w) => `在编人员 ${fmt(p.value)} ÷ 编制数 ${fmt(w.value)} × 100`);
    case 'performance.coverage':
      return ratio(ctx, 'performance.amount', 'spending.type:项目支出', y, phaseOf(m), (p, w) => `自评涉及资金 ${fmt(p.value)} ÷ 项目支出 ${fmt(w.value)} × 100`);
    default:
      return [];
  }
}
