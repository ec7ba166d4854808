/**
 * The chart types the wrapper can load, and which of them an option uses. Kept apart from
 * echarts.ts so that knowing what to load does not itself load ECharts.
 */
import type { EChartsCoreOption, use } from 'echarts/core';

export const CHART_TYPES = ['bar', 'line', 'pie', 'treemap', 'sunburst', 'sankey', 'funnel', 'gauge'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/**
 * Each chart type's chunk. Dynamic imports only, so this module costs nothing at first paint;
 * the wrapper starts these alongside the ECharts core chunk rather than after it.
 */
export const CHART_LOADERS: Record<ChartType, () => Promise<{ default: Parameters<typeof use>[0] }>> = {
  bar: () => import('./series/bar'),
  line: () => import('./series/line'),
  pie: () => import('./series/pie'),
  treemap: () => import('./series/treemap'),
  sunburst: () => import('./series/sunburst'),
  sankey: () => import('./series/sankey'),
  funnel: () => import('./series/funnel'),
  gauge: () => import('./series/gauge'),
};

/** The series types an option uses, so the wrapper can load them before init. */
export function seriesTypes(option: EChartsCoreOption): ChartType[] {
  const series = (option as { series?: unknown }).series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  const known = new Set<string>(CHART_TYPES);
  return [...new Set(list.map((s) => (s as { type?: string }).type).filter((t): t is ChartType => !!t && known.has(t)))].sort();
}
