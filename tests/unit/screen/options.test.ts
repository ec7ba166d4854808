/** Big-screen scale, font scaling and builders. */
import { describe, expect, test } from 'vitest';
import { highlightCaption, scaleFonts, screenBasisOption, screenSpendingOption, stageScale } from '../../src/features/screen/screen.option';
import { headline, keyFigures, spendingByFunction } from '../../src/features/screen/screen';
import { groupOperations, operationRows } from '../../src/features/operations/operations';
import { facts, index, indicators, UNIT } from './real-data';

describe('stage scale', () => {
  test.each([
    [1920, 1080, 1],
    [1366, 768, Math.min(1366 / 1920, 768 / 1080)],
    [3840, 2160, 2],
    [1920, 1200, 1],
    [2560, 1080, 1],
  ])('%i×%i → uniform min(w/1920, h/1080)', (w, h, s) => {
    expect(stageScale(w, h)).toBeCloseTo(s, 9);
  });
  test('degenerate sizes fall back to 1', () => {
    expect(stageScale(0, 0)).toBe(1);
  });
});

describe('scaleFonts', () => {
  test('multiplies font sizes, fills defaults in text styles, scales numeric grid', () => {
    const o = scaleFonts({ grid: { left: 10, right: '5%' }, xAxis: { type: 'value' }, series: [{ label: { fontSize: 10 }, data: [1] }], legend: {} }, 2);
    expect(o.series[0].label.fontSize).toBe(20);
    expect(o.grid).toEqual({ left: 20, right: '5%' });
    expect((o.xAxis as { axisLabel?: { fontSize: number } }).axisLabel?.fontSize).toBe(24);
    expect((o.legend as { textStyle?: { fontSize: number } }).textStyle?.fontSize).toBe(24);
  });
  test('keeps functions', () => {
    const f = () => 'x';
    expect(scaleFonts({ tooltip: { formatter: f } }, 2).tooltip.formatter).toBe(f);
  });
});

describe('screen data and builders', () => {
  const rows = spendingByFunction(facts, UNIT, 2022);
  test('functional spending, largest first, sums to the total', () => {
    expect(rows[0]).toMatchObject({ label: '其他科学技术支出', amount: 712.69 });
    expect(rows).toHaveLength(9);
    const h = headline(facts, UNIT, 2022);
    expect(h.total?.amount).toBe(969.29);
    expect(rows.reduce((s, r) => s + r.amount, 0)).toBeCloseTo(h.total!.amount, 6);
    expect([h.basic?.amount, h.project?.amount]).toEqual([223.3, 745.99]);
  });
  test('one key figure per operational group', () => {
    const groups = groupOperations(operationRows(indicators, UNIT, 2022), index.groups ?? []);
    const k = keyFigures(groups);
    expect(k).toHaveLength(groups.length);
    expect(k.find((x) => x.group.id === 'epidemic')?.item.id).toBe('i-epi-scans');
  });
  test('fonts grow with the scale', () => {
    const a = screenSpendingOption(rows, { scale: 1, money: 'wan' }) as { series: Array<{ label: { fontSize: number } }> };
    const b = screenSpendingOption(rows, { scale: 2, money: 'wan', reading: 1.5 }) as { series: Array<{ label: { fontSize: number } }> };
    expect(b.series[0].label.fontSize).toBeCloseTo(a.series[0].label.fontSize * 3, 9);
    const pie = screenBasisOption([{ id: 'a', label: '基本支出', amount: 223.3 }], { scale: 1, money: 'wan' }) as { series: Array<{ data: Array<{ value: number }> }> };
    expect(pie.series[0].data[0].value).toBe(223.3);
  });
  test('highlight caption', () => {
    expect(highlightCaption(rows[0], 969.29, 'wan')).toBe('其他科学技术支出 712.69 万元（73.5%）');
  });
});
