/**
 * #/tables (决算公开表): the prerendered page of two units holds their standard tables with the
 * report's figures, fetched over HTTP as a crawler or a reader without script gets it; the live
 * page downloads the same tables as an .xlsx workbook.
 */
import { readFileSync } from 'node:fs';
import { describe, inject, test } from 'vitest';
import { unpackXlsx } from '../../src/import/tables/zip';
import { openPage } from './harness';

/** The section of one table in the page's HTML (from its heading to the next section). */
const section = (html: string, code: string) => {
  const at = html.indexOf(`${code}　`, html.indexOf('<section'));
  return at < 0 ? '' : html.slice(at, html.indexOf('</section>', at));
};

describe('决算公开表', () => {
  test.for([
    // 宁乡: the first unit, at the site root; 公开03表 row 2010301 行政运行, 基本支出 187.17.
    { unit: 'ningxiang-drc', file: 'tables/index.html', shown: '公开03表', figure: '187.17', caption: '宁乡市数据资源中心2022年度支出决算表', none: '公开05表' },
    // 大英: its own folder; 公开01表 一般公共预算财政拨款收入 3,859.16; 公开08表 stated as zero.
    { unit: 'daying-wgl', file: 'u/daying-wgl/tables/index.html', shown: '公开01表', figure: '3,859.16', caption: '大英县文化广播电视和旅游局2022年度收入支出决算总表', empty: '公开08表' },
  ])('$unit: the prerendered page holds the tables and the figures', async ({ shown, file, figure, caption, none, empty }, { expect }) => {
    const res = await fetch(new URL(file, inject('rootUrl')));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>决算公开表</h1>');
    for (let n = 1; n <= 9; n++) expect(html).toContain(`公开0${n}表　`);
    const table = section(html, shown);
    // Booleans, so that a failure names the check rather than printing the page.
    expect(new RegExp(`<caption[^>]*>${caption}</caption>`).test(table), 'caption').toBe(true);
    expect(table.includes('<th scope="col"'), 'column headers').toBe(true);
    expect(new RegExp(`<td class="right[^"]*">${figure}</td>`).test(table), `figure ${figure}, right-aligned`).toBe(true);
    expect(table.includes('金额单位：万元'), 'money unit').toBe(true);
    if (none) expect(section(html, none).includes('本单位的报告没有这张表的数字。'), `${none} said to have no figures`).toBe(true);
    if (empty) expect(section(html, empty).includes('本表无数据（空表）。'), `${empty} said to be empty`).toBe(true);
    expect(section(html, none ?? empty!).includes('<table'), 'no grid for a table without figures').toBe(false);
  });

  test('the live page downloads the standard workbook', async ({ expect }) => {
    const s = await openPage('#/tables?unit=daying-wgl&year=2022', { base: 'sub' });
    try {
      const { page } = s;
      const button = page.getByRole('button', { name: '下载标准格式工作簿（XLSX）' });
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
      expect(download.suggestedFilename()).toBe('大英县文化广播电视和旅游局2022年度决算公开表.xlsx');
      const bytes = readFileSync((await download.path())!);
      // An .xlsx whose strings hold the tables' titles and whose cells hold the report's income figure.
      const parts = unpackXlsx(new Uint8Array(bytes));
      const xml = Object.values(parts).map((b) => new TextDecoder().decode(b)).join('');
      expect(xml).toContain('大英县文化广播电视和旅游局2022年度收入支出决算总表');
      expect(xml).toContain('<v>3859.16</v>');
      await expect.poll(() => page.locator('main [role="status"]').last().innerText()).toContain('已下载');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
