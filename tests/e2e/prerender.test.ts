/**
 * The prerendered pages (scripts/prerender.ts): every route's default view is in its HTML — read
 * here over HTTP without running anything, and in Chromium with JavaScript off (readable,
 * navigable, printable) — and with JavaScript on the page hydrates that markup in place, with no
 * layout shift, before the live charts replace the SVG.
 */
import { describe, expect, test } from 'vitest';
import { inject } from 'vitest';
import { openPage, VIEWPORTS, waitForCharts } from './harness';

/** Route → its file, a figure its default view shows, and how many charts it draws (SVG in the HTML). */
const PAGES = [
  { route: '', file: 'index.html', figure: '969.29', charts: 1, h1: /部门整体支出/ },
  { route: 'spending', file: 'spending/index.html', figure: '969.29', charts: 4, h1: /支出/ },
  { route: 'assets', file: 'assets/index.html', figure: '601.59', charts: 6, h1: /资产/ },
  { route: 'operations', file: 'operations/index.html', figure: '', charts: 1, h1: /./ },
  { route: 'quality', file: 'quality/index.html', figure: '969.29', charts: 1, h1: /数据质量/ },
  { route: 'screen', file: 'screen/index.html', figure: '969.29', charts: 4, h1: /./ },
] as const;

/** The built HTML as a crawler gets it: no script runs. */
async function html(file: string, base: 'rootUrl' | 'subUrl' = 'rootUrl'): Promise<string> {
  const res = await fetch(new URL(file, inject(base)));
  expect(res.status, file).toBe(200);
  return res.text();
}

describe('prerendered HTML (no script runs)', () => {
  test.each(PAGES)('$file holds its figures and charts as SVG', async ({ file, figure, charts }) => {
    const text = await html(file, 'subUrl');
    const main = text.slice(text.indexOf('<main'), text.indexOf('</main>'));
    if (figure) expect(main).toContain(figure);
    expect(main.match(/<svg[\s>]/g)?.length ?? 0).toBeGreaterThanOrEqual(charts);
    expect(main).not.toContain('正在加载');
    // Nothing executable inline: the one inline script is data.
    const inline = [...text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
    expect(inline).toEqual([' type="application/json" id="prerendered"']);
    expect(text.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/<style[\s>]/);
    // Charts and chart boxes carry no style attribute (they would need style-src 'unsafe-inline').
    expect(main.match(/<div class="echart-[^>]*\sstyle=|<svg[^>]*\sstyle=|<text[^>]*\sstyle=/g)).toBeNull();
    // Relative links only: the folder works under any sub-path.
    expect(text).not.toMatch(/\s(?:href|src)="\/(?!\/)/);
  });
});

describe('JavaScript off', () => {
  test.each(PAGES)('$file is readable, navigable and printable', async ({ route, file, figure, charts, h1 }) => {
    const s = await openPage(file, { base: 'sub', javaScript: false, viewport: route === 'screen' ? VIEWPORTS.wall : VIEWPORTS.desktop });
    const { page } = s;
    try {
      if (route !== 'screen') await expect.poll(() => page.locator('main h1').first().innerText()).toMatch(h1);
      if (figure) expect(await page.locator('main').innerText()).toContain(figure);
      const svgs = page.locator('[data-chart] svg');
      expect(await svgs.count()).toBe(charts);
      const box = await svgs.first().boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
      // Tables come with the page too (the figures behind the charts).
      if (route !== 'screen' && route !== '') expect(await page.locator('main table').count()).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect((await svgs.first().boundingBox())!.height).toBeGreaterThan(50);
      await page.emulateMedia({ media: 'screen' });
      if (route !== 'screen') {
        // The nav goes to the route files.
        const target = route === 'spending' ? 'assets' : 'spending';
        await page.locator(`nav[aria-label="主导航"] a[href*="${target}/index.html"]`).click();
        await page.waitForURL(new RegExp(`/${target}/index\\.html`));
        expect(await page.locator('[data-chart] svg').count()).toBeGreaterThan(0);
      }
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

/** Records layout shifts from the first paint, and the #main element before any module script runs. */
async function watchShifts(page: import('playwright-core').Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number; __first: Element | null };
    w.__cls = 0;
    w.__first = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') w.__first = document.querySelector('#main');
    });
  });
}

describe('JavaScript on: hydration', () => {
  test.each(PAGES)('$file hydrates in place with CLS ≤ 0.01 and the live charts take over', async ({ route, file, figure, charts }) => {
    const s = await openPage('', { wait: 'load', viewport: route === 'screen' ? VIEWPORTS.wall : VIEWPORTS.desktop });
    const { page } = s;
    try {
      await watchShifts(page);
      await s.goto(file);
      expect(await waitForCharts(page, charts)).toBe(charts);
      await page.waitForTimeout(300);
      const r = await page.evaluate(() => {
        const w = window as unknown as { __cls: number; __first: Element | null };
        return { cls: w.__cls, kept: !!w.__first && w.__first === document.querySelector('#main'), canvases: document.querySelectorAll('[data-chart] canvas').length, ssr: document.querySelectorAll('.echart-ssr').length };
      });
      expect(r.kept, 'hydration kept the prerendered DOM').toBe(true);
      expect(r.cls).toBeLessThanOrEqual(0.01);
      expect(r.canvases).toBeGreaterThanOrEqual(charts);
      expect(r.ssr, 'the SVG layer goes once the live chart has painted').toBe(0);
      if (figure) expect(await page.locator('main').innerText()).toContain(figure);
      expect(s.issues.consoleWarnings.filter((w) => /hydrat/i.test(w))).toEqual([]);
      // The hash holds the state; the route file's own view.
      expect(await page.evaluate(() => location.hash)).toMatch(new RegExp(`^#/${route}\\?`));
      // Live after hydration: the nav is hash links again, and clicking one changes the view in place.
      const nav = page.locator('nav[aria-label="主导航"] a').first();
      if (route !== 'screen') expect(await nav.getAttribute('href')).toMatch(/^#\//);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('an old #/spending link on index.html opens spending; a drilled link renders on the client', async () => {
    const s = await openPage('#/spending?path=f:206', { base: 'sub' });
    const { page } = s;
    try {
      await waitForCharts(page, 1);
      expect(await page.evaluate(() => location.hash)).toContain('path=f');
      expect(await page.locator('nav a[aria-current="page"]').innerText()).toContain('支出');
      await s.goto('spending/index.html#/assets');
      await waitForCharts(page, 1);
      expect(await page.locator('nav a[aria-current="page"]').innerText()).toContain('资产');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('the big screen starts with its charts drawn (SVG in the first paint)', async () => {
    const s = await openPage('', { wait: 'load', viewport: VIEWPORTS.wall });
    const { page } = s;
    try {
      // Stall the scripts: what shows is the HTML alone.
      await page.route('**/assets/*.js', async (r) => {
        await new Promise((f) => setTimeout(f, 1500));
        await r.continue();
      });
      await page.goto(new URL('screen/index.html', s.baseUrl).href, { waitUntil: 'domcontentloaded' });
      expect(await page.locator('[data-chart] .echart-ssr svg').count()).toBe(4);
      expect(await page.evaluate(() => document.documentElement.classList.contains('screen-mode'))).toBe(true);
      await waitForCharts(page, 4);
    } finally {
      await s.close();
    }
  });
});
