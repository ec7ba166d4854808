/**
 * A chart as a route model hands it to the view: the option from a pure builder and what the
 * wrapper (EChart.svelte, Figure.svelte) needs besides.
 */
import type { EChartsCoreOption } from './echarts';

/** One chart: its option, accessible label and description, height and PNG name. */
export interface ChartView {
  id: string;
  label: string;
  description: string;
  height: string;
  option: EChartsCoreOption;
  /** File name of the chart's PNG. */
  pngName: string;
}

/** One chart as a route shows it: its option and everything the wrapper needs besides. */
export interface ChartSpec extends ChartView {
  title: string;
  /** The embed page's hash for this chart in this view state (src/state/embed-url.ts); absent where the embed page cannot draw it. */
  embed?: string;
}
