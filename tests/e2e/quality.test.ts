/** #/quality: rule counts by family, results with numbers, known issues, focus and record links, any unit and year. */
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { hashOf, neverIdle, openPage, waitForCharts, waitForReady } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';

describe.concurrent('#/quality', () => {
  test('lists every rule with counts, the known inconsistencies and their explanations', async ({ expect }) => {
    const s = await openPage(`#/quality?${Q}`);
    try {
      expect(await waitForCharts(s.page, 1)).toBeGreaterThanOrEqual(1);
      expect(Number(await s.page.locator('[data-count="known"]').innerText())).toBeGreaterThanOrEqual(3);
      expect(Number(await s.page.locator('[data-count="fail"]').innerText())).toBe(0);
      expect(await s.page.locator('[data-family="arithmetic"]').count()).toBe(1);
      const bound = s.page.locator('[data-result="asset-bounds:m-fa-selfuse"]');
      expect(await bound.innerText()).toMatch(/927\.65[\s\S]*601\.59|601\.59[\s\S]*927\.65/);
      expect(await s.page.locator('[data-issue]').count()).toBeGreaterThanOrEqual(10);
      // The page fetches the report's text and adds the quote checks, as npm run check:data does.
      const quotes = s.page.locator('[data-rule="quote"]');
      await expect.poll(() => quotes.count(), { timeout: 10_000 }).toBe(1);
      // One quote check per record that quotes the report (in its provenance or its code's).
      const file = JSON.parse(readFileSync('data/units/ningxiang-drc/2022.json', 'utf8'));
      const quoted = [...file.facts, ...file.measures, ...file.indicators].filter((r) => r.provenance.quote || r.codeProvenance?.quote).length;
      expect(await quotes.innerText()).toContain(`通过 ${quoted} · 已知不一致 0 · 失败 0`);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('focus=<key> highlights that result; its record link opens the figure', async ({ expect }) => {
    const s = await openPage(`#/quality?${Q}&focus=asset-bounds:m-fa-selfuse`);
    try {
      const r = s.page.locator('[data-result="asset-bounds:m-fa-selfuse"]');
      await expect.poll(() => r.getAttribute('class')).toContain('focused');
      await r.locator('[data-record-link="m-fa-selfuse"]').click();
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/assets\?.*focus=m-fa-selfuse/);
      await expect.poll(() => s.page.locator('.figure.focused[data-record="m-fa-selfuse"]').count()).toBe(1);
    } finally {
      await s.close();
    }
  });

  test('a fact record links to #/spending with its year and drill path', async ({ expect }) => {
    const s = await openPage(`#/quality?${Q}&focus=economic-scope:2021:决算`);
    try {
      await s.page.locator('[data-result="economic-scope:2021:决算"] [data-record-link="f-2021-final-2069999"]').click();
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/spending\?.*year=2021.*path=f:206,f:20699,f:2069999/);
    } finally {
      await s.close();
    }
  });

  test('year 2021 checks the report that states it, not an empty page', async ({ expect }) => {
    const s = await openPage('#/quality?unit=ningxiang-drc&year=2021');
    try {
      await expect.poll(() => s.page.locator('[data-report-line]').innerText()).toContain('2021年的数字由2022年的报告陈述');
      expect(Number(await s.page.locator('[data-count="pass"]').innerText())).toBeGreaterThan(0);
    } finally {
      await s.close();
    }
  });

  test('the second unit: its own report, its imbalance and truncated rates found', async ({ expect }) => {
    const s = await openPage('#/quality?unit=daying-wgl&year=2022');
    try {
      const file = JSON.parse(readFileSync('data/units/daying-wgl/2022.json', 'utf8'));
      await expect.poll(() => s.page.locator('[data-report-line]').innerText()).toContain(file.source.title);
      expect(await s.page.locator('[data-result="recompute:m-sangong-reception-growth"]').innerText()).toContain('13.71');
      const main = await s.page.locator('main').innerText();
      expect(main).not.toContain('宁乡');
      expect(await s.page.locator('[data-issue]').count()).toBe(file.knownIssues.length);
    } finally {
      await s.close();
    }
  });
});

describe('#/quality: the passed results are listed when their <details> opens', () => {
  test('not in the page’s HTML; opened before the app took over, the list comes once it has; opened after, at once', async ({ expect }) => {
    const s = await openPage('', { wait: 'load', intent: false });
    const { page } = s;
    try {
      await neverIdle(page);
      await s.goto('quality/index.html#/quality');
      const passed = page.locator('details[data-passed]');
      expect(await passed.count()).toBeGreaterThan(1);
      expect(await page.locator('details[data-passed] [data-result]').count(), 'no passed result in the HTML').toBe(0);
      // The reader opens the first list on the prerendered page: the app starts on that press.
      await passed.first().locator('summary').click();
      await waitForReady(page);
      const first = passed.first();
      await expect.poll(() => first.locator('[data-result]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await first.evaluate((d) => (d as HTMLDetailsElement).open), 'it stayed open').toBe(true);
      const n = Number((await first.locator('summary').innerText()).match(/\d+/)![0]);
      expect(await first.locator('[data-result]').count()).toBe(n);
      // Once the app is live, another list opens with its entries.
      const second = passed.nth(1);
      await second.locator('summary').click();
      await expect.poll(() => second.locator('[data-result]').count()).toBe(Number((await second.locator('summary').innerText()).match(/\d+/)![0]));
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
