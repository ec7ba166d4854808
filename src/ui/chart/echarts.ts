/**
 * The only place ECharts modules are registered, and itself loaded lazily by EChart.svelte:
 * a route's text, figures and tables paint without waiting for ECharts. Core, renderer and
 * the shared components come with this chunk; each chart type is a further chunk fetched the
 * first time a view asks for it, so a route only pays for the types it draws.
 */
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
// The label layout (series labelLayout: hideOverlap / moveOverlap) is a feature of its own; without
// it the options' labelLayout is silently ignored and near labels print over each other.
import { LabelLayout } from 'echarts/features';
import { CHART_LOADERS, type ChartType } from './series';

export { init } from 'echarts/core';
export type { EChartsCoreOption } from 'echarts/core';

use([CanvasRenderer, AriaComponent, GridComponent, LegendComponent, TooltipComponent, LabelLayout]);

const loaded = new Map<ChartType, Promise<void>>();

/**
 * Register the chart types an option needs, loading each type's chunk once. Call it before
 * `init`: ECharts copies the registered layouts into an instance when it is created, so an
 * instance made before its type was registered draws axes but no bars.
 */
export function ensureChartTypes(types: readonly ChartType[]): Promise<void> {
  return Promise.all(
    types.map((t) => {
      let p = loaded.get(t);
      if (!p) loaded.set(t, (p = CHART_LOADERS[t]().then((m) => use(m.default))));
      return p;
    }),
  ).then(() => undefined);
}
