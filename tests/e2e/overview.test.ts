/** The overview: key figures from the data, the generated paragraph, and a chart click that drills into #/spending. */
import { describe, expect, test } from 'vitest';
import { hashOf, openPage, waitForCharts } from './harness';

describe('overview', () => {
  test('cards, narrative, the findings line and its marks, and chart click drills', async () => {
    const s = await openPage('?e2e#/');
    const { page } = s;
    try {
      await waitForCharts(page, 1);
      expect(await page.locator('[data-kpi="total"]').innerText()).toContain('969.29');
      const exec = await page.locator('[data-kpi="execution"]').innerText();
      expect(exec).toContain('235.80');
      expect(exec).toContain('100.00%');
      expect(exec).toContain('311.06%');
      // The public reading: one figure per rate, no marks; the checks are one line that opens them.
      expect(exec).not.toContain('报告所列 411%');
      expect(await page.locator('.check-mark').count()).toBe(0);
      const line = page.locator('[data-findings]');
      expect(await line.innerText()).toMatch(/^本页 \d+ 项数字与报告存在出入 · 在数字旁标出 · 逐项查看$/);
      await line.getByRole('button', { name: '在数字旁标出' }).click();
      await expect.poll(() => page.locator('[data-kpi="execution"]').innerText()).toContain('报告所列 411%');
      expect(await page.locator('.check-mark').count()).toBeGreaterThan(0);
      expect(await line.getByRole('button').getAttribute('aria-pressed')).toBe('true');
      await line.getByRole('button', { name: '隐藏标记' }).click();
      await expect.poll(() => page.locator('.check-mark').count()).toBe(0);
      expect(await line.getByRole('link', { name: '逐项查看' }).getAttribute('href')).toMatch(/^#\/quality\?unit=ningxiang-drc&year=2022/);
      expect(await page.locator('[data-narrative]').innerText()).toMatch(/^2022年支出合计969\.29万元，较上年减少1,959\.60万元，下降66\.91%，主要是/);
      expect(await page.locator('[data-kpi="sangong.total"]').innerText()).toContain('5.74');
      expect(await page.locator('[data-kpi="staff"]').innerText()).toMatch(/14[\s\S]*9/);
      expect(await page.locator('[data-not-covered]').innerText()).toContain('政府采购');

      // Money unit switch: every figure follows.
      await page.locator('label:has(input[value="yi"])').click();
      await expect.poll(() => page.locator('[data-kpi="total"]').innerText()).toContain('0.0969');
      await page.locator('label:has(input[value="wan"])').click();
      // The switch redraws the chart (with its entry animation): click only once it has settled.
      await expect.poll(() => page.locator('[data-kpi="total"]').innerText()).toContain('969.29');
      await waitForCharts(page, 1);
      await page.waitForTimeout(1200);
      // mouse.click does not scroll: bring the chart into the viewport first.
      await page.locator('[data-chart="structure"]').scrollIntoViewIfNeeded();

      const box = await page.locator('[data-chart="structure"]').boundingBox();
      const pos = await page.evaluate(() => {
        const c = (window as any).__charts.structure;
        const d = c.getModel().getSeriesByIndex(1).getData();
        const l = d.getItemLayout(d.indexOfName('f:206'));
        return { x: l.x + l.width / 2, y: l.y + l.height / 2 };
      });
      await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
      await expect.poll(() => hashOf(page)).toMatch(/^#\/spending\?.*path=f:206(&|$)/);
      await waitForCharts(page, 2);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('the second unit: its own figures, 公务接待费 titled by its role, what its report does not cover', async () => {
    const s = await openPage('?e2e#/?unit=daying-wgl&year=2022');
    const { page } = s;
    try {
      await page.locator('[data-kpi="total"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('[data-kpi="total"]').innerText()).toContain('4,143.91');
      const income = await page.locator('[data-kpi="income"]').innerText();
      expect(income).toContain('一般公共预算财政拨款收入');
      expect(income).toContain('3,859.16');
      const reception = page.locator('[data-kpi="sangong.item:公务接待"]');
      expect(await reception.locator('h2').innerText()).toBe('公务接待费');
      expect(await reception.innerText()).toContain('7.80');
      expect(await page.locator('[data-kpi="sangong.total"]').count()).toBe(0);
      expect(await page.locator('[data-kpi="execution"]').count()).toBe(0);
      const missing = await page.locator('[data-not-covered]').innerText();
      expect(missing).toContain('支出功能分类');
      expect(missing).toContain('资产负债与固定资产');
      // No empty axes: a report without a functional split draws no structure chart.
      expect(await page.locator('[data-chart]').count()).toBe(0);
      const main = await page.locator('main').innerText();
      expect(main).not.toContain('宁乡');
      expect(main).not.toContain('“三公”经费');
      expect(await page.locator('[data-narrative]').innerText()).toMatch(/^2022年支出合计4,143\.91万元/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a glossary term explains itself at its first use: on hover, on keyboard focus and on a tap', async () => {
    const s = await openPage('#/?unit=ningxiang-drc&year=2022');
    const { page } = s;
    try {
      const term = page.locator('[data-kpi="basis"] h2 .term-btn', { hasText: '基本支出' });
      const def = page.locator('[data-kpi="basis"] h2 .term-def').first();
      expect(await def.isVisible()).toBe(false);
      await term.hover();
      await expect.poll(() => def.isVisible()).toBe(true);
      expect(await def.innerText()).toMatch(/^基本支出：.{10,}/);
      await page.mouse.move(0, 0);
      await term.focus();
      await expect.poll(() => def.isVisible()).toBe(true);
      expect(await term.getAttribute('aria-describedby')).toBe(await def.getAttribute('id'));
      await term.blur();
      await term.dispatchEvent('click');
      expect(await term.getAttribute('aria-expanded')).toBe('true');
      // Explained once on the page: the paragraph below names 基本支出 again as plain text.
      expect(await page.locator('[data-narrative] .term-btn', { hasText: /^基本支出$/ }).count()).toBe(0);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
