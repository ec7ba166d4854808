import { describe, expect, it } from 'vitest';
import { errorPanelModel, partText } from '../../../src/ui/error-panel';

const errors = (n: number) => Array.from({ length: n }, (_, i) => ({ message: `units/a/2022.json › facts[${i}] › amount: 应为数字` }));

describe('error panel', () => {
  it('lists every error up to fifty and counts the rest', () => {
    expect(errorPanelModel(errors(50), [])).toMatchObject({ count: 50, more: 0 });
    expect(errorPanelModel(errors(50), []).shown).toHaveLength(50);
    const v = errorPanelModel(errors(51), []);
    expect(v).toMatchObject({ count: 51, more: 1 });
    expect(v.shown.at(-1)).toBe('units/a/2022.json › facts[49] › amount: 应为数字');
  });

  it('names the parts of each file left out, and only files with some', () => {
    const v = errorPanelModel(errors(2), [
      { file: 'units/a/2022.json', broken: ['facts:2021', 'indicators'] },
      { file: 'units/a/2023.json', broken: [] },
    ]);
    expect(v.dropped).toEqual([{ file: 'units/a/2022.json', parts: '2021年收支数据（该年的对比不可用）、业务运行指标' }]);
  });

  it('shows nothing without errors, and an unknown part by its name', () => {
    expect(errorPanelModel([], [])).toEqual({ count: 0, shown: [], more: 0, dropped: [] });
    expect(partText('all')).toBe('整个文件');
    expect(partText('gaps')).toBe('gaps');
  });
});
