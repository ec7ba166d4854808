/**
 * What scripts/serve.mjs and docs/deployment.md's nginx rule say about methods and caching: only GET
 * and HEAD are served (405 with Allow otherwise); Vite's hashed files are immutable, while the
 * prerendered pages — the #/assets route's own assets/index.html among them — and the data files
 * are revalidated.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SERVE = join(ROOT, 'scripts/serve.mjs');
const dir = mkdtempSync(join(tmpdir(), 'serve-cache-test-'));
const page = (text: string) => `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'" /><p>${text}</p>`;
writeFileSync(join(dir, 'index.html'), page('home'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'assets', 'index.html'), page('资产与三公'));
writeFileSync(join(dir, 'assets', 'Chart-CnM-csqz.js'), 'export {};');
writeFileSync(join(dir, 'assets', 'DataTable-BWrXN-WH.css'), 'p{}');
mkdirSync(join(dir, 'data'));
writeFileSync(join(dir, 'data', 'index.json'), '{}');

/** Paths as the browser asks for them, and whether each is a hashed build file. */
const PATHS: [string, boolean][] = [
  ['assets/Chart-CnM-csqz.js', true],
  ['assets/DataTable-BWrXN-WH.css', true],
  ['assets/index.html', false],
  ['assets/', false],
  ['', false],
  ['index.html', false],
  ['data/index.json', false],
];

let child: ChildProcess;
let url = '';
beforeAll(async () => {
  child = spawn(process.execPath, [SERVE, '--dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  url = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = String(d).match(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
      if (m) ok(m[0]);
    });
    child.on('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
});

afterAll(() => {
  child?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('serve.mjs methods', () => {
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'])('answers %s with 405 and Allow: GET, HEAD', async (method) => {
    // fetch refuses TRACE itself; the raw request shows what the server answers.
    const { request } = await import('node:http');
    const res = await new Promise<{ status: number; allow: string | undefined; body: string }>((ok, fail) => {
      const req = request(`${url}assets/`, { method }, (r) => {
        let body = '';
        r.on('data', (d) => (body += d));
        r.on('end', () => ok({ status: r.statusCode!, allow: r.headers.allow, body }));
      });
      req.on('error', fail);
      req.end(method === 'POST' || method === 'PUT' || method === 'PATCH' ? 'x=1' : undefined);
    });
    expect(res.status).toBe(405);
    expect(res.allow).toBe('GET, HEAD');
    expect(res.body).not.toContain('资产与三公');
  });

  it('serves GET and HEAD', async () => {
    expect((await fetch(`${url}assets/`)).status).toBe(200);
    const head = await fetch(`${url}assets/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('Cache-Control', () => {
  it.each(PATHS)('serve.mjs: %s (hashed: %s)', async (path, hashed) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe(hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
  });

  it('the assets route is the page, not a hashed file', async () => {
    expect(await (await fetch(`${url}assets/`)).text()).toContain('资产与三公');
  });

  /** docs/deployment.md's nginx map: each `"~regex" "value";` line, and the default. */
  function nginxCacheRule(): (uri: string) => string {
    const docs = readFileSync(join(ROOT, 'docs/deployment.md'), 'utf8');
    const map = docs.match(/map \$uri \$dashboard_cache \{([\s\S]*?)\n\}/);
    expect(map, 'map $uri $dashboard_cache in docs/deployment.md').toBeTruthy();
    expect(docs).toMatch(/add_header Cache-Control \$dashboard_cache always;/);
    // The nested `location ~* /assets/` of old caught the route's own assets/index.html for a year.
    expect(docs).not.toMatch(/location ~\*? ?\/assets\//);
    const rules = [...map![1].matchAll(/^\s*"~(\*?)([^"]+)"\s+"([^"]+)";/gm)].map((m) => ({ re: new RegExp(m[2].replace(/\\\\/g, '\\'), m[1] ? 'i' : ''), value: m[3] }));
    const fallback = map![1].match(/^\s*default\s+"([^"]+)";/m)?.[1];
    expect(rules.length).toBeGreaterThan(0);
    expect(fallback).toBeDefined();
    return (uri) => rules.find((r) => r.re.test(uri))?.value ?? fallback!;
  }

  it.each(PATHS)('docs/deployment.md nginx: /zfxxgk/czyjs/%s (hashed: %s)', (path, hashed) => {
    // nginx matches $uri, the path after index resolution: /assets/ is served as /assets/index.html.
    const uri = `/zfxxgk/czyjs/${path.endsWith('/') || path === '' ? `${path}index.html` : path}`;
    const value = nginxCacheRule()(uri);
    if (hashed) expect(value).toMatch(/immutable/);
    else expect(value).toBe('no-cache');
  });
});
