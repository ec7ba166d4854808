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
 *   dist/index.html            the overview (a hash naming another view renders on the client, as before)
 *   dist/<route>/index.html    every other route, linked relatively (../assets/…, ../data/…)
 *
 * Nothing executable is added to a page: the view the body holds travels as
 * `<script type="application/json" id="prerendered">`, and each page links the stylesheets of its
 * route's chunks (from Vite's manifest) so it is styled with JavaScript off.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { pageHtml, routeAssets, type Manifest } from './prerender-html';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outDir');
const outDir = resolve(ROOT, at >= 0 && args[at + 1] ? args[at + 1] : 'dist');
const ssrDir = join(ROOT, 'node_modules/.cache/prerender');

type Entry = typeof import('../src/entry-server');

async function buildServerEntry(): Promise<Entry> {
  await build({
    configFile: false,
    root: ROOT,
    mode: 'production',
    logLevel: 'warn',
    plugins: [svelte()],
    // Everything bundled: one file Node imports, whatever the dependencies' module formats.
    ssr: { noExternal: true },
    build: { ssr: 'src/entry-server.ts', outDir: ssrDir, emptyOutDir: true, target: 'node20', minify: false, reportCompressedSize: false },
  });
  return (await import(pathToFileURL(join(ssrDir, 'entry-server.js')).href)) as Entry;
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
  const entry = await buildServerEntry();
  await entry.prepare();
  for (const route of entry.ROUTES) {
    const root = route ? '../' : './';
    const page = await entry.renderRoute(route, root);
    const html = pageHtml(template, { ...page, root, assets: routeAssets(manifest, route) });
    const file = route ? join(outDir, route, 'index.html') : join(outDir, 'index.html');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, html);
    console.log(`prerendered ${file.slice(ROOT.length + 1)} (${(Buffer.byteLength(html) / 1024).toFixed(1)} KB)`);
  }
  // The manifest was only for this step; the site does not need it.
  rmSync(join(outDir, '.vite'), { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
