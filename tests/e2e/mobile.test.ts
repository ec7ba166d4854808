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

describe('tables on a phone', () => {
  test('#/spending: each row is a card (its name on one line, every column named beside its value), nothing cut off', async ({ expect }) => {
    const s = await openPage(`#/spending?${Q}&compare=2021`, { viewport: { width: 390, height: 844 } });
    try {
      await waitForCharts(s.page);
      const t = await s.page.locator('[data-table="spending"]').evaluate((wrap) => {
        const rows = [...wrap.querySelectorAll('tbody tr')];
        const first = rows[0];
        const name = first.querySelector('th')!;
        const lineHeight = parseFloat(getComputedStyle(name).lineHeight) || parseFloat(getComputedStyle(name).fontSize) * 1.6;
        return {
          scrolls: wrap.scrollWidth > wrap.clientWidth + 1,
          cutOff: [...wrap.querySelectorAll('td, th')].filter((c) => c.getBoundingClientRect().right > innerWidth + 1).length,
          nameLines: Math.round(name.getBoundingClientRect().height / lineHeight),
          labels: [...first.querySelectorAll('td')].map((td) => /^"([^"]*)"/.exec(getComputedStyle(td, '::before').content)?.[1] ?? ''),
          role: wrap.querySelector('table')!.getAttribute('role'),
        };
      });
      expect(t.scrolls).toBe(false);
      expect(t.cutOff).toBe(0);
      expect(t.nameLines).toBe(1);
      expect(t.labels).toEqual(['2022年决算（万元）', '占比（%）', '2021年决算（万元）', '增减（万元）', '增减率（%）']);
      // Still a table to a screen reader: the row header names the row, the cells keep their column.
      const tree = await s.page.locator('[data-table="spending"] table').ariaSnapshot();
      expect(tree).toMatch(/- table/);
      expect(tree).toMatch(/- rowheader "下钻到 项目支出"/);
      // The column names on the left are for the eye; a screen reader hears the header once.
      expect(tree).toMatch(/- cell "76\.96%"/);
    } finally {
      await s.close();
    }
  });
});
