/**
 * #/screen: letterboxed stage at any 16:9 size, no scroll bars, charts fill their boxes, clicks hit;
 * a portrait phone gets one readable column, laid out by the stylesheet before the app starts.
 */
import { describe, test } from 'vitest';
import { hashOf, labelOverlaps, neverIdle, openPage, waitForCharts, waitForReady } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
];

describe.concurrent('#/screen', () => {
  test.for(SIZES)('at $width×$height: no scroll bars, stage scaled uniformly, charts fill their boxes', async (vp, { expect }) => {
    const s = await openPage(`?e2e#/screen?${Q}`, { viewport: vp });
    try {
      expect(await waitForCharts(s.page, 4)).toBeGreaterThanOrEqual(4);
      // No two data labels shown in a chart overlap, as ECharts laid them out (hidden ones are ignored).
      const { overlaps, labels } = await labelOverlaps(s.page);
      expect(labels).toBeGreaterThan(0);
      expect(overlaps).toEqual([]);
      const m = await s.page.evaluate(() => {
        const stage = document.querySelector('[data-stage]')!.getBoundingClientRect();
        return {
          sw: document.documentElement.scrollWidth,
          sh: document.documentElement.scrollHeight,
          iw: innerWidth,
          ih: innerHeight,
          stage: { w: stage.width, h: stage.height, x: stage.left, y: stage.top },
          charts: [...document.querySelectorAll('[data-chart]')].map((el) => {
            const box = el.getBoundingClientRect();
            const c = el.querySelector('canvas')!.getBoundingClientRect();
            return { id: el.getAttribute('data-chart'), bw: box.width, bh: box.height, cw: c.width, ch: c.height };
          }),
        };
      });
      expect(m.sw).toBeLessThanOrEqual(m.iw);
      expect(m.sh).toBeLessThanOrEqual(m.ih);
      const scale = Math.min(vp.width / 1920, vp.height / 1080);
      expect(m.stage.w).toBeCloseTo(1920 * scale, -1);
      expect(m.stage.h).toBeCloseTo(1080 * scale, -1);
      expect(m.stage.w / m.stage.h).toBeCloseTo(16 / 9, 2);
      const spend = m.charts.find((c) => c.id === 'screen-spending')!;
      expect(spend.bh).toBeCloseTo(640 * scale, -1);
      for (const c of m.charts) {
        expect(Math.abs(c.cw - c.bw), `${c.id} canvas width`).toBeLessThanOrEqual(2);
        expect(Math.abs(c.ch - c.bh), `${c.id} canvas height`).toBeLessThanOrEqual(2);
      }
      // Big figures for three metres: the KPI values at least 40 px on a 1080p wall.
      const kpi = await s.page.locator('[data-kpi="total"] .k-v').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(kpi).toBeGreaterThanOrEqual(44 * scale);
      expect(await s.page.locator('[data-kpi="total"]').innerText()).toContain('969.29');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('on a portrait phone: one column of readable text, laid out before the app starts; its start moves nothing', async ({ expect }) => {
    const s = await openPage('', { viewport: { width: 412, height: 915 }, wait: 'load', intent: false });
    try {
      await neverIdle(s.page);
      await s.goto('screen/index.html#/screen');
      const geometry = () =>
        s.page.evaluate(() => {
          const rect = (el: Element) => {
            const r = el.getBoundingClientRect();
            return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
          };
          return {
            app: document.documentElement.dataset.app ?? '',
            stage: rect(document.querySelector('[data-stage]')!),
            kpis: [...document.querySelectorAll('[data-kpi]')].map(rect),
            charts: [...document.querySelectorAll('[data-chart]')].map(rect),
            smallest: Math.min(...[...document.querySelectorAll('[data-stage] :is(h1, p, span, a, time, h2, h3)')].filter((el) => el.textContent?.trim()).map((el) => parseFloat(getComputedStyle(el).fontSize))),
            sw: document.documentElement.scrollWidth,
          };
        });
      const before = await geometry();
      expect(before.app).not.toBe('live');
      expect(before.stage[2]).toBe(412);
      expect(before.sw).toBeLessThanOrEqual(412);
      // Two KPI columns, one column of panels as wide as the stage's content.
      expect(new Set(before.kpis.map((r) => r[0])).size).toBe(2);
      expect(new Set(before.charts.map((r) => r[2])).size).toBe(1);
      expect(before.smallest).toBeGreaterThanOrEqual(12);
      await s.page.mouse.move(20, 20);
      await waitForReady(s.page);
      await waitForCharts(s.page, 3);
      const after = await geometry();
      expect({ ...after, app: '' }).toEqual({ ...before, app: '' });
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('at 1366×768 a click on a bar hits that bar', async ({ expect }) => {
    // ?e2e exposes the chart instances, so the bars' on-screen positions come from ECharts' own layout.
    const s = await openPage(`?e2e#/screen?${Q}`, { viewport: { width: 1366, height: 768 } });
    try {
      await waitForCharts(s.page, 4);
      const box = (await s.page.locator('[data-chart="screen-spending"]').boundingBox())!;
      const centre = (id: string) =>
        s.page.evaluate((name) => {
          const c = (window as any).__charts['screen-spending'];
          const d = c.getModel().getSeriesByIndex(0).getData();
          const l = d.getItemLayout(d.indexOfName(name));
          return { x: l.x + l.width / 2, y: l.y + l.height / 2 };
        }, id);
      // The stage is scaled for this screen: a click lands on the bar drawn there, not a neighbour.
      for (const id of ['f:2069999', 'f:2010301']) {
        const p = await centre(id);
        await s.page.mouse.click(box.x + p.x, box.y + p.y);
        await expect.poll(() => s.page.locator('.callout').getAttribute('data-current')).toBe(id);
        expect(await s.page.locator('.callout').getAttribute('data-rotating')).toBe('paused');
      }
    } finally {
      await s.close();
    }
  });

  test('rotates the highlight, shows the report date and clock, links back with the same state', async ({ expect }) => {
    const s = await openPage(`#/screen?${Q}&money=yuan`, { viewport: { width: 1920, height: 1080 } });
    try {
      await waitForCharts(s.page, 4);
      const first = await s.page.locator('.callout').getAttribute('data-current');
      await expect.poll(() => s.page.locator('.callout').getAttribute('data-current'), { timeout: 10_000 }).not.toBe(first);
      const head = await s.page.locator('.s-head').innerText();
      expect(head).toContain('2023-07-25');
      expect(head).toMatch(/\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}/);
      expect(await s.page.locator('[data-kpi="total"]').innerText()).toContain('9,692,900');
      const back = await s.page.locator('.s-back').getAttribute('href');
      expect(back).toMatch(/^#\/\?unit=ningxiang-drc&year=2022.*money=yuan/);
      expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await s.close();
    }
  });

  test('the second unit cites its own report; panels only for what it has', async ({ expect }) => {
    const s = await openPage('#/screen?unit=daying-wgl&year=2022', { viewport: { width: 1920, height: 1080 } });
    try {
      await waitForCharts(s.page, 3);
      const head = await s.page.locator('.s-head').innerText();
      expect(head).toContain('2022年度单位决算');
      expect(head).toContain('县文化广电旅游局');
      expect(head).not.toContain('宁乡');
      expect(await s.page.locator('[data-kpi="total"]').innerText()).toContain('4,143.91');
      const charts = await s.page.$$eval('[data-chart]', (els) => els.map((e) => e.getAttribute('data-chart')));
      expect(charts).toEqual(['screen-spending', 'screen-controls', 'screen-income']);
      expect(await s.page.locator('[data-not-covered]').innerText()).toContain('支出功能科目');
      expect(await s.page.locator('.stage').innerText()).not.toContain('“三公”经费');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('an unknown unit in the link is never printed as a headline', async ({ expect }) => {
    const s = await openPage('#/screen?unit=no-such-unit&year=2022', { viewport: { width: 1920, height: 1080 } });
    try {
      await waitForCharts(s.page);
      const head = await s.page.locator('.s-head').innerText();
      expect(head).not.toContain('no-such-unit');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a region’s wall cycles through its units, each at its latest year, until stopped', async ({ expect }) => {
    const s = await openPage('#/screen?unit=qijiang-gonglu-zx', { viewport: { width: 1920, height: 1080 } });
    try {
      const { page } = s;
      const cycle = page.locator('[data-cycle]');
      expect(await cycle.innerText()).toMatch(/^轮播本地区 \d+ 个单位$/);
      // The page's clock is taken over before the cycle starts its timer: 30 s pass at once.
      await page.clock.install();
      await cycle.click();
      expect(await cycle.getAttribute('aria-pressed')).toBe('true');
      await page.clock.fastForward(30_000);
      await expect.poll(() => hashOf(page)).not.toContain('unit=qijiang-gonglu-zx');
      const next = new URLSearchParams((await hashOf(page)).split('?')[1]).get('unit')!;
      await expect.poll(() => page.locator('h1').innerText()).not.toBe('');
      await cycle.click();
      expect(await cycle.getAttribute('aria-pressed')).toBe('false');
      await page.clock.fastForward(60_000);
      expect(new URLSearchParams((await hashOf(page)).split('?')[1]).get('unit')).toBe(next);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a unit alone in its region offers no cycle', async ({ expect }) => {
    const s = await openPage('#/screen?unit=ningxiang-drc', { viewport: { width: 1920, height: 1080 } });
    try {
      await s.page.locator('h1').waitFor();
      expect(await s.page.locator('[data-cycle]').count()).toBe(0);
    } finally {
      await s.close();
    }
  });
});
