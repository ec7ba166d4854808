/**
 * The region view (#/units) on the built site, over the two shipped real units (different
 * regions): all regions list both units and both regions, each region shows only its own unit,
 * sorting by a column reorders the rows (and says so in aria-sort), the roll-up says how many
 * units' reports each figure covers, and clicking a unit opens its dashboard keeping the year
 * and the money unit. The page fetches only the compiled partitions it needs. Changes between
 * years are over the units with both years only; the units chart opens the unit clicked; the
 * prerendered /units/ page, opened as a file of the served folder, shows its region's figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO } from './bad-fixtures';
import { hashOf, openPage, waitForCharts, waitForReady } from './harness';

interface Unit {
  id: string;
  name: string;
  region: string;
}
const index = JSON.parse(readFileSync(join(REPO, 'data/index.json'), 'utf8')) as { units: Unit[] };
const [a, b] = index.units;
const nx = index.units.find((u) => u.id === 'ningxiang-drc')!;

/** Click a unit's bar in the units chart, found through the chart instance. */
/** Click the first bar of the units chart, found through the chart instance; returns its unit id. */
async function clickUnitBar(page: Page): Promise<string> {
  await page.locator('[data-chart="units-compare"]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-chart="units-compare"]').boundingBox();
  const pos = await page.evaluate(() => {
    const c = (window as any).__charts['units-compare'];
    const data = c.getModel().getSeriesByIndex(0).getData();
    const l = data.getItemLayout(0);
    return { x: l.x + l.width / 2, y: l.y + l.height / 2, key: String(data.getName(0)) };
  });
  await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
  return pos.key.replace(/^u:/, '');
}

describe.concurrent('region view', () => {
  test('all regions: both units and both regions, sortable, with coverage', async ({ expect }) => {
    const s = await openPage(`#/units?unit=${a.id}&year=2022&focus=*`);
    try {
      await waitForReady(s.page);
      const table = s.page.locator('[data-units-table]');
      await table.waitFor({ timeout: 60_000 });
      const names = () => table.locator('[data-unit-link]').allInnerTexts();
      expect(new Set(await names())).toEqual(new Set(index.units.map((u) => u.name)));
      const regions = await s.page.locator('[data-regions] tbody th').allInnerTexts();
      expect(new Set(regions)).toEqual(new Set(index.units.map((u) => u.region)));

      // Sort by 本年支出: descending first, then ascending; the order flips and aria-sort says so.
      const header = s.page.locator('th:has([data-sort="total"])');
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
      const desc = await names();
      await s.page.locator('[data-sort="total"]').click();
      await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
      // Units without the figure stay last in either direction; the others flip.
      await expect.poll(async () => (await names())[0]).not.toBe(desc[0]);
      expect(new Set(await names())).toEqual(new Set(desc));
      await s.page.locator('[data-sort="name"]').click();
      await expect.poll(() => s.page.locator('th:has([data-sort="name"])').getAttribute('aria-sort')).toBe('ascending');

      // The roll-up names how many units' reports each figure covers, and draws its charts.
      await waitForCharts(s.page, 1);
      const coverage = await s.page.locator('[data-rollup="f"] [data-rollup-line]').first().innerText();
      expect(coverage).toMatch(new RegExp(`\\d+ / ${index.units.length} 个单位`));
      expect(await s.page.locator('[data-coverage]').innerText()).toContain(`${index.units.length} 个单位中`);
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
      await table.waitFor({ timeout: 60_000 });
      expect(new Set(await table.locator('[data-unit-link]').allInnerTexts())).toEqual(new Set(index.units.filter((u) => u.region === unit.region).map((u) => u.name)));
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

  test('all regions: 本年支出 changes over the units with both years only, never over different sets', async ({ expect }) => {
    // Only 宁乡 gives both 2021 and 2022 (its report's 上年 column); 大英 gives 2022 only.
    const s = await openPage(`#/units?unit=${nx.id}&year=2022&focus=*`);
    try {
      await waitForReady(s.page);
      const change = await s.page.locator('[data-change]').innerText();
      // With the two first units alone this is −66.91 % over 1 unit (the page model's Node test).
      expect(change).toMatch(/同一批单位）：\d+ 个单位两年均有数据/);
      expect(await s.page.locator('main').innerText()).not.toContain('74.58');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('the units chart sits beside the table; clicking a bar opens that unit', async ({ expect }) => {
    // ?e2e exposes the chart instances (src/ui/expose.ts), to find the bar's position.
    const s = await openPage(`?e2e#/units?unit=${a.id}&year=2022&focus=*`);
    try {
      await waitForReady(s.page);
      await waitForCharts(s.page, 1);
      const chart = (await s.page.locator('[data-units-chart]').boundingBox())!;
      const table = (await s.page.locator('[data-units-table]').boundingBox())!;
      expect(chart.x + chart.width).toBeLessThanOrEqual(table.x + 1);
      // The unit-name column keeps whole words on a line: never one character per line.
      const name = (await s.page.locator('[data-units-table] tbody th').first().boundingBox())!;
      expect(name.width).toBeGreaterThan(100);
      const clickedId = await clickUnitBar(s.page);
      const clicked = index.units.find((u) => u.id === clickedId)!;
      await expect.poll(() => hashOf(s.page)).toMatch(new RegExp(`^#/\\?unit=${clicked.id}&`));
      await expect.poll(() => s.page.locator('.site-header .brand-title').innerText(), { timeout: 15_000 }).toBe(clicked.name);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('units/index.html holds the region view with its charts as SVG', async ({ expect }) => {
    const res = await fetch(new URL('units/index.html', inject('subUrl')));
    expect(res.status).toBe(200);
    const text = await res.text();
    const main = text.slice(text.indexOf('<main'), text.indexOf('</main>'));
    expect(main).not.toContain('正在加载');
    expect(main).toContain('969.29');
    expect(main).toMatch(/data-units-chart[^>]*>[\s\S]*?<svg[\s>]/);
    expect(main.match(/<svg[\s>]/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  });

  test('units/ opened directly (not via the root) fetches from the site’s data folder and shows its figures', async ({ expect }) => {
    const s = await openPage('units/', { base: 'sub' });
    try {
      await waitForReady(s.page);
      const table = s.page.locator('[data-units-table]');
      await table.waitFor({ timeout: 60_000 });
      expect(await table.locator('[data-unit-link]').allInnerTexts()).toEqual([nx.name]);
      expect(await table.locator(`[data-unit="${nx.id}"] td`).first().innerText()).toContain('969.29');
      expect(await s.page.locator('[data-coverage]').innerText()).toContain('1 个有 2022 年的数据');
      const fetched = await s.page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
      expect(fetched.filter((p) => p.includes('/compiled/regions/')).every((p) => !p.includes('/units/data/'))).toBe(true);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('units/ opened with a link to another unit shows that unit’s region first, never the prerendered one', async ({ expect }) => {
    const other = index.units.find((u) => u.region !== nx.region)!;
    const s = await openPage(`units/#/units?unit=${other.id}&year=2022`, { base: 'sub' });
    try {
      await waitForReady(s.page);
      const mates = index.units.filter((u) => u.region === other.region).map((u) => u.name).sort();
      await expect.poll(async () => (await s.page.locator('[data-units-table] [data-unit-link]').allInnerTexts()).sort(), { timeout: 60_000 }).toEqual(mates);
      expect(await s.page.locator('main h1').innerText()).toContain(other.region);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
