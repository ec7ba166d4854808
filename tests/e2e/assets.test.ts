/** #/assets: its figures, charts, the asset contradiction from the validator, focus from the URL. */
import { describe, test } from 'vitest';
import { openPage, waitForCharts } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';

describe.concurrent('#/assets', () => {
  test('shows the asset, vehicle, 三公 and staffing figures and draws every chart', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}`);
    try {
      expect(await waitForCharts(s.page, 6)).toBeGreaterThanOrEqual(6);
      const text = await s.page.locator('main').innerText();
      for (const f of ['601.59', '927.65', '905.56', '97.6%', '97.62%', '20.98', '8.30', '5.74', '6.00', '1.74', '38 次', '388 人', '−4.33%', '0.43', '−85.67%', '64.29%', '14 个', '9 人']) {
        expect(text, f).toContain(f);
      }
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('says beside the chart that 自用固定资产 927.65 exceeds 资产总额 601.59, from the validator', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}`);
    try {
      const note = s.page.locator('#sec-balance [data-check="asset-bounds:m-fa-selfuse"]');
      await expect.poll(() => note.innerText()).toContain('927.65');
      expect(await note.innerText()).toContain('601.59');
      expect(await note.locator('a').getAttribute('href')).toContain('focus=asset-bounds:m-fa-selfuse');
    } finally {
      await s.close();
    }
  });

  test('a focus in the URL outlines that figure', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}&focus=m-staff-control-rate`);
    try {
      await expect.poll(() => s.page.locator('.figure.focused[data-record="m-staff-control-rate"]').count()).toBe(1);
      await expect.poll(() => s.page.locator('[data-table="all-measures"] tr[data-key="m-staff-control-rate"]').getAttribute('data-highlighted')).toBe('true');
    } finally {
      await s.close();
    }
  });
});
