#!/usr/bin/env tsx
/**
 * The prerender, run by `npm run build` after `vite build` (scripts/build.mjs):
 *
 *   tsx scripts/prerender.ts [--outDir dist]
 *
 * Builds src/entry-server.ts for Node (the same Svelte components, stores and option builders,
 * compiled for the server), loads the built data folder the way the page does, and writes for
 * every route an HTML file whose body holds the route's default view — headings, figures,
 * narrative, tables, every chart as SVG — hydrated by the page when the link names that view:
 *
 *   dist/index.html                   the overview of the index's first unit
 *   dist/<route>/index.html           every other route of it, linked relatively (../assets/…, ../data/…)
 *   dist/u/<unit>/[<route>/]index.html  the same for every other unit, so a shared link to a unit
 *                                      paints that unit's figures first (public/link.js opens the file
 *                                      a hash names before the page paints)
 *
 * Nothing executable is added to a page: the view the body holds travels as
 * `<script type="application/json" id="prerendered">`, and each page links one stylesheet, the
 * entry's and its route's chunks' (from Vite's manifest) together, so it is styled with JavaScript
 * off and waits for one stylesheet request only.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { bundleCss, pageHtml, routeAssets, unitFolder, type Manifest } from './prerender-html';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = resolve(ROOT, at >= 0 && args[at + 1] ? args[at + 1] : 'dist');
// Its own folder per run: node_modules may be shared by several checkouts building at once.
const ssrDir = mkdtempSync(join(tmpdir(), 'prerender-'));

type Entry = typeof import('../src/entry-server');

async function buildServerEntry(): Promise<string> {
  await build({
    configFile: false,
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    plugins: [svelte()],
    // Everything bundled: one file Node imports, whatever the dependencies' module formats.
    ssr: { noExternal: true },
    build: {
      ssr: 'src/entry-server.ts',
      outDir: ssrDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      reportCompressedSize: false,
      // One file: each unit imports its own instance of it (see instance()), chunks would be shared.
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  return pathToFileURL(join(ssrDir, 'entry-server.js')).href;
}

/**
 * A fresh instance of the server entry (its own data store and selection) per unit: a unit's
 * pages are drawn from that unit's data alone, which is what its page loads before hydrating.
 * A copy under another name, since a loader may cache a module by its path (a query string is
 * not enough under tsx).
 */
async function instance(url: string, n: number): Promise<Entry> {
  const copy = fileURLToPath(url).replace(/\.js$/, `-${n}.js`);
  copyFileSync(fileURLToPath(url), copy);
  return (await import(pathToFileURL(copy).href)) as Entry;
}

/** The page's reader fetches ./data/… against http://localhost/ on the server: answer from the built data folder. */
function serveBuiltData(): void {
  const dataDir = join(outDir, 'data');
  globalThis.fetch = (async (input: string | URL | Request) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const file = resolve(dataDir, decodeURIComponent(url.pathname.replace(/^\/data\//, '')));
    if (!file.startsWith(dataDir + sep) || !existsSync(file)) return new Response('not found', { status: 404, statusText: 'Not Found' });
    return new Response(readFileSync(file));
  }) as typeof fetch;
}

async function main(): Promise<void> {
  const template = readFileSync(join(outDir, 'index.html'), 'utf8');
  const manifestFile = join(outDir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build with \`vite build --manifest\` (npm run build does)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  serveBuiltData();
  const url = await buildServerEntry();
  const first = (await import(url)) as Entry;
  await first.prepare();
  const files = { routes: first.ROUTES, units: first.unitIds() };
  const css = new Map(
    first.ROUTES.map((route) => {
      const bundle = bundleCss(routeAssets(manifest, route).css, (f) => readFileSync(join(outDir, f), 'utf8'));
      writeFileSync(join(outDir, bundle.file), bundle.content);
      return [route, { css: [bundle.file] }];
    }),
  );
  for (const [n, unit] of files.units.entries()) {
    const entry = await instance(url, n);
    await entry.prepare(unit);
    const folder = unitFolder(unit, files.units);
    for (const route of entry.ROUTES) {
      const path = `${folder}${route ? `${route}/` : ''}`;
      // The site root for assets and data; the nav links go to the unit's own route files.
      const root = '../'.repeat(path.split('/').length - 1) || './';
      const page = await entry.renderRoute(route, route ? '../' : './', unit);
      const html = pageHtml(template, { ...page, root, assets: css.get(route)!, files });
      const file = join(outDir, path, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      console.log(`prerendered ${relative(ROOT, file)} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
    }
  }
  // The manifest was only for this step; the site does not need it.
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
  rmSync(ssrDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
