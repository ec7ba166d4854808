/** The rules on the figures every 决算 states: 人员经费 / 公用经费 and the 财政拨款 totals. */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../../src/domain/rules';
import { fact, measure, trees, unit } from '../fixtures';

const run = (f: ReturnType<typeof unit>) => reconcile(f, trees);
const byKey = (rs: ReturnType<typeof run>, key: string) => rs.find((r) => r.key === key);

describe('basic-parts', () => {
  const file = (basic: number) =>
    unit({
      facts: [fact('basic', basic, { basis: '基本支出' })],
      measures: [measure('p', 280, { role: 'basic.personnel' }), measure('g', 40.5, { role: 'basic.public' })],
    });

  it('人员经费 + 公用经费 = 基本支出, within one cent and not beyond', () => {
    expect(byKey(run(file(320.5)), 'basic-parts:2022')).toMatchObject({ status: 'pass', grade: 'error', records: ['p', 'g', 'basic'] });
    // Exactly at the tolerance (0.01 万元) it holds; just beyond it fails.
    expect(byKey(run(file(320.51)), 'basic-parts:2022')?.status).toBe('pass');
    expect(byKey(run(file(320.49)), 'basic-parts:2022')?.status).toBe('pass');
    expect(byKey(run(file(320.511)), 'basic-parts:2022')).toMatchObject({ status: 'fail', numbers: { expected: 320.511 } });
  });

  it('reads 基本支出 from a spending.type measure too, and needs all three', () => {
    const m = unit({ facts: [fact('t', 500)], measures: [measure('p', 280, { role: 'basic.personnel' }), measure('g', 40.5, { role: 'basic.public' }), measure('b', 330, { role: 'spending.type:基本支出' })] });
    expect(byKey(run(m), 'basic-parts:2022')).toMatchObject({ status: 'fail', numbers: { difference: -9.5 } });
    expect(run(unit({ facts: [fact('basic', 320.5, { basis: '基本支出' })], measures: [measure('p', 280, { role: 'basic.personnel' })] })).some((r) => r.rule === 'basic-parts')).toBe(false);
  });
});

describe('fiscal-totals', () => {
  const file = (spendingTotal: number, fiscalIncome = 400, gpb = 480) =>
    unit({
      facts: [fact('fi', fiscalIncome, { flow: '收入', source: '财政拨款' })],
      measures: [
        measure('it', 500, { role: 'fiscal.income-total' }),
        measure('st', spendingTotal, { role: 'fiscal.spending-total' }),
        measure('gpb', gpb, { role: 'gpb.spending' }),
      ],
    });

  it('财政拨款收入总计 = 财政拨款支出总计, within one cent, as a warning of definition', () => {
    expect(byKey(run(file(500.01)), 'fiscal-totals:2022')).toMatchObject({ status: 'pass', grade: 'warning', family: 'definition' });
    expect(byKey(run(file(500.011)), 'fiscal-totals:2022')?.status).toBe('fail');
  });

  it('本年财政拨款收入 and 一般公共预算财政拨款支出 never exceed their totals', () => {
    expect(byKey(run(file(500)), 'fiscal-totals:2022:income')?.status).toBe('pass');
    expect(byKey(run(file(500, 500.01)), 'fiscal-totals:2022:income')?.status).toBe('pass');
    expect(byKey(run(file(500, 500.011)), 'fiscal-totals:2022:income')?.status).toBe('fail');
    expect(byKey(run(file(500, 400, 500.011)), 'fiscal-totals:2022:spending')?.status).toBe('fail');
    expect(byKey(run(file(500, 400, 500)), 'fiscal-totals:2022:spending')?.status).toBe('pass');
  });
});

describe('a stated completion rate against the stated budget and actual (rule change)', () => {
  const file = (rate: number, decimals: number) =>
    unit({
      facts: [fact('t', 1)],
      measures: [
        measure('a', 62.07, { role: 'sangong.total' }),
        measure('b', 84.82, { role: 'sangong.total', phase: '调整预算' }),
        measure('c', rate, { role: 'sangong.total', stat: 'completion', base: 'budget', unit: '%', decimals }),
      ],
    });
  // 62.07 ÷ 84.82 × 100 = 73.178…: printed to one decimal, 73.2 holds, 73.1 does not.
  it('holds within half a unit of the printed last decimal, and fails beyond it', () => {
    expect(byKey(run(file(73.2, 1)), 'change:c')?.status).toBe('pass');
    expect(byKey(run(file(73.1, 1)), 'change:c')?.status).toBe('fail');
    expect(byKey(run(file(73.18, 2)), 'change:c')?.status).toBe('pass');
    expect(byKey(run(file(73.17, 2)), 'change:c')?.status).toBe('fail');
  });
});

describe('completion-rate', () => {
  // 公务接待费 2.38 of a 三公 budget of 5.92: 2.38 ÷ 5.92 × 100 = 40.2027…
  const file = (rate: number, decimals: number, itemBudget = false) =>
    unit({
      facts: [fact('t', 1)],
      measures: [
        measure('total-budget', 5.92, { role: 'sangong.total', phase: '年初预算' }),
        measure('item', 2.38, { role: 'sangong.item:公务接待' }),
        ...(itemBudget ? [measure('item-budget', 3, { role: 'sangong.item:公务接待', phase: '年初预算' })] : []),
        measure('rate', rate, { role: 'sangong.item:公务接待', stat: 'completion', base: 'budget', unit: '%', decimals }),
      ],
    });

  it('finds a part’s completion taken against the whole’s budget, within half a unit of the printed decimal', () => {
    expect(byKey(run(file(40.2, 1)), 'completion-rate:rate')).toMatchObject({ status: 'fail', grade: 'warning', records: ['rate', 'item', 'total-budget'] });
    expect(byKey(run(file(40.25, 2)), 'completion-rate:rate')?.status).toBe('pass');
    expect(byKey(run(file(40.21, 2)), 'completion-rate:rate')?.status).toBe('pass');
    expect(byKey(run(file(40.2, 2)), 'completion-rate:rate')?.status).toBe('fail');
  });

  it('leaves a part with its own stated budget to change', () => {
    expect(run(file(40.2, 1, true)).some((r) => r.rule === 'completion-rate')).toBe(false);
  });
});
