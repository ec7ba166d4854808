/**
 * Vitest globalSetup of the e2e project: make sure Chromium and a build exist, then serve dist/
 * twice — at the site root and under a government-style sub-path — and hand the URLs and the
 * browser path to the tests through provide()/inject().
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';
import { DIST, ROOT, SUB_PATH, startServer } from './servers';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Executable of the system Chromium. */
    chromiumPath: string;
    /** dist/ served at the root: http://127.0.0.1:PORT/ */
    rootUrl: string;
    /** dist/ served under SUB_PATH: http://127.0.0.1:PORT/zfxxgk/czyjs/ */
    subUrl: string;
    /** Absolute path of the build the servers serve. */
    distDir: string;
  }
}

/** Newest modification time under `path` (files only); 0 when it does not exist. */
function newest(path: string): number {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/**
 * Why dist/ must be (re)built, or null. `npm run test:e2e` builds first; this covers a bare
 * `vitest run --project e2e` with no build, or with one older than the sources.
 */
function buildReason(): string | null {
  const built = statSync(join(DIST, 'index.html'), { throwIfNoEntry: false });
  if (!built) return 'dist/ is missing';
  const inputs = ['src', 'data', 'public', 'index.html', 'vite.config.ts', 'scripts/build.mjs', 'scripts/prerender.ts', 'scripts/prerender-html.ts'].map((p) => newest(join(ROOT, p)));
  return Math.max(...inputs) > built.mtimeMs ? 'dist/ is older than src/ or data/' : null;
}

function build(): Promise<void> {
  return new Promise((resolve, reject) => {
    // The same two steps as `npm run build`: vite build, then the prerender of every route.
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--logLevel', 'warn', '--outDir', DIST], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      // Vitest sets NODE_ENV=test, which would make this a development build (Svelte's dev
      // transforms included): test what ships.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit ${code})`))));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = await ensureChromium();
  const reason = process.env.E2E_SKIP_BUILD ? null : buildReason();
  if (reason) {
    console.log(`[e2e] ${reason}: running npm run build…`);
    await build();
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('No build in dist/: run "npm run build" first.');

  const [root, sub] = await Promise.all([startServer({ base: '/' }), startServer({ base: SUB_PATH })]);
  project.provide('chromiumPath', chromiumPath);
  project.provide('rootUrl', root.url);
  project.provide('subUrl', sub.url);
  project.provide('distDir', DIST);

  return async () => {
    await Promise.all([root.stop(), sub.stop()]);
  };
}
