/** recompute, share, change, derived: figures computed from other figures. */
import { describe, expect, it } from 'vitest';
import type { Formula } from '../../../../src/model/types';
import { byKey, fact, measure, of, run, unit } from '../fixtures';

const pct = (a: string, b: string): Formula => ({ op: 'pct', args: [a, b] });

describe('recompute', () => {
  const base = () => [measure('inpost', 9, { unit: '人' }), measure('quota', 14, { unit: '个' })];

  it('within half a unit of the last printed decimal', () => {
    const rate = measure('rate', 64.29, { unit: '%', recompute: pct('inpost', 'quota'), decimals: 2 });
    expect(byKey(run(unit({ measures: [...base(), rate] })), 'recompute:rate')).toMatchObject({ status: 'pass', records: ['rate', 'inpost', 'quota'] });
    rate.value = 64.3;
    expect(byKey(run(unit({ measures: [...base(), rate] })), 'recompute:rate')).toMatchObject({ status: 'fail', numbers: { tolerance: 0.005 } });
    rate.value = 64;
    rate.decimals = 0;
    expect(byKey(run(unit({ measures: [...base(), rate] })), 'recompute:rate').status).toBe('pass');
  });

  it('a rate with the wrong formula (预算调整率 411 % where the standard formula gives 311.06 %)', () => {
    const facts = [fact('initial', 235.8, { phase: '年初预算' }), fact('adjusted', 969.29, { phase: '调整预算' })];
    const m = measure('adj', 411, { unit: '%', recompute: { op: 'growth_pct', args: ['adjusted', 'initial'] } });
    const r = byKey(run(unit({ facts, measures: [m] })), 'recompute:adj');
    expect(r.status).toBe('fail');
    expect(r.numbers.expected).toBeCloseTo(311.0645, 4);
    expect(r.numbers.tolerance).toBe(0.5);
    expect(r.message).toContain('相差 99.94（容差 ±0.5）');
  });

  it('a formula that cannot be evaluated fails with the reason', () => {
    const m = measure('rate', 10, { unit: '%', recompute: pct('inpost', 'zero') });
    const r = byKey(run(unit({ measures: [...base(), measure('zero', 0, { unit: '个' }), m] })), 'recompute:rate');
    expect(r).toMatchObject({ status: 'fail', message: 'rate 10% 无法重算：除数为零：zero = 0' });
  });
});

describe('derived', () => {
  const sum = (...args: string[]): Formula => ({ op: 'sum', args });
  const derivedFact = (id: string, amount: number, formula: Formula) => fact(id, amount, { economic: '301', provenance: { kind: 'derived', formula, text: 'a + b' } });
  const parts = () => [fact('a', 2.25), fact('b', 3.5, { economic: '302' })];

  it('a stored value equal to its formula passes; one off by more than the tolerance fails with both figures', () => {
    const ok = byKey(run(unit({ facts: [...parts(), derivedFact('t', 5.75, sum('a', 'b'))] })), 'derived:t');
    expect(ok).toMatchObject({ status: 'pass', records: ['t', 'a', 'b'], message: 't：公式 a + b = 5.75万元，记录值 5.75万元，一致' });
    const off = byKey(run(unit({ facts: [...parts(), derivedFact('t', 5.8, sum('a', 'b'))] })), 'derived:t');
    expect(off).toMatchObject({ status: 'fail', message: 't：公式 a + b = 5.75万元，记录值 5.8万元，相差 0.05' });
  });

  it('a formula over a record the file lacks fails with the reason', () => {
    const r = byKey(run(unit({ facts: [...parts(), derivedFact('t', 5.75, sum('a', 'missing'))] })), 'derived:t');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/^t 5\.75万元 无法由公式算出：.*missing/);
  });
});

describe('share', () => {
  it('recomputes a share of a role part in its whole role', () => {
    const measures = [
      measure('p', 709.65, { role: 'procurement.total' }),
      measure('sme', 500, { role: 'procurement.sme' }),
      measure('sme-share', 70.46, { role: 'procurement.sme', stat: 'share', unit: '%' }),
    ];
    const r = byKey(run(unit({ measures })), 'share:sme-share');
    expect(r).toMatchObject({ status: 'pass', records: ['sme-share', 'sme', 'p'] });
    measures[2].value = 75;
    expect(byKey(run(unit({ measures })), 'share:sme-share')).toMatchObject({ status: 'fail', numbers: { tolerance: 0.5 } });
  });

  it('uses the share’s own parent when it names one, and a fact as the whole', () => {
    const facts = [fact('f-total', 200)];
    const measures = [measure('op', 50, { role: 'operating.total' }), measure('op-share', 25, { role: 'operating.total', stat: 'share', unit: '%', parent: 'f-total' })];
    expect(byKey(run(unit({ facts, measures })), 'share:op-share').status).toBe('pass');
  });

  it('a share of a zero whole fails; a share with a recompute formula or without a whole is left alone', () => {
    const measures = [measure('n', 0, { role: 'vehicles.count', unit: '辆' }), measure('idle', 0, { role: 'vehicles.status:闲置', unit: '辆' }), measure('idle-share', 0, { role: 'vehicles.status:闲置', stat: 'share', unit: '%' })];
    expect(byKey(run(unit({ measures })), 'share:idle-share')).toMatchObject({ status: 'fail', message: expect.stringContaining('总额为 0') });
    const alone = [measure('fixed', 10, { role: 'assets.fixed' }), measure('fixed-share', 100, { role: 'assets.fixed', stat: 'share', unit: '%' })];
    const formula = [...measures.slice(0, 2), { ...measures[2], recompute: pct('idle', 'n') }];
    expect(of(run(unit({ measures: alone })), 'share')).toEqual([]);
    expect(of(run(unit({ measures: formula })), 'share')).toEqual([]);
  });
});

describe('share of money facts', () => {
  it('a role whose quantity is a fact: 基本支出占本年支出合计', () => {
    const facts = [fact('t', 4143.91), fact('b', 1140.27, { basis: '基本支出' }), fact('p', 3003.64, { basis: '项目支出' })];
    const m = measure('b-share', 27.52, { role: 'spending.type:基本支出', stat: 'share', unit: '%', decimals: 2 });
    expect(byKey(run(unit({ facts, measures: [m] })), 'share:b-share')).toMatchObject({ status: 'pass', records: ['b-share', 'b', 't'] });
    m.value = 27.6;
    expect(byKey(run(unit({ facts, measures: [m] })), 'share:b-share').status).toBe('fail');
    const inc = [fact('i', 4125.49, { flow: '收入' }), fact('g', 3859.16, { flow: '收入', source: '一般公共预算财政拨款' })];
    const s = measure('g-share', 93.54, { role: 'income.source:一般公共预算财政拨款', stat: 'share', unit: '%', decimals: 2 });
    expect(byKey(run(unit({ facts: inc, measures: [s] })), 'share:g-share').status).toBe('pass');
  });
});

describe('change', () => {
  it('完成预算100% beside an amount over budget fails', () => {
    const measures = [
      measure('act', 7.8, { role: 'sangong.item:公务接待' }),
      measure('bud', 7.8, { role: 'sangong.item:公务接待', phase: '年初预算' }),
      measure('done', 100, { role: 'sangong.item:公务接待', stat: 'completion', unit: '%', decimals: 0 }),
    ];
    expect(byKey(run(unit({ measures })), 'change:done')).toMatchObject({ status: 'pass', records: ['done', 'act', 'bud'] });
    measures[0].value = 9;
    expect(byKey(run(unit({ measures })), 'change:done')).toMatchObject({ status: 'fail', message: expect.stringContaining('完成率为 115.38%') });
  });

  it('a stated change against the two years it joins', () => {
    const measures = [
      measure('now', 5.74, { role: 'sangong.total' }),
      measure('then', 5.71, { role: 'sangong.total', year: 2021 }),
      measure('chg', 0.03, { role: 'sangong.total', stat: 'change', base: 'prev-year', decimals: 2 }),
      measure('grw', 0.53, { role: 'sangong.total', stat: 'growth', base: 'prev-year', unit: '%', decimals: 2 }),
    ];
    const rs = run(unit({ measures }));
    expect(byKey(rs, 'change:chg')).toMatchObject({ status: 'pass', records: ['chg', 'now', 'then'] });
    expect(byKey(rs, 'change:grw').status).toBe('pass');
    measures[3].value = 0.5;
    expect(byKey(run(unit({ measures })), 'change:grw')).toMatchObject({ status: 'fail', numbers: { tolerance: 0.005 } });
  });

  it('spending by function: the two years are money facts (summed over spending types)', () => {
    const facts = [
      fact('b', 180, { basis: '基本支出', functional: '2010301' }),
      fact('p', 7.17, { basis: '项目支出', functional: '2010301' }),
      fact('old', 181.73, { year: 2021, functional: '2010301' }),
    ];
    const m = measure('chg', 5.44, { role: 'spending.function:2010301', stat: 'change', base: 'prev-year', decimals: 2 });
    expect(byKey(run(unit({ facts, measures: [m] })), 'change:chg')).toMatchObject({ status: 'pass', records: ['chg', 'b', 'p', 'old'] });
    m.value = 5.5;
    expect(byKey(run(unit({ facts, measures: [m] })), 'change:chg').status).toBe('fail');
  });

  it('against the budget it names; a growth on a zero base is left to zero-base', () => {
    const measures = [
      measure('act', 0.43, { role: 'training.total' }),
      measure('bud', 3, { role: 'training.total', phase: '年初预算' }),
      measure('vs', -2.57, { role: 'training.total', stat: 'change', base: 'budget', decimals: 2 }),
    ];
    expect(byKey(run(unit({ measures })), 'change:vs')).toMatchObject({ status: 'pass', message: expect.stringContaining('年初预算 3') });
    const zero = [measure('l', 0, { role: 'assets.liabilities' }), measure('l0', 0, { role: 'assets.liabilities', year: 2021 }), measure('lg', 0, { role: 'assets.liabilities', stat: 'growth', base: 'prev-year', unit: '%' })];
    const rs = run(unit({ measures: zero }));
    expect(rs.some((r) => r.key === 'change:lg')).toBe(false);
    expect(byKey(rs, 'zero-base:lg')).toMatchObject({ status: 'fail', grade: 'warning', family: 'definition', numbers: { base: 0 } });
  });

  it('skips a year derived from the change itself (circular) and a change without its other year', () => {
    const measures = [
      measure('now', 0, { role: 'meeting.total' }),
      measure('chg', -1.41, { role: 'meeting.total', stat: 'change', base: 'prev-year' }),
      measure('then', 1.41, { role: 'meeting.total', year: 2021, provenance: { kind: 'derived', formula: { op: 'sub', args: ['now', 'chg'] }, text: 't' } }),
    ];
    const rs = run(unit({ measures }));
    expect(of(rs, 'change')).toEqual([]);
    expect(byKey(rs, 'derived:then').status).toBe('pass');
    expect(of(run(unit({ measures: measures.slice(0, 2) })), 'change')).toEqual([]);
  });
});

describe('derived', () => {
  it('a derived record equals its formula; money within 0.01, else its printed place', () => {
    const facts = [fact('now', 30), fact('old', 25, { year: 2021, provenance: { kind: 'derived', formula: { op: 'sub', args: ['now', 'chg'] }, text: 't' } })];
    const measures = [measure('chg', 5)];
    expect(byKey(run(unit({ facts, measures })), 'derived:old')).toMatchObject({ status: 'pass', records: ['old', 'now', 'chg'] });
    facts[1].amount = 24;
    expect(byKey(run(unit({ facts, measures })), 'derived:old')).toMatchObject({ status: 'fail', numbers: { expected: 25, found: 24, difference: -1, tolerance: 0.01 } });
    const implied = measure('task', 103622.95, { unit: '个', provenance: { kind: 'derived', formula: { op: 'div', args: ['done', 1.403] }, text: 't' } });
    expect(byKey(run(unit({ measures: [measure('done', 145382.998, { unit: '个' }), implied] })), 'derived:task').status).toBe('pass');
  });
});

describe('rate (standard definitions)', () => {
  const staff = (rate: number) => [measure('q', 14, { role: 'staff.quota', unit: '个' }), measure('p', 9, { role: 'staff.in-post', unit: '人' }), measure('r', rate, { role: 'staff.control-rate', unit: '%' })];

  it('a rate without a recompute formula is recomputed by its role’s definition at its printed precision', () => {
    expect(byKey(run(unit({ measures: staff(64.29) })), 'rate:r')).toMatchObject({ status: 'pass', grade: 'error', family: 'arithmetic', records: ['r', 'p', 'q'] });
    const bad = byKey(run(unit({ measures: staff(65) })), 'rate:r');
    expect(bad.status).toBe('fail');
    expect(bad.message).toContain('在编人员 9 ÷ 编制数 14 × 100');
  });

  it('预算完成率 is measured against the 调整预算 when stated, else the 年初预算; a recompute formula takes precedence', () => {
    const facts = [fact('act', 969.29), fact('init', 235.8, { phase: '年初预算' })];
    const cr = (more = {}) => measure('cr', 411, { role: 'budget.completion-rate', unit: '%', ...more });
    expect(byKey(run(unit({ facts, measures: [cr()] })), 'rate:cr').status).toBe('pass');
    expect(byKey(run(unit({ facts: [...facts, fact('adj', 969.29, { phase: '调整预算' })], measures: [cr()] })), 'rate:cr').status).toBe('fail');
    const withFormula = run(unit({ facts, measures: [cr({ recompute: { op: 'pct', args: ['act', 'init'] } })] }));
    expect(withFormula.some((r) => r.key === 'rate:cr')).toBe(false);
  });
});
