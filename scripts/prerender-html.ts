/**
 * The prerender's page assembly (pure, so tests/unit/prerender can check it without a build):
 * which built files a route needs, and the route's HTML from the built index.html.
 */
import { createHash } from 'node:crypto';
import type { Route, ViewState } from '../src/model/routes';

/** The parts of Vite's build manifest (`vite build --manifest`) the prerender reads. */
export type Manifest = Record<string, { file: string; src?: string; css?: string[]; imports?: string[]; isEntry?: boolean; isDynamicEntry?: boolean }>;

export interface RouteAssets {
  /** Stylesheets of the page entry, the app chunk, the route's view and their static imports, in cascade order. */
  css: string[];
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

/**
 * The stylesheets `route`'s view needs besides the page entry's (see RouteAssets). Its scripts are
 * not preloaded: the page paints from the HTML alone, and src/main.ts fetches them after that.
 */
export function routeAssets(manifest: Manifest, route: Route): RouteAssets {
  const view = viewSource(route);
  if (!manifest[view]) throw new Error(`the build manifest has no ${view} (the view of #/${route})`);
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith('index.html'));
  // The entry's, then the app's own chunk (src/client.ts, imported by the entry once the page has painted) and the view's.
  const seen = new Set<string>();
  const keys = [...(entry ? closure(manifest, entry, seen) : []), ...closure(manifest, CLIENT, seen), ...closure(manifest, view, seen)];
  return { css: [...new Set(keys.flatMap((k) => manifest[k].css ?? []))] };
}

/**
 * A route's stylesheets as one file in assets/ (so url() references resolve as before), named by
 * its content: one render-blocking request per page instead of one per chunk. Pages of the same
 * route share it.
 */
export function bundleCss(files: string[], read: (file: string) => string): { file: string; content: string } {
  const content = files.map((f) => `/* ${f} */\n${read(f)}`).join('\n');
  return { file: `assets/page-${createHash('sha256').update(content).digest('hex').slice(0, 10)}.css`, content };
}

export interface PageParts {
  body: string;
  head: string;
  title: string;
  view: ViewState;
  /** The fingerprint of the data the body was drawn from (see src/state/prerendered.ts). */
  data: string;
  /** The site root relative to the page ("./", "../", "../../" …). */
  root: string;
  assets: RouteAssets;
  /** The prerendered files: every route of every unit, the first unit's at the root, the others' under u/<unit>/. */
  files: { routes: readonly string[]; units: readonly string[] };
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** JSON inside a <script type="application/json">: nothing in it can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The folder of `unit`'s route files relative to the site root ("" for the first unit). */
export function unitFolder(unit: string, units: readonly string[]): string {
  return unit === units[0] ? '' : `u/${unit}/`;
}

/**
 * The route's page from the built index.html: its own title, links re-rooted for a page in a
 * folder, the route's stylesheets (styled without JavaScript), the rendered body in #app in place
 * of the loading placeholder and the "needs JavaScript" note, and the view it holds as JSON for
 * the page to compare its link with. The data and module preloads of index.html go: the page's
 * first paint needs none of them (the app fetches its modules and data after it). <html> carries what public/link.js
 * needs to open another unit's or route's file before this one paints.
 */
export function pageHtml(template: string, p: PageParts): string {
  // The data and module preloads go (the entry script fetches its imports when it runs, after the
  // page has painted), and the entry's stylesheet links: p.assets.css has them, in order.
  let html = template
    .replace(/\s*<link rel="(?:module)?preload"[^>]*>/g, '')
    .replace(/\s*<link rel="stylesheet"[^>]*>/g, '');
  if (p.root !== './') html = html.replace(/(\s(?:href|src)=")\.\//g, `$1${p.root}`);
  const screen = p.view.route === 'screen';
  const pre = {
    'data-pre-root': p.root,
    'data-pre-route': p.view.route,
    'data-pre-unit': p.view.unit,
    'data-pre-first': p.files.units[0] ?? '',
    'data-pre-routes': p.files.routes.join(' '),
    'data-pre-units': p.files.units.join(' '),
  };
  const attrs = Object.entries(pre).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  html = html.replace(/<html([^>]*)>/, `<html$1 data-theme="${screen ? 'dark' : 'light'}"${screen ? ' class="screen-mode"' : ''}${attrs}>`);
  html = html.replace(/<title>[\s\S]*?<\/title>/, `<title>${escapeText(p.title)}</title>`);
  const links = p.assets.css.map((f) => `<link rel="stylesheet" crossorigin href="${escapeAttr(p.root + f)}">`);
  html = html.replace('</head>', `${[...links, p.head].filter(Boolean).join('\n')}\n</head>`);
  const app = /<div id="app">[\s\S]*?<\/noscript>/;
  if (!app.test(html)) throw new Error('index.html: expected <div id="app">…</div> followed by <noscript>…</noscript>');
  const record = scriptJson({ view: p.view, root: p.root, data: p.data });
  // A function replacement: the body may hold "$&"-like text that a string replacement would expand.
  return html.replace(app, () => `<div id="app">${p.body}</div>\n<script type="application/json" id="prerendered">${record}</script>`);
}
