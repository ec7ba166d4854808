/**
 * Smoke: the built dashboard, served as it is deployed (gzip, 127.0.0.1, at the root and under a
 * government sub-path), loads its data, renders every route, stays on 127.0.0.1, violates no CSP
 * and survives a broken data file.
 */
import { afterAll, beforeAll, describe, inject, test } from 'vitest';
import { hashOf, openPage, waitForCharts, type Base } from './harness';
import { overwrite, serveModifiedCopy, SUB_PATH, type RunningServer } from './servers';

const BASES: Base[] = ['root', 'sub'];
const BROKEN_FILE = 'data/units/ningxiang-drc/2022.json';

describe.concurrent.each(BASES)('served at %s', (base) => {
  test('the overview shows the 2022 total and stays clean', async ({ expect }) => {
    const s = await openPage('', { base });
    try {
      await s.page.locator('[data-kpi="total"]').waitFor({ timeout: 60_000 });
      await expect.poll(() => s.page.locator('[data-kpi="total"]').innerText()).toContain('969.29');
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/\?unit=[^&]+&year=2022/);
      await waitForCharts(s.page);
      await s.expectClean();
      // Relative base: every request stays under the path the page was served from.
      const prefix = new URL(s.baseUrl).pathname;
      const outside = s.issues.requests.filter((u) => u.startsWith('http') && !new URL(u).pathname.startsWith(prefix));
      expect(outside, `requests outside ${prefix}`).toEqual([]);
      expect(s.issues.requests.some((u) => u.includes(`${prefix}data/index.json`)), 'loaded data/index.json').toBe(true);
    } finally {
      await s.close();
    }
  });
  // Every route at both bases (heading, navigation, no error, no request off 127.0.0.1, no CSP
  // violation) is opened once, by tests/e2e/offline-csp.test.ts.
});

describe.concurrent('the server (scripts/serve.mjs)', () => {
  test.for(BASES)('serves index.html at the URL it prints (%s)', async (base, { expect }) => {
    const url = inject(base === 'sub' ? 'subUrl' : 'rootUrl');
    const res = await fetch(url);
    expect(res.status, `GET ${url}`).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Content-Security-Policy');
  });

  test('compresses scripts and data with gzip', async ({ expect }) => {
    const url = inject('subUrl');
    const index = await fetch(`${url}index.html`).then((r) => r.text());
    // Every script the page loads (nothing is preloaded before first paint); files under 1 KB stay uncompressed.
    const scripts = [...index.matchAll(/(?:href|src)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length, 'index.html references relative scripts').toBeGreaterThan(0);
    let compressed = 0;
    for (const path of [...scripts, 'data/index.json']) {
      const plain = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'identity' } });
      const size = (await plain.arrayBuffer()).byteLength;
      const res = await fetch(`${url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status, path).toBe(200);
      if (size >= 1024) {
        expect(res.headers.get('content-encoding'), path).toBe('gzip');
        compressed++;
      }
    }
    expect(compressed, 'at least one script and the index are large enough to compress').toBeGreaterThanOrEqual(2);
  });

  test('the sub-path without its trailing slash redirects to it', async ({ expect }) => {
    const origin = new URL(inject('subUrl')).origin;
    const res = await fetch(`${origin}${SUB_PATH.slice(0, -1)}`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(SUB_PATH);
  });
});

describe('navigation', () => {
  test('header links switch the view, keep the state in the hash and mark the current page', async ({ expect }) => {
    const s = await openPage('', { base: 'sub' });
    try {
      const link = s.page.locator('nav a', { hasText: '支出分析' });
      await link.click();
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/spending\?unit=[^&]+&year=2022/);
      await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
      await s.page.goBack();
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/\?/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe('a broken data file', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serveModifiedCopy((dir) => overwrite(dir, BROKEN_FILE, '{"unit": "ningxiang-drc", "year": 2022,, oops'), {
      base: SUB_PATH,
    });
  });
  afterAll(() => server?.stop());

  test('shows an error panel naming the file and keeps the page usable', async ({ expect }) => {
    const s = await openPage('', { url: server.url });
    try {
      const panel = s.page.locator('.error-panel');
      await panel.waitFor({ timeout: 60_000 });
      expect(await panel.innerText()).toContain(BROKEN_FILE);
      // Not blank: the shell (header, nav, main) is still there; with the first unit's file
      // unreadable, its indicators route is not offered.
      const nav = await s.page.locator('header nav a').allInnerTexts();
      expect(nav).toEqual(['概览', '单位对比', '支出分析', '资产与三公', '决算公开表', '数据质量', '名词解释', '大屏']);
      expect((await s.page.locator('body').innerText()).trim().length).toBeGreaterThan(20);
      await expect(s.page.locator('main h1, main .error-panel').first().isVisible()).resolves.toBe(true);
      // The broken file is reported in the page, not thrown: no uncaught errors, nothing external.
      expect(s.issues.pageErrors).toEqual([]);
      expect(s.issues.external).toEqual([]);
      expect(s.issues.csp).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
