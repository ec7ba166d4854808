/**
 * A sheet as a table: where its title, header band and body are, what each column's header
 * says (the path of header cells above it, merged cells filled), which columns are row labels
 * (项目 / 科目编码 / 科目名称 / 类 款 项) and which hold amounts. Real tables put the header at
 * different rows, merge header cells, add a 栏次 row and a 行次 column, and end with notes; this
 * finds the structure from the text, not from fixed positions.
 */
import type { Sheet } from './read';
import { cellText, fold, parseCell, unitIn, type MoneyUnit } from './text';

export interface Column {
  index: number;
  /** Header cells from top to bottom, merged cells filled, repeats dropped. */
  path: string[];
  role: 'label' | 'value' | 'skip';
  /** For label columns: what part of a code the column holds. */
  code?: 'code' | '类' | '款' | '项';
}

export interface Table {
  sheet: Sheet;
  /** Text of every cell (width-folded spacing, trimmed); '' when empty. */
  text: string[][];
  titleRow: number;
  headerStart: number;
  /** First body row. */
  bodyStart: number;
  columns: Column[];
  /** For each value column, the label columns that name its rows (the run of label columns before its value run). */
  labelsOf: Map<number, number[]>;
  unit: MoneyUnit;
}

/** Spreadsheet column letters for messages: 0 → A, 27 → AB. */
export function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const META = /单位[:：]|编制单位|填报单位|编报单位|^公开\d+表$|^部门(?:名称)?[:：]|^单位名称|^(?:19|20)\d{2}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?$/;
const LIST_ITEM = /^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;
const CODE = /^\[?\d{3}(?:[\s.]?\d{2}){0,2}\]?(?!\d)/;
/**
 * A header naming a label column: 项目, 科目编码, 科目名称, 功能分类科目, 类/款/项, and the local
 * wordings 经费项目, 支出项目, 使用项目, 预算科目, 科目代码, 功能科目名称 … (not 项目支出, 项目经费);
 * 年度 when the years are the rows.
 */
const LABEL_HEADER = /^(?:类|款|项|年度|年份|[\u4e00-\u9fa5]{0,12}(?:项目|科目)(?:名称|编码|代码)?|[\u4e00-\u9fa5]{0,12}科目(?:名称|编码|代码)|编码|代码|名称)$/;
const SKIP_HEADER = /^(?:行次|栏次|序号)$/;
const NOTE = /^(?:注|说明|备注|填表说明)[:：\d]/;

const strip = (s: string) => fold(s).replace(/[(（][^)）]*[)）]/g, '');

/**
 * The 栏次 row under a header: the word 栏次 (or 行次) and the column numbers 1, 2, 3 …, or the
 * column numbers alone (≥ 3, counting up from 1). It numbers columns; it is never amounts. A
 * header row that names a 行次 column beside 项目 / 金额 is not one.
 */
export function isColumnNumbers(row: string[]): boolean {
  const cells = row.map((t) => fold(t)).filter((t) => t !== '');
  const words = cells.filter((t) => !/^\d{1,3}$/.test(t));
  const nums = cells.filter((t) => /^\d{1,3}$/.test(t)).map(Number);
  if (!words.every((t) => /^(?:栏次|行次|栏号)$/.test(t))) return false;
  if (words.length) return true;
  return nums.length >= 3 && nums[0] === 1 && nums.every((n, i) => i === 0 || n === nums[i - 1] + 1);
}

/**
 * Whether a row is body (amounts, codes, list items, totals) rather than header. A 合计 row of
 * the body prints its word in the label column, where the header starts (`labelColumn`); a 合计
 * further right, under empty label cells, is a sub-header ("本年支出" over 合计 | 基本支出 | 项目支出).
 */
function isBody(row: string[], raw: unknown[], sangong: boolean, labelColumn: number): boolean {
  if (isColumnNumbers(row)) return true; // the 栏次 row ends the header
  if (raw.some((v) => parseCell(v).kind === 'number')) return true;
  const at = row.findIndex((t) => t !== '');
  if (at < 0) return false;
  const f = fold(row[at]);
  return CODE.test(f) || LIST_ITEM.test(f) || (!sangong && /^(?:合计|总计)$/.test(f) && at <= labelColumn);
}

/**
 * The structure of a sheet whose title sits at `titleRow` (−1: no title row found), or a
 * sentence saying why it has none.
 */
export function analyse(sheet: Sheet, titleRow: number, sangong = false): Table | string {
  const width = Math.max(0, ...sheet.rows.map((r) => r.length));
  const text = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => cellText(r[c])));
  let h = titleRow + 1;
  while (h < text.length) {
    const filled = text[h].filter((t) => t !== '');
    if (filled.length >= 2 && !filled.every((t) => META.test(fold(t)))) break;
    h++;
  }
  if (h >= text.length) return '找不到表头（没有至少两格的表头行）';
  let b = h;
  const labelColumn = text[h].findIndex((t) => t !== '');
  while (b < text.length && b - h < 6 && !isBody(text[b], sheet.rows[b] ?? [], sangong, labelColumn)) b++;
  if (b === h) return `第 ${h + 1} 行像是数据行，表头缺失`;

  // Merged header cells: every cell of a merge inside the band carries the merged text.
  const head = text.slice(h, b).map((r) => [...r]);
  for (const m of sheet.merges) {
    const v = text[m.r0]?.[m.c0] ?? '';
    if (!v) continue;
    for (let r = Math.max(m.r0, h); r <= Math.min(m.r1, b - 1); r++) for (let c = m.c0; c <= m.c1 && c < width; c++) head[r - h][c] = v;
  }
  // Files without merge records (CSV, "centre across selection") leave a group header in its
  // first cell only; it spans the empty cells to its right that have sub-headers below, within
  // the group above it: a column where a higher header starts another group ("公务接待费" after
  // "公务用车购置及运行费") is not under the sub-header to its left ("公务用车运行费").
  for (let r = 0; r < head.length - 1; r++) {
    for (let c = 1; c < width; c++) {
      const sameGroup = head.slice(0, r).every((x) => x[c] === x[c - 1]);
      if (head[r][c] === '' && head[r][c - 1] !== '' && sameGroup && head.slice(r + 1).some((x) => x[c] !== '') && head.slice(r + 1).some((x) => x[c - 1] !== '')) head[r][c] = head[r][c - 1];
    }
  }
  // Also find the money unit: in the rows above the body (title, 单位 line, headers).
  let unit: MoneyUnit | null = null;
  for (let r = 0; r < b && !unit; r++) for (const t of text[r]) if ((unit = unitIn(t))) break;

  const columns: Column[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (const r of head) if (r[c] && r[c] !== path[path.length - 1]) path.push(r[c]);
    const last = strip(path[path.length - 1] ?? '');
    let role: Column['role'] = 'value';
    let code: Column['code'];
    if (SKIP_HEADER.test(last)) role = 'skip';
    else if (LABEL_HEADER.test(last)) {
      role = 'label';
      if (/^[类款项]$/.test(last)) code = last as Column['code'];
      else if (/编码|代码/.test(last)) code = 'code';
    } else if (path.length === 0) {
      // No header: a label column when its body is text, else a value column without a name.
      const body = text.slice(b).map((r) => r[c]).filter((t) => t !== '');
      role = body.length && body.filter((t) => parseCell(t).kind === 'text').length * 2 > body.length ? 'label' : 'value';
    }
    columns.push({ index: c, path, role, code });
  }
  const labelsOf = new Map<number, number[]>();
  let labels: number[] = [];
  let prev: Column['role'] | null = null;
  for (const col of columns) {
    if (col.role === 'skip') continue;
    if (col.role === 'label') {
      if (prev !== 'label') labels = [];
      labels.push(col.index);
    } else labelsOf.set(col.index, labels);
    prev = col.role;
  }
  return {
    sheet,
    text,
    titleRow,
    headerStart: h,
    bodyStart: b,
    columns,
    labelsOf,
    unit: unit ?? { unit: '万元', toWan: 1, printed: false },
  };
}

/**
 * A sheet that continues `base` without a header of its own: read with `base`'s columns from its
 * first row on (its own rows, its own numbers). The width is the wider of the two.
 */
export function continueTable(base: Table, sheet: Sheet): Table {
  const width = Math.max(base.columns.length, ...sheet.rows.map((r) => r.length));
  const text = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => cellText(r[c])));
  const columns = Array.from({ length: width }, (_, c) => base.columns[c] ?? { index: c, path: [], role: 'skip' as const });
  return { ...base, sheet, text, titleRow: -1, headerStart: 0, bodyStart: 0, columns };
}

/** Whether a body row ends the table (a note line). */
export function isNote(row: string[]): boolean {
  const first = row.find((t) => t !== '');
  return first !== undefined && NOTE.test(fold(first));
}

/** Whether a row is the 栏次 row or empty. */
export function isFiller(row: string[]): boolean {
  return row.every((t) => t === '') || isColumnNumbers(row);
}

/** Header text of a column for quotes: its path joined by "/". */
export const headerOf = (col: Column | undefined) => (col && col.path.length ? col.path.join('/') : '');

/**
 * Code and name a row prints in a group of label columns: a code column ("2010301", "[2010301]"),
 * split 类/款/项 columns ("201" "03" "01", a 款 row may leave 类 blank: the last 类 above is
 * meant), or code and name in one cell ("2010301 行政运行").
 */
export function rowLabel(t: Table, r: number, labels: number[], carry: { 类?: string; 款?: string }): { code: string | null; name: string; printed: string } {
  const cells = labels.map((c) => ({ c, text: t.text[r][c], col: t.columns[c] }));
  if (labels.length && cells.every((x) => x.text === '')) {
    // A total row printed across panels ("公用经费合计" merged over the code and name columns of
    // two panels): the label is the merged cell over these columns, or in a file without merge
    // records (CSV) the nearest text to the left before another amount.
    const m = t.sheet.merges.find((x) => x.r0 <= r && r <= x.r1 && labels.some((c) => x.c0 <= c && c <= x.c1));
    let text = m ? (t.text[m.r0]?.[m.c0] ?? '') : '';
    for (let c = labels[0] - 1; !text && c >= 0; c--) {
      const p = parseCell(t.sheet.rows[r]?.[c]);
      if (p.kind === 'number') break;
      if (p.kind === 'text') text = t.text[r][c];
    }
    if (text) return { code: null, name: text, printed: text };
  }
  const printed = cells.map((x) => x.text).filter((x) => x !== '').join(' ');
  const split = cells.filter((x) => x.col.code === '类' || x.col.code === '款' || x.col.code === '项');
  let code: string | null = null;
  let name = cells.filter((x) => !x.col.code).map((x) => x.text).filter((x) => x !== '').join(' ');
  if (split.length) {
    const part = (k: '类' | '款' | '项', len: number) => {
      const v = fold(split.find((x) => x.col.code === k)?.text ?? '');
      return /^\d+$/.test(v) ? v.padStart(len, '0') : '';
    };
    const lei = part('类', 3);
    const kuan = part('款', 2);
    const xiang = part('项', 2);
    if (lei) carry.类 = lei;
    if (lei || kuan || xiang) {
      const l = lei || carry.类 || '';
      if (kuan && l) carry.款 = l + kuan;
      code = xiang ? (kuan ? l + kuan : carry.款 ?? '') + xiang : kuan ? l + kuan : l;
      if (!/^\d{3}(\d{2}){0,2}$/.test(code)) code = null;
    }
  } else {
    const all = cells.map((x) => x.text).filter((x) => x !== '').join(' ');
    const m = /^\[?(\d{3}(?:[\s.]?\d{2}){0,2})\]?(?!\d)[\s\-—:：、]*(.*)$/.exec(all.normalize('NFKC'));
    if (m) {
      code = m[1].replace(/[\s.]/g, '');
      name = m[2].trim();
    } else name = all;
  }
  return { code, name, printed: printed || `第${r + 1}行` };
}
