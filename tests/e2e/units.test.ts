/**
 * Any unit: with a unit selected, every route speaks only of that unit — its name, its own
 * report and date, its own indicator titles — and says in words what its report does not
 * cover. Every route is opened for a sample of the shipped units (a browser run per unit and route
 * would grow with every unit published); the words of every other shipped unit are checked against
 * each page. Properties every unit's data must have are checked over all units in Node
 * (tests/unit/data/shipped.test.ts, and check:data in tests/unit/data/cli.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { internalWords, openPage, waitForCharts } from './harness';
import { REPO } from './bad-fixtures';

interface Unit {
  id: string;
  name: string;
  indicatorsTitle?: string;
  years: Array<{ year: number; file: string }>;
}
const index = JSON.parse(readFileSync(join(REPO, 'data/index.json'), 'utf8')) as { units: Unit[] };
const sourceOf = (u: Unit) => {
  const latest = u.years.reduce((a, b) => (b.year > a.year ? b : a));
  const file = JSON.parse(readFileSync(join(REPO, 'data', latest.file), 'utf8')) as { reportYear: number; source: { title: string; publisher: string; date: string } };
  return { year: latest.year, ...file.source };
};
const ROUTES = ['#/', '#/spending', '#/assets', '#/operations', '#/quality', '#/screen'];

/**
 * The sample: the two units first shipped (one with operational indicators, one partial report), a
 * unit of the largest region (重庆市), a unit whose page states no money figures (only its 三公), and
 * a unit read from a page in traditional characters.
 */
const SAMPLE = ['ningxiang-drc', 'daying-wgl', 'yuzhong-fudan-zx', 'luohu-sjj', 'jiaoyubu'];
const sample = SAMPLE.map((id) => {
  const u = index.units.find((x) => x.id === id);
  if (!u) throw new Error(`the e2e sample names ${id}, which data/index.json no longer lists`);
  return u;
});

describe.concurrent.each(sample.map((u) => [u.id, u] as const))('unit %s', (_id, unit) => {
  const own = sourceOf(unit);
  const others = index.units.filter((u) => u.id !== unit.id);
  /** Words that belong to another unit only (its name, its report, its indicator title). */
  const foreign = others.flatMap((o) => {
    const s = sourceOf(o);
    return [o.name, s.title, s.publisher, o.indicatorsTitle].filter((w): w is string => !!w && !unit.name.includes(w) && !own.title.includes(w));
  });

  test.for(ROUTES)('%s shows only this unit and its own report', async (route, { expect }) => {
    const s = await openPage(`?e2e${route}?unit=${unit.id}&year=${own.year}`);
    try {
      await waitForCharts(s.page);
      await expect.poll(() => s.page.locator('main').innerText(), { timeout: 15_000 }).not.toMatch(/正在加载/);
      // Everything but the unit selector, which lists every unit by design.
      const text = (await s.page.locator('main, .site-footer, .site-header .brand, .site-header nav').allInnerTexts()).join('\n');
      for (const w of foreign) expect(text, `${route} mentions ${w}`).not.toContain(w);
      // A public reading speaks the report's language (the full audit on #/quality keeps rule numbers).
      if (route !== '#/quality') expect(internalWords(await s.page.locator('body').innerText()), `${route}: internal words`).toEqual([]);
      if (route !== '#/screen') {
        expect(await s.page.locator('.site-footer').innerText()).toContain(own.title);
        expect(await s.page.locator('.site-header .brand-title').innerText()).toBe(unit.name);
        const nav = await s.page.locator('header nav a').allInnerTexts();
        if (unit.indicatorsTitle) expect(nav).toContain(unit.indicatorsTitle);
        else expect(nav).not.toContain('业务运行指标');
      } else {
        // The wall display has no site chrome: its headline and source line cite the unit's report.
        expect(text).toContain(unit.name);
        expect(text).toContain(own.title);
      }
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe('what a report does not cover', () => {
  // The second unit's recovered report has no assets, staff, 三公 total or operational indicators.
  const partial = index.units.find((u) => !u.indicatorsTitle);
  test.runIf(!!partial).for(['#/', '#/assets', '#/operations', '#/screen'])('%s says so in words, not with empty charts', async (route, { expect }) => {
    const s = await openPage(`?e2e${route}?unit=${partial!.id}`);
    try {
      await waitForCharts(s.page);
      await expect.poll(() => s.page.locator('main').innerText(), { timeout: 15_000 }).toMatch(/未涉及|未包含/);
      // No chart is drawn without data: every drawn chart box has at least one series with data.
      const empty = await s.page.evaluate(() => {
        const w = window as unknown as { __charts?: Record<string, { getOption(): { series?: Array<{ data?: unknown[] }> } }> };
        return Object.entries(w.__charts ?? {})
          .filter(([, c]) => !(c.getOption().series ?? []).some((x) => (x.data?.length ?? 0) > 0))
          .map(([id]) => id);
      });
      expect(empty).toEqual([]);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
