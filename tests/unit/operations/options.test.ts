/** Option builders of #/operations: log axis, domain keys, focus, escaping. */
import { describe, expect, test } from 'vitest';
import { groupOperations, funnelChain, opItem } from '../../../src/domain/operations';
import { chartable, indicatorBarsOption, needsLog } from '../../../src/features/operations/operations.option';
import { funnelOption } from '../../../src/ui/chart/funnel.option';
import { groups, unitFiles } from '../assets/units';

const items = unitFiles('ningxiang-drc')[0].indicators.map(opItem);
const grouped = groupOperations(items, groups);

describe('bars', () => {
  test('overview bars are on a log axis, keyed by indicator, without rates and derived helpers', () => {
    const shown = chartable(items);
    expect(shown.some((i) => i.unit === '%' || i.derived)).toBe(false);
    expect(needsLog(shown)).toBe(true);
    const o = indicatorBarsOption(items, grouped, { focus: 'group:grid' }) as {
      xAxis: { type: string };
      series: Array<{ data: Array<{ key: string; value: number; itemStyle: { opacity: number } }> }>;
    };
    expect(o.xAxis.type).toBe('log');
    const pop = o.series[0].data.find((d) => d.key === 'i-grid-population')!;
    expect(pop.value).toBe(1_260_000);
    expect(pop.itemStyle.opacity).toBe(1);
    expect(o.series[0].data.find((d) => d.key === 'i-cloud-vms')!.itemStyle.opacity).toBeLessThan(1);
  });
  test('a small same-magnitude group stays linear', () => {
    expect(needsLog(chartable(grouped.find((g) => g.id === 'video')!.items))).toBe(false);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

describe('funnel', () => {
  const chain = funnelChain(grouped.find((g) => g.id === 'epidemic')!.items);
  test('stages keyed by indicator, series named by its stages', () => {
    const o = funnelOption(chain) as { series: Array<{ name: string; data: Array<{ key: string; value: number }> }> };
    expect(o.series[0].data.filter((d) => d.key).map((d) => [d.key, d.value])).toEqual([
      ['i-epi-venue-applied', 149154],
      ['i-epi-venue-approved', 145383],
    ]);
    expect(o.series[0].name).toBe('全市申请场所码 → 乡镇审核通过场所码');
  });
  test('widths in proportion to the first count from zero; the last stage keeps its own width (an invisible end at its count)', () => {
    const o = funnelOption(chain) as Any;
    const sr = o.series[0];
    expect([sr.min, sr.max, sr.minSize, sr.maxSize]).toEqual([0, 149154, '0%', '100%']);
    const end = sr.data[sr.data.length - 1];
    expect(end.value).toBe(145383);
    expect(end.itemStyle.opacity).toBe(0);
    expect(end.label.show).toBe(false);
    expect(end.tooltip.show).toBe(false);
  });
  test('tooltip escapes names', () => {
    const evil = chain.map((i) => ({ ...i, label: '<img src=x>' }));
    const o = funnelOption(evil) as { tooltip: { formatter: (p: { name: string; marker: string }) => string } };
    const html = o.tooltip.formatter({ name: evil[0].id, marker: '' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
