import { describe, expect, it } from 'vitest';
import { structureOption } from '../../../src/features/overview/structure.option';

const EVIL = '<img src=x onerror=alert(1)>';
type Any = any;

describe('structureOption', () => {
  const items = [
    { key: 'f:206', label: '科学技术支出', parts: { 基本支出: null, 项目支出: 712.69 }, total: 712.69, share: 73.53, source: EVIL },
    { key: 'f:201', label: '一般公共服务支出', parts: { 基本支出: 187.17, 项目支出: 33.3 }, total: 220.47, share: 22.75, source: 's' },
  ];
  const bases = ['基本支出', '项目支出'];
  it('stacks the two bases of one actual total, largest category on top', () => {
    const opt = structureOption(items, { money: 'wan', year: 2022, bases }) as Any;
    expect(opt.series.map((s: Any) => s.name)).toEqual(['基本支出', '项目支出']);
    expect(opt.yAxis.data).toEqual(['f:201', 'f:206']);
    expect(opt.series[1].data.map((d: Any) => d.value)).toEqual([33.3, 712.69]);
    expect(opt.series[1].data.map((d: Any) => d.key)).toEqual(['f:201', 'f:206']);
    expect(opt.tooltip.formatter([{ name: 'f:206' }])).not.toContain('<img');
  });
  it('dims the other basis when a basis card is hovered', () => {
    const opt = structureOption(items, { money: 'wan', year: 2022, bases, focusBasis: '项目支出' }) as Any;
    expect(opt.series[0].itemStyle.opacity).toBe(0.25);
    expect(opt.series[1].itemStyle.opacity).toBe(1);
  });
  it('falls back to one series when the year has no basis split', () => {
    const opt = structureOption(items, { money: 'wan', year: 2021, bases: [] }) as Any;
    expect(opt.series.map((s: Any) => s.name)).toEqual(['2021年决算']);
    expect(opt.series[0].data.map((d: Any) => d.value)).toEqual([220.47, 712.69]);
  });
  it('stacks any spending types present', () => {
    const opt = structureOption([{ ...items[1], parts: { 基本支出: 100, 经营支出: 120.47 } }], { money: 'wan', year: 2022, bases: ['基本支出', '经营支出'] }) as Any;
    expect(opt.series.map((s: Any) => [s.name, s.stack, s.data[0].value])).toEqual([
      ['基本支出', 'basis', 100],
      ['经营支出', 'basis', 120.47],
    ]);
  });
});
