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
