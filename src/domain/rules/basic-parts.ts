import type { RuleResult } from '../../model/types';
import { compare } from '../check';
import { fmt, measuresWith, result, roleValue, type RoleValue, type Rule, type RuleContext } from './context';

/** The stated 一般公共预算财政拨款 基本支出 of `year` (决算), the whole §六 and 公开06表 split. */
function gpbBasic(ctx: RuleContext, year: number): RoleValue | undefined {
  const f = ctx.withRollups.find(
    (x) => x.year === year && x.phase === '决算' && x.flow === '支出' && x.source === '一般公共预算财政拨款' && x.basis === '基本支出' && x.functional === null && x.economic === null,
  );
  if (!f) return undefined;
  return { value: f.amount, unit: ctx.file.currency, label: f.label, records: (f.parts ?? [f.id]).map((id) => ctx.factById.get(id)!) };
}

/**
 * basic-parts:<year> — 人员经费 + 公用经费 = 基本支出 (the 基本支出决算表 splits 基本支出 into the
 * two), where the report states all three for the year: 人员经费 and 公用经费 as `basic.personnel` /
 * `basic.public`, 基本支出 as the 基本支出 fact (or a `spending.type:基本支出` measure). The parts
 * are money stated to two decimals, so the sum is compared within one cent. §六 of a 决算 and its
 * 公开06表 split the 一般公共预算财政拨款 基本支出, not the all-source one: where the report states
 * that 基本支出 too, the parts are held against it; the all-source 基本支出 otherwise.
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
      const whole = gpbBasic(ctx, y) ?? roleValue(ctx, 'spending.type:基本支出', y, '决算');
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
