/**
 * scripts/serve.mjs sends the security headers docs/deployment.md gives for nginx, with the
 * policy taken from the build's own meta tag and a configurable frame-ancestors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SERVE = resolve(import.meta.dirname, '../../../scripts/serve.mjs');
const META = "default-src 'none'; script-src 'self'; object-src 'none'";
const dir = mkdtempSync(join(tmpdir(), 'serve-test-'));
writeFileSync(join(dir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${META}" /><p>ok</p>`);
mkdirSync(join(dir, 'data'));
writeFileSync(join(dir, 'data', 'index.json'), '{}');
writeFileSync(join(dir, 'data', 'region.arrow'), Buffer.alloc(8192, 7));
const children: ChildProcess[] = [];

function serve(...extra: string[]): Promise<{ url: string; exit: Promise<number | null>; stderr: () => string }> {
  const child = spawn(process.execPath, [SERVE, '--dir', dir, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => child.on('exit', r));
  return new Promise((resolveUrl, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (m) resolveUrl({ url: m[0], exit, stderr: () => err });
    });
    exit.then(() => resolveUrl({ url: '', exit, stderr: () => err }), reject);
  });
}

afterAll(() => {
  for (const c of children) c.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve.mjs', () => {
  it('sends CSP (the meta policy plus frame-ancestors), nosniff and no-referrer on every response', async () => {
    const { url } = await serve();
    for (const path of ['', 'data/index.json', 'missing.txt']) {
      const res = await fetch(url + path);
      expect(res.headers.get('content-security-policy')).toBe(`${META}; frame-ancestors 'self'`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('serves compiled Arrow partitions with their type, compressed', async () => {
    const { url } = await serve();
    const res = await fetch(`${url}data/region.arrow`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });

  it('lets the deployment name the sites that may frame the charts', async () => {
    const { url } = await serve('--frame-ancestors', "'self' http://127.0.0.1:9999", '--base', '/zfxxgk/czyjs/');
    expect(url).toMatch(/\/zfxxgk\/czyjs\/$/);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self' http://127.0.0.1:9999");
  });

  it('refuses a frame-ancestors value that would inject another directive', async () => {
    const { url, exit, stderr } = await serve('--frame-ancestors', "'self'; script-src *");
    expect(url).toBe('');
    expect(await exit).toBe(1);
    expect(stderr()).toContain('--frame-ancestors');
  });
});
