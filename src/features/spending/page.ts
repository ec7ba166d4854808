/**
 * What the spending route's markup needs beyond the model: the model's input read off the stores
 * (shared by the route and the embed page, so both draw the same chart), and the small choices the
 * component would otherwise make itself — which charts sit side by side, which rows a download
 * holds, which key a hover or a search highlights. Pure: the stores are passed in.
 */
import type { ColumnTable } from 'arquero';
import type { ChildRow } from '../../domain/spending/drill';
import { REST_KEY, type Trees } from '../../domain/spending/types';
import type { AnyRecord } from '../../domain/provenance';
import type { ViewState } from '../../model/routes';
import type { ChartSpec } from '../../ui/chart/spec';
import { sortRows, type SortState } from '../../ui/table/columns';
import type { SpendingInput, SpendingView } from './model';

/** The part of the data store the spending model reads (the store itself fits). */
export interface SpendingData {
  facts: ColumnTable | null;
  unitEntry(unit: string): { name: string } | undefined;
}

/** The spending model's input for a view; `focus` only on the route (an embedded chart points nothing out). */
export function spendingInput(data: SpendingData, trees: Trees, records: ReadonlyMap<string, AnyRecord>, view: Pick<ViewState, 'unit' | 'year' | 'compare' | 'path' | 'money'>, focus?: string | null): SpendingInput {
  return {
    facts: data.facts,
    trees,
    records,
    unit: view.unit,
    unitName: data.unitEntry(view.unit)?.name ?? null,
    year: view.year,
    compare: view.compare,
    path: view.path,
    money: view.money,
    focus: focus ?? null,
  };
}

/** The two charts drawn side by side above the flow: composition and comparison, those the level has. */
export function pairedCharts(v: SpendingView | null): ChartSpec[] {
  return v ? [v.charts.hier, v.charts.cmp].filter((c) => c !== null) : [];
}

/** The table's rows as sorted on screen, for its download; 未细分 stays last whatever the order. */
export function downloadRows(v: SpendingView | null, sort: SortState | null): ChildRow[] {
  return v?.table ? sortRows(v.rows, v.table.columns, sort, (r) => r.key === REST_KEY) : [];
}

/** The key every linked view highlights for an item under the pointer (a chart's own key maps to the row's). */
export function hoverKey(v: SpendingView | null, key: string | null): string | null {
  return key === null ? null : (v?.hoverKeys.get(key) ?? key);
}

/** What the charts point out: the item under the pointer, else the figure a search opened. */
export function highlightKey(hover: string | null, v: SpendingView | null): string | null {
  return hover ?? v?.focusKey ?? null;
}
