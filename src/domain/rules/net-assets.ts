import type { RuleResult } from '../../model/types';
import { compare } from '../check';
import { fmt, measuresWith, result, type Rule } from './context';

/**
 * net-assets:<year> — 资产总额 = 负债总额 + 净资产 (the balance-sheet identity), where the
 * report states all three for a year.
 */
export const netAssets: Rule = {
  id: 'net-assets',
  title: '资产等于负债加净资产',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const years = [...new Set(ctx.file.measures.filter((m) => m.role === 'assets.total').map((m) => m.year))].sort();
    for (const y of years) {
      const [a] = measuresWith(ctx, 'assets.total', y);
      const [l] = measuresWith(ctx, 'assets.liabilities', y);
      const [n] = measuresWith(ctx, 'assets.net', y);
      if (!a || !l || !n) continue;
      const found = l.value + n.value;
      const c = compare(a.value, found, { unit: a.unit, decimals: a.decimals });
      out.push(
        result(this, `net-assets:${y}`, c.ok, { expected: a.value, found, difference: found - a.value }, [a.id, l.id, n.id],
          `${y}年：${l.label} ${fmt(l.value)} + ${n.label} ${fmt(n.value)} = ${fmt(found)}，${a.label} ${fmt(a.value)}${c.ok ? '，一致' : `，相差 ${fmt(found - a.value)}`}`),
      );
    }
    return out;
  },
};
