/**
 * 三公 tables in forms the standard template does not print: copied through a converter into
 * traditional characters, with the years as rows and the items across (a 合计 under the car
 * header is the car total, 车辆购置 / 车辆运行 are its money, not counts), and the percentages of
 * a "增减%" row.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { fold } from '../../../../src/import/tables/text';
import { changeColumn } from '../../../../src/import/tables/extract';
import { opts, xlsx } from './helpers';

const companion = { name: '支出决算表', rows: [['支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 1]] };
const measures = (r: Awaited<ReturnType<typeof importTables>>) =>
  (r.file?.measures ?? []).filter((m) => m.role?.startsWith('sangong')).map((m) => [m.role, m.stat ?? 'value', m.phase ?? '决算', m.year, m.value, m.unit]);

describe('a 三公 column worded as a change in one direction', () => {
  it.each([
    ['支出减少情况(万元)', 'change', -1],
    ['比上年减少额', 'change', -1],
    ['节约金额（万元）', 'change', -1],
    ['支出减少率', 'growth', -1],
    ['下降幅度', 'growth', -1],
    ['增加额', 'change', 1],
    ['增长幅度', 'growth', 1],
    ['比上年增减', 'change', 1],
    ['增减%', 'growth', 1],
    ['2020年度支出(万元)', undefined, 1],
    ['减少项目支出', undefined, 1],
  ])('%s → %s, sign %i', (header, stat, sign) => {
    const c = changeColumn(fold(header), fold(header));
    expect(c.stat).toBe(stat);
    expect(c.sign).toBe(sign);
  });

  it('reads a decrease column as the negative change and its rate as negative growth, never as the amount', async () => {
    const bytes = await xlsx([
      {
        name: '三公经费决算情况',
        rows: [
          ['2020年度“三公”经费决算情况', null, null, null],
          ['经费项目', '2020年度支出 (万元)', '支出减少情况(万元)', '支出减少率'],
          ['因公出国(境)费', 0, 0, '0%'],
          ['公务接待费', 71.53, 8.47, '10.59%'],
          ['总“三公”经费支出', 71.53, 8.47, '10.59%'],
        ],
      },
      companion,
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2020 }));
    const got = measures(r);
    expect(got).toContainEqual(['sangong.item:公务接待', 'value', '决算', 2020, 71.53, '万元']);
    expect(got).toContainEqual(['sangong.item:公务接待', 'change', '决算', 2020, -8.47, '万元']);
    expect(got).toContainEqual(['sangong.item:公务接待', 'growth', '决算', 2020, -10.59, '%']);
    expect(got.filter((m) => m[1] === 'value' && m[4] === 8.47)).toEqual([]);
  });
});

describe('三公 tables in other forms', () => {
  it('folds traditional characters to simplified for matching', () => {
    expect(fold('“三公”經費預算數 單位:萬元')).toBe('“三公”经费预算数单位:万元');
    // A character OpenCC would not turn into one character stays as it is.
    expect(fold('項 目')).toBe('项目');
  });

  it('reads a table printed in traditional characters: title, 單位 line, 預算數 column', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['岳陽縣2015年“三公”經費匯總情況表', null],
          [null, '單位:萬元'],
          ['項目', '本年預算數'],
          ['合計', 3318],
          ['1、因公出國(境)費用', 0],
          ['2、公務接待費', 1372],
          ['3、公務用車費', 1946],
          ['其中:(1)公務用車運行維護費', 1946],
        ],
      },
      companion,
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2015 }));
    expect(r.errors).toEqual([]);
    expect(measures(r)).toEqual([
      ['sangong.total', 'value', '年初预算', 2015, 3318, '万元'],
      ['sangong.item:因公出国（境）', 'value', '年初预算', 2015, 0, '万元'],
      ['sangong.item:公务接待', 'value', '年初预算', 2015, 1372, '万元'],
      ['sangong.item:公务用车购置及运行维护', 'value', '年初预算', 2015, 1946, '万元'],
      ['sangong.item:公务用车运行维护', 'value', '年初预算', 2015, 1946, '万元'],
    ]);
  });

  it('reads the years as rows and a 增减% row as growth; 车辆购置 and the car 合计 are money', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['2016年决算数与2015年决算数对比情况', null, null, null, null, null],
          ['单位：万元', null, null, null, null, null],
          ['年度', '合计', '因公出国(境)经费', '公务接待费', { value: '公车购置及运行维护费', columnSpan: 3 }, null, null],
          [null, null, null, null, '合计', '车辆购置', '车辆运行'],
          ['2015年', 2840, 90, 1400, 1350, 73, 1277],
          ['2016年', 2364, 12, 1356, 996, 37, 959],
          ['2016年比2015年增减%', '-16.77', '-86.62', '-3.14', '-26.24', '-47.95', '-24.98'],
        ],
      },
      companion,
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2016 }));
    expect(r.errors).toEqual([]);
    const m = measures(r);
    expect(m).toContainEqual(['sangong.total', 'value', '决算', 2015, 2840, '万元']);
    expect(m).toContainEqual(['sangong.total', 'value', '决算', 2016, 2364, '万元']);
    expect(m).toContainEqual(['sangong.item:公务用车购置及运行维护', 'value', '决算', 2016, 996, '万元']);
    expect(m).toContainEqual(['sangong.item:公务用车购置', 'value', '决算', 2016, 37, '万元']);
    expect(m).toContainEqual(['sangong.item:公务用车运行维护', 'value', '决算', 2015, 1277, '万元']);
    expect(m).toContainEqual(['sangong.total', 'growth', '决算', 2016, -16.77, '%']);
    expect(m).toContainEqual(['sangong.item:公务用车购置', 'growth', '决算', 2016, -47.95, '%']);
    // Nothing read as a count, nothing as a second 三公 total of a year.
    expect(m.filter((x) => x[5] === '辆')).toEqual([]);
    expect(m.filter((x) => x[0] === 'sangong.total' && x[1] === 'value' && x[3] === 2016)).toHaveLength(1);
    expect(r.review).toEqual([]);
  });

  it('still reads "公务用车购置数(辆)" as the number of cars bought', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['2017年“三公”经费预算情况表', null],
          ['单位：元', null],
          ['项目', '2017年预算数'],
          ['一、支出合计', 250000],
          ['3.公务用车购置数(辆)', '2'],
          ['4.公务用车保有量(辆)', '5'],
        ],
      },
      companion,
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2017 }));
    expect(r.errors).toEqual([]);
    expect(measures(r)).toEqual([
      ['sangong.total', 'value', '年初预算', 2017, 25, '万元'],
      ['sangong.vehicles-bought', 'value', '年初预算', 2017, 2, '辆'],
      ['sangong.vehicles', 'value', '年初预算', 2017, 5, '辆'],
    ]);
  });

  it("reads counts printed beside the money as the counts of the row’s item; a car count on a row naming 购置 and 运行 goes to review", async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['2022年度一般公共预算财政拨款“三公”经费支出决算表', null, null, null, null],
          ['单位：万元', null, null, null, null],
          ['项目', '决算数', '批次（个）', '人次（人）', '车辆数（辆）'],
          ['合计', 10, null, null, null],
          ['因公出国（境）费', 0, '1', '3', null],
          ['公务用车购置及运行费', 6, null, null, '3'],
          ['公务接待费', 4, '20', '150', null],
        ],
      },
      companion,
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2022 }));
    expect(r.errors).toEqual([]);
    expect(measures(r)).toEqual([
      ['sangong.total', 'value', '决算', 2022, 10, '万元'],
      ['sangong.item:因公出国（境）', 'value', '决算', 2022, 0, '万元'],
      ['sangong.abroad-groups', 'value', '决算', 2022, 1, '个'],
      ['sangong.abroad-people', 'value', '决算', 2022, 3, '人次'],
      ['sangong.item:公务用车购置及运行维护', 'value', '决算', 2022, 6, '万元'],
      ['sangong.item:公务接待', 'value', '决算', 2022, 4, '万元'],
      ['sangong.reception-batches', 'value', '决算', 2022, 20, '批次'],
      ['sangong.reception-people', 'value', '决算', 2022, 150, '人次'],
    ]);
    expect(r.review.map((x) => [x.where, x.value])).toEqual([[{ sheet: 'Sheet1', row: 6, column: 'E' }, 3]]);
    expect(r.review[0].reason).toMatch(/购置数也可能是保有量/);
  });

  it("reads a 行政经费 row (广东’s name for 机关运行经费) of a 三公 budget by fund source as operating.total", async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['2019年行政经费及“三公”经费预算表', null, null],
          [null, null, '单位:万元'],
          ['项 目', '合计', '一般公共预算'],
          ['行政经费', 312.23, 312.23],
          ['“三公”经费', 29, 29],
        ],
      },
      companion,
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2019 }));
    expect(r.errors).toEqual([]);
    const m = (r.file?.measures ?? []).filter((x) => x.role).map((x) => [x.role, x.phase, x.year, x.value]);
    expect(m).toEqual([
      ['operating.total', '年初预算', 2019, 312.23],
      ['sangong.total', '年初预算', 2019, 29],
    ]);
  });
});
