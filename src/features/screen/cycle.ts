/**
 * The wall's unit cycle: a region's big screen goes through its units one after another. Pure:
 * which unit comes next; cycle.svelte.ts wires it to a timer and the selection.
 */

/** Seconds each unit stays on the wall before the next one. */
export const CYCLE_MS = 30_000;

/**
 * The unit after `current` among the units of its region, in index order, wrapping round; null
 * when the region has no other unit (or `current` is not in the list).
 */
export function nextUnit(units: ReadonlyArray<{ id: string; region: string }>, current: string): string | null {
  const own = units.find((u) => u.id === current);
  if (!own) return null;
  const region = units.filter((u) => u.region === own.region);
  if (region.length < 2) return null;
  return region[(region.findIndex((u) => u.id === current) + 1) % region.length]!.id;
}

/** What the cycle button says: how many units it goes through, or that it is running. */
export function cycleLabel(units: ReadonlyArray<{ id: string; region: string }>, current: string, on: boolean): string | null {
  const own = units.find((u) => u.id === current);
  const n = own ? units.filter((u) => u.region === own.region).length : 0;
  if (n < 2) return null;
  return on ? `停止轮播（${own!.region} ${n} 个单位）` : `轮播本地区 ${n} 个单位`;
}
