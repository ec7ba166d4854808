import { csvParseRows } from 'd3-dsv';
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  bulkCsv,
  FACT_COLUMNS,
  MEASURE_COLUMNS,
  openDataFiles,
  openDataRows,
  regionFolder,
  sourceLine,
  sourcesCsv,
  unitYearCsv,
  type OpenDataContext,
} from '../../../src/domain/open-data';
import type { UnitYearFile } from '../../../src/model/types';
import { index as shipped, pair, pairFiles as files, trees } from '../real-data';

// The two units these figures were written against; more shipped units must not change them.
const index = { ...shipped, units: pair };

const file = (unit: string) => files.find((f) => f.unit === unit)!;
const ctx = (unit: string): OpenDataContext => ({ unit: index.units.find((u) => u.id === unit)!, trees });

/** Parse an open-data CSV: BOM, a source line, the header, then rows. */
function parse(csv: string) {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv.endsWith('\r\n')).toBe(true);
  const [[first], header, ...rows] = csvParseRows(csv.slice(1).replace(/\r\n/g, '\n').trimEnd());
  return { first, header, rows, at: (row: string[], col: string) => row[header.indexOf(col)] };
}

describe('unit-year CSV', () => {
  it('大英 facts: source line without a date, unit headers, one row per fact', () => {
    const f = file('daying-wgl');
    const { first, header, rows, at } = parse(unitYearCsv(f, ctx('daying-wgl'), 'facts', '2026-12-07'));
    expect(first).toBe(
      '单位：大英县文化广播电视和旅游局（四川省遂宁市大英县）；来源：《2022年度单位决算》，单位决算，县文化广电旅游局发布，https://dyrmt.com/article-133619-2.html；金额单位：万元；推算的数字在“来源方式”列标为“推算”；开放数据格式第1版，生成于2026-12-07',
    );
    expect(header).toEqual(FACT_COLUMNS.map((c) => c.header));
    expect(header).toContain('金额（万元）');
    expect(rows).toHaveLength(f.facts.length);
    // Every amount reads back as the number stored.
    rows.forEach((r, i) => expect(Number(at(r, '金额（万元）'))).toBe(f.facts[i].amount));
    const basic = rows.find((r) => at(r, '支出类型') === '基本支出' && at(r, '年度') === '2022')!;
    expect(at(basic, '金额（万元）')).toBe('1140.27');
    expect(at(basic, '来源方式')).toBe('报告原文');
    expect(at(basic, '依据')).toContain('基本支出1140.27万元');
    expect(at(basic, '资金来源')).toBe('');
  });

  it('宁乡 facts: code names from the tree, derived rows marked with their formula in words', () => {
    const { rows, at } = parse(unitYearCsv(file('ningxiang-drc'), ctx('ningxiang-drc'), 'facts', '2026-12-07'));
    const econ = rows.find((r) => at(r, '编号') === 'f-2022-final-econ-301')!;
    expect(at(econ, '经济分类名称')).toBe('工资福利支出');
    expect(at(econ, '来源方式')).toBe('推算');
    expect(at(econ, '依据')).toBe('行政运行中工资福利支出 + 一般行政管理事务中工资福利支出');
    expect(at(econ, '科目代码来源')).toMatch(/^推定：经济科目按名称归入/);
  });

  it('宁乡 measures: each value in the column of its unit, signs kept, derived marked', () => {
    const f = file('ningxiang-drc');
    const { first, header, rows, at } = parse(unitYearCsv(f, ctx('ningxiang-drc'), 'measures', '2026-12-07'));
    expect(first).toContain('《宁乡市数据资源中心2022年部门整体支出绩效自评报告》，部门整体支出绩效自评，宁乡市数据资源中心发布，2023-07-25；');
    expect(header).toEqual(MEASURE_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(f.measures.length + f.indicators.length);
    const row = (id: string) => rows.find((r) => at(r, '编号') === id)!;

    const change = row('m-chg-2010302');
    expect([at(change, '金额（万元）'), at(change, '百分比（%）'), at(change, '其他数值')]).toEqual(['-7.11', '', '']);
    expect(at(change, '指标类型')).toBe('增减额');
    expect(at(change, '比较基准')).toBe('上年');
    expect(at(change, '角色名称')).toBe('一般行政管理事务');

    const growth = row('m-chg-econ-301-pct');
    expect([at(growth, '金额（万元）'), at(growth, '百分比（%）')]).toEqual(['', '2.57']);
    expect(at(growth, '角色名称')).toBe('工资福利支出');

    const cars = row('m-sangong-car-count');
    expect([at(cars, '其他数值'), at(cars, '其他数值单位'), at(cars, '百分比（%）')]).toEqual(['1', '辆', '']);

    const quota = row('m-staff-quota-2021');
    expect(at(quota, '来源方式')).toBe('推算');
    expect(at(quota, '依据')).toBe('2022年编制数 − 较2021年新增编制');
    expect(rows.filter((r) => at(r, '类别') === '业务指标')).toHaveLength(f.indicators.length);
  });

  it('neutralises a text cell a spreadsheet would run as a formula, never a number', () => {
    const f = file('daying-wgl');
    const evil: UnitYearFile = { ...f, facts: [{ ...f.facts[0], label: '=HYPERLINK("x")' }] };
    const { rows, at } = parse(unitYearCsv(evil, ctx('daying-wgl'), 'facts', '2026-12-07'));
    expect(at(rows[0], '报告用语')).toBe('\'=HYPERLINK("x")');
    expect(openDataRows(evil, ctx('daying-wgl'), 'facts').rows[0]).toContain('=HYPERLINK("x")');
  });

  it('refuses a file paired with another unit', () => {
    expect(() => openDataRows(file('daying-wgl'), ctx('ningxiang-drc'), 'facts')).toThrow('文件属于单位 daying-wgl，上下文却是 ningxiang-drc');
  });

  it('writes the date when the report prints one and leaves it out otherwise', () => {
    expect(sourceLine(file('ningxiang-drc'), ctx('ningxiang-drc'), '2026-12-07')).toContain('2023-07-25');
    expect(sourceLine(file('daying-wgl'), ctx('daying-wgl'), '2026-12-07')).not.toMatch(/未注明|null/);
  });
});

describe('bulk downloads', () => {
  const parts = index.units.map((u) => ({ file: file(u.id), ctx: ctx(u.id) }));

  it('one header over the rows of every unit, each row naming its unit', () => {
    const { first, header, rows, at } = parse(bulkCsv(parts, 'facts', '2022年', '2026-12-07'));
    expect(first).toMatch(/^2022年：2 份单位年度报告；/);
    expect(header).toEqual(FACT_COLUMNS.map((c) => c.header));
    expect(rows).toHaveLength(parts.reduce((n, p) => n + p.file.facts.length, 0));
    expect(new Set(rows.map((r) => at(r, '单位代码')))).toEqual(new Set(['ningxiang-drc', 'daying-wgl']));
  });

  it('sources.csv lists each report, an unknown date left empty', () => {
    const { header, rows, at } = parse(sourcesCsv(parts, '2026-12-07'));
    expect(header).toContain('发布日期');
    expect(rows.map((r) => [at(r, '单位代码'), at(r, '发布日期'), at(r, '原文地址')])).toEqual([
      ['ningxiang-drc', '2023-07-25', ''],
      ['daying-wgl', '', 'https://dyrmt.com/article-133619-2.html'],
    ]);
  });
});

describe('openDataFiles', () => {
  const out = openDataFiles(index, files, trees, '2026-12-07');

  it('publishes per unit-year JSON and CSVs, bulk files per year and region, and a manifest', () => {
    const paths = [...out.keys()].sort();
    expect(paths).toEqual(
      [
        'open-data/v1/manifest.json',
        'open-data/v1/regions/四川省遂宁市大英县/2022.zip',
        'open-data/v1/regions/四川省遂宁市大英县/2022/facts.csv',
        'open-data/v1/regions/四川省遂宁市大英县/2022/measures.csv',
        'open-data/v1/regions/四川省遂宁市大英县/2022/sources.csv',
        'open-data/v1/regions/湖南省长沙市宁乡市/2022.zip',
        'open-data/v1/regions/湖南省长沙市宁乡市/2022/facts.csv',
        'open-data/v1/regions/湖南省长沙市宁乡市/2022/measures.csv',
        'open-data/v1/regions/湖南省长沙市宁乡市/2022/sources.csv',
        'open-data/v1/units/daying-wgl/2022-facts.csv',
        'open-data/v1/units/daying-wgl/2022-measures.csv',
        'open-data/v1/units/daying-wgl/2022.json',
        'open-data/v1/units/ningxiang-drc/2022-facts.csv',
        'open-data/v1/units/ningxiang-drc/2022-measures.csv',
        'open-data/v1/units/ningxiang-drc/2022.json',
        'open-data/v1/years/2022.zip',
        'open-data/v1/years/2022/facts.csv',
        'open-data/v1/years/2022/measures.csv',
        'open-data/v1/years/2022/sources.csv',
      ].sort(),
    );
    expect(JSON.parse(out.get('open-data/v1/units/daying-wgl/2022.json') as string)).toEqual(file('daying-wgl'));
    const manifest = JSON.parse(out.get('open-data/v1/manifest.json') as string);
    const year = manifest.files.find((e: { path: string }) => e.path === 'open-data/v1/years/2022.zip');
    expect(year).toEqual({ path: 'open-data/v1/years/2022.zip', kind: 'year', year: 2022, reports: 2, facts: 58, measures: 167 });
  });

  it('zips the year tables with every unit-year JSON, the same bytes for the same data and date', () => {
    const zip = unzipSync(out.get('open-data/v1/years/2022.zip') as Uint8Array);
    expect(Object.keys(zip).sort()).toEqual(['facts.csv', 'measures.csv', 'sources.csv', 'units/daying-wgl/2022.json', 'units/ningxiang-drc/2022.json']);
    expect(zip['facts.csv']).toEqual(strToU8(out.get('open-data/v1/years/2022/facts.csv') as string));
    expect(openDataFiles(index, files, trees, '2026-12-07').get('open-data/v1/years/2022.zip')).toEqual(out.get('open-data/v1/years/2022.zip'));
  });

  it('refuses a missing unit-year file, a bad date, and two regions that share a folder', () => {
    expect(() => openDataFiles(index, files.slice(1), trees, '2026-12-07')).toThrow(/缺少 units\/.*2022\.json/);
    expect(() => openDataFiles(index, files, trees, '7 Dec 2026')).toThrow('生成日期“7 Dec 2026”不是 YYYY-MM-DD');
    const clash = { units: [{ ...index.units[0], region: 'A/B' }, { ...index.units[1], region: 'A B' }] };
    expect(() => openDataFiles(clash, files, trees, '2026-12-07')).toThrow('地区“A/B”和“A B”的目录名相同');
    expect(regionFolder('湖南省 长沙市/宁乡市')).toBe('湖南省_长沙市_宁乡市');
    expect(() => regionFolder('..')).toThrow();
  });
});
