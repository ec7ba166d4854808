import { describe, expect, it } from 'vitest';
import { comboKey, isSearchShortcut, statusText, type ComboState } from '../../../src/features/search/box';

const s = (o: Partial<ComboState> = {}): ComboState => ({ open: true, active: -1, query: '598', ...o });

describe('search box keys', () => {
  it('↓ from none goes to the first option, ↑ to the last, and both wrap round', () => {
    expect(comboKey(s(), 'ArrowDown', 3)).toMatchObject({ state: { active: 0, open: true }, prevent: true, moved: true });
    expect(comboKey(s(), 'ArrowUp', 3)?.state.active).toBe(2);
    expect(comboKey(s({ active: 2 }), 'ArrowDown', 3)?.state.active).toBe(0);
    expect(comboKey(s({ active: 0 }), 'ArrowUp', 3)?.state.active).toBe(2);
  });

  it('an arrow opens a closed list; with no options it only opens', () => {
    expect(comboKey(s({ open: false }), 'ArrowDown', 2)?.state).toEqual({ open: true, active: 0, query: '598' });
    expect(comboKey(s({ open: false }), 'ArrowDown', 0)).toEqual({ state: { open: true, active: -1, query: '598' }, prevent: true, choose: null, moved: false });
  });

  it('Enter opens the highlighted option, else the first, and empties the box; not when closed or empty', () => {
    expect(comboKey(s({ active: 1 }), 'Enter', 3)).toEqual({ state: { open: false, active: -1, query: '' }, prevent: true, choose: 1, moved: false });
    expect(comboKey(s(), 'Enter', 3)?.choose).toBe(0);
    expect(comboKey(s({ open: false }), 'Enter', 3)).toBeNull();
    expect(comboKey(s(), 'Enter', 0)).toBeNull();
  });

  it('Esc closes an open list first, then clears the box', () => {
    const closed = comboKey(s({ active: 1 }), 'Escape', 3)!;
    expect(closed.state).toEqual({ open: false, active: -1, query: '598' });
    expect(comboKey(closed.state, 'Escape', 3)!.state).toEqual({ open: false, active: -1, query: '' });
    // An open list with nothing in it counts as closed.
    expect(comboKey(s(), 'Escape', 0)!.state.query).toBe('');
  });

  it('leaves typing to the input', () => {
    expect(comboKey(s(), 'a', 3)).toBeNull();
  });
});

describe('search status', () => {
  it('says nothing without a query, says when nothing matched, and how many are shown of how many', () => {
    expect(statusText('  ', { total: 4 }, 4, '')).toBe('');
    expect(statusText('598', null, 0, '')).toBe('');
    expect(statusText(' 598 ', { total: 0 }, 0, '')).toBe('没有找到与“598”相符的数字。');
    expect(statusText('598', { total: 10 }, 10, '')).toBe('找到 10 条。上下方向键选择，回车打开。');
    expect(statusText('598', { total: 11 }, 10, '')).toBe('找到 11 条，显示最相关的 10 条。上下方向键选择，回车打开。');
    expect(statusText('598', { total: 11 }, 10, '搜索组件加载失败：x')).toBe('搜索组件加载失败：x');
  });
});

describe('the / shortcut', () => {
  const key = (o: Partial<Parameters<typeof isSearchShortcut>[0]> = {}) => ({ key: '/', ctrlKey: false, metaKey: false, altKey: false, defaultPrevented: false, ...o });
  const div = { isContentEditable: false, tagName: 'DIV' };
  it('focuses the search from the page, not from a field, a chord or a handled key', () => {
    expect(isSearchShortcut(key(), div)).toBe(true);
    expect(isSearchShortcut(key(), null)).toBe(true);
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) expect(isSearchShortcut(key(), { isContentEditable: false, tagName }), tagName).toBe(false);
    expect(isSearchShortcut(key(), { isContentEditable: true, tagName: 'DIV' })).toBe(false);
    expect(isSearchShortcut(key({ ctrlKey: true }), div)).toBe(false);
    expect(isSearchShortcut(key({ defaultPrevented: true }), div)).toBe(false);
    expect(isSearchShortcut(key({ key: '?' }), div)).toBe(false);
  });
});
