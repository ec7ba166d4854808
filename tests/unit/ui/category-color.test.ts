/**
 * One colour per category on every route: the overview's stacked bars, the spending treemap and
 * sankey and the big screen's bars and ring give 基本支出 / 项目支出, a 功能分类 类 and an 经济分类 类
 * the same colour whatever their order by amount (a unit spending more on 基本支出 used to swap
 * the colours between routes); no two items of one chart share a colour while the palette lasts.
 */
import { describe, expect, it } from 'vitest';
import { categoryColors, PALETTE } from '../../../src/ui/chart/theme';
import { structureOption } from '../../../src/features/overview/structure.option';
import { hierarchyOption } from '../../../src/features/spending/hierarchy.option';
import { sankeyOption } from '../../../src/features/spending/sankey.option';
import { screenPieOption, screenSpendingOption } from '../../../src/features/screen/screen.option';

type Any = any;
const [PROJECT] = categoryColors(['b:项目支出']);
const [BASIC] = categoryColors(['b:基本支出']);
const [SCIENCE] = categoryColors(['f:206']);

describe('categoryColors', () => {
  it('gives a category its own colour by key (a spending type also by name), in any order', () => {
    expect(categoryColors(['b:项目支出', 'b:基本支出'])).toEqual([PROJECT, BASIC]);
    expect(categoryColors(['基本支出', '项目支出'])).toEqual([BASIC, PROJECT]);
    expect(PROJECT).not.toBe(BASIC);
    expect(categoryColors(['f:201', 'f:206'])[1]).toBe(SCIENCE);
  });

  it('gives items without a colour of their own the colours the chart does not use, never a colour twice', () => {
    const keys = ['f:206', 'f:299', 'f:201', 'f:230', 'f:231'];
    const c = categoryColors(keys);
    expect(c[0]).toBe(SCIENCE);
    expect(new Set(c).size).toBe(keys.length);
    // A slot already taken in the chart (two keys of one slot) goes to the next free colour.
    const twice = categoryColors(['f:201', 'e:301']);
    expect(twice[0]).toBe(PALETTE[0]);
    expect(twice[1]).not.toBe(PALETTE[0]);
    // Past the palette's length colours repeat rather than fail.
    expect(categoryColors(Array.from({ length: PALETTE.length + 2 }, (_, i) => `x:${i}`))).toHaveLength(PALETTE.length + 2);
  });
});

describe('the same category, the same colour on every route, in either order', () => {
  for (const order of [['项目支出', '基本支出'], ['基本支出', '项目支出']]) {
    it(`spending types, order ${order.join(' > ')}`, () => {
      const amounts: Record<string, number> = { [order[0]]: 700, [order[1]]: 200 };
      const items = order.map((b) => ({ key: `b:${b}`, label: b, amount: amounts[b] }));
      const overview = structureOption([{ key: 'f:206', label: '科学技术支出', parts: amounts, total: 900, share: 100, source: '' }], { money: 'wan', year: 2022, bases: order }) as Any;
      const byName = (series: Any[]) => Object.fromEntries(series.map((s: Any) => [s.name, s.itemStyle?.color ?? s.color]));
      expect(byName(overview.series)).toMatchObject({ 项目支出: PROJECT, 基本支出: BASIC });
      const tree = hierarchyOption(items.map((it) => ({ ...it, share: null, drill: null, source: '' })), { money: 'wan', nodeLabel: '支出' }) as Any;
      const screenState = { scale: 1, money: 'wan' as const };
      const colours = (data: Any[]) => Object.fromEntries(data.map((d: Any) => [d.key, d.itemStyle.color]));
      for (const data of [tree.series[0].data, (screenSpendingOption(items, screenState) as Any).series[0].data, (screenPieOption(items, { ...screenState, name: '支出' }) as Any).series[0].data])
        expect(colours(data)).toEqual({ 'b:项目支出': PROJECT, 'b:基本支出': BASIC });
    });
  }

  it('a 功能分类 类 in the treemap, on the wall and in the sankey', () => {
    const items = [
      { key: 'f:201', label: '一般公共服务支出', amount: 300 },
      { key: 'f:206', label: '科学技术支出', amount: 700 },
    ];
    const tree = hierarchyOption(items.map((it) => ({ ...it, share: null, drill: null, source: '' })), { money: 'wan', nodeLabel: '支出' }) as Any;
    const wall = screenSpendingOption(items, { scale: 1, money: 'wan' }) as Any;
    const sankey = sankeyOption(
      [
        { name: 'f:206', label: '科学技术支出', side: 'f', drill: null },
        { name: 'e:310', label: '资本性支出', side: 'e', drill: null },
      ] as Any,
      [{ source: 'f:206', target: 'e:310', value: 700, sourceText: '' }],
      { money: 'wan' },
    ) as Any;
    const colourOf = (data: Any[], key: string) => data.find((d: Any) => (d.key ?? d.name) === key).itemStyle.color;
    for (const data of [tree.series[0].data, wall.series[0].data, sankey.series[0].data]) expect(colourOf(data, 'f:206')).toBe(SCIENCE);
    expect(colourOf(sankey.series[0].data, 'e:310')).toBe(categoryColors(['e:310'])[0]);
  });
});
