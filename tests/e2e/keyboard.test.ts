/**
 * Keyboard only: Tab walks through every route and reaches every control (header, toolbar,
 * view), each focused element is visible and shows a focus indicator that differs from its
 * unfocused look; in the spending table the drill rows are reached with Tab and drilled with
 * Enter, step after step, and the charts follow the focused row (its item highlighted, its
 * tooltip shown), so every chart item is reachable and drillable without a mouse. Each chart's
 * own explore button (用键盘浏览图表) steps through its items with the arrow keys, says each in a
 * live region, and Enter opens the item where the chart drills.
 */
import type { Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { openPage, waitForCharts } from './harness';

const ROUTES = ['#/', '#/spending', '#/spending?path=b:项目支出', '#/assets', '#/operations', '#/quality', '#/screen'] as const;

interface Stop {
  id: number;
  what: string;
  visible: boolean;
  indicator: boolean;
}

declare global {
  interface Window {
    __kbd?: { ids: WeakMap<Element, number>; looks: Map<number, string>; n: number };
  }
}

/** Mark every tabbable element with an id and remember how it looks unfocused. */
async function snapshotTabbables(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const sel = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]):not([type="hidden"]), textarea, summary, [tabindex]:not([tabindex="-1"])';
    const k = (window.__kbd ??= { ids: new WeakMap(), looks: new Map(), n: 0 });
    // A visually hidden input (segmented radio, custom checkbox) shows its focus on its label.
    const target = (el: Element): Element =>
      (el instanceof HTMLInputElement && (Number(getComputedStyle(el).opacity) === 0 || el.offsetWidth <= 1) && el.closest('label')) || el;
    const look = (node: Element) => {
      const el = target(node);
      const cs = getComputedStyle(el);
      return `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} | ${cs.boxShadow} | ${cs.borderColor} | ${cs.backgroundColor}`;
    };
    const out: number[] = [];
    for (const el of document.querySelectorAll(sel)) {
      if (el.getClientRects().length === 0 || !el.checkVisibility({ visibilityProperty: true })) continue;
      // Content of a closed <details> is not rendered, whatever its rects say.
      const details = el.closest('details');
      if (details && !details.open && el !== details.querySelector(':scope > summary')) continue;
      // A radio group is one Tab stop (arrow keys move inside it): count its checked radio only.
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const group = [...document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(el.name)}"]`)];
        if (el !== (group.find((r) => r.checked) ?? group[0])) continue;
      }
      const cs = getComputedStyle(el);
      if (cs.visibility === 'hidden' || el.closest('[inert], [aria-hidden="true"]')) continue;
      let id = k.ids.get(el);
      if (id === undefined) {
        id = ++k.n;
        k.ids.set(el, id);
        if (document.activeElement !== el) k.looks.set(id, look(el));
      }
      out.push(id);
    }
    return out;
  });
}

/** The focused element: its id, whether it is visible on screen, and whether it looks focused. */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body || active === document.documentElement) return null;
    const el =
      (active instanceof HTMLInputElement && (Number(getComputedStyle(active).opacity) === 0 || active.offsetWidth <= 1) && active.closest('label')) || active;
    const k = window.__kbd ?? { ids: new WeakMap<Element, number>(), looks: new Map<number, string>(), n: 0 };
    const id = k.ids.get(active) ?? -1;
    const cs = getComputedStyle(el);
    const b = el.getBoundingClientRect();
    const visible =
      b.width > 0 && b.height > 0 && cs.visibility !== 'hidden' && Number(cs.opacity) > 0 && b.bottom > 0 && b.right > 0 && b.top < innerHeight && b.left < innerWidth;
    const now = `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} | ${cs.boxShadow} | ${cs.borderColor} | ${cs.backgroundColor}`;
    const hasRing = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1) || cs.boxShadow !== 'none';
    const before = k.looks.get(id);
    const indicator = hasRing && (before === undefined || before !== now);
    const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`;
    return { id, what, visible, indicator };
  });
}

/** Press Tab until the focused element matches `selector`; false if it never does within `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 250): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), selector)) return true;
  }
  return false;
}

/** The text of the tooltip shown in a chart box ('' when none is shown). */
function tooltipText(page: Page, chart: string): Promise<string> {
  return page.evaluate(
    (id) =>
      [...document.querySelectorAll(`[data-chart="${id}"] div`)]
        .filter((d) => d.childElementCount > 0 && getComputedStyle(d).visibility !== 'hidden' && getComputedStyle(d).opacity !== '0' && !d.querySelector('canvas'))
        .map((d) => d.textContent ?? '')
        .join(' '),
    chart,
  );
}

/** Names of the items of a chart (exposed with ?e2e) drawn in their emphasis (highlighted) state. */
function emphasized(page: Page, chart: string): Promise<string[]> {
  return page.evaluate((id) => {
    const c = (window as any).__charts[id];
    const emph = (e: any): boolean => !!e && (e.currentStates ?? []).includes('emphasis');
    const out: string[] = [];
    for (let si = 0; si < c.getModel().getSeriesCount(); si++) {
      const d = c.getModel().getSeriesByIndex(si).getData();
      for (let i = 0; i < d.count(); i++) if (emph(d.getItemGraphicEl(i))) out.push(d.getName(i));
    }
    return out;
  }, chart);
}

/** The announcement of a chart's explorer live region. */
const said = (page: Page, chart: string) => page.locator(`[data-explore-status="${chart}"]`).innerText();

describe.concurrent('keyboard only', () => {
  test.for(ROUTES)('%s: Tab reaches every control, each visibly focused', async (route, { expect }) => {
    const s = await openPage(route);
    try {
      await waitForCharts(s.page);
      const all = await snapshotTabbables(s.page);
      expect(all.length, 'tabbable controls').toBeGreaterThan(0);
      const reached = new Set<number>();
      const bad: string[] = [];
      const limit = all.length * 2 + 20;
      for (let i = 0; i < limit; i++) {
        await s.page.keyboard.press('Tab');
        const f = await focused(s.page);
        if (!f) continue;
        if (reached.has(f.id) && reached.size >= all.length) break;
        reached.add(f.id);
        if (!f.visible) bad.push(`not visible: ${f.what}`);
        if (!f.indicator) bad.push(`no focus indicator: ${f.what}`);
      }
      // Controls revealed while walking (disclosures) got ids on the fly; the starting set must all be reached.
      const missed = all.filter((id) => !reached.has(id));
      const missedWhat = await s.page.evaluate((ids) => {
        const k = window.__kbd!;
        const out: string[] = [];
        for (const el of document.querySelectorAll('*')) {
          const id = k.ids.get(el);
          if (id !== undefined && ids.includes(id)) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`);
        }
        return out;
      }, missed);
      expect(missedWhat, `controls on ${route} never reached with Tab (${reached.size} reached of ${all.length})`).toEqual([]);
      expect(bad, `focus problems on ${route}`).toEqual([]);
    } finally {
      await s.close();
    }
  });

  test('the spending drill rows are reached with Tab and drilled with Enter, step by step', async ({ expect }) => {
    const s = await openPage('#/spending');
    try {
      await waitForCharts(s.page);
      const steps: string[] = [];
      for (let depth = 0; depth < 3; depth++) {
        // Tab from wherever focus is until a drill-row button of the spending table has focus.
        let found = false;
        for (let i = 0; i < 250 && !found; i++) {
          await s.page.keyboard.press('Tab');
          found = await s.page.evaluate(() => !!document.activeElement?.matches('[data-table="spending"] tbody button.row-btn'));
        }
        if (!found) break;
        const f = await focused(s.page);
        expect(f?.visible, 'focused drill row is visible').toBe(true);
        const before = await s.page.evaluate(() => location.hash);
        await s.page.keyboard.press('Enter');
        await expect.poll(() => s.page.evaluate(() => location.hash), { message: `Enter on ${f?.what} drills` }).not.toBe(before);
        steps.push(decodeURIComponent(await s.page.evaluate(() => location.hash)));
        await waitForCharts(s.page);
        // Focus follows the drill: onto the new level's first row (or its heading), never lost to <body>.
        const after = await s.page.evaluate(() => {
          const a = document.activeElement;
          return { inMain: !!a && a !== document.body && !!document.getElementById('main')?.contains(a), row: !!a?.matches('[data-table="spending"] tbody tr[data-key] button'), heading: a?.tagName === 'H1' };
        });
        expect(after.inMain, `focus after drilling ${f?.what}`).toBe(true);
        expect(after.row || after.heading).toBe(true);
      }
      expect(steps.length, `drill steps taken: ${steps.join(' → ')}`).toBeGreaterThanOrEqual(2);
      for (const st of steps) expect(st).toMatch(/path=/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('the charts follow the focused table row: item highlighted, tooltip shown; Enter drills it', async ({ expect }) => {
    const s = await openPage('?e2e#/spending?path=b:项目支出');
    try {
      await waitForCharts(s.page, 2);
      const keys = await s.page.$$eval('[data-table="spending"] tbody tr[data-key] button.row-btn', (bs) => bs.map((b) => b.closest('tr')!.getAttribute('data-key')!));
      expect(keys.length).toBeGreaterThanOrEqual(2);
      // Tab onto each row in turn; each time both charts point at that row's item.
      await s.page.locator('[data-table="spending"] tbody tr button.row-btn').first().focus();
      for (const [i, key] of keys.entries()) {
        if (i > 0) {
          for (let n = 0; n < 20; n++) {
            await s.page.keyboard.press('Tab');
            if ((await s.page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-key'))) === key && (await s.page.evaluate(() => document.activeElement?.matches('button.row-btn')))) break;
          }
        }
        const label = await s.page.locator(`[data-table="spending"] tr[data-key="${key}"] button.row-btn`).innerText();
        await expect
          .poll(() =>
            s.page.evaluate((k) => {
              const out: Record<string, boolean> = {};
              for (const id of ['hier', 'cmp']) {
                const c = (window as any).__charts[id];
                let hit = false;
                for (let si = 0; si < c.getModel().getSeriesCount(); si++) {
                  const d = c.getModel().getSeriesByIndex(si).getData();
                  const idx = d.indexOfName(k);
                  const el = idx >= 0 ? d.getItemGraphicEl(idx) : null;
                  const emph = (e: any): boolean => !!e && ((e.currentStates ?? []).includes('emphasis') || (e.childrenRef?.() ?? []).some(emph));
                  if (emph(el)) hit = true;
                }
                out[id] = hit;
              }
              return out;
            }, key),
          )
          .toEqual({ hier: true, cmp: true });
        // The tooltip (HTML inside the chart box) shows the focused row's item.
        await expect
          .poll(() =>
            s.page.evaluate(() =>
              [...document.querySelectorAll('[data-chart="cmp"] div')]
                .filter((d) => d.childElementCount > 0 && getComputedStyle(d).visibility !== 'hidden' && getComputedStyle(d).opacity !== '0' && !d.querySelector('canvas'))
                .map((d) => d.textContent ?? '')
                .join(' '),
            ),
          )
          .toContain(label);
      }
      const before = await s.page.evaluate(() => location.hash);
      await s.page.keyboard.press('Enter');
      await expect.poll(() => s.page.evaluate(() => location.hash)).not.toBe(before);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test("#/spending: the treemap's explore button steps through its items, says each, and Enter drills", async ({ expect }) => {
    const s = await openPage('?e2e#/spending');
    try {
      await waitForCharts(s.page, 2);
      expect(await tabTo(s.page, '[data-explore="hier"]'), 'Tab reaches the treemap\'s explore button').toBe(true);
      const f = await focused(s.page);
      expect(f?.visible, 'the focused explore button is shown').toBe(true);
      expect(f?.what).toContain('用键盘浏览图表：');
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => said(s.page, 'hier')).toMatch(/（第 1 项，共 (\d+) 项）$/);
      const count = Number((await said(s.page, 'hier')).match(/共 (\d+) 项/)![1]);
      expect(count).toBeGreaterThanOrEqual(3);
      // What is said names the item in words, as the tooltip shown for it does.
      const firstSaid = await said(s.page, 'hier');
      const name = firstSaid.split(' ')[0];
      expect(name).not.toMatch(/^[a-z]+:/);
      await expect.poll(() => tooltipText(s.page, 'hier')).toContain(name);
      await expect.poll(() => emphasized(s.page, 'hier')).not.toEqual([]);
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => said(s.page, 'hier')).toMatch(/（第 2 项，共 \d+ 项）$/);
      await s.page.keyboard.press('End');
      await expect.poll(() => said(s.page, 'hier')).toMatch(new RegExp(`（第 ${count} 项，共 ${count} 项）$`));
      // The end wraps around to the first item.
      await s.page.keyboard.press('ArrowDown');
      await expect.poll(() => said(s.page, 'hier')).toBe(firstSaid);
      // Escape clears the item: nothing said, no tooltip.
      await s.page.keyboard.press('Escape');
      await expect.poll(() => said(s.page, 'hier')).toBe('');
      await expect.poll(() => tooltipText(s.page, 'hier')).toBe('');
      await expect.poll(() => emphasized(s.page, 'hier')).toEqual([]);
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => said(s.page, 'hier')).toBe(firstSaid);
      // The top level has an empty path; Enter gives it the item's step.
      expect(await s.page.evaluate(() => location.hash)).not.toMatch(/path=[^&]/);
      await s.page.keyboard.press('Enter');
      await expect.poll(() => s.page.evaluate(() => location.hash)).toMatch(/path=[^&]/);
      await waitForCharts(s.page, 2);
      // The button stays focused, and the new level is explored afresh from its first item.
      expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-explore'))).toBe('hier');
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => said(s.page, 'hier')).toMatch(/（第 1 项，共 \d+ 项）$/);
      expect(await said(s.page, 'hier')).not.toBe(firstSaid);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('#/: the structure chart is explored by keyboard too, and Enter opens the 类 in #/spending', async ({ expect }) => {
    const s = await openPage('?e2e#/');
    try {
      await waitForCharts(s.page);
      const id = await s.page.locator('[data-explore]').first().getAttribute('data-explore');
      expect(id).toBeTruthy();
      expect(await tabTo(s.page, `[data-explore="${id}"]`)).toBe(true);
      await s.page.keyboard.press('ArrowLeft');
      // ← first lands on the last item.
      await expect.poll(() => said(s.page, id!)).toMatch(/（第 (\d+) 项，共 \1 项）$/);
      await s.page.keyboard.press('Home');
      await expect.poll(() => said(s.page, id!)).toMatch(/（第 1 项，共 \d+ 项）$/);
      const name = (await said(s.page, id!)).split(' ')[0];
      await expect.poll(() => tooltipText(s.page, id!)).toContain(name);
      // The bar stepped to, a 类, is the one highlighted.
      const top = await emphasized(s.page, id!);
      expect(top.length).toBe(1);
      expect(top[0]).toMatch(/^f:/);
      // Tab leaves the chart: the item is cleared.
      await s.page.keyboard.press('Tab');
      await expect.poll(() => said(s.page, id!)).toBe('');
      await expect.poll(() => tooltipText(s.page, id!)).toBe('');
      await expect.poll(() => emphasized(s.page, id!)).toEqual([]);
      await s.page.keyboard.press('Shift+Tab');
      await s.page.keyboard.press('ArrowRight');
      await expect.poll(() => said(s.page, id!)).toMatch(/（第 1 项，/);
      await s.page.keyboard.press('Enter');
      await expect.poll(() => s.page.evaluate(() => location.hash)).toMatch(/^#\/spending.*path=/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
