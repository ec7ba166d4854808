import { describe, expect, it } from 'vitest';
import { itemIndex, itemKey } from '../../../src/ui/chart-keys';

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
});
