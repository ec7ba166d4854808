/**
 * The spending explorer end to end: drill by clicking in a chart and by keyboard in the table
 * down to 信息网络及软件购置更新 (31007, 598.34) — three clicks from the total, the single-child
 * levels passed through and still named in the breadcrumb — the URL round-trips a reload, back
 * returns one level, 上一级 returns to the last level with a choice, hovering a table row
 * highlights in the charts, downloads equal the table, and the drill latency
 * (performance.measure('drill')) is recorded.
 */
import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { hashOf, openPage, waitForCharts, waitForReady } from './harness';

const TARGET = ['b:项目支出', 'f:206', 'f:20699', 'f:2069999', 'e:310'];
/** Three clicks from the total to the leaf: item clicked → the path it lands on. */
const CLICKS: Array<[string, string]> = [
  ['b:项目支出', 'b:项目支出'],
  // 科学技术支出 › 其他科学技术支出 (款) › 其他科学技术支出 (项) › 资本性支出: each the only child at 100 %.
  ['f:206', TARGET.join(',')],
  ['e:31007', [...TARGET, 'e:31007'].join(',')],
];
const crumbs = (page: Page) => page.$$eval('nav[aria-label="钻取路径"] li', (lis) => lis.map((li) => `${(li.textContent ?? '').trim()}${li.querySelector('[data-passed]') ? '*' : ''}`));

const pathOf = async (page: Page) => new URLSearchParams((await hashOf(page)).split('?')[1] ?? '').get('path') ?? '';

/** Click the current-year bar of an item in the comparison chart, found through the instance. */
async function clickBar(page: Page, key: string) {
  const box = await page.locator('[data-chart="cmp"]').boundingBox();
  const pos = await page.evaluate((k) => {
    const c = (window as any).__charts.cmp;
    const model = c.getModel();
    const names: string[] = c.getOption().series.map((s: any) => s.name);
    const idx = names.length - 1 - [...names].reverse().findIndex((n) => n.endsWith('年决算'));
    const data = model.getSeriesByIndex(idx).getData();
    const i = data.indexOfName(k);
    const l = data.getItemLayout(i);
    return { x: l.x + l.width / 2, y: l.y + l.height / 2 };
  }, key);
  await page.mouse.click(box!.x + pos.x, box!.y + pos.y);
}

async function table(page: Page): Promise<string[][]> {
  return page.$$eval('[data-table="spending"] tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/[ⓘ⚠↕▲▼]/g, '').trim())),
  );
}

describe('spending explorer', () => {
  test('three clicks in the chart from the total to 信息网络及软件购置更新; reload restores; back and 上一级; drill latency', async () => {
    const s = await openPage('?e2e#/spending');
    const { page } = s;
    try {
      await waitForCharts(page, 3);
      let rows: string[][] = [];
      let trail: string[] = [];
      for (const [i, [key, path]] of CLICKS.entries()) {
        await clickBar(page, key);
        await expect.poll(() => pathOf(page), { message: `click ${i + 1} on ${key}` }).toBe(path);
        await waitForCharts(page);
        // After two clicks the leaf's figure is on the page; the third opens the leaf itself.
        if (i === 1) [rows, trail] = [await table(page), await crumbs(page)];
      }
      expect(rows.find((r) => r[0] === '信息网络及软件购置更新')?.[1]).toBe('598.34');
      await expect.poll(() => page.locator('[data-node-total]').innerText()).toContain('598.34');
      // The breadcrumb names every level; those passed through (*) are not links.
      expect(trail).toEqual(['支出合计', '项目支出', '科学技术支出*', '其他科学技术支出*', '其他科学技术支出*', '资本性支出']);
      expect((await crumbs(page)).join(' › ')).toBe('支出合计 › 项目支出 › 科学技术支出 › 其他科学技术支出 › 其他科学技术支出 › 资本性支出 › 信息网络及软件购置更新');
      expect(await page.locator('nav[aria-label="钻取路径"] [aria-current="page"]').innerText()).toBe('信息网络及软件购置更新');

      const measures = await page.evaluate(() => performance.getEntriesByName('drill').map((e) => e.duration));
      expect(measures.length).toBeGreaterThanOrEqual(CLICKS.length);
      const sorted = [...measures].sort((a, b) => a - b);
      console.log(`drill latency ms: ${measures.map((m) => m.toFixed(0)).join(', ')}; median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)}`);

      // Reload restores exactly.
      const before = await hashOf(page);
      const leafRows = await page.locator('[data-node-total]').innerText();
      await page.reload();
      await waitForReady(page);
      expect(await hashOf(page)).toBe(before);
      expect(await page.locator('[data-node-total]').innerText()).toBe(leafRows);

      // Back returns one click.
      await page.goBack();
      await expect.poll(() => pathOf(page)).toBe(TARGET.join(','));
      await expect.poll(() => page.locator('nav[aria-label="钻取路径"] [aria-current="page"]').innerText()).toBe('资本性支出');
      // 上一级 skips the levels passed through: back to 项目支出, the last level with a choice.
      await page.getByRole('button', { name: '↑ 上一级' }).click();
      await expect.poll(() => pathOf(page)).toBe('b:项目支出');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('drill by keyboard in the table; hover highlights in the charts; every chart is described', async () => {
    const s = await openPage('?e2e#/spending');
    const { page } = s;
    try {
      await waitForCharts(page, 3);
      // Two Enter presses: 项目支出, then 科学技术支出 passes through to 资本性支出.
      for (const step of ['b:项目支出', 'f:206']) {
        const btn = page.locator(`[data-table="spending"] tr[data-key="${step}"] button.row-btn`);
        await btn.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => pathOf(page)).toContain(step);
        await waitForCharts(page);
      }
      expect(await pathOf(page)).toBe(TARGET.join(','));
      // Tab moves on from the first row's button to the next control in the table's body (the
      // row's source button or the next row's button).
      const firstBtn = page.locator('[data-table="spending"] tbody tr button.row-btn').first();
      await firstBtn.focus();
      await page.keyboard.press('Tab');
      expect(await firstBtn.evaluate((b) => document.activeElement !== b && !!document.activeElement?.closest('[data-table="spending"] tbody'))).toBe(true);

      await page.locator('[data-table="spending"] tr[data-key="e:31007"] td').first().hover();
      await expect.poll(() => page.locator('[data-table="spending"] tr[data-key="e:31007"]').getAttribute('data-highlighted')).toBe('true');
      const states = await page.evaluate(() => {
        const out: Record<string, boolean> = {};
        for (const id of ['cmp', 'hier']) {
          const c = (window as any).__charts[id];
          const n = c.getModel().getSeriesCount();
          let hit = false;
          for (let i = 0; i < n; i++) {
            const d = c.getModel().getSeriesByIndex(i).getData();
            const idx = d.indexOfName('e:31007');
            const el = idx >= 0 ? d.getItemGraphicEl(idx) : null;
            // A treemap item is a group: the emphasis state sits on the group or its shapes.
            const emph = (e: any): boolean => !!e && ((e.currentStates ?? []).includes('emphasis') || (e.childrenRef?.() ?? []).some(emph));
            if (emph(el)) hit = true;
          }
          out[id] = hit;
        }
        return out;
      });
      expect(states).toEqual({ cmp: true, hier: true });

      const descriptions = await page.$$eval('[data-chart]', (els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(descriptions.length).toBeGreaterThanOrEqual(2);
      expect(descriptions.join(' ')).toContain('信息网络及软件购置更新 598.34 万元');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('downloads equal the table (CSV with BOM, XLSX, JSON) and PNG', async () => {
    const s = await openPage(`?e2e#/spending?path=${TARGET.join(',')}`);
    const { page } = s;
    try {
      await waitForCharts(page, 2);
      const shown = await table(page);
      const header = shown[0];
      const body = shown.slice(1);
      const num = (t: string) => (t === '—' || t === '' ? null : /^[−+\-]?[\d,]+(\.\d+)?%?$/.test(t) ? Number(t.replace(/[,%+]/g, '').replace('−', '-')) : t);
      const expected = body.map((r) => r.map(num));

      const get = async (fmt: string) => {
        const [dl] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-download="${fmt}"]`).first().click()]);
        return readFileSync((await dl.path())!);
      };

      const csv = (await get('csv')).toString('utf8');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
      expect(lines[0]).toEqual(header);
      expect(lines.slice(1).map((r) => r.map((c) => (c === '' ? null : Number.isNaN(Number(c)) ? c : Number(c))))).toEqual(expected);

      const json = JSON.parse((await get('json')).toString('utf8')) as Array<Record<string, unknown>>;
      expect(json.map((o) => header.map((h) => o[h] ?? null))).toEqual(expected);

      const xlsx = await get('xlsx');
      expect(xlsx.subarray(0, 2).toString()).toBe('PK');
      const files = unzip(xlsx);
      const sheet = Object.entries(files).find(([n]) => /xl\/worksheets\/sheet1\.xml$/.test(n))?.[1] ?? '';
      const shared = files['xl/sharedStrings.xml'] ?? '';
      expect(sheet).toContain('598.34');
      expect(sheet + shared).toContain('信息网络及软件购置更新');

      const png = await get('png');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe('spending explorer, second unit (totals by spending type only)', () => {
  test('the levels it has, in words where it has none; no comparison with a year it lacks', async () => {
    const s = await openPage('?e2e#/spending?unit=daying-wgl&year=2022');
    const { page } = s;
    try {
      await waitForCharts(page, 2);
      const rows = await table(page);
      expect(rows.map((r) => r[0])).toEqual(['名称', '项目支出', '基本支出', '上缴上级支出', '经营支出', '对附属单位补助支出', '合计：支出合计']);
      expect(rows[0]).not.toContain('2021年决算（万元）');
      expect(await page.locator('[data-node-total]').innerText()).toContain('4,143.91');
      expect(await page.locator('[aria-label="其他钻取入口"]').count()).toBe(0);
      const btn = page.locator('[data-table="spending"] tr[data-key="b:基本支出"] button.row-btn');
      await btn.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => pathOf(page)).toBe('b:基本支出');
      await expect.poll(() => page.locator('[data-empty]').innerText()).toContain('报告没有给出基本支出按功能分类或经济分类的明细');
      expect(await page.locator('[data-chart]').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toContain('宁乡');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

/** A small zip reader (central directory + inflateRaw), enough for an XLSX. */
function unzip(buf: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let eocd = buf.length - 22;
  while (eocd > 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = buf.readUInt32LE(eocd + 16);
  const n = buf.readUInt16LE(eocd + 10);
  for (let i = 0; i < n; i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
