/**
 * Layouts beyond one table a sheet: a table continued on the next sheet (its header repeated, or
 * the rows going on at once, or its title marked 续) is joined, each cell quoting its own sheet and
 * row; a sheet that continues nothing is listed, saying why. A "其中" column beside its total is a
 * part of the row's figure, not a second printing of it. A header whose 合计 sits under a group
 * header, right of the empty label cells, stays header.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { reconcile } from '../../../../src/domain/rules';
import { opts, trees, xlsx } from './helpers';

type Row = (string | number | null)[];
const title: Row[] = [['2022年度一般公共预算财政拨款支出决算表'], ['公开05表', null, null, null, '单位：万元']];
const header: Row[] = [
  ['科目编码', '科目名称', '本年支出', null, null],
  [null, null, '合计', '基本支出', '项目支出'],
];
const first: Row[] = [
  ['合计', null, 300, 200, 100],
  ['201', '一般公共服务支出', 150, 100, 50],
  ['20103', '政府办公厅（室）及相关机构事务', 150, 100, 50],
];
const rest: Row[] = [
  ['2010301', '行政运行', 100, 100, null],
  ['2010302', '一般行政管理事务', 50, null, 50],
  ['208', '社会保障和就业支出', 150, 100, 50],
];
const gpb = (r: { functional: string | null; basis: string | null; amount: number; source: string | null; provenance: { kind: string } }[]) =>
  r.filter((f) => f.source === '一般公共预算财政拨款').map((f) => [f.functional, f.basis, f.amount]);

describe('a table over two sheets', () => {
  it('rows going on at once on the next sheet are read with the first sheet’s header, quoting their own sheet and row', async () => {
    const r = await importTables(await xlsx([{ name: '表5', rows: [...title, ...header, ...first] }, { name: '表5（2）', rows: rest }]), opts('two.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.review).toEqual([]);
    const f = r.file!.facts;
    expect(gpb(f as never)).toEqual(expect.arrayContaining([['2010301', '基本支出', 100], ['2010302', '项目支出', 50], ['208', null, 150]]));
    const q = f.find((x) => x.functional === '2010301' && x.basis === '基本支出')!.provenance;
    expect(q.kind === 'stated' && q.quote).toBe('表5（2） › 公开05表 › 2022年度一般公共预算财政拨款支出决算表 第1行 2010301 行政运行\u3000本年支出 基本支出：100万元');
    // 类 = Σ款 = Σ项 across the two sheets.
    const levels = reconcile({ ...r.file!, measures: [], indicators: [] }, trees).filter((x) => x.rule === 'table-levels');
    expect(levels.every((x) => x.status === 'pass')).toBe(true);
  }, 30_000);

  it('a repeated header on the next sheet, or the title marked 续, joins the same way', async () => {
    for (const second of [[...header, ...rest], [['一般公共预算财政拨款支出决算表（续）'], ...header, ...rest]]) {
      const r = await importTables(await xlsx([{ name: '表5', rows: [...title, ...header, ...first] }, { name: 'Sheet2', rows: second }]), opts('two.xlsx'));
      expect(r.errors).toEqual([]);
      expect(r.review).toEqual([]);
      expect(gpb(r.file!.facts as never)).toHaveLength(16);
    }
  }, 30_000);

  it('a sheet without a title whose rows do not fit is listed for review, saying it continues nothing', async () => {
    const r = await importTables(await xlsx([{ name: '表5', rows: [...title, ...header, ...first] }, { name: '附表', rows: [['人数', '金额'], ['10', 5]] }]), opts('two.xlsx'));
    expect(r.review.map((x) => [x.where, x.reason])).toEqual([[{ sheet: '附表' }, expect.stringContaining('也不像是前一工作表“表5”上一般公共预算财政拨款支出决算表的续页')]]);
    expect(gpb(r.file!.facts as never)).toHaveLength(9);
  }, 30_000);
});

describe('columns and headers', () => {
  it('a 合计 under 本年支出 (right of the empty 科目 cells) is a column header, not a 合计 row', async () => {
    const r = await importTables(await xlsx([{ name: '表5', rows: [...title, ...header, ...first] }]), opts('one.xlsx'));
    expect(r.review).toEqual([]);
    expect(gpb(r.file!.facts as never)).toEqual([[null, null, 300], [null, '基本支出', 200], [null, '项目支出', 100], ['201', null, 150], ['201', '基本支出', 100], ['201', '项目支出', 50], ['20103', null, 150], ['20103', '基本支出', 100], ['20103', '项目支出', 50]]);
  }, 30_000);

  it('a 其中 column is a part of its row’s figure: its own record under it, never checked as equal to it', async () => {
    const sangong: Row[] = [
      ['2022年度“三公”经费预算表'],
      ['单位：万元'],
      ['项目', '2022年预算数', null],
      [null, '小计', '其中:一般公共预算安排数'],
      ['“三公”经费合计', 21.63, 20],
      ['公务接待费', 14.83, 13.2],
    ];
    const spending: Row[] = [['支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 1]];
    const r = await importTables(await xlsx([{ name: '三公', rows: sangong }, { name: '支出', rows: spending }]), opts('p.xlsx', { year: 2022 }));
    expect(r.review).toEqual([]);
    const m = r.file!.measures;
    const total = m.find((x) => x.role === 'sangong.total')!;
    expect(total).toMatchObject({ value: 21.63, phase: '年初预算' });
    const part = m.find((x) => x.label === '“三公”经费合计（一般公共预算安排数）')!;
    expect(part).toMatchObject({ value: 20, phase: '年初预算', parent: total.id });
    expect(part.role).toBeUndefined();
    expect(part.recompute).toBeUndefined();
    expect(m.find((x) => x.label === '公务接待费（一般公共预算安排数）')).toMatchObject({ value: 13.2, parent: m.find((x) => x.role === 'sangong.item:公务接待')!.id });
    // A part below its whole is no inconsistency.
    expect(reconcile(r.file!, trees).filter((x) => x.status === 'fail')).toEqual([]);
  }, 30_000);
});
