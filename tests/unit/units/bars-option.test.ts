import { describe, expect, it } from 'vitest';
import { barsOption } from '../../../src/features/units/bars.option';

type O = {
  tooltip: { formatter: (ps: Array<{ name: string }>) => string };
  yAxis: { data: string[]; axisLabel: { width?: number; formatter: (k: string) => string } };
  series: Array<{ cursor?: string; barMaxWidth: number; data: Array<{ key: string; value: number }> }>;
};

describe('barsOption (units compared, region roll-up)', () => {
  const items = [
    { key: 'u:a', label: '甲单位', amount: 120.5, derived: false },
    { key: 'u:b', label: '乙单位', amount: 980, derived: true },
    { key: 'u:c', label: '丙单位', amount: 15, derived: false },
  ];

  it('draws the largest on top with each bar keyed, in the chosen money unit', () => {
    const o = barsOption(items, { money: 'yuan', barMaxWidth: 22, tooltip: () => [] }) as unknown as O;
    // ECharts draws a category axis bottom-up: ascending order puts the largest on top.
    expect(o.yAxis.data).toEqual(['u:c', 'u:a', 'u:b']);
    expect(o.series[0]!.data.map((d) => [d.key, d.value])).toEqual([
      ['u:c', 150_000],
      ['u:a', 1_205_000],
      ['u:b', 9_800_000],
    ]);
    expect(o.yAxis.axisLabel.formatter('u:b')).toBe('乙单位');
  });

  it('puts the caller’s lines in the tooltip, escaped, and only a clickable chart shows a pointer', () => {
    const units = barsOption(items, { money: 'wan', barMaxWidth: 22, labelWidth: 160, clickable: true, tooltip: (it) => [it.derived ? '<b>计算</b>' : '陈述'] }) as unknown as O;
    const tip = units.tooltip.formatter([{ name: 'u:b' }]);
    expect(tip).toContain('乙单位');
    expect(tip).toContain('&lt;b&gt;计算&lt;/b&gt;');
    expect(units.tooltip.formatter([{ name: 'u:zz' }])).toBe('');
    expect(units.series[0]!.cursor).toBe('pointer');
    expect(units.yAxis.axisLabel.width).toBe(160);
    const rollup = barsOption(items, { money: 'wan', barMaxWidth: 24, tooltip: () => [] }) as unknown as O;
    expect(rollup.series[0]!.cursor).toBeUndefined();
    expect(rollup.yAxis.axisLabel.width).toBeUndefined();
  });
});
