/**
 * #/import in real Chromium: a file chosen in the page is parsed in a worker (nothing leaves the
 * machine), checked, and previewed on every route as an extra unit marked 预览; the unit-year
 * JSON and the workbook download; bad files give clear messages and the rest of the page keeps
 * working. Every session must stay clean: no request beyond 127.0.0.1, no upload, no CSP
 * violation, no console error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGbk } from '../unit/import/helpers';
import { formatAxe, openPage, runAxe, waitForReady, type Session } from './harness';
import { ROOT } from './servers';

const REPORT = '000_fbdbbd6bd88a742c.txt';
const reportBytes = readFileSync(join(ROOT, 'data/sources', REPORT));
let tmp = '';
let workbook: Buffer;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'import-e2e-'));
  const out = join(tmp, 'ningxiang-2022.xlsx');
  const r = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/export.ts', '--unit', 'ningxiang-drc', '--year', '2022', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`npm run export failed: ${r.stderr || r.stdout}`);
  workbook = readFileSync(out);
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Requests that are not plain GETs (an upload would be one). */
function watchMethods(s: Session): string[] {
  const other: string[] = [];
  s.page.on('request', (r) => {
    if (r.method() !== 'GET') other.push(`${r.method()} ${r.url()}`);
  });
  return other;
}

/** Choose a file and fill the form, submit, and wait until the import has ended; returns the phase. */
async function importFile(page: Page, file: { name: string; buffer: Buffer | Uint8Array }, unit: string, name: string): Promise<string> {
  await page.locator('#import-file').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.buffer) });
  await page.getByLabel(/^单位 id/).fill(unit);
  await page.getByLabel('单位名称').fill(name);
  await page.getByRole('button', { name: '导入并预览' }).click();
  const section = page.locator('[data-import-phase]');
  await expect.poll(() => section.getAttribute('data-import-phase'), { timeout: 30_000 }).toMatch(/^(done|failed)$/);
  return (await section.getAttribute('data-import-phase'))!;
}

/** Follow an in-page link (a reload would drop the preview, which lives in memory only). */
async function follow(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().click();
  await waitForReady(page);
  await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).not.toMatch(/正在加载/);
}

describe('#/import', () => {
  test('the shipped report text: findings with quotes, review list, preview on every route, downloads', async () => {
    const s = await openPage('#/import');
    const methods = watchMethods(s);
    try {
      const { page } = s;
      expect(await page.locator('h1').innerText()).toBe('导入数据');
      // The import page is linked from the footer, not the main navigation.
      expect(await page.locator('header nav a').allInnerTexts()).not.toContain('导入数据');
      expect(await page.locator('.site-footer a', { hasText: '导入数据' }).count()).toBe(1);

      expect(await importFile(page, { name: REPORT, buffer: reportBytes }, 'new-unit', '新导入单位')).toBe('done');
      expect(await page.locator('[data-import-summary]').innerText()).toMatch(/2022 年度/);
      const findings = page.locator('[data-finding]');
      expect(await findings.count()).toBeGreaterThan(0);
      // Every finding shows the passage of the text, or the quote or cell of its records.
      for (const f of await findings.all()) expect(await f.locator('[data-quote]').count(), await f.innerText()).toBeGreaterThan(0);
      expect(await page.locator('[data-import-findings] blockquote').first().innerText()).toMatch(/“.+”/);
      const review = page.locator('[data-review-item]');
      expect(await review.count()).toBeGreaterThan(0);
      expect(await review.first().innerText()).toMatch(/第 \d+ 行/);

      const axe = await runAxe(page);
      expect(axe, formatAxe(axe)).toEqual([]);

      // The JSON download is the unit-year file, with the source path the CLI would write.
      const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="json"]').click()]);
      expect(json.suggestedFilename()).toBe('new-unit-2022.json');
      const file = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { unit: string; reportYear: number; source: { file: string }; facts: Array<{ amount: number; flow: string }> };
      expect(file).toMatchObject({ unit: 'new-unit', reportYear: 2022, source: { file: 'sources/new-unit-2022.txt' } });
      expect(file.facts.some((f) => f.flow === '支出' && f.amount === 969.29)).toBe(true);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-download="xlsx"]').click()]);
      expect(xlsx.suggestedFilename()).toBe('new-unit-2022.xlsx');
      expect([...readFileSync((await xlsx.path())!).subarray(0, 2)]).toEqual([0x50, 0x4b]);

      // The preview: the overview and the spending route of the new unit, marked 预览.
      await follow(page, '[data-preview-link=""]');
      expect(page.url()).toMatch(/#\/\?unit=new-unit&year=2022/);
      expect(await page.locator('.site-header .brand-title').innerText()).toBe('新导入单位（预览）');
      expect(await page.locator('main').innerText()).toContain('969.29');
      await page.locator('header nav a', { hasText: '支出分析' }).click();
      await waitForReady(page);
      await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('969.29');
      expect(await page.locator('.site-header .brand-title').innerText()).toContain('预览');
      // The unit selector lists the preview beside the published units, marked too.
      const options = await page.locator('.toolbar select').first().locator('option').allInnerTexts();
      expect(options).toContain('新导入单位（预览）');
      expect(options).toContain('宁乡市数据资源中心');

      // Back on the import page (in-page), the report and the downloads are still there.
      await follow(page, '.site-footer a:has-text("导入数据")');
      expect(await page.locator('[data-import-phase]').getAttribute('data-import-phase')).toBe('done');
      // A finding links to the preview's quality report (whose quote checks need no source file from the server).
      const key = await page.locator('[data-finding]').first().getAttribute('data-finding');
      await follow(page, '[data-finding] h3 a');
      expect(page.url()).toContain('#/quality?unit=new-unit');
      await expect.poll(() => page.locator(`[data-result="${key}"]`).count(), { timeout: 15_000 }).toBe(1);
      expect(await page.locator('.site-header .brand-title').innerText()).toBe('新导入单位（预览）');
      expect(methods).toEqual([]);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a workbook made by npm run export previews the same unit', async () => {
    const s = await openPage('#/import');
    try {
      const { page } = s;
      expect(await importFile(page, { name: 'ningxiang-2022.xlsx', buffer: workbook }, 'xlsx-unit', '表格单位')).toBe('done');
      expect(await page.locator('[data-import-summary]').innerText()).toMatch(/ningxiang-2022\.xlsx → 2022 年度/);
      await follow(page, '[data-preview-link="spending"]');
      expect(await page.locator('.site-header .brand-title').innerText()).toBe('表格单位（预览）');
      await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('969.29');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('bad files give clear messages and the page keeps working', async () => {
    const s = await openPage('#/import');
    const methods = watchMethods(s);
    try {
      const { page } = s;
      const errors = page.locator('[data-import-errors]');
      expect(await importFile(page, { name: 'tables.txt', buffer: workbook }, 'bad-unit', '坏文件')).toBe('failed');
      expect(await errors.innerText()).toMatch(/这不是文本文件，而是ZIP 压缩包/);

      expect(await importFile(page, { name: 'empty.txt', buffer: new Uint8Array() }, 'bad-unit', '坏文件')).toBe('failed');
      expect(await errors.innerText()).toMatch(/文件是空的（0 字节）/);

      expect(await importFile(page, { name: 'tables.xlsx', buffer: Buffer.from('科目编码,科目名称,金额\n201,一般公共服务支出,1\n') }, 'bad-unit', '坏文件')).toBe('failed');
      expect(await errors.innerText()).toMatch(/扩展名为 \.xlsx，内容却是文本（不是 zip 压缩包）/);

      const nul = Buffer.from('2022年度部门决算\n说明\n\u0000\n');
      expect(await importFile(page, { name: 'nul.txt', buffer: nul }, 'bad-unit', '坏文件')).toBe('failed');
      expect(await errors.locator('[data-where]').innerText()).toBe('第 3 行');

      // The form names its own problems before anything is read.
      await page.getByLabel(/^单位 id/).fill('ningxiang-drc');
      await page.getByRole('button', { name: '导入并预览' }).click();
      await expect.poll(() => page.locator('#import-unit-problem').innerText()).toMatch(/已是发布的单位/);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('unit');

      // A GBK text is decoded and imported.
      const gbk = encodeGbk(reportBytes.toString('utf8'));
      expect(await importFile(page, { name: 'gbk.txt', buffer: gbk }, 'gbk-unit', 'GBK单位')).toBe('done');
      expect(await page.locator('[data-import-summary]').innerText()).toMatch(/gbk\.txt（GB18030）/);

      // The rest of the dashboard is untouched.
      await page.locator('header nav a', { hasText: '概览' }).click();
      await waitForReady(page);
      await page.locator('.toolbar select').first().selectOption('ningxiang-drc');
      await expect.poll(() => page.locator('.site-header .brand-title').innerText()).toBe('宁乡市数据资源中心');
      expect(await page.locator('main').innerText()).toContain('969.29');
      expect(methods).toEqual([]);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('a big file shows its progress while it is read and parsed', async () => {
    const s = await openPage('#/import');
    try {
      const { page } = s;
      // Record whether a progress bar ever appeared (a fast machine may finish within a frame).
      await page.evaluate(() => {
        const w = window as unknown as { __progressSeen: boolean };
        w.__progressSeen = false;
        new MutationObserver(() => {
          if (document.querySelector('main progress')) w.__progressSeen = true;
        }).observe(document.body, { childList: true, subtree: true });
      });
      const rows = Array.from({ length: 300_000 }, (_, i) => `第${i}行,说明文字,${i}.5`).join('\n');
      expect(await importFile(page, { name: 'big.csv', buffer: Buffer.from(rows) }, 'big-unit', '大文件')).toBe('failed');
      expect(await page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen)).toBe(true);
      // A table with no 决算 table in it says so (the page is not stuck).
      expect(await page.locator('[data-import-errors]').innerText()).toMatch(/big\.csv/);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
