import { describe, expect, it } from 'vitest';
import type { UnitYearResult } from '../../../src/data/load';
import { reportFor, yearsOf } from '../../../src/data/select';
import type { UnitYearFile } from '../../../src/model/types';

const stated = { kind: 'stated' as const, quote: 'q', section: 's' };
/** A loaded report of `unit` for `reportYear` holding facts of the given fact years. */
function report(unit: string, reportYear: number, factYears: number[], measureYears: number[] = []): UnitYearResult {
  const value = {
    unit,
    reportYear,
    facts: factYears.map((year, i) => ({ id: `f-${year}-${i}`, year, phase: '决算', flow: '支出', source: null, basis: null, functional: null, economic: null, amount: 1, label: 'l', provenance: stated })),
    measures: measureYears.map((year, i) => ({ id: `m-${year}-${i}`, group: 'g', label: 'l', value: 1, unit: '人', year, approx: null, cumulative: false, parent: null, provenance: stated })),
    indicators: [],
    knownIssues: [],
  } as unknown as UnitYearFile;
  return { unit, year: reportYear, file: `data/units/${unit}/${reportYear}.json`, value, errors: [], broken: [], results: [] };
}

describe('reportFor', () => {
  const a2022 = report('a', 2022, [2022, 2021]);
  const a2023 = report('a', 2023, [2023, 2022]);
  const a2024 = report('a', 2024, [2024, 2023]);
  const b2022 = report('b', 2022, [2022]);
  const all = [a2022, a2023, a2024, b2022];

  it("takes the year's own report first", () => {
    expect(reportFor(all, 'a', 2022)).toBe(a2022);
    expect(reportFor(all, 'a', 2023)).toBe(a2023);
    expect(reportFor(all, 'b', 2022)).toBe(b2022);
  });

  it('else the latest report holding records of that year', () => {
    expect(reportFor(all, 'a', 2021)).toBe(a2022);
    expect(reportFor([a2022, a2023], 'a', 2022)).toBe(a2022);
    expect(reportFor([a2023, a2024], 'a', 2022)).toBe(a2023);
    expect(reportFor([report('a', 2023, [2023], [2021]), report('a', 2024, [2024], [2021])], 'a', 2021)?.year).toBe(2024);
  });

  it('never another unit, a failed file, or a year no report holds', () => {
    expect(reportFor(all, 'b', 2021)).toBeUndefined();
    expect(reportFor(all, 'c', 2022)).toBeUndefined();
    expect(reportFor([{ ...a2022, value: undefined, broken: ['all'] }], 'a', 2022)).toBeUndefined();
  });

  it('an own report whose facts were all dropped gives way to one that holds the year', () => {
    const empty = report('a', 2022, []);
    expect(reportFor([empty, a2023], 'a', 2022)).toBe(a2023);
  });
});

describe('yearsOf', () => {
  it('lists fact years with any record, latest first, for one unit', () => {
    expect(yearsOf([report('a', 2022, [2022, 2021], [2020]), report('a', 2023, [2023, 2022]), report('b', 2019, [2019])], 'a')).toEqual([2023, 2022, 2021, 2020]);
    expect(yearsOf([], 'a')).toEqual([]);
  });
});
