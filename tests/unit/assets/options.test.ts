/** Option builders of #/assets: domain keys on every item, display units, focus, escaping. */
import { describe, expect, test } from 'vitest';
import { balanceOption, sharesOption, type BalanceLine, type PartRow } from '../../../src/features/assets/assets.option';
import { controlsOption, staffOption, type ControlRow } from '../../../src/features/assets/controls.option';
import { inUnit } from '../../../src/ui/chart/palette';

type Series = Array<{ name: string; data: Array<{ key: string; value: number | null; itemStyle: { opacity: number } }> }>;

const lines: BalanceLine[] = [
  { role: 'assets.total', title: '资产总额', value: 601.59, key: 'a', prior: { value: 735.35, key: 'a0', year: 2021, derived: true }, growthText: '−18.19%' },
  { role: 'assets.liabilities', title: '负债总额', value: 0, key: 'l', prior: null, growthText: null },
];

describe('balance', () => {
  test('last year and this year, in the display unit, each bar keyed by its record', () => {
    const o = balanceOption(lines, { money: 'yuan' }) as { series: Series };
    expect(o.series.map((s) => s.name)).toEqual(['2021年末（推算）', '本年末']);
    expect(o.series[1].data.map((d) => [d.key, d.value])).toEqual([
      ['a', 6_015_900],
      ['l', 0],
    ]);
    expect(o.series[0].data[0]).toMatchObject({ key: 'a0', value: 7_353_500 });
    expect(o.series[0].data[1].value).toBeNull();
  });
  test('no last year: one series only', () => {
    const o = balanceOption([lines[1]], { money: 'wan' }) as { series: Series };
    expect(o.series.map((s) => s.name)).toEqual(['本年末']);
  });
  test('focus dims the other lines', () => {
    const o = balanceOption(lines, { money: 'wan', focus: 'l' }) as { series: Series };
    expect(o.series[1].data.map((d) => d.itemStyle.opacity)).toEqual([0.28, 1]);
  });
  test('tooltip escapes titles', () => {
    const o = balanceOption([{ ...lines[0], title: '<b>x' }], { money: 'wan' }) as unknown as { tooltip: { formatter: (ps: unknown[]) => string } };
    const html = o.tooltip.formatter([{ marker: '', seriesName: '本年末', value: 1, dataIndex: 0 }]);
    expect(html).toContain('&lt;b&gt;x');
    expect(html).not.toContain('<b>x');
  });
});

describe('parts with shares', () => {
  const rows: PartRow[] = [
    { key: 'g', title: '通用设备', value: 905.56, unit: '万元', shareText: '97.6%（复算 97.62%）', shareKey: 'gs' },
    { key: 's', title: '专用设备', value: 19.98, unit: '万元', shareText: null, shareKey: null },
  ];
  test('bars keyed by record, labels carry the share text', () => {
    const o = sharesOption(rows, { money: 'wan' }) as unknown as { series: Series; yAxis: { data: string[]; axisLabel: { formatter: (k: string) => string } } };
    expect(o.series[0].data.map((d) => [d.key, d.value])).toEqual([
      ['g', 905.56],
      ['s', 19.98],
    ]);
    expect(o.yAxis.axisLabel.formatter('g')).toBe('通用设备\n{share|97.6%（复算 97.62%）}');
    expect(o.yAxis.axisLabel.formatter('s')).toBe('专用设备');
  });
  test('focus on the stated share keeps its part lit', () => {
    const o = sharesOption(rows, { money: 'wan', focus: 'gs' }) as unknown as { series: Series };
    expect(o.series[0].data.map((d) => d.itemStyle.opacity)).toEqual([1, 0.28]);
  });
  test('counts keep their own unit', () => {
    const o = sharesOption([{ key: 'v', title: '在用', value: 1, unit: '辆', shareText: null, shareKey: null }], { money: 'yuan' }) as unknown as { series: Series; xAxis: { name: string } };
    expect(o.xAxis.name).toBe('辆');
    expect(o.series[0].data[0].value).toBe(1);
  });
});

describe('controlled expenses', () => {
  const rows: ControlRow[] = [
    { role: 'sangong.item:公务接待', title: '公务接待费', actual: 7.8, budget: null, adjusted: null, prior: 9.04, keys: { actual: 'r', budget: null, adjusted: null, prior: 'r0' }, derived: { budget: false, adjusted: false, prior: true } },
  ];
  test('a series no row states is left out; derived bars are labelled as such', () => {
    const o = controlsOption(rows, { money: 'wan' }) as unknown as { series: Series; xAxis: { data: string[] } };
    expect(o.series.map((s) => s.name)).toEqual(['决算', '上年决算（含推算）']);
    expect(o.series.map((s) => s.data[0].key)).toEqual(['r', 'r0']);
    expect(o.xAxis.data).toEqual(['公务接待费']);
  });
  test('调整预算 stands between 年初预算 and 决算, each its own bar', () => {
    const both: ControlRow[] = [{ ...rows[0], budget: 8, adjusted: 7.9, keys: { actual: 'r', budget: 'b', adjusted: 'a', prior: 'r0' } }];
    const o = controlsOption(both, { money: 'wan' }) as unknown as { series: Series };
    expect(o.series.map((s) => s.name)).toEqual(['年初预算', '调整预算', '决算', '上年决算（含推算）']);
    expect(o.series.map((s) => s.data[0].value)).toEqual([8, 7.9, 7.8, 9.04]);
  });
  test('focus on one bar keeps its row lit', () => {
    const two = [...rows, { ...rows[0], role: 'meeting.total', title: '会议费', keys: { actual: 'm', budget: null, adjusted: null, prior: null } }];
    const o = controlsOption(two, { money: 'wan', focus: 'r0' }) as unknown as { series: Series };
    expect(o.series[0].data.map((d) => d.itemStyle.opacity)).toEqual([1, 0.28]);
  });
});

describe('staffing', () => {
  test('kinds in post, vacant posts dashed, people outside the quota in a second bar', () => {
    const o = staffOption({
      quota: { value: 14, key: 'q', unit: '个' },
      posts: [
        { key: 'p1', title: '管理岗位', value: 3 },
        { key: 'p2', title: '专业技术岗位', value: 6 },
      ],
      vacant: 5,
      others: [{ key: 'o1', title: '编外合同制人员', value: 2 }],
    }) as unknown as { series: Series; yAxis: { data: string[] } };
    expect(o.series.map((s) => s.name)).toEqual(['管理岗位', '专业技术岗位', '空编（计算）', '编外合同制人员']);
    expect(o.series[2].data.map((d) => d.value)).toEqual([5, null]);
    expect(o.series[3].data.map((d) => [d.key, d.value])).toEqual([
      ['o1', null],
      ['o1', 2],
    ]);
    expect(o.yAxis.data).toEqual(['编制 14 个', '编外 2 人']);
  });
});

test('inUnit rounds like the display', () => {
  expect(inUnit(969.29, 'yi')).toBe(0.0969);
  expect(inUnit(969.29, 'yuan')).toBe(9_692_900);
  expect(inUnit(0.123456, 'yuan')).toBe(1235);
  expect(inUnit(969.294, 'wan')).toBe(969.29);
  expect(inUnit(Number.NaN, 'wan')).toBeNull();
  expect(inUnit(null, 'wan')).toBeNull();
});
