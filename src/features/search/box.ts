/**
 * The search box as a combobox (ARIA 1.2, listbox popup), without the page: what each key does
 * to the list, the status line read to screen readers, and when `/` opens the search.
 */

export interface ComboState {
  open: boolean;
  /** The highlighted option, -1 for none. */
  active: number;
  query: string;
}

export interface ComboStep {
  state: ComboState;
  /** The key is used here (the browser must not also act on it). */
  prevent: boolean;
  /** The option chosen (Enter), to open. */
  choose: number | null;
  /** The highlighted option moved: scroll it into view. */
  moved: boolean;
}

/**
 * One key in the box over `count` options. ↑/↓ open the list and move round it (from none: ↓ to
 * the first, ↑ to the last); Enter opens the highlighted option, or the first; Esc closes an
 * open list, and clears the box when the list is closed. Other keys: null (typing).
 */
export function comboKey(s: ComboState, key: string, count: number): ComboStep | null {
  const step = (state: ComboState, o: Partial<ComboStep> = {}): ComboStep => ({ state, prevent: false, choose: null, moved: false, ...o });
  if (key === 'ArrowDown' || key === 'ArrowUp') {
    if (!count) return step({ ...s, open: true }, { prevent: true });
    const d = key === 'ArrowDown' ? 1 : -1;
    const active = s.active < 0 ? (d > 0 ? 0 : count - 1) : (s.active + d + count) % count;
    return step({ ...s, open: true, active }, { prevent: true, moved: true });
  }
  if (key === 'Enter') {
    const i = s.active >= 0 ? s.active : 0;
    return s.open && i < count ? step({ open: false, active: -1, query: '' }, { prevent: true, choose: i }) : null;
  }
  if (key === 'Escape') return step(s.open && count > 0 ? { ...s, open: false, active: -1 } : { ...s, query: '', active: -1 });
  return null;
}

/** The status line under the box: the load error, nothing, no match, or how many matched and how many are shown. */
export function statusText(query: string, result: { total: number } | null, shown: number, loadError: string): string {
  if (loadError) return loadError;
  const q = query.trim();
  if (!q || !result) return '';
  if (result.total === 0) return `没有找到与“${q}”相符的数字。`;
  return `找到 ${result.total} 条${result.total > shown ? `，显示最相关的 ${shown} 条` : ''}。上下方向键选择，回车打开。`;
}

/** Whether a key press anywhere on the page is the `/` that focuses the search: not a chord, and not typed into a field. */
export function isSearchShortcut(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; defaultPrevented: boolean },
  target: { isContentEditable: boolean; tagName: string } | null,
): boolean {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  return !(target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)));
}
