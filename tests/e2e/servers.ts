/**
 * Start scripts/serve.mjs (the same server `npm start` uses: gzip, 127.0.0.1, optional sub-path)
 * as a child process on a free port, so the tests exercise exactly what gets deployed.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The build under test; E2E_DIST lets several checkouts' e2e runs on one machine keep apart. */
export const DIST = process.env.E2E_DIST ? join(ROOT, process.env.E2E_DIST) : join(ROOT, 'dist');
/** A typical government-site location for the transparency page. */
export const SUB_PATH = '/zfxxgk/czyjs/';

export interface RunningServer {
  /** Base URL ending in "/", e.g. http://127.0.0.1:41234/zfxxgk/czyjs/ */
  url: string;
  stop(): Promise<void>;
}

/**
 * Serve `dir` under `base` on a free 127.0.0.1 port; resolves once the server prints its URL.
 * `args` are passed on to serve.mjs (e.g. `['--frame-ancestors', "'self' http://127.0.0.1:4321"]`).
 * E2E_SERVE_SCRIPT=/path/to/other-serve.mjs runs a candidate server script instead (same CLI).
 */
export function startServer({ dir = DIST, base = '/', args = [] }: { dir?: string; base?: string; args?: string[] } = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, [process.env.E2E_SERVE_SCRIPT ?? join(ROOT, 'scripts/serve.mjs'), '--port', '0', '--base', base, '--dir', dir, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`serve.mjs (--base ${base} --dir ${dir}) did not print its URL within 15 s. ${out}${err}`));
    }, 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const m = /served at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ url: m[1], stop });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs (--base ${base} --dir ${dir}) exited with ${code}: ${err || out}`));
    });
  });
}

/**
 * Copy dist/ to a temp dir, let `mutate(dir)` break or change files, and serve the copy.
 * stop() also removes the copy.
 */
export async function serveModifiedCopy(
  mutate: (dir: string) => void,
  { base = '/' }: { base?: string } = {},
): Promise<RunningServer & { dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  cpSync(DIST, dir, { recursive: true });
  mutate(dir);
  try {
    const server = await startServer({ dir, base });
    return {
      ...server,
      dir,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/** Overwrite one file of a served copy (path relative to dist/, e.g. "data/index.json"). */
export function overwrite(dir: string, file: string, content: string): void {
  writeFileSync(join(dir, file), content);
}
