import { describe, expect, it } from 'vitest';
import { factsTable, indicatorsTable, preferOwnReport, type FactRow } from '../../src/data/tables';
import type { Fact, UnitYearFile } from '../../src/model/types';

const stated = { kind: 'stated' as const, quote: 'q', section: 's' };
const fact = (id: string, year: number, amount: number): Fact => ({
  id,
  year,
  phase: '决算',
  flow: '支出',
  source: null,
  basis: null,
  functional: null,
  economic: null,
  amount,
  label: '支出合计',
  provenance: stated,
});
const file = (reportYear: number, facts: Fact[]): UnitYearFile => ({
  unit: 'u1',
  reportYear,
  currency: '万元',
  source: { id: 's', title: 't', publisher: 'p', date: '2023-01-01', file: 'f' },
  facts,
  measures: [],
  indicators: [
    {
      id: `i-${reportYear}`,
      group: 'grid',
      label: '网格',
      value: 29,
      unit: '个',
      year: reportYear,
      approx: null,
      cumulative: false,
      parent: null,
      provenance: stated,
    },
  ],
  knownIssues: [],
});

describe('tables', () => {
  it('builds long fact rows with the owning unit and report year', () => {
    const t = factsTable([file(2022, [fact('a', 2022, 969.29), fact('b', 2021, 2928.89)])]);
    expect(t.numRows()).toBe(2);
    expect(t.objects()[0]).toMatchObject({ unit: 'u1', reportYear: 2022, id: 'a', amount: 969.29, provenance: 'stated' });
  });

  it('carries flow and source as columns, also on an empty table', () => {
    const income: Fact = { ...fact('inc', 2022, 900), flow: '收入', source: '一般公共预算财政拨款', label: '一般公共预算财政拨款收入' };
    const t = factsTable([file(2022, [fact('a', 2022, 969.29), income])]);
    expect(t.objects().map((r) => [(r as FactRow).flow, (r as FactRow).source])).toEqual([
      ['支出', null],
      ['收入', '一般公共预算财政拨款'],
    ]);
    const empty = factsTable([file(2022, [])]);
    expect(empty.numRows()).toBe(0);
    expect(empty.columnNames()).toEqual(['unit', 'reportYear', 'id', 'year', 'phase', 'flow', 'source', 'basis', 'functional', 'economic', 'amount', 'label', 'provenance']);
  });

  it("prefers a year's own report over a later report's restatement of it", () => {
    // The 2023 report restates 2022 as its 上年 with a different figure.
    const t = preferOwnReport(
      factsTable([file(2022, [fact('a22', 2022, 969.29), fact('a21', 2021, 2928.89)]), file(2023, [fact('b23', 2023, 1000), fact('b22', 2022, 970)])]),
    );
    const byYear = Object.fromEntries(t.objects().map((r) => [(r as { year: number }).year, (r as { id: string }).id]));
    expect(byYear).toEqual({ 2021: 'a21', 2022: 'a22', 2023: 'b23' });
    expect(t.columnNames()).not.toContain('own');
  });

  it('keeps measures and indicators apart by domain, with the owner unit', () => {
    const t = indicatorsTable([file(2022, [fact('a', 2022, 1)])]);
    expect(t.objects()).toEqual([
      expect.objectContaining({ owner: 'u1', domain: 'operations', id: 'i-2022', unit: '个', sumsToParent: false, decimals: null }),
    ]);
  });
});
