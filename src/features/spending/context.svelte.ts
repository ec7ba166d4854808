/**
 * What the spending and overview views share: the classification trees, a record index for
 * provenance lines, money formatting bound to the selection, and the drill-latency mark.
 */
import { tick } from 'svelte';
import { data } from '../../state/data.svelte';
import { provenanceSummary, recordIndex, type AnyRecord } from '../../domain/provenance';
import type { Trees } from '../../domain/drill';
import { selection } from '../../state/selection.svelte';
import type { DrillStep } from '../../state/url';
import { MONEY } from '../../ui/format';
import type { MoneyUnit } from '../../state/url';

/** Classification trees from the data (empty when a file failed). */
export function getTrees(): Trees {
  return { functional: data.dataset.functional?.nodes ?? [], economic: data.dataset.economic?.nodes ?? [] };
}

/** All records of the unit (every report file), by id. */
export function unitRecords(unit: string): Map<string, AnyRecord> {
  const map = new Map<string, AnyRecord>();
  for (const f of data.files) if (f.unit === unit) for (const [k, v] of recordIndex(f)) map.set(k, v);
  return map;
}

/** One-line provenance of a figure made of the given records (for tooltips and CSV). */
export function sourceLine(ids: string[], records: Map<string, AnyRecord>): string {
  if (!ids.length) return '';
  if (ids.length === 1) {
    const r = records.get(ids[0]);
    return r ? provenanceSummary(r.record.provenance) : ids[0];
  }
  const labels = ids.map((id) => records.get(id)?.record.label ?? id);
  return `${ids.length} 条数据相加：${labels.slice(0, 6).join('、')}${labels.length > 6 ? '等' : ''}`;
}

/** Decimals of the display unit, for exported numbers (what the table shows). */
export function moneyDecimals(unit: MoneyUnit): number {
  return MONEY[unit].spec.includes('.4') ? 4 : MONEY[unit].spec.includes('.2') ? 2 : 0;
}
export function roundTo(v: number | null, d: number): number | null {
  if (v === null || !Number.isFinite(v)) return null;
  const f = 10 ** d;
  return Math.round(v * f) / f;
}

/**
 * Drill to a path, marking 'drill-start'; `performance.measure('drill')` is taken when every
 * chart inside `root` reports drawn (the wrapper's data-drawn).
 */
export async function drillTo(path: DrillStep[], root: () => HTMLElement | null | undefined, patch: Record<string, unknown> = {}): Promise<void> {
  performance.clearMarks('drill-start');
  performance.mark('drill-start');
  selection.hover = null;
  selection.set({ path, ...patch });
  await tick();
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
