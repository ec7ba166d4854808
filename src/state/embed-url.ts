/**
 * The embed page's address: one chart of one route in one view state, as
 *
 *   embed.html#/chart?c=spending/hier&unit=ningxiang-drc&year=2022&cmp=none&path=b:项目支出&money=wan&theme=dark
 *
 * `c` names the route and the chart id, `theme` the colour scheme (light / dark; absent = the
 * reader's system setting); everything else is the main page's view hash, parsed by the same
 * total function (src/state/url.ts), so a view and its embedded chart can never disagree about
 * what a link means.
 */
import { ROUTES, type Route, type ViewState } from '../model/routes';
import { parseHash, toHash, type UrlProblem } from './url';
import { escapeHTML } from '../ui/escape';

export type EmbedTheme = 'light' | 'dark';

export interface EmbedRequest {
  route: Route;
  /** The chart id within the route (the wrapper's `id`). */
  chart: string;
  theme: EmbedTheme | null;
  view: Partial<ViewState>;
  problems: UrlProblem[];
}

const CHART_ID = /^[a-z][a-z0-9-]{0,40}$/;

/** The embed hash of a chart in a view state (no leading page name: append it to `embed.html`). */
export function embedHash(view: ViewState, chart: string, theme: EmbedTheme | null = null): string {
  const main = toHash({ ...view, focus: null });
  const query = main.slice(main.indexOf('?') + 1);
  const c = `${view.route || 'overview'}/${chart}`;
  return `#/chart?c=${encodeURIComponent(c).replace(/%2F/g, '/')}&${query}${theme ? `&theme=${theme}` : ''}`;
}

/** Read an embed hash; total like parseHash: unknown parts become problems, never a throw. */
export function parseEmbedHash(hash: string): EmbedRequest {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const problems: UrlProblem[] = [];
  const [routePart = '', chart = ''] = (params.get('c') ?? '').split('/');
  // The overview's route is '' in a view; in `c` it is spelled out, so an empty `c` is an error.
  const routeName = routePart === 'overview' ? '' : routePart || null;
  let route: Route = 'spending';
  if (routeName !== null && (ROUTES as readonly string[]).includes(routeName)) route = routeName as Route;
  else problems.push({ param: 'c', found: params.get('c') ?? '', expected: '页面/图表，如 spending/hier' });
  const themeParam = params.get('theme');
  const theme = themeParam === 'light' || themeParam === 'dark' ? themeParam : null;
  if (themeParam !== null && theme === null) problems.push({ param: 'theme', found: themeParam, expected: 'light 或 dark' });
  params.delete('c');
  params.delete('theme');
  const parsed = parseHash(`#/${route}?${params.toString()}`);
  return { route, chart: CHART_ID.test(chart) ? chart : '', theme, view: { ...parsed.view, route }, problems: [...problems, ...parsed.problems] };
}

/**
 * The `<iframe>` a government page pastes: absolute address of the embed page, an accessible
 * title, full width and the chart's height. Every value is escaped for an HTML attribute.
 */
export function embedSnippet(pageUrl: string, hash: string, title: string, height: number): string {
  const src = new URL(`embed.html${hash}`, pageUrl).href;
  return `<iframe src="${escapeHTML(src)}" title="${escapeHTML(title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>`;
}
