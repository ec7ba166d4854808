/** #/assets: figures found by role, charts, the validator's findings beside them, focus from the URL, per unit. */
import { describe, test } from 'vitest';
import { hashOf, openPage, waitForCharts } from './harness';

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
      expect(await s.page.locator('[data-not-covered]').innerText()).toBe('本单位2022年的报告未涉及：机关运行经费、政府采购。');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('says beside the chart that 自用固定资产 927.65 exceeds 资产总额 601.59, from the validator', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}`);
    try {
      const note = s.page.locator('#sec-balance [data-check="asset-bounds:m-fa-selfuse"]');
      // Shown when the reader asks for the marks (the page's one line of findings), once on the page.
      await s.page.locator('[data-findings]').waitFor();
      expect(await note.count()).toBe(0);
      await s.page.locator('[data-findings]').getByRole('button', { name: '在数字旁标出' }).click();
      await expect.poll(() => note.innerText()).toContain('927.65');
      expect(await s.page.locator('[data-check="asset-bounds:m-fa-selfuse"]').count()).toBe(1);
      expect(await note.innerText()).toContain('601.59');
      expect(await note.locator('a').getAttribute('href')).toContain('focus=asset-bounds:m-fa-selfuse');
    } finally {
      await s.close();
    }
  });

  test('the full list of measures is folded and drawn, every row, when opened', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}`);
    try {
      const fold = s.page.locator('details[data-all-measures]');
      expect(await fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await s.page.locator('[data-table="all-measures"]').count()).toBe(0);
      const summary = await fold.locator('summary').innerText();
      const n = Number(/全部 (\d+) 项/.exec(summary)?.[1]);
      expect(n).toBeGreaterThan(50);
      await fold.locator('summary').click();
      await expect.poll(() => s.page.locator('[data-table="all-measures"] tbody tr').count()).toBe(n);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a focus in the URL outlines that figure; choosing another figure puts it in the URL', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}&focus=m-staff-control-rate`);
    try {
      await expect.poll(() => s.page.locator('.figure.focused[data-record="m-staff-control-rate"]').count()).toBe(1);
      await expect.poll(() => s.page.locator('[data-table="all-measures"] tr[data-key="m-staff-control-rate"]').getAttribute('data-highlighted')).toBe('true');
      await s.page.locator('.figure[data-record="m-veh-count"] .fig-select').click();
      await expect.poll(() => hashOf(s.page)).toContain('focus=m-veh-count');
    } finally {
      await s.close();
    }
  });

  test('each chart offers its own PNG download', async ({ expect }) => {
    const s = await openPage(`#/assets?${Q}`);
    try {
      await waitForCharts(s.page, 6);
      expect(await s.page.locator('#sec-fixed [data-download="png"]').count()).toBe(1);
    } finally {
      await s.close();
    }
  });

  test('the second unit: only what its report states, 公务接待费 never called 三公经费', async ({ expect }) => {
    const s = await openPage('#/assets?unit=daying-wgl&year=2022');
    try {
      expect(await waitForCharts(s.page, 2)).toBeGreaterThanOrEqual(2);
      const main = await s.page.locator('main').innerText();
      for (const f of ['公务接待费', '7.80', '16 批次', '800 人次', '−13.71%', '−13.72%', '73.73', '709.65', '670.65', '94.50%']) expect(main, f).toContain(f);
      expect(main).not.toContain('三公');
      expect(main).not.toContain('宁乡');
      expect(await s.page.locator('[data-not-covered]').innerText()).toContain('资产负债与固定资产、车辆');
      expect(await s.page.locator('#sec-balance').count()).toBe(0);
      expect(await s.page.locator('#sec-sangong h2').innerText()).toBe('公务接待费');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('year 2021 shows the figures the 2022 report states for it', async ({ expect }) => {
    const s = await openPage('#/assets?unit=ningxiang-drc&year=2021');
    try {
      await expect.poll(() => s.page.locator('.figure[data-record="m-assets-total-2021"]').count()).toBe(1);
      expect(await s.page.locator('main').innerText()).toContain('735.35');
    } finally {
      await s.close();
    }
  });
});
