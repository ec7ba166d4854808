/**
 * Column definitions shared by DataTable.svelte (what is shown) and Downloads.svelte /
 * download.ts (what is exported): one definition, so a download is exactly the table.
 */

/** Provenance of one cell: the record ids behind it and, when computed, how. */
interface CellSource {
  ids: string[];
  computed?: string;
}

export interface Column<T> {
  /** Field of the row (also the sort key unless `value` is given). */
  key: string;
  /** Header text; include the unit, e.g. "金额（万元）". */
  label: string;
  /** Right-aligned, tabular figures; sorts numerically; exported as a number. */
  numeric?: boolean;
  /** Raw value for sorting and export; defaults to `row[key]`. Return null for "no value". */
  value?: (row: T) => string | number | null | undefined;
  /** Display text; defaults to String(value) (numbers: as is). */
  format?: (value: any, row: T) => string;
  /** Value written to CSV/XLSX/JSON; defaults to `value`. Numbers should already be in the displayed unit and rounding. */
  exportValue?: (row: T) => string | number | null | undefined;
  /** Where the cell's figure comes from; a Source ⓘ is shown when it returns ids. */
  source?: (row: T) => CellSource | null | undefined;
  /** Set false to disable sorting by this column. */
  sortable?: boolean;
}

/** The raw value of a cell. */
function cellValue<T>(col: Column<T>, row: T): string | number | null | undefined {
  return col.value ? col.value(row) : ((row as Record<string, unknown>)[col.key] as string | number | null | undefined);
}

/** The displayed text of a cell. */
export function cellText<T>(col: Column<T>, row: T): string {
  const v = cellValue(col, row);
  if (col.format) return col.format(v, row);
  return v == null ? '—' : String(v);
}

/** The exported value of a cell. */
export function cellExport<T>(col: Column<T>, row: T): string | number | null {
  const v = col.exportValue ? col.exportValue(row) : cellValue(col, row);
  return v === undefined ? null : v;
}

export interface SortState {
  key: string;
  dir: 'asc' | 'desc';
}

/**
 * Rows in the order the table shows them: sorted by a column, with pinned rows (e.g. the
 * 未细分 remainder) kept last in their original order. Stable; nulls sort last.
 */
export function sortRows<T>(rows: T[], columns: Column<T>[], sort: SortState | null, pinned?: (row: T) => boolean): T[] {
  const col = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const free = pinned ? rows.filter((r) => !pinned(r)) : [...rows];
  const pins = pinned ? rows.filter((r) => pinned(r)) : [];
  if (col && sort) {
    const sign = sort.dir === 'asc' ? 1 : -1;
    const indexed = free.map((row, i) => ({ row, i, v: cellValue(col, row) }));
    indexed.sort((a, b) => {
      const an = a.v == null || a.v === '';
      const bn = b.v == null || b.v === '';
      if (an || bn) return an === bn ? a.i - b.i : an ? 1 : -1;
      const cmp =
        typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
      return cmp === 0 ? a.i - b.i : cmp * sign;
    });
    return [...indexed.map((x) => x.row), ...pins];
  }
  return [...free, ...pins];
}

export interface TableView<T> {
  id: string;
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Open by default (where the table is the main content). */
  open: boolean;
  /** File name stem of the table downloads. */
  downloadName: string;
}
