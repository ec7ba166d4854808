import type { Fact, Indicator, RuleResult } from '../../model/types';
import { ROLES, parseRole, type RoleSpec } from '../../model/vocabulary';
import { exceeds } from '../check';
import { moneyWholeOf } from './asset-bounds';
import { fmt, measuresWith, phaseOf, result, statOf, type Rule, type RuleContext } from './context';

/** The whole role a role is part of (`sangong.item:公务接待` → `sangong.total`), if any. */
export function wholeRoleOf(role: string): string | undefined {
  return (ROLES as Record<string, RoleSpec>)[parseRole(role).name]?.partOf;
}

type Whole = { kind: 'fact'; record: Fact; value: number; unit: string } | { kind: 'measure'; record: Indicator; value: number; unit: string };

/**
 * The whole a measure must not exceed: the fact its `parent` names (机关运行经费 ⊂ 基本支出), else
 * the measure of its role's whole (因公出国（境）费 ⊂ “三公”经费) — unless asset-bounds or
 * children-sum already checks that pair.
 */
function wholeOf(ctx: RuleContext, m: Indicator): Whole | undefined {
  const parentFact = m.parent ? ctx.factById.get(m.parent) : undefined;
  if (parentFact) return { kind: 'fact', record: parentFact, value: parentFact.amount, unit: ctx.file.currency };
  const wr = m.role ? wholeRoleOf(m.role) : undefined;
  if (!wr) return undefined;
  const w = measuresWith(ctx, wr, m.year, 'value', phaseOf(m))[0];
  if (!w || w.id === m.id || w.unit !== m.unit) return undefined;
  if (m.parent === w.id && m.sumsToParent) return undefined; // children-sum checks the exact sum
  if (moneyWholeOf(ctx, m)?.id === w.id) return undefined; // asset-bounds checks this pair
  return { kind: 'measure', record: w, value: w.value, unit: w.unit };
}

/**
 * part-of-whole:<measure id> — a measure that is part of a fact, or whose role is part of
 * another role, never exceeds its whole (a part larger than its whole is a booking or copying
 * error, or a different basis such as 原值 against 净值).
 */
export const partOfWhole: Rule = {
  id: 'part-of-whole',
  title: '部分不超过整体',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const m of ctx.file.measures) {
      if (statOf(m) !== 'value' || m.value < 0) continue;
      const w = wholeOf(ctx, m);
      if (!w || w.value < 0) continue;
      const over = exceeds(m.value, w.value, { unit: w.unit, decimals: w.kind === 'measure' ? w.record.decimals : undefined });
      const wholeText = `${w.record.label} ${fmt(w.value)}${w.unit}`;
      out.push(
        result(
          this,
          `part-of-whole:${m.id}`,
          !over,
          { expected: w.value, found: m.value, difference: m.value - w.value },
          [m.id, w.record.id],
          over ? `${m.label} ${fmt(m.value)}${m.unit} 大于它所属的 ${wholeText}（超出 ${fmt(m.value - w.value)}）` : `${m.label} ${fmt(m.value)}${m.unit} 不超过 ${wholeText}`,
        ),
      );
    }
    return out;
  },
};
