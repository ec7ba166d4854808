/**
 * The only place ECharts modules are registered. Core, renderer and the shared components
 * load with the first chart; each chart type is a separate chunk fetched the first time a
 * view asks for it, so a route only pays for the types it draws.
 */
import { use, format } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { EChartsCoreOption } from 'echarts/core';

use([CanvasRenderer, AriaComponent, GridComponent, LegendComponent, TooltipComponent]);

export type { EChartsCoreOption };
export type ChartType = 'bar' | 'line' | 'pie' | 'treemap' | 'sunburst' | 'sankey' | 'funnel' | 'gauge';

const loaders: Record<ChartType, () => Promise<{ default: Parameters<typeof use>[0] }>> = {
  bar: () => import('./types/bar'),
  line: () => import('./types/line'),
  pie: () => import('./types/pie'),
  treemap: () => import('./types/treemap'),
  sunburst: () => import('./types/sunburst'),
  sankey: () => import('./types/sankey'),
  funnel: () => import('./types/funnel'),
  gauge: () => import('./types/gauge'),
};
const loaded = new Map<ChartType, Promise<void>>();
/** Types whose modules are registered. An instance only runs the layouts registered before its init. */
const registered = new Set<ChartType>();

/** Snapshot of the registered chart types (the wrapper compares it with what an option needs). */
export function registeredChartTypes(): Set<ChartType> {
  return new Set(registered);
}

/** Register the chart types an option needs, loading each type's chunk once. */
export function ensureChartTypes(types: ChartType[]): Promise<void> {
  return Promise.all(
    types.map((t) => {
      let p = loaded.get(t);
      if (!p)
        loaded.set(
          t,
          (p = loaders[t]().then((m) => {
            use(m.default);
            registered.add(t);
          })),
        );
      return p;
    }),
  ).then(() => undefined);
}

/** The series types an option uses, so the wrapper can load them before setOption. */
export function seriesTypes(option: EChartsCoreOption): ChartType[] {
  const series = (option as { series?: unknown }).series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  return [...new Set(list.map((s) => (s as { type?: string }).type).filter((t): t is ChartType => !!t && t in loaders))];
}

/**
 * Escape a data string for ECharts' HTML tooltips. Every tooltip formatter routes data
 * strings through this one helper: ECharts does not escape what a formatter returns.
 */
export const escapeHTML: (s: unknown) => string = (s) => format.encodeHTML(String(s ?? ''));
