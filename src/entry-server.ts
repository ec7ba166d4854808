/**
 * The server entry of the prerender (scripts/prerender.ts builds it for Node and calls it after
 * `vite build`): renders a route's default view with the same components, stores and option
 * builders the page uses, charts as SVG through ECharts' server-side rendering.
 */
import { render } from 'svelte/server';
import App from './App.svelte';
import { views } from './features/shell/views';
import { documentTitle, navItems } from './state/shell';
import { data } from './state/data.svelte';
import { selection } from './state/selection.svelte';
import { boot, follow, settle } from './features/shell/boot';
import type { Route, ViewState } from './state/url';
import { dataFingerprint } from './state/prerendered';
import { CHART_SSR, prepareChartSSR, renderChartSVG } from './ui/chart/ssr';

import { ROUTES as ALL } from './model/routes';

/**
 * The routes in the order they render: settling a view can add to the dataset (the quality
 * view's quote checks add results), so the views that settle render after those that do not,
 * each drawn from the data its page will hold when it hydrates.
 */
export const ROUTES = [...ALL.filter((r) => r !== 'quality'), 'quality' as const];

export interface RenderedRoute {
  /** The markup of #app (hydration markers included). */
  body: string;
  /** What <svelte:head> blocks add, if any. */
  head: string;
  /** The document title the page sets for this view. */
  title: string;
  /** The view the body holds, for the page to compare its link with before hydrating. */
  view: ViewState;
  /** dataFingerprint() of the data it was drawn from. */
  data: string;
}

/**
 * Load the data the way the page does for a link to `unit` (the caller supplies `fetch` for the
 * built data folder, resolved against http://localhost/) and register the SVG chart renderer.
 * Call once per module instance: the prerender imports a fresh instance for each unit, so a
 * unit's pages are drawn from exactly what its page loads (that unit alone), as the page's
 * hydration requires.
 */
export async function prepare(unit?: string): Promise<void> {
  await Promise.all([boot('./data/', unit ? `#/?unit=${unit}` : ''), prepareChartSSR()]);
}

/** The units of the index, in its order (the first is the default view's). */
export function unitIds(): string[] {
  return data.dataset.index?.units.map((u) => u.id) ?? [];
}

/**
 * Render `route`'s default view of `unit` (default: the index's first unit): its latest year, no
 * drill. `root` is the folder of the unit's route files relative to the page ("./" or "../"),
 * for the nav links to them; `site` the site root relative to the page, for links to files
 * (downloads, report texts), which the page reads from its prerender record once live.
 */
export async function renderRoute(route: Route, root: string, unit?: string, site = root): Promise<RenderedRoute> {
  follow(unit ? `#/${route}?unit=${unit}` : `#/${route}`);
  if (selection.unit) await data.ensureUnit(selection.unit);
  await settle(route);
  const component = (await views[route]()).default;
  const context = new Map<string, unknown>([
    [CHART_SSR, renderChartSVG],
    ['prerender', { root, site }],
  ]);
  const { body, head } = render(App, { props: { initial: { route, component } }, context });
  const entry = data.unitEntry(selection.unit);
  const nav = navItems(entry, data.filesOf(selection.unit).some((f) => f.indicators.length > 0));
  return { body, head, title: documentTitle(nav, route, entry?.name), view: selection.view, data: dataFingerprint(selection.unit) };
}
