/**
 * The tables importer on the ways real 决算 tables differ from the template: where the header
 * sits, merged or unmerged header cells, codes in one or split columns, 元 headers, separators,
 * full-width digits, empty and 栏次 rows, subtotals, renamed sheets, CSV in UTF-8 and GBK.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import type { Fact } from '../../../../src/model/types';
import { opts, utf8, xlsx } from './helpers';

const cell = (facts: Fact[] | undefined, q: Partial<Fact>) =>
  facts?.filter((f) => Object.entries(q).every(([k, v]) => (f as never)[k] === v));
const amount = (facts: Fact[] | undefined, q: Partial<Fact>) => {
  const xs = cell(facts, q) ?? [];
  expect(xs, JSON.stringify(q)).toHaveLength(1);
  return xs[0].amount;
};
const spendQ = (functional: string | null, basis: Fact['basis'] = null): Partial<Fact> => ({ flow: '支出', source: null, functional, basis, economic: null });

describe('支出决算表 variations', () => {
  it('finds a header below cover lines, reads merged headers, codes in one column, 合计 and 类 rows as their own cells', async () => {
    const bytes = await xlsx([
      {
        name: '表3',
        rows: [
          [null, null, null, null, null],
          ['公开03表', null, null, null, null],
          [{ value: '测试单位2022年度支出决算表', columnSpan: 5 }, null, null, null, null],
          ['编制单位：测试单位', null, null, null, '单位：万元'],
          [{ value: '项目', columnSpan: 2 }, null, { value: '本年支出合计', rowSpan: 2 }, { value: '基本支出', rowSpan: 2 }, { value: '项目支出', rowSpan: 2 }],
          ['科目编码', '科目名称', null, null, null],
          ['栏次', null, 1, 2, 3],
          [{ value: '合计', columnSpan: 2 }, null, 223.3, 190.3, 33],
          [null, null, null, null, null],
          ['201', '一般公共服务支出', 220.47, 187.17, 33.3],
          ['20103', '政府办公厅（室）及相关机构事务', 220.47, 187.17, 33.3],
          ['2010301', '行政运行', 187.17, 187.17, null],
          ['2010302', '一般行政管理事务', 33.3, null, 33.3],
          ['注：本表反映部门本年度各项支出情况。', null, null, null, null],
        ],
      },
    ]);
    const r = await importTables(bytes, opts('t.xlsx'));
    expect(r.errors).toEqual([]);
    const f = r.file!.facts;
    expect(r.file!.reportYear).toBe(2022);
    expect(amount(f, spendQ(null))).toBe(223.3);
    expect(amount(f, spendQ(null, '基本支出'))).toBe(190.3);
    expect(amount(f, spendQ('201'))).toBe(220.47);
    expect(amount(f, spendQ('2010301', '基本支出'))).toBe(187.17);
    expect(amount(f, spendQ('2010302', '项目支出'))).toBe(33.3);
    // 栏次 numbers are no amounts; empty cells are no facts.
    expect(cell(f, spendQ('2010301', '项目支出'))).toEqual([]);
    expect(f).toHaveLength(13);
    const q = f.find((x) => x.functional === '2010301' && x.basis === '基本支出')!.provenance;
    expect(q).toEqual({ kind: 'stated', quote: '表3 › 公开03表 › 测试单位2022年度支出决算表 第12行 2010301 行政运行\u3000基本支出：187.17万元', section: '测试单位2022年度支出决算表' });
    expect(r.sourceText).toContain('表3 › 公开03表 › 测试单位2022年度支出决算表 第12行 2010301 行政运行\u3000基本支出：187.17万元');
    expect(r.review).toEqual([]);
  });

  it('converts a 单位：元 table to 万元 and says so in the quote; reads separators, text numbers and full-width digits', async () => {
    const bytes = await xlsx([
      {
        name: 'Sheet1',
        rows: [
          ['2022年支出决算表'],
          [null, null, null, null, '单位：元'],
          ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
          ['合计', null, '2,232,900.00', '２，２３２，９００．００', '0'],
          ['2010301', '行政运行', 1871700, '1871700', '-'],
          ['2210201', '住房公积金', '361,200', '361,200.00', '—'],
        ],
      },
    ]);
    const r = await importTables(bytes, opts('t.xlsx'));
    expect(r.errors).toEqual([]);
    const f = r.file!.facts;
    expect(amount(f, spendQ(null))).toBe(223.29);
    expect(amount(f, spendQ(null, '基本支出'))).toBe(223.29);
    expect(amount(f, spendQ(null, '项目支出'))).toBe(0);
    expect(amount(f, spendQ('2010301'))).toBe(187.17);
    expect(amount(f, spendQ('2210201', '基本支出'))).toBe(36.12);
    const quote = f.find((x) => x.functional === '2210201' && x.basis === null)!.provenance;
    expect(quote.kind === 'stated' && quote.quote).toBe('Sheet1 › 公开03表 › 2022年支出决算表 第6行 2210201 住房公积金\u3000本年支出合计：361,200元（折合36.12万元）');
    // "-" and "—" mean no amount.
    expect(cell(f, spendQ('2210201', '项目支出'))).toEqual([]);
  });

  it('reads 类/款/项 split columns (a 款 row may leave 类 blank) and names without codes through the tree and its aliases', async () => {
    const bytes = await xlsx([
      {
        name: '一般公共预算财政拨款支出决算表',
        rows: [
          ['一般公共预算财政拨款支出决算表（2022年度）'],
          ['功能分类科目编码', null, null, '科目名称', '本年支出', null, null],
          ['类', '款', '项', null, '合计', '基本支出', '项目支出'],
          ['208', null, null, '社会保障和就业支出', 20.46, 20.46, null],
          [null, '05', null, '行政事业单位养老支出', 16.92, 16.92, null],
          [null, '5', '5', '机关事业单位基本养老保险缴费', 16.92, 16.92, null],
          ['210', null, null, '卫生健康支出', 6.31, 6.31, null],
          [null, null, null, '  行政事业单位医疗', 6.31, 6.31, null],
          [null, null, null, '    事业单位医疗补助', 5.12, 5.12, null],
          [null, null, null, '农林水支出', 1, null, 1],
        ],
      },
    ]);
    const r = await importTables(bytes, opts('t.xlsx'));
    expect(r.errors).toEqual([]);
    const f = r.file!.facts;
    const gpb = (functional: string, basis: Fact['basis'] = null) => amount(f, { flow: '支出', source: '一般公共预算财政拨款', functional, basis });
    expect(gpb('208')).toBe(20.46);
    expect(gpb('20805')).toBe(16.92);
    expect(gpb('2080505', '基本支出')).toBe(16.92);
    expect(gpb('21011')).toBe(6.31);
    // 事业单位医疗补助 is an alias of 2101102 事业单位医疗 in the shipped tree.
    expect(gpb('2101102', '基本支出')).toBe(5.12);
    // 213 is no code of the shipped tree: found by its standard 类 name and added with it.
    expect(gpb('213', '项目支出')).toBe(1);
    expect(r.newCodes!.functional).toEqual([{ code: '213', name: '农林水支出', parent: null, level: 1 }]);
  });

  it('lists unknown codes with their printed names, and rows it cannot place for review with the cell', async () => {
    const bytes = await xlsx([
      {
        name: 'S',
        rows: [
          ['支出决算表'],
          ['科目编码', '科目名称', '本年支出合计'],
          ['212', '城乡社区支出', 10],
          ['21201', '城乡社区管理事务', 10],
          ['2120101', '行政运行', 8],
          [null, '某个不存在的科目', 2],
        ],
      },
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2022 }));
    expect(r.errors).toEqual([]);
    expect(r.newCodes!.functional.map((n) => [n.code, n.name, n.parent])).toEqual([
      ['212', '城乡社区支出', null],
      ['21201', '城乡社区管理事务', '212'],
      ['2120101', '行政运行', '21201'],
    ]);
    expect(r.review).toHaveLength(1);
    expect(r.review[0]).toMatchObject({ text: '2', where: { sheet: 'S', row: 6, column: 'C' } });
    expect(r.review[0].reason).toContain('某个不存在的科目');
  });

  it('identifies sheets by their printed title whatever the tab is called, and the longest title wins', async () => {
    const bytes = await xlsx([
      { name: 'Sheet3', rows: [['财政拨款收入支出决算总表'], ['收入', null, '支出', null, null, null, null], ['项目', '金额', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], ['一、一般公共预算财政拨款', 100, '一、一般公共服务支出', 90, 90, 0, 0], ['二、政府性基金预算财政拨款', 0, null, null, null, null, null], ['本年收入合计', 100, '本年支出合计', 90, 90, 0, 0], ['年初财政拨款结转和结余', 5, '年末财政拨款结转和结余', 15, 15, 0, 0], ['一般公共预算财政拨款', 5, null, null, null, null, null], ['总计', 105, '总计', 105, 105, 0, 0]] },
      { name: '支出决算表', rows: [['2022年收入支出决算总表'], ['项目', '决算数', '项目', '决算数'], ['一、一般公共预算财政拨款收入', 100, '一、一般公共服务支出', 90], ['八、其他收入', 3, null, null], ['本年收入合计', 103, '本年支出合计', 90], ['年初结转和结余', 5, '年末结转和结余', 18], ['总计', 108, '总计', 108]] },
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2022 }));
    expect(r.errors).toEqual([]);
    const f = r.file!.facts;
    // Sheet3 is the 财政拨款 total table: its 本年收入合计 is 财政拨款, its carry-in rows name sources.
    expect(amount(f, { flow: '收入', source: '财政拨款', functional: null })).toBe(100);
    expect(amount(f, { flow: '年初结转和结余', source: '一般公共预算财政拨款' })).toBe(5);
    expect(amount(f, { flow: '支出', source: '一般公共预算财政拨款', functional: '201' })).toBe(90);
    expect(amount(f, { flow: '年末结转和结余', source: '财政拨款' })).toBe(15);
    // The tab named 支出决算表 prints the 收入支出决算总表 title: that is what it is.
    expect(amount(f, { flow: '收入', source: null, functional: null })).toBe(103);
    expect(amount(f, { flow: '收入', source: '其他' })).toBe(3);
    expect(amount(f, { flow: '年末结转和结余', source: null })).toBe(18);
    const own = r.file!.measures.filter((m) => !m.recompute);
    expect(own.map((m) => [m.role, m.value])).toEqual([['income.grand-total', 108], ['spending.grand-total', 108], ['fiscal.income-total', 105], ['fiscal.spending-total', 105]]);
    // 一般公共预算 income is printed in both tables: one fact, and the other table's printing a
    // measure of the same role checked against it, never merged away.
    expect(cell(f, { flow: '收入', source: '一般公共预算财政拨款' })).toHaveLength(1);
    const gpb = cell(f, { flow: '收入', source: '一般公共预算财政拨款' })![0]!;
    const again = r.file!.measures.filter((m) => m.recompute && m.role);
    expect(again.map((m) => [m.role, m.value, m.recompute])).toEqual([['income.source:一般公共预算财政拨款', 100, { op: 'sum', args: [gpb!.id] }]]);
    // The 总计 of each appropriation column has no role: it is kept as a figure that must equal its
    // column's 本年支出合计 + 年末结转和结余, never dropped.
    const idOf = (q: Parameters<typeof cell>[1]) => cell(f, q)![0]!.id;
    const sums = r.file!.measures.filter((m) => m.recompute && !m.role);
    expect(sums.map((m) => [m.value, m.recompute])).toEqual([
      [105, { op: 'sum', args: [idOf({ flow: '支出', source: '一般公共预算财政拨款', functional: null }), idOf({ flow: '年末结转和结余', source: '一般公共预算财政拨款' })] }],
      [0, { op: 'sum', args: [idOf({ flow: '支出', source: '政府性基金预算财政拨款', functional: null }), idOf({ flow: '年末结转和结余', source: '政府性基金预算财政拨款' })] }],
      [0, { op: 'sum', args: [idOf({ flow: '支出', source: '国有资本经营预算财政拨款', functional: null }), idOf({ flow: '年末结转和结余', source: '国有资本经营预算财政拨款' })] }],
    ]);
    expect(sums[0].label).toContain('第9行 总计 支出/一般公共预算财政拨款');
  });

  it('reads the 三公 table across (merged 预算数/决算数 headers) and the 基本支出 panels', async () => {
    const bytes = await xlsx([
      {
        name: '三公',
        rows: [
          ['一般公共预算财政拨款"三公"经费支出决算表'],
          [{ value: '预算数', columnSpan: 6 }, null, null, null, null, null, { value: '决算数', columnSpan: 6 }, null, null, null, null, null],
          ...[0].map(() => {
            const g: (string | null | { value: string; columnSpan?: number; rowSpan?: number })[] = [];
            for (let i = 0; i < 2; i++) g.push({ value: '合计', rowSpan: 2 }, { value: '因公出国（境）费', rowSpan: 2 }, { value: '公务用车购置及运行维护费', columnSpan: 3 }, null, null, { value: '公务接待费', rowSpan: 2 });
            return g;
          }),
          [null, null, '小计', '公务用车购置费', '公务用车运行维护费', null, null, null, '小计', '公务用车购置费', '公务用车运行维护费', null],
          [6, 0, 4, 0, 4, 2, 5.74, 0, 4, 0, 4, 1.74],
        ],
      },
      {
        name: '基本',
        rows: [
          ['一般公共预算财政拨款基本支出决算明细表'],
          [{ value: '人员经费', columnSpan: 3 }, null, null, { value: '公用经费', columnSpan: 3 }, null, null],
          ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
          ['301', '工资福利支出', 157.25, '302', '商品和服务支出', 29.92],
          [{ value: '人员经费合计', columnSpan: 2 }, null, 157.25, { value: '公用经费合计', columnSpan: 2 }, null, 29.92],
        ],
      },
    ]);
    const r = await importTables(bytes, opts('t.xlsx', { year: 2022 }));
    expect(r.errors).toEqual([]);
    const m = r.file!.measures.map((x) => [x.role, x.phase ?? '决算', x.value]);
    expect(m).toEqual(
      expect.arrayContaining([
        ['sangong.total', '年初预算', 6],
        ['sangong.item:公务用车购置及运行维护', '年初预算', 4],
        ['sangong.item:公务接待', '年初预算', 2],
        ['sangong.total', '决算', 5.74],
        ['sangong.item:公务用车运行维护', '决算', 4],
        ['sangong.item:公务接待', '决算', 1.74],
      ]),
    );
    expect(m).toEqual(expect.arrayContaining([['basic.personnel', '决算', 157.25], ['basic.public', '决算', 29.92]]));
    expect(m).toHaveLength(14);
    const total = r.file!.measures.find((x) => x.role === 'sangong.total' && !x.phase)!;
    const items = r.file!.measures.filter((x) => x.parent === total.id);
    expect(items.map((x) => x.role).sort()).toEqual(['sangong.item:公务接待', 'sangong.item:公务用车购置及运行维护', 'sangong.item:因公出国（境）']);
    expect(items.every((x) => x.sumsToParent)).toBe(true);
    const f = r.file!.facts;
    expect(amount(f, { source: '一般公共预算财政拨款', basis: '基本支出', economic: '301' })).toBe(157.25);
    expect(amount(f, { source: '一般公共预算财政拨款', basis: '基本支出', economic: '302' })).toBe(29.92);
    expect(r.review).toEqual([]);
  });

  it('reads the 绩效自评基础数据表 blocks', async () => {
    const bytes = await xlsx([
      {
        name: '附件3',
        rows: [
          ['部门整体支出绩效评价基础数据表'],
          ['填报单位：测试单位', null, null, '单位：万元'],
          ['财政供养人员情况', '编制数', '2022年实际在职人数', '控制率'],
          [null, 143, 136, '95.10%'],
          ['经费控制情况', '2021年决算数', '2022年预算数', '2022年决算数'],
          ['“三公”经费', 29.08, 63.46, 44.29],
          ['1、公务用车购置和维护经费', 11.86, 41.46, 39.3],
          ['其中：公车购置', null, 29.46, 29.46],
          ['公车运行维护', 11.86, 12, 9.84],
          ['2、出国经费', null, null, null],
          ['3、公务接待', 17.22, 22, 4.99],
          ['项目支出：', 938.8, 320, 689.16],
          ['会议费、培训费', 0, 0.8, 0],
          ['政府采购金额', 16.14, 30.66, 30.66],
        ],
      },
    ]);
    const r = await importTables(bytes, opts('t.xlsx'));
    expect(r.errors).toEqual([]);
    const m = r.file!.measures.map((x) => [x.role, x.year, x.phase ?? '决算', x.value, x.unit]);
    expect(m).toEqual(
      expect.arrayContaining([
        ['staff.quota', 2022, '决算', 143, '人'],
        ['staff.in-post', 2022, '决算', 136, '人'],
        ['staff.control-rate', 2022, '决算', 95.1, '%'],
        ['sangong.total', 2021, '决算', 29.08, '万元'],
        ['sangong.total', 2022, '年初预算', 63.46, '万元'],
        ['sangong.item:公务用车购置', 2022, '决算', 29.46, '万元'],
        ['sangong.item:公务接待', 2022, '决算', 4.99, '万元'],
        ['procurement.total', 2022, '年初预算', 30.66, '万元'],
      ]),
    );
    expect(amount(r.file!.facts, { year: 2021, phase: '决算', basis: '项目支出' })).toBe(938.8);
    expect(amount(r.file!.facts, { year: 2022, phase: '年初预算', basis: '项目支出' })).toBe(320);
    // 会议费、培训费 together has no role: three numbers to review.
    expect(r.review.filter((x) => x.context.includes('会议费、培训费'))).toHaveLength(3);
    expect(r.file!.source.kind).toBe('部门整体支出绩效自评');
  });
});

describe('CSV', () => {
  const csv = '2022年度支出决算表\r\n单位：元\r\n项目,,本年支出合计,基本支出,项目支出\r\n科目编码,科目名称,,,\r\n合计,,"2,232,900.00","2,232,900.00",0\r\n2010301,行政运行,"1,871,700.00","1,871,700.00",\r\n2210201,住房公积金,"361,200.00","361,200.00",\r\n';
  const gbk = Uint8Array.from(atob('MjAyMsTqtsjWp7P2vvbL47HtDQq1pc67o7rUqg0Kz+7Evywssb7E6tans/a6z7zGLLv5sb7Wp7P2LM/uxL/Wp7P2DQq/xsS/seDC6yy/xsS/w/uzxiwsLA0Kus+8xiwsIjIsMjMyLDkwMC4wMCIsIjIsMjMyLDkwMC4wMCIsMA0KMjAxMDMwMSzQ0NX+1MvQ0CwiMSw4NzEsNzAwLjAwIiwiMSw4NzEsNzAwLjAwIiwNCjIyMTAyMDEs16G3v7mru/298CwiMzYxLDIwMC4wMCIsIjM2MSwyMDAuMDAiLA0K'), (c) => c.charCodeAt(0));

  it('reads a UTF-8 CSV with unmerged group headers (the group header spans the empty cells beside it)', async () => {
    const r = await importTables(utf8('\uFEFF' + csv), opts('zhichu.csv'));
    expect(r.errors).toEqual([]);
    expect(amount(r.file!.facts, spendQ('2010301', '基本支出'))).toBe(187.17);
    expect(r.file!.facts.find((f) => f.functional === '2010301')!.label).toBe('行政运行');
  });

  it('detects GBK: the same figures and names as the UTF-8 file, no replacement characters', async () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const a = await importTables(gbk, opts('zhichu.csv'));
    const b = await importTables(utf8(csv), opts('zhichu.csv'));
    expect(a.errors).toEqual([]);
    expect(a.file!.facts).toEqual(b.file!.facts);
    expect(a.sourceText).not.toContain('\uFFFD');
  });
});
