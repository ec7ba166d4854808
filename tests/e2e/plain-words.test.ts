/**
 * Plain words: the public routes of every shipped unit show no record id (m-…, f-…), no role
 * name (sangong.item …) and no English word — what a reader sees is the report's language.
 * #/about cites web addresses as the reports print them; those are left out of the check.
 * #/quality (the full audit, with rule numbers for people who check) and #/import (a tool) are
 * not public readings and are left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { DIST } from './servers';
import { internalWords, openPage, waitForCharts } from './harness';

const UNITS = ['ningxiang-drc', 'daying-wgl'] as const;
/** The public routes tests/e2e/units.test.ts does not open (it checks the others for five units). */
const ROUTES = ['#/units', '#/tables', '#/glossary', '#/about'] as const;
describe.concurrent.each(UNITS)('unit %s', (unit) => {
  test.for(ROUTES)('%s says nothing in internal words', async (route, { expect }) => {
    const s = await openPage(`${route}?unit=${unit}&year=2022`);
    try {
      await waitForCharts(s.page);
      const text = await s.page.locator('body').innerText();
      expect(internalWords(text), `${route} for ${unit}`).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

/**
 * Every shipped unit, every public route: the prerendered pages hold each route's first view of
 * each unit (dist/<route>/ for the first, dist/u/<unit>/<route>/ for the others), so their text is
 * what a reader of that unit sees first. Read from the build, no browser needed.
 */
describe('every shipped unit, in its prerendered pages', () => {
  test('no internal word on any public route of any unit', ({ expect }) => {
    const index = JSON.parse(readFileSync(join(DIST, 'data/index.json'), 'utf8')) as { units: Array<{ id: string }> };
    const routes = ROUTES.map((r) => r.slice(2));
    const problems: string[] = [];
    index.units.forEach((u, i) => {
      for (const route of routes) {
        const file = join(DIST, i === 0 ? '' : `u/${u.id}`, route, 'index.html');
        const html = readFileSync(file, 'utf8');
        const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
        // The text a reader sees: no markup, no hidden definitions' markup, entities decoded.
        const text = main
          .replace(/<!--[\s\S]*?-->/g, '')
          .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
          .replace(/<[^>]+>/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&');
        const words = internalWords(text);
        if (words.length) problems.push(`${u.id} #/${route}: ${words.join(', ')}`);
      }
    });
    expect(index.units.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});
