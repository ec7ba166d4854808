/**
 * Layouts met in real published tables beyond the 2022 决算 template: the budget's 总表 (部门收支总表,
 * 财政拨款收支预算总表) with their phase and year in the amount header, the 类 names of older editions
 * when the unit's tree holds the code under today's name, and 三公 tables whose phase is named only
 * by the title, or nowhere (then every amount goes to review, never to a guessed phase).
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { opts, utf8, xlsx } from './helpers';

const quoteOf = (x: { provenance: { kind: string; quote?: string } }) => (x.provenance.kind === 'stated' ? x.provenance.quote : '');

describe('部门收支总表 (budget)', () => {
  const rows = [
    ['表1', null, null, null],
    ['部门收支总表', null, null, null],
    [null, null, null, '单位:万元'],
    ['收 入', null, '支 出', null],
    ['项 目', '2020年预算数', '项 目', '2020年预算数'],
    ['一、一般公共预算拨款收入', 100.5, '一、一般公共服务支出', null],
    ['二、事业单位经营收入', 20, '二、教育支出', 120.5],
    ['本 年 收 入 合 计', 120.5, '本 年 支 出 合 计', 120.5],
    ['八、上年结转', null, '三十、结转下年', null],
    ['收 入 总 计', 120.5, '支 出 总 计', 120.5],
  ];

  it('reads both sides as the year’s initial budget, 拨款 without 财政 and 事业单位经营收入 included, and claims no 公开01表 tag', async () => {
    const r = await importTables(await xlsx([{ name: '表1', rows }]), opts('预算.xlsx', { year: 2020 }));
    expect(r.errors).toEqual([]);
    expect(r.review).toEqual([]);
    const facts = r.file!.facts;
    expect(facts.every((f) => f.phase === '年初预算' && f.year === 2020)).toBe(true);
    expect(facts.map((f) => [f.flow, f.source, f.functional, f.amount])).toEqual(
      expect.arrayContaining([
        ['收入', '一般公共预算财政拨款', null, 100.5],
        ['收入', '经营', null, 20],
        ['支出', null, '205', 120.5],
        ['收入', null, null, 120.5],
        ['支出', null, null, 120.5],
      ]),
    );
    const grand = r.file!.measures.filter((m) => /grand-total/.test(m.role ?? ""));
    expect(grand.map((m) => [m.role, m.phase, m.value])).toEqual(
      expect.arrayContaining([
        ['income.grand-total', '年初预算', 120.5],
        ['spending.grand-total', '年初预算', 120.5],
      ]),
    );
    expect(quoteOf(facts.find((f) => f.functional === '205')!)).toBe('表1 › 部门收支总表 第7行 二、教育支出\u3000支 出 2020年预算数：120.5万元');
  }, 30_000);

  it('a 决算 总表 still quotes its tag', async () => {
    const r = await importTables(
      await xlsx([{ name: 'Sheet1', rows: [['收入支出决算总表', null, null, null], [null, null, null, '单位:万元'], ['项目', '决算数', '项目', '决算数'], ['一、一般公共预算财政拨款收入', 10, '一、教育支出', 10]] }]),
      opts('决算.xlsx', { year: 2021 }),
    );
    expect(r.file!.facts.map(quoteOf)).toEqual(expect.arrayContaining([expect.stringMatching(/^Sheet1 › 公开01表 › 收入支出决算总表 第4行/)]));
  }, 30_000);
});

describe('财政拨款收支预算总表', () => {
  it('reads 一、本年收入 / 一、本年支出 as the totals, the spending side by fund, the empty 政府性基金 cell as nothing', async () => {
    const rows = [
      ['财政拨款收支预算总表', null, null, null, null, null],
      [null, null, null, null, null, '单位:万元'],
      ['收 入', null, '支 出', null, null, null],
      ['项 目', '预算数', '项目(按功能分类)', '预算数', null, null],
      [null, null, null, '小计', '一般公共预算财政拨款支出', '政府性基金预算财政拨款支出'],
      ['一、本年收入', 878.18, '一、本年支出', 878.18, 878.18, null],
      ['(一)一般公共预算财政拨款收入', 878.18, '(一)一般公共服务支出', null, null, null],
    ];
    const r = await importTables(await xlsx([{ name: 'Sheet1', rows }]), opts('财政拨款.xlsx', { year: 2020 }));
    expect(r.errors).toEqual([]);
    expect(r.review).toEqual([]);
    expect(r.file!.facts.map((f) => [f.phase, f.flow, f.source, f.amount])).toEqual([
      ['年初预算', '收入', '财政拨款', 878.18],
      ['年初预算', '支出', '财政拨款', 878.18],
      ['年初预算', '支出', '一般公共预算财政拨款', 878.18],
      ['年初预算', '收入', '一般公共预算财政拨款', 878.18],
    ]);
  }, 30_000);
});

describe('older 类 names', () => {
  it('places 医疗卫生与计划生育支出 (the 210 name before 2018) although the tree calls 210 卫生健康支出', async () => {
    const rows = [
      ['收入支出决算总表', null, null, null, null, null],
      [null, null, null, null, null, '金额单位:万元'],
      ['项目', '行次', '决算数', '项目', '行次', '决算数'],
      ['一、财政拨款收入', 1, 45, '九、医疗卫生与计划生育支出', 43, 45],
    ];
    const r = await importTables(await xlsx([{ name: '01', rows }]), opts('2016.xlsx', { year: 2016 }));
    expect(r.review).toEqual([]);
    expect(r.file!.facts.find((f) => f.flow === '支出')).toMatchObject({ functional: '210', amount: 45 });
  }, 30_000);
});

describe('三公 phase', () => {
  const companion = { name: '支出决算表', rows: [['支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 1]] };
  const wide = (title: string) => ({
    name: '三公',
    rows: [
      [title, null, null, null, null, null],
      [null, null, null, null, null, '单位:万元'],
      ['合计', '因公出国', { value: '公务用车购置及运行维护', columnSpan: 3 }, null, null, '公务接待费'],
      [null, null, '小计', '公务用车购置', '公车运行及维护', null],
      [5834, 100, null, 692, 4612, 430],
    ],
  });

  it('sends every amount to review, with sheet, row and column, when neither the title nor a header names 预算 or 决算', async () => {
    const r = await importTables(await xlsx([wide('2017年渝中区“三公”经费汇总情况表'), companion]), opts('汇总.xlsx', { year: 2017 }));
    expect(r.file!.measures.filter((m) => /sangong/.test(m.role ?? ""))).toEqual([]);
    expect(r.review.map((x) => [x.value, x.where])).toEqual([
      [5834, { sheet: '三公', row: 5, column: 'A' }],
      [100, { sheet: '三公', row: 5, column: 'B' }],
      [692, { sheet: '三公', row: 5, column: 'D' }],
      [4612, { sheet: '三公', row: 5, column: 'E' }],
      [430, { sheet: '三公', row: 5, column: 'F' }],
    ]);
    expect(r.review[0].reason).toMatch(/表名和表头都没有写明是预算数还是决算数/);
  }, 30_000);

  it.each([
    ['2017年渝中区“三公”经费预算汇总表', '年初预算'],
    ['2017年渝中区“三公”经费决算汇总表', '决算'],
  ])('takes the phase from the title when the headers name none (%s)', async (title, phase) => {
    const r = await importTables(await xlsx([wide(title), companion]), opts('汇总.xlsx', { year: 2017 }));
    expect(r.review).toEqual([]);
    const total = r.file!.measures.find((m) => m.role === 'sangong.total')!;
    expect([total.value, total.phase ?? '决算']).toEqual([5834, phase]);
  }, 30_000);

  it('a 其中 column naming no phase is part of the figure to its left, of that figure’s phase', async () => {
    const rows = [['2015年部门“三公”经费情况统计表', null, null], [null, '单位:万元', null], ['项 目', '本年预算数', '其中:公共预算财政拨款'], ['合 计', 34.35, 30], ['2.公务接待费', 1.7, 1.7]];
    const r = await importTables(await xlsx([{ name: '三公', rows }, companion]), opts('三公.xlsx', { year: 2015 }));
    expect(r.review).toEqual([]);
    expect(r.file!.measures.filter((m) => m.role === 'sangong.total').map((m) => [m.phase, m.value])).toEqual([['年初预算', 34.35]]);
    expect(r.file!.measures.filter((m) => m.role === null || m.role === undefined).map((m) => [m.phase, m.value, m.label])).toEqual([
      ['年初预算', 30, expect.stringContaining('公共预算财政拨款')],
      ['年初预算', 1.7, expect.stringContaining('公共预算财政拨款')],
    ]);
  }, 30_000);

  it('a header naming the phase wins over the title (预算数 under a 决算 title is a budget)', async () => {
    const rows = [['“三公”经费支出决算表', null, null], [null, null, '单位:万元'], ['项目', '预算数', '决算数'], ['合计', 22, 8.77]];
    const r = await importTables(await xlsx([{ name: '07', rows }, companion]), opts('07.xlsx', { year: 2017 }));
    expect(r.file!.measures.filter((m) => m.role === 'sangong.total').map((m) => [m.phase ?? '决算', m.value])).toEqual([
      ['年初预算', 22],
      ['决算', 8.77],
    ]);
  }, 30_000);
});

describe('CSV header groups (no merge records)', () => {
  it('a sub-header does not spread past the column where a higher header starts another group', async () => {
    const csv = [
      '2017年度一般公共预算财政拨款“三公”经费支出决算表,,,,,,,,,',
      '单位:万元,,,,,,,,,',
      '合计,,公务用车购置及运行费,,,,,,公务接待费,',
      ',,小计,,公务用车购置费,,公务用车运行费,,,',
      '预算数,决算数,预算数,决算数,预算数,决算数,预算数,决算数,预算数,决算数',
      '22.00,8.77,14.00,8.47,,,14.00,8.47,8.00,0.30',
    ].join('\r\n');
    const r = await importTables(utf8(csv), opts('07.csv', { year: 2017 }));
    const of = (role: string) => r.file!.measures.filter((x) => x.role === role).map((x) => [x.phase ?? '决算', x.value]);
    expect(r.review).toEqual([]);
    expect(of('sangong.item:公务接待')).toEqual([
      ['年初预算', 8],
      ['决算', 0.3],
    ]);
    expect(of('sangong.item:公务用车运行维护')).toEqual([
      ['年初预算', 14],
      ['决算', 8.47],
    ]);
  }, 30_000);
});
