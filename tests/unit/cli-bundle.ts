/**
 * The CLI scripts as the Node tests run them: each bundled once per test process with esbuild
 * (what tsx does file by file at every start), then run with plain node — the same code and the
 * same arguments as `npm run <script>`, for about a third of tsx's start-up, which adds up over a
 * hundred runs. `import.meta.url` keeps naming the script's own file, so the repository root the
 * scripts derive from it is the same wherever the bundle is written.
 */
import { buildSync } from 'esbuild';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';

const REPO = resolve(import.meta.dirname, '../..');
// Under node_modules/.cache (the usual place for tools' caches), so that the bundle's package
// imports resolve from the repository's node_modules as the script's own do.
const DIR = join(REPO, 'node_modules/.cache/cli-bundle');
const built = new Map<string, string>();

process.on('exit', () => {
  for (const file of built.values()) rmSync(file, { force: true });
});

/** Bundles left by test processes that were stopped before their exit handler ran. */
function dropStale(): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const f of readdirSync(DIR)) if (statSync(join(DIR, f)).mtimeMs < hourAgo) rmSync(join(DIR, f), { force: true });
}

/** The bundled file of `script` (a path relative to the repository, e.g. "scripts/import.ts"). */
export function bundled(script: string): string {
  let file = built.get(script);
  if (!file) {
    mkdirSync(DIR, { recursive: true });
    if (!built.size) dropStale();
    // One file per test worker and script: test files run in parallel processes or threads.
    file = join(DIR, `${basename(script, '.ts')}-${process.pid}-${threadId}.mjs`);
    const source = join(REPO, script);
    buildSync({
      entryPoints: [source],
      outfile: file,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(source).href) },
      logLevel: 'warning',
    });
    built.set(script, file);
  }
  return file;
}
