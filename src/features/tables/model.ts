/**
 * #/tables — 决算公开表: the selected unit-year's figures laid out as the standard 公开01–09表,
 * through the same layout the template workbook and the exporter use (src/import/tables/layout.ts),
 * so the page, its print and the downloaded workbook never disagree. Pure: the component passes
 * the report file, the unit's name and the classification trees.
 */
import { layout, type LCell, type LSheet } from '../../import/tables/layout';
import { tableById } from '../../import/tables/catalog';
import type { ClassNode, UnitYearFile } from '../../model/types';
import { money } from '../../ui/format';

export interface TablesInput {
  unitName: string;
  /** The selected year. */
  year: number;
  /** The report that states the year's figures (a later report may state it for comparison); undefined when it did not load. */
  file: UnitYearFile | undefined;
  trees: { functional: ClassNode[]; economic: ClassNode[] };
}

interface GridCell {
  text: string;
  /** th in the head (scope col/colgroup) or a row label in the body (scope row); td otherwise. */
  scope: 'col' | 'colgroup' | 'row' | null;
  colspan: number;
  rowspan: number;
  /** Amounts are right-aligned; labels follow the layout (headers centred). */
  align: 'left' | 'center' | 'right';
  bold: boolean;
}

/** shown: drawn as a table; empty: every figure the report states for it is zero; none: no figure at all. */
export type TableStatus = 'shown' | 'empty' | 'none';

export interface StandardTable {
  id: string;
  /** 公开01表 … */
  code: string;
  title: string;
  /** For the index and the section heading: "公开01表　收入支出决算总表". */
  heading: string;
  status: TableStatus;
  /** The one line said instead of an empty or figure-less grid; '' when shown. */
  note: string;
  /** The table's printed title with unit and year, as its caption. */
  caption: string;
  head: GridCell[][];
  body: GridCell[][];
}

export interface TablesView {
  title: string;
  lead: string;
  /** Why there is nothing to show, or ''. */
  empty: string;
  moneyNote: string;
  /** The selected year is not the report's own: the tables are the report year's, and this says so; '' otherwise. */
  yearNote: string;
  /** The report leaves parts out or they were not obtained: some tables may lack figures for that reason. */
  gapsNote: string;
  tables: StandardTable[];
  fileName: string;
  counts: Record<TableStatus, number>;
}

const EMPTY_NOTE = '本表无数据（空表）。';
const NONE_NOTE = '本单位的报告没有这张表的数字。';

/** A header row: it holds a cell, and every cell it holds is a bold label (the layout's `h`). */
const isHeadRow = (row: (LCell | null)[]) => row.some((c) => c) && row.every((c) => !c || (c.bold && typeof c.value === 'string'));

/** The positions a span of an earlier cell covers, so those nulls are not drawn as cells of their own. */
function coveredBy(rows: (LCell | null)[][]): Set<string> {
  const covered = new Set<string>();
  rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (!c) return;
      for (let i = 0; i < (c.rowSpan ?? 1); i++) for (let j = 0; j < (c.columnSpan ?? 1); j++) if (i || j) covered.add(`${r + i}:${col + j}`);
    }),
  );
  return covered;
}

function gridCell(c: LCell | null, inHead: boolean): GridCell {
  const colspan = c?.columnSpan ?? 1;
  const label = !!c && typeof c.value === 'string' && c.value !== '';
  return {
    text: !c ? '' : c.amount && typeof c.value === 'number' ? money(c.value) : String(c.value),
    scope: inHead ? (colspan > 1 ? 'colgroup' : 'col') : label ? 'row' : null,
    colspan,
    rowspan: c?.rowSpan ?? 1,
    align: c?.amount ? 'right' : (c?.align ?? 'left'),
    bold: !!c?.bold,
  };
}

/**
 * Empty vs no figures. The shipped figures are transcribed from the report's text and tables; the
 * data does not record which tables a report printed, only the figures it states. So a table is
 * `empty` when the report states figures for it and every one is zero (the report says, e.g.,
 * "政府性基金预算财政拨款收入0万元": the table is published empty), and `none` when the report
 * states no figure of it — whether it left the table out or its pages were not obtained the data
 * cannot tell, so the page says only that the report has no figures for it.
 */
export function tableStatus(amounts: number[]): TableStatus {
  if (!amounts.length) return 'none';
  return amounts.every((v) => v === 0) ? 'empty' : 'shown';
}

function standardTable(sheet: LSheet): StandardTable {
  const spec = tableById(sheet.id);
  // The layout's first two rows are the printed title and the code line; the page has its own.
  const rows = sheet.rows.slice(2);
  const headCount = rows.findIndex((r) => !isHeadRow(r));
  const covered = coveredBy(rows);
  const grid = rows.map((row, r) => row.flatMap((c, col) => (covered.has(`${r}:${col}`) ? [] : [gridCell(c, r < headCount)])));
  const amounts = rows.slice(headCount).flatMap((row) => row.flatMap((c) => (c?.amount && typeof c.value === 'number' ? [c.value] : [])));
  const status = tableStatus(amounts);
  const code = spec.code ?? '';
  return {
    id: `table-${sheet.id}`,
    code,
    title: spec.title,
    heading: `${code}　${spec.title}`,
    status,
    note: status === 'empty' ? EMPTY_NOTE : status === 'none' ? NONE_NOTE : '',
    caption: String(sheet.rows[0][0]?.value ?? spec.title),
    head: status === 'shown' ? grid.slice(0, headCount) : [],
    body: status === 'shown' ? grid.slice(headCount) : [],
  };
}

export function tablesModel(input: TablesInput): TablesView {
  const title = '决算公开表';
  const moneyNote = '金额单位：万元';
  const counts: Record<TableStatus, number> = { shown: 0, empty: 0, none: 0 };
  if (!input.file)
    return { title, lead: '', empty: `${input.unitName}${input.year} 年度的报告文件没有加载成功，见页首的错误说明。`, moneyNote, yearNote: '', gapsNote: '', tables: [], fileName: '', counts };
  // The standard tables are a report's own year: a year a later report states only for comparison is not laid out as its tables.
  const year = input.file.reportYear;
  const fileName = `${input.unitName}${year}年度决算公开表.xlsx`;
  const { sheets } = layout({ file: input.file, unitName: input.unitName, trees: input.trees });
  // 公开01–09表 only: the 绩效自评 table and the two supplementary sheets are in the workbook, not the standard set.
  const tables = sheets.filter((s) => tableById(s.id).code).map(standardTable);
  for (const t of tables) counts[t.status]++;
  return {
    title,
    lead: `${input.unitName}${year}年度决算的数字，按财政部部门决算公开表（公开01表至公开09表）的格式排列；报告没有的数字留空。下载的工作簿是同样的表格，另附绩效自评基础数据表和两张补充表，列出标准表没有位置的数字。`,
    empty: '',
    moneyNote,
    yearNote: year === input.year ? '' : `本单位没有 ${input.year} 年度的报告，${input.year} 年的数字只见于 ${year} 年度报告（作比较用）；决算公开表按报告年度排列，下面是 ${year} 年度的表。`,
    gapsNote: input.file.gaps?.length ? '这份报告有未取得或未录入的部分（逐项见“关于数据”），缺数字的表可能因此没有数字。' : '',
    tables,
    fileName,
    counts,
  };
}
