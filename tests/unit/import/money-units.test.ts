/**
 * Every money unit a report prints, converted to 万元 by each importer: a report text in 元, 千元 or
 * 亿元 gives the same facts as in 万元; a 决算 table in 元, 万元 or 亿元 likewise. The tables'
 * alias 一般公共预算支出决算表 is the 一般公共预算财政拨款 spending table.
 */
import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/model/types';
import { importFile } from '../../../src/import/index';
import { SMALL_REPORT, options } from './helpers';
import { opts } from './tables/helpers';

const FACTORS = { 元: 1e4, 千元: 10, 万元: 1, 亿元: 1e-4 } as const;
type Money = keyof typeof FACTORS;
const printed = (x: number) => Number(x.toPrecision(12)).toString();

/** `text` with every 万元 amount (lists "120.5,120.5万元" included) printed in `unit` instead. */
function inUnit(text: string, unit: Money): string {
  return text.replace(/(\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)*)万元/g, (_m, list: string) => `${list.split(',').map((n) => printed(Number(n) * FACTORS[unit])).join(',')}${unit}`);
}
const cells = (facts: Fact[]) => facts.map((f) => [f.year, f.phase, f.flow, f.source, f.basis, f.functional, f.economic, f.amount]);

describe('report text', () => {
  it.each(['元', '千元', '亿元'] as const)('amounts in %s become the same 万元 facts', async (unit) => {
    const base = await importFile(new TextEncoder().encode(SMALL_REPORT), options({ fileName: 'r.txt' }));
    const text = inUnit(SMALL_REPORT, unit);
    expect(text).not.toContain('万元');
    expect(text).toContain(unit);
    const r = await importFile(new TextEncoder().encode(text), options({ fileName: 'r.txt' }));
    expect(r.errors).toEqual([]);
    expect(cells(r.file!.facts)).toEqual(cells(base.file!.facts));
    expect(r.file!.facts.find((f) => f.flow === '收入' && f.source === null)!.amount).toBe(120.5);
    expect(r.file!.facts.find((f) => f.basis === '基本支出')!.amount).toBe(80.5);
  });

  it('a 千元 amount is a tenth of 万元, a 亿元 amount ten thousand 万元', async () => {
    const one = (s: string) => SMALL_REPORT.replace('基本支出80.5万元', `基本支出${s}`);
    const k = await importFile(new TextEncoder().encode(one('805千元')), options({ fileName: 'r.txt' }));
    expect(k.file!.facts.find((f) => f.basis === '基本支出')!.amount).toBe(80.5);
    const y = await importFile(new TextEncoder().encode(one('0.00805亿元')), options({ fileName: 'r.txt' }));
    expect(y.file!.facts.find((f) => f.basis === '基本支出')!.amount).toBe(80.5);
  });
});

describe('决算 tables', () => {
  const csv = (title: string, unit: Money, a: [string, string, string]) =>
    `2022年度${title}\r\n单位：${unit}\r\n项目,,本年支出合计,基本支出,项目支出\r\n科目编码,科目名称,,,\r\n合计,,${a[0]},${a[0]},0\r\n2010301,行政运行,${a[1]},${a[1]},\r\n2210201,住房公积金,${a[2]},${a[2]},\r\n`;
  const wan: [number, number, number] = [223.29, 187.17, 36.12];
  const read = (title: string, unit: Money) => importFile(new TextEncoder().encode(csv(title, unit, wan.map((x) => printed(x * FACTORS[unit])) as [string, string, string])), opts('biao.csv'));

  it.each(['元', '亿元'] as const)('a table in %s gives the 万元 figures of the same table in 万元', async (unit) => {
    const base = await read('支出决算表', '万元');
    const r = await read('支出决算表', unit);
    expect(r.errors).toEqual([]);
    expect(cells(r.file!.facts)).toEqual(cells(base.file!.facts));
    expect(r.file!.facts.filter((f) => f.functional === '2010301').map((f) => f.amount)).toEqual([187.17, 187.17]);
    expect(r.file!.facts.find((f) => f.functional === null && f.basis === null)!.amount).toBe(223.29);
  });

  it('the unit line decides: the same numbers under 亿元 are ten thousand times those under 万元', async () => {
    const nums: [string, string, string] = ['2.5', '2', '0.5'];
    const w = await importFile(new TextEncoder().encode(csv('支出决算表', '万元', nums)), opts('biao.csv'));
    const y = await importFile(new TextEncoder().encode(csv('支出决算表', '亿元', nums)), opts('biao.csv'));
    const total = (r: typeof w) => r.file!.facts.find((f) => f.functional === null && f.basis === null)!.amount;
    expect(total(w)).toBe(2.5);
    expect(total(y)).toBe(25000);
  });

  it('一般公共预算支出决算表 is the 一般公共预算财政拨款 spending table (公开05表)', async () => {
    const plain = await read('支出决算表', '万元');
    const r = await read('一般公共预算支出决算表', '万元');
    expect(r.errors).toEqual([]);
    expect(plain.file!.facts.every((f) => f.source === null)).toBe(true);
    expect(r.file!.facts.length).toBe(plain.file!.facts.length);
    expect(r.file!.facts.every((f) => f.source === '一般公共预算财政拨款')).toBe(true);
    expect(r.file!.facts.map((f) => f.amount)).toEqual(plain.file!.facts.map((f) => f.amount));
  });
});
