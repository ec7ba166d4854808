/**
 * Bytes → sheets of cells. The file's first bytes decide what it is (a name can lie: many
 * "xls" downloads from government sites are HTML pages or CSV), then .xlsx goes through the zip
 * guard and read-excel-file, CSV through the platform's TextDecoder and d3-dsv. Runs in the
 * browser (a worker) as well as in Node: no Node APIs.
 */
import { csvParseRows, tsvParseRows } from 'd3-dsv';
import readXlsxFile from 'read-excel-file/universal';
import { listEntries, MAX_WORKBOOK_BYTES, storedZip, unpackXlsx, unpackZip, ZipError } from './zip';

/** One sheet: its tab name, its cells (row-major, 0-based, as the file holds them) and merged ranges. */
export interface Sheet {
  name: string;
  rows: unknown[][];
  merges: { r0: number; c0: number; r1: number; c1: number }[];
}

export class ReadError extends Error {}

/** Largest CSV accepted (characters): a 决算 table is a few hundred rows. */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;
/**
 * The grid a sheet may span. The reader (and `analyse`) build every row out to the widest one, so
 * a single cell far away ("XFD1048576", 16 384 × 1 048 576) would make billions of empty cells
 * from a 20 KB file; the bound is on what is built, not on bytes. A 决算 table is a few hundred
 * rows by a few dozen columns.
 */
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 500;
export const MAX_CELLS = 1_000_000;

/** A sentence when a grid of `rows` × `cols` is beyond the bounds, naming where it reaches. */
function gridProblem(rows: number, cols: number, where: string): string | null {
  if (rows <= MAX_ROWS && cols <= MAX_COLUMNS && rows * cols <= MAX_CELLS) return null;
  return `${where}的内容一直延伸到第 ${rows} 行、第 ${cols} 列（${columnName(cols - 1)}${rows}），超过上限 ${MAX_ROWS} 行 × ${MAX_COLUMNS} 列（共 ${MAX_CELLS} 格）；决算表只有几百行，请删去表格以外远处的内容后另存`;
}

/** Spreadsheet column letters: 0 → A, 16383 → XFD. */
function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `xls`: an Excel 97-2003 (BIFF, OLE) workbook; `ods`: an OpenDocument spreadsheet. */
export type Kind = 'xlsx' | 'xls' | 'ods' | 'csv';


/** What the first bytes say the file is, or a sentence saying why it is none of ours. */
export function sniff(bytes: Uint8Array, fileName: string): Kind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new ReadError(`${fileName} 是空文件（0 字节）`);
  const head = (n: number) => Array.from(bytes.subarray(0, n));
  const is = (...sig: number[]) => sig.every((x, i) => bytes[i] === x);
  if (is(0x50, 0x4b, 0x03, 0x04) || is(0x50, 0x4b, 0x05, 0x06)) {
    if (ext === 'csv') throw new ReadError(`${fileName} 扩展名为 .csv，内容却是 zip（.xlsx 工作簿）；请改名为 .xlsx`);
    return isOds(bytes) ? 'ods' : 'xlsx';
  }
  if (is(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'xls';
  if (is(0x25, 0x50, 0x44, 0x46)) throw new ReadError(`${fileName} 是 PDF 文件；表格请导出为 .xlsx 或 .csv，报告正文请存为 .txt`);
  if (is(0x1f, 0x8b) || is(0x52, 0x61, 0x72, 0x21) || is(0x37, 0x7a, 0xbc, 0xaf)) throw new ReadError(`${fileName} 是压缩包（gzip/rar/7z），不是 .xlsx 工作簿`);
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table') || (start.startsWith('<?xml') && start.includes('urn:schemas-microsoft-com:office'))) {
    throw new ReadError(`${fileName} 是网页（HTML/XML 表格），不是真正的 Excel 文件；请在 Excel/WPS 中打开后“另存为” .xlsx`);
  }
  if (head(Math.min(bytes.length, 4096)).some((x) => x === 0)) throw new ReadError(`${fileName} 是二进制文件，既不是 .xlsx 也不是 .csv`);
  if (ext === 'xlsx') throw new ReadError(`${fileName} 扩展名为 .xlsx，内容却是文本（不是 zip 压缩包）；若是 CSV 请改名为 .csv`);
  return 'csv';
}

/** Whether a zip is an OpenDocument spreadsheet: its directory lists content.xml and no xl/workbook.xml. */
function isOds(bytes: Uint8Array): boolean {
  try {
    const names = new Set(listEntries(bytes).map((x) => x.name));
    return names.has('content.xml') && !names.has('xl/workbook.xml');
  } catch {
    return false; // not a readable zip: the .xlsx reader says why
  }
}

/**
 * Decode CSV bytes: UTF-8 when they are valid UTF-8 (with or without BOM), else GB18030 (a
 * superset of GBK, what most government exports use). A decoder that is not strict would turn
 * GBK into U+FFFD silently, so UTF-8 is tried with `fatal`.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** A CSV file as one sheet named after the file; tab-separated when tabs outnumber commas. */
export function readCsv(bytes: Uint8Array, fileName: string): Sheet {
  if (bytes.length > MAX_CSV_BYTES) throw new ReadError(`${fileName} 有 ${(bytes.length / 1048576).toFixed(1)} MB，超过 CSV 上限 ${MAX_CSV_BYTES / 1048576} MB`);
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new ReadError(`${fileName} 没有内容（只有空白）`);
  const firstLines = text.slice(0, 4096);
  const tabs = (firstLines.match(/\t/g) ?? []).length;
  const commas = (firstLines.match(/,/g) ?? []).length;
  const rows = (tabs > commas ? tsvParseRows : csvParseRows)(text);
  const problem = gridProblem(rows.length, Math.max(0, ...rows.map((r) => r.length)), `${fileName} `);
  if (problem) throw new ReadError(problem);
  return { name: fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''), rows, merges: [] };
}

const XML = (b: Uint8Array | undefined) => (b ? new TextDecoder('utf-8').decode(b) : '');
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** "C12" → [11, 2] (0-based row, column). */
function address(ref: string): [number, number] | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

/**
 * Merged ranges of each sheet, by sheet name. read-excel-file gives a merged cell's value in its
 * top-left cell only, and merged header cells ("本年支出" over 合计/基本支出/项目支出) are how these
 * tables say which columns belong together, so the ranges are read from the sheet XML here.
 */
function sheetPaths(files: Record<string, Uint8Array>): Map<string, string> {
  const out = new Map<string, string>();
  const rels = new Map<string, string>();
  for (const m of XML(files['xl/_rels/workbook.xml.rels']).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of XML(files['xl/workbook.xml']).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id') ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
    const path = rid ? rels.get(rid) : undefined;
    if (name && path) out.set(unescape(name), path);
  }
  return out;
}

function mergesBySheet(files: Record<string, Uint8Array>, paths: Map<string, string>): Map<string, Sheet['merges']> {
  const out = new Map<string, Sheet['merges']>();
  for (const [name, path] of paths) {
    const ranges: Sheet['merges'] = [];
    for (const mc of XML(files[path]).matchAll(/<(?:\w+:)?mergeCell\b[^>]*ref="([A-Z$0-9]+):([A-Z$0-9]+)"/g)) {
      const a = address(mc[1]);
      const b = address(mc[2]);
      if (a && b) ranges.push({ r0: a[0], c0: a[1], r1: b[0], c1: b[1] });
    }
    out.set(name, ranges);
  }
  return out;
}

/**
 * Bound the grid before the reader builds it: the extent is that of the cells holding something
 * (a value, an inline string or a formula), whatever `<dimension>` declares. Empty cells
 * (`<c r="XFD1048576" s="3"/>`, formatting only) and the declared dimension are dropped from
 * the copy the reader gets, so they cannot widen it; a sheet whose filled cells reach beyond
 * the bounds is refused with the cell that does.
 */
function boundGrids(files: Record<string, Uint8Array>, paths: Map<string, string>, fileName: string): void {
  for (const [name, path] of paths) {
    const bytes = files[path];
    if (!bytes) continue;
    const xml = XML(bytes);
    let rows = 0;
    let cols = 0;
    for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(\/?)>/g)) {
      if (m[2] === '/') continue;
      const ref = /\br="([A-Z$0-9]+)"/.exec(m[1])?.[1];
      const at = ref ? address(ref) : null;
      if (!at) continue;
      rows = Math.max(rows, at[0] + 1);
      cols = Math.max(cols, at[1] + 1);
    }
    const problem = gridProblem(rows, cols, `${fileName}：工作表“${name}”`);
    if (problem) throw new ReadError(problem);
    const trimmed = xml.replace(/<(?:\w+:)?dimension\b[^>]*\/>/g, '').replace(/<(?:\w+:)?c\b[^>]*\/>/g, '');
    if (trimmed.length !== xml.length) files[path] = new TextEncoder().encode(trimmed);
  }
}

/** An .xlsx workbook as sheets. Errors are ReadError with a message for people. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Sheet[]> {
  let files: Record<string, Uint8Array>;
  try {
    files = unpackXlsx(bytes);
  } catch (e) {
    if (e instanceof ZipError) throw new ReadError(`${fileName}：${e.message}`);
    throw e;
  }
  if (!files['xl/workbook.xml']) throw new ReadError(`${fileName} 是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml）；可能是 .docx、.ods 或其他文件改了扩展名`);
  const paths = sheetPaths(files);
  boundGrids(files, paths, fileName);
  const merges = mergesBySheet(files, paths);
  const stored = storedZip(files);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    // A copy exactly the size of the data: read-excel-file wants an ArrayBuffer, not a view.
    sheets = (await readXlsxFile(stored.slice().buffer as ArrayBuffer, { trim: true })) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    throw new ReadError(`${fileName} 无法按 .xlsx 读取：${e instanceof Error ? e.message : String(e)}`);
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data, merges: merges.get(s.sheet) ?? [] }));
}

/** A spreadsheet cell as SheetJS gives it (the fields read here). */
interface LegacyCell {
  t: string;
  v?: unknown;
}

/**
 * The filled extent of an OpenDocument sheet, counting repeats: `number-rows-repeated` and
 * `number-columns-repeated` let a few bytes stand for a million rows, and SheetJS builds every
 * repeat of a filled cell, so the bound is checked here first. Empty repeats (how LibreOffice
 * pads a sheet to its full grid) widen nothing.
 */
function odsExtent(xml: string): { name: string; rows: number; cols: number }[] {
  const out: { name: string; rows: number; cols: number }[] = [];
  for (const t of xml.matchAll(/<table:table\b([^>]*)>([\s\S]*?)<\/table:table>/g)) {
    let r = 0;
    let rows = 0;
    let cols = 0;
    for (const row of t[2].matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
      const rowRepeat = Number(/number-rows-repeated="(\d+)"/.exec(row[1])?.[1] ?? 1);
      let c = 0;
      let filled = 0;
      for (const cell of (row[2] ?? '').matchAll(/<table:(?:covered-)?table-cell\b([^>]*?)(\/?)>/g)) {
        const colRepeat = Number(/number-columns-repeated="(\d+)"/.exec(cell[1])?.[1] ?? 1);
        c += colRepeat;
        if (cell[2] !== '/' || /value-type=/.test(cell[1])) filled = c;
      }
      r += rowRepeat;
      if (filled) {
        rows = r;
        cols = Math.max(cols, filled);
      }
    }
    out.push({ name: unescape(/table:name="([^"]*)"/.exec(t[1])?.[1] ?? ''), rows, cols });
  }
  return out;
}

/**
 * An Excel 97-2003 (.xls) or OpenDocument (.ods) workbook as sheets, through SheetJS (loaded only
 * for these files). The same bounds as for .xlsx: the file size; for .ods the zip guard and the
 * filled extent before parsing; for .xls (uncompressed BIFF: every cell is a record of its own,
 * so the file size bounds the cells, and its declared dimension is not used) the filled extent
 * before any row is built. Sheets are read dense, so only cells that exist take memory.
 */
export async function readLegacy(bytes: Uint8Array, fileName: string, kind: 'xls' | 'ods'): Promise<Sheet[]> {
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new ReadError(`${fileName}：工作簿 ${(bytes.length / 1048576).toFixed(1)} MB，超过上限 ${MAX_WORKBOOK_BYTES / 1048576} MB；决算表通常不足 1 MB，请只保留决算公开表`);
  let input = bytes;
  if (kind === 'ods') {
    let files: Record<string, Uint8Array>;
    try {
      files = unpackZip(bytes, (name) => name === 'mimetype' || name.endsWith('.xml'));
    } catch (e) {
      if (e instanceof ZipError) throw new ReadError(`${fileName}：${e.message}`);
      throw e;
    }
    if (!files['content.xml']) throw new ReadError(`${fileName} 是 zip 压缩包，但不是 OpenDocument 表格（缺少 content.xml）`);
    for (const x of odsExtent(XML(files['content.xml']))) {
      const problem = gridProblem(x.rows, x.cols, `${fileName}：工作表“${x.name}”`);
      if (problem) throw new ReadError(problem);
    }
    input = storedZip(files);
  }
  const XLSX = await import('@e965/xlsx');
  let book: import('@e965/xlsx').WorkBook;
  try {
    book = XLSX.read(input, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellDates: false, cellNF: false });
  } catch (e) {
    throw new ReadError(`${fileName} 无法按 ${kind === 'xls' ? 'Excel 97-2003（.xls）' : 'OpenDocument（.ods）'}读取：${e instanceof Error ? e.message : String(e)}；可在 Excel/WPS 中“另存为” .xlsx 后再导入`);
  }
  return book.SheetNames.map((name) => {
    const ws = book.Sheets[name];
    const data = ((ws as { '!data'?: (LegacyCell[] | undefined)[] })['!data'] ?? []);
    let rows = 0;
    let cols = 0;
    // forEach skips the holes of a sparse row: only cells that exist are counted.
    data.forEach((row, r) => row?.forEach((cell, c) => {
      if (cell && cell.t !== 'z' && cell.t !== 'e' && cell.v !== undefined && cell.v !== '') {
        rows = Math.max(rows, r + 1);
        cols = Math.max(cols, c + 1);
      }
    }));
    const problem = gridProblem(rows, cols, `${fileName}：工作表“${name}”`);
    if (problem) throw new ReadError(problem);
    const out: unknown[][] = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const cell = data[r]?.[c];
        if (!cell || cell.t === 'z' || cell.t === 'e') return null;
        return cell.t === 'n' ? cell.v : typeof cell.v === 'string' ? cell.v.trim() || null : cell.v ?? null;
      }),
    );
    const merges = (ws['!merges'] ?? []).filter((m) => m.s.r < rows && m.s.c < cols).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    return { name, rows: out, merges };
  });
}
