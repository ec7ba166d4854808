/** Small helpers of the benchmark: process spawning, the gzip server, statistics, sizes. */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Median of the finite numbers in `xs` (null when there are none). */
export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const round = (x, d = 1) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);
export const ratio = (a, b) => (a == null || b == null || b === 0 ? null : round(a / b, 3));
export const kb = (bytes) => (bytes == null ? '—' : `${(bytes / 1024).toFixed(1)} KB`);

const T0 = Date.now();
/** Progress line with elapsed time, so a 10-minute run shows where it is. */
export function log(...parts) {
  const s = ((Date.now() - T0) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s]`, ...parts);
}

/** Run a command; resolve with its output, reject with it when the exit code is not 0. */
export function run(cmd, args, { env = {}, cwd = ROOT, quiet = true } = {}) {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (!quiet) process.stdout.write(c);
    });
    child.stderr.on('data', (c) => {
      out += c;
      if (!quiet) process.stderr.write(c);
    });
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(out) : rej(Object.assign(new Error(`${cmd} ${args.join(' ')} exited with ${code}`), { output: out }))));
  });
}

/**
 * Serve `dir` with scripts/serve.mjs itself (gzip, 127.0.0.1) on a free port (--port 0), exactly
 * as `npm run serve` does. Resolves with { url, stop }.
 */
export function serve(dir, base = '/') {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs'), '--dir', dir, '--port', '0', '--base', base], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      void stop();
      rej(new Error(`serve.mjs --dir ${dir} printed no URL within 20 s: ${out}`));
    }, 20_000);
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c;
      const m = /served at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        res({ url: m[1], stop, pid: child.pid });
      }
    });
    child.stderr.setEncoding('utf8').on('data', (c) => (out += c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      rej(new Error(`serve.mjs --dir ${dir} exited with ${code}: ${out}`));
    });
  });
}

const gzCache = new Map();
/** Raw and gzip -9 size of a file of a build. */
export function fileSizes(path) {
  let s = gzCache.get(path);
  if (!s) {
    const buf = readFileSync(path);
    s = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    gzCache.set(path, s);
  }
  return s;
}

export const exists = (p) => !!statSync(p, { throwIfNoEntry: false });
