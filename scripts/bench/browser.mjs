/**
 * Page measurements in Chromium (playwright-core + system Chromium): first-view bytes, time to
 * first / all charts drawn (from the chart-drawn:<id> marks EChart.svelte sets), and drill timings
 * (the spending view's performance.measure('drill')).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { fileSizes } from './util.mjs';
import flags from '../chromium-flags.json' with { type: 'json' };

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The flags that work on these machines, shared with the e2e harness. */
export const CHROMIUM_FLAGS = flags;
/** 4× CPU slowdown, 150 ms latency, 1.6 Mbps down/up (≈ 200 000 bytes/s): a slow mobile link. */
export const THROTTLE = { cpu: 4, latency: 150, download: 200_000, upload: 200_000 };

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (never a browser download step).`);
  // playwright gives every launch a fresh temporary profile (its own --user-data-dir).
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** A fresh context + page with the cache disabled and, optionally, the throttling applied. */
export async function freshPage(browser, { throttle = false, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  // The 1 M-row synthetic site fetches hundreds of files: keep them all in resource timing.
  await context.addInitScript(() => performance.setResourceTimingBufferSize(10_000));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE.cpu });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: THROTTLE.latency,
      downloadThroughput: THROTTLE.download,
      uploadThroughput: THROTTLE.upload,
    });
  }
  return { context, page, cdp };
}

/** In-page: the state of the chart boxes and of the shell's loading placeholders. */
function chartState() {
  const boxes = [...document.querySelectorAll('[data-chart]')];
  // Before the shell mounts there is no <main> (a slow bundle download): that is not "no charts".
  const loading = !document.querySelector('main') || !!document.querySelector('main .loading');
  const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('chart-drawn:'));
  return {
    charts: boxes.length,
    drawn: boxes.filter((b) => b.getAttribute('data-drawn') === 'true').length,
    ids: boxes.map((b) => b.getAttribute('data-chart')),
    loading,
    marks: marks.length,
    error: document.querySelector('main [role="alert"]')?.textContent?.trim().slice(0, 300) ?? null,
  };
}

/**
 * Poll until every chart box of the page is drawn and nothing changed for `quietMs` (a view may
 * add charts in stages), or — for a view without charts — until the shell stopped loading and
 * nothing appeared for `noChartMs`. Returns { ok, state, reason }.
 */
export async function waitForCharts(page, { timeoutMs = 30_000, quietMs = 600, noChartMs = 2500 } = {}) {
  const start = Date.now();
  let last = '';
  let since = Date.now();
  let state;
  while (Date.now() - start < timeoutMs) {
    state = await page.evaluate(chartState).catch(() => null);
    const key = state ? `${state.charts}/${state.drawn}/${state.marks}/${state.loading}` : 'x';
    if (key !== last) {
      last = key;
      since = Date.now();
    }
    const quiet = Date.now() - since;
    if (state && !state.loading && state.charts > 0 && state.drawn === state.charts && quiet >= quietMs) return { ok: true, state };
    if (state && !state.loading && state.charts === 0 && quiet >= noChartMs) return { ok: true, state, reason: 'no charts on this route' };
    await page.waitForTimeout(100);
  }
  return { ok: false, state, reason: `charts not all drawn within ${timeoutMs / 1000} s (${state?.drawn ?? '?'}/${state?.charts ?? '?'} drawn${state?.error ? `; page says: ${state.error}` : ''})` };
}

/**
 * In-page, from before the HTML is parsed: the first frame in which a chart is rendered visible —
 * an SVG chart in a chart box (the prerendered pages) or a drawn canvas (data-drawn="true"), laid
 * out with a size and not hidden (below the fold counts: the overview's chart sits under its
 * cards) — as ms from navigation start. Frames run just before paint.
 */
const FIRST_VISIBLE = `(() => {
  const seen = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && (!el.checkVisibility || el.checkVisibility({ visibilityProperty: true })); };
  // window.__fvAccept (measureLoad's accept): only the requested view's charts count, not another
  // view's prerendered chart shown first (a chart id pattern, and the unit the unit selector shows).
  const accept = window.__fvAccept ?? {};
  const chartRe = accept.chart ? new RegExp(accept.chart) : null;
  const ours = (box) => (!chartRe || chartRe.test(box.getAttribute('data-chart') ?? '')) && (!accept.unit || document.querySelector('select[data-unit-select]')?.value === accept.unit);
  const check = () => {
    const boxes = [...document.querySelectorAll('[data-chart]')].filter(ours);
    const svg = boxes.some((b) => [...b.querySelectorAll('svg')].some(seen));
    const canvas = boxes.some((b) => b.getAttribute('data-drawn') === 'true' && [...b.querySelectorAll('canvas')].some(seen));
    if (svg || canvas) window.__firstVisible = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** In-page, from before the HTML is parsed: every long task (≥ 50 ms) of the main thread, as [start, duration]. */
const LONG_TASKS = `(() => {
  window.__longTasks = [];
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true }); } catch {}
})();`;

/** In-page: timings from the chart-drawn marks (relative to navigation start) and resource timing. */
function pageTimings() {
  const marks = performance.getEntriesByType('mark');
  const firstById = new Map();
  for (const m of marks) {
    if (!m.name.startsWith('chart-drawn:')) continue;
    const id = m.name.slice('chart-drawn:'.length);
    if (!firstById.has(id)) firstById.set(id, m.startTime);
  }
  const ids = [...document.querySelectorAll('[data-chart]')].map((b) => b.getAttribute('data-chart'));
  const times = ids.map((id) => firstById.get(id)).filter((t) => t != null);
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const resources = performance.getEntriesByType('resource').map((r) => ({
    url: r.name,
    start: r.startTime,
    end: r.responseEnd,
    encoded: r.encodedBodySize,
    decoded: r.decodedBodySize,
    transfer: r.transferSize,
  }));
  return {
    firstChart: times.length ? Math.min(...times) : null,
    allCharts: times.length === ids.length && ids.length ? Math.max(...times) : null,
    chartIds: ids,
    fcp: fcp ? fcp.startTime : null,
    firstVisible: window.__firstVisible ?? null,
    longTasks: window.__longTasks ?? [],
    htmlBytes: nav ? nav.encodedBodySize : null,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
    load: nav ? nav.loadEventEnd : null,
    heapMB: performance.memory ? performance.memory.usedJSHeapSize / 2 ** 20 : null,
    resources,
  };
}

/** Map a served URL back to the file of the build directory it came from. */
function distFile(distDir, baseUrl, url) {
  const path = decodeURIComponent(new URL(url).pathname);
  const base = new URL(baseUrl).pathname;
  return join(distDir, path.startsWith(base) ? path.slice(base.length) : path);
}

/**
 * Load `baseUrl + hash` once in a fresh context and measure it. `distDir` lets JS/CSS bytes be
 * read (raw + gzip -9) from the build itself; `encoded` is what the server actually sent (gzip -6).
 * `accept` ({ chart: id pattern, unit }) limits the first visible chart to the requested view's.
 */
export async function measureLoad(browser, { baseUrl, hash, distDir, throttle = false, timeoutMs = 30_000, accept = null }) {
  const { context, page } = await freshPage(browser, { throttle });
  await context.addInitScript(`window.__fvAccept = ${JSON.stringify(accept ?? {})};\n${FIRST_VISIBLE}`);
  await context.addInitScript(LONG_TASKS);
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status(), type: r.request().resourceType() }));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  try {
    const t0 = Date.now();
    await page.goto(baseUrl + hash, { waitUntil: 'commit', timeout: timeoutMs });
    const w = await waitForCharts(page, { timeoutMs, quietMs: throttle ? 700 : 500, noChartMs: throttle ? 3000 : 1500 });
    const t = await page.evaluate(pageTimings);
    const cutoff = t.allCharts ?? Infinity;
    const timingOf = new Map(t.resources.map((r) => [r.url, r]));
    // JS/CSS the page fetched before its last chart was drawn (all of them on a route without charts).
    const assets = responses
      .filter((r) => /\.(m?js|css)(\?|$)/.test(new URL(r.url).pathname))
      .filter((r) => (timingOf.get(r.url)?.start ?? 0) <= cutoff)
      .map((r) => {
        const file = distFile(distDir, baseUrl, r.url);
        const sizes = existsSync(file) ? fileSizes(file) : { raw: null, gzip: null };
        const rt = timingOf.get(r.url);
        return { file: file.slice(distDir.length + 1), kind: r.url.includes('.css') ? 'css' : 'js', status: r.status, ...sizes, served: rt?.encoded ?? null, at: rt ? Math.round(rt.end) : null };
      });
    const data = t.resources.filter((r) => /\/data\//.test(r.url));
    return {
      ok: w.ok,
      reason: w.reason ?? null,
      wallMs: Date.now() - t0,
      charts: t.chartIds.length,
      firstChart: t.firstChart,
      allCharts: t.allCharts,
      firstVisible: t.firstVisible,
      fcp: t.fcp,
      domContentLoaded: t.domContentLoaded,
      heapMB: t.heapMB,
      assets,
      dataFiles: data.length,
      dataServedBytes: data.reduce((s, r) => s + (r.encoded || 0), 0),
      dataRawBytes: data.reduce((s, r) => s + (r.decoded || 0), 0),
      // What happened before the first chart showed (scripts and bytes fetched, long tasks): the
      // difference from the static page.
      longTasks: t.longTasks,
      htmlBytes: t.htmlBytes,
      requests: t.resources.map(({ url, start, encoded }) => ({ url, start, encoded })),
      errors,
    };
  } finally {
    await context.close();
  }
}

/** In-page: candidates for a drill: what the spending view marks as drillable, else table rows. */
function drillCandidates() {
  const visible = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const sets = [
    ['row button of a DataTable', 'main [data-table] tbody tr .row-btn'],
    ['[data-drill]', 'main [data-drill]'],
    ['button in a table row', 'main table tbody tr button'],
    ['link in a table row', 'main table tbody tr a[href]'],
    ['focusable table row', 'main table tbody tr[tabindex], main table tbody tr[role="button"]'],
  ];
  for (const [how, sel] of sets) {
    const n = [...document.querySelectorAll(sel)].filter(visible).length;
    if (n) return { how, selector: sel, count: n };
  }
  return null;
}

const drillCount = () => performance.getEntriesByName('drill', 'measure').length;

/**
 * Open #/spending, then drill `n` times from the top level and read each performance.measure('drill').
 * Clicks what the view marks as drillable (falls back to keyboard Enter on it); when nothing is
 * clickable, sets location.hash to a deeper path and times the redraw from the chart-drawn marks.
 */
export async function measureDrills(browser, { baseUrl, n = 7, paths = [], timeoutMs = 30_000, drillTimeoutMs = 15_000 }) {
  const { context, page } = await freshPage(browser, { throttle: false });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  const out = { method: null, runs: [], notes: [], errors };
  try {
    const t0 = Date.now();
    await page.goto(`${baseUrl}#/spending`, { waitUntil: 'commit', timeout: timeoutMs });
    const w = await waitForCharts(page, { timeoutMs });
    out.loadWallMs = Date.now() - t0;
    out.load = await page.evaluate(pageTimings).then(({ resources, ...rest }) => ({ ...rest, dataFiles: resources.filter((r) => r.url.includes('/data/')).length }));
    if (!w.ok) {
      out.notes.push(`#/spending did not finish drawing: ${w.reason}`);
      return out;
    }
    const topHash = await page.evaluate(() => location.hash);
    const cand = await page.evaluate(drillCandidates);
    if (!cand && !w.state.charts) {
      out.notes.push('#/spending has no drill rows and no charts yet: nothing to time');
      return out;
    }
    for (let i = 0; i < n; i++) {
      const before = await page.evaluate(drillCount);
      let how = null;
      if (cand) {
        const target = page.locator(cand.selector).nth(i % cand.count);
        await target.scrollIntoViewIfNeeded().catch(() => {});
        await target.click({ timeout: 5000 }).catch((e) => out.notes.push(`click failed: ${String(e).slice(0, 120)}`));
        how = `click on ${cand.how}`;
        let ok = await page.waitForFunction((b) => performance.getEntriesByName('drill', 'measure').length > b, before, { timeout: drillTimeoutMs, polling: 50 }).then(() => true, () => false);
        if (!ok) {
          await target.focus().catch(() => {});
          await page.keyboard.press('Enter');
          how = `keyboard Enter on ${cand.how}`;
          ok = await page.waitForFunction((b) => performance.getEntriesByName('drill', 'measure').length > b, before, { timeout: drillTimeoutMs, polling: 50 }).then(() => true, () => false);
        }
        if (ok) {
          // Let late chart-drawn marks land, then cross-check the view's measure against them.
          await page.waitForTimeout(300);
          const r = await page.evaluate(() => {
            const m = performance.getEntriesByName('drill', 'measure').at(-1);
            const redrawn = performance.getEntriesByType('mark').filter((k) => k.name.startsWith('chart-drawn:') && k.startTime >= m.startTime);
            return {
              ms: m.duration,
              lastChartDrawnMs: redrawn.length ? Math.max(...redrawn.map((k) => k.startTime)) - m.startTime : null,
              redrawnCharts: new Set(redrawn.map((k) => k.name)).size,
              hash: location.hash,
              charts: document.querySelectorAll('[data-chart]').length,
            };
          });
          out.runs.push({ ...r, how });
        } else {
          out.notes.push(`drill ${i + 1}: no performance.measure('drill') after ${how}`);
          how = null;
        }
      }
      if (!how) {
        // Fallback: a deeper path straight into the URL; time until every chart has a new chart-drawn mark.
        const path = paths[i % Math.max(1, paths.length)];
        if (!path) break;
        const res = await page.evaluate(
          async ({ path, limit }) => {
            const boxes = () => [...document.querySelectorAll('[data-chart]')];
            const start = performance.now();
            performance.mark('bench-drill-start');
            location.hash = location.hash.includes('path=') ? location.hash.replace(/path=[^&]*/, `path=${path}`) : `${location.hash}&path=${path}`;
            const deadline = start + limit;
            let lastChange = performance.now();
            let lastKey = '';
            while (performance.now() < deadline) {
              await new Promise((r) => setTimeout(r, 30));
              const marks = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('chart-drawn:') && m.startTime > start);
              const ids = boxes().map((b) => b.getAttribute('data-chart'));
              const allNew = ids.length > 0 && ids.every((id) => marks.some((m) => m.name === `chart-drawn:${id}`)) && boxes().every((b) => b.getAttribute('data-drawn') === 'true');
              const key = `${marks.length}/${ids.length}`;
              if (key !== lastKey) {
                lastKey = key;
                lastChange = performance.now();
              }
              if (allNew && performance.now() - lastChange > 400) return { ms: Math.max(...marks.map((m) => m.startTime)) - start, charts: ids.length, hash: location.hash };
            }
            return { ms: null, charts: boxes().length, hash: location.hash };
          },
          { path, limit: drillTimeoutMs },
        );
        out.runs.push({ ...res, how: `location.hash → path=${path} (fallback: no clickable drill row)` });
      }
      // Back to the top level for the next drill, and let every chart settle.
      await page.evaluate((h) => {
        if (location.hash !== h) location.hash = h;
      }, topHash);
      await page.waitForTimeout(150);
      await waitForCharts(page, { timeoutMs: drillTimeoutMs, quietMs: 400 });
    }
    out.method = out.runs[0]?.how ?? null;
    out.candidates = cand;
    return out;
  } finally {
    await context.close();
  }
}

/** A fresh temp dir (for Lighthouse's chrome profile); removed by the returned function. */
export function tempProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-chrome-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
