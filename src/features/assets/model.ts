/**
 * The view model of #/assets (资产与经费管理): everything the route shows, from the unit's reports
 * and the rule results of the report that states the year. Figures are found by role (never by
 * record id, group or wording); a section the report does not cover is not drawn but named once
 * in a "not covered" line. Pure: Node tests call it with files read from disk.
 */
import type { Fact, RuleResult, UnitYearFile } from '../../model/types';
import { SECTION_TITLES, type RoleSection } from '../../model/vocabulary';
import { resolveFocus } from '../../state/focus';
import { factAt, notCoveredSentence } from '../../domain/figures';
import { sharePct } from '../../domain/check';
import type { ViewState } from '../../state/url';
import type { TableView } from '../../ui/table/columns';
import { MONEY, moneyWithUnit, pct } from '../../ui/format';
import { checksFor, findingKeys, findingsLine, type FindingsLine } from '../../domain/findings';
import { markTerms } from '../../domain/terms';
import { FigureBook } from './cards';
import { assetPanels } from './panels/balance';
import type { PanelContext, PanelView } from './panels/context';
import { controlPanels, SANGONG_ROLES } from './panels/controls';
import { measureTable, type MeasureRow } from './panels/measures';
import { partsPanel } from './panels/parts';
import { staffPanels } from './panels/staff';

export type { PanelView };

/** The sections this route draws, in display order. */
const ASSET_SECTIONS: readonly RoleSection[] = ['assets', 'vehicles', 'sangong', 'meeting', 'training', 'operating', 'procurement', 'staff', 'performance'];

export interface AssetsView {
  title: string;
  /** Set when there is nothing to show for this unit and year (the message says why). */
  empty: string | null;
  /** The report the figures come from, when it is not the year's own. */
  reportNote: string | null;
  nav: Array<{ id: string; label: string }>;
  panels: PanelView[];
  /** "本单位2022年的报告未涉及：车辆、机构与人员。" or null. */
  notCovered: string | null;
  /** Set when the link's focus names no measure of this unit (it is then ignored). */
  focusNotice: string | null;
  /** "本页 N 项数字与报告存在出入": the findings about the figures shown (each once); null when none. */
  findings: FindingsLine | null;
  /**
   * Every measure of the year, a table most readers never open (80-odd rows, most of the page's
   * HTML): folded, with `summary` on its fold, and open when the link focuses one of its rows.
   */
  measures: TableView<MeasureRow> & { title: string; note: string; summary: string };
  footnote: string;
  /** The focus after choosing `key` (a chart item, a card): toggles; null = clear; undefined = not a figure of this route. */
  select: (key: string) => string | null | undefined;
}

export interface AssetsInput {
  unitName: string;
  /** Every loaded report of the unit. */
  files: readonly UnitYearFile[];
  /** The report that states the view's (fact) year, with its rule results. */
  report: { year: number; value?: UnitYearFile; results: readonly RuleResult[] } | undefined;
  view: ViewState;
}

const VEHICLE_ROLES = ['vehicles.count', 'vehicles.cost', 'vehicles.book-value', 'vehicles.status', 'vehicles.kind'];
const PERFORMANCE_ROLES = ['performance.projects', 'performance.amount', 'performance.coverage'];

/** Build the #/assets view: the panels (panels/*.ts) of the sections the report covers, then every measure. */
export function assetsModel(input: AssetsInput): AssetsView {
  const year = input.view.year;
  // A focus names one of the unit's measures; anything else is dropped with a sentence.
  const keys = new Set(input.files.flatMap((f) => f.measures.map((m) => m.id)));
  const { focus, notice: focusNotice } = resolveFocus(input.view.focus, keys);
  const view = { ...input.view, focus };
  const results = input.report?.results ?? [];
  const book = new FigureBook(input.files, year, view.money, view.focus, results);
  const covered = book.figures.sections(year);
  const issues = input.report?.value?.knownIssues ?? [];
  const stem = `${input.unitName}_${year}`;
  const checks = (ids: string[]) => checksFor(ids, results, issues, view);
  const money = view.money;
  const unitLabel = MONEY[money].label;
  const m = (wan: number) => moneyWithUnit(wan, money);

  const parts: Record<string, boolean> = {
    资产: covered.has('assets') || covered.has('vehicles'),
    经费管理: ['sangong', 'meeting', 'training', 'operating', 'procurement', 'performance'].some((s) => covered.has(s as RoleSection)),
    人员: covered.has('staff'),
  };
  const named = Object.keys(parts).filter((k) => parts[k]);
  const title = `${year}年${named.length ? named.join('、').replace(/、([^、]*)$/, '与$1') : '资产与经费管理'}`;

  const ctx: PanelContext = {
    book,
    year,
    view,
    money,
    unitLabel,
    stem,
    checks,
    m,
    chart: (id, label, description, height, option) => ({ id, label, description, height, option, pngName: `${stem}_${label}` }),
  };
  const panels: PanelView[] = [];
  if (covered.has('assets')) panels.push(...assetPanels(ctx));
  if (covered.has('vehicles')) {
    const statusFirst = book.parts('vehicles.status').length >= 2 ? 'vehicles.status' : 'vehicles.kind';
    const p = partsPanel(ctx, 'vehicle', 'vehicles', SECTION_TITLES.vehicles, VEHICLE_ROLES, statusFirst, 'vehicles.count');
    if (p) panels.push(p);
  }

  panels.push(...controlPanels(ctx));

  // A report stating only some 三公 items gets exactly those, titled by what they are.
  const sangongItems = book.parts('sangong.item');
  const sangongTitle = book.get('sangong.total') || !sangongItems.length ? SECTION_TITLES.sangong : sangongItems.map((f) => f.title).join('、');
  if (covered.has('sangong')) {
    const p = partsPanel(ctx, 'sangong', 'sangong', sangongTitle, SANGONG_ROLES, 'sangong.item', 'sangong.total');
    if (p) panels.push(p);
  }
  for (const s of ['meeting', 'training'] as const) {
    if (!covered.has(s)) continue;
    const p = partsPanel(ctx, s, s, SECTION_TITLES[s], [`${s}.total`], null, null);
    if (p) panels.push(p);
  }

  if (covered.has('operating')) {
    const total = book.get('operating.total');
    const basic = total ? basicSpending(input.report?.value, year) : undefined;
    const share = total && basic ? sharePct(total.value, basic.amount) : null;
    const notes = share != null && basic ? [`机关运行经费占${basic.label}（${m(basic.amount)}）的 ${pct(share, 2)}（计算）。`] : [];
    const p = partsPanel(ctx, 'operating', 'operating', SECTION_TITLES.operating, ['operating.total', 'operating.part'], 'operating.part', 'operating.total', { notes });
    if (p) panels.push(p);
  }

  if (covered.has('procurement')) {
    const p = partsPanel(ctx, 'procurement', 'procurement', SECTION_TITLES.procurement, ['procurement.total', 'procurement.kind', 'procurement.sme', 'procurement.micro'], 'procurement.kind', 'procurement.total');
    if (p) panels.push(p);
  }

  if (covered.has('staff')) panels.push(...staffPanels(ctx));

  if (covered.has('performance')) {
    const p = partsPanel(ctx, 'performance', 'performance', SECTION_TITLES.performance, PERFORMANCE_ROLES, null, null);
    if (p) panels.push(p);
  }

  const { rows: measureRows, columns: measureCols } = measureTable(book, year, sangongTitle);
  const once = findingsOnce(panels, findingKeys(measureRows.map((r) => r.key), results), view);

  const notCoveredTitles = ASSET_SECTIONS.filter((s) => !covered.has(s)).map((s) => SECTION_TITLES[s]);
  const hasAny = panels.length > 0 || measureRows.length > 0;
  const reportYear = input.report?.value?.reportYear;

  return {
    title,
    empty: !input.report?.value && !hasAny ? `没有${input.unitName}${year}年的数据。` : null,
    reportNote: reportYear !== undefined && reportYear !== year ? `${year}年的数字来自${reportYear}年的报告（上年数）。` : null,
    nav: [...panels.map((p) => ({ id: `sec-${p.id}`, label: p.navLabel })), ...(measureRows.length ? [{ id: 'sec-all', label: '全部指标' }] : [])],
    panels: once.panels,
    notCovered: notCoveredSentence(year, notCoveredTitles),
    focusNotice,
    findings: once.line,
    measures: {
      id: 'all-measures',
      title: `全部财务与管理指标（${measureRows.length} 项）`,
      note: '报告中除支出金额外的所有数字，按报告用语列出；点 ⓘ 看原文。',
      caption: '全部指标',
      columns: measureCols,
      rows: measureRows,
      rowKey: (r) => r.key,
      open: view.focus != null && measureRows.some((r) => r.key === view.focus),
      summary: `展开全部 ${measureRows.length} 项指标的表格`,
      downloadName: `${stem}_全部指标`,
    },
    footnote: `金额单位：${unitLabel}。“推算”数字由报告的增减额或增长率算出，“≈”表示推算值。`,
    select: (key) => (keys.has(key) ? (key === view.focus ? null : key) : undefined),
  };
}

/**
 * Each finding once: in the first panel whose figures it concerns (a finding about two panels'
 * figures is not repeated), and the page's one line counting them with those of the table of
 * all measures; and the panels' titles with their terms marked.
 */
function findingsOnce(panels: PanelView[], tableKeys: string[], view: ViewState): { panels: PanelView[]; line: FindingsLine | null } {
  const seen = new Set<string>();
  // A panel title's glossary terms explain themselves at their first use on the page.
  const titles = markTerms(panels.map((p) => p.title));
  const out = panels.map((p, i) => ({ ...p, checks: p.checks.filter((c) => !seen.has(c.key) && !!seen.add(c.key)), titleRuns: titles[i] }));
  return { panels: out, line: findingsLine([...seen, ...tableKeys], view) };
}

/** 基本支出 of the year (all sources), which 机关运行经费 is a part of. */
function basicSpending(file: UnitYearFile | undefined, year: number): Fact | undefined {
  return file ? factAt(file.facts, year, '决算', { basis: '基本支出' }) : undefined;
}
