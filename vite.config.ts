import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The data folder the site is built on: data/, or DATA_DIR (`npm run build -- --data <dir>` sets it
 * through scripts/build.mjs), e.g. a synthetic folder from `npm run synthetic`.
 */
const dataDir = resolve(import.meta.dirname, process.env.DATA_DIR ?? 'data');

/**
 * data/ stays the single home of the facts (no copy under public/): served as /data/ in dev
 * and copied to dist/data/ in the build, so the page fetches `./data/...` relative to itself
 * and works unchanged under any sub-path. The build also compiles it (scripts/compile-data.ts:
 * validation and rules once, rule results, region partitions and roll-ups under
 * dist/data/compiled/) and fails, naming file › record › field, when any file does not validate.
 * The dev server serves the folder as is: the page then validates what it fetches.
 */
function dataAssets(): Plugin {
  let outDir = '';
  let building = false;
  let compiled: Map<string, string | Uint8Array> | undefined;
  let openData: Map<string, string | Uint8Array> | undefined;
  // Unit partitions are written here as they are made (a province has thousands), then copied.
  let staging = '';
  return {
    name: 'data-assets',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build';
    },
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const file = resolve(dataDir, decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, '')));
        if (!file.startsWith(dataDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    async buildStart() {
      if (!building) return;
      const { compileData, compileFailure } = await import('./scripts/compile-data');
      staging = mkdtempSync(join(tmpdir(), 'compiled-data-'));
      const r = await compileData(dataDir, {
        openData: buildDate(),
        write: (name, content) => {
          mkdirSync(dirname(join(staging, name)), { recursive: true });
          writeFileSync(join(staging, name), content);
        },
      });
      if (r.errors.length) this.error(compileFailure(relative(import.meta.dirname, dataDir) || dataDir, r.errors));
      compiled = r.outputs;
      openData = r.openData;
    },
    // Start the downloads the first view needs with the HTML rather than after the scripts have
    // run: the index, the compiled manifest, both trees, and the default unit's files (a link to
    // another unit or to the region view fetches its own; the rest of the folder never loads).
    // This is for pages drawn by script (embed.html, the dashboard when not prerendered): the
    // prerender drops them, since a prerendered page paints without data (scripts/prerender-html.ts).
    transformIndexHtml: {
      order: 'post',
      async handler() {
        const { preloadFiles } = await import('./scripts/compile-data');
        const files = preloadFiles(dataDir, !!compiled);
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./data/${f}`, as: 'fetch', crossorigin: 'anonymous' },
          injectTo: 'head' as const,
        }));
      },
    },
    // Copied after the bundle is written rather than emitted through it: a province's data folder
    // holds far more files than the bundler should hold in memory.
    async closeBundle() {
      if (!compiled) return;
      const { filesUnder } = await import('./scripts/compile-data');
      const dest = join(outDir, 'data');
      for (const name of filesUnder(dataDir).filter((f) => !f.startsWith('compiled/'))) {
        mkdirSync(dirname(join(dest, name)), { recursive: true });
        copyFileSync(join(dataDir, name), join(dest, name));
      }
      for (const [name, content] of compiled) {
        mkdirSync(dirname(join(dest, name)), { recursive: true });
        writeFileSync(join(dest, name), content);
      }
      cpSync(staging, dest, { recursive: true });
      rmSync(staging, { recursive: true, force: true });
      // Open data (docs/open-data.md) at the site root: open-data/v<format>/…
      for (const [name, content] of openData ?? []) {
        mkdirSync(dirname(join(outDir, name)), { recursive: true });
        writeFileSync(join(outDir, name), content);
      }
    },
  };
}

/**
 * The date the open data is stamped with: SOURCE_DATE_EPOCH when set (a reproducible build gives
 * the same bytes), else today (UTC).
 */
function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return new Date(Number.isFinite(epoch) && process.env.SOURCE_DATE_EPOCH ? epoch * 1000 : Date.now()).toISOString().slice(0, 10);
}

// Benchmark baseline only (scripts/bench.mjs sets BENCH_NAIVE=1): the "naive" site the real one is
// measured against — one bundle, no lazy chunks, and all of `echarts` instead of echarts/core.
const naive = !!process.env.BENCH_NAIVE;

/**
 * The dev server injects CSS as inline <style> elements (hot reload), which the production
 * policy's `style-src-elem 'self'` refuses. Loosen that one directive for `vite` (dev) only;
 * the built site keeps the strict policy.
 */
function devCsp(): Plugin {
  return {
    name: 'dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replaceAll("style-src-elem 'self';", "style-src-elem 'self' 'unsafe-inline';"),
  };
}

export default defineConfig({
  // Relative base: dist/ works unchanged under any sub-path of a government site.
  base: './',
  plugins: [svelte(), dataAssets(), devCsp()],
  ...(naive && { resolve: { alias: [{ find: /^echarts\/core$/, replacement: 'echarts' }] } }),
  build: {
    target: 'es2022',
    reportCompressedSize: false,
    // Two pages: the dashboard, and the embed page a government site frames one chart with
    // (src/features/spending/embed). The data plugin's preload links go into both.
    rolldownOptions: {
      // The bench's naive baseline is one bundle, which only one input can be.
      input: naive ? resolve(import.meta.dirname, 'index.html') : { main: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed.html') },
      ...(naive && { output: { codeSplitting: false } }),
    },
    ...(naive && { outDir: 'dist-naive', cssCodeSplit: false }),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          // Some unit tests start the CLIs, serve.mjs or build workbooks: on a crowded 2-core CI machine
          // (each test process with about a quarter of a core) they take several times Vitest's 5 s
          // default. Time belongs in the bench (npm run bench), never in a test's pass or fail.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          // A page case loads a mutated copy of every shipped unit (37 now) in a real browser, several
          // cases at once: about 30 s each on a quiet 2-core machine, so the limit leaves room for a busy one.
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
