/** balance, income-sources, fund-sources: the 收入支出决算总表 and its compositions. */
import { describe, expect, it } from 'vitest';
import type { FundSource } from '../../../../src/model/types';
import { EPS, toleranceOf } from '../../../../src/domain/check';
import { byKey, fact, measure, of, run, unit } from '../fixtures';

/** The money limit of a comparison: one cent of 万元 plus the float allowance. */
const MONEY_LIMIT = toleranceOf(0) + EPS;

const income = (id: string, amount: number, source: FundSource | null = null) => fact(id, amount, { flow: '收入', source });
const grand = (id: string, role: 'income.grand-total' | 'spending.grand-total', value: number) => measure(id, value, { role, decimals: 2 });

describe('balance', () => {
  it('收入总计 = 支出总计 with carry-over on both sides', () => {
    const facts = [income('i', 90), fact('open', 10, { flow: '年初结转和结余' }), fact('s', 95), fact('close', 5, { flow: '年末结转和结余' })];
    const r = byKey(run(unit({ facts })), 'balance:2022');
    expect(r).toMatchObject({ status: 'pass', numbers: { income: 100, spending: 100, difference: 0 }, records: ['i', 'open', 's', 'close'] });
    facts[3].amount = 6;
    expect(byKey(run(unit({ facts })), 'balance:2022')).toMatchObject({ status: 'fail', numbers: { difference: -1 } });
  });

  it('stated grand totals that differ fail with the gap', () => {
    const rs = run(unit({ measures: [grand('gi', 'income.grand-total', 4125.49), grand('gs', 'spending.grand-total', 4143.91)] }));
    const r = byKey(rs, 'balance:2022');
    expect(r.status).toBe('fail');
    expect(r.numbers.difference).toBeCloseTo(-18.42, 6);
    expect(r.message).toContain('两者相差 18.42');
  });

  it('without carry-over, reports the gap it would have to explain; passes when a carry-over could', () => {
    const rs = run(unit({ facts: [income('i', 80), fact('s', 100)] }));
    const r = byKey(rs, 'balance:2022');
    expect(r).toMatchObject({ status: 'pass', numbers: { carryOverNeeded: 20 } });
    expect(r.message).toContain('须由其解释的差额为 20');
  });

  it('fails when the missing carry-over would have to be negative', () => {
    // 支出总计 stated 100; 本年收入 120 with no 年初结转: even a zero carry-over gives more than 100.
    const rs = run(unit({ facts: [income('i', 120)], measures: [grand('gs', 'spending.grand-total', 100)] }));
    const r = byKey(rs, 'balance:2022');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('结转和结余不能为负');
    // …and with 本年收入 90 the 年初结转和结余 must be 10.
    const ok = byKey(run(unit({ facts: [income('i', 90)], measures: [grand('gs', 'spending.grand-total', 100)] })), 'balance:2022');
    expect(ok).toMatchObject({ status: 'pass', numbers: { carryOverNeeded: 10 } });
    expect(ok.message).toContain('年初结转和结余未列明，须为 10 才能平衡');
  });

  it('a stated 收入总计 against 本年收入 + 年初结转和结余, likewise 支出总计', () => {
    const facts = [income('i', 90), fact('open', 10, { flow: '年初结转和结余' }), fact('s', 95), fact('close', 5, { flow: '年末结转和结余' })];
    const measures = [grand('gi', 'income.grand-total', 100), grand('gs', 'spending.grand-total', 101)];
    const rs = run(unit({ facts, measures }));
    expect(byKey(rs, 'balance:2022:income').status).toBe('pass');
    expect(byKey(rs, 'balance:2022:spending')).toMatchObject({ status: 'fail', numbers: { expected: 101, found: 100, difference: -1 } });
    expect(byKey(rs, 'balance:2022').status).toBe('fail'); // 100 vs 101 as printed
  });

  it('keeps phases apart and says nothing when one side is missing', () => {
    const rs = run(unit({ facts: [fact('s', 100), fact('plan', 80, { phase: '年初预算' }), income('pi', 80, null)] }));
    expect(of(rs, 'balance').map((r) => r.key)).toEqual(['balance:2022']);
    const budget = run(unit({ facts: [fact('plan', 80, { phase: '年初预算' }), fact('pi', 80, { phase: '年初预算', flow: '收入' })] }));
    expect(byKey(budget, 'balance:2022:年初预算').status).toBe('pass');
  });
});

describe('balance: what each finding says, with its numbers', () => {
  const open = (v: number) => fact('open', v, { flow: '年初结转和结余' });
  const close = (v: number) => fact('close', v, { flow: '年末结转和结余' });

  it('both sides assembled from their parts: the sums in the message, no carry-over needed in the numbers', () => {
    const r = byKey(run(unit({ facts: [income('i', 90), open(10), fact('s', 95), close(5)] })), 'balance:2022');
    expect(r.message).toBe('2022年决算：收入方 本年收入 90 + 年初结转和结余 10 = 100，支出方 本年支出 95 + 年末结转和结余 5 = 100，收支平衡');
    expect(r.numbers).toEqual({ income: 100, spending: 100, difference: 0 });
    const off = byKey(run(unit({ facts: [income('i', 90), open(10), fact('s', 95), close(6)] })), 'balance:2022');
    expect(off.message).toBe('2022年决算：收入方 本年收入 90 + 年初结转和结余 10 = 100，支出方 本年支出 95 + 年末结转和结余 6 = 101，两者相差 1');
  });

  it('a stated 收入总计 against a 支出 side without its 年末结转和结余: the carry-over it needs, or the excess no carry-over explains', () => {
    const gi = measure('gi', 100, { role: 'income.grand-total', label: '收入总计' });
    const r = byKey(run(unit({ facts: [fact('s', 95)], measures: [gi] })), 'balance:2022');
    expect(r).toMatchObject({ status: 'pass', records: ['gi', 's'], numbers: { income: 100, spending: 95, difference: 5, carryOverNeeded: 5 } });
    expect(r.message).toBe('2022年决算：收入方 收入总计（收入总计）100，支出方 本年支出 95（年末结转和结余未列明），年末结转和结余未列明，须为 5 才能平衡');
    const over = byKey(run(unit({ facts: [fact('s', 100.02)], measures: [gi] })), 'balance:2022');
    expect(over.status).toBe('fail');
    expect(over.message).toContain('即使年末结转和结余为 0 也多出 0.02，结转和结余不能为负');
  });

  it('exactly at the limit (tolerance + EPS) a missing carry-over is 0; past it, it is needed', () => {
    const gs = (v: number) => measure('gs', v, { role: 'spending.grand-total' });
    // 本年收入 over a stated 支出总计 by exactly the limit: rounding, not a negative carry-over.
    expect(byKey(run(unit({ facts: [income('i', MONEY_LIMIT)], measures: [gs(0)] })), 'balance:2022')).toMatchObject({ status: 'pass', message: expect.stringContaining('一致（年初结转和结余应为 0）') });
    expect(byKey(run(unit({ facts: [income('i', MONEY_LIMIT + EPS)], measures: [gs(0)] })), 'balance:2022').status).toBe('fail');
    // 本年收入 short of it by exactly the limit: still 应为 0; by more, the carry-over it needs.
    expect(byKey(run(unit({ facts: [income('i', 0)], measures: [gs(MONEY_LIMIT)] })), 'balance:2022').message).toContain('一致（年初结转和结余应为 0）');
    expect(byKey(run(unit({ facts: [income('i', 0)], measures: [gs(MONEY_LIMIT + EPS)] })), 'balance:2022').message).toContain('年初结转和结余未列明，须为 0.01 才能平衡');
    // Neither carry-over stated: at the limit 收支平衡, past it the gap.
    expect(byKey(run(unit({ facts: [income('i', 0), fact('s', MONEY_LIMIT)] })), 'balance:2022').message).toContain('收支平衡');
    expect(byKey(run(unit({ facts: [income('i', 0), fact('s', MONEY_LIMIT + EPS)] })), 'balance:2022').message).toContain('须由其解释的差额为 0.01');
  });

  it('the stated grand totals against their parts: records, numbers and message of each side', () => {
    const facts = [income('i', 90), open(10), fact('s', 95)];
    const measures = [measure('gi', 100, { role: 'income.grand-total', label: '收入总计' }), measure('gs', 101, { role: 'spending.grand-total', label: '支出总计' })];
    const rs = run(unit({ facts, measures }));
    expect(byKey(rs, 'balance:2022:income')).toMatchObject({
      status: 'pass', records: ['gi', 'i', 'open'], numbers: { expected: 100, found: 100, difference: 0 },
      message: '2022年决算：收入总计（收入总计）100，本年收入 90 + 年初结转和结余 10 = 100，一致',
    });
    expect(byKey(rs, 'balance:2022:income').numbers).not.toHaveProperty('carryOverNeeded');
    const spending = byKey(rs, 'balance:2022:spending');
    expect(spending).toMatchObject({ status: 'pass', records: ['gs', 's'], numbers: { expected: 101, found: 95, difference: -6, carryOverNeeded: 6 } });
    expect(spending.message).toBe('2022年决算：支出总计（支出总计）101，本年支出 95（年末结转和结余未列明），年末结转和结余未列明，须为 6 才能平衡');
    const wrong = byKey(run(unit({ facts: [income('i', 90), open(11)], measures: [measures[0]] })), 'balance:2022:income');
    expect(wrong).toMatchObject({ status: 'fail', message: '2022年决算：收入总计（收入总计）100，本年收入 90 + 年初结转和结余 11 = 101，相差 -1' });
  });

  it('one finding per year and phase, earliest year first, the 决算 before a budget stated later', () => {
    const facts = [
      fact('fn-budget', 5, { phase: '年初预算', functional: '2010301' }),
      income('i22', 10), fact('s22', 10),
      income('i21', 9, null), fact('s21', 9),
      fact('bi', 8, { phase: '年初预算', flow: '收入' }), fact('bs', 8, { phase: '年初预算' }),
    ].map((f) => (f.id.endsWith('21') ? { ...f, year: 2021 } : f));
    expect(of(run(unit({ facts })), 'balance').map((r) => r.key)).toEqual(['balance:2021', 'balance:2022', 'balance:2022:年初预算']);
    expect(byKey(run(unit({ facts })), 'balance:2022:年初预算').message).toMatch(/^2022年年初预算：/);
  });

  it('a period is a year and phase with a total: a budget fact of one source, type, function or class listed first does not put the budget first', () => {
    const totals = [income('i', 10), fact('s', 10), fact('bi', 8, { phase: '年初预算', flow: '收入' }), fact('bs', 8, { phase: '年初预算' })];
    for (const dim of [{ source: '一般公共预算财政拨款' as const }, { basis: '基本支出' as const }, { functional: '2010301' }, { economic: '301' }]) {
      const facts = [fact('first', 5, { phase: '年初预算', ...dim }), ...totals];
      expect(of(run(unit({ facts })), 'balance').map((r) => r.key), JSON.stringify(dim)).toEqual(['balance:2022', 'balance:2022:年初预算']);
    }
  });
});

describe('income-sources', () => {
  const sources = () => [
    income('i', 100),
    income('gpb', 70, '一般公共预算财政拨款'),
    income('gf', 0, '政府性基金预算财政拨款'),
    income('soe', 0, '国有资本经营预算财政拨款'),
    income('sup', 0, '上级补助'),
    income('sy', 0, '事业'),
    income('jy', 0, '经营'),
    income('fs', 0, '附属单位上缴'),
    income('qt', 30, '其他'),
  ];

  it('every source stated: they sum to 本年收入合计', () => {
    const r = byKey(run(unit({ facts: sources() })), 'income-sources:2022:决算');
    expect(r).toMatchObject({ status: 'pass', numbers: { expected: 100, found: 100, sources: 6 } });
    expect(r.message).toContain('一般公共预算财政拨款收入 70');
    const bad = sources();
    bad[8].amount = 25;
    expect(byKey(run(unit({ facts: bad })), 'income-sources:2022:决算')).toMatchObject({ status: 'fail', message: expect.stringContaining('已列明全部来源却少 5') });
  });

  it('some sources stated: may fall short (未列明来源) but never exceed', () => {
    const facts = [income('i', 100), income('gpb', 70, '一般公共预算财政拨款')];
    expect(byKey(run(unit({ facts })), 'income-sources:2022:决算')).toMatchObject({ status: 'pass', message: expect.stringContaining('其余 30 为未列明来源') });
    facts[1].amount = 100.5;
    expect(byKey(run(unit({ facts })), 'income-sources:2022:决算')).toMatchObject({ status: 'fail', message: expect.stringContaining('超过合计 0.5') });
  });

  it('财政拨款 equals its three appropriations, and counts once in the total', () => {
    const facts = [income('i', 100), income('cz', 80, '财政拨款'), income('gpb', 70, '一般公共预算财政拨款'), income('gf', 10, '政府性基金预算财政拨款'), income('soe', 0, '国有资本经营预算财政拨款'), income('qt', 20, '其他')];
    const rs = run(unit({ facts }));
    expect(byKey(rs, 'income-sources:2022:决算:财政拨款').status).toBe('pass');
    expect(byKey(rs, 'income-sources:2022:决算').numbers.found).toBe(100);
    facts[3].amount = 12;
    expect(byKey(run(unit({ facts })), 'income-sources:2022:决算:财政拨款')).toMatchObject({ status: 'fail', numbers: { expected: 80, found: 82 } });
  });
});

describe('fund-sources', () => {
  it('spending by fund source never exceeds the spending total', () => {
    const facts = [fact('s', 100), fact('gpb', 90, { source: '一般公共预算财政拨款' }), fact('gf', 0, { source: '政府性基金预算财政拨款' })];
    expect(byKey(run(unit({ facts })), 'fund-sources:2022:决算')).toMatchObject({ status: 'pass', message: expect.stringContaining('其余 10 为未列明来源') });
    facts[2].amount = 15;
    expect(byKey(run(unit({ facts })), 'fund-sources:2022:决算')).toMatchObject({ status: 'fail', numbers: { expected: 100, found: 105 } });
  });

  it('checks each cell and carry-over flow on its own key', () => {
    const facts = [
      fact('b', 50, { basis: '基本支出' }),
      fact('b-gpb', 60, { basis: '基本支出', source: '一般公共预算财政拨款' }),
      fact('c', 5, { flow: '年末结转和结余' }),
      fact('c-gpb', 5, { flow: '年末结转和结余', source: '一般公共预算财政拨款' }),
    ];
    const rs = run(unit({ facts }));
    expect(byKey(rs, 'fund-sources:2022:决算:基本支出:all:all').status).toBe('fail');
    expect(byKey(rs, 'fund-sources:2022:决算:年末结转和结余').status).toBe('pass');
    expect(of(rs, 'income-sources')).toEqual([]);
  });
});

describe('net-assets', () => {
  const sheet = (net: number) => [measure('a', 601.59, { role: 'assets.total' }), measure('l', 0, { role: 'assets.liabilities' }), measure('n', net, { role: 'assets.net' })];
  it('资产总额 = 负债总额 + 净资产', () => {
    expect(byKey(run(unit({ measures: sheet(601.59) })), 'net-assets:2022')).toMatchObject({ status: 'pass', grade: 'error', records: ['a', 'l', 'n'] });
    expect(byKey(run(unit({ measures: sheet(600) })), 'net-assets:2022')).toMatchObject({ status: 'fail', numbers: { difference: -1.59 } });
  });
  it('needs all three', () => {
    expect(run(unit({ measures: sheet(600).slice(0, 2) })).some((r) => r.rule === 'net-assets')).toBe(false);
  });
});
