/**
 * The view model of #/quality: the rule results of the report that states the view's (fact)
 * year, grouped by rule family and rule, each with its numbers and the records it concerns (each
 * a link to where that record is shown), the report's documented known issues, and every load
 * or validation error. The counts are the ones `npm run check:data` prints for that file.
 * Pure: Node tests call it with files read from disk.
 */
import type { DataError, RuleFamily, RuleGrade, RuleResult, UnitYearFile } from '../../model/types';
import { resolveFocus } from '../../state/focus';
import { FAMILIES as RULE_FAMILY_LIST, FAMILY_TITLES, GRADE_TITLES, summarize, RULE_TITLES } from '../../domain/rules';
import type { TreeInput } from '../../domain/tree';
import { toHash, type ViewState } from '../../state/url';
import type { Column, TableView } from '../../ui/table/columns';
import type { ChartView } from '../../ui/chart/spec';
import { numberPairs, orderResults, recordTarget } from '../../domain/findings';
import { ruleStatusOption, STATUS_LABEL } from './quality.option';

/** The rule families, in reading order, with their headings (the registry's). */
const FAMILIES: ReadonlyArray<{ id: RuleFamily; title: string }> = RULE_FAMILY_LIST.map((id) => ({ id, title: FAMILY_TITLES[id] }));
const GRADE_TEXT: Record<RuleGrade, string> = GRADE_TITLES;

export interface RecordLink {
  id: string;
  label: string;
  /** Where the record is shown; null when the report has no record of that id. */
  href: string | null;
}

export interface ResultView {
  key: string;
  status: RuleResult['status'];
  badge: string;
  grade: RuleGrade;
  /** 错误 / 警告 / 提示. */
  gradeText: string;
  /** The passage of the report's text the finding is about, with its line. */
  span: string | null;
  title: string;
  href: string;
  message: string;
  numbers: Array<{ label: string; value: string }>;
  records: RecordLink[];
  explanation: { title: string; text: string } | null;
  focused: boolean;
}

interface RuleView {
  rule: string;
  title: string;
  counts: string;
  focused: boolean;
  /** Failures and known inconsistencies, shown. */
  open: ResultView[];
  /** Passes, folded unless one of them is focused. */
  passed: ResultView[];
  passedOpen: boolean;
}

interface FamilyView {
  id: RuleFamily;
  title: string;
  counts: string;
  /** Open findings by grade ("错误 1 · 警告 2"), or null when there are none. */
  grades: string | null;
  rules: RuleView[];
}

interface IssueView {
  key: string;
  title: string;
  kind: string;
  explanation: string;
  explains: Array<{ key: string; href: string }>;
  records: RecordLink[];
  focused: boolean;
}

export interface RuleRow {
  rule: string;
  title: string;
  family: string;
  pass: number;
  fail: number;
  known: number;
}

interface FlatRow {
  key: string;
  rule: string;
  status: string;
  title: string;
  message: string;
  numbers: string;
  records: string;
  knownIssue: string;
}

export interface QualityView {
  title: string;
  lead: string;
  /** Which report is checked (and that it is another year's, when it is). */
  reportLine: string | null;
  /** Set when the link's focus names no rule or result of this report (it is then ignored). */
  focusNotice: string | null;
  quotes: string;
  /** The rules' own summary (fail = unexplained errors; warnings and notes apart), plus load errors. */
  totals: { pass: number; known: number; fail: number; warning: number; note: number; errors: number };
  errors: Array<{ text: string; file: string }>;
  /** Set when there is no report to check for this unit and year. */
  empty: string | null;
  chart: ChartView | null;
  rules: TableView<RuleRow>;
  families: FamilyView[];
  issues: IssueView[];
  issuesTitle: string;
  download: TableView<FlatRow>;
  /** The rule a focus points to (directly or through one of its results). */
  focusRule: string | null;
  /** The focus after choosing a rule in the chart. */
  select: (key: string) => string | null | undefined;
}

export interface QualityInput {
  unitName: string;
  /** The report that states the view's year (data.reportFor), with its results and errors. */
  report: { year: number; file: string; value?: UnitYearFile; results: readonly RuleResult[]; errors: readonly DataError[] } | undefined;
  /** Every error of every loaded file (the CLI prints them all). */
  errors: readonly DataError[];
  trees: { functional?: TreeInput; economic?: TreeInput };
  quotes: 'no' | 'running' | 'done';
  view: ViewState;
}

const KIND_TEXT: Record<string, string> = { arithmetic: '算术', wording: '措辞', definition: '口径' };
const BADGE: Record<RuleResult['status'], string> = { pass: '✓ 通过', fail: '✗ 失败', known: '⚠ 已知不一致' };
/** Sections whose measures the overview shows; the others are on #/assets. */

/** One row per rule (rule order) with its family and pass / fail / known counts. */
export function ruleRows(results: readonly RuleResult[]): RuleRow[] {
  const s = summarize([...results]);
  return Object.entries(s.byRule).map(([rule, c]) => {
    const family = results.find((r) => r.rule === rule)?.family;
    return { rule, title: RULE_TITLES[rule] ?? rule, family: FAMILIES.find((f) => f.id === family)?.title ?? family ?? '', ...c };
  });
}

const countsText = (c: { pass: number; known: number; fail: number; warning?: number; note?: number }) =>
  `通过 ${c.pass} · 已知不一致 ${c.known} · 失败 ${c.fail}${c.warning ? ` · 警告 ${c.warning}` : ''}${c.note ? ` · 提示 ${c.note}` : ''}`;

function errorText(e: DataError): string {
  const where = [e.file, e.record, e.field].filter(Boolean).join(' › ');
  const exp = e.expected ? `（应为 ${e.expected}${e.found ? `，实为 ${e.found}` : ''}）` : '';
  return `${where}：${e.message}${exp}`;
}

/** Build the #/quality view. */
export function qualityModel(input: QualityInput): QualityView {
  const { view, report } = input;
  const year = view.year;
  const file = report?.value;
  const results = file ? [...(report?.results ?? [])] : [];
  const stem = `${input.unitName}_${year}_数据质量`;
  const rows = ruleRows(results);
  // A focus names a rule or one of its results; anything else is dropped with a sentence.
  const { focus, notice: focusNotice } = resolveFocus(view.focus, new Set([...results.map((r) => r.key), ...rows.map((r) => r.rule)]));
  const totals = summarize(results).total;
  const focusRule = results.find((r) => r.key === focus)?.rule ?? (focus && rows.some((r) => r.rule === focus) ? focus : null);
  const href = (patch: Partial<ViewState>) => toHash({ ...view, ...patch });
  const resultHref = (key: string) => href({ route: 'quality', focus: key, path: [] });

  const link = (id: string): RecordLink => {
    const t = file ? recordTarget(id, file, input.trees) : null;
    return t ? { id, label: t.label, href: href({ route: t.route, path: t.path, focus: t.focus, year: t.year }) } : { id, label: id, href: null };
  };
  const resultView = (r: RuleResult): ResultView => {
    const issue = r.knownIssue ? file?.knownIssues.find((k) => k.id === r.knownIssue) : undefined;
    return {
      key: r.key,
      status: r.status,
      badge: BADGE[r.status],
      grade: r.grade,
      gradeText: GRADE_TEXT[r.grade] ?? r.grade,
      span: r.span ? `“${r.span.text}”${r.span.line ? `（第 ${r.span.line} 行）` : ''}` : null,
      title: r.title,
      href: resultHref(r.key),
      message: r.message,
      numbers: numberPairs(r.numbers),
      records: r.records.map(link),
      explanation: issue ? { title: issue.title, text: issue.explanation } : null,
      focused: focus === r.key,
    };
  };

  const families = familyViews(results, rows, focus, resultView);

  const issues: IssueView[] = (file?.knownIssues ?? []).map((k) => ({
    key: `issue:${k.id}`,
    title: k.title,
    kind: KIND_TEXT[k.kind] ?? k.kind,
    explanation: k.explanation,
    explains: k.explains.map((key) => ({ key, href: resultHref(key) })),
    records: k.records.map(link),
    focused: focus === `issue:${k.id}`,
  }));

  const { flat, flatCols, ruleCols } = downloadTables(results);

  const source = file?.source;
  const reportLine = file && source
    ? `核对的是《${source.title}》（${source.publisher}${source.date ? `，${source.date}` : ''}）${file.reportYear !== year ? `：${year}年的数字由${file.reportYear}年的报告陈述，核对结果是这份报告的` : ''}。`
    : null;

  return {
    title: `${year}年数据质量：报告内部核对`,
    lead: '每个数字都按规则与报告中的其他数字核对：合计是否等于各项之和、比率能否复算、推算值是否一致、部分是否超过总额。报告自身的不一致不被“改正”，而是列为“已知不一致”并说明原因。',
    reportLine,
    focusNotice,
    quotes: input.quotes === 'done' ? '引文核对已完成：每条原文引述都与报告全文逐字比对。' : input.quotes === 'running' ? '正在载入报告全文以核对引文…' : '',
    totals: { ...totals, errors: input.errors.length },
    errors: input.errors.map((e) => ({ text: errorText(e), file: e.file })),
    empty: file ? null : `没有${input.unitName}${year}年的有效报告，无法核对。`,
    chart: rows.length
      ? {
          id: 'quality-rules',
          label: '各规则核对结果条形图',
          description: rows.map((r) => `${r.title}：通过 ${r.pass}，已知不一致 ${r.known}，失败 ${r.fail}`).join('；'),
          height: `${rows.length * 36 + 70}px`,
          option: ruleStatusOption(rows, { focusRule }),
          pngName: `${stem}_核对结果`,
        }
      : null,
    rules: { id: 'quality-rules', caption: '各规则的通过、已知不一致与失败数', columns: ruleCols, rows, rowKey: (r) => r.rule, open: false, downloadName: `${stem}_规则` },
    families,
    issues,
    issuesTitle: `已知不一致及其解释（${issues.length} 项）`,
    download: { id: 'quality-results', caption: '全部核对结果', columns: flatCols, rows: flat, rowKey: (r) => r.key, open: false, downloadName: stem },
    focusRule,
    select: (key) => (rows.some((r) => r.rule === key) ? (key === focus ? null : key) : undefined),
  };
}

/** The full results and the rule counts as download tables. */
function downloadTables(results: readonly RuleResult[]): { flat: FlatRow[]; flatCols: Column<FlatRow>[]; ruleCols: Column<RuleRow>[] } {
  const flat: FlatRow[] = results.map((r) => ({
    key: r.key,
    rule: r.rule,
    status: STATUS_LABEL[r.status],
    title: r.title,
    message: r.message,
    numbers: numberPairs(r.numbers)
      .map((p) => `${p.label}=${p.value}`)
      .join('; '),
    records: r.records.join(', '),
    knownIssue: r.knownIssue ?? '',
  }));
  const flatCols: Column<FlatRow>[] = [
    { key: 'key', label: '核对' },
    { key: 'status', label: '结果' },
    { key: 'title', label: '标题' },
    { key: 'message', label: '说明' },
    { key: 'numbers', label: '数值' },
    { key: 'records', label: '记录' },
    { key: 'knownIssue', label: '已知问题' },
  ];
  const ruleCols: Column<RuleRow>[] = [
    { key: 'title', label: '规则' },
    { key: 'family', label: '类别' },
    { key: 'rule', label: '规则编号' },
    { key: 'pass', label: '通过', numeric: true },
    { key: 'known', label: '已知不一致', numeric: true },
    { key: 'fail', label: '失败', numeric: true },
  ];
  return { flat, flatCols, ruleCols };
}

/** Results grouped by rule family and rule, open ones first, passed ones folded. */
function familyViews(results: readonly RuleResult[], rows: RuleRow[], focus: string | null, resultView: (r: RuleResult) => ResultView): FamilyView[] {
  // A family a rule names that the list does not know comes last, under its own id.
  const familyList = [...FAMILIES, ...[...new Set(results.map((r) => r.family))].filter((id) => !FAMILIES.some((f) => f.id === id)).map((id) => ({ id, title: String(id) }))];
  return familyList.map((f) => {
    const mine = results.filter((r) => r.family === f.id);
    const rs = rows.filter((r) => mine.some((x) => x.rule === r.rule));
    const c = rs.reduce((t, r) => ({ pass: t.pass + r.pass, fail: t.fail + r.fail, known: t.known + r.known }), { pass: 0, fail: 0, known: 0 });
    const open = mine.filter((r) => r.status !== 'pass');
    const grades = (Object.keys(GRADE_TEXT) as RuleGrade[]).map((g) => [g, open.filter((r) => r.grade === g).length] as const).filter(([, n]) => n > 0);
    return {
      id: f.id,
      title: f.title,
      counts: countsText(c),
      grades: grades.length ? grades.map(([g, n]) => `${GRADE_TEXT[g]} ${n}`).join(' · ') : null,
      rules: rs.map((rr) => {
        const ordered = orderResults(mine.filter((r) => r.rule === rr.rule)).map(resultView);
        const passed = ordered.filter((r) => r.status === 'pass');
        return { rule: rr.rule, title: rr.title, counts: countsText(rr), focused: focus === rr.rule, open: ordered.filter((r) => r.status !== 'pass'), passed, passedOpen: passed.some((r) => r.focused) };
      }),
    };
  }).filter((f) => f.rules.length);
}
