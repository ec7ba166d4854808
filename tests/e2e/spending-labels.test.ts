/**
 * #/spending's charts never draw one data label over another (ECharts' own label layout hides
 * or moves what would collide), for both units the view tests are written on, at a laptop, a
 * desktop and a 4K width, at the top level and one level down.
 */
import { describe, test } from 'vitest';
import { labelOverlaps, openPage, waitForCharts } from './harness';

const WIDTHS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
/** Each view with how many labels its charts draw at the least (大英's report splits its spending little). */
const VIEWS = [
  { q: 'unit=ningxiang-drc&year=2022', min: 10 },
  { q: 'unit=ningxiang-drc&year=2022&path=b:项目支出', min: 4 },
  { q: 'unit=daying-wgl&year=2022', min: 1 },
];

describe('#/spending labels', () => {
  test.for(WIDTHS)('at $width px no two data labels overlap', async (vp, { expect }) => {
    const s = await openPage(`?e2e#/spending?${VIEWS[0]!.q}`, { viewport: vp });
    try {
      for (const { q, min } of VIEWS) {
        await s.page.evaluate((h) => (location.hash = h), `#/spending?${q}`);
        await waitForCharts(s.page);
        // Labels are laid out once the entry animation has run.
        await s.page.waitForTimeout(1500);
        const { overlaps, labels } = await labelOverlaps(s.page);
        // The check has labels to compare: the charts draw their values.
        expect(labels, `${q} at ${vp.width} px`).toBeGreaterThanOrEqual(min);
        expect(overlaps, `${q} at ${vp.width} px`).toEqual([]);
      }
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
