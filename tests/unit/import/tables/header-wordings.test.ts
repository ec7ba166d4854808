/**
 * Label columns under the local wordings of their header: 经费项目 (a 三公 table), 科目代码 and
 * 功能科目名称 (a 功能分类 table in 千元); the value column named 项目支出 stays a value
 * column.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { opts, xlsx } from './helpers';

const companion = { name: '支出决算表', rows: [['支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 1]] };

describe('header wordings of the label column', () => {
  it('经费项目: the 三公 items down the rows, the year from the amount header', async () => {
    const rows = [['2022年度“三公”经费决算表'], ['单位：万元'], ['经费项目', '2022年度支出（万元）'], ['因公出国（境）费', 0], ['公务接待费', 7.5], ['公务用车购置及运行维护费', 12], ['合计', 19.5]];
    const r = await importTables(await xlsx([{ name: 'S', rows }, companion]), opts('t.xlsx', { year: 2022 }));
    expect(r.review).toEqual([]);
    expect(r.file!.measures.map((m) => [m.role, m.phase ?? '决算', m.year, m.value])).toEqual([
      ['sangong.item:因公出国（境）', '决算', 2022, 0],
      ['sangong.item:公务接待', '决算', 2022, 7.5],
      ['sangong.item:公务用车购置及运行维护', '决算', 2022, 12],
      ['sangong.total', '决算', 2022, 19.5],
    ]);
  });

  it('科目代码 | 功能科目名称 | 本年支出合计 | 基本支出 | 项目支出 in 千元', async () => {
    const rows = [
      ['2022年度一般公共预算财政拨款支出决算表'],
      ['单位：千元'],
      ['科目代码', '功能科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['2010301', '行政运行', 2000, 2000, null],
      ['2010350', '事业运行', 500, null, 500],
    ];
    const r = await importTables(await xlsx([{ name: 'S', rows }]), opts('t.xlsx', { year: 2022 }));
    expect(r.review).toEqual([]);
    const got = r.file!.facts.map((f) => [f.functional, f.basis, f.amount]);
    expect(got).toEqual([
      ['2010301', null, 200],
      ['2010301', '基本支出', 200],
      ['2010350', null, 50],
      ['2010350', '项目支出', 50],
    ]);
  });
});
