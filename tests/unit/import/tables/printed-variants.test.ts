/**
 * Local variants of the standard tables, read by structure: titles with and without 总 (云南
 * "收入支出决算表", 陕西 "收入决算总表"), tables named after a fund or a spending type that are no
 * standard table, budget and actual columns side by side (年初预算数 | 调整预算数 | 决算数), and the
 * pre-2017 总表 with one 财政拨款收入 row.
 */
import { describe, expect, it } from 'vitest';
import { tableNamed } from '../../../../src/import/tables/catalog';
import { importTables } from '../../../../src/import/tables';
import { opts, xlsx } from './helpers';

describe('titles', () => {
  it.each([
    ['2022年度收入支出决算表', 'summary'],
    ['收入决算总表', 'income'],
    ['支出决算总表', 'spending'],
    ['财政拨款收入支出决算表', 'fiscal-summary'],
    ['一般公共预算财政拨款收入支出决算表', 'gpb-spending'],
    ['某某县重点项目办公室2022年度支出决算表', 'spending'],
    ['财政拨款支出决算明细表', null],
    ['一般公共预算财政拨款项目支出决算表', null],
  ])('%s → %s', (title, id) => expect(tableNamed(title)?.id ?? null).toBe(id));
});

describe('budget and actual columns side by side', () => {
  it('05 with 年初预算数 | 调整预算数 | 决算数: each column its own phase, the actual never taken from a budget column', async () => {
    const rows = [
      ['2022年度一般公共预算财政拨款支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '年初预算数', '调整预算数', '决算数'],
      ['合计', null, 100, 120, 118.5],
      ['2010301', '行政运行', 100, 120, 118.5],
    ];
    const r = await importTables(await xlsx([{ name: '表5', rows }]), opts('p.xlsx'));
    expect(r.review).toEqual([]);
    const got = r.file!.facts.filter((f) => f.functional === '2010301').map((f) => [f.phase, f.amount]);
    expect(got).toEqual([['年初预算', 100], ['调整预算', 120], ['决算', 118.5]]);
  }, 30_000);

  it('04 with 预算数 | 决算数 on each side: the 决算 column gives the facts, the 预算 column budget facts', async () => {
    const rows = [
      ['2022年度财政拨款收入支出决算表'],
      ['单位：元'],
      ['收入', null, null, '支出', null, null],
      ['项目', '预算数', '决算数', '项目', '预算数', '决算数'],
      ['一、一般公共预算财政拨款', 1000000, 980000, '一、一般公共服务支出', 1000000, 975000],
      ['本年收入合计', 1000000, 980000, '本年支出合计', 1000000, 975000],
    ];
    const r = await importTables(await xlsx([{ name: '表4', rows }]), opts('p.xlsx'));
    expect(r.review).toEqual([]);
    const f = r.file!.facts;
    const at = (flow: string, phase: string, source: string | null, functional: string | null) => f.find((x) => x.flow === flow && x.phase === phase && x.source === source && x.functional === functional)?.amount;
    expect(at('收入', '决算', '一般公共预算财政拨款', null)).toBe(98);
    expect(at('收入', '年初预算', '一般公共预算财政拨款', null)).toBe(100);
    expect(at('支出', '决算', '财政拨款', '201')).toBe(97.5);
    expect(at('支出', '年初预算', '财政拨款', null)).toBe(100);
  }, 30_000);
});

describe('the pre-2017 总表', () => {
  it('one 财政拨款收入 row is the 财政拨款 income, its 其中 rows the appropriations', async () => {
    const rows = [
      ['2016年度收入支出决算总表'],
      ['收入', null, '支出', null],
      ['项目', '决算数', '项目', '决算数'],
      ['一、财政拨款收入', 90, '一、一般公共服务支出', 95],
      ['其中：一般公共预算财政拨款', 80, null, null],
      ['二、事业收入', 10, null, null],
      ['本年收入合计', 100, '本年支出合计', 95],
    ];
    const r = await importTables(await xlsx([{ name: '表1', rows }]), opts('p.xlsx'));
    expect(r.review).toEqual([]);
    const income = r.file!.facts.filter((f) => f.flow === '收入').map((f) => [f.source, f.amount]);
    expect(income).toEqual(expect.arrayContaining([['财政拨款', 90], ['一般公共预算财政拨款', 80], ['事业', 10], [null, 100]]));
  }, 30_000);
});

describe('02 with the old column name', () => {
  it('财政补助收入 (before 2015) is the 财政拨款 column', async () => {
    const rows = [['2014年度收入决算表'], ['科目编码', '科目名称', '本年收入合计', '财政补助收入', '事业收入'], ['合计', null, 100, 90, 10], ['2010301', '行政运行', 100, 90, 10]];
    const r = await importTables(await xlsx([{ name: '表2', rows }]), opts('p.xlsx'));
    expect(r.review).toEqual([]);
    expect(r.file!.facts.filter((f) => f.functional === '2010301').map((f) => [f.source, f.amount])).toEqual([[null, 100], ['财政拨款', 90], ['事业', 10]]);
  }, 30_000);
});

describe('06 by function', () => {
  it('rows by 功能 科目, columns 合计 | 人员经费 | 公用经费: the 合计 column is each 科目’s 基本支出, the 合计 row’s split the 人员/公用 measures, a 科目’s split kept by name', async () => {
    const rows = [
      ['2022年度一般公共预算财政拨款基本支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '基本支出', null, null],
      [null, null, '合计', '人员经费', '公用经费'],
      ['合计', null, 150, 120, 30],
      ['2010301', '行政运行', 150, 120, 30],
    ];
    const r = await importTables(await xlsx([{ name: '表6', rows }]), opts('p.xlsx'));
    expect(r.review).toEqual([]);
    const f = r.file!.facts.map((x) => [x.source, x.basis, x.functional, x.economic, x.amount]);
    expect(f).toEqual([['一般公共预算财政拨款', '基本支出', null, null, 150], ['一般公共预算财政拨款', '基本支出', '2010301', null, 150]]);
    const m = r.file!.measures;
    expect(m.filter((x) => x.role).map((x) => [x.role, x.value])).toEqual([['basic.personnel', 120], ['basic.public', 30]]);
    expect(m.filter((x) => !x.role).map((x) => [x.label, x.value])).toEqual([['2010301 行政运行（人员经费）', 120], ['2010301 行政运行（公用经费）', 30]]);
  }, 30_000);
});
