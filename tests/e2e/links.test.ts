/**
 * Links as people paste, truncate and tamper with them: whatever the hash holds, the page names
 * the part it cannot use (and what was expected) and shows a usable view; changing the hash
 * afterwards recovers; no link text is ever shown as a headline or run as markup.
 */
import { describe, test } from 'vitest';
import { hashOf, openPage } from './harness';

describe.concurrent('links that cannot be used as they are', () => {
  test.for([
    ['#/%', '页面'],
    ['#/spending%ZZ', '页面'],
    ['#/?year=1e21', 'year'],
    ['#/?year=', 'year'],
    ['#/spending?path=f:206,<b>x</b>', 'path'],
    ['#/?money=usd', 'money'],
    ['#/?unit=no-such-unit', '单位'],
    ['#/?unit=ningxiang-drc&year=2019', '2019'],
  ] as const)('%s says what it could not use and shows the overview', async ([hash, names], { expect }) => {
    const s = await openPage(hash);
    try {
      const notice = s.page.locator('.notice');
      await notice.first().waitFor({ timeout: 15_000 });
      expect(await notice.first().innerText()).toContain(names);
      await expect.poll(() => s.page.locator('main').innerText()).not.toMatch(/正在加载/);
      expect((await s.page.locator('main').innerText()).trim().length).toBeGreaterThan(50);
      // The link is rewritten to the view actually shown.
      expect(await hashOf(s.page)).toMatch(/^#\/(spending)?\?unit=[a-z0-9-]+&year=\d{4}/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a malformed link recovers when the hash changes', async ({ expect }) => {
    const s = await openPage('#/%');
    try {
      await s.page.locator('.notice').first().waitFor({ timeout: 15_000 });
      await s.page.evaluate(() => (location.hash = '#/spending'));
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/spending\?/);
      await expect.poll(() => s.page.locator('main h1').first().innerText()).toContain('支出');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('link text is never a headline and never runs', async ({ expect }) => {
    const s = await openPage('#/screen?unit=%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E');
    try {
      await s.page.waitForTimeout(500);
      const text = await s.page.locator('body').innerText();
      expect(text).not.toMatch(/^<img/m);
      expect(await s.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await s.page.locator('main img').count()).toBe(0);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a region the index lacks falls back to the unit’s own region, with a sentence', async ({ expect }) => {
    const s = await openPage('#/units?focus=%E7%81%AB%E6%98%9F');
    try {
      await expect.poll(() => s.page.locator('main .notice').first().innerText(), { timeout: 15_000 }).toContain('火星');
      await expect.poll(() => s.page.locator('main').innerText()).toContain('宁乡');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a focus the route does not have is dropped with a sentence', async ({ expect }) => {
    const s = await openPage('#/operations?focus=no-such-indicator');
    try {
      await expect.poll(() => s.page.locator('main').innerText(), { timeout: 15_000 }).toContain('focus');
      expect(await s.page.locator('main').innerText()).not.toContain('已选：');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe('links land where they point', () => {
  test('the overview’s “查看“三公”经费” opens #/assets at that figure; going on to another route starts at the top', async ({ expect }) => {
    const s = await openPage('#/?unit=ningxiang-drc&year=2022', { viewport: { width: 1366, height: 768 } });
    try {
      const { page } = s;
      await page.locator('[data-kpi="sangong.total"] .kpi-link').click();
      await expect.poll(() => hashOf(page)).toMatch(/^#\/assets\?.*focus=/);
      const focus = new URLSearchParams((await hashOf(page)).split('?')[1]).get('focus')!;
      const figure = page.locator(`.figure[data-record="${focus}"]`);
      await figure.waitFor();
      await expect
        .poll(() => figure.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }))
        .toBe(true);
      expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
      // Another route from the nav: the new page starts at its top, not at this one's scroll offset.
      await page.locator('header nav a', { hasText: '支出分析' }).click();
      await expect.poll(() => hashOf(page)).toMatch(/^#\/spending/);
      await page.locator('main h1').waitFor();
      await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
