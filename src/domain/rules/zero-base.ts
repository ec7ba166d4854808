import type { RuleResult } from '../../model/types';
import { EPS, toleranceOf } from '../check';
import { fmt, phaseOf, result, roleValue, statOf, type Rule } from './context';
import { plans } from './rates';

/**
 * zero-base:<id> — a growth rate (or completion) on a zero base is undefined (x ÷ 0). Found where
 * the base is stated as 0, or where it is not stated but the current value is 0 and the growth is
 * not −100 %: then the base must have been 0 too (0 = base × (1 + g)).
 */
export const zeroBase: Rule = {
  id: 'zero-base',
  title: '以零为基数的增长率',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const m of ctx.file.measures) {
      const stat = statOf(m);
      if ((stat !== 'growth' && stat !== 'completion') || !m.role) continue;
      const onBudget = (m.base ?? (stat === 'completion' ? 'budget' : 'prev-year')) === 'budget';
      const phase = phaseOf(m);
      const base = onBudget ? plans(ctx, m.role, m.year)[0]?.v : roleValue(ctx, m.role, m.year - 1, phase);
      const cur = roleValue(ctx, m.role, m.year, onBudget ? '决算' : phase);
      const baseText = onBudget ? '预算' : `${m.year - 1}年`;
      const tol = toleranceOf(m.value, { decimals: m.decimals, unit: '%' }) + EPS;
      let zero: string | null = null;
      if (base) zero = base.value === 0 ? `${baseText}${base.label}为 0` : null;
      else if (cur && cur.value === 0 && stat === 'growth' && Math.abs(m.value + 100) > tol)
        zero = `本年${cur.label}为 0，而增长率不是 −100%，${baseText}也只能是 0`;
      if (!base && !cur) continue;
      const records = [m.id, ...(base?.records ?? []).map((r) => r.id), ...(cur?.records ?? []).map((r) => r.id)];
      out.push(
        result(this, `zero-base:${m.id}`, zero === null, { found: m.value, ...(base ? { base: base.value } : {}), ...(cur ? { current: cur.value } : {}) }, records,
          zero
            ? `${m.label} ${fmt(m.value, m.decimals ?? 2)}%：${zero}；以 0 为基数的${stat === 'growth' ? '增长率' : '完成率'}（x ÷ 0）无定义，应写“上年为 0”或不列比率`
            : `${m.label}：基数不为 0`),
      );
    }
    return out;
  },
};
