/**
 * The region view's 增减 (the units table's change cell and the trend table's change column) in
 * every money unit: converted to 元 / 万元 / 亿元 and printed with that unit's decimals, as every
 * other amount of the view. 宁乡 2022: 969.29 万元, 2021: 2,928.89 万元, change −1,959.60 万元.
 */
import { describe, expect, test } from 'vitest';
import { unitsModel, type UnitsInput } from '../../../src/features/units/model';
import { trendModel, unitSeries } from '../../../src/features/units/trends';
import { rollup, rollupCells, unitSummaries } from '../../../src/domain/region/summary';
import type { ViewState } from '../../../src/model/routes';
import type { MoneyUnit } from '../../../src/model/vocabulary';
import { facts, files, index, trees } from '../real-data';

const [nx] = index.units;
const filesOf = (id: string) => files.filter((f) => f.unit === id);
const summaries = index.units.flatMap((u) => unitSummaries(u, filesOf(u.id), facts, trees));
const rows = rollup(index.units.flatMap((u) => rollupCells(u, facts, trees)), { all: true });
const input = (money: MoneyUnit): UnitsInput => ({
  regions: index.units.map((u) => ({ region: u.region, units: 1 })),
  region: '',
  summaries,
  units: index.units,
  rollup: rows,
  trees,
  view: { route: 'units', unit: nx.id, year: 2022, compare: null, path: [], money, focus: null } as ViewState,
  sort: { key: 'total', dir: 'desc' },
  drill: { f: null, e: null },
});

const CHANGE: Record<MoneyUnit, string> = { yuan: '−19,596,000', wan: '−1,959.60', yi: '−0.1960' };

describe('增减 in every money unit', () => {
  test.each(['yuan', 'wan', 'yi'] as MoneyUnit[])('units table, %s', (money) => {
    const row = unitsModel(input(money)).rows.find((r) => r.unit === nx.id)!;
    expect(row.cells.change.text).toBe(`${CHANGE[money]}（−66.91%）`);
    expect(row.cells.total.text).toBe({ yuan: '9,692,900', wan: '969.29', yi: '0.0969' }[money]);
  });

  test.each(['yuan', 'wan', 'yi'] as MoneyUnit[])('trend table, %s', (money) => {
    const m = trendModel(unitSeries(facts, trees, filesOf(nx.id), nx.id), { subject: nx.name, a: 2022, b: 2021, money });
    if (m.state !== 'ok') throw new Error(m.state);
    expect(m.rows.find((r) => r.key === 't')!.change).toBe(CHANGE[money]);
  });

  test('a change smaller than a cent of 亿元 is still printed, not rounded away to 0.00', () => {
    const m = trendModel(unitSeries(facts, trees, filesOf(nx.id), nx.id), { subject: nx.name, a: 2022, b: 2021, money: 'yi' });
    if (m.state !== 'ok') throw new Error(m.state);
    const small = m.rows.filter((r) => r.change !== '—' && r.label.includes('亿元'));
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) expect(r.change).toMatch(/^[+−]?\d[\d,]*\.\d{4}$/);
  });
});
