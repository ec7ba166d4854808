/**
 * The view model of #/import: a unit's finance staff choose or drop a report text (.txt) or the
 * standard 决算 tables (.xlsx/.csv); the file is parsed in a worker in this tab (nothing is
 * uploaded), checked with the load pipeline and the rules, and the unit-year joins this session's
 * data as a preview. This module holds the form checks, the state machine the worker's messages
 * drive (idle → parsing with progress → failed with a location, or done), and everything the
 * page shows of each state. Pure: Node tests drive it without a browser.
 */
import { provenanceSummary, recordIndex } from '../../domain/provenance';
import { formatOf, type ImportError, type ImportOptions, type ImportResult, type ReviewItem } from '../../import/index';
import { MAX_INPUT_BYTES, parseYear, sourcePaths, unitIdProblem, unitNameProblem } from '../../import/options';
import type { DataError, RuleGrade, RuleResult, UnitEntry, UnitYearFile } from '../../model/types';
import { navItems } from '../../state/shell';
import { numberPairs } from '../../domain/findings';
import { orderResults } from '../../domain/findings';
import { countOf, summarize } from '../../domain/rules';

/** What the page asks the worker to do: read this file and import it with these options. */
export interface WorkerRequest {
  file: Blob;
  options: ImportOptions;
}

/** What the worker says back: progress while it reads and parses, then the result or why it stopped. */
export type WorkerMessage =
  | { type: 'progress'; stage: 'read' | 'parse'; loaded: number; total: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; message: string };

export type Format = 'text' | 'tables';

/** The page's state. `checking` is the moment between the worker's result and the store's check. */
export type ImportState =
  | { phase: 'idle' }
  | { phase: 'parsing'; fileName: string; size: number; stage: 'read' | 'parse'; loaded: number }
  | { phase: 'checking'; fileName: string; format: Format; name: string; result: ImportResult & { file: UnitYearFile } }
  | { phase: 'failed'; fileName: string; errors: ImportError[]; review: ReviewItem[]; warnings: string[] }
  | { phase: 'done'; fileName: string; format: Format; name: string; result: ImportResult & { file: UnitYearFile }; check: CheckResult };

/** What the store's check of the imported file gives (data.addPreview). */
export interface CheckResult {
  errors: readonly DataError[];
  results: readonly RuleResult[];
  broken: readonly string[];
  added: boolean;
}

export interface FormInput {
  unit: string;
  name: string;
  /** As typed; empty = read from the document. */
  year: string;
}

export interface FormProblems {
  file?: string;
  unit?: string;
  name?: string;
  year?: string;
}

export type FormCheck = { ok: true; unit: string; name: string; year?: number; format: Format } | { ok: false; problems: FormProblems };

/**
 * Check the form before anything is read, as the CLI checks its arguments: a file of a kind the
 * importers read and not larger than they accept, a unit id in the id format that is not a
 * published unit's (a preview never stands in for published data), a name, and a year when one
 * is typed.
 */
export function checkForm(input: FormInput, file: { name: string; size: number } | null, published: readonly string[]): FormCheck {
  const problems: FormProblems = {};
  let format: Format | null = null;
  if (!file) problems.file = '请选择或拖入要导入的文件（.txt、.xlsx 或 .csv）';
  else {
    format = formatOf(file.name);
    if (!format) problems.file = `不支持的文件类型“${file.name}”：可导入 .txt（报告正文）、.xlsx 或 .csv（决算表）`;
    else if (file.size > MAX_INPUT_BYTES) problems.file = `文件过大（${mb(file.size)} MB）：上限为 ${MAX_INPUT_BYTES / 1048576} MB`;
  }
  const unit = input.unit.trim();
  problems.unit = unitIdProblem(unit) ?? (published.includes(unit) ? `单位 id“${unit}”已是发布的单位：预览不能替换已发布的数据，请换一个 id` : undefined);
  problems.name = unitNameProblem(input.name) ?? undefined;
  let year: number | undefined;
  if (input.year.trim() !== '') {
    const y = parseYear(input.year, '年度');
    if ('problem' in y) problems.year = y.problem;
    else year = y.year;
  }
  for (const k of Object.keys(problems) as (keyof FormProblems)[]) if (problems[k] === undefined) delete problems[k];
  if (Object.keys(problems).length || !format) return { ok: false, problems };
  return { ok: true, unit, name: input.name.trim(), ...(year !== undefined ? { year } : {}), format };
}

const mb = (n: number) => (n / 1048576).toFixed(1);

/** The state once a file is handed to the worker. */
export function begin(file: { name: string; size: number }): ImportState {
  return { phase: 'parsing', fileName: file.name, size: file.size, stage: 'read', loaded: 0 };
}

/**
 * The state after a worker message. A result the importer could not make is `failed` with its
 * errors (each naming its line, or sheet, row and column); a file goes to `checking` with its
 * source copy's path set as the CLI sets it, so the download is the file `npm run import` writes.
 */
export function step(state: ImportState, msg: WorkerMessage, form: { name: string; format: Format }): ImportState {
  if (state.phase !== 'parsing') return state;
  const { fileName } = state;
  if (msg.type === 'progress') return { ...state, stage: msg.stage, loaded: msg.loaded };
  if (msg.type === 'failed') return { phase: 'failed', fileName, errors: [{ message: `解析时出错：${msg.message}` }], review: [], warnings: [] };
  const r = msg.result;
  if (r.errors.length || !r.file) {
    return { phase: 'failed', fileName, errors: r.errors.length ? r.errors : [{ message: '没有得到结果' }], review: r.review, warnings: r.warnings ?? [] };
  }
  const paths = sourcePaths(r.file.unit, r.file.reportYear, form.format, fileName, r);
  const file: UnitYearFile = { ...r.file, source: { ...r.file.source, file: paths.sourceFile } };
  return { phase: 'checking', fileName, format: form.format, name: form.name, result: { ...r, file } };
}

/** The state when the worker itself failed (did not start, or crashed). */
export function crashed(state: ImportState, message: string): ImportState {
  if (state.phase !== 'parsing') return state;
  return { phase: 'failed', fileName: state.fileName, errors: [{ message: `后台解析没有完成（${message || '工作线程出错'}）。页面的其他部分不受影响，请重试或换一个浏览器` }], review: [], warnings: [] };
}

/** The state after the store checked (and, when valid, added) the file. */
export function finish(state: ImportState, check: CheckResult): ImportState {
  if (state.phase !== 'checking') return state;
  return { phase: 'done', fileName: state.fileName, format: state.format, name: state.name, result: state.result, check };
}

/** Where an importer's problem or an unplaced number is, in words. */
export function whereText(where: ImportError['where'] | undefined): string {
  if (!where) return '';
  if (where.line) return `第 ${where.line} 行`;
  const parts = [where.sheet && `工作表“${where.sheet}”`, where.row && `第 ${where.row} 行`, where.column && `${where.column} 列`].filter(Boolean);
  return parts.join(' ');
}

/**
 * An importer's message as the page says it: the importers name the CLI's options (--year) where
 * the page has a form field.
 */
export function pageWording(message: string): string {
  return message.replace(/请?用 --year 指定(年度)?/g, '请在上面的“年度”一栏填写报告年度后重新导入');
}

interface ErrorView {
  where: string;
  message: string;
}

interface FindingView {
  key: string;
  status: RuleResult['status'];
  badge: string;
  grade: RuleGrade;
  gradeText: string;
  title: string;
  message: string;
  numbers: Array<{ label: string; value: string }>;
  /** The passage of the text, or the quote or cell (or formula) of each record involved. */
  quotes: string[];
  /** The finding on #/quality of the preview. */
  href: string;
}

interface ReviewView {
  where: string;
  text: string;
  reason: string;
  context: string;
}

interface LinkView {
  route: string;
  title: string;
  href: string;
}

export type DownloadKind = 'json' | 'source' | 'xlsx';

interface DownloadView {
  kind: DownloadKind;
  label: string;
  fileName: string;
  /** Where the file goes in the data folder to publish it. */
  path: string;
}

export interface ImportView {
  title: string;
  lead: string;
  /** One line for the status region (what is happening now). */
  status: string;
  /** A progress bar while parsing; value null = indeterminate. */
  progress: { value: number | null; max: number; label: string } | null;
  busy: boolean;
  /** Why the file could not be imported, each with its place. */
  errors: ErrorView[];
  errorTitle: string;
  warnings: string[];
  /** What was imported, in one sentence; null until done. */
  summary: string | null;
  findings: { title: string; counts: string; items: FindingView[]; passed: number } | null;
  review: { title: string; empty: string | null; items: ReviewView[] } | null;
  preview: { title: string; note: string; unitName: string; links: LinkView[] } | null;
  downloads: DownloadView[];
  publish: { title: string; steps: string[]; command: string } | null;
}

/** Badges by how the CLI counts a result (countOf): an unexplained error apart from warnings and notes. */
const BADGE: Record<ReturnType<typeof countOf>, string> = { pass: '✓ 通过', fail: '✗ 未通过', warning: '! 警告', note: '· 提示', known: '⚠ 已知不一致' };
const GRADE_TEXT: Record<RuleGrade, string> = { error: '错误', warning: '警告', note: '提示' };
/** Records quoted under one finding; a rule over a whole table names many, the first few locate it. */
const MAX_QUOTES = 3;

const LEAD =
  '选择或拖入本单位的报告正文（.txt，UTF-8 或 GBK）或标准决算公开表（.xlsx、.xls、.ods、.csv）。文件只在本页中解析，不会上传到任何地方；导入结果先作为“预览”加入本页，可在每个页面查看，再下载后发布。';

/** The unit-year file as `npm run import` writes it. */
export function unitYearJson(file: UnitYearFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A link to a route of the preview unit; the shell fills in the rest of the view. */
export function previewHref(route: string, unit: string, year: number, focus?: string): string {
  const q = new URLSearchParams({ unit, year: String(year) });
  if (focus) q.set('focus', focus);
  return `#/${route}?${q.toString().replace(/%3A/g, ':')}`;
}

/** The command that publishes the same import with the unit registered in data/index.json. */
export function cliCommand(fileName: string, unit: string, name: string, year: number): string {
  const quote = (s: string) => (/^[\p{L}\p{N}_.\-/]+$/u.test(s) ? s : `"${s.replace(/(["\\$`])/g, '\\$1')}"`);
  return `npm run import -- ${quote(fileName)} --unit ${unit} --name ${quote(name)} --year ${year}`;
}

/** A view with nothing to show yet; each state fills in its part. */
function blankView(): ImportView {
  return { title: '导入数据', lead: LEAD, status: '', progress: null, busy: false, errors: [], errorTitle: '', warnings: [], summary: null, findings: null, review: null, preview: null, downloads: [], publish: null };
}

type DoneState = Extract<ImportState, { phase: 'done' }>;

/** While the worker reads (a progress bar in bytes) or parses (an indeterminate one). */
function parsingView(state: Extract<ImportState, { phase: 'parsing' }>): ImportView {
  const read = state.stage === 'read';
  const pct = state.size ? Math.min(100, Math.round((state.loaded / state.size) * 100)) : 100;
  const label = read ? `正在读取 ${state.fileName}：${pct}%（${mb(state.loaded)} / ${mb(state.size)} MB）` : `正在解析 ${state.fileName}（${mb(state.size)} MB）…`;
  return { ...blankView(), busy: true, status: label, progress: { value: read ? state.loaded : null, max: Math.max(state.size, 1), label } };
}

/** The importer stopped: its errors, each with its place, and what it could not place. */
function failedView(state: Extract<ImportState, { phase: 'failed' }>): ImportView {
  return {
    ...blankView(),
    status: `无法导入 ${state.fileName}。`,
    errorTitle: `无法导入 ${state.fileName}`,
    errors: state.errors.map((e) => ({ where: whereText(e.where), message: pageWording(e.message) })),
    warnings: state.warnings.map(pageWording),
    review: state.review.length ? reviewView(state.review) : null,
  };
}

/** The importer made a file the store's structural check refused: an importer bug, shown as such. */
function rejectedView(state: DoneState): ImportView {
  return {
    ...blankView(),
    status: `${state.fileName} 的导入结果未通过结构检查，没有加入预览。`,
    errorTitle: '导入结果未通过结构检查（这是导入程序的问题，请把下面的错误报告给维护者）',
    errors: state.check.errors.map((e) => ({ where: [e.record, e.field].filter(Boolean).join(' › '), message: e.message })),
    warnings: (state.result.warnings ?? []).map(pageWording),
    review: reviewView(state.result.review),
  };
}

/** One rule result that did not pass, with the passage or the first records it names, linked to #/quality of the preview. */
function findingView(r: RuleResult, file: UnitYearFile, records: ReturnType<typeof recordIndex>): FindingView {
  const quotes = r.span
    ? [`“${r.span.text}”${r.span.line ? `（第 ${r.span.line} 行）` : ''}`]
    : r.records.slice(0, MAX_QUOTES).flatMap((id) => {
        const rec = records.get(id);
        return rec ? [`${rec.record.label}：${provenanceSummary(rec.record.provenance)}`] : [];
      });
  if (!r.span && r.records.length > MAX_QUOTES) quotes.push(`另有 ${r.records.length - MAX_QUOTES} 条记录，见数据质量页`);
  return {
    key: r.key,
    status: r.status,
    badge: BADGE[countOf(r)],
    grade: r.grade,
    gradeText: GRADE_TEXT[r.grade] ?? r.grade,
    title: r.title,
    message: r.message,
    numbers: numberPairs(r.numbers),
    quotes,
    href: previewHref('quality', file.unit, file.reportYear, r.key),
  };
}

/** The check report: what needs attention first, and the counts as the CLI counts them (only an unexplained error fails). */
function findingsOf(file: UnitYearFile, check: CheckResult): NonNullable<ImportView['findings']> & { fails: number } {
  const records = recordIndex(file);
  const open = orderResults(check.results.filter((r) => r.status !== 'pass'));
  const total = summarize([...check.results]).total;
  return {
    title: `检查报告：${open.length} 项需要注意`,
    counts: `通过 ${total.pass} · 未解释失败 ${total.fail} · 已知问题 ${total.known} · 未解释的警告 ${total.warning} · 提示 ${total.note}${check.broken.length ? ` · 未能使用的部分：${check.broken.join('、')}` : ''}`,
    items: open.map((r) => findingView(r, file, records)),
    passed: check.results.length - open.length,
    fails: total.fail,
  };
}

/** The files to publish, each with where it goes in the data folder (as `npm run import` writes them). */
function downloadsOf(state: DoneState): { downloads: DownloadView[]; sourceFile: string } {
  const { result, format, fileName } = state;
  const { unit, reportYear: year } = result.file;
  const paths = sourcePaths(unit, year, format, fileName, result);
  const downloads: DownloadView[] = [
    { kind: 'json', label: '下载数据文件（JSON）', fileName: `${unit}-${year}.json`, path: `data/units/${unit}/${year}.json` },
    ...(result.sourceText !== undefined ? [{ kind: 'source' as const, label: '下载原文副本（TXT）', fileName: paths.sourceFile.replace(/^sources\//, ''), path: `data/${paths.sourceFile}` }] : []),
    { kind: 'xlsx', label: '下载决算公开表（Excel）', fileName: `${unit}-${year}.xlsx`, path: `data/${paths.original ?? `sources/${unit}-${year}.xlsx`}` },
  ];
  return { downloads, sourceFile: paths.sourceFile };
}

/** The steps that publish the preview for good: files into the data folder, the unit into the index, a check, a build. */
function publishOf(state: DoneState, downloads: DownloadView[], sourceFile: string): NonNullable<ImportView['publish']> {
  const { result, fileName, name } = state;
  const { unit, reportYear: year } = result.file;
  return {
    title: '发布',
    steps: [
      `下载数据文件，存为 ${downloads[0].path}${result.sourceText !== undefined ? `；原文副本存为 data/${sourceFile}` : ''}。`,
      `在 data/index.json 的 units 中登记该单位及 ${year} 年（id ${unit}，文件 units/${unit}/${year}.json）${result.newCodes?.functional.length || result.newCodes?.economic.length ? '，并把新科目补入分类表' : ''}；或在项目目录用下面的命令一步完成导入与登记。`,
      '运行 npm run check:data 确认无误后，重新构建并发布网站。',
    ],
    command: cliCommand(fileName, unit, name, year),
  };
}

/** The file joined this session's data: what was imported, the check report, the review list, the preview's links, downloads and publishing. */
function doneView(state: DoneState, entry: UnitEntry | undefined): ImportView {
  const { result, check, fileName, name } = state;
  const file = result.file;
  const year = file.reportYear;
  const unit = file.unit;
  const derived = [...file.facts, ...file.measures].filter((x) => x.provenance.kind === 'derived').length;
  const placed = [...file.facts, ...file.measures, ...file.indicators].filter((x) => x.provenance.kind === 'stated').length;
  const { fails, ...findings } = findingsOf(file, check);
  const displayName = entry?.name ?? name;
  // The 名词解释 is the same for every unit: nothing of the imported file to preview there.
  const links = navItems(entry, file.indicators.length > 0).filter((n) => n.route !== 'glossary').map((n) => ({ route: n.route, title: n.title, href: previewHref(n.route, unit, year) }));
  const { downloads, sourceFile } = downloadsOf(state);
  return {
    ...blankView(),
    status: `已导入 ${fileName}：${displayName} ${year} 年，${fails ? `${fails} 项错误未说明` : '没有未说明的错误'}，已归位数字 ${placed} 个，待核对数字 ${result.review.length} 个。`,
    warnings: (result.warnings ?? []).map(pageWording),
    summary:
      `${fileName}${result.encoding ? `（${result.encoding.toUpperCase()}）` : ''} → ${year} 年度《${file.source.title}》：` +
      `金额 ${file.facts.length} 条，指标 ${file.measures.length} 条（其中推算 ${derived} 条）${file.indicators.length ? `，业务指标 ${file.indicators.length} 条` : ''}；已归位数字 ${placed} 个，待核对数字 ${result.review.length} 个。`,
    findings,
    review: reviewView(result.review),
    preview: {
      title: '预览',
      note: `${displayName}只加入了本页的内存：刷新或关闭页面后就消失，没有上传，也没有写入数据目录。每个页面都可查看它，名称带“预览”标记。`,
      unitName: displayName,
      links,
    },
    downloads,
    publish: publishOf(state, downloads, sourceFile),
  };
}

/** The view of a state. `entry` is the preview unit's index entry once it is added. */
export function importView(state: ImportState, entry?: UnitEntry): ImportView {
  switch (state.phase) {
    case 'idle':
      return { ...blankView(), status: '尚未选择文件。' };
    case 'parsing':
      return parsingView(state);
    case 'checking':
      return { ...blankView(), busy: true, status: `正在核对 ${state.fileName} 的导入结果…`, progress: { value: null, max: 1, label: '正在核对' } };
    case 'failed':
      return failedView(state);
    case 'done':
      return state.check.added ? doneView(state, entry) : rejectedView(state);
  }
}

function reviewView(items: readonly ReviewItem[]): NonNullable<ImportView['review']> {
  return {
    title: `待核对的数字（${items.length} 个）`,
    empty: items.length ? null : '没有待核对的数字：每个数字都已归位。',
    items: items.map((r) => ({ where: whereText(r.where), text: r.text, reason: r.reason, context: r.context })),
  };
}
