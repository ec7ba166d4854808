/**
 * Open data: a unit-year file as two flat tables (money facts; measures and operational
 * indicators), one row per figure, every column of one type and one unit, for CSV. The column
 * lists below are the data dictionary docs/open-data.md documents (a unit test keeps the two
 * in step). Pure: the build writes the files, the page offers the same text as a download.
 */
import { csvFormatRow } from 'd3-dsv';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ClassNode, DataIndex, Fact, Indicator, Provenance, UnitEntry, UnitYearFile } from '../model/types';
import { parseRole, roleTitle } from '../model/vocabulary';
import { neutralizeFormula } from '../ui/download';

/** The open-data format version: part of every published path; raised when a column changes meaning or goes. */
export const OPEN_DATA_VERSION = 1;

export type Cell = string | number | null;

/** One column of an open-data table: its header, its value type, and what it holds. */
export interface OpenColumn<R> {
  header: string;
  type: 'text' | 'integer' | 'number' | 'boolean';
  /** The unit-year file field(s) the value comes from. */
  from: string;
  description: string;
  value: (r: R) => Cell;
}

/** What a row needs besides its record: the unit and the classification names. */
export interface OpenDataContext {
  unit: Pick<UnitEntry, 'id' | 'name' | 'region'>;
  trees: { functional: readonly ClassNode[]; economic: readonly ClassNode[] };
}

interface FactRow {
  ctx: OpenDataContext;
  file: UnitYearFile;
  fact: Fact;
}
interface MeasureRow {
  ctx: OpenDataContext;
  file: UnitYearFile;
  record: Indicator;
  list: '财务指标' | '业务指标';
}

const PROVENANCE_WORDS: Record<Provenance['kind'], string> = { stated: '报告原文', derived: '推算', inferred: '推定' };

/** Where a figure comes from, in words: the quote and its section, the formula in words, or the rule. */
function basisOf(p: Provenance): string {
  if (p.kind === 'stated') return `${p.section}：“${p.quote}”`;
  if (p.kind === 'derived') return p.text;
  return p.rule;
}

const STAT_WORDS: Record<string, string> = { value: '数值', change: '增减额', growth: '增长率', share: '占比', completion: '完成率' };
const BASE_WORDS: Record<string, string> = { 'prev-year': '上年', budget: '预算' };

const codeName = (tree: readonly ClassNode[], code: string | null) => (code === null ? null : (tree.find((n) => n.code === code)?.name ?? null));

/** A role's name for people; a classification role is named by its code's name in the tree, not the bare code. */
function roleName(role: string, ctx: OpenDataContext): string {
  const { name, qualifier } = parseRole(role);
  if (qualifier !== null && name === 'spending.function') return codeName(ctx.trees.functional, qualifier) ?? roleTitle(role);
  if (qualifier !== null && name === 'spending.economic') return codeName(ctx.trees.economic, qualifier) ?? roleTitle(role);
  return roleTitle(role);
}

const common = <R extends { ctx: OpenDataContext; file: UnitYearFile }>(): OpenColumn<R>[] => [
  { header: '单位代码', type: 'text', from: 'unit', description: '单位在本站的代码（index.json 的 units[].id）', value: (r) => r.ctx.unit.id },
  { header: '单位名称', type: 'text', from: 'index.json units[].name', description: '单位名称', value: (r) => r.ctx.unit.name },
  { header: '地区', type: 'text', from: 'index.json units[].region', description: '单位所在地区（省市县）', value: (r) => r.ctx.unit.region },
  { header: '报告年度', type: 'integer', from: 'reportYear', description: '数字所出报告的年度', value: (r) => r.file.reportYear },
];

const provenanceColumns = <R>(p: (r: R) => Provenance): OpenColumn<R>[] => [
  { header: '来源方式', type: 'text', from: 'provenance.kind', description: '报告原文：报告写明的数字；推算：由其他数字按公式算出，报告未直接写明；推定：按规则认定', value: (r) => PROVENANCE_WORDS[p(r).kind] },
  { header: '依据', type: 'text', from: 'provenance.quote / section, provenance.text, provenance.rule', description: '报告原文时为所在章节和原句，推算时为文字公式，推定时为所用规则', value: (r) => basisOf(p(r)) },
];

/** The facts table: one money amount (万元) per row with its dimensions. */
export const FACT_COLUMNS: OpenColumn<FactRow>[] = [
  ...common<FactRow>(),
  { header: '编号', type: 'text', from: 'facts[].id', description: '记录编号，在同一文件内唯一', value: (r) => r.fact.id },
  { header: '年度', type: 'integer', from: 'facts[].year', description: '数字所属年度（2022年报告写明的2021年数字为2021）', value: (r) => r.fact.year },
  { header: '预算阶段', type: 'text', from: 'facts[].phase', description: '年初预算、调整预算或决算；预算与决算不可相加', value: (r) => r.fact.phase },
  { header: '收支方向', type: 'text', from: 'facts[].flow', description: '收入、支出、年初结转和结余、年末结转和结余', value: (r) => r.fact.flow },
  { header: '资金来源', type: 'text', from: 'facts[].source', description: '收入来源或支出的资金来源；空 = 全部来源合计', value: (r) => r.fact.source },
  { header: '支出类型', type: 'text', from: 'facts[].basis', description: '基本支出、项目支出等；空 = 全部类型合计或非支出行', value: (r) => r.fact.basis },
  { header: '功能分类代码', type: 'text', from: 'facts[].functional', description: '支出功能分类科目代码（类3位、款5位、项7位）；空 = 全部功能合计', value: (r) => r.fact.functional },
  { header: '功能分类名称', type: 'text', from: 'classifications/functional.json', description: '该代码在政府收支分类科目中的名称', value: (r) => codeName(r.ctx.trees.functional, r.fact.functional) },
  { header: '经济分类代码', type: 'text', from: 'facts[].economic', description: '部门预算支出经济分类科目代码（类3位、款5位）；空 = 全部经济分类合计', value: (r) => r.fact.economic },
  { header: '经济分类名称', type: 'text', from: 'classifications/economic.json', description: '该代码在经济分类科目中的名称', value: (r) => codeName(r.ctx.trees.economic, r.fact.economic) },
  { header: '金额（万元）', type: 'number', from: 'facts[].amount', description: '金额，单位万元', value: (r) => r.fact.amount },
  { header: '报告用语', type: 'text', from: 'facts[].label', description: '报告中这一数字的原有名称', value: (r) => r.fact.label },
  ...provenanceColumns<FactRow>((r) => r.fact.provenance),
  { header: '科目代码来源', type: 'text', from: 'facts[].codeProvenance', description: '报告未印科目代码时，代码如何认定；空 = 报告写明或无代码', value: (r) => (r.fact.codeProvenance ? `${PROVENANCE_WORDS[r.fact.codeProvenance.kind]}：${basisOf(r.fact.codeProvenance)}` : null) },
  { header: '备注', type: 'text', from: 'facts[].note', description: '报告中重复出现之处、口径说明等', value: (r) => r.fact.note ?? null },
];

/** The value of a measure goes to the column of its unit, so each column holds one unit. */
const inUnit = (want: '万元' | '%' | 'other') => (r: MeasureRow) => {
  const u = r.record.unit;
  const kind = u === '万元' ? '万元' : u === '%' ? '%' : 'other';
  return kind === want ? r.record.value : null;
};

/** The measures table: the figures other than money cells (changes, rates, 三公, staff, assets …) and operational indicators. */
export const MEASURE_COLUMNS: OpenColumn<MeasureRow>[] = [
  ...common<MeasureRow>(),
  { header: '类别', type: 'text', from: 'measures / indicators', description: '财务指标（measures）或业务指标（indicators，单位自身业务的运行数字）', value: (r) => r.list },
  { header: '编号', type: 'text', from: 'id', description: '记录编号，在同一文件内唯一', value: (r) => r.record.id },
  { header: '年度', type: 'integer', from: 'year', description: '数字所属年度', value: (r) => r.record.year },
  { header: '分组', type: 'text', from: 'group', description: '展示分组（index.json 的 groups[].id）', value: (r) => r.record.group },
  { header: '角色', type: 'text', from: 'role', description: '这个数字是什么，取自角色表（docs/data-format.md）；空 = 无标准角色', value: (r) => r.record.role ?? null },
  { header: '角色名称', type: 'text', from: 'role', description: '角色的中文名称（功能、经济分类角色为科目名称）', value: (r) => (r.record.role ? roleName(r.record.role, r.ctx) : null) },
  { header: '指标类型', type: 'text', from: 'stat', description: '数值、增减额、增长率、占比或完成率', value: (r) => STAT_WORDS[r.record.stat ?? 'value'] },
  { header: '比较基准', type: 'text', from: 'base', description: '增减额、增长率和完成率的比较对象：上年或预算；空 = 不适用', value: (r) => (r.record.base ? BASE_WORDS[r.record.base] : null) },
  { header: '预算阶段', type: 'text', from: 'phase', description: '年初预算、调整预算或决算（默认决算）', value: (r) => r.record.phase ?? '决算' },
  { header: '报告用语', type: 'text', from: 'label', description: '报告中这一数字的原有名称', value: (r) => r.record.label },
  { header: '金额（万元）', type: 'number', from: 'value（unit = 万元）', description: '计量单位为万元的数值；增减额带正负号', value: inUnit('万元') },
  { header: '百分比（%）', type: 'number', from: 'value（unit = %）', description: '以百分数表示的数值（占比、增长率、完成率等），如 64.29 表示 64.29%；增长率带正负号', value: inUnit('%') },
  { header: '其他数值', type: 'number', from: 'value（其他单位）', description: '计量单位不是万元或%的数值（人、个、辆、次、平方公里等），单位见下一列', value: inUnit('other') },
  { header: '其他数值单位', type: 'text', from: 'unit', description: '“其他数值”的计量单位；空 = 该行数值在前两列', value: (r) => (r.record.unit === '万元' || r.record.unit === '%' ? null : r.record.unit) },
  { header: '约数', type: 'text', from: 'approx', description: '报告写作“近”“余”“约”时照录；空 = 确数', value: (r) => r.record.approx },
  { header: '累计', type: 'boolean', from: 'cumulative', description: 'true = 累计数（如“上线至今”），false = 当年数或时点数', value: (r) => String(r.record.cumulative) },
  { header: '上级编号', type: 'text', from: 'parent', description: '这个数字所属整体的记录编号；空 = 无', value: (r) => r.record.parent },
  { header: '报告小数位', type: 'integer', from: 'decimals', description: '报告印出的小数位数（决定核对时的容差）；空 = 未记录', value: (r) => r.record.decimals ?? null },
  ...provenanceColumns<MeasureRow>((r) => r.record.provenance),
  { header: '备注', type: 'text', from: 'note', description: '口径说明、重复出现之处等', value: (r) => r.record.note ?? null },
];

export type OpenTable = 'facts' | 'measures';

/** Header and rows of one unit-year's table, as cells. */
export function openDataRows(file: UnitYearFile, ctx: OpenDataContext, table: OpenTable): { header: string[]; rows: Cell[][] } {
  if (ctx.unit.id !== file.unit) throw new Error(`开放数据：文件属于单位 ${file.unit}，上下文却是 ${ctx.unit.id}`);
  if (table === 'facts') {
    return { header: FACT_COLUMNS.map((c) => c.header), rows: file.facts.map((fact) => FACT_COLUMNS.map((c) => c.value({ ctx, file, fact }))) };
  }
  const records: MeasureRow[] = [
    ...file.measures.map((record) => ({ ctx, file, record, list: '财务指标' as const })),
    ...file.indicators.map((record) => ({ ctx, file, record, list: '业务指标' as const })),
  ];
  return { header: MEASURE_COLUMNS.map((c) => c.header), rows: records.map((r) => MEASURE_COLUMNS.map((c) => c.value(r))) };
}

/**
 * The line above the header: the unit, the report (title, publisher, date when printed, address
 * when recorded), the money unit and the format version. An unknown date is left out.
 */
export function sourceLine(file: UnitYearFile, ctx: OpenDataContext, generated: string): string {
  const s = file.source;
  const report = [`《${s.title}》`, s.kind, `${s.publisher}发布`, s.date, s.url].filter(Boolean).join('，');
  return `单位：${ctx.unit.name}（${ctx.unit.region}）；来源：${report}；金额单位：万元；推算的数字在“来源方式”列标为“推算”；开放数据格式第${OPEN_DATA_VERSION}版，生成于${generated}`;
}

const TYPES: Record<OpenTable, OpenColumn<never>['type'][]> = {
  facts: FACT_COLUMNS.map((c) => c.type),
  measures: MEASURE_COLUMNS.map((c) => c.type),
};

/** One CSV line; text cells that a spreadsheet would read as a formula are neutralised, numbers never. */
function line(cells: readonly Cell[], types?: readonly string[]): string {
  return csvFormatRow(cells.map((v, i) => (v == null ? '' : typeof v === 'number' ? String(v) : types?.[i] === 'text' ? neutralizeFormula(v) : v)));
}

/**
 * A CSV file (UTF-8 with BOM, CRLF): the first line is the source line (one field), the second
 * the header, then the rows. Read it with the first line skipped (`skiprows=1`, `from_line: 2`).
 */
function toOpenCsv(first: string, table: OpenTable, header: readonly string[], rows: readonly Cell[][]): string {
  return '\uFEFF' + [line([first]), line(header), ...rows.map((r) => line(r, TYPES[table]))].join('\r\n') + '\r\n';
}

/** One unit-year as a CSV file of its facts or its measures. `generated` is the build's date (YYYY-MM-DD). */
export function unitYearCsv(file: UnitYearFile, ctx: OpenDataContext, table: OpenTable, generated: string): string {
  const { header, rows } = openDataRows(file, ctx, table);
  return toOpenCsv(sourceLine(file, ctx, generated), table, header, rows);
}

/**
 * Several unit-years in one CSV (the bulk download of a year or a region): one header, the rows
 * of every file in the order given; every row names its unit and report year, and the first line
 * says where each unit's report is listed.
 */
export function bulkCsv(parts: readonly { file: UnitYearFile; ctx: OpenDataContext }[], table: OpenTable, scope: string, generated: string): string {
  const header = (table === 'facts' ? FACT_COLUMNS : MEASURE_COLUMNS).map((c) => c.header);
  const rows = parts.flatMap((p) => openDataRows(p.file, p.ctx, table).rows);
  const first = `${scope}：${parts.length} 份单位年度报告；各报告的标题、发布单位、日期和地址见同目录 sources.csv；金额单位：万元；推算的数字在“来源方式”列标为“推算”；开放数据格式第${OPEN_DATA_VERSION}版，生成于${generated}`;
  return toOpenCsv(first, table, header, rows);
}

/** The reports behind a bulk download, one per row. */
export const SOURCE_COLUMNS = ['单位代码', '单位名称', '地区', '报告年度', '报告标题', '报告类型', '发布单位', '发布日期', '原文地址'] as const;

export function sourcesCsv(parts: readonly { file: UnitYearFile; ctx: OpenDataContext }[], generated: string): string {
  const rows = parts.map(({ file, ctx }) => [ctx.unit.id, ctx.unit.name, ctx.unit.region, file.reportYear, file.source.title, file.source.kind ?? null, file.source.publisher, file.source.date, file.source.url ?? null]);
  return '\uFEFF' + [line([`各单位年度报告；开放数据格式第${OPEN_DATA_VERSION}版，生成于${generated}`]), line(SOURCE_COLUMNS), ...rows.map((r) => line(r, SOURCE_COLUMNS.map((c) => (c === '报告年度' ? 'integer' : 'text'))))].join('\r\n') + '\r\n';
}

/** Where the published files live, under the site root; the version is part of every path. */
const OPEN_DATA_ROOT = `open-data/v${OPEN_DATA_VERSION}`;

/** A region as a folder name: the region as printed, without characters a path cannot hold. */
export function regionFolder(region: string): string {
  const name = region.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/^[._]+|_+$/g, '');
  if (!name) throw new Error(`开放数据：地区“${region}”不能用作目录名`);
  return name;
}

/** Where each published file lives, under the site root (docs/open-data.md, "Files"). */
export const openDataPaths = {
  unitYear: (unit: string, year: number) => ({
    json: `${OPEN_DATA_ROOT}/units/${unit}/${year}.json`,
    facts: `${OPEN_DATA_ROOT}/units/${unit}/${year}-facts.csv`,
    measures: `${OPEN_DATA_ROOT}/units/${unit}/${year}-measures.csv`,
  }),
  bulk: (scope: string) => ({
    facts: `${OPEN_DATA_ROOT}/${scope}/facts.csv`,
    measures: `${OPEN_DATA_ROOT}/${scope}/measures.csv`,
    sources: `${OPEN_DATA_ROOT}/${scope}/sources.csv`,
    zip: `${OPEN_DATA_ROOT}/${scope}.zip`,
  }),
  year: (year: number) => openDataPaths.bulk(`years/${year}`),
  region: (region: string, year: number) => openDataPaths.bulk(`regions/${regionFolder(region)}/${year}`),
  manifest: `${OPEN_DATA_ROOT}/manifest.json`,
  /** docs/open-data.md and docs/data-format.md, copied beside the files by the build. */
  readme: `${OPEN_DATA_ROOT}/README.md`,
  dataFormat: `${OPEN_DATA_ROOT}/data-format.md`,
};

/** One entry of the manifest: what a published file holds. */
interface OpenDataEntry {
  path: string;
  kind: 'unit-year' | 'year' | 'region';
  year: number;
  unit?: string;
  region?: string;
  /** The unit-years the file covers. */
  reports: number;
  facts: number;
  measures: number;
}

/**
 * Every open-data file of a data folder, by path: per unit-year the JSON (the unit-year file as
 * validated) and two CSVs; per report year and per region and report year the bulk CSVs, their
 * sources.csv and a zip of those with the unit-years' JSON; and a manifest listing them. `files`
 * are the index's unit-year files (any order); `generated` (YYYY-MM-DD) dates the output and the
 * zip entries, so the same data and date always give the same bytes.
 */
export function openDataFiles(
  index: Pick<DataIndex, 'units'>,
  files: readonly UnitYearFile[],
  trees: OpenDataContext['trees'],
  generated: string,
): Map<string, string | Uint8Array> {
  const out = new Map<string, string | Uint8Array>();
  const entries: OpenDataEntry[] = [];
  const parts: { file: UnitYearFile; ctx: OpenDataContext; region: string }[] = [];
  for (const unit of index.units)
    for (const y of unit.years) {
      const file = files.find((f) => f.unit === unit.id && f.reportYear === y.year);
      if (!file) throw new Error(`开放数据：缺少 ${y.file}（单位 ${unit.id} 的 ${y.year} 年文件）`);
      const ctx = { unit, trees };
      parts.push({ file, ctx, region: unit.region });
      const p = openDataPaths.unitYear(unit.id, y.year);
      out.set(p.json, JSON.stringify(file, null, 2) + '\n');
      out.set(p.facts, unitYearCsv(file, ctx, 'facts', generated));
      out.set(p.measures, unitYearCsv(file, ctx, 'measures', generated));
      entries.push({ path: p.json, kind: 'unit-year', year: y.year, unit: unit.id, region: unit.region, reports: 1, facts: file.facts.length, measures: file.measures.length + file.indicators.length });
    }
  const mtime = new Date(`${generated}T00:00:00Z`);
  if (Number.isNaN(mtime.getTime())) throw new Error(`开放数据：生成日期“${generated}”不是 YYYY-MM-DD`);
  const bulk = (group: typeof parts, paths: ReturnType<typeof openDataPaths.bulk>, scope: string, entry: Omit<OpenDataEntry, 'path' | 'reports' | 'facts' | 'measures'>) => {
    const texts: Record<string, string> = {
      [paths.facts]: bulkCsv(group, 'facts', scope, generated),
      [paths.measures]: bulkCsv(group, 'measures', scope, generated),
      [paths.sources]: sourcesCsv(group, generated),
    };
    for (const [k, v] of Object.entries(texts)) out.set(k, v);
    // The zip holds the three tables and each unit-year's JSON, named relative to the zip.
    const zipped: Zippable = {};
    const folder = paths.facts.slice(0, paths.facts.lastIndexOf('/') + 1);
    for (const [k, v] of Object.entries(texts)) zipped[k.slice(folder.length)] = strToU8(v);
    for (const g of group) zipped[`units/${g.file.unit}/${g.file.reportYear}.json`] = strToU8(out.get(openDataPaths.unitYear(g.file.unit, g.file.reportYear).json) as string);
    out.set(paths.zip, zipSync(zipped, { mtime }));
    const counts = { reports: group.length, facts: group.reduce((n, g) => n + g.file.facts.length, 0), measures: group.reduce((n, g) => n + g.file.measures.length + g.file.indicators.length, 0) };
    entries.push({ path: paths.zip, ...entry, ...counts });
  };
  const folders = new Map<string, string>();
  for (const region of new Set(parts.map((p) => p.region))) {
    const other = folders.get(regionFolder(region));
    if (other !== undefined) throw new Error(`开放数据：地区“${other}”和“${region}”的目录名相同`);
    folders.set(regionFolder(region), region);
  }
  const years = [...new Set(parts.map((p) => p.file.reportYear))].sort((a, b) => a - b);
  for (const year of years) {
    const ofYear = parts.filter((p) => p.file.reportYear === year);
    bulk(ofYear, openDataPaths.year(year), `${year}年全部单位`, { kind: 'year', year });
    for (const region of [...new Set(ofYear.map((p) => p.region))])
      bulk(ofYear.filter((p) => p.region === region), openDataPaths.region(region, year), `${region}${year}年`, { kind: 'region', year, region });
  }
  out.set(openDataPaths.manifest, JSON.stringify({ format: OPEN_DATA_VERSION, generated, files: entries }, null, 2) + '\n');
  return out;
}
