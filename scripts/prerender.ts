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
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
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
type Route = Entry['ROUTES'][number];
type RenderedRoute = Awaited<ReturnType<Entry['renderRoute']>>;

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
      // One file: each unit's worker imports its own instance of it.
      rolldownOptions: { output: { codeSplitting: false } },
    },
  });
  return pathToFileURL(join(ssrDir, 'entry-server.js')).href;
}

/** Render one unit's routes in its own worker (scripts/prerender-unit.mjs). */
function renderUnit(entryUrl: string, unit: string, sites: Record<string, string>): Promise<Array<{ route: Route; page: RenderedRoute }>> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./prerender-unit.mjs', import.meta.url), { workerData: { entryUrl, unit, sites, dataDir: join(outDir, 'data') } });
    let pages: Array<{ route: Route; page: RenderedRoute }> | undefined;
    worker.on('message', (m: Array<{ route: Route; page: RenderedRoute }>) => (pages = m));
    worker.on('error', fail);
    worker.on('exit', (code) => (pages && code === 0 ? done(pages) : fail(new Error(`prerendering ${unit} stopped (exit code ${code})`))));
  });
}

/** Run `task` over `items`, at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      await task(items[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

async function main(): Promise<void> {
  const template = readFileSync(join(outDir, 'index.html'), 'utf8');
  const manifestFile = join(outDir, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: build with \`vite build --manifest\` (npm run build does)`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const url = await buildServerEntry();
  const { ROUTES } = (await import(url)) as Entry;
  const index = JSON.parse(readFileSync(join(outDir, 'data/index.json'), 'utf8')) as { units: Array<{ id: string }> };
  const files = { routes: ROUTES, units: index.units.map((u) => u.id) };
  const css = new Map(
    ROUTES.map((route) => {
      const bundle = bundleCss(routeAssets(manifest, route).css, (f) => readFileSync(join(outDir, f), 'utf8'));
      writeFileSync(join(outDir, bundle.file), bundle.content);
      return [route, { css: [bundle.file] }];
    }),
  );
  // A few units at once, each in its own worker (one per core, at most 4: each holds a copy of the data).
  await pool(files.units, Math.max(1, Math.min(4, availableParallelism())), async (unit) => {
    const folder = unitFolder(unit, files.units);
    const pathOf = (route: Route) => `${folder}${route ? `${route}/` : ''}`;
    // The site root for assets, data and downloads; the nav links go to the unit's own route files.
    const rootOf = (route: Route) => '../'.repeat(pathOf(route).split('/').length - 1) || './';
    for (const { route, page } of await renderUnit(url, unit, Object.fromEntries(ROUTES.map((r) => [r, rootOf(r)])))) {
      const path = pathOf(route);
      const root = rootOf(route);
      const html = pageHtml(template, { ...page, root, assets: css.get(route)!, files });
      const file = join(outDir, path, 'index.html');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
      console.log(`prerendered ${relative(ROOT, file)} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
    }
  });
  // The manifest was only for this step; the site does not need it.
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
  rmSync(ssrDir, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
