/**
 * The tables importer: an .xlsx workbook or a .csv table of the standard 决算公开 tables → one
 * unit-year file in the one format, every figure `stated` with its cell path as quote, the
 * numbers it could not place listed for review, and the codes the trees lack. Pure: bytes in,
 * result out, no Node APIs, so the page can run it in a worker.
 */
import type { ClassNode, Fact, Gap, Indicator, UnitYearFile } from '../../model/types';
import { roleSection, roleTitle, SANGONG_ITEM_PARTS, type RoleSection } from '../../model/vocabulary';
import { groupAssigner } from '../groups';
import type { ImportError, ImportOptions, ImportResult, ReviewItem } from '../types';
import { budgetTitle, FUNCTIONAL_CLASSES, tableNamed, tableTagged, TABLES, type TableSpec } from './catalog';
import {
  Codes,
  readEconomic,
  readFactSheet,
  readFunctional,
  readMeasureSheet,
  readPerformance,
  readSangong,
  readSides,
  type Context,
  type FactTarget,
  type Hit,
  type MeasureTarget,
  type PartTarget,
  type SumTarget,
} from './extract';
import { analyse, columnLetter, continueTable, type Table } from './grid';
import { readCsv, ReadError, readLegacy, readXlsx, sniff, type Sheet } from './read';
import { cellText, fold, parseCell, show, yearsIn } from './text';

export { TABLES, tableNamed } from './catalog';

/** A title and its 公开0N表 tag belong together when this many rows apart or fewer. */
const TAG_REACH = 3;

interface Found {
  sheet: Sheet;
  spec: TableSpec;
  titleRow: number;
  title: string;
  /** First and last+1 sheet row of the table (several tables may be stacked in one sheet). */
  start: number;
  end: number;
  /** A sheet that continues the table of an earlier sheet: read with that table's header when it prints none. */
  continues?: Found;
}

/** A cell that prints a table's title: short, not a note, naming one of the tables. */
function titleIn(text: string): TableSpec | null {
  if (text.length > 80 || /^(?:注|说明|备注|填表说明)/.test(fold(text))) return null;
  return tableNamed(text);
}

/**
 * The tables a sheet holds, found by their printed titles and 公开0N表 tags wherever they sit:
 * one per sheet, or several stacked (each runs from its title, or its tag when that comes first,
 * to the next table's). A sheet with no title anywhere is named by its tab or the file.
 */
function identify(sheet: Sheet, fallbackName?: string): Found[] {
  const titles: { row: number; spec: TableSpec; text: string }[] = [];
  const tags: { row: number; spec: TableSpec }[] = [];
  sheet.rows.forEach((row, r) => {
    const cells = row.map(cellText).filter((t) => t !== '');
    if (cells.length > 4) return; // a title or tag row has a few cells; a header or body row many
    for (const text of cells) {
      const tag = tableTagged(text);
      if (tag) tags.push({ row: r, spec: tag });
      else {
        const spec = titleIn(text);
        if (spec && !titles.some((t) => t.row === r)) titles.push({ row: r, spec, text });
      }
    }
  });
  const starts: { start: number; titleRow: number; spec: TableSpec; title: string }[] = [];
  for (const t of titles) {
    const tag = tags.find((g) => Math.abs(g.row - t.row) <= TAG_REACH && g.spec.id === t.spec.id);
    starts.push({ start: Math.min(t.row, tag?.row ?? t.row), titleRow: t.row, spec: t.spec, title: t.text });
  }
  // A tag without a title near it still names its table (some units print only "公开05表").
  for (const g of tags) if (!titles.some((t) => Math.abs(g.row - t.row) <= TAG_REACH)) starts.push({ start: g.row, titleRow: g.row, spec: g.spec, title: g.spec.title });
  starts.sort((a, b) => a.start - b.start);
  if (!starts.length) {
    for (const name of [sheet.name, fallbackName ?? '']) {
      const spec = tableNamed(name);
      if (spec) return [{ sheet, spec, titleRow: -1, title: spec.title, start: 0, end: sheet.rows.length }];
    }
    // No title that ends in 表 (a 三公 statement headed "…“三公经费”财政拨款情况"): its headers name the
    // 三公 items, which no other table prints together.
    const head = sheet.rows.slice(0, 12).map((r) => r.map((v) => fold(cellText(v))).join('|'));
    if (head.some((r) => /因公出国/.test(r) && /公务接待/.test(r)) || (head.some((r) => /因公出国/.test(r)) && head.some((r) => /公务接待/.test(r)))) {
      const spec = TABLES.find((t) => t.id === 'sangong')!;
      return [{ sheet, spec, titleRow: -1, title: cellText(sheet.rows.find((r) => r.some((v) => /三公/.test(cellText(v))))?.find((v) => /三公/.test(cellText(v)))) || spec.title, start: 0, end: sheet.rows.length }];
    }
    return [];
  }
  const found: Found[] = starts.map((s, i) => {
    const end = starts[i + 1]?.start ?? sheet.rows.length;
    // The table's own view of the sheet: rows of the other tables blanked, numbering kept.
    const rows = sheet.rows.slice(0, end).map((row, r) => (r >= s.start ? row : []));
    return { sheet: { ...sheet, rows }, spec: s.spec, titleRow: s.titleRow, title: s.title, start: s.start, end };
  });
  // A table printed again right under itself (a page break that repeats the title, "…（续）" or not)
  // continues it: its rows are read, a row printed on both pages is a duplicate for review.
  for (let i = 1; i < found.length; i++) if (found[i].spec.id === found[i - 1].spec.id) found[i].continues = found[i - 1];
  return found;
}

/**
 * A table printed over several sheets (01 on two pages, 05 over two sheets). A sheet continues
 * the table that ends the sheet before it when it prints no title of its own and either repeats
 * that table's first header row or starts at once with body rows (codes, list items, amounts);
 * or when it prints the same title marked 续. Its rows keep their own sheet and row numbers in the
 * quotes. A sheet with figures and no title that does neither says why (`notContinuing`).
 */
function joinContinuations(bySheet: { sheet: Sheet; tables: Found[] }[]): { sheet: Sheet; tables: Found[]; notContinuing?: string }[] {
  return bySheet.map(({ sheet, tables }, i) => {
    const prev = bySheet[i - 1]?.tables.at(-1);
    if (!prev) return { sheet, tables };
    if (tables.length) {
      const [first, ...rest] = tables;
      return first.spec.id === prev.spec.id && (/续/.test(first.title) || (first.titleRow === -1 && /续/.test(sheet.name))) ? { sheet, tables: [{ ...first, continues: prev }, ...rest] } : { sheet, tables };
    }
    if (!sheet.rows.some((r) => r.some((v) => parseCell(v).kind === 'number'))) return { sheet, tables };
    const header = analyse(prev.sheet, prev.titleRow, prev.spec.layout === 'sangong');
    const firstHeader = typeof header === 'string' ? '' : header.text[header.headerStart].map(fold).join('|');
    const lines = sheet.rows.map((r) => r.map((v) => fold(cellText(v))));
    const top = lines.findIndex((r) => r.some((x) => x !== ''));
    // A title of its own that names no standard table ("…项目支出决算表") starts another table.
    const ownTitle = lines.slice(top, top + 3).find((r) => r.filter((x) => x !== '').length <= 2 && r.some((x) => /表$/.test(x)));
    if (ownTitle) return { sheet, tables, notContinuing: `其标题“${ownTitle.find((x) => /表$/.test(x))}”不是标准决算公开表` };
    const repeats = lines.slice(top, top + 6).some((r) => r.join('|').replace(/\|+$/, '') === firstHeader.replace(/\|+$/, ''));
    const startsWithBody = typeof header !== 'string' && top >= 0 && startsBody(lines[top], sheet.rows[top], header.columns.filter((c) => c.role === 'value').map((c) => c.index));
    if (repeats || startsWithBody) return { sheet, tables: [{ sheet, spec: prev.spec, titleRow: -1, title: prev.title, start: 0, end: sheet.rows.length, continues: prev }] };
    return { sheet, tables: [], notContinuing: `也不像是前一工作表“${bySheet[i - 1].sheet.name}”上${prev.spec.title}的续页（表头不同，开头也不是数据行；若是续页，请把表头复制到它的上方）` };
  });
}

/** Whether a row is a body row of a table whose amounts stand in `valueCols`: a code or list item first, amounts only there. */
function startsBody(text: string[], raw: unknown[], valueCols: number[]): boolean {
  const first = text.find((x) => x !== '') ?? '';
  const amounts = raw.map((v, c) => (parseCell(v).kind === 'number' ? c : -1)).filter((c) => c >= 0);
  return /^\d{3}(?:\d{2}){0,2}(?!\d)|^[一二三四五六七八九十]+、|^[(（][一二三四五六七八九十]+[)）]/.test(first) && amounts.length > 0 && amounts.every((c) => valueCols.includes(c) || /^\d{3}(?:\d{2}){0,2}$/.test(text[c] ?? ''));
}

const SLUG: Record<string, string> = {
  决算: 'final', 年初预算: 'initial', 调整预算: 'adjusted',
  收入: 'income', 支出: 'spend', 年初结转和结余: 'carry-in', 年末结转和结余: 'carry-out',
  财政拨款: 'fiscal', 一般公共预算财政拨款: 'gpb', 政府性基金预算财政拨款: 'gf', 国有资本经营预算财政拨款: 'soe', 上级补助: 'superior', 事业: 'shiye', 经营: 'business', 附属单位上缴: 'affiliated', 其他: 'other',
  基本支出: 'basic', 项目支出: 'project', 上缴上级支出: 'remit', 经营支出: 'operations', 对附属单位补助支出: 'subsidy',
  '因公出国（境）': 'abroad', 公务用车购置及运行维护: 'car', 公务用车购置: 'car-purchase', 公务用车运行维护: 'car-running', 公务接待: 'reception',
  'prev-year': 'vs-prev', budget: 'vs-budget',
};

/** A kebab-case ASCII slug of a role ("sangong.item:公务接待" → "sangong-item-reception"). */
function roleSlug(role: string): string {
  const [name, q] = role.split(':');
  const base = name.replace(/\./g, '-');
  if (q === undefined) return base;
  if (SLUG[q]) return `${base}-${SLUG[q]}`;
  if (/^\d+$/.test(q)) return `${base}-${q}`;
  let h = 0;
  for (const ch of q) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return `${base}-${h.toString(36)}`;
}

const factKey = (t: FactTarget) => JSON.stringify([t.year, t.phase, t.flow, t.source, t.basis, t.functional, t.economic]);
const measureKey = (t: MeasureTarget) => JSON.stringify([t.role, t.stat ?? 'value', t.base ?? null, t.phase ?? '决算', t.year]);

/**
 * The quote of a hit: `<sheet> › <table tag> › <title as printed> 第N行 <row>　<column headers>：<value
 * as printed>`, with the money unit and the 万元 amount. It cites the cell as one reads it aloud
 * (the table, its row, its column, the top header first, one space between headers); the tag
 * names the table even when several share a sheet; N is the sheet row, where the cell is found in
 * the file. An ideographic space (U+3000) parts the row from the column: no printed label keeps
 * one (`cellText` folds it), so the rules read both back (`printedCell`).
 */
function quoteOf(h: Hit): string {
  // A budget's table (a 部门预算 title, see `budgetTitle`) is no 公开0N表 of the 决算: its tag is
  // not claimed.
  const spec = TABLES.find((t) => t.id === h.table);
  const budget = spec !== undefined && budgetTitle(spec, h.section);
  const code = budget ? undefined : spec?.code;
  // A row without a label cell is named by its number alone (rowLabel "第N行"): not twice.
  const row = h.rowLabel === `第${h.row + 1}行` ? '' : ` ${h.rowLabel}`;
  const cell = `${h.section} 第${h.row + 1}行${row}\u3000${h.colHeader.split('/').join(' ')}`;
  let v = h.printed;
  if (h.unit) {
    if (h.unit.sibling) v += `（表中未注明单位，按同一文件其他表注明的${h.unit.unit}${h.unit.unit === '万元' ? '' : `，折合${show(h.value)}万元`}）`;
    else if (!h.unit.printed) v += '（表中未注明单位，按万元）';
    else if (h.unit.unit === '万元') v += '万元';
    else v += `${h.unit.unit}（折合${show(h.value)}万元）`;
  }
  return `${[h.sheet, code ?? '', cell].filter((x) => x !== '').join(' › ')}：${v}`;
}

const isTotalHeader = (s: string) => s === '' || /^(?:合计|小计|总计|金额|决算数|本年支出合计|本年收入合计)$/.test(fold(s.split('/').pop() ?? ''));

/** What a fact is called: its row name, and the column when the column splits it. */
function factLabel(h: Hit): string {
  const name = h.name || h.rowLabel;
  return isTotalHeader(h.colHeader) || h.table === 'facts' ? name : `${name}（${h.colHeader.split('/').pop()}）`;
}

function measureLabel(t: MeasureTarget, reportYear: number): string {
  const title = roleTitle(t.role);
  const stat = t.stat === 'completion' ? '完成预算比例' : t.stat === 'change' ? (t.base === 'budget' ? '较预算增减' : '较上年增减') : t.stat === 'growth' ? (t.base === 'budget' ? '较预算增长率' : '较上年增长率') : t.stat === 'share' ? '占比' : t.stat ? `（${t.stat}）` : '';
  const phase = t.phase === '年初预算' ? '年初预算数' : t.phase === '调整预算' ? '调整预算数' : '';
  return `${t.year !== reportYear ? `${t.year}年` : ''}${title}${phase}${stat}`;
}

function review(h: Hit, reason: string): ReviewItem {
  return { text: h.printed, value: Number.isFinite(h.value) ? h.value : null, context: quoteOf(h), where: { sheet: h.sheet, row: h.row + 1, column: columnLetter(h.col) }, reason };
}

/** A date printed near the top of a sheet (编制日期 / 填报日期), as YYYY-MM-DD. */
function printedDate(sheets: Sheet[]): string | null {
  for (const s of sheets)
    for (const row of s.rows.slice(0, 12))
      for (const v of row) {
        if (v instanceof Date) continue;
        const m = /(20\d{2})[年\-/.](\d{1,2})[月\-/.](\d{1,2})日?/.exec(fold(cellText(v)));
        if (m) {
          const d = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
          const t = new Date(`${d}T00:00:00Z`);
          if (!Number.isNaN(t.getTime()) && t.toISOString().startsWith(d)) return d;
        }
      }
  return null;
}

/**
 * Import a workbook (.xlsx) or a table (.csv). Never throws for bad input: every problem that
 * stops the import is in `errors` (naming the sheet, row and column where it has one).
 */
export async function importTables(bytes: Uint8Array, opts: ImportOptions): Promise<ImportResult> {
  const fail = (message: string): ImportResult => ({ review: [], errors: [{ message }] });
  const sheets = await readSheets(bytes, opts.fileName);
  if (typeof sheets === 'string') return fail(sheets);
  const reviewItems: ReviewItem[] = [];
  const found = findTables(sheets, opts.fileName, reviewItems);
  if (!found.length) {
    const names = sheets.map((s) => `“${s.name}”`).join('、');
    return fail(`${opts.fileName} 中没有可识别的决算公开表：工作表 ${names} 里没有标准表名（应为 ${TABLES.slice(0, 10).map((t) => t.title).join('、')} 之一，写在表的上方、工作表名或文件名中），也没有“公开01表”这样的表号`);
  }
  const year = opts.year ?? printedYear(found, opts.fileName);
  if (year === undefined) return fail(`${opts.fileName}：表头里找不到年度（如“2022年度”）；请用 --year 指定`);

  const ctx: Context = { year, functional: new Codes('functional', opts.trees.functional), economic: new Codes('economic', opts.trees.economic) };
  const read = readHits(found, ctx);
  if ('errors' in read) return { review: reviewItems, errors: read.errors };
  const { groupOf, newGroups } = groupAssigner(opts.groups);
  const { facts, measures } = placeHits(read.hits, year, groupOf, reviewItems);

  // A table of measures only (a 三公 table published alone) is a unit-year of its own: the format
  // holds files without money facts (a 项目支出绩效自评 has none either).
  if (!facts.length && !measures.length) {
    const what = found.map((f) => `“${f.sheet.name}”（${f.spec.title}）`).join('、');
    return { review: reviewItems, errors: [{ message: `${opts.fileName}：识别出 ${what}，但没有读到任何金额（表是空的，或金额列无法识别；见待核对清单）` }] };
  }
  const newCodes = collectNewCodes(facts, ctx, opts, reviewItems);
  const file = unitYearFile(opts, year, found, sheets, facts, measures);
  return { file, sourceText: renderSource(found, read.hits, opts.fileName, opts.name), review: reviewItems, errors: [], newCodes, newGroups };
}

/** The sheets of the file (a workbook's, or the one sheet of a CSV), or a sentence saying why there are none. */
async function readSheets(bytes: Uint8Array, fileName: string): Promise<Sheet[] | string> {
  try {
    const kind = sniff(bytes, fileName);
    if (kind === 'xlsx') return await readXlsx(bytes, fileName);
    if (kind === 'xls' || kind === 'ods') return await readLegacy(bytes, fileName, kind);
    return [readCsv(bytes, fileName)];
  } catch (e) {
    if (e instanceof ReadError) return e.message;
    throw e;
  }
}

/**
 * Every standard table of the sheets, each once: a title with nothing under it (a 目录 line "一、
 * 收入支出决算总表", an empty copy) is no table when the same table is printed with figures
 * elsewhere; a table printed twice is read from its first printing, the second listed for review;
 * a sheet with figures but no table is listed for review too; a sheet that continues the table
 * of the sheet before it is joined to it (see `joinContinuations`).
 */
function findTables(sheets: Sheet[], fileName: string, reviewItems: ReviewItem[]): Found[] {
  const fileBase = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const bySheet = joinContinuations(sheets.map((sheet) => ({ sheet, tables: identify(sheet, sheets.length === 1 ? fileBase : undefined) })));
  const filled = (f: Found) => f.sheet.rows.slice(f.start, f.end).some((r) => r.some((v) => parseCell(v).kind === 'number'));
  const printed = new Set(bySheet.flatMap((x) => x.tables).filter(filled).map((f) => f.spec.id));
  const found: Found[] = [];
  for (const { sheet, tables: all, notContinuing } of bySheet) {
    if (!all.length) {
      if (sheet.rows.some((r) => r.some((v) => parseCell(v).kind === 'number')))
        reviewItems.push({ text: sheet.name, value: null, context: `工作表“${sheet.name}”`, where: { sheet: sheet.name }, reason: `工作表“${sheet.name}”里找不到决算公开表的标题（如“收入支出决算总表”）或“公开01表”这样的表号${notContinuing ? `，${notContinuing}` : ''}，其中的数字未导入` });
      continue;
    }
    for (const f of all.filter((x) => filled(x) || !printed.has(x.spec.id))) {
      const twin = f.continues ? undefined : found.find((x) => x.spec.id === f.spec.id);
      if (twin) {
        reviewItems.push({ text: f.title, value: null, context: `工作表“${sheet.name}”第 ${f.start + 1} 行起`, where: { sheet: sheet.name, row: f.start + 1 }, reason: `工作表“${sheet.name}”第 ${f.start + 1} 行起与工作表“${twin.sheet.name}”第 ${twin.start + 1} 行起都是${f.spec.title}，只导入了前者` });
        continue;
      }
      found.push(f);
    }
  }
  return found;
}

/** The year the titles print (the most frequent one, the file name counting too), or undefined. */
function printedYear(found: Found[], fileName: string): number | undefined {
  const counts = new Map<number, number>();
  for (const f of found) for (const row of f.sheet.rows.slice(f.start, Math.max(f.titleRow + 1, f.start + 3))) for (const v of row) for (const y of yearsIn(cellText(v))) counts.set(y, (counts.get(y) ?? 0) + 1);
  for (const y of yearsIn(fileName)) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/**
 * The structure of a found table. A continuation sheet is read with its own header when it
 * repeats one, else with the header of the table it continues; without a unit line of its own
 * it keeps that table's money unit.
 */
function tableOf(f: Found): Table | string {
  const sangong = f.spec.layout === 'sangong';
  const own = analyse(f.sheet, f.titleRow, sangong);
  if (!f.continues) return own;
  const base = tableOf(f.continues);
  if (typeof base === 'string') return base;
  if (typeof own !== 'string') return own.unit.printed ? own : { ...own, unit: base.unit };
  return continueTable(base, f.sheet);
}

const READERS = { sides: readSides, functional: readFunctional, economic: readEconomic, sangong: readSangong, performance: readPerformance, facts: readFactSheet, measures: readMeasureSheet };

/** Every printed number of the tables with what it is, or the tables whose structure could not be read. */
function readHits(found: Found[], ctx: Context): { hits: Hit[] } | { errors: ImportError[] } {
  const hits: Hit[] = [];
  const errors: ImportError[] = [];
  const tables = found.map((f) => ({ f, t: tableOf(f) }));
  // A table without a unit line of its own is in the unit every other table of the file prints
  // (a report prints all its tables in one unit); with none printed, or two, 万元 is assumed. Either
  // way each quote says so.
  const printed = new Set(tables.flatMap(({ t }) => (typeof t !== 'string' && t.unit.printed ? [t.unit.unit] : [])));
  const sibling = printed.size === 1 ? tables.map(({ t }) => t).find((t): t is Table => typeof t !== 'string' && t.unit.printed)!.unit : null;
  for (const { f, t } of tables) {
    if (typeof t === 'string') errors.push({ message: `工作表“${f.sheet.name}”（${f.spec.title}）：${t}`, where: { sheet: f.sheet.name } });
    else hits.push(...READERS[f.spec.layout](t.unit.printed || !sibling ? t : { ...t, unit: { ...sibling, printed: false, sibling: true } }, f.spec, f.title, ctx));
  }
  return errors.length ? { errors } : { hits };
}

/**
 * The records the hits make. Facts: one per cell; a repeated row of one table is a duplicate
 * (review); the same cell in two tables (支出决算表 合计 and 收入支出决算总表 本年支出合计) is the
 * detail table's fact, and the other printing a restatement checked against it (`restatement`).
 * Measures: one per role, stat, phase and year; a second printing is kept and checked against the
 * first. Printed sums are checked against the facts they add up; 其中 columns are parts.
 */
function placeHits(all: Hit[], year: number, groupOf: (section: RoleSection) => string, reviewItems: ReviewItem[]): { facts: Fact[]; measures: Indicator[] } {
  const facts: Fact[] = [];
  const measures: Indicator[] = [];
  const factsBy = new Map<string, { fact: Fact; hit: Hit }[]>();
  const measuresBy = new Map<string, { m: Indicator; hit: Hit }>();
  const ids = new Set<string>();
  const uid = (base: string) => {
    let id = base;
    for (let i = 2; ids.has(id); i++) id = `${base}-${i}`;
    ids.add(id);
    return id;
  };
  // Detail tables first: a cell printed both in a detail table and in a summary (01 and 02/03,
  // 04 and 05/08/09, 05 and 06) is the detail table's fact, the summary's printing a restatement.
  const order = (h: Hit) => OWNER_ORDER.indexOf(h.table);
  const hits = [...all].sort((a, b) => order(a) - order(b));
  for (const h of hits) {
    const t = h.target;
    if (!t) reviewItems.push(review(h, h.reason ?? '无法确定这个数字是什么'));
    else if (t.kind === 'fact') placeFact(h, t);
    else if (t.kind === 'measure') placeMeasure(h, t);
  }
  // Sums and parts refer to the facts and measures placed above.
  for (const h of hits) {
    if (h.target?.kind === 'sum') placeSum(h, h.target);
    else if (h.target?.kind === 'part') placePart(h, h.target);
  }
  linkSangong(measures);
  return { facts, measures };

  function placeFact(h: Hit, t: FactTarget): void {
    const key = factKey(t);
    const prev = factsBy.get(key) ?? [];
    const sameTable = prev.find((p) => p.hit.table === h.table);
    if (sameTable) {
      reviewItems.push(review(h, `重复行：与工作表“${sameTable.hit.sheet}”第 ${sameTable.hit.row + 1} 行同一口径${sameTable.fact.amount === h.value ? '、同一金额' : `，金额不同（${show(sameTable.fact.amount)}）`}，未重复导入`));
      return;
    }
    if (prev.length) {
      measures.push(restatement(h, prev[0], uid, groupOf));
      return;
    }
    const idBase = ['f', t.year, SLUG[t.phase], SLUG[t.flow], t.source && SLUG[t.source], t.basis && SLUG[t.basis], t.functional, t.economic && `e${t.economic}`].filter(Boolean).join('-');
    const fact: Fact = { id: uid(idBase), year: t.year, phase: t.phase, flow: t.flow, source: t.source, basis: t.basis, functional: t.functional, economic: t.economic, amount: h.value, label: factLabel(h), provenance: stated(h) };
    factsBy.set(key, [...prev, { fact, hit: h }]);
    facts.push(fact);
  }

  function placeMeasure(h: Hit, t: MeasureTarget): void {
    const key = measureKey(t);
    const prev = measuresBy.get(key);
    const decimals = t.unit === '万元' ? printedDecimals(h) : Math.max(0, /\.(\d+)/.exec(h.printed)?.[1].length ?? 0);
    if (prev) {
      // The same figure printed again (a total in two tables): kept, checked against the first by
      // the recompute rule, never dropped.
      measures.push({
        ...figure(h, uid(cellId(h)), prev.m.group, t.year, t.unit, `${where(h)}（与第${prev.hit.row + 1}行 ${prev.hit.colHeader} 为同一指标）`),
        ...(t.phase ? { phase: t.phase } : {}),
        recompute: { op: 'sum', args: [prev.m.id] },
        decimals,
      });
      return;
    }
    const idBase = ['m', roleSlug(t.role), t.stat && t.stat !== 'value' ? t.stat : '', t.base ? SLUG[t.base] : '', t.phase ? SLUG[t.phase] : '', t.year].filter(Boolean).join('-');
    const m: Indicator = {
      ...figure(h, uid(idBase), groupOf(roleSection(t.role) ?? 'totals'), t.year, t.unit, measureLabel(t, year)),
      role: t.role,
      ...(t.stat ? { stat: t.stat } : {}),
      ...(t.base ? { base: t.base } : {}),
      ...(t.phase ? { phase: t.phase } : {}),
    };
    measuresBy.set(key, { m, hit: h });
    measures.push(m);
  }

  function placeSum(h: Hit, t: SumTarget): void {
    // An empty cell of a printed row is no amount (zero); with none of the cells printed there is nothing to check against.
    const args = t.cells.map((c) => factsBy.get(factKey(c))?.[0]?.fact.id).filter((x): x is string => x !== undefined);
    if (!args.length) {
      reviewItems.push(review(h, `“${h.rowLabel}”（${h.colHeader}）是本列本年数与结转和结余之和，但表中没有这两项，无法核对`));
      return;
    }
    measures.push({ ...figure(h, uid(cellId(h)), groupOf('totals'), t.year, '万元', where(h)), recompute: { op: 'sum', args }, decimals: printedDecimals(h) });
  }

  function placePart(h: Hit, t: PartTarget): void {
    const whole = t.of ? measuresBy.get(measureKey({ kind: 'measure', role: t.of, year: t.year, unit: t.unit, ...(t.phase ? { phase: t.phase } : {}) })) : undefined;
    measures.push({
      ...figure(h, uid(cellId(h)), whole?.m.group ?? groupOf((t.of && roleSection(t.of)) || 'totals'), t.year, t.unit, t.label),
      ...(t.phase ? { phase: t.phase } : {}),
      // A part of the row's figure: under it, never summed into it (the other parts are not printed).
      parent: whole?.m.id ?? null,
    });
  }
}

/** A measure's common fields: the value as printed, quoted from its cell, without role. */
function figure(h: Hit, id: string, group: string, year: number, unit: string, label: string): Indicator {
  return { id, group, label, value: h.value, unit, year, approx: null, cumulative: false, parent: null, provenance: stated(h) };
}
const stated = (h: Hit) => ({ kind: 'stated' as const, quote: quoteOf(h), section: h.section });
const cellId = (h: Hit) => `m-${h.table}-r${h.row + 1}-${columnLetter(h.col).toLowerCase()}`;
/** A cell named for a label: `<title>（公开0N表）第N行 <row> <column>`. */
const where = (x: Hit) => `${x.section}（${TABLES.find((s) => s.id === x.table)?.code ?? x.sheet}）第${x.row + 1}行 ${x.rowLabel}${x.colHeader ? ` ${x.colHeader}` : ''}`;

/** The unit-year file of the records, with the gaps the workbook leaves (tables not printed, no date). */
function unitYearFile(opts: ImportOptions, year: number, found: Found[], sheets: Sheet[], facts: Fact[], measures: Indicator[]): UnitYearFile {
  const gaps: Gap[] = TABLES.filter((t) => t.code && !found.some((f) => f.spec.id === t.id)).map((t) => ({ section: t.title, note: `工作簿中没有${t.title}（${t.code}），其金额未导入` }));
  const date = printedDate(sheets);
  if (!date) gaps.push({ section: '发布日期', note: '表格未注明编制或发布日期，source.date 记为空；知道发布日期时请补上' });
  const onlyPerformance = found.every((f) => f.spec.layout === 'performance');
  const danwei = found.some((f) => /单位决算/.test(f.title));
  const kind = onlyPerformance ? '部门整体支出绩效自评' : danwei ? '单位决算' : '部门决算';
  return {
    unit: opts.unit,
    reportYear: year,
    currency: '万元',
    source: {
      id: `${opts.unit}-${year}-tables`,
      kind,
      title: `${opts.name}${year}年度${kind}${onlyPerformance ? '基础数据表' : '公开表'}`,
      publisher: opts.name,
      date: date ?? null,
      file: `sources/${opts.unit}-${year}-tables.txt`,
    },
    ...(gaps.length ? { gaps } : {}),
    facts,
    measures,
    indicators: [],
    knownIssues: [],
  };
}

/** Which table's printing of a cell becomes the fact (earlier first); later printings are restatements. */
const OWNER_ORDER: readonly TableSpec['id'][] = ['facts', 'income', 'spending', 'gpb-spending', 'gpb-basic', 'gf', 'soe', 'summary', 'fiscal-summary', 'sangong', 'performance', 'measures'];

/** The role whose value a fact cell is (the vocabulary's fact-backed roles), or null. */
function roleOfCell(t: FactTarget): string | null {
  if (t.phase !== '决算' || t.economic !== null || [t.basis, t.functional].filter((x) => x !== null).length > 1) return null;
  if (t.flow === '收入') return t.basis || t.functional ? null : t.source ? `income.source:${t.source}` : 'income.total';
  if (t.flow === '年初结转和结余') return t.source || t.basis || t.functional ? null : 'income.carryover';
  if (t.flow === '年末结转和结余') return t.source || t.basis || t.functional ? null : 'spending.carryover';
  if (t.source === '一般公共预算财政拨款') return t.basis || t.functional ? null : 'gpb.spending';
  if (t.source) return null;
  if (t.basis) return `spending.type:${t.basis}`;
  if (t.functional) return `spending.function:${t.functional}`;
  return 'spending.total';
}

/** Decimals a printed money cell carries, in 万元: at least the cent of its own unit. */
function printedDecimals(h: Hit): number {
  const own = Math.max(2, /\.(\d+)/.exec(h.printed.replace(/[^\d.]/g, ''))?.[1].length ?? 0);
  const shift = h.unit ? Math.round(-Math.log10(h.unit.toWan)) : 0;
  return Math.max(0, own + shift);
}

/**
 * A second printing of a fact's cell in another table (01 restating 02/03, 04 restating 05, 06
 * restating 05's 基本支出): kept as a measure quoted from its own table, with the cell's role when
 * it has one, and `recompute` pointing at the fact, so the recompute rule checks that the tables
 * agree to the last printed place. Never merged into the fact, never dropped.
 */
function restatement(h: Hit, first: { fact: Fact; hit: Hit }, uid: (base: string) => string, groupOf: (section: RoleSection) => string): Indicator {
  const t = h.target as FactTarget;
  const role = roleOfCell(t);
  return {
    ...figure(h, uid(cellId(h)), groupOf(role ? (roleSection(role) ?? 'totals') : 'totals'), t.year, '万元', `${where(h)}（与${where(first.hit)}为同一数字）`),
    ...(role ? { role } : {}),
    recompute: { op: 'sum', args: [first.fact.id] },
    decimals: printedDecimals(h),
  };
}

/**
 * 三公 items are parts of the 三公 total of the same year and phase; they are marked as summing
 * to it only when every top-level item is stated (a report naming only 公务接待费 says nothing
 * about the others, so that sum would be meaningless).
 */
function linkSangong(measures: Indicator[]): void {
  const at = (role: string, m: Indicator) => measures.find((x) => x.role === role && x.year === m.year && (x.phase ?? '决算') === (m.phase ?? '决算') && !x.stat);
  for (const total of measures.filter((m) => m.role === 'sangong.total' && !m.stat)) {
    const car = at('sangong.item:公务用车购置及运行维护', total);
    const carParts = SANGONG_ITEM_PARTS['公务用车购置及运行维护'].map((p) => at(`sangong.item:${p}`, total));
    const top = [at('sangong.item:因公出国（境）', total), car ?? (carParts.every(Boolean) ? carParts : undefined), at('sangong.item:公务接待', total)];
    const complete = top.every(Boolean);
    for (const x of [at('sangong.item:因公出国（境）', total), car, at('sangong.item:公务接待', total)]) {
      if (!x) continue;
      x.parent = total.id;
      if (complete) x.sumsToParent = true;
    }
    for (const x of carParts) {
      if (!x) continue;
      x.parent = car?.id ?? total.id;
      if (car ? carParts.every(Boolean) : complete) x.sumsToParent = true;
    }
  }
}

/** Codes the facts use that the trees lack, with their printed names and the ancestors they need. */
function collectNewCodes(facts: Fact[], ctx: Context, opts: ImportOptions, reviewItems: ReviewItem[]): NonNullable<ImportResult['newCodes']> {
  const out = { functional: [] as ClassNode[], economic: [] as ClassNode[] };
  for (const tree of ['functional', 'economic'] as const) {
    const codes = ctx[tree];
    const have = new Set(opts.trees[tree].map((n) => n.code));
    const need = new Set<string>();
    for (const f of facts) {
      const c = f[tree];
      if (!c) continue;
      for (let len = 3; len <= c.length; len += 2) need.add(c.slice(0, len));
    }
    for (const code of [...need].sort()) {
      if (have.has(code)) continue;
      const name = codes.name(code) ?? (tree === 'functional' ? FUNCTIONAL_CLASSES.find((x) => x.code === code)?.name : undefined);
      if (!name) {
        reviewItems.push({ text: code, value: null, context: `${tree === 'functional' ? '功能' : '经济'}分类科目 ${code}`, where: {}, reason: `科目 ${code} 不在分类表中，工作簿也没有印出它的名称；请把它补进 data/classifications/${tree}.json` });
        continue;
      }
      const level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
      out[tree].push({ code, name, parent: level === 1 ? null : code.slice(0, code.length - 2), level: level as 1 | 2 | 3 });
    }
  }
  return out;
}

/** The workbook as text: one line per number, exactly as quoted, so every quote is found in the copied source. */
function renderSource(found: Found[], hits: Hit[], fileName: string, unitName: string): string {
  const lines = [`${unitName} ${fileName}（由表格导入程序按“工作表 › 表号 › 表名 第N行 行名　列：数值”逐格转写）`, ''];
  for (const f of found) {
    lines.push(`【${f.sheet.name}】${f.title}`);
    for (const h of hits) if (h.sheet === f.sheet.name) lines.push(quoteOf(h));
    lines.push('');
  }
  return lines.join('\n');
}
