/** #/operations: figures, charts, linked focus in the URL, markers as text, the spending link. */
import { describe, test } from 'vitest';
import { hashOf, openPage, waitForCharts } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';

describe.concurrent('#/operations', () => {
  test('shows every group and figure, with 近 / 余 / 累计 as text, and draws its charts', async ({ expect }) => {
    const s = await openPage(`#/operations?${Q}`);
    try {
      expect(await waitForCharts(s.page, 8)).toBeGreaterThanOrEqual(8);
      const text = await s.page.locator('main').innerText();
      for (const f of ['2,534', '278', '29', '49.5', '632', '132', '近800万元', '107', '近8,000台', '1,755', '60余项', '227.7万件', '近150场', '146,579', '56,489', '149,154', '145,383', '140.3', '7,250万人次', '累计']) {
        expect(text, f).toContain(f);
      }
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('choosing a group puts it in the URL and highlights it', async ({ expect }) => {
    const s = await openPage(`#/operations?${Q}`);
    try {
      await waitForCharts(s.page);
      await s.page.locator('.chips button', { hasText: '政务云' }).click();
      await expect.poll(() => hashOf(s.page)).toContain('focus=group:gov-cloud');
      expect(await s.page.locator('section.group.active').getAttribute('data-group')).toBe('gov-cloud');
      await s.page.locator('.figure[data-record="i-grid-l4"] .fig-select').click();
      await expect.poll(() => hashOf(s.page)).toContain('focus=i-grid-l4');
      expect(await s.page.locator('[data-table="ops-table"] tr[data-key="i-grid-l4"]').getAttribute('data-highlighted')).toBe('true');
    } finally {
      await s.close();
    }
  });

  test('the funding link goes to #/spending drilled to 其他科学技术支出', async ({ expect }) => {
    const s = await openPage(`#/operations?${Q}`);
    try {
      const link = s.page.locator('[data-link="funding"]');
      expect(await link.innerText()).toContain('712.69');
      await link.click();
      await expect.poll(() => hashOf(s.page)).toMatch(/^#\/spending\?.*path=f:206,f:20699,f:2069999/);
      await s.page.locator('main h1').first().waitFor();
    } finally {
      await s.close();
    }
  });
});
