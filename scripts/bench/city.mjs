/**
 * The city targets of `npm run bench` (issue 11), in the same run as the rest: sites made from the
 * one normal build with their data/ replaced by a synthetic folder compiled for it
 * (scripts/gen-synthetic.mjs + scripts/compile-data.ts --out), so only the data differs:
 *   - 1 unit × 10 years (the single-unit baseline) vs 100 units × 10 years: first chart of a unit's
 *     overview (≤ 1.2×) and of the region view (≤ 1.5× the baseline's overview);
 *   - cube-shaped data at ~10 k, ~100 k and ~1 M fact rows: first chart and JS heap of a unit's
 *     overview (1 M: ≤ 3 s, ≤ 300 MB), and the region roll-up drill (≤ 100 ms);
 *   - 5,000 units in the index: no failed request, selector filter ≤ 100 ms.
 * Medians of `runs` loads, interleaved between the sites compared.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measureLoad } from './browser.mjs';
import { ROOT, log, median, ratio, round, run, serve } from './util.mjs';
import { generateSynthetic } from '../gen-synthetic.mjs';

const TMP = join(ROOT, 'bench/tmp/city');

/** A site = the normal build's files + a compiled synthetic data folder. Returns its dir and the generator's manifest. */
async function site(name, normalDir, params) {
  const dataDir = join(TMP, `${name}-data`);
  const siteDir = join(TMP, `${name}-site`);
  const m = generateSynthetic({ ...params, out: dataDir });
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(siteDir, { recursive: true });
  for (const f of readdirSync(normalDir)) if (f !== 'data') cpSync(join(normalDir, f), join(siteDir, f), { recursive: true });
  const t0 = Date.now();
  const out = await run(process.execPath, ['--max-old-space-size=4096', join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/compile-data.ts'), '--data', dataDir, '--out', join(siteDir, 'data'), '--html', join(siteDir, 'index.html'), '--json']);
  const compiled = JSON.parse(String(out.stdout ?? out).trim().split('\n').pop());
  return { dir: siteDir, manifest: m, compileMs: Date.now() - t0, compiled };
}

const firstUnit = (m, i = 0) => `synthetic-u${String(i + 1).padStart(String(m.units).length, '0')}`;

/** Medians over `runs` interleaved loads of each [label, url, hash] target. */
async function loads(browser, targets, runs) {
  const got = Object.fromEntries(targets.map(([k]) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [k, s, hash] of i % 2 ? [...targets].reverse() : targets) {
      const m = await measureLoad(browser, { baseUrl: s.url, hash, distDir: s.dir, timeoutMs: 60_000 });
      got[k].push(m);
    }
  }
  return Object.fromEntries(
    Object.entries(got).map(([k, ms]) => [
      k,
      {
        firstChart: round(median(ms.map((m) => m.firstChart))),
        heapMB: round(median(ms.map((m) => m.heapMB)), 0),
        dataFiles: median(ms.map((m) => m.dataFiles)),
        dataServedKB: round(median(ms.map((m) => m.dataServedBytes)) / 1024),
        failed: ms.filter((m) => !m.ok).length,
        runs: ms.map((m) => round(m.firstChart)),
      },
    ]),
  );
}

/** Open the region view and drill its function roll-up `n` times, reading performance.measure('rollup-drill'). */
async function rollupDrills(browser, s, hash, n) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(s.url + hash);
    await page.waitForSelector('[data-rollup="f"] [data-rollup-line] button', { timeout: 60_000 });
    const ms = [];
    for (let i = 0; i < n; i++) {
      const before = await page.evaluate(() => performance.getEntriesByName('rollup-drill').length);
      const buttons = page.locator('[data-rollup="f"] [data-rollup-line] button');
      await buttons.nth(i % (await buttons.count())).click();
      await page.waitForFunction((b) => performance.getEntriesByName('rollup-drill').length > b, before, { timeout: 15_000 });
      ms.push(await page.evaluate(() => performance.getEntriesByName('rollup-drill').at(-1).duration));
      // Back to the top through the breadcrumb (also a measured drill).
      const b2 = await page.evaluate(() => performance.getEntriesByName('rollup-drill').length);
      await page.locator('[data-rollup="f"] .crumbs button').first().click();
      await page.waitForFunction((b) => performance.getEntriesByName('rollup-drill').length > b, b2, { timeout: 15_000 });
    }
    return { median: round(median(ms), 1), max: round(Math.max(...ms), 1), count: ms.length };
  } finally {
    await context.close();
  }
}

/** 5,000 units: every request of the first view succeeds; typing in the unit search filters in time. */
async function bigIndex(browser, s, unit) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const failed = [];
  let requests = 0;
  page.on('request', () => requests++);
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.url()} ${r.status()}`));
  try {
    await page.goto(`${s.url}#/?unit=${unit}`);
    await page.waitForSelector('[data-unit-search]', { timeout: 60_000 });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-chart]')].every((c) => c.getAttribute('data-drawn') === 'true') && document.querySelectorAll('[data-chart]').length > 0, undefined, { timeout: 60_000 });
    const ms = [];
    for (const q of ['合成单位1', '合成单位42', '地区7', '合成单位4999', '单位', '']) {
      ms.push(
        await page.evaluate(async (text) => {
          const input = document.querySelector('[data-unit-search]');
          const status = document.getElementById('unit-search-status');
          const t0 = performance.now();
          const done = new Promise((resolve) => {
            const mo = new MutationObserver(() => (mo.disconnect(), requestAnimationFrame(() => resolve(performance.now() - t0))));
            mo.observe(document.querySelector('[data-unit-select]'), { childList: true, subtree: true, characterData: true });
            mo.observe(status, { childList: true, subtree: true, characterData: true });
            setTimeout(() => resolve(performance.now() - t0), 2000);
          });
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          return done;
        }, q),
      );
    }
    return { requests, failed: failed.length, failures: failed.slice(0, 5), filterMedianMs: round(median(ms), 1), filterMaxMs: round(Math.max(...ms), 1) };
  } finally {
    await context.close();
  }
}

/** Run every city measurement; returns the results object bench.mjs stores under `city`. */
export async function measureCity(browser, { normalDir, runs = 3, drills = 7, servers }) {
  mkdirSync(TMP, { recursive: true });
  const start = async (name, params) => {
    log(`city: ${name} (${JSON.stringify(params)}) …`);
    const s = await site(name, normalDir, params);
    const srv = await serve(s.dir);
    servers.push(srv);
    return { ...s, url: srv.url, name };
  };
  const single = await start('single', { units: 1, years: 10 });
  const city = await start('city', { units: 100, years: 10 });
  const rows = [];
  for (const [label, facts] of [['10k', 10_000], ['100k', 100_000], ['1M', 1_000_000]]) rows.push([label, await start(`rows-${label}`, { shape: 'cube', facts, years: 10 })]);
  const big = await start('index-5000', { units: 5000, years: 1 });

  log('city: overview and region view, single unit vs 100 × 10 …');
  const u = firstUnit(city.manifest, 49);
  const lv = await loads(
    browser,
    [
      ['single #/', single, `#/?unit=${firstUnit(single.manifest)}`],
      ['city #/', city, `#/?unit=${u}`],
      ['city #/units', city, `#/units?unit=${u}`],
    ],
    runs,
  );
  log('city: cost growth at 10 k / 100 k / 1 M rows …');
  const growth = await loads(browser, rows.map(([label, s]) => [label, s, `#/?unit=${firstUnit(s.manifest, Math.floor(s.manifest.units / 2))}`]), runs);
  log('city: region roll-up drill on 1 M rows …');
  const m1 = rows[2][1];
  const drill = await rollupDrills(browser, m1, `#/units?unit=${firstUnit(m1.manifest)}`, drills);
  log('city: 5,000 units in the index …');
  const index = await bigIndex(browser, big, firstUnit(big.manifest, 2500));

  const first = (k) => lv[k].firstChart;
  return {
    sites: Object.fromEntries(
      [single, city, ...rows.map(([, s]) => s), big].map((s) => [s.name, { units: s.manifest.units, years: s.manifest.params.years, facts: s.manifest.facts, files: s.manifest.files, dataMB: round(s.manifest.bytes / 1e6, 1), compileMs: s.compileMs, compiledMB: round(s.compiled.compiledBytes / 1e6, 2) }]),
    ),
    loads: lv,
    ratios: { overview: ratio(first('city #/'), first('single #/')), region: ratio(first('city #/units'), first('single #/')) },
    growth: Object.fromEntries(rows.map(([label, s]) => [label, { facts: s.manifest.facts, ...growth[label] }])),
    drill,
    index,
  };
}

/** Remove the synthetic sites (they are large). */
export function cleanCity() {
  if (existsSync(TMP)) rmSync(TMP, { recursive: true, force: true });
}
