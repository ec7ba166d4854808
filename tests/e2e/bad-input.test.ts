/**
 * Bad input in the browser: every case of bad-fixtures.ts, served as the site would be (a copy
 * of dist/ whose data/ folder is broken; HTTP failures by route interception). For each case the
 * page names the file, record and field; views that do not need the broken part keep showing
 * their figures; no payload from the data is ever parsed as markup or run; nothing leaves
 * 127.0.0.1 and no CSP violation fires.
 *
 * One server serves every case: each case is a site of its own in its own folder (root/<case>/),
 * which the relative base makes work, so only one process starts. A case folder holds real files
 * only for what its mutation wrote; the built shell and every data file it left alone are symbolic
 * links to dist/ and data/ (the server follows them), so that setting up and removing 50-odd cases
 * writes a few files each instead of copying two hundred.
 */
import { cpSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test, type ExpectStatic } from 'vitest';
import { CASES, DATA, PAYLOADS, tempRoot, type BadCase, type StillWorks } from './bad-fixtures';
import { openPage, waitForReady, type Session } from './harness';
import { DIST, startServer, type RunningServer } from './servers';

const NAV: Record<StillWorks['route'], string> = {
  '#/': '概览',
  '#/spending': '支出分析',
  '#/assets': '资产与三公',
  '#/operations': '智慧城市运行',
  '#/quality': '数据质量',
};

let root = '';
let server: RunningServer;

/** Files under `dir`, as paths relative to it. */
function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/**
 * Make root/<case>/ for a case that breaks the data. The mutation runs on `scratch` (a case folder
 * whose data/ is a copy of data/); the files it changed or added are moved into the case folder,
 * every file or folder it left alone is a link to data/, and `scratch` is put back as it was for
 * the next case. The case serves exactly the bytes a full copy would.
 */
function linkCase(c: BadCase, scratch: string, shell: string[], original: Set<string>): void {
  const dir = join(root, c.id);
  mkdirSync(dir);
  // The other units' prerendered pages (u/) are not opened by any case: not linked.
  for (const name of shell) symlinkSync(join(DIST, name), join(dir, name));
  c.mutate!(join(scratch, 'data'));
  const now = filesIn(scratch);
  const touched = [
    ...now.filter((rel) => !original.has(rel) || !readFileSync(join(scratch, rel)).equals(readFileSync(join(DATA, relative('data', rel))))),
    ...[...original].filter((rel) => !now.includes(rel)),
  ];
  const fill = (folder: string): void => {
    mkdirSync(join(dir, folder), { recursive: true });
    for (const name of readdirSync(join(scratch, folder))) {
      const rel = join(folder, name);
      const pristine = join(DATA, relative('data', rel));
      if (!touched.some((t) => t === rel || t.startsWith(rel + sep))) {
        // (A folder a previous case's mutation made and left empty is not in data/: nothing to link.)
        if (existsSync(pristine)) symlinkSync(pristine, join(dir, rel));
      } else if (statSync(join(scratch, rel)).isDirectory()) fill(rel);
      else renameSync(join(scratch, rel), join(dir, rel));
    }
  };
  fill('');
  // Changed and removed files come back in the scratch copy; added ones have moved out.
  for (const rel of touched.filter((t) => original.has(t))) {
    mkdirSync(dirname(join(scratch, rel)), { recursive: true });
    copyFileSync(join(DATA, relative('data', rel)), join(scratch, rel));
  }
}

beforeAll(async () => {
  root = tempRoot('bad-input-e2e-');
  // The server takes its CSP header from the served index.html (scripts/serve.mjs), so the
  // placeholder at the root of the case folders carries the built page's policy too.
  const policy = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/)?.[0] ?? '';
  writeFileSync(join(root, 'index.html'), `<!doctype html>${policy}<title>bad-input cases</title>`);
  // HTTP cases break nothing on disk (their answers are intercepted in the browser): dist/ itself.
  symlinkSync(DIST, join(root, 'pristine'));
  const shell = readdirSync(DIST).filter((n) => n !== 'data' && n !== 'u');
  const scratch = tempRoot('bad-input-scratch-');
  try {
    cpSync(DATA, join(scratch, 'data'), { recursive: true });
    const original = new Set(filesIn(DATA).map((f) => join('data', f)));
    for (const c of CASES) if (c.mutate) linkCase(c, scratch, shell, original);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  server = await startServer({ dir: root });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Open the case's copy; HTTP cases install their route before the first request. */
async function open(c: BadCase): Promise<Session> {
  const folder = c.mutate ? c.id : 'pristine';
  const s = await openPage('about:blank', { url: server.url, wait: 'load' });
  if (c.http) {
    const { file, status, delayMs } = c.http;
    await s.page.route(`**/${folder}/data/${file}`, async (route) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (status) await route.fulfill({ status, contentType: 'text/plain', body: `status ${status}` }).catch(() => {});
      else await route.continue().catch(() => {});
    });
  }
  await s.page.goto(`${server.url}${folder}/${c.query ?? ''}#/`, { waitUntil: 'load' });
  await waitForReady(s.page, 30_000);
  return s;
}

async function visit(page: Page, route: StillWorks['route'], expect: ExpectStatic): Promise<void> {
  const link = page.locator('header nav a', { hasText: NAV[route] });
  await link.click();
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(new RegExp(`^${route.replace('/', '\\/')}(\\?|$)`));
  await waitForReady(page);
}

/** Markup from the data that became elements, had it ever been parsed as HTML. */
function injectedElements(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]'),
      ...[...document.scripts].filter((s) => s.textContent?.includes('__pwned')),
    ].map((e) => e.outerHTML.slice(0, 120)),
  );
}

/** Hover every chart at a few points and return the tooltip texts that appeared. */
async function hoverCharts(page: Page): Promise<string[]> {
  const texts: string[] = [];
  const boxes = await page.locator('[data-chart]').all();
  for (const box of boxes) {
    const bb = await box.boundingBox();
    if (!bb || bb.width < 10 || bb.height < 10) continue;
    await box.scrollIntoViewIfNeeded().catch(() => {});
    const b = (await box.boundingBox()) ?? bb;
    for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.4], [0.7, 0.6]]) {
      await page.mouse.move(b.x + b.width * fx, b.y + b.height * fy);
      await page.waitForTimeout(80);
      const t = await box.evaluate((el) =>
        [...el.querySelectorAll('div')]
          .filter((d) => d.style.position === 'absolute' && d.style.zIndex !== '' && d.offsetParent !== null && (d.textContent ?? '').trim())
          .map((d) => d.textContent ?? '')
          .join(' | '),
      );
      if (t) texts.push(t);
    }
  }
  await page.mouse.move(1, 1);
  return texts;
}

describe.concurrent('bad input in the browser', () => {
  test.for(CASES.filter((c) => !process.env.BAD_CASES || process.env.BAD_CASES.split(',').includes(c.id)).map((c) => [c.id, c] as const))('%s', async ([, c], { expect }) => {
    const s = await open(c);
    try {
      const { page } = s;
      // 1. The message: in the error panel, naming file › record › field.
      if (c.page.panel !== false) {
        const panel = page.locator('.error-panel');
        await panel.waitFor({ timeout: 60_000 });
        const text = await panel.innerText();
        for (const want of c.page.contains) expect(text, `${c.id}: error panel`).toContain(want);
      } else {
        if (c.page.route && c.page.route !== '#/') await visit(page, c.page.route, expect);
        for (const want of c.page.contains) {
          await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000, message: `${c.id}: ${c.page.route} shows ${want}` }).toContain(want);
        }
      }
      // The shell is never blank: header navigation and a main region stay (the indicators
      // route is listed only while the unit's indicators loaded).
      const nav = await page.locator('header nav a').allInnerTexts();
      for (const title of ['概览', '支出分析', '资产与三公', '数据质量', '大屏']) expect(nav, `${c.id}: nav`).toContain(title);

      // 2. Views that do not need the broken part keep their figures.
      for (const w of c.works ?? []) {
        await visit(page, w.route, expect);
        await expect
          .poll(() => page.locator('main').innerText(), { timeout: 15_000, message: `${c.id}: ${w.route} still shows ${w.text}` })
          .toContain(w.text);
      }

      // 3. Payloads: shown as text, never parsed or run — including in chart tooltips after hovering.
      if (c.payload) {
        const tooltips: string[] = [];
        for (const route of ['#/', '#/spending', '#/assets', '#/operations', '#/quality'] as const) {
          await visit(page, route, expect);
          await page.waitForTimeout(300);
          // Tooltips are built by one escape helper for every payload: hover with the first one only.
          if (c.payload === PAYLOADS[0]) tooltips.push(...(await hoverCharts(page)));
          expect(await injectedElements(page), `${c.id}: elements created from data on ${route}`).toEqual([]);
        }
        expect(await page.locator('body').evaluate((b) => b.textContent ?? ''), 'payload rendered literally').toContain(c.payload);
        // Where a tooltip names a data item carrying the payload, it shows it as text.
        const withMarkup = tooltips.filter((t) => t.includes('<'));
        for (const t of withMarkup) expect(t, `${c.id}: tooltip text`).toContain(c.payload);
        if (c.payload === PAYLOADS[0]) expect(withMarkup.length, `${c.id}: tooltips showing the payload as text (of ${tooltips.length})`).toBeGreaterThan(0);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), 'window.__pwned').toBeUndefined();
      }

      // 4. Whatever broke, it is reported in the page, not thrown; nothing external, no CSP violation, no dialog.
      expect(s.issues.pageErrors, `${c.id}: uncaught errors`).toEqual([]);
      expect(s.issues.external, `${c.id}: external requests`).toEqual([]);
      expect(s.issues.csp, `${c.id}: CSP violations`).toEqual([]);
      expect(s.issues.dialogs, `${c.id}: dialogs`).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
