/** #/operations: figures, charts, linked focus in the URL, markers as text; titles from the data; units without indicators. */
import { readFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { hashOf, openPage, waitForCharts } from './harness';

const Q = 'unit=ningxiang-drc&year=2022';
const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as { units: Array<{ id: string; indicatorsTitle?: string }> };
const title = index.units.find((u) => u.id === 'ningxiang-drc')?.indicatorsTitle ?? '业务运行指标';

describe.concurrent('#/operations', () => {
  test('shows every group and figure, with 近 / 余 / 累计 as text, and draws only charts of one unit', async ({ expect }) => {
    const s = await openPage(`#/operations?${Q}`);
    try {
      // Only the funnel: no group has three or more figures in one unit, and figures in different units share no axis.
      expect(await waitForCharts(s.page, 1)).toBe(1);
      expect(await s.page.locator('[data-ops-intro]').innerText()).toContain('不放在同一条数轴上比较长短');
      expect(await s.page.locator('main h1').innerText()).toBe(`2022年${title}`);
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

  test('a unit whose report has no operational indicators says so', async ({ expect }) => {
    const s = await openPage('#/operations?unit=daying-wgl&year=2022');
    try {
      await expect.poll(() => s.page.locator('[data-empty]').innerText()).toBe('本单位报告未包含业务运行指标。');
      const main = await s.page.locator('main').innerText();
      expect(main).not.toContain(title);
      expect(await s.page.locator('[data-chart]').count()).toBe(0);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
