/**
 * The 部门预算 forms of the standard tables, known by their titles (部门收入总表, 一般公共预算支出表,
 * 一般公共预算基本支出表, 一般公共预算“三公”经费支出表 …): a column naming no phase holds the year's
 * budget, and the quote claims no 公开0N表 tag of the 决算.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { budgetTitle, tableById, tableNamed } from '../../../../src/import/tables/catalog';
import { opts, xlsx } from './helpers';

describe('部门预算 titles', () => {
  it.each([
    ['2025年部门收入总表', 'income', true],
    ['部门支出总表', 'spending', true],
    ['2025年一般公共预算支出表', 'gpb-spending', true],
    ['一般公共预算基本支出表', 'gpb-basic', true],
    ['政府性基金预算支出表', 'gf', true],
    ['国有资本经营预算支出表', 'soe', true],
    ['2025年一般公共预算“三公”经费支出表', 'sangong', true],
    ['一般公共预算财政拨款支出决算表', 'gpb-spending', false],
    ['2022年度收入决算表', 'income', false],
  ])('%s → %s, budget %s', (title, id, budget) => {
    expect(tableNamed(title)?.id).toBe(id);
    expect(budgetTitle(tableById(id as never), title)).toBe(budget);
  });

  it('一般公共预算支出表 with 合计 | 基本支出 | 项目支出: the year’s budget, no 公开05表 in the quote', async () => {
    const rows = [
      ['2025年一般公共预算支出表'],
      ['单位：万元'],
      ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['2010301', '行政运行', 120, 120, null],
      ['2010399', '其他政府办公厅（室）及相关机构事务支出', 30, null, 30],
    ];
    const r = await importTables(await xlsx([{ name: '表5', rows }]), opts('b.xlsx', { year: 2025 }));
    expect(r.review).toEqual([]);
    expect(r.file!.facts.map((f) => [f.phase, f.source, f.basis, f.functional, f.amount])).toEqual([
      ['年初预算', '一般公共预算财政拨款', null, '2010301', 120],
      ['年初预算', '一般公共预算财政拨款', '基本支出', '2010301', 120],
      ['年初预算', '一般公共预算财政拨款', null, '2010399', 30],
      ['年初预算', '一般公共预算财政拨款', '项目支出', '2010399', 30],
    ]);
    for (const f of r.file!.facts) expect(f.provenance).toMatchObject({ quote: expect.not.stringContaining('公开05表') });
  });

  it('一般公共预算基本支出表 by 人员经费 / 公用经费 blocks: budget facts and budget 人员经费 / 公用经费', async () => {
    const rows = [
      ['2025年一般公共预算基本支出表'],
      ['单位：万元'],
      ['经济分类科目编码', '经济分类科目名称', '金额'],
      ['人员经费', null, 80],
      ['301', '工资福利支出', 80],
      ['公用经费', null, 20],
      ['302', '商品和服务支出', 20],
    ];
    const r = await importTables(await xlsx([{ name: '表7', rows }]), opts('b.xlsx', { year: 2025 }));
    expect(r.review).toEqual([]);
    expect(r.file!.facts.map((f) => [f.phase, f.basis, f.economic, f.amount])).toEqual([
      ['年初预算', '基本支出', '301', 80],
      ['年初预算', '基本支出', '302', 20],
    ]);
    expect(r.file!.measures.map((m) => [m.role, m.phase, m.value])).toEqual([
      ['basic.personnel', '年初预算', 80],
      ['basic.public', '年初预算', 20],
    ]);
  });

  it('一般公共预算“三公”经费支出表 naming no phase in its columns: the budget, not a review', async () => {
    const rows = [
      ['2025年一般公共预算“三公”经费支出表'],
      ['单位：万元'],
      ['合计', '因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置费', '公务用车运行费', null],
      [12, 0, 8, 0, 8, 4],
    ];
    const r = await importTables(await xlsx([{ name: '表8', rows }, { name: '支出', rows: [['部门支出总表'], ['科目编码', '科目名称', '合计'], ['合计', null, 1]] }]), opts('b.xlsx', { year: 2025 }));
    expect(r.review).toEqual([]);
    const m = r.file!.measures.filter((x) => x.role?.startsWith('sangong'));
    expect(m.map((x) => [x.role, x.phase, x.value])).toEqual([
      ['sangong.total', '年初预算', 12],
      ['sangong.item:因公出国（境）', '年初预算', 0],
      ['sangong.item:公务用车购置及运行维护', '年初预算', 8],
      ['sangong.item:公务用车购置', '年初预算', 0],
      ['sangong.item:公务用车运行维护', '年初预算', 8],
      ['sangong.item:公务接待', '年初预算', 4],
    ]);
  });
});
