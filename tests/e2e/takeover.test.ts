/**
 * Every link takes over a prerendered page in place: a bare hash is the default view (hydrated,
 * not rebuilt), a hash naming another route or unit opens that one's prerendered file before
 * anything paints, so the first heading on screen is the asked-for unit's; and the page fetches
 * nothing but itself and its stylesheets before its first paint.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { neverIdle, openPage, waitForCharts, waitForReady } from './harness';

const SECOND = { id: 'daying-wgl', name: '大英县文化广播电视和旅游局' };
const FIRST_NAME = '宁乡市数据资源中心';

/**
 * Records, in every document of the tab (sessionStorage outlives location.replace), what the first
 * contentful paint showed and whether the DOM at "interactive" is the one on screen at the end.
 */
async function watchPaints(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __first: Element | null };
    w.__first = null;
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') w.__first = document.querySelector('#main');
    });
    new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      const seen = JSON.parse(sessionStorage.getItem('paints') ?? '[]') as unknown[];
      seen.push({ path: location.pathname, brand: document.querySelector('.brand-title')?.textContent ?? '', h1: document.querySelector('main h1')?.textContent ?? '' });
      sessionStorage.setItem('paints', JSON.stringify(seen));
    }).observe({ type: 'paint', buffered: true });
  });
}

async function paints(page: Page): Promise<Array<{ path: string; brand: string; h1: string }>> {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('paints') ?? '[]'));
}

const kept = (page: Page) => page.evaluate(() => !!(window as unknown as { __first: Element | null }).__first && (window as unknown as { __first: Element }).__first === document.querySelector('#main'));

describe('a bare hash is the default view', () => {
  test.each(['', '#', '#/', '#/?'])('index.html%s hydrates the overview in place', async (hash) => {
    const s = await openPage('', { wait: 'load' });
    const { page } = s;
    try {
      await watchPaints(page);
      await s.goto(`index.html${hash}`);
      await waitForCharts(page, 1);
      expect(await kept(page), 'hydration kept the prerendered DOM').toBe(true);
      expect(await page.evaluate(() => document.querySelectorAll('.echart-ssr').length)).toBe(0);
      expect(await page.evaluate(() => location.hash)).toMatch(/^#\/\?unit=ningxiang-drc&/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe('a link to another unit or route', () => {
  test.each([`#/?unit=${SECOND.id}`, `#/spending?unit=${SECOND.id}&year=2022`])('index.html%s paints that unit first and hydrates its file', async (hash) => {
    const s = await openPage('', { wait: 'load', base: 'sub' });
    const { page } = s;
    try {
      await watchPaints(page);
      await s.goto(`index.html${hash}`);
      await waitForReady(page);
      // Its overview has no chart (the report's recovered parts hold no structure); its spending view has.
      if (hash.startsWith('#/spending')) await waitForCharts(page, 1);
      const seen = await paints(page);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen[0].brand).toBe(SECOND.name);
      expect(seen.map((p) => p.brand)).not.toContain(FIRST_NAME);
      const route = hash.startsWith('#/spending') ? 'spending/' : '';
      expect(new URL(page.url()).pathname).toMatch(new RegExp(`/u/${SECOND.id}/${route}index\\.html$`));
      expect(await kept(page), 'hydration kept the prerendered DOM').toBe(true);
      expect(await page.locator('.brand-title').innerText()).toBe(SECOND.name);
      expect(await page.evaluate(() => location.hash)).toContain(`unit=${SECOND.id}`);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('#/spending on index.html opens spending/index.html and hydrates it', async () => {
    const s = await openPage('', { wait: 'load' });
    const { page } = s;
    try {
      await watchPaints(page);
      await s.goto('index.html#/spending');
      await waitForCharts(page, 4);
      expect(new URL(page.url()).pathname).toBe('/spending/index.html');
      expect((await paints(page))[0].h1).toMatch(/支出/);
      expect(await kept(page)).toBe(true);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a unit the data does not have stays on the page and says so', async () => {
    const s = await openPage('index.html#/?unit=no-such-unit');
    const { page } = s;
    try {
      expect(new URL(page.url()).pathname).toBe('/index.html');
      expect(await page.locator('main').innerText()).toContain('no-such-unit');
    } finally {
      await s.close();
    }
  });
});

describe('nothing before the first paint but the page', () => {
  test('no data or script is preloaded; the data is fetched after the first paint', async () => {
    const s = await openPage('', { wait: 'load' });
    const { page } = s;
    try {
      await s.goto('spending/index.html');
      // The data loads after the load event: wait for the app to have taken over.
      await waitForReady(page);
      const html = await (await fetch(new URL('spending/index.html', s.baseUrl))).text();
      expect(html).not.toMatch(/rel="(?:module)?preload"[^>]*(?:\/data\/|\.js")/);
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1);
      expect(fcp).toBeGreaterThan(0);
      // Every data file starts after the first contentful paint (page-relative times).
      const starts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/data/')).map((e) => e.startTime));
      expect(starts.length).toBeGreaterThan(0);
      for (const t of starts) expect(t).toBeGreaterThanOrEqual(fcp);
    } finally {
      await s.close();
    }
  });
});

describe('a prerendered page starts its app when the reader shows up', () => {
  /** The app's chunks and data files the page has fetched so far. */
  const appRequests = (page: Page) =>
    page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/data\/|\/assets\/client-/.test(n)));

  test('nothing of the app loads until the pointer moves; then it hydrates the same page', async () => {
    const s = await openPage('', { wait: 'load', intent: false });
    const { page } = s;
    try {
      await watchPaints(page);
      await neverIdle(page);
      await s.goto('spending/index.html#/spending');
      expect(await page.evaluate(() => document.documentElement.dataset.start)).toBe('on-intent');
      expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();
      expect(await appRequests(page)).toEqual([]);
      await page.mouse.move(200, 300);
      await waitForReady(page);
      await waitForCharts(page, 4);
      expect(await kept(page), 'hydration kept the prerendered DOM').toBe(true);
      expect((await appRequests(page)).length).toBeGreaterThan(0);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a button pressed before the app took over is pressed again once it has', async () => {
    const s = await openPage('', { wait: 'load', intent: false });
    const { page } = s;
    try {
      await neverIdle(page);
      await s.goto('spending/index.html#/spending');
      // The press itself is the first sign of the reader: the app starts on it.
      await page.getByRole('button', { name: /^下钻到 / }).first().click();
      await waitForReady(page);
      await expect.poll(() => page.evaluate(() => location.hash), { timeout: 30_000 }).toMatch(/[?&]path=[^&]+/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a page nobody touches starts by itself once it has sat quiet', async () => {
    const s = await openPage('', { wait: 'load', intent: false });
    try {
      await s.goto('index.html#/');
      expect(await s.page.evaluate(() => document.documentElement.dataset.start)).toBe('on-intent');
      await waitForReady(s.page);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test.each([
    ['a year the screen file does not show', 'screen/index.html#/screen?year=2021', {}],
    ['a view the page does not hold (a drill path)', 'spending/index.html#/spending?path=f%3A206', {}],
    ['a dark theme (the prerender is drawn light)', 'index.html#/', { colorScheme: 'dark' as const }],
  ])('starts without waiting for %s', async (_, path, opts) => {
    const s = await openPage('', { wait: 'load', intent: false, ...opts });
    const { page } = s;
    try {
      await s.goto(path);
      expect(await page.evaluate(() => document.documentElement.dataset.start)).toBe('now');
      await waitForReady(page);
    } finally {
      await s.close();
    }
  });
});
