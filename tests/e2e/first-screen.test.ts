/**
 * Phone first: for every shipped unit, the overview's first screen on a 390 × 844 phone shows the
 * unit, the report year and the headline figure (the first key-figure card's figure) without
 * scrolling. One page goes through the units by changing the link, as a reader choosing a unit
 * does, and waits for the header to name that unit before it measures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { openPage, waitForReady } from './harness';
import { REPO } from './bad-fixtures';

const PHONE = { width: 390, height: 844 };
const units = (JSON.parse(readFileSync(join(REPO, 'data/index.json'), 'utf8')) as { units: Array<{ id: string; name: string }> }).units;

describe('the first screen on a phone', () => {
  test(`shows the unit, the year and the headline figure for each of the ${units.length} units`, async ({ expect }) => {
    const s = await openPage(`#/?unit=${units[0]!.id}`, { viewport: PHONE });
    try {
      const problems: string[] = [];
      for (const u of units) {
        await s.page.evaluate((id) => (location.hash = `#/?unit=${id}`), u.id);
        await waitForReady(s.page);
        await s.page.waitForFunction((name) => document.querySelector('.brand-title')?.textContent?.trim() === name, u.name, { timeout: 60_000, polling: 100 });
        const seen = await s.page.evaluate(() => {
          const inView = (el: Element | null) => {
            if (!el) return null;
            const r = el.getBoundingClientRect();
            return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
          };
          const h1 = document.querySelector('main h1');
          const name = document.querySelector('.brand-title');
          const figure = document.querySelector('main [data-kpi] .kpi-body strong, main [data-kpi] .kpi-body');
          return { scrollY, name: inView(name), h1: inView(h1), title: h1?.textContent ?? '', figure: inView(figure), figureText: figure?.textContent?.trim().slice(0, 40) ?? '' };
        });
        const where = `${u.id} (${seen.title})`;
        if (seen.scrollY !== 0) problems.push(`${where}: opened scrolled to ${seen.scrollY}`);
        if (!seen.name) problems.push(`${where}: unit name not in the first screen`);
        if (!seen.h1) problems.push(`${where}: heading not in the first screen`);
        if (!/\d{4}\s*年/.test(seen.title)) problems.push(`${where}: no report year in the heading`);
        if (seen.figure === null) problems.push(`${where}: no key figure`);
        else if (!seen.figure) problems.push(`${where}: headline figure “${seen.figureText}” below the first screen`);
      }
      expect(problems).toEqual([]);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
