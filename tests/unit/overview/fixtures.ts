/**
 * Units for the route-model tests: the shipped units read from data/ (each with its own files,
 * facts and index entry), and a small fixture unit whose report gives what the shipped ones do
 * not — spending only by fund source (财政拨款 / 一般公共预算财政拨款, no all-source total), carry-over
 * by source, and 三公 only as items (因公出国（境）, 公务用车购置及运行维护 with its two parts, 公务接待).
 */
import type { Fact, Indicator, UnitYearFile } from '../../../src/model/types';
import { factsTable, indicatorsTable, preferOwnReport } from '../../../src/data/tables';
import { files, index, trees } from '../real-data';

export { index, trees };

/** One shipped unit: its files and entry, the facts of every unit (the page's table holds all). */
export function shipped(id: string) {
  const entry = index.units.find((u) => u.id === id);
  if (!entry) throw new Error(`unit ${id} is not in data/index.json`);
  return { entry, files: files.filter((f) => f.unit === id) };
}

export const FIRST = 'ningxiang-drc';
export const SECOND = 'daying-wgl';

const stated = { kind: 'stated', quote: 'q', section: 's' } as const;
const fact = (id: string, flow: Fact['flow'], source: Fact['source'], amount: number, label: string): Fact => ({
  id,
  year: 2022,
  phase: '决算',
  flow,
  source,
  basis: null,
  functional: null,
  economic: null,
  amount,
  label,
  provenance: stated,
});
const measure = (id: string, role: string, value: number, unit = '万元', extra: Partial<Indicator> = {}): Indicator => ({
  id,
  group: 'g',
  role,
  label: id,
  value,
  unit,
  year: 2022,
  approx: null,
  cumulative: false,
  parent: null,
  provenance: stated,
  ...extra,
});

export const FIXTURE = 'fixture-unit';
export const fixtureFile: UnitYearFile = {
  unit: FIXTURE,
  reportYear: 2022,
  currency: '万元',
  source: { id: 'fixture-src', kind: '单位决算', title: '某单位2022年度决算', publisher: '某单位', date: '2023-09-01', file: 'sources/x.txt' },
  facts: [
    fact('f-inc', '收入', '财政拨款', 610.42, '财政拨款本年收入合计'),
    fact('f-carry-in', '年初结转和结余', '财政拨款', 156.33, '财政拨款年初结转和结余'),
    fact('f-spend', '支出', '财政拨款', 766.6, '财政拨款本年支出合计'),
    fact('f-spend-gpb', '支出', '一般公共预算财政拨款', 762.9, '一般公共预算财政拨款支出'),
    fact('f-carry-out', '年末结转和结余', '财政拨款', 0.15, '财政拨款年末结转和结余'),
  ],
  measures: [
    measure('m-abroad', 'sangong.item:因公出国（境）', 0),
    measure('m-car', 'sangong.item:公务用车购置及运行维护', 2.25),
    measure('m-car-buy', 'sangong.item:公务用车购置', 0),
    measure('m-car-run', 'sangong.item:公务用车运行维护', 2.25),
    measure('m-car-chg', 'sangong.item:公务用车购置及运行维护', 1.25, '万元', { stat: 'change', base: 'prev-year' }),
    measure('m-car-growth', 'sangong.item:公务用车购置及运行维护', 125, '%', { stat: 'growth', base: 'prev-year' }),
    measure('m-reception', 'sangong.item:公务接待', 3.43),
    measure('m-reception-batches', 'sangong.reception-batches', 43, '批次'),
  ],
  indicators: [],
  knownIssues: [],
};
export const fixtureEntry = { id: FIXTURE, name: '某单位', region: '某地', currency: '万元' as const, years: [{ year: 2022, file: 'units/fixture-unit/2022.json' }] };

/** The facts table of every shipped unit plus the fixture (as the page stacks them). */
export const allFacts = preferOwnReport(factsTable([...files, fixtureFile]));
export const allIndicators = indicatorsTable([...files, fixtureFile]);
