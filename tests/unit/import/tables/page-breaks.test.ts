/**
 * A table printed over two pages of one sheet (the title and header repeated after the page break,
 * marked 续 or not) is read whole, a row printed on both pages going to review as a duplicate; a
 * 单位 line naming 人民币 ("单位：人民币元") still gives the money unit, and a table printing none is
 * in the unit the file's other tables print (万元 only when they print none, or disagree).
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

describe('a table without a unit line', () => {
  const spending = (unit: string | null, amount: number) => ({
    name: '支出决算表',
    rows: [['2022年度支出决算表'], ...(unit ? [[unit]] : []), ['科目编码', '科目名称', '本年支出合计', '基本支出'], ['2010301', '行政运行', amount, amount]],
  });
  const gpb = (unit: string | null, amount: number) => ({
    name: '一般公共预算',
    rows: [['2022年度一般公共预算财政拨款支出决算表'], ...(unit ? [[unit]] : []), ['科目编码', '科目名称', '合计'], ['2010301', '行政运行', amount]],
  });
  const read = async (sheets: { name: string; rows: unknown[][] }[]) => {
    const r = await importTables(await xlsx(sheets as never), opts('u.xlsx', { year: 2022 }));
    const f = [...r.file!.facts, ...r.file!.measures.map((m) => ({ ...m, amount: m.value }))].find((x) => 'provenance' in x && JSON.stringify(x.provenance).includes('一般公共预算财政拨款支出决算表'))!;
    return [f.amount, (f.provenance as { quote: string }).quote.replace(/^.*：/, '')];
  };

  it('is in the unit the other tables print, and says so', async () => {
    expect(await read([spending('单位：元', 200000), gpb(null, 200000)])).toEqual([20, '200000（表中未注明单位，按同一文件其他表注明的元，折合20万元）']);
  });
  it('is in 万元 when no table prints a unit, and says so', async () => {
    expect(await read([spending(null, 20), gpb(null, 20)])).toEqual([20, '20（表中未注明单位，按万元）']);
  });
  it('is in 万元 when the other tables disagree, and says so', async () => {
    const other = { name: '三公', rows: [['2022年度一般公共预算财政拨款“三公”经费支出决算表'], ['单位：万元'], ['项目', '决算数'], ['合计', 1]] };
    expect(await read([spending('单位：元', 200000), other, gpb(null, 20)])).toEqual([20, '20（表中未注明单位，按万元）']);
  });
});
