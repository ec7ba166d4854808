/**
 * One colour per 支出类型 on every route: the overview's stacked bars, the spending treemap and
 * the big screen's bars and ring give 基本支出 and 项目支出 the same colours whatever their order
 * by amount (a unit spending more on 基本支出 used to swap them between routes).
 */
import { describe, expect, it } from 'vitest';
import { BASIS_COLOR, categoryColor, PALETTE } from '../../../src/ui/chart/theme';
import { structureOption } from '../../../src/features/overview/structure.option';
import { hierarchyOption } from '../../../src/features/spending/hierarchy.option';
import { screenPieOption, screenSpendingOption } from '../../../src/features/screen/screen.option';

type Any = any;
const PROJECT = BASIS_COLOR['项目支出'];
const BASIC = BASIS_COLOR['基本支出'];

describe('categoryColor', () => {
  it('gives a spending type its own colour by key or name, anything else the palette in order', () => {
    expect(categoryColor('b:项目支出', 0)).toBe(PROJECT);
    expect(categoryColor('项目支出', 5)).toBe(PROJECT);
    expect(PROJECT).not.toBe(BASIC);
    expect(categoryColor('f:206', 9)).toBe(PALETTE[1]);
  });
});

describe('the same spending type, the same colour on every route, in either order', () => {
  for (const order of [['项目支出', '基本支出'], ['基本支出', '项目支出']]) {
    it(`order ${order.join(' > ')}`, () => {
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
});
