/**
 * What the spending and overview components share that needs the page: the classification
 * trees from the store, and the drill navigation with its latency mark. Everything pure lives
 * in the route models.
 */
import { tick } from 'svelte';
import { data } from './data.svelte';
import type { Trees } from '../domain/spending/types';
import { selection } from './selection.svelte';
import type { DrillStep, ViewState } from '../model/routes';

/** Focus the current level's first drill row, else its heading (made focusable for this). */
function focusLevel(el: HTMLElement | null | undefined): void {
  const target = el?.querySelector<HTMLElement>('tbody tr[data-key] button') ?? el?.querySelector<HTMLElement>('h1');
  if (!target) return;
  if (target.tagName === 'H1') target.tabIndex = -1;
  target.focus();
}

/** Classification trees from the data (empty when a file failed). */
export function getTrees(): Trees {
  return { functional: data.dataset.functional?.nodes ?? [], economic: data.dataset.economic?.nodes ?? [] };
}

/**
 * Drill to a path, marking 'drill-start'; `performance.measure('drill')` is taken when every
 * chart inside `root` reports drawn (the wrapper's data-drawn). Focus follows a keyboard drill:
 * the row or button that had it is gone with the old level (or disabled at the top), so it moves to the new level's
 * first drill row (else its heading) instead of falling back to the page's start.
 */
export async function drillTo(path: DrillStep[], root: () => HTMLElement | null | undefined, patch: Partial<ViewState> = {}): Promise<void> {
  performance.clearMarks('drill-start');
  performance.mark('drill-start');
  selection.hover = null;
  const had = document.activeElement;
  const inside = had instanceof HTMLElement && had !== document.body && !!root()?.contains(had);
  selection.set({ path, ...patch });
  await tick();
  if (inside && (!had.isConnected || document.activeElement === document.body)) focusLevel(root());
  const started = performance.now();
  const check = () => {
    const el = root();
    const charts = el ? [...el.querySelectorAll<HTMLElement>('[data-chart]')] : [];
    if (charts.every((c) => c.dataset.drawn === 'true')) {
      performance.measure('drill', 'drill-start');
      return;
    }
    if (performance.now() - started < 10_000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
