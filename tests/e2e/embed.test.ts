/**
 * Embedding a chart in another site's page. The built site is served by scripts/serve.mjs with
 * `--frame-ancestors "'self' http://127.0.0.1:<host port>"`; the 嵌入 snippet copied from the
 * dashboard is pasted into a plain HTML page served from that other local port, where the chart
 * renders (sized to its frame, its table toggle, source line and link to the full view), while
 * the same page served from a third port, not allowed, gets an empty, refused frame. The embed
 * page itself obeys the offline and CSP rules and has no axe violations, light and dark.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatAxe, openPage, runAxe, waitForCharts } from './harness';
import { startServer, type RunningServer } from './servers';

/** A plain web server for a host page whose HTML the test sets. */
async function hostServer(): Promise<{ server: Server; origin: string; setHtml: (h: string) => void }> {
  let html = '<!doctype html><title>空</title>';
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, setHtml: (h) => (html = h) };
}
const hostPage = (snippet: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>某政府网站 · 财政预决算</title></head><body><h1>部门决算公开</h1>${snippet}</body></html>`;

let allowed: Awaited<ReturnType<typeof hostServer>>;
let other: Awaited<ReturnType<typeof hostServer>>;
let site: RunningServer;

beforeAll(async () => {
  [allowed, other] = await Promise.all([hostServer(), hostServer()]);
  site = await startServer({ args: ['--frame-ancestors', `'self' ${allowed.origin}`] });
});
afterAll(async () => {
  await site?.stop();
  for (const h of [allowed, other]) await new Promise((r) => h?.server.close(r));
});

/** The 嵌入 snippet of the treemap, copied from the dashboard served by `site`. */
async function copySnippet(page: Page): Promise<string> {
  await page.goto(`${site.url}#/spending?unit=ningxiang-drc&year=2022&path=b:项目支出`);
  await waitForCharts(page, 2);
  const card = page.locator('section.chart-card', { has: page.locator('[data-chart="hier"]') });
  const toggle = card.locator('[data-embed-toggle]');
  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  return card.locator('[data-embed-snippet]').inputValue();
}

const embedFrame = (page: Page): Frame | undefined => page.frames().find((f) => f !== page.mainFrame());

describe('embedding', () => {
  test('the snippet from 嵌入 renders the chart in a page on an allowed port: sized, table toggle, source, full view', async () => {
    const s = await openPage('', { url: site.url });
    const { page } = s;
    try {
      const snippet = await copySnippet(page);
      expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html#\/chart\?c=spending\/hier&amp;unit=ningxiang-drc&amp;year=2022&amp;cmp=2021&amp;path=/);
      expect(snippet).toContain('title="项目支出构成矩形树图"');
      allowed.setHtml(hostPage(snippet));
      await page.goto(`${allowed.origin}/`);
      await expect.poll(() => embedFrame(page)?.url() ?? '').toContain('/embed.html#/chart');
      const frame = embedFrame(page)!;
      await frame.waitForSelector('[data-chart="hier"][data-drawn="true"]', { timeout: 60_000 });
      expect(await frame.locator('h1').innerText()).toContain('宁乡市数据资源中心 · 2022年 · 支出合计 › 项目支出');
      expect(await frame.locator('[data-embed-source]').innerText()).toMatch(/^数据来源：宁乡市数据资源中心《.+》（2023-07-25）$/);
      expect(decodeURIComponent((await frame.locator('[data-embed-full]').getAttribute('href')) ?? '')).toBe('index.html#/spending?unit=ningxiang-drc&year=2022&cmp=2021&path=b:项目支出&money=wan');
      // Sized to its frame: the chart takes the room the title and source line leave, and nothing scrolls.
      const size = await frame.evaluate(() => ({ box: document.querySelector('[data-chart]')!.getBoundingClientRect().height, inner: innerHeight, scroll: document.documentElement.scrollHeight }));
      expect(size.inner).toBeGreaterThan(400);
      expect(size.box).toBeGreaterThan(size.inner - 130);
      expect(size.scroll).toBeLessThanOrEqual(size.inner + 1);
      // The table toggle shows the same figures as a table.
      await frame.locator('[data-embed-table-toggle]').click();
      expect(await frame.locator('[data-embed-table-toggle]').getAttribute('aria-pressed')).toBe('true');
      expect(await frame.locator('[data-table="embed"] tbody tr').first().innerText()).toContain('科学技术支出');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('the same page on a port frame-ancestors does not list gets a refused, empty frame', async () => {
    const s = await openPage('', { url: site.url, wait: 'load' });
    const { page } = s;
    try {
      const snippet = await copySnippet(page);
      other.setHtml(hostPage(snippet));
      await page.goto(`${other.origin}/`);
      // Chromium reports the refusal in the embedding page's console and leaves an error page in the frame.
      await expect.poll(() => s.issues.consoleErrors.join('\n'), { timeout: 10_000 }).toMatch(/frame-ancestors/);
      const frame = embedFrame(page);
      expect(frame).toBeDefined();
      await page.waitForTimeout(500);
      const content = await frame!.evaluate(() => document.querySelector('[data-embed], [data-chart]') !== null).catch(() => false);
      expect(content).toBe(false);
      expect(frame!.url()).not.toContain('/embed.html');
    } finally {
      await s.close();
    }
  });

  test.for(['light', 'dark'] as const)('the embed page on its own (%s): offline, CSP-clean, axe 0, themed', async (scheme) => {
    const s = await openPage(`embed.html#/chart?c=spending/cmp&unit=ningxiang-drc&year=2022&cmp=2021&path=&money=wan&theme=${scheme}`, { url: site.url, wait: 'load' });
    const { page } = s;
    try {
      await waitForCharts(page, 1);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(scheme);
      const violations = await runAxe(page);
      expect(violations, formatAxe(violations)).toEqual([]);
      await page.locator('[data-embed-table-toggle]').click();
      const tableViolations = await runAxe(page);
      expect(tableViolations, formatAxe(tableViolations)).toEqual([]);
      expect(s.issues.requests.every((u) => u.startsWith(site.url) || u.startsWith('data:'))).toBe(true);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a chart a level does not have is said in words', async () => {
    const s = await openPage('embed.html#/chart?c=spending/hier&unit=ningxiang-drc&year=2022&path=b:基本支出,f:208,f:20805', { url: site.url, wait: 'load' });
    try {
      await expect.poll(() => s.page.locator('[data-embed-error]').innerText().catch(() => '')).toContain('这一层级没有这张图');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
