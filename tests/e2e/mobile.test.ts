/** Phones: no horizontal page scroll at 360 px (390 px for the overview); charts fit the width. */
import { describe, test } from 'vitest';
import { openPage, waitForCharts } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';
const CASES = [
  { route: '#/', width: 390, height: 844 },
  { route: '#/assets', width: 360, height: 740 },
  { route: '#/operations', width: 360, height: 740 },
  { route: '#/quality', width: 360, height: 740 },
];

describe.concurrent('mobile layout', () => {
  test.for(CASES)('$route at $width px has no horizontal scroll', async ({ route, width, height }, { expect }) => {
    const s = await openPage(`${route}?${Q}`, { viewport: { width, height } });
    try {
      await waitForCharts(s.page);
      const m = await s.page.evaluate(() => ({
        sw: document.documentElement.scrollWidth,
        iw: innerWidth,
        wide: [...document.querySelectorAll('[data-chart]')].map((c) => c.getBoundingClientRect().right).filter((r) => r > innerWidth + 1),
      }));
      expect(m.sw, `${route} scrollWidth`).toBeLessThanOrEqual(m.iw);
      expect(m.wide).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('the view settings on a phone', () => {
  test('fold into one button that says the year and money unit, and open to change them', async ({ expect }) => {
    const s = await openPage(`#/?${Q}`, { viewport: { width: 390, height: 844 } });
    try {
      const toggle = s.page.locator('.toolbar-toggle');
      expect(await toggle.innerText()).toBe('视图设置：2022年 · 对比2021年 · 万元');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await s.page.locator('#view-settings').isVisible()).toBe(false);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await s.page.locator('#view-settings label:has(input[value="yi"])').click();
      await expect.poll(() => s.page.locator('[data-kpi="total"]').innerText()).toContain('0.0969');
      expect(await toggle.innerText()).toBe('视图设置：2022年 · 对比2021年 · 亿元');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('stay in view on a desktop, with no menu button', async ({ expect }) => {
    const s = await openPage(`#/?${Q}`, { viewport: { width: 1366, height: 768 } });
    try {
      expect(await s.page.locator('.toolbar-toggle').isVisible()).toBe(false);
      expect(await s.page.locator('#view-settings').isVisible()).toBe(true);
    } finally {
      await s.close();
    }
  });
});
