/**
 * The figure search end to end, on the shipped data: `/` focuses the box from anywhere, typing a
 * name, a code, a number or pinyin initials lists figures of every unit and year with value,
 * unit, year and source; arrows and Enter (or a click) open the view that shows the figure,
 * highlighted — across routes and units. The open combobox has no axe violations.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatAxe, hashOf, openPage, runAxe, waitForCharts } from './harness';

const params = async (page: Page) => {
  const h = decodeURIComponent(await hashOf(page));
  return { route: h.slice(2, h.indexOf('?')), q: new URLSearchParams(h.split('?')[1] ?? '') };
};
const options = (page: Page) => page.$$eval('#search-list [role="option"]', (els) => els.map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim()));

async function type(page: Page, text: string) {
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('site-search');
  await page.keyboard.type(text);
  await page.waitForSelector('#search-list:not([hidden]) [role="option"]');
}

describe('search', () => {
  test('by name, with the keyboard: / focuses, ↓ and Enter open the drill with the row highlighted', async () => {
    const s = await openPage('#/');
    const { page } = s;
    try {
      await type(page, '软件');
      const list = await options(page);
      expect(list[0]).toContain('信息网络及软件购置更新');
      expect(list[0]).toContain('598.34 万元');
      expect(list[0]).toContain('宁乡市数据资源中心 · 2022年');
      expect(list[0]).toMatch(/报告原文 · 宁乡市数据资源中心《/);
      expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#site-search').getAttribute('aria-activedescendant')).toBe('search-opt-0');
      expect(await page.locator('#search-opt-0').getAttribute('aria-selected')).toBe('true');
      const violations = await runAxe(page, { include: ['.search'] });
      expect(violations, formatAxe(violations)).toEqual([]);

      await page.keyboard.press('Enter');
      await expect.poll(async () => (await params(page)).route).toBe('spending');
      const { q } = await params(page);
      expect(q.get('path')).toBe('b:项目支出,f:206,f:20699,f:2069999,e:310');
      expect(q.get('focus')).toBe('e:31007');
      await waitForCharts(page, 2);
      await expect.poll(() => page.locator('[data-table="spending"] tr[data-key="e:31007"]').getAttribute('data-highlighted')).toBe('true');
      expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('false');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('by code: 2010301 opens 行政运行 on the drill, its card pointed out', async () => {
    const s = await openPage('#/assets');
    const { page } = s;
    try {
      await type(page, '2010301');
      const list = await options(page);
      expect(list[0]).toContain('行政运行');
      expect(list[0]).toContain('187.17 万元');
      await page.locator('#search-opt-0').click();
      await expect.poll(async () => (await params(page)).route).toBe('spending');
      await expect.poll(() => page.locator('[data-node-total]').getAttribute('data-focused')).toBe('true');
      expect(await page.locator('[data-node-total]').innerText()).toContain('187.17');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('by number and pinyin: 598.34 and xxwl find the same figure', async () => {
    const s = await openPage('#/quality');
    const { page } = s;
    try {
      await type(page, '598.34');
      expect((await options(page))[0]).toContain('信息网络及软件购置更新');
      await page.keyboard.press('Escape');
      expect(await page.locator('#site-search').getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Escape');
      expect(await page.locator('#site-search').inputValue()).toBe('');
      await page.keyboard.type('xxwl');
      await page.waitForSelector('#search-list:not([hidden]) [role="option"]');
      expect((await options(page))[0]).toContain('信息网络及软件购置更新');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('across routes and units: 场所码 opens the indicators route; 公务接待 reaches the second unit', async () => {
    const s = await openPage('#/spending');
    const { page } = s;
    try {
      await type(page, '场所码');
      expect((await options(page)).length).toBeGreaterThan(0);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await params(page)).route).toBe('operations');
      expect((await params(page)).q.get('focus')).toMatch(/^i-/);

      await page.locator('#site-search').focus();
      await page.keyboard.type('公务接待');
      await page.waitForSelector('#search-list:not([hidden]) [role="option"]');
      // The built site loads units as they are shown: the box says so and loads the rest on request.
      const more = page.locator('[data-search-scope] button');
      if (await more.count()) {
        expect(await page.locator('[data-search-scope]').innerText()).toContain('只在已加载的 1 个单位中搜索');
        await more.click();
      }
      const other = page.locator('#search-list [role="option"]', { hasText: '大英县文化广播电视和旅游局' }).first();
      await other.click();
      await expect.poll(async () => (await params(page)).q.get('unit')).toBe('daying-wgl');
      expect((await params(page)).route).toBe('assets');
      await expect.poll(() => page.locator('.brand-title').innerText()).toBe('大英县文化广播电视和旅游局');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a query without matches says so; / typed inside a field is just a character', async () => {
    const s = await openPage('#/');
    const { page } = s;
    try {
      await page.keyboard.press('/');
      await page.keyboard.type('不存在的科目名称');
      await expect.poll(() => page.locator('[data-search-status]').innerText()).toContain('没有找到');
      expect(await page.locator('#site-search').inputValue()).toBe('不存在的科目名称');
      await page.keyboard.type('/');
      expect(await page.locator('#site-search').inputValue()).toBe('不存在的科目名称/');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
