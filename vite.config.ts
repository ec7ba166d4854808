import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const dataDir = resolve(import.meta.dirname, 'data');

/** Every file under data/ (the JSON the page fetches at run time), relative to data/. */
function dataFiles(dir = dataDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? dataFiles(path) : [relative(dataDir, path)];
  });
}

/**
 * data/ stays the single home of the facts (no copy under public/): served as /data/ in dev
 * and emitted as dist/data/ in the build, so the page fetches `./data/...` relative to itself
 * and works unchanged under any sub-path.
 */
function dataAssets(): Plugin {
  return {
    name: 'data-assets',
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const file = resolve(dataDir, decodeURIComponent((req.url ?? '').split('?')[0].replace(/^\//, '')));
        if (!file.startsWith(dataDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    // Start the data downloads with the HTML rather than after the scripts have run: the page
    // fetches the index, both trees and every unit-year file the index lists at start-up.
    transformIndexHtml: {
      order: 'post',
      handler() {
        const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as {
          classifications: Record<string, string>;
          units: Array<{ years: Array<{ file: string }> }>;
        };
        const files = ['index.json', ...Object.values(index.classifications), ...index.units.flatMap((u) => u.years.map((y) => y.file))];
        return files.map((f) => ({
          tag: 'link',
          attrs: { rel: 'preload', href: `./data/${f}`, as: 'fetch', crossorigin: 'anonymous' },
          injectTo: 'head' as const,
        }));
      },
    },
    generateBundle() {
      for (const name of dataFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${name.split('\\').join('/')}`, source: readFileSync(join(dataDir, name)) });
      }
    },
  };
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
    ...(naive && { outDir: 'dist-naive', cssCodeSplit: false, rolldownOptions: { output: { codeSplitting: false } } }),
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
