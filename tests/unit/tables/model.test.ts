import { describe, expect, it } from 'vitest';
import { numeral } from '../../../src/import/tables/layout';
import { tablesModel, tableStatus, type StandardTable } from '../../../src/features/tables/model';
import { files, index, trees } from '../real-data';

function model(unit: string) {
  const entry = index.units.find((u) => u.id === unit)!;
  const file = files.find((f) => f.unit === unit)!;
  return tablesModel({ unitName: entry.name, year: file.reportYear, file, trees });
}
const byCode = (tables: StandardTable[], code: string) => tables.find((t) => t.code === code)!;
/** The body row whose first cell reads `label`, as texts. */
const row = (t: StandardTable, label: string) => t.body.find((r) => r[0].text === label)?.map((c) => c.text);
const statuses = (tables: StandardTable[]) => tables.map((t) => `${t.code}:${t.status}`);

describe('tablesModel on the shipped units', () => {
  it('宁乡市数据资源中心 2022: 公开01、03、07表 with the report\'s figures, the other six without figures', () => {
    const vm = model('ningxiang-drc');
    expect(vm.tables.map((t) => t.code)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    expect(vm.counts).toEqual({ shown: 3, empty: 0, none: 6 });
    expect(vm.moneyNote).toBe('金额单位：万元');
    expect(vm.fileName).toBe('宁乡市数据资源中心2022年度决算公开表.xlsx');

    const spending = byCode(vm.tables, '公开03表');
    expect(spending.heading).toBe('公开03表　支出决算表');
    expect(spending.caption).toBe('宁乡市数据资源中心2022年度支出决算表');
    // 合计: 本年支出合计, 基本支出, 项目支出 (the layout's 合计 label spans 科目编码 and 科目名称).
    expect(row(spending, '合计')).toEqual(['合计', '969.29', '223.30', '745.99', '', '', '']);
    expect(row(spending, '2010301')).toEqual(['2010301', '行政运行', '', '187.17', '', '', '', '']);
    expect(row(spending, '2069999')?.[4]).toBe('712.69');
    // Head: 项目 spans the two code columns; the value columns span both head rows.
    expect(spending.head[0][0]).toMatchObject({ text: '项目', scope: 'colgroup', colspan: 2, rowspan: 1 });
    expect(spending.head[0][1]).toMatchObject({ text: '本年支出合计', scope: 'col', rowspan: 2 });
    expect(spending.head[1].map((c) => c.text)).toEqual(['科目编码', '科目名称']);
    const total = spending.body[0];
    expect(total[0]).toMatchObject({ scope: 'row', colspan: 2, bold: true });
    expect(total[1]).toMatchObject({ align: 'right', scope: null });

    const sangong = byCode(vm.tables, '公开07表');
    expect(sangong.head.map((r) => r.length)).toEqual([2, 8, 6]);
    // 预算数 合计 6.00; 决算数 合计 5.74, 因公出国 0.00, 公务用车 4.00, 公务接待 1.74.
    expect(sangong.body[0].map((c) => c.text)).toEqual(['6.00', '', '', '', '', '', '5.74', '0.00', '4.00', '', '', '1.74']);

    const none = byCode(vm.tables, '公开05表');
    expect(none).toMatchObject({ status: 'none', note: '本单位的报告没有这张表的数字。', head: [], body: [] });
  });

  it('大英县文化广播电视和旅游局 2022: 公开08、09表 are empty (the report states 0), 05、06表 have no figures', () => {
    const vm = model('daying-wgl');
    expect(statuses(vm.tables)).toEqual(['公开01表:shown', '公开02表:shown', '公开03表:shown', '公开04表:shown', '公开05表:none', '公开06表:none', '公开07表:shown', '公开08表:empty', '公开09表:empty']);
    expect(byCode(vm.tables, '公开08表').note).toBe('本表无数据（空表）。');
    const summary = byCode(vm.tables, '公开01表');
    expect(row(summary, '一、一般公共预算财政拨款收入')?.slice(0, 2)).toEqual(['一、一般公共预算财政拨款收入', '3,859.16']);
    expect(row(summary, '本年收入合计')).toEqual(['本年收入合计', '4,125.49', '本年支出合计', '4,143.91']);
    // The 类 rows of the 支出 side are numbered in Chinese past twenty.
    expect(summary.body.map((r) => r[2].text)).toContain('二十、粮油物资储备支出');
    expect(summary.body.map((r) => r[2].text)).toContain('二十九、抗疫特别国债安排的支出');
    expect(row(byCode(vm.tables, '公开03表'), '合计')).toEqual(['合计', '4,143.91', '1,140.27', '3,003.64', '0.00', '0.00', '0.00']);
    // The report's missing pages are recorded: the page says some tables may lack figures for that reason.
    expect(vm.gapsNote).toContain('关于数据');
  });

  it('重庆市渝中区新华小学校 2022: 公开01–04表 from the report\'s totals, carry-overs and income by source', () => {
    const vm = model('yuzhong-xinhua-xx');
    expect(vm.counts).toEqual({ shown: 4, empty: 0, none: 5 });
    const summary = byCode(vm.tables, '公开01表');
    expect(row(summary, '年初结转和结余')).toEqual(['年初结转和结余', '0.05', '年末结转和结余', '24.81']);
    expect(row(summary, '总计')).toEqual(['总计', '1,665.40', '总计', '1,665.40']);
    expect(row(byCode(vm.tables, '公开02表'), '合计')).toEqual(['合计', '1,665.35', '1,619.77', '', '', '', '', '45.58']);
    expect(row(byCode(vm.tables, '公开04表'), '本年收入合计')?.slice(0, 2)).toEqual(['本年收入合计', '1,619.77']);
  });

  it('every shipped unit-year gives the nine tables, each shown with a head and body or said in one line', () => {
    for (const u of index.units)
      for (const y of u.years) {
        const file = files.find((f) => f.unit === u.id && f.reportYear === y.year);
        const vm = tablesModel({ unitName: u.name, year: y.year, file, trees });
        expect(vm.tables).toHaveLength(9);
        for (const t of vm.tables) {
          if (t.status === 'shown') expect(t.head.length * t.body.length, `${u.id} ${t.code}`).toBeGreaterThan(0);
          else expect(t.note && !t.head.length && !t.body.length, `${u.id} ${t.code}`).toBeTruthy();
        }
      }
  });

  it('a report that did not load: a message, no tables', () => {
    const vm = tablesModel({ unitName: '甲单位', year: 2022, file: undefined, trees });
    expect(vm.tables).toEqual([]);
    expect(vm.empty).toBe('甲单位2022 年度的报告文件没有加载成功，见页首的错误说明。');
  });
});

describe('tableStatus', () => {
  it('no figure → none; every figure zero → empty; one non-zero figure → shown', () => {
    expect(tableStatus([])).toBe('none');
    expect(tableStatus([0, 0])).toBe('empty');
    expect(tableStatus([0, 0.01])).toBe('shown');
    expect(tableStatus([-3])).toBe('shown');
  });
});

describe('numeral', () => {
  it('numbers rows 一 … 十, 十一 … 十九, 二十, 二十一', () => {
    expect([0, 9, 10, 18, 19, 20, 28, 29].map(numeral)).toEqual(['一', '十', '十一', '十九', '二十', '二十一', '二十九', '三十']);
  });
});

describe('a year only a later report states', () => {
  it('宁乡 2021 (stated in the 2022 report for comparison): the 2022 tables, and the page says why', () => {
    const file = files.find((f) => f.unit === 'ningxiang-drc')!;
    const vm = tablesModel({ unitName: '宁乡市数据资源中心', year: 2021, file, trees });
    expect(vm.yearNote).toBe('本单位没有 2021 年度的报告，2021 年的数字只见于 2022 年度报告（作比较用）；决算公开表按报告年度排列，下面是 2022 年度的表。');
    expect(vm.fileName).toBe('宁乡市数据资源中心2022年度决算公开表.xlsx');
    expect(vm.tables[2].caption).toBe('宁乡市数据资源中心2022年度支出决算表');
    expect(tablesModel({ unitName: '宁乡市数据资源中心', year: 2022, file, trees }).yearNote).toBe('');
  });
});
