/**
 * The prerender's page assembly (pure, so tests/unit/prerender can check it without a build):
 * which built files a route needs, and the route's HTML from the built index.html.
 */
import type { Route, ViewState } from '../src/model/routes';

/** The parts of Vite's build manifest (`vite build --manifest`) the prerender reads. */
export type Manifest = Record<string, { file: string; src?: string; css?: string[]; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }>;

export interface RouteAssets {
  /** Stylesheets of the route's view and its static imports, beyond what index.html already links. */
  css: string[];
  /** The app chunk, the view's chunk and their static imports, beyond index.html's own preloads. */
  js: string[];
}

/** The client entry's app chunk, loaded after the first paint (src/main.ts). */
export const CLIENT = 'src/client.ts';

/** The view module of a route, as the manifest names it (src/features/<folder>/<Folder>.svelte). */
export function viewSource(route: Route): string {
  const folder = route || 'overview';
  return `src/features/${folder}/${folder[0].toUpperCase()}${folder.slice(1)}.svelte`;
}

/** Everything a chunk pulls in statically, itself first. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key) || !manifest[key]) return [];
  seen.add(key);
  return [key, ...(manifest[key].imports ?? []).flatMap((k) => closure(manifest, k, seen))];
}

/** The stylesheets and scripts `route`'s view needs besides the page entry's (see RouteAssets). */
export function routeAssets(manifest: Manifest, route: Route): RouteAssets {
  const view = viewSource(route);
  if (!manifest[view]) throw new Error(`the build manifest has no ${view} (the view of #/${route})`);
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'));
  const own = new Set(entry ? closure(manifest, entry) : []);
  const ownCss = new Set([...own].flatMap((k) => manifest[k].css ?? []));
  // The app's own chunk (src/client.ts, imported by the entry once the page has painted) and the view's.
  const seen = new Set<string>();
  const keys = [...closure(manifest, CLIENT, seen), ...closure(manifest, view, seen)].filter((k) => !own.has(k));
  return {
    css: [...new Set(keys.flatMap((k) => manifest[k].css ?? []))].filter((c) => !ownCss.has(c)),
    js: keys.map((k) => manifest[k].file),
  };
}

export interface PageParts {
  body: string;
  head: string;
  title: string;
  view: ViewState;
  /** The fingerprint of the data the body was drawn from (see src/state/prerendered.ts). */
  data: string;
  /** The site root relative to the page ("./" or "../"). */
  root: string;
  assets: RouteAssets;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** JSON inside a <script type="application/json">: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The route's page from the built index.html: its own title, links re-rooted for a page one
 * folder down, the route's stylesheets (styled without JavaScript) and script preloads, the
 * rendered body in #app in place of the loading placeholder and the "needs JavaScript" note,
 * and the view it holds as JSON for the page to compare its link with.
 */
export function pageHtml(template: string, p: PageParts): string {
  let html = template;
  if (p.root !== './') html = html.replace(/(\s(?:href|src)=")\.\//g, `$1${p.root}`);
  const screen = p.view.route === 'screen';
  html = html.replace(/<html([^>]*)>/, `<html$1 data-theme="${screen ? 'dark' : 'light'}"${screen ? ' class="screen-mode"' : ''}>`);
  html = html.replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeText(p.title)}</title>`);
  const links = [
    ...p.assets.css.map((f) => `<link rel="stylesheet" crossorigin href="${escapeAttr(p.root + f)}">`),
    ...p.assets.js.map((f) => `<link rel="modulepreload" crossorigin href="${escapeAttr(p.root + f)}">`),
  ];
  html = html.replace('</head>', `${[...links, p.head].filter(Boolean).join('\n')}\n</head>`);
  const app = /<div id="app">[\s\S]*?<\/noscript>/;
  if (!app.test(html)) throw new Error('index.html: expected <div id="app">…</div> followed by <noscript>…</noscript>');
  const record = scriptJson({ view: p.view, root: p.root, data: p.data });
  // A function replacement: the body may hold "$&"-like text that a string replacement would expand.
  return html.replace(app, () => `<div id="app">${p.body}</div>\n<script type="application/json" id="prerendered">${record}</script>`);
}
