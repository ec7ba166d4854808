import { describe, expect, it } from 'vitest';
import { from } from 'arquero';
import { slice, yearFacts } from '../../../../src/domain/spending/slices';

const row = (id: string, o: Record<string, unknown> = {}) => ({ id, unit: 'u', year: 2022, phase: '决算', flow: '支出', source: null, basis: null, functional: null, economic: null, amount: 1, ...o });
const table = () =>
  from([
    row('spent'),
    row('income', { flow: '收入' }),
    row('fiscal', { source: '财政拨款' }),
    row('budget', { phase: '年初预算' }),
    row('before', { year: 2021 }),
    row('other', { unit: 'v' }),
  ]);

describe('slices', () => {
  it('a spending slice holds one phase of spending over all fund sources', () => {
    expect(slice(table(), 'u', 2022, '决算').map((r) => r.id)).toEqual(['spent']);
    expect(slice(table(), 'u', 2022, '年初预算').map((r) => r.id)).toEqual(['budget']);
  });

  it("a year's facts hold every flow, fund source and phase of that unit and year", () => {
    expect(yearFacts(table(), 'u', 2022).map((r) => r.id)).toEqual(['spent', 'income', 'fiscal', 'budget']);
    expect(yearFacts(table(), 'u', 2022)[1]).toMatchObject({ year: 2022, phase: '决算', flow: '收入', source: null });
  });

  it('each cut is made once per table and kept apart from the others', () => {
    const t = table();
    expect(yearFacts(t, 'u', 2022)).toBe(yearFacts(t, 'u', 2022));
    expect(slice(t, 'u', 2022, '决算')).toBe(slice(t, 'u', 2022, '决算'));
    expect(slice(t, 'u', 2022, '决算')).not.toBe(yearFacts(t, 'u', 2022));
    // A new table (new data loaded) is cut again.
    expect(yearFacts(table(), 'u', 2022)).not.toBe(yearFacts(t, 'u', 2022));
  });
});
