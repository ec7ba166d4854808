/** #/screen: letterboxed stage at any 16:9 size, no scroll bars, charts fill their boxes, clicks hit. */
import { describe, test } from 'vitest';
import { openPage, waitForCharts } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
];

describe.concurrent('#/screen', () => {
  test.for(SIZES)('at $width×$height: no scroll bars, stage scaled uniformly, charts fill their boxes', async (vp, { expect }) => {
    const s = await openPage(`#/screen?${Q}`, { viewport: vp });
    try {
      expect(await waitForCharts(s.page, 4)).toBeGreaterThanOrEqual(4);
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

  test('at 1366×768 a click on a bar hits that bar', async ({ expect }) => {
    const s = await openPage(`#/screen?${Q}`, { viewport: { width: 1366, height: 768 } });
    try {
      await waitForCharts(s.page, 4);
      const box = (await s.page.locator('[data-chart="screen-spending"]').boundingBox())!;
      const fs = Math.min(1366 / 1920, 768 / 1080) * 1.45;
      const top = 8 * fs;
      const band = (box.height - 16 * fs) / 9;
      // Bar 0 (其他科学技术支出 712.69) is long: its middle is right of centre.
      await s.page.mouse.click(box.x + box.width * 0.7, box.y + top + band * 0.5);
      await expect.poll(() => s.page.locator('.callout').getAttribute('data-current')).toBe('f-2022-final-2069999');
      expect(await s.page.locator('.callout').getAttribute('data-rotating')).toBe('paused');
      // Bar 1 (行政运行 187.17): short, so click near its start.
      const x1 = await s.page.evaluate(() => {
        const labels = document.querySelector('[data-chart="screen-spending"]')!.getBoundingClientRect();
        return labels.left;
      });
      void x1;
      await s.page.mouse.click(box.x + box.width * 0.62, box.y + top + band * 1.5);
      await expect.poll(() => s.page.locator('.callout').getAttribute('data-current')).toBe('f-2022-final-2010301');
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
});
