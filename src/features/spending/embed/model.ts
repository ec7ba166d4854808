/**
 * The embed page's view model: which chart of which route, in which state, with its table, its
 * source line and the link to the full view. Pure: the page passes the route's own model (so the
 * embedded chart is the very chart the route draws) and the citation of the unit's report.
 */
import type { ViewState } from '../../../model/routes';
import { problemText, toHash, type UrlProblem } from '../../../state/url';
import type { EmbedTheme } from '../../../state/embed-url';
import type { Citation } from '../../../state/shell';
import type { SpendingModel } from '../model';
import type { ChartSpec } from '../../../ui/chart/spec';

/** Routes whose charts the embed page can draw, and their chart ids. */
const EMBEDDABLE: Partial<Record<ViewState['route'], readonly string[]>> = { spending: ['hier', 'cmp', 'sankey', 'exec'] };

interface EmbedView {
  state: 'ok';
  /** "宁乡市数据资源中心 · 2022年 · 项目支出 › 科学技术支出…：构成" */
  title: string;
  chart: ChartSpec;
  table: Extract<SpendingModel, { state: 'ok' }>['table'];
  rows: Extract<SpendingModel, { state: 'ok' }>['rows'];
  /** "数据来源：publisher《title》（date）" */
  source: string;
  /** The full view, relative to the embed page (same folder). */
  fullHref: string;
}

export type EmbedModel = EmbedView | { state: 'error'; message: string };

/** The embedded chart of the spending route (the one route whose charts embed so far). */
export function embedModel(view: ViewState, chartId: string, spending: SpendingModel, unitName: string, cite: Citation | null): EmbedModel {
  if (!EMBEDDABLE[view.route]?.includes(chartId)) return { state: 'error', message: `无法嵌入：页面“${view.route || '概览'}”没有可嵌入的图表“${chartId || '（未指定）'}”。` };
  if (spending.state !== 'ok') return { state: 'error', message: spending.message };
  const charts = spending.charts as Record<string, ChartSpec | null>;
  const chart = charts[chartId];
  if (!chart) return { state: 'error', message: `${unitName}${view.year}年“${spending.nodeLabel}”这一层级没有这张图（报告没有这部分数据）。` };
  return {
    state: 'ok',
    title: `${unitName} · ${view.year}年 · ${spending.breadcrumbs.map((b) => b.label).join(' › ')}：${chart.title}`,
    chart,
    table: spending.table,
    rows: spending.rows,
    source: cite ? `数据来源：${cite.text}` : '数据来源：—',
    fullHref: `index.html${toHash({ ...view, focus: null })}`,
  };
}

/** The page's colours: the link's `theme` when it names one, else the reader's system setting. */
export function embedTheme(asked: EmbedTheme | null, systemDark: boolean): EmbedTheme {
  return asked ?? (systemDark ? 'dark' : 'light');
}

/** What the page says above the chart about its link: the embed parameters it could not use (`c`, `theme`), then the resolver's notices. */
export function embedNotices(problems: readonly UrlProblem[], resolved: readonly string[]): string[] {
  return [...problems.filter((p) => p.param === 'c' || p.param === 'theme').map(problemText), ...resolved];
}

/** The one line shown instead of the chart when the data could not be loaded. */
export function loadFailure(e: unknown): string {
  return `数据处理失败：${e instanceof Error ? e.message : String(e)}`;
}
