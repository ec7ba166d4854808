/** Big-screen scale, font scaling and builders. */
import { describe, expect, test } from 'vitest';
import { highlightCaption, readingFactor, scaleFonts, screenControlsOption, screenPieOption, screenSpendingOption, stageScale } from '../../../src/features/screen/screen.option';

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
  test.each([
    [412, 915, 412 / 480],
    [479, 479, 479 / 480],
    [480, 800, 1],
    [1080, 1920, 1],
  ])('portrait %i×%i → the stacked column, min(w/480, 1)', (w, h, s) => {
    expect(stageScale(w, h)).toBeCloseTo(s, 9);
  });
  test('a square viewport is portrait; one pixel wider is the letterboxed stage', () => {
    expect(stageScale(1000, 1000)).toBe(1);
    expect(stageScale(1001, 1000)).toBeCloseTo(1001 / 1920, 9);
  });
  test('charts read from 3 m on a landscape wall, at arm’s length in the portrait column', () => {
    expect(readingFactor(1920, 1080)).toBe(1.45);
    expect(readingFactor(1001, 1000)).toBe(1.45);
    expect(readingFactor(1000, 1000)).toBe(1);
    expect(readingFactor(412, 915)).toBe(1);
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

const EVIL = '<img src=x onerror=alert(1)>';
type Any = any;

describe('builders', () => {
  const rows = [
    { key: 'f:2069999', label: '其他科学技术支出', amount: 712.69 },
    { key: 'f:2010301', label: EVIL, amount: 187.17 },
  ];
  test('spending bars carry domain keys, labels by key, share labels; tooltips escaped', () => {
    const o = screenSpendingOption(rows, { scale: 1, money: 'wan' }) as Any;
    expect(o.series[0].data.map((d: Any) => d.key)).toEqual(['f:2069999', 'f:2010301']);
    expect(o.yAxis.axisLabel.formatter('f:2069999')).toBe('其他科学技术支出');
    expect(o.series[0].label.formatter({ name: 'f:2069999' })).toBe('712.69（79.2%）');
    const tip = o.tooltip.formatter({ name: 'f:2010301', marker: '' });
    expect(tip).not.toContain('<img');
    expect(tip).toContain('187.17 万元');
  });
  test('fonts grow with the scale', () => {
    const a = screenSpendingOption(rows, { scale: 1, money: 'wan' }) as Any;
    const b = screenSpendingOption(rows, { scale: 2, money: 'wan', reading: 1.5 }) as Any;
    expect(b.series[0].label.fontSize).toBeCloseTo(a.series[0].label.fontSize * 3, 9);
  });
  test('rings of parts keep amounts in the display unit', () => {
    const pie = screenPieOption([{ key: 'b:基本支出', label: '基本支出', amount: 223.3 }], { scale: 1, money: 'yuan', name: '支出类型' }) as Any;
    expect(pie.series[0].data[0]).toMatchObject({ key: 'b:基本支出', value: 2233000 });
    expect(pie.series[0].label.formatter({ name: 'b:基本支出', percent: 100 })).toBe('基本支出\n2,233,000\n100.0%');
  });
  test('controls: budget, actual, last year side by side, a series only where some item has it', () => {
    const o = screenControlsOption(
      [
        { key: 'sangong.item:公务接待', title: EVIL, budget: null, actual: 7.8, prior: 9.04 },
        { key: 'meeting.total', title: '会议费', budget: null, actual: 0, prior: null },
      ],
      { scale: 1, money: 'wan', year: 2022 },
    ) as Any;
    expect(o.series.map((s: Any) => s.name)).toEqual(['2022年决算', '2021年决算']);
    expect(o.series.every((s: Any) => s.stack === undefined)).toBe(true);
    // Labels of bars side by side that would overlap are dropped by ECharts' label layout.
    expect(o.series.every((s: Any) => s.labelLayout?.hideOverlap === true)).toBe(true);
    expect(o.series[1].data.map((d: Any) => [d.key, d.value])).toEqual([
      ['sangong.item:公务接待', 9.04],
      ['meeting.total', null],
    ]);
    expect(o.tooltip.formatter([{ name: 'sangong.item:公务接待', marker: '', seriesName: '2022年决算', value: 7.8 }])).not.toContain('<img');
  });
  test('highlight caption', () => {
    expect(highlightCaption(rows[0], 969.29, 'wan')).toBe('其他科学技术支出 712.69 万元（73.5%）');
    expect(highlightCaption(undefined, 1, 'wan')).toBe('');
  });
});
