/**
 * A table printed over two pages of one sheet (the title and header repeated after the page break,
 * marked 续 or not) is read whole, a row printed on both pages going to review as a duplicate; and
 * a 单位 line naming 人民币 ("单位：人民币元") still gives the money unit.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { unitIn } from '../../../../src/import/tables/text';
import { opts, xlsx } from './helpers';

const head = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

describe('a table over two pages of one sheet', () => {
  it.each([['（续）'], ['']])('title repeated with "%s": both pages read', async (mark) => {
    const rows = [
      ['2022年度一般公共预算财政拨款支出决算表'],
      ['单位：万元'],
      head,
      ['合计', null, 50, 40, 10],
      ['2010301', '行政运行', 20, 20, null],
      [],
      ['第 1 页'],
      [`2022年度一般公共预算财政拨款支出决算表${mark}`],
      ['单位：万元'],
      head,
      ['2080505', '机关事业单位基本养老保险缴费支出', 30, 20, 10],
    ];
    const r = await importTables(await xlsx([{ name: 'S', rows }]), opts('p.xlsx', { year: 2022 }));
    expect(r.review).toEqual([]);
    expect(r.file!.facts.filter((f) => f.functional && f.basis === null).map((f) => [f.functional, f.amount])).toEqual([
      ['2010301', 20],
      ['2080505', 30],
    ]);
    expect(r.file!.facts.find((f) => f.functional === '2080505' && f.basis === null)!.provenance).toMatchObject({ quote: expect.stringContaining('第11行') });
  });

  it('a row printed on both pages goes to review, once', async () => {
    const rows = [
      ['2022年度一般公共预算财政拨款支出决算表'],
      ['单位：万元'],
      head,
      ['2010301', '行政运行', 20, 20, null],
      ['2022年度一般公共预算财政拨款支出决算表（续）'],
      head,
      ['2010301', '行政运行', 20, 20, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 30, 20, 10],
    ];
    const r = await importTables(await xlsx([{ name: 'S', rows }]), opts('p.xlsx', { year: 2022 }));
    expect(r.review.map((x) => [x.where?.row, x.value])).toEqual([
      [7, 20],
      [7, 20],
    ]);
    expect(r.review[0].reason).toMatch(/重复行/);
    expect(r.file!.facts.filter((f) => f.functional === '2080505')).toHaveLength(3);
  });
});

describe('money unit lines', () => {
  it.each([
    ['单位：人民币元', '元'],
    ['单位：人民币万元', '万元'],
    ['单位（万元）', '万元'],
    ['金额单位：千元', '千元'],
    ['单位:元/人', null],
  ])('%s → %s', (text, unit) => expect(unitIn(text)?.unit ?? null).toBe(unit));

  it('a 单位：人民币元 table is read in 元', async () => {
    const rows = [['2022年度一般公共预算财政拨款支出决算表'], ['单位：人民币元'], ['科目编码', '科目名称', '合计'], ['2010301', '行政运行', 200000]];
    const r = await importTables(await xlsx([{ name: 'S', rows }]), opts('p.xlsx', { year: 2022 }));
    expect(r.file!.facts.map((f) => f.amount)).toEqual([20]);
  });
});
