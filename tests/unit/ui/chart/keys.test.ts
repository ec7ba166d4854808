import { describe, expect, it } from 'vitest';
import { itemIndex, itemKey } from '../../../../src/ui/chart/keys';

describe('chart keys', () => {
  it('reads the domain key of an event, falling back to the item name', () => {
    expect(itemKey({ name: '科学技术支出', data: { value: 1, key: 'f:206' } })).toBe('f:206');
    expect(itemKey({ name: '科学技术支出', data: 12 })).toBe('科学技术支出');
    expect(itemKey({ name: '', data: null })).toBeNull();
    expect(itemKey({ data: { key: '' } })).toBeNull();
  });

  it('finds the series and data index of a key across series and sankey nodes', () => {
    const option = {
      series: [
        { type: 'bar', data: [{ value: 1, key: 'a' }, { value: 2, key: 'b' }] },
        { type: 'sankey', nodes: [{ name: 'x', key: 'n:x' }] },
      ],
    };
    expect(itemIndex(option, 'b')).toEqual({ seriesIndex: 0, dataIndex: 1 });
    expect(itemIndex(option, 'n:x')).toEqual({ seriesIndex: 1, dataIndex: 0 });
    expect(itemIndex(option, 'missing')).toBeNull();
    expect(itemIndex({ series: { data: [{ key: 'only' }] } }, 'only')).toEqual({ seriesIndex: 0, dataIndex: 0 });
    expect(itemIndex({}, 'a')).toBeNull();
  });

  it('numbers treemap and sunburst items depth-first from a virtual root, as ECharts does', () => {
    const tree = [
      { name: 'A', key: 'b:基本支出', children: [{ name: 'A1', key: 'f:201' }, { name: 'A2', key: 'f:208' }] },
      { name: 'B', key: 'b:项目支出', children: [{ name: 'B1', key: 'f:206' }] },
    ];
    for (const type of ['treemap', 'sunburst']) {
      const option = { series: [{ type, data: tree }] };
      expect(itemIndex(option, 'b:基本支出')).toEqual({ seriesIndex: 0, dataIndex: 1 });
      expect(itemIndex(option, 'f:208')).toEqual({ seriesIndex: 0, dataIndex: 3 });
      expect(itemIndex(option, 'b:项目支出')).toEqual({ seriesIndex: 0, dataIndex: 4 });
      expect(itemIndex(option, 'f:206')).toEqual({ seriesIndex: 0, dataIndex: 5 });
    }
  });
});
