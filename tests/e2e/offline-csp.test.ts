/**
 * Offline and Content-Security-Policy: the site works on an intranet with no internet, at the
 * root and under a sub-path, and its CSP is as strict as the stack allows.
 *
 * - every route at both bases: zero requests leaving 127.0.0.1, zero failed same-origin
 *   requests, zero securitypolicyviolation events — also after hovering every chart (tooltips)
 *   and drilling in the spending table;
 * - the policy text: object-src 'none', base-uri 'none', connect-src 'self', no 'unsafe-inline'
 *   in script-src, and docs/deployment.md documents the same policy for nginx;
 * - why style-src keeps 'unsafe-inline': served with it removed, Chromium reports violations
 *   for ECharts' tooltip markup. When that stops being true this test says so, and the
 *   exception should go.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { openPage, waitForCharts, type Base } from './harness';
import { DIST, ROOT, serveModifiedCopy, type RunningServer } from './servers';

const ROUTES = ['#/', '#/units', '#/spending', '#/spending?path=b:项目支出', '#/assets', '#/tables', '#/operations', '#/quality', '#/glossary', '#/about', '#/screen'] as const;
/** The site header's links: every route above but the drilled view and #/about (a footer link). */
const NAV_LINKS = ROUTES.length - 2;
const BASES: Base[] = ['root', 'sub'];

/** Directive name → its sources, from a policy string. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function metaPolicy(html: string): string {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSP meta tag');
  return m[1];
}

/** Hover each chart at a few points (tooltips render their HTML on hover). */
async function hoverCharts(page: Page): Promise<number> {
  let hovered = 0;
  for (const box of await page.locator('[data-chart]').all()) {
    if (!(await box.isVisible())) continue;
    await box.scrollIntoViewIfNeeded().catch(() => {});
    const b = await box.boundingBox();
    if (!b || b.width < 10 || b.height < 10) continue;
    for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.35], [0.7, 0.65]]) {
      await page.mouse.move(b.x + b.width * fx, b.y + b.height * fy);
      await page.waitForTimeout(80);
    }
    hovered++;
  }
  await page.mouse.move(1, 1);
  return hovered;
}

describe('the Content-Security-Policy text', () => {
  const source = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const policy = directives(metaPolicy(source));

  test('is strict: default-src none, object-src none, base-uri none, connect-src self, no inline scripts', ({ expect }) => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // The inline-style exception covers attributes only (ECharts tooltips): no inline <style> elements.
    expect(policy.get('style-src-elem')).toEqual(["'self'"]);
    const script = policy.get('script-src') ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script.filter((s) => s !== "'self'" && s !== "'unsafe-eval'"), 'script sources besides self and unsafe-eval').toEqual([]);
    // Nothing is loaded from another host: every directive allows at most the site itself (and data:/blob: images).
    for (const [name, sources] of policy) {
      for (const s of sources) expect(["'self'", "'none'", "'unsafe-eval'", "'unsafe-inline'", 'data:', 'blob:'], `${name} ${s}`).toContain(s);
    }
  });

  test('the build ships the same policy', ({ expect }) => {
    expect(metaPolicy(readFileSync(join(DIST, 'index.html'), 'utf8'))).toBe(metaPolicy(source));
  });

  test('docs/deployment.md documents the same policy as an nginx header (plus frame-ancestors)', ({ expect }) => {
    const docs = readFileSync(join(ROOT, 'docs/deployment.md'), 'utf8');
    const header = /add_header Content-Security-Policy "([^"]+)"/.exec(docs)?.[1];
    expect(header, 'nginx add_header Content-Security-Policy in docs/deployment.md').toBeTruthy();
    const documented = directives(header!);
    // A meta tag cannot carry frame-ancestors; the header adds it and nothing else.
    expect(documented.get('frame-ancestors')).toEqual(["'self'"]);
    documented.delete('frame-ancestors');
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(policy));
  });
});

describe.concurrent.each(BASES)('offline and CSP-clean at %s', (base) => {
  test.for(ROUTES)('%s renders its heading; no external or failed requests, no CSP violation (after hovering charts)', async (route, { expect }) => {
    const s = await openPage(route, { base });
    try {
      await waitForCharts(s.page);
      const heading = s.page.locator('main h1').first();
      const hasHeading = (await heading.count()) > 0 && (await heading.innerText()).trim().length > 0;
      expect(hasHeading || (await s.page.locator('main').innerText()).trim().length > 0, `${route} rendered nothing in <main>`).toBe(true);
      expect(await s.page.evaluate(() => decodeURIComponent(location.hash))).toMatch(new RegExp(`^${route.split('?')[0].replace('/', '\\/')}(\\?|$)`));
      // The big screen hides the site chrome; every other route keeps the full navigation.
      if (route !== '#/screen') expect(await s.page.locator('header nav a').count()).toBe(NAV_LINKS);
      await hoverCharts(s.page);
      // Every request stays on 127.0.0.1 under the path the page was served from.
      const prefix = new URL(s.baseUrl).pathname;
      const outside = s.issues.requests.filter((u) => u.startsWith('http') && !new URL(u).pathname.startsWith(prefix));
      expect(outside, `requests outside ${prefix}`).toEqual([]);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('drilling in the spending table stays clean', async ({ expect }) => {
    const s = await openPage('#/spending', { base });
    try {
      await waitForCharts(s.page);
      const row = s.page.locator('[data-table="spending"] button.row-btn').first();
      await row.waitFor({ timeout: 15_000 });
      const before = await s.page.evaluate(() => location.hash);
      await row.click();
      await expect.poll(() => s.page.evaluate(() => location.hash)).not.toBe(before);
      expect(await s.page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/path=/);
      await waitForCharts(s.page);
      await hoverCharts(s.page);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe("why style-src keeps 'unsafe-inline'", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await serveModifiedCopy((dir) => {
      const file = join(dir, 'index.html');
      const html = readFileSync(file, 'utf8');
      const strict = html.replace("style-src 'self' 'unsafe-inline'", "style-src 'self'");
      if (strict === html) throw new Error("index.html has no style-src 'self' 'unsafe-inline' to remove");
      writeFileSync(file, strict);
    });
  });
  afterAll(() => server?.stop());

  test("without it, Chromium blocks ECharts' tooltip styles (hover fires securitypolicyviolation)", async ({ expect }) => {
    const s = await openPage('#/spending', { url: server.url });
    try {
      await waitForCharts(s.page);
      const beforeHover = (await s.page.evaluate(() => window.__cspViolations ?? [])).length;
      expect(await hoverCharts(s.page)).toBeGreaterThan(0);
      await s.page.waitForTimeout(200);
      const all = await s.page.evaluate(() => window.__cspViolations ?? []);
      const style = all.filter((v) => v.violatedDirective.startsWith('style-src'));
      // If this fails, nothing on the page needs inline styles any more: drop 'unsafe-inline' from
      // style-src in index.html and docs/deployment.md.
      expect(style.length, `style-src violations (${beforeHover} before hovering)`).toBeGreaterThan(0);
      // Only style attributes need it (hence style-src-elem 'self' in the real policy), and only from charts.
      expect(new Set(style.map((v) => v.violatedDirective))).toEqual(new Set(['style-src-attr']));
      expect(beforeHover, 'violations before any tooltip was shown').toBe(0);
    } finally {
      await s.close();
    }
  });
});
