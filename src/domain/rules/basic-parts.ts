import type { RuleResult } from '../../model/types';
import { compare } from '../check';
import { fmt, measuresWith, result, roleValue, type Rule } from './context';

/**
 * basic-parts:<year> — 人员经费 + 公用经费 = 基本支出 (the 基本支出决算表 splits 基本支出 into the
 * two), where the report states all three for the year: 人员经费 and 公用经费 as `basic.personnel` /
 * `basic.public`, 基本支出 as the 基本支出 fact (or a `spending.type:基本支出` measure). The parts
 * are money stated to two decimals, so the sum is compared within one cent.
 */
export const basicParts: Rule = {
  id: 'basic-parts',
  title: '人员经费加公用经费等于基本支出',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const years = [...new Set(ctx.file.measures.filter((m) => m.role === 'basic.personnel').map((m) => m.year))].sort();
    for (const y of years) {
      const [p] = measuresWith(ctx, 'basic.personnel', y);
      const [g] = measuresWith(ctx, 'basic.public', y);
      const whole = roleValue(ctx, 'spending.type:基本支出', y, '决算');
      if (!p || !g || !whole) continue;
      const found = p.value + g.value;
      const c = compare(whole.value, found, { unit: whole.unit });
      out.push(
        result(this, `basic-parts:${y}`, c.ok, { expected: whole.value, found, difference: found - whole.value }, [p.id, g.id, ...whole.records.map((r) => r.id)],
          `${y}年：${p.label} ${fmt(p.value)} + ${g.label} ${fmt(g.value)} = ${fmt(found)}，${whole.label} ${fmt(whole.value)}${c.ok ? '，一致' : `，相差 ${fmt(found - whole.value)}`}`),
      );
    }
    return out;
  },
};
