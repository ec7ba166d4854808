/**
 * The naive stack floor: a minimal Svelte + ECharts + Arquero app, built as one bundle the way the
 * stack's defaults build it (no code splitting, no prerender). scripts/bench/floors.mjs builds it
 * into a temporary folder with `--outDir` and copies the data file next to it.
 */
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [svelte()],
  logLevel: 'warn',
  build: { emptyOutDir: true, reportCompressedSize: false },
});
