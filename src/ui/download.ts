/**
 * "Download what I'm looking at": the table's exact rows and columns as CSV (UTF-8 with BOM,
 * so Excel on Chinese Windows reads it right), XLSX and JSON, and any chart as PNG. The
 * serialisers are pure (tested in Node); `saveBlob` is the only part that touches the page.
 */
import { csvFormatRow } from 'd3-dsv';
import { cellExport, type Column } from './table/columns';

export type Cell = string | number | null;

/** Header labels and body rows (totals row last when given), as exported values. */
export function tableMatrix<T>(columns: Column<T>[], rows: T[], totals?: T | null): { header: string[]; body: Cell[][] } {
  const all = totals ? [...rows, totals] : rows;
  return {
    header: columns.map((c) => c.label),
    body: all.map((r) => columns.map((c) => cellExport(c, r))),
  };
}

/**
 * Characters that make a spreadsheet read a cell as a formula when they lead it (CSV / formula
 * injection): = + - @, the control characters TAB, CR and LF that some importers skip before
 * looking, and the full-width forms Excel folds onto them on Chinese systems.
 */
const FORMULA_LEAD = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFE63\uFF20\u2212]/;

/** A text cell as a spreadsheet must see it: prefixed with ' when it would start a formula. */
export function neutralizeFormula(s: string): string {
  return FORMULA_LEAD.test(s) ? `'${s}` : s;
}

/** A cell as CSV text: empty for none, a number as written, text with its formula lead neutralized. */
function csvText(v: Cell): string {
  return v == null ? '' : typeof v === 'number' ? String(v) : neutralizeFormula(v);
}

/** CSV text (RFC 4180 quoting by d3-dsv) with a UTF-8 BOM and CRLF line ends. */
export function toCSV<T>(columns: Column<T>[], rows: T[], totals?: T | null): string {
  const { header, body } = tableMatrix(columns, rows, totals);
  return '\uFEFF' + [header, ...body].map((r) => csvFormatRow(r.map(csvText))).join('\r\n') + '\r\n';
}

/** JSON array of objects keyed by the column labels (what the reader saw in the header). */
export function toJSON<T>(columns: Column<T>[], rows: T[], totals?: T | null): string {
  const { header, body } = tableMatrix(columns, rows, totals);
  return JSON.stringify(
    body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))),
    null,
    2,
  );
}

/** XLSX blob; the writer library is loaded only when someone asks for a spreadsheet. */
export async function toXLSX<T>(columns: Column<T>[], rows: T[], totals?: T | null, sheet = '数据'): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const { header, body } = tableMatrix(columns, rows, totals);
  const data = [
    header.map((h) => ({ value: h, fontWeight: 'bold' as const })),
    ...body.map((r) => r.map((v) => (v == null ? null : typeof v === 'number' ? { value: v, type: Number } : { value: neutralizeFormula(v), type: String }))),
  ];
  // Sheet names may not hold []:*?/\ and are at most 31 characters.
  const name = sheet.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || '数据';
  return writeXlsxFile(data as never, { sheet: name }).toBlob();
}

/** A file name safe on every OS, keeping Chinese characters. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
}

/** Save a blob through a temporary link (works offline; no server round trip). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Decode a data URL (from ECharts getDataURL) into a blob. */
export function dataURLToBlob(url: string): Blob {
  const [head, b64] = url.split(',', 2);
  const mime = /data:([^;]+)/.exec(head)?.[1] ?? 'application/octet-stream';
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: mime });
}

/** The parts of an ECharts instance the PNG export needs (kept minimal for testing). */
export interface PngSource {
  getDataURL(opts: { type: 'png'; pixelRatio?: number; backgroundColor?: string }): string;
  isDisposed?(): boolean;
}

/** Save a chart as PNG at 2× with an opaque background (transparent PNGs look broken in viewers). */
export function downloadPNG(chart: PngSource, fileName: string, backgroundColor = '#ffffff'): void {
  if (chart.isDisposed?.()) return;
  saveBlob(dataURLToBlob(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor })), `${safeFileName(fileName)}.png`);
}

/** Save the table in one format. */
export async function downloadTable<T>(
  format: 'csv' | 'xlsx' | 'json',
  name: string,
  columns: Column<T>[],
  rows: T[],
  totals?: T | null,
): Promise<void> {
  const base = safeFileName(name);
  if (format === 'csv') saveBlob(new Blob([toCSV(columns, rows, totals)], { type: 'text/csv;charset=utf-8' }), `${base}.csv`);
  else if (format === 'json') saveBlob(new Blob([toJSON(columns, rows, totals)], { type: 'application/json' }), `${base}.json`);
  else saveBlob(await toXLSX(columns, rows, totals, name), `${base}.xlsx`);
}
