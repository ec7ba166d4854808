/**
 * One entry for every importer: a file's bytes and name → an ImportResult. `.txt` is a report
 * text (decoded here, parsed by ./text); `.xlsx`, `.xls`, `.ods` and `.csv` are the standard 决算 tables
 * (./tables, loaded on demand so the text path does not pull in the workbook reader). Pure:
 * the CLI and the page both call it.
 */
import { decodeText, utf8ByBom } from './decode';
import { importText } from './text/index';
import type { ImportOptions, ImportResult } from './types';

export type { ImportOptions, ImportResult, ReviewItem, ImportError, ImportGroup } from './types';

/** The importer a file name calls for, or null. */
export function formatOf(fileName: string): 'text' | 'tables' | null {
  const ext = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'txt' || ext === 'text') return 'text';
  if (ext === 'xlsx' || ext === 'csv' || ext === 'xls' || ext === 'ods') return 'tables';
  return null;
}

/**
 * Import a file. Never throws for bad input: a file that cannot be read comes back with `errors`.
 * The numbers no role or cell took travel in the written file too (`review`), so whoever opens it
 * later still sees what was left for a person to place.
 */
export async function importFile(bytes: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  const r = await importAny(bytes, opts);
  if (r.file && r.review.length) r.file = { ...r.file, review: r.review };
  return r;
}

async function importAny(bytes: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  const format = formatOf(opts.fileName);
  if (format === null)
    return { review: [], errors: [{ message: `不支持的文件类型“${opts.fileName}”：可导入 .txt（报告正文）、.xlsx、.xls、.ods 或 .csv（决算表）` }] };
  if (format === 'text') {
    const d = decodeText(bytes, opts.encoding);
    if (!d.ok) return { review: [], errors: [d.error] };
    const r = importText(d.text, opts);
    return { ...r, encoding: d.encoding, warnings: [...d.warnings, ...(r.warnings ?? [])] };
  }
  let tables: { importTables?: (b: Uint8Array, o: ImportOptions) => Promise<ImportResult> };
  try {
    tables = await import('./tables/index');
  } catch (e) {
    return { review: [], errors: [{ message: `表格导入（.xlsx/.csv）暂不可用：${(e as Error).message}` }] };
  }
  if (typeof tables.importTables !== 'function') return { review: [], errors: [{ message: '表格导入（.xlsx/.csv）暂不可用' }] };
  // The encoding a byte-order mark names is the file's, for tables as for texts.
  const u = utf8ByBom(bytes);
  if (!u.ok) return { review: [], errors: [u.error] };
  const r = await tables.importTables(u.bytes, opts);
  return u.encoding ? { ...r, encoding: u.encoding } : r;
}
