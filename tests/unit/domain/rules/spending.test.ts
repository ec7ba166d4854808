/** children-sum, basis-sum, functional-economic, economic-scope, unique-cell: the spending tables. */
import { describe, expect, it } from 'vitest';
import { byKey, fact, measure, of, run, set, spendingFacts, unit } from '../fixtures';

/** Reconciled in each test that uses it (not when the file loads), so mutation testing attributes it per test. */
const consistent = () => run(unit({ facts: spendingFacts() }));

describe('a consistent spending report', () => {
  it('passes every spending rule', () => {
    const good = consistent();
    const arithmetic = good.filter((r) => r.family === 'arithmetic');
    expect(arithmetic.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(new Set(arithmetic.map((r) => r.rule))).toEqual(new Set(['children-sum', 'basis-sum', 'functional-economic', 'economic-scope']));
    expect(arithmetic.every((r) => r.grade === 'error')).toBe(true);
    // Its project spending holds no personnel class.
    expect(byKey(good, 'personnel-in-project:2022:决算').status).toBe('pass');
  });

  it('checks a total against functions stated per spending type (roll-ups)', () => {
    const good = consistent();
    const r = byKey(good, 'children-sum:f-total');
    expect(r.numbers).toMatchObject({ expected: 100, found: 100, difference: 0 });
    expect(r.records).toEqual(['f-total', 'f-2010301', 'f-2010302', 'f-2069999']);
  });
});

describe('children-sum', () => {
  it('children exceeding the parent fail', () => {
    const r = byKey(run(unit({ facts: set(spendingFacts(), 'f-2069999-31003', 61) })), 'children-sum:f-2069999-310:economic');
    expect(r.status).toBe('fail');
    expect(r.numbers).toMatchObject({ expected: 60, found: 61, difference: 1, remainder: 0 });
    expect(r.message).toBe('f-2069999-310 60（经济分类·资本性支出）的下级 1 项合计 61，超过上级 1');
  });

  it('an incomplete split that falls short passes as 未细分', () => {
    const facts = set(set(set(spendingFacts(), 'f-basic', 35), 'f-total', 105), 'f-2010301', 30);
    const r = byKey(run(unit({ facts })), 'children-sum:f-basic');
    expect(r.status).toBe('pass');
    expect(r.numbers).toMatchObject({ expected: 35, found: 30, difference: -5, remainder: 5 });
    expect(r.message).toContain('其余 5 为未细分');
  });

  it('a complete cover that falls short fails', () => {
    const r = byKey(run(unit({ facts: set(spendingFacts(), 'f-total', 101) })), 'children-sum:f-total');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('下级已覆盖全部科目却少 1');
  });

  it('measures marked sumsToParent: exact for counts, rounding for money', () => {
    const ms = [measure('m-staff', 7, { unit: '人' }), measure('m-a', 3, { unit: '人', parent: 'm-staff', sumsToParent: true }), measure('m-b', 4, { unit: '人', parent: 'm-staff', sumsToParent: true })];
    expect(byKey(run(unit({ measures: ms })), 'children-sum:m-staff').status).toBe('pass');
    ms[2].value = 5;
    const r = byKey(run(unit({ measures: ms })), 'children-sum:m-staff');
    expect(r).toMatchObject({ status: 'fail', numbers: { expected: 7, found: 8, difference: 1, children: 2 }, records: ['m-staff', 'm-a', 'm-b'] });
  });

  it('keeps income and spending apart (flows are never summed together)', () => {
    const facts = [...spendingFacts(), fact('f-income-2010301', 500, { flow: '收入', functional: '2010301' })];
    expect(byKey(run(unit({ facts })), 'children-sum:f-total').status).toBe('pass');
  });
});

describe('basis-sum', () => {
  it('the spending types of a split sum to the total', () => {
    const r = byKey(run(unit({ facts: set(spendingFacts(), 'f-project', 69.5) })), 'basis-sum:2022:决算');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 100, found: 99.5, difference: -0.5, basic: 30, project: 69.5 });
    expect(r.message).toBe('2022年决算：基本支出 30 + 项目支出 69.5 = 99.5，合计（f-total）100，相差 -0.5');
  });

  it('counts every spending type, not only 基本/项目', () => {
    const facts = [fact('t', 100), fact('b', 60, { basis: '基本支出' }), fact('p', 30, { basis: '项目支出' }), fact('u', 10, { basis: '上缴上级支出' })];
    expect(byKey(run(unit({ facts })), 'basis-sum:2022:决算').status).toBe('pass');
    facts[3].amount = 12;
    expect(byKey(run(unit({ facts })), 'basis-sum:2022:决算')).toMatchObject({ status: 'fail', numbers: { difference: 2 } });
  });

  it('a single type stated beside the total (其中) may fall short but not exceed', () => {
    const facts = [fact('t', 100), fact('b', 60, { basis: '基本支出' })];
    expect(byKey(run(unit({ facts })), 'basis-sum:2022:决算')).toMatchObject({ status: 'pass', message: expect.stringContaining('其余 40 为其他支出类型') });
    facts[1].amount = 120;
    expect(byKey(run(unit({ facts })), 'basis-sum:2022:决算').status).toBe('fail');
  });
});

describe('basis-sum: every cell, every type, at the edge', () => {
  it('one key per year, phase, function, economic class and source; each type under its ASCII name', () => {
    const facts = [
      fact('t', 100, { functional: '2010301' }),
      fact('b', 20, { functional: '2010301', basis: '基本支出' }),
      fact('p', 20, { functional: '2010301', basis: '项目支出' }),
      fact('u', 20, { functional: '2010301', basis: '上缴上级支出' }),
      fact('j', 20, { functional: '2010301', basis: '经营支出' }),
      fact('s', 20, { functional: '2010301', basis: '对附属单位补助支出' }),
      fact('te', 10, { economic: '301', source: '一般公共预算财政拨款' }),
      fact('be', 10.01, { economic: '301', source: '一般公共预算财政拨款', basis: '基本支出' }),
      fact('tb', 80, { phase: '年初预算', year: 2021 }),
      fact('bb', 80.02, { phase: '年初预算', year: 2021, basis: '基本支出' }),
    ];
    const rs = run(unit({ facts }));
    expect(byKey(rs, 'basis-sum:2022:决算:2010301:all')).toMatchObject({
      status: 'pass', records: ['t', 'b', 'p', 'u', 'j', 's'],
      numbers: { expected: 100, found: 100, difference: 0, basic: 20, project: 20, remitted: 20, business: 20, subsidies: 20 },
      message: '2022年决算：基本支出 20 + 项目支出 20 + 上缴上级支出 20 + 经营支出 20 + 对附属单位补助支出 20 = 100，合计（t）100，一致',
    });
    // One type alone may exceed its total by one cent (rounding), not two.
    expect(byKey(rs, 'basis-sum:2022:决算:all:301:一般公共预算财政拨款')).toMatchObject({ status: 'pass', message: '2022年决算：基本支出 10.01 = 10.01，合计（te）10，其余 -0.01 为其他支出类型' });
    expect(byKey(rs, 'basis-sum:2021:年初预算')).toMatchObject({ status: 'fail', message: '2021年年初预算：基本支出 80.02 = 80.02，合计（tb）80，相差 0.02' });
    // Income is no spending type's total.
    expect(of(run(unit({ facts: [fact('i', 1, { flow: '收入' }), fact('ib', 2, { flow: '收入', basis: '基本支出' })] })), 'basis-sum')).toEqual([]);
  });

  it('a split of two types: one cent off either way passes, two cents fail', () => {
    const split = (p: number) => [fact('t', 100), fact('b', 60, { basis: '基本支出' }), fact('p', p, { basis: '项目支出' })];
    expect(byKey(run(unit({ facts: split(40.01) })), 'basis-sum:2022:决算').status).toBe('pass');
    expect(byKey(run(unit({ facts: split(39.99) })), 'basis-sum:2022:决算').status).toBe('pass');
    expect(byKey(run(unit({ facts: split(40.02) })), 'basis-sum:2022:决算').status).toBe('fail');
    expect(byKey(run(unit({ facts: split(39.98) })), 'basis-sum:2022:决算').status).toBe('fail');
  });
});

describe('functional-economic and economic-scope', () => {
  it('a function whose economic classes do not add up', () => {
    const rs = run(unit({ facts: set(spendingFacts(), 'f-2010301-302', 9) }));
    expect(byKey(rs, 'functional-economic:f-2010301')).toMatchObject({ status: 'fail', numbers: { expected: 30, found: 29, difference: -1 } });
  });

  it('economic totals that do not cover the functions with a split', () => {
    const r = byKey(run(unit({ facts: set(spendingFacts(), 'f-econ-310', 59.8) })), 'economic-scope:2022:决算');
    expect(r.status).toBe('fail');
    expect(r.numbers).toMatchObject({ economicTotal: 89.8, functionalTotal: 90, difference: -0.2 });
  });
});

describe('functional-economic and economic-scope: what the findings say, which cells they compare', () => {
  it('functional-economic: the function, its economic 类 and their sum, at one and two cents', () => {
    const facts = (c: number) => [fact('fn', 30, { functional: '2010301', label: '行政运行' }), fact('e1', 20, { functional: '2010301', economic: '301' }), fact('e2', c, { functional: '2010301', economic: '302' })];
    const r = byKey(run(unit({ facts: facts(10) })), 'functional-economic:fn');
    expect(r).toMatchObject({ status: 'pass', records: ['fn', 'e1', 'e2'], message: '行政运行（行政运行）30 的经济分类 工资福利支出 20 + 商品和服务支出 10 = 30，一致' });
    expect(byKey(run(unit({ facts: facts(10.01) })), 'functional-economic:fn').status).toBe('pass');
    expect(byKey(run(unit({ facts: facts(10.02) })), 'functional-economic:fn')).toMatchObject({ status: 'fail', message: expect.stringMatching(/= 30\.02，相差 0\.02$/) });
  });

  it('functional-economic: no function (the all-functions total), no economic split, or a roll-up of types: nothing to compare', () => {
    const noFunction = [fact('t', 30), fact('e1', 20, { economic: '301' })];
    const noSplit = [fact('fn', 30, { functional: '2010301' })];
    const rollup = [fact('b', 10, { functional: '2010301', basis: '基本支出' }), fact('p', 20, { functional: '2010301', basis: '项目支出' }), fact('e1', 31, { functional: '2010301', economic: '301' })];
    for (const facts of [noFunction, noSplit, rollup]) expect(of(run(unit({ facts })), 'functional-economic')).toEqual([]);
  });

  it('economic-scope: the key and message name the year, phase, type, flow and source; each side lists its classes or functions', () => {
    const b = { basis: '基本支出' as const, source: '一般公共预算财政拨款' as const };
    const facts = [
      fact('fn', 30, { ...b, functional: '2010301' }),
      fact('fn-301', 30, { ...b, functional: '2010301', economic: '301' }),
      fact('e301', 20, { ...b, economic: '301' }),
      fact('e302', 10.02, { ...b, economic: '302' }),
    ];
    const r = byKey(run(unit({ facts })), 'economic-scope:2022:决算:基本支出:一般公共预算财政拨款');
    expect(r).toMatchObject({
      status: 'fail', records: ['e301', 'e302', 'fn'],
      numbers: { expected: 30, found: 30.02, difference: 0.02, economicTotal: 30.02, functionalTotal: 30 },
      message: '2022年决算·基本支出：经济分类类级合计 30.02（工资福利支出 20、商品和服务支出 10.02），有经济分类拆分的功能科目合计 30（行政运行 30），差额 0.02',
    });
    facts[3].amount = 10.01;
    expect(byKey(run(unit({ facts })), 'economic-scope:2022:决算:基本支出:一般公共预算财政拨款').message).toMatch(/，口径一致$/);
  });

  it('economic-scope: only the outermost function with a split counts; a year missing one of them is not compared', () => {
    const facts = [
      fact('k', 50, { functional: '20103' }),
      fact('k-301', 50, { functional: '20103', economic: '301' }),
      fact('x', 50, { functional: '2010301' }),
      fact('x-301', 50, { functional: '2010301', economic: '301' }),
      fact('e301', 50, { economic: '301' }),
      fact('e301-21', 50, { economic: '301', year: 2021 }),
    ];
    const rs = run(unit({ facts }));
    expect(byKey(rs, 'economic-scope:2022:决算')).toMatchObject({ status: 'pass', numbers: { functionalTotal: 50 } });
    expect(of(rs, 'economic-scope').map((r) => r.key)).toEqual(['economic-scope:2022:决算']);
  });
});

describe('unique-cell', () => {
  it('two amounts for one cell are reported and the second is not summed', () => {
    const facts = [...spendingFacts(), fact('f-2010302-again', 11, { basis: '项目支出', functional: '2010302' })];
    const rs = run(unit({ facts }));
    expect(byKey(rs, 'unique-cell:f-2010302')).toMatchObject({ status: 'fail', records: ['f-2010302', 'f-2010302-again'] });
    expect(byKey(rs, 'children-sum:f-project').numbers.found).toBe(70);
  });

  it('the same codes in another flow or source are another cell', () => {
    const facts = [...spendingFacts(), fact('f-total-gpb', 100, { source: '一般公共预算财政拨款' }), fact('f-income', 100, { flow: '收入' })];
    expect(of(run(unit({ facts })), 'unique-cell')).toEqual([]);
  });
});
