/**
 * The region view (#/units) on the built site, over the two shipped real units (different
 * regions): all regions list both units and both regions, each region shows only its own unit,
 * sorting by a column reorders the rows (and says so in aria-sort), the roll-up says how many
 * units' reports each figure covers, and clicking a unit opens its dashboard keeping the year
 * and the money unit. The page fetches only the compiled partitions it needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { REPO } from './bad-fixtures';
import { hashOf, openPage, waitForCharts, waitForReady } from './harness';

interface Unit {
  id: string;
  name: string;
  region: string;
}
const index = JSON.parse(readFileSync(join(REPO, 'data/index.json'), 'utf8')) as { units: Unit[] };
const [a, b] = index.units;

describe.concurrent('region view', () => {
  test('all regions: both units and both regions, sortable, with coverage', async ({ expect }) => {
    const s = await openPage(`#/units?unit=${a.id}&year=2022&focus=*`);
    try {
      await waitForReady(s.page);
      const table = s.page.locator('[data-units-table]');
      await table.waitFor({ timeout: 20_000 });
      const names = () => table.locator('[data-unit-link]').allInnerTexts();
      expect(new Set(await names())).toEqual(new Set([a.name, b.name]));
      const regions = await s.page.locator('[data-regions] tbody th').allInnerTexts();
      expect(new Set(regions)).toEqual(new Set([a.region, b.region]));

      // Sort by 本年支出: descending first, then ascending; the order flips and aria-sort says so.
      const header = s.page.locator('th:has([data-sort="total"])');
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
      const desc = await names();
      await s.page.locator('[data-sort="total"]').click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
      await expect.poll(names).toEqual([...desc].reverse());
      await s.page.locator('[data-sort="name"]').click();
      await expect.poll(() => s.page.locator('th:has([data-sort="name"])').getAttribute('aria-sort')).toBe('ascending');

      // The roll-up names how many units' reports each figure covers, and draws its charts.
      await waitForCharts(s.page, 1);
      const coverage = await s.page.locator('[data-rollup="f"] [data-rollup-line]').first().innerText();
      expect(coverage).toMatch(/\d \/ 2 个单位/);
      expect(await s.page.locator('[data-coverage]').innerText()).toContain('2 个单位中');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test.for([a, b])('region of $id lists only its own unit', async (unit, { expect }) => {
    const s = await openPage(`#/units?unit=${unit.id}&year=2022`);
    try {
      await waitForReady(s.page);
      const table = s.page.locator('[data-units-table]');
      await table.waitFor({ timeout: 20_000 });
      expect(await table.locator('[data-unit-link]').allInnerTexts()).toEqual([unit.name]);
      expect(await s.page.locator('main h1').innerText()).toContain(unit.region);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('clicking a unit opens its dashboard and keeps the rest of the view', async ({ expect }) => {
    const s = await openPage(`#/units?unit=${a.id}&year=2022&money=yuan&focus=*`);
    try {
      await waitForReady(s.page);
      await s.page.locator(`[data-unit="${b.id}"] [data-unit-link]`).click();
      await expect.poll(() => hashOf(s.page)).toMatch(new RegExp(`^#/\\?unit=${b.id}&`));
      const hash = await hashOf(s.page);
      expect(hash).toContain('year=2022');
      expect(hash).toContain('money=yuan');
      await waitForReady(s.page);
      await expect.poll(() => s.page.locator('.site-header .brand-title').innerText(), { timeout: 15_000 }).toBe(b.name);
      // Only the shown units' reports were fetched, never a file the view did not need.
      const fetched = await s.page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('/data/')));
      expect(fetched.some((n) => n.includes('compiled/manifest.json'))).toBe(true);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
