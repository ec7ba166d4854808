/**
 * Which report's figure a view shows when a unit has several reports (UnitFigures: the year's own
 * report, else the latest), notCoveredSentence, and the data path guard's "#" (a fragment would
 * make the page fetch another file than the CLI reads).
 */
import { describe, expect, it } from 'vitest';
import { UnitFigures, factAt, figureOf, notCoveredSentence, topItems } from '../../../src/domain/figures';
import { resolveDataPath } from '../../../src/data/paths';
import { fact, measure, unit } from './fixtures';
import type { Indicator, UnitYearFile } from '../../../src/model/types';

/** A report of `reportYear` stating `measures`. */
const report = (reportYear: number, measures: Indicator[]): UnitYearFile => ({ ...unit({ measures }), reportYear });
const total = (id: string, year: number, value: number, more: Partial<Indicator> = {}) => measure(id, value, { role: 'spending.total', year, ...more });

describe('UnitFigures with several reports of one unit', () => {
  // The 2021 report states 2021; the 2022 report states 2022 and restates 2021 (its 上年); the 2023
  // report states 2023 and restates 2022 and 2021 (a correction).
  const r2021 = report(2021, [total('a21', 2021, 900)]);
  const r2022 = report(2022, [total('b22', 2022, 969.29), total('b21', 2021, 901)]);
  const r2023 = report(2023, [total('c23', 2023, 1000), total('c22', 2022, 970), total('c21', 2021, 902)]);

  it("the year's own report wins over a later one that restates it", () => {
    for (const files of [[r2021, r2022, r2023], [r2023, r2022, r2021], [r2022, r2023, r2021]]) {
      const f = new UnitFigures(files);
      expect(f.get({ role: 'spending.total', year: 2022 })).toMatchObject({ value: 969.29, reportYear: 2022, ids: ['b22'] });
      expect(f.get({ role: 'spending.total', year: 2021 })).toMatchObject({ value: 900, reportYear: 2021 });
      expect(f.get({ role: 'spending.total', year: 2023 })).toMatchObject({ value: 1000, reportYear: 2023 });
    }
  });

  it('without its own report, the latest report that states the year wins', () => {
    for (const files of [[r2022, r2023], [r2023, r2022]]) {
      expect(new UnitFigures(files).get({ role: 'spending.total', year: 2021 })).toMatchObject({ value: 902, reportYear: 2023, ids: ['c21'] });
    }
    expect(new UnitFigures([r2022]).get({ role: 'spending.total', year: 2021 })).toMatchObject({ value: 901, reportYear: 2022 });
    expect(new UnitFigures([r2021, r2022]).get({ role: 'spending.total', year: 2020 })).toBeNull();
  });

  it('matches stat, phase and base exactly: a restated budget or a change is not the value', () => {
    const f = new UnitFigures([
      report(2022, [total('v', 2022, 10), total('bud', 2022, 12, { phase: '年初预算' }), total('chg', 2022, 2, { stat: 'change', base: 'prev-year', unit: '万元' })]),
      report(2023, [total('bud23', 2022, 13, { phase: '年初预算' })]),
    ]);
    expect(f.get({ role: 'spending.total', year: 2022 })!.ids).toEqual(['v']);
    expect(f.get({ role: 'spending.total', year: 2022, phase: '年初预算' })!.ids).toEqual(['bud']);
    expect(f.get({ role: 'spending.total', year: 2022, stat: 'change' })!.ids).toEqual(['chg']);
    expect(f.get({ role: 'spending.total', year: 2022, stat: 'change', base: 'prev-year' })!.ids).toEqual(['chg']);
    expect(f.get({ role: 'spending.total', year: 2022, stat: 'change', base: 'budget' })).toBeNull();
  });

  it('parts: one figure per qualifier, each from the report that wins for it', () => {
    const f = new UnitFigures([
      report(2022, [measure('r22', 1.74, { role: 'sangong.item:公务接待' }), measure('car22', 4, { role: 'sangong.item:公务用车购置及运行维护' })]),
      report(2023, [measure('r23', 1.8, { role: 'sangong.item:公务接待', year: 2022 }), measure('abroad23', 0, { role: 'sangong.item:因公出国（境）', year: 2022 })]),
    ]);
    // Neither the whole (another role name) nor an item of another year is a part of 2022.
    const g = new UnitFigures([
      report(2022, [measure('tot', 5.74, { role: 'sangong.total' }), measure('r22', 1.74, { role: 'sangong.item:公务接待' }), measure('bare', 1, { role: 'sangong.item' })]),
      report(2021, [measure('a21', 0.5, { role: 'sangong.item:因公出国（境）', year: 2021 })]),
    ]);
    expect(g.parts('sangong.item', 2022).map((p) => p.ids[0])).toEqual(['r22']);
    expect(g.parts('sangong.item', 2021).map((p) => p.ids[0])).toEqual(['a21']);
    const parts = f.parts('sangong.item', 2022);
    expect(parts.map((p) => [p.role, p.value, p.reportYear])).toEqual([
      ['sangong.item:公务接待', 1.74, 2022],
      ['sangong.item:公务用车购置及运行维护', 4, 2022],
      ['sangong.item:因公出国（境）', 0, 2023],
    ]);
    expect(f.years('sangong.item:公务接待')).toEqual([2022]);
    expect([...f.sections(2022)]).toEqual(['sangong']);
    expect(f.sections(2021).size).toBe(0);
  });

  it('unroled measures of the year, for the full list only', () => {
    const f = new UnitFigures([report(2022, [measure('free', 3, { role: undefined }), total('t', 2022, 5), measure('old', 1, { role: undefined, year: 2021 })])]);
    expect(f.unroled(2022).map((x) => x.ids[0])).toEqual(['free']);
    // Unroled measures are no role's figure, part or section.
    expect(f.parts('spending', 2022)).toEqual([]);
    expect([...f.sections(2022)]).toEqual(['totals']);
    expect(f.years('spending.total')).toEqual([2022]);
  });
});

describe('one figure as a view shows it', () => {
  it('takes its title from the role (a 三公 item as 公务接待费), else the report\'s label; stat value and phase 决算 by default', () => {
    const f = figureOf(measure('r', 1.74, { role: 'sangong.item:公务接待', label: '公务接待费支出' }), 2022);
    expect(f).toEqual({
      value: 1.74, unit: '万元', year: 2022, title: '公务接待费', label: '公务接待费支出', role: 'sangong.item:公务接待', stat: 'value', base: null,
      phase: '决算', approx: null, ids: ['r'], provenance: 'stated', reportYear: 2022,
    });
    const free = figureOf(measure('x', 3, { label: '其他事项', stat: 'change', base: 'prev-year', phase: '年初预算', provenance: { kind: 'derived', formula: 'a' } as never }), 2023);
    expect(free).toMatchObject({ title: '其他事项', role: null, stat: 'change', base: 'prev-year', phase: '年初预算', provenance: 'derived', reportYear: 2023 });
  });

  it('years of a role in ascending order, once each; sections only of the year asked', () => {
    const f = new UnitFigures([
      report(2023, [total('c23', 2023, 1), total('c21', 2021, 1), measure('a', 1, { role: 'assets.fixed', year: 2021 })]),
      report(2022, [total('b22', 2022, 1), total('b21', 2021, 1)]),
    ]);
    expect(f.years('spending.total')).toEqual([2021, 2022, 2023]);
    expect(f.years('assets.total')).toEqual([]);
    expect([...f.sections(2021)].sort()).toEqual(['assets', 'totals']);
    expect([...f.sections(2022)]).toEqual(['totals']);
  });
});

describe('factAt: the stated fact of exactly one cell', () => {
  const facts = [
    fact('total', 100),
    fact('income', 90, { flow: '收入' }),
    fact('basic', 30, { basis: '基本支出' }),
    fact('fn', 10, { functional: '2010301' }),
    fact('fn-econ', 6, { functional: '2010301', economic: '301' }),
    fact('src', 80, { source: '财政拨款' }),
    fact('budget', 95, { phase: '年初预算' }),
    fact('y21', 70, { year: 2021 }),
  ];
  it('defaults to the year\'s spending total: every other dimension all (null)', () => {
    expect(factAt(facts, 2022, '决算')?.id).toBe('total');
    expect(factAt(facts, 2021, '决算')?.id).toBe('y21');
    expect(factAt(facts, 2022, '年初预算')?.id).toBe('budget');
    expect(factAt(facts, 2020, '决算')).toBeUndefined();
  });
  it('each dimension given must match, and the others stay all', () => {
    expect(factAt(facts, 2022, '决算', { flow: '收入' })?.id).toBe('income');
    expect(factAt(facts, 2022, '决算', { basis: '基本支出' })?.id).toBe('basic');
    expect(factAt(facts, 2022, '决算', { functional: '2010301' })?.id).toBe('fn');
    expect(factAt(facts, 2022, '决算', { functional: '2010301', economic: '301' })?.id).toBe('fn-econ');
    expect(factAt(facts, 2022, '决算', { economic: '301' })).toBeUndefined();
    expect(factAt(facts, 2022, '决算', { source: '财政拨款' })?.id).toBe('src');
    expect(factAt(facts, 2022, '决算', { flow: '收入', basis: '基本支出' })).toBeUndefined();
  });
});

describe('topItems: the 三公 items a view shows', () => {
  const item = (q: string, v: number) => figureOf(measure(q, v, { role: `sangong.item:${q}` }), 2022);
  it('a combined item hides its members when it is stated; without it the members show', () => {
    const all = [item('公务接待', 1.74), item('公务用车购置及运行维护', 4), item('公务用车购置', 1), item('公务用车运行维护', 3), item('因公出国（境）', 0)];
    expect(topItems(all).map((f) => f.ids[0])).toEqual(['公务接待', '公务用车购置及运行维护', '因公出国（境）']);
    const members = [item('公务接待', 1.74), item('公务用车购置', 1), item('公务用车运行维护', 3)];
    expect(topItems(members).map((f) => f.ids[0])).toEqual(['公务接待', '公务用车购置', '公务用车运行维护']);
  });
});

describe('notCoveredSentence', () => {
  it('names each missing section once, in order; nothing missing is no sentence', () => {
    expect(notCoveredSentence(2022, ['资产', '三公经费', '资产', '政府采购'])).toBe('本单位2022年的报告未涉及：资产、三公经费、政府采购。');
    expect(notCoveredSentence(2021, ['资产'])).toBe('本单位2021年的报告未涉及：资产。');
    expect(notCoveredSentence(2022, [])).toBeNull();
  });
});

describe('the data path guard', () => {
  it.each(['units/a/2022.json#x', 'units/a#/2022.json', '#', 'units/a/2022.json%23', 'units/a/%232022.json'])('refuses "#" in %s, encoded or not', (p) => {
    const r = resolveDataPath(p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toMatch(/it contains "\?" or "#"/);
  });

  it('keeps a path without one', () => {
    expect(resolveDataPath('units/a/2022.json')).toEqual({ ok: true, path: 'units/a/2022.json' });
  });
});
