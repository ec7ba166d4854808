/**
 * A small classification and a fact-row builder for the drill's tests: two 类 of 功能分类 (one
 * with a 款 and two 项), two 类 of 经济分类, and facts of unit 'u' shaped as the facts table holds
 * them.
 */
import type { Trees } from '../../../../src/domain/spending/types';
import type { Fact } from '../../../../src/model/types';
import { factRow as dataFactRow } from '../../../../src/data/tables';

export const smallTrees: Trees = {
  functional: [
    { code: '201', name: '一般公共服务支出', parent: null, level: 1 },
    { code: '20103', name: '政府办公厅', parent: '201', level: 2 },
    { code: '2010301', name: '行政运行', parent: '20103', level: 3 },
    { code: '2010302', name: '一般行政管理事务', parent: '20103', level: 3 },
    { code: '208', name: '社会保障和就业支出', parent: null, level: 1 },
  ],
  economic: [
    { code: '301', name: '工资福利支出', parent: null, level: 1 },
    { code: '302', name: '商品和服务支出', parent: null, level: 1 },
  ],
};

/** One stated fact of unit 'u' from its 2022 report, as a row of the facts table (made as the page makes it). */
export const factRow = (id: string, year: number, phase: string, basis: string | null, functional: string | null, economic: string | null, amount: number, flow = '支出', source: string | null = null) =>
  dataFactRow({ unit: 'u', reportYear: 2022 }, { id, year, phase, flow, source, basis, functional, economic, amount, label: id, provenance: { kind: 'stated', quote: '', section: '' } } as unknown as Fact);
