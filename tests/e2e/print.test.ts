/** Print: every route keeps every chart visible with a size, and the footer cites the URL and data date. */
import { describe, test } from 'vitest';
import { openPage, waitForCharts } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';
const ROUTES = ['#/', '#/spending', '#/assets', '#/operations', '#/quality'];

describe.concurrent('print stylesheet', () => {
  test.for(ROUTES)('%s prints its charts and cites URL and data date', async (route, { expect }) => {
    const s = await openPage(`${route}?${Q}`, { viewport: { width: 1280, height: 800 } });
    try {
      const n = await waitForCharts(s.page);
      await s.page.emulateMedia({ media: 'print' });
      await s.page.waitForTimeout(300);
      const charts = await s.page.evaluate(() =>
        [...document.querySelectorAll('[data-chart]')].map((el) => {
          const r = el.getBoundingClientRect();
          const c = el.querySelector('canvas')?.getBoundingClientRect();
          const st = getComputedStyle(el);
          return { id: el.getAttribute('data-chart'), w: r.width, h: r.height, cw: c?.width ?? 0, ch: c?.height ?? 0, visible: st.display !== 'none' && st.visibility !== 'hidden' };
        }),
      );
      expect(charts).toHaveLength(n);
      for (const c of charts) {
        expect(c.visible, `${c.id} visible`).toBe(true);
        expect(c.w * c.h, `${c.id} size`).toBeGreaterThan(0);
        expect(c.cw * c.ch, `${c.id} canvas`).toBeGreaterThan(0);
      }
      const footer = s.page.locator('.site-footer .print-only');
      expect(await footer.isVisible()).toBe(true);
      const text = await footer.innerText();
      expect(text).toContain(route.slice(1));
      expect(text).toContain('2023-07-25');
      expect(await s.page.locator('.site-header nav').isVisible()).toBe(false);
    } finally {
      await s.close();
    }
  });
});
