/**
 * Pure transforms behind #/operations: a unit's operational indicators (any domain) grouped as
 * the report groups them (the index's `groups`, in display order), with the markers readers
 * need (近/余/约 approximations, 累计 running totals, 推算 derived figures) and values brought
 * to a common base unit (万条 → 条) so different magnitudes can share a log axis honestly.
 */
import type { ColumnTable } from 'arquero';
import type { IndicatorRow } from '../data/tables';
import type { Indicator } from '../model/types';

export interface OpItem {
  id: string;
  group: string;
  label: string;
  value: number;
  unit: string;
  approx: IndicatorRow['approx'];
  cumulative: boolean;
  parent: string | null;
  derived: boolean;
  /** Value in the base unit (e.g. 126 万条 → 1,260,000 条). */
  base: number;
  /** The base unit ("条" for "万条"). */
  baseUnit: string;
}

export interface OpGroup {
  id: string;
  label: string;
  items: OpItem[];
}

/** Bring "万X" units to "X" (万元 stays money and is kept as is). */
export function toBase(value: number, unit: string): { base: number; baseUnit: string } {
  if (unit !== '万元' && unit.startsWith('万') && unit.length > 1) return { base: value * 10_000, baseUnit: unit.slice(1) };
  return { base: value, baseUnit: unit };
}

/** An item from the fields a record and a table row share; the two spell "cumulative" and "derived" differently. */
function item(r: Pick<OpItem, 'id' | 'group' | 'label' | 'value' | 'unit' | 'approx' | 'parent'>, cumulative: boolean, derived: boolean): OpItem {
  return { id: r.id, group: r.group, label: r.label, value: r.value, unit: r.unit, approx: r.approx, cumulative, parent: r.parent, derived, ...toBase(r.value, r.unit) };
}

/** One operational indicator record as an item. */
export function opItem(r: Indicator): OpItem {
  return item(r, r.cumulative, r.provenance.kind === 'derived');
}

/** Operational indicator rows of one unit and year from the indicators table. */
export function operationRows(indicators: ColumnTable, unit: string, year: number): OpItem[] {
  const rows = indicators
    .params({ unit, year })
    .filter((d: IndicatorRow, $: { unit: string; year: number }) => d.owner === $.unit && d.year === $.year && d.domain === 'operations')
    .objects() as unknown as IndicatorRow[];
  // The table holds the provenance's kind only.
  return rows.map((r) => item(r, !!r.cumulative, r.provenance === 'derived'));
}

/** Items grouped by the index's groups (display order); groups the index does not know come last. */
export function groupOperations(items: OpItem[], groups: Array<{ id: string; label: string; domain?: string }>): OpGroup[] {
  const order = groups.filter((g) => !g.domain || g.domain === 'operations');
  const out: OpGroup[] = order.map((g) => ({ id: g.id, label: g.label, items: items.filter((i) => i.group === g.id) }));
  const known = new Set(order.map((g) => g.id));
  for (const id of [...new Set(items.map((i) => i.group))].filter((g) => !known.has(g))) {
    out.push({ id, label: id, items: items.filter((i) => i.group === id) });
  }
  return out.filter((g) => g.items.length);
}

/** Items a bar chart can show: counts and amounts, not percentages or derived helpers. */
export function chartableOps(items: OpItem[]): OpItem[] {
  return items.filter((i) => i.unit !== '%' && !i.derived && i.base > 0);
}

/** Markers shown as text next to a figure (never colour alone). */
export function badges(i: Pick<OpItem, 'approx' | 'cumulative' | 'derived'>): string[] {
  const b: string[] = [];
  if (i.approx) b.push(i.approx === '余' ? '余（多于）' : i.approx === '近' ? '近（接近）' : '约');
  if (i.cumulative) b.push('累计');
  if (i.derived) b.push('推算');
  return b;
}

/** A figure as the report words it: "近800万元", "60余项", "126万条". */
export function figureText(i: Pick<OpItem, 'value' | 'unit' | 'approx'>, fmt: (n: number) => string = String): string {
  const v = fmt(i.value);
  if (i.approx === '余') return `${v}余${i.unit}`;
  if (i.approx) return `${i.approx}${v}${i.unit}`;
  return `${v}${i.unit}`;
}

/** The focus key of a group ("group:grid"); a bare id focuses an indicator. */
export const groupKey = (id: string): string => `group:${id}`;

/** Does `focus` (an indicator id or a group key) select this item? */
export function isFocused(i: Pick<OpItem, 'id' | 'group'>, focus: string | null): boolean {
  return !!focus && (focus === i.id || focus === groupKey(i.group));
}

/** The group a focus refers to (directly or through one of its indicators). */
export function focusGroup(items: Pick<OpItem, 'id' | 'group'>[], focus: string | null): string | null {
  if (!focus) return null;
  if (focus.startsWith('group:')) return focus.slice(6);
  return items.find((i) => i.id === focus)?.group ?? null;
}

/**
 * The funnel stages of a group: a chain of counts in one unit where each stage's parent is the
 * previous one (applied → approved). Other figures of the group stay annotations, because
 * their units (%, 万人次, 人次) do not belong in the same funnel.
 */
export function funnelChain(items: OpItem[]): OpItem[] {
  const stated = items.filter((i) => !i.derived);
  const child = stated.find((i) => i.parent && stated.some((p) => p.id === i.parent && p.unit === i.unit));
  if (!child) return [];
  const chain: OpItem[] = [child];
  let cur: OpItem | undefined = child;
  while (cur?.parent) {
    const p = stated.find((x) => x.id === cur!.parent && x.unit === child.unit);
    if (!p) break;
    chain.unshift(p);
    cur = p;
  }
  return chain;
}
