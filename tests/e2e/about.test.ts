/**
 * #/about (关于数据) and the open data it links: for two units (one report; two report years), in
 * the prerendered page of a unit in its own folder and in the live page under a sub-path, every
 * download link answers 200 with what it says it is (CSV with its source line, JSON of the same
 * unit-year, a zip, the manifest, the data dictionary), and the report text link is the report.
 */
import { describe, test } from 'vitest';
import { inject } from 'vitest';
import { openPage } from './harness';

async function get(url: string): Promise<{ status: number; type: string; bytes: Uint8Array }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('about the data', () => {
  test('宁乡 (one report): the prerendered about page links files that exist, under a sub-path', async ({ expect }) => {
    const base = inject('subUrl');
    const html = await (await fetch(new URL('about/index.html', base))).text();
    expect(html).toContain('<h1>关于数据</h1>');
    expect(html).toContain('《宁乡市数据资源中心2022年部门整体支出绩效自评报告》');
    const hrefs = [...html.matchAll(/<a href="([^"#][^"]*)" download/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(hrefs.length).toBeGreaterThanOrEqual(7);
    for (const href of hrefs) {
      const url = new URL(href, new URL('about/index.html', base)).href;
      expect(url.startsWith(base), href).toBe(true);
      const r = await get(url);
      expect(r.status, href).toBe(200);
      const head = new TextDecoder().decode(r.bytes.slice(0, 400));
      // A byte-order mark first, so that Excel on Chinese Windows reads UTF-8.
      if (href.endsWith('.csv')) expect([...r.bytes.slice(0, 3)], href).toEqual([0xef, 0xbb, 0xbf]);
      if (href.endsWith('-facts.csv')) expect(head).toContain('金额单位：万元');
      if (href.endsWith('2022.json')) expect(JSON.parse(new TextDecoder().decode(r.bytes))).toMatchObject({ unit: 'ningxiang-drc', reportYear: 2022 });
      if (href.endsWith('.zip')) expect([...r.bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      if (href.endsWith('manifest.json')) expect(JSON.parse(new TextDecoder().decode(r.bytes))).toMatchObject({ format: 1 });
      if (href.endsWith('README.md')) expect(head).toMatch(/^# Open data/);
    }
  });

  test('綦江公路 (two report years): the live page lists both reports, each with its own files and text', async ({ expect }) => {
    const s = await openPage('#/about?unit=qijiang-gonglu-zx', { base: 'sub' });
    try {
      const { page } = s;
      await expect.poll(() => page.locator('main h2').allInnerTexts()).toEqual(['2023年度报告', '2020年度报告', '许可与开放数据']);
      for (const year of [2023, 2020]) {
        const section = page.locator(`section:has(h2#about-${year})`);
        await expect.poll(() => section.locator('dd p').first().innerText()).toContain(`${year}`);
        // The link opened the unit's own prerendered file (u/<unit>/about/), so the files are three folders up.
        const facts = await section.locator('a[download]').first().getAttribute('href');
        const url = new URL(facts!, page.url()).href;
        expect(url).toBe(new URL(`open-data/v1/units/qijiang-gonglu-zx/${year}-facts.csv`, inject('subUrl')).href);
        const csv = await get(url);
        expect(csv.status).toBe(200);
        expect(new TextDecoder().decode(csv.bytes)).toContain(`${year}`);
        const text = await section.getByRole('link', { name: '报告全文（本站存档）' }).getAttribute('href');
        const report = await get(new URL(text!, page.url()).href);
        expect(report.status).toBe(200);
        expect(new TextDecoder().decode(report.bytes)).toContain('綦江');
        // The citation names the site's address and this unit and year.
        expect(await section.locator('.citation').innerText()).toContain(`#/?unit=qijiang-gonglu-zx&year=${year}`);
      }
      await s.expectClean();
    } finally {
      await s.close();
    }
  });

  test('the footer links the about page from every route, and it lands on its heading', async ({ expect }) => {
    const s = await openPage('#/spending?unit=daying-wgl');
    try {
      await s.page.locator('footer').getByRole('link', { name: '关于数据' }).click();
      await expect.poll(() => s.page.locator('main h1').innerText()).toBe('关于数据');
      expect(s.page.url()).toContain('#/about?unit=daying-wgl');
      await expect.poll(() => s.page.locator('main').innerText()).toContain('《2022年度单位决算》，单位决算，县文化广电旅游局发布');
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
