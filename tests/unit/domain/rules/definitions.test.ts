/**
 * The definition rules (口径): completion against the wrong budget, a copied rate, a zero base,
 * "完成预算100%" beside a budget gap, assets below purchases, personnel cost in 项目支出,
 * 机关运行经费 scope, 原值 against 净值, 总计 against 本年合计, assumed inputs, unstated bases.
 */
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../../src/model/types';
import { byKey, fact, measure, of, run, unit } from '../fixtures';

const stated = (quote: string) => ({ kind: 'stated' as const, quote, section: '一' });
const budgets = (adjusted = 969.29) => [
  fact('act', 969.29),
  fact('init', 235.8, { phase: '年初预算' }),
  fact('adj', adjusted, { phase: '调整预算' }),
];
const pct = (id: string, value: number, more: Partial<Indicator> = {}) => measure(id, value, { unit: '%', ...more });

describe('completion-base', () => {
  it('a completion rate on the 年初预算 where a different 调整预算 is stated is a warning', () => {
    const r = byKey(run(unit({ facts: budgets(), measures: [pct('cr', 411, { role: 'budget.completion-rate' })] })), 'completion-base:cr');
    expect(r).toMatchObject({ status: 'fail', grade: 'warning', family: 'definition', records: ['cr', 'act', 'init', 'adj'] });
    expect(r.numbers).toMatchObject({ found: 411, adjustedBase: 100 });
    expect(r.message).toContain('以年初预算为分母');
    expect(r.message).toContain('应为 100%');
  });

  it('passes a rate on the 调整预算, and is silent when there is no 调整预算 or it equals the 年初预算', () => {
    expect(byKey(run(unit({ facts: budgets(), measures: [pct('cr', 100, { role: 'budget.completion-rate' })] })), 'completion-base:cr').status).toBe('pass');
    const noAdj = budgets().filter((f) => f.id !== 'adj');
    expect(of(run(unit({ facts: noAdj, measures: [pct('cr', 411, { role: 'budget.completion-rate' })] })), 'completion-base')).toEqual([]);
    expect(of(run(unit({ facts: budgets(235.8), measures: [pct('cr', 411, { role: 'budget.completion-rate' })] })), 'completion-base')).toEqual([]);
  });

  it('also checks "完成预算X%" of any item (stat completion)', () => {
    const measures = [
      measure('r', 7.8, { role: 'sangong.item:公务接待' }),
      measure('r-init', 6, { role: 'sangong.item:公务接待', phase: '年初预算' }),
      measure('r-adj', 7.8, { role: 'sangong.item:公务接待', phase: '调整预算' }),
      pct('r-c', 130, { role: 'sangong.item:公务接待', stat: 'completion', base: 'budget' }),
    ];
    expect(byKey(run(unit({ measures })), 'completion-base:r-c').status).toBe('fail');
  });
});

describe('copied-rate', () => {
  const rates = (adjust: number) => [pct('cr', 411, { role: 'budget.completion-rate' }), pct('ar', adjust, { role: 'budget.adjustment-rate' })];

  it('a rate its definition does not explain, equal to another rate, is a copied figure', () => {
    const rs = run(unit({ facts: budgets(), measures: rates(411) }));
    const r = byKey(rs, 'copied-rate:ar');
    expect(r).toMatchObject({ status: 'fail', grade: 'warning', numbers: { found: 411, other: 411 } });
    expect(r.records.slice(0, 2)).toEqual(['ar', 'cr']);
    expect(r.message).toContain('应为 311.06%');
    // The completion rate is explained (by its 年初预算 variant): it is not the copy.
    expect(byKey(rs, 'copied-rate:cr').status).toBe('pass');
  });

  it('passes a rate that its definition explains, and never pairs 0 % or 100 %', () => {
    expect(byKey(run(unit({ facts: budgets(), measures: rates(311.06) })), 'copied-rate:ar').status).toBe('pass');
    const measures = [pct('cr', 100, { role: 'budget.completion-rate' }), pct('ar', 100, { role: 'budget.adjustment-rate' })];
    expect(byKey(run(unit({ facts: budgets(), measures })), 'copied-rate:ar').status).toBe('pass');
  });
});

describe('zero-base', () => {
  const growth = (value: number) => pct('g', value, { role: 'assets.liabilities', stat: 'growth', base: 'prev-year' });

  it('a growth on a stated zero base, or implied by a zero current value, is undefined', () => {
    const stated0 = run(unit({ measures: [measure('l', 5, { role: 'assets.liabilities' }), measure('l0', 0, { role: 'assets.liabilities', year: 2021 }), growth(0)] }));
    expect(byKey(stated0, 'zero-base:g')).toMatchObject({ status: 'fail', numbers: { base: 0 } });
    const implied = run(unit({ measures: [measure('l', 0, { role: 'assets.liabilities' }), growth(0)] }));
    expect(byKey(implied, 'zero-base:g')).toMatchObject({ status: 'fail', numbers: { current: 0 }, message: expect.stringContaining('也只能是 0') });
  });

  it('passes a non-zero base, and a fall to zero (−100 %)', () => {
    expect(byKey(run(unit({ measures: [measure('l', 5, { role: 'assets.liabilities' }), measure('l0', 4, { role: 'assets.liabilities', year: 2021 }), growth(25)] })), 'zero-base:g').status).toBe('pass');
    expect(byKey(run(unit({ measures: [measure('l', 0, { role: 'assets.liabilities' }), growth(-100)] })), 'zero-base:g').status).toBe('pass');
  });
});

describe('completion-claim', () => {
  const item = 'sangong.item:公务接待';
  const claim = (completion: number, other: Indicator) => run(unit({ measures: [measure('a', 7.8, { role: item }), pct('c', completion, { role: item, stat: 'completion', base: 'budget' }), other] }));

  it('"完成预算100%" beside an amount under budget fails; beside no gap passes', () => {
    const under = measure('d', -2, { role: item, stat: 'change', base: 'budget' });
    expect(byKey(claim(100, under), 'completion-claim:c:d')).toMatchObject({ status: 'fail', grade: 'warning', message: expect.stringContaining('称完成预算100%') });
    expect(byKey(claim(100, measure('d', 0, { role: item, stat: 'change', base: 'budget' })), 'completion-claim:c:d').status).toBe('pass');
  });

  it('a completion equals 100 + the growth against budget', () => {
    const g = pct('g', -4.33, { role: item, stat: 'growth', base: 'budget' });
    expect(byKey(claim(95.67, g), 'completion-claim:c:g').status).toBe('pass');
    expect(byKey(claim(100, g), 'completion-claim:c:g').status).toBe('fail');
  });
});

describe('asset-purchases', () => {
  const facts = (bought: number) => [fact('buy', bought, { basis: '项目支出', functional: '2069999', economic: '31003' })];
  const cls = measure('eq', 19.98, { role: 'assets.fixed-class:专用设备' });

  it('a class balance below the same year’s purchases of it is a warning', () => {
    const r = byKey(run(unit({ facts: facts(21.51), measures: [cls] })), 'asset-purchases:eq');
    expect(r).toMatchObject({ status: 'fail', grade: 'warning', records: ['eq', 'buy'], numbers: { found: 19.98, purchases: 21.51 } });
  });

  it('passes a balance at least the purchases; silent without purchases of that class', () => {
    expect(byKey(run(unit({ facts: facts(10), measures: [cls] })), 'asset-purchases:eq').status).toBe('pass');
    expect(of(run(unit({ facts: facts(10), measures: [measure('gen', 1, { role: 'assets.fixed-class:通用设备' })] })), 'asset-purchases')).toEqual([]);
  });
});

describe('personnel-in-project', () => {
  it('a personnel class (301) inside 项目支出 is a warning, once per booking', () => {
    const facts = [
      fact('p-301', 8.42, { basis: '项目支出', functional: '2010302', economic: '301' }),
      fact('p-302', 21.88, { basis: '项目支出', functional: '2010302', economic: '302' }),
      fact('b-301', 157.25, { basis: '基本支出', functional: '2010301', economic: '301' }),
    ];
    const rs = of(run(unit({ facts })), 'personnel-in-project');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ key: 'personnel-in-project:p-301', status: 'fail', grade: 'warning', numbers: { found: 8.42 } });
  });

  it('passes 项目支出 split into non-personnel classes', () => {
    const facts = [fact('p-302', 21.88, { basis: '项目支出', functional: '2010302', economic: '302' }), fact('p-310', 3, { basis: '项目支出', functional: '2010302', economic: '310' })];
    expect(of(run(unit({ facts })), 'personnel-in-project').map((r) => r.status)).toEqual(['pass']);
  });
});

describe('operating-scope', () => {
  it('a class the report counts in 机关运行经费 must be a 公用经费 class', () => {
    const measures = [
      measure('w', 4.15, { role: 'spending.economic:301', stat: 'change', base: 'prev-year', label: '工资福利支出较上年增加', provenance: stated('机关运行经费中工资福利支出较上年增加4.15万元') }),
      measure('g', -8.62, { role: 'spending.economic:302', stat: 'change', base: 'prev-year', label: '商品和服务支出较上年减少', provenance: stated('机关运行经费中商品和服务支出较上年减少8.62万元') }),
      measure('plain', 1, { role: 'spending.economic:301', stat: 'change', base: 'prev-year', label: '工资福利支出较上年增加', provenance: stated('工资福利支出较上年增加1万元') }),
    ];
    const rs = run(unit({ measures }));
    expect(byKey(rs, 'operating-scope:w')).toMatchObject({ status: 'fail', grade: 'warning', message: expect.stringContaining('计入机关运行经费') });
    expect(byKey(rs, 'operating-scope:g').status).toBe('pass');
    expect(rs.some((r) => r.key === 'operating-scope:plain')).toBe(false);
  });

  it('a part of 机关运行经费 named by a personnel class fails; by a 公用经费 class passes', () => {
    const measures = [measure('op', 50, { role: 'operating.total' }), measure('p1', 10, { role: 'operating.part:工资福利支出', parent: 'op' }), measure('p2', 40, { role: 'operating.part:商品与服务支出', parent: 'op' })];
    const rs = run(unit({ measures }));
    expect(byKey(rs, 'operating-scope:p1').status).toBe('fail');
    expect(byKey(rs, 'operating-scope:p2').status).toBe('pass');
  });
});

describe('valuation-basis', () => {
  const assets = (label: string, value: number) => [measure('total', 601.59, { role: 'assets.total', label: '资产总额（账面净值）' }), measure('fa', value, { role: 'assets.fixed', label, parent: 'total' })];

  it('a part larger than its whole on another valuation is a definition finding beside the arithmetic one', () => {
    const rs = run(unit({ measures: assets('自用固定资产', 927.65) }));
    expect(byKey(rs, 'valuation-basis:fa')).toMatchObject({ status: 'fail', grade: 'warning', message: expect.stringContaining('应是账面原值') });
    expect(byKey(rs, 'asset-bounds:fa')).toMatchObject({ status: 'fail', grade: 'error' });
  });

  it('is silent when the part fits, and passes (leaving the error) when both say 净值', () => {
    expect(of(run(unit({ measures: assets('自用固定资产', 500) })), 'valuation-basis')).toEqual([]);
    expect(byKey(run(unit({ measures: assets('固定资产净值', 927.65) })), 'valuation-basis:fa').status).toBe('pass');
  });
});

describe('grand-total-scope', () => {
  const totals = (income: number, spending: number, carry = false) =>
    unit({
      facts: [fact('in', 4125.49, { flow: '收入' }), fact('out', 4143.91), ...(carry ? [fact('c0', 18.42, { flow: '年初结转和结余' })] : [])],
      measures: [measure('gi', income, { role: 'income.grand-total' }), measure('gs', spending, { role: 'spending.grand-total' })],
    });

  it('总计 equal to unequal year totals means the carry-over was left out', () => {
    const r = byKey(run(totals(4125.49, 4143.91)), 'grand-total-scope:2022');
    expect(r).toMatchObject({ status: 'fail', grade: 'warning', records: ['gi', 'gs', 'in', 'out'] });
    expect(r.numbers.difference).toBeCloseTo(18.42, 6);
  });

  it('passes 总计 that differ from the year totals; silent where carry-over is stated', () => {
    expect(byKey(run(totals(4143.91, 4143.91)), 'grand-total-scope:2022').status).toBe('pass');
    expect(of(run(totals(4125.49, 4143.91, true)), 'grand-total-scope')).toEqual([]);
  });
});

describe('assumed-input', () => {
  it('a derived figure resting on an inferred value is a note; one on stated values is not', () => {
    const facts = [
      fact('a', 5, { year: 2021, functional: '2010301' }),
      fact('b', 0, { year: 2021, functional: '2010302', provenance: { kind: 'inferred', rule: '上年无数据，按0计' } }),
      fact('t', 5, { year: 2021, provenance: { kind: 'derived', formula: { op: 'sum', args: ['a', 'b'] }, text: 'a + b' } }),
      fact('u', 5, { year: 2021, economic: '301', provenance: { kind: 'derived', formula: { op: 'sum', args: ['a'] }, text: 'a' } }),
    ];
    const rs = of(run(unit({ facts })), 'assumed-input');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ key: 'assumed-input:t', status: 'fail', grade: 'note', records: ['t', 'b'], message: expect.stringContaining('上年无数据，按0计') });
  });
});

describe('unstated-base', () => {
  it('a completion above 100 % with nothing to recompute it from is a note', () => {
    const x = (value: number, more: Partial<Indicator> = {}) => measure('x', value, { unit: '%', label: '完成下发任务', ...more });
    expect(byKey(run(unit({ indicators: [x(140.3)] })), 'unstated-base:x')).toMatchObject({ status: 'fail', grade: 'note' });
    expect(of(run(unit({ indicators: [x(95)] })), 'unstated-base')).toEqual([]);
    expect(of(run(unit({ indicators: [x(140.3, { label: '增长' })] })), 'unstated-base')).toEqual([]);
    const measures = [measure('n', 7, { unit: '个' }), measure('d', 5, { unit: '个' })];
    expect(of(run(unit({ measures, indicators: [x(140, { recompute: { op: 'pct', args: ['n', 'd'] } })] })), 'unstated-base')).toEqual([]);
  });
});
