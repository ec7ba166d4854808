import { fmt, result, type Rule } from './context';

/**
 * unique-cell:<first id> — one amount per cell (year, phase, flow, source, basis, function,
 * economic class). A second amount for the same cell would be counted twice in every sum, so
 * the other rules use the first one only and this rule names the duplicates.
 */
export const uniqueCell: Rule = {
  id: 'unique-cell',
  title: '同一口径只有一个金额',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out = [];
    for (const xs of ctx.cells.values()) {
      if (xs.length < 2) continue;
      const [a] = xs;
      const same = xs.every((x) => x.amount === a.amount);
      const where = [
        `${a.year}年${a.phase}`,
        a.flow,
        a.source ?? '全部来源',
        a.basis ?? '全部类型',
        `功能 ${a.functional ?? '全部'}`,
        `经济 ${a.economic ?? '全部'}`,
      ].join('·');
      out.push(
        result(
          this,
          `unique-cell:${a.id}`,
          false,
          { count: xs.length, ...Object.fromEntries(xs.map((x, i) => [`amount${i + 1}`, x.amount])) },
          xs.map((x) => x.id),
          `${where} 有 ${xs.length} 个金额（${xs.map((f) => `${f.label} ${fmt(f.amount)}`).join('；')}）${same ? '，数值相同但会被重复计算' : '，数值不一致'}`,
        ),
      );
    }
    return out;
  },
};
