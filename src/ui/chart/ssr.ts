/**
 * Charts as SVG at build time (ECharts server-side rendering), for the prerendered pages: the same
 * option the live chart will draw, rendered by ECharts' SVG renderer without a DOM. Imported only
 * by the server entry, which hands `renderChartSVG` to the chart wrapper through Svelte context
 * (CHART_SSR), so the page's bundles never carry the SVG renderer.
 */
import { init, use } from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
// The label layout (series labelLayout: hideOverlap / moveOverlap) is a feature of its own; without
// it the options' labelLayout is silently ignored and near labels print over each other.
import { LabelLayout } from 'echarts/features';
import { CHART_LOADERS, CHART_TYPES } from './series';

/** The context key under which the server entry provides the renderer to EChart.svelte. */
export const CHART_SSR = 'chart-ssr';

interface SsrChartInput {
  option: EChartsCoreOption;
  theme: 'light' | 'dark';
  decal: boolean;
  /** The box's CSS height ("320px"); the SVG is drawn at that height. */
  height: string;
  /** A shaped box's design size (EChart's `shape`): the size to draw at; the SVG scales to the box. */
  size?: { width: number; height: number };
}

/** What EChart.svelte calls during a server render: the chart's SVG markup. */
export type SsrChart = (input: SsrChartInput) => string;

/**
 * The width the SVG is laid out at: the server does not know the reader's screen. The SVG scales
 * to its box (viewBox), which has the live chart's size, so the swap moves nothing.
 */
const SSR_WIDTH = 720;
const FALLBACK_HEIGHT = 320;

let ready: Promise<void> | null = null;

/** Register the SVG renderer, the shared components and every chart type (once, before rendering). */
export function prepareChartSSR(): Promise<void> {
  ready ??= Promise.all(CHART_TYPES.map((t) => CHART_LOADERS[t]())).then((mods) => {
    use([SVGRenderer, AriaComponent, GridComponent, LegendComponent, TooltipComponent, LabelLayout]);
    for (const m of mods) use(m.default);
  });
  return ready;
}

/**
 * The chart as an SVG string, with the options the live wrapper adds (decal patterns, transparent
 * background) and no animation. Hover styles are left out: they would be an inline <style>
 * element, which the page's policy (style-src-elem 'self') refuses.
 */
export const renderChartSVG: SsrChart = ({ option, theme, decal, height, size }) => {
  const h = size?.height ?? (/^\d+(\.\d+)?px$/.test(height.trim()) ? Math.round(parseFloat(height)) : FALLBACK_HEIGHT);
  const chart = init(null, theme === 'dark' ? 'dark' : undefined, { renderer: 'svg', ssr: true, width: size?.width ?? SSR_WIDTH, height: h });
  try {
    chart.setOption({
      ...option,
      animation: false,
      // No aria label: ECharts would write it into an attribute unescaped; the box carries the label.
      aria: { enabled: true, label: { enabled: false }, decal: { show: decal } },
      backgroundColor: 'transparent',
    });
    // renderToSVGString() always adds the hover CSS; the painter's own call can leave it out.
    const painter = (chart.getZr() as unknown as { painter: { renderToString(o: object): string } }).painter;
    const svg = painter.renderToString({ useViewBox: true, cssAnimation: false, cssEmphasis: false });
    return presentationAttributes(svg.replace(/<style[\s\S]*?<\/style>/g, ''));
  } finally {
    chart.dispose();
  }
};

/** SVG properties that are also presentation attributes (what ECharts' SVG renderer writes as style). */
const PRESENTATION = new Set(['font-size', 'font-family', 'font-weight', 'font-style', 'fill', 'stroke', 'opacity', 'fill-opacity', 'stroke-opacity', 'stroke-width', 'text-anchor', 'dominant-baseline', 'visibility', 'display']);

/**
 * style="a:b;c:d" → a="b" c="d": style attributes in the markup need style-src 'unsafe-inline',
 * presentation attributes need nothing, so the prerendered charts depend on no more of the
 * policy than the live ones. A declaration without an attribute form stays in style.
 */
export function presentationAttributes(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_, css: string) => {
    const keep: string[] = [];
    const attrs: string[] = [];
    for (const decl of css.split(';')) {
      const i = decl.indexOf(':');
      if (i < 0) continue;
      const prop = decl.slice(0, i).trim();
      const value = decl.slice(i + 1).trim();
      const font = prop === 'font' ? fontAttributes(value) : null;
      if (font) attrs.push(...font);
      else if (PRESENTATION.has(prop) && !value.includes('"')) attrs.push(` ${prop}="${value}"`);
      else keep.push(`${prop}:${value}`);
    }
    return attrs.join('') + (keep.length ? ` style="${keep.join(';')}"` : '');
  });
}

/** The `font` shorthand ECharts writes ("normal bold 12px sans-serif") as its attributes, or null. */
function fontAttributes(value: string): string[] | null {
  const m = /^((?:[a-z0-9-]+\s+)*?)(\d+(?:\.\d+)?px)(?:\/\S+)?\s+([^"]+)$/.exec(value);
  if (!m) return null;
  const out = [` font-size="${m[2]}"`, ` font-family="${m[3]}"`];
  for (const t of m[1].trim().split(/\s+/)) {
    if (t === 'italic' || t === 'oblique') out.push(` font-style="${t}"`);
    else if (/^(bold|bolder|lighter|\d{3})$/.test(t)) out.push(` font-weight="${t}"`);
  }
  return out;
}
