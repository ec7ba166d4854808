import { compare, toleranceOf, EPS } from '../check';
import type { Tree } from '../tree';
import { fmt, groupBy, groupKey, idsOf, result, sum, type Rule, type RuleFact } from './context';
import type { RuleResult } from '../../model/types';

/**
 * children-sum:<parent id> (functional tree), children-sum:<parent id>:economic (economic tree),
 * and children-sum:<measure id> (measures marked `sumsToParent`).
 *
 * Stated codes nearest below a stated code never sum to more than it. They may sum to less when
 * the report leaves part unsplit (shown as 未细分) — unless the stated codes cover every branch
 * of the tree below it, when nothing can be missing.
 */
export const childrenSum: Rule = {
  id: 'children-sum',
  title: '下级合计等于上级',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const check = (parent: RuleFact, group: RuleFact[], t: Tree, code: (f: RuleFact) => string | null, treeName: string, key: string) => {
      const kids = t.nearestBelow(code(parent), group, code);
      if (parent.parts || kids.length === 0) return;
      const found = sum(kids.map((k) => k.amount));
      const diff = found - parent.amount;
      const tol = toleranceOf(parent.amount) + EPS;
      const stated = new Set(group.map(code).filter((c): c is string => c !== null));
      const complete = t.covers(code(parent), stated);
      const over = diff > tol;
      const under = diff < -tol;
      const remainder = under ? -diff : 0;
      const head = `${parent.label} ${fmt(parent.amount)}（${treeName}${t.name(code(parent))}）的下级 ${kids.length} 项合计 ${fmt(found)}`;
      let message: string;
      if (over) message = `${head}，超过上级 ${fmt(diff)}`;
      else if (under && complete) message = `${head}，下级已覆盖全部科目却少 ${fmt(-diff)}`;
      else if (under) message = `${head}，其余 ${fmt(remainder)} 为未细分`;
      else message = `${head}，一致`;
      out.push(
        result(this, key, !over && !(complete && under), { expected: parent.amount, found, difference: diff, remainder, children: kids.length }, [parent.id, ...kids.flatMap(idsOf)], message),
      );
    };
    const facts = ctx.withRollups;
    for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.flow, f.source, f.basis, f.economic)).values()) {
      for (const p of group) check(p, group, ctx.ft, (f) => f.functional, '功能分类·', `children-sum:${p.id}`);
    }
    // Economic tree below a stated economic code; the step from "all economic" to the 类 is the
    // functional-economic rule (per function) and the economic-scope rule (all functions).
    for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.flow, f.source, f.basis, f.functional)).values()) {
      for (const p of group) if (p.economic !== null) check(p, group, ctx.et, (f) => f.economic, '经济分类·', `children-sum:${p.id}:economic`);
    }

    // Measures that say they sum to their parent (staff by post, fixed assets by class …).
    for (const [pid, kids] of groupBy(ctx.indicators.filter((x) => x.sumsToParent && x.parent), (x) => x.parent!)) {
      const parent = ctx.byId.get(pid) ?? ctx.factById.get(pid);
      if (!parent) continue; // the validator reports the dangling parent
      const isFact = !('value' in parent);
      const whole = isFact ? parent.amount : parent.value;
      const unit = isFact ? ctx.file.currency : parent.unit;
      const found = sum(kids.map((k) => k.value));
      // The whole is the stated figure whose printed precision bounds the gap.
      const c = compare(whole, found, { unit, decimals: isFact ? undefined : parent.decimals });
      const diff = found - whole;
      out.push(
        result(
          this,
          `children-sum:${pid}`,
          c.ok,
          { expected: whole, found, difference: diff, children: kids.length },
          [pid, ...kids.map((k) => k.id)],
          `${parent.label} ${fmt(whole)}${unit} 的组成部分 ${kids.map((k) => `${k.label} ${fmt(k.value)}`).join(' + ')} = ${fmt(found)}${unit}${c.ok ? '，一致' : `，相差 ${fmt(diff)}`}`,
        ),
      );
    }
    return out;
  },
};
