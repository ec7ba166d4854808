/**
 * Test inputs for the route models: the shipped units read from data/ (with their rule results),
 * a small hand-made unit whose report states other parts of a 决算 (only 公务接待费 among the
 * 三公, 机关运行经费 with parts, 政府采购 by kind, no assets, no indicators), and a view state.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClassificationFile, DataIndex, Fact, Indicator, UnitYearFile } from '../../../src/model/types';
import { reconcile } from '../../../src/domain/rules';
import type { ViewState } from '../../../src/state/url';

const root = resolve(__dirname, '../../../data');
const read = <T>(p: string): T => JSON.parse(readFileSync(resolve(root, p), 'utf8')) as T;

export const index = read<DataIndex>('index.json');
export const trees = {
  functional: read<ClassificationFile>(index.classifications.functional),
  economic: read<ClassificationFile>(index.classifications.economic),
};
export const groups = index.groups ?? [];

/** The loaded reports of a shipped unit. */
export function unitFiles(unit: string): UnitYearFile[] {
  const u = index.units.find((x) => x.id === unit);
  if (!u) throw new Error(`unit ${unit} is not in data/index.json`);
  return u.years.map((y) => read<UnitYearFile>(y.file));
}

/** A report as the store gives it (data.reportFor), with its rule results. */
export function reportOf(file: UnitYearFile) {
  return { year: file.reportYear, file: `data/units/${file.unit}/${file.reportYear}.json`, value: file, results: reconcile(file, trees), errors: [] };
}

export const view = (patch: Partial<ViewState> = {}): ViewState => ({ route: 'assets', unit: 'x', year: 2022, compare: null, path: [], money: 'wan', focus: null, ...patch });

const stated = (quote: string) => ({ kind: 'stated' as const, quote, section: '十、其他重要事项' });
const measure = (id: string, group: string, role: string | undefined, value: number, extra: Partial<Indicator> = {}): Indicator => ({
  id,
  group,
  ...(role ? { role } : {}),
  label: id,
  value,
  unit: '万元',
  year: 2022,
  approx: null,
  cumulative: false,
  parent: null,
  provenance: stated(`${id} ${value}`),
  ...extra,
});
const fact = (id: string, amount: number, extra: Partial<Fact>): Fact => ({
  id,
  year: 2022,
  phase: '决算',
  flow: '支出',
  source: null,
  basis: null,
  functional: null,
  economic: null,
  amount,
  label: id,
  provenance: stated(`${id} ${amount}`),
  ...extra,
});

/** A second unit's 2022 report, made for the tests. */
export function smallUnit(): UnitYearFile {
  return {
    unit: 'small-unit',
    reportYear: 2022,
    currency: '万元',
    source: { id: 'small-2022', kind: '单位决算', title: '某单位2022年度单位决算', publisher: '某单位', date: '2023-09-01', file: 'sources/small.txt' },
    facts: [fact('f-total', 500, {}), fact('f-basic', 200, { basis: '基本支出' }), fact('f-project', 300, { basis: '项目支出' })],
    measures: [
      measure('m-reception', 'g1', 'sangong.item:公务接待', 3.43),
      measure('m-reception-budget', 'g1', 'sangong.item:公务接待', 4, { phase: '年初预算' }),
      measure('m-reception-2021', 'g1', 'sangong.item:公务接待', 8.12, { year: 2021 }),
      measure('m-reception-growth', 'g1', 'sangong.item:公务接待', -57.76, { unit: '%', stat: 'growth', base: 'prev-year' }),
      measure('m-reception-batches', 'g1', 'sangong.reception-batches', 43, { unit: '批次' }),
      measure('m-operating', 'g2', 'operating.total', 50),
      measure('m-operating-office', 'g2', 'operating.part:办公费', 30, { parent: 'm-operating' }),
      measure('m-operating-travel', 'g2', 'operating.part:差旅费', 20, { parent: 'm-operating' }),
      measure('m-proc', 'g3', 'procurement.total', 100),
      measure('m-proc-goods', 'g3', 'procurement.kind:货物', 10, { parent: 'm-proc' }),
      measure('m-proc-works', 'g3', 'procurement.kind:工程', 0, { parent: 'm-proc' }),
      measure('m-proc-services', 'g3', 'procurement.kind:服务', 90, { parent: 'm-proc' }),
      measure('m-proc-sme', 'g3', 'procurement.sme', 60, { parent: 'm-proc' }),
      measure('m-proc-sme-share', 'g3', 'procurement.sme', 60, { unit: '%', stat: 'share' }),
      measure('m-proc-micro', 'g3', 'procurement.micro', 25, { parent: 'm-proc-sme' }),
      // Printed as 26%, which neither 25 ÷ 60 nor 25 ÷ 100 gives: a finding shown beside the figure.
      measure('m-proc-micro-share', 'g3', 'procurement.micro', 26, { unit: '%', stat: 'share' }),
      measure('m-loose', 'g3', undefined, 7),
    ],
    indicators: [],
    knownIssues: [],
  };
}
