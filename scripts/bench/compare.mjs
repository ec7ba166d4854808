/**
 * The project against its two floors (issue 21), in one run: page loads, the first answered click
 * and Lighthouse, each interleaved (the order of the sites rotates from one slot to the next, so
 * the shared machine's drift hits all alike) and summarised as medians.
 *
 * Sites: `normal` = the project's build, opened by its hash links (what a bookmark, a shared link
 * and Lighthouse open); `naive` = the naive stack floor; `static` = the physical floor. The floors
 * have one view each: they are measured in every route's slot, so each route's ratio is against
 * floor loads made at the same moment.
 */
import { measureLoad } from './browser.mjs';
import { measureClick } from './click.mjs';
import { FLOOR_VIEW, viewOf } from './routes.mjs';
import { log, median, ratio, round } from './util.mjs';

export const SITES = ['static', 'naive', 'normal'];
export const label = (route) => `#/${route}`;
/** One letter per site in the progress lines. */
const TAG = { static: 'S', naive: 'N', normal: 'P' };
const rotate = (xs, k) => xs.map((_, i) => xs[(i + k) % xs.length]);
/**
 * The URL part after the server's base for a site and a route: the project's hash link, or with
 * `routeFiles` the route's own prerendered file with the same hash (spending/#/spending?…).
 */
export const pageOf = (site, route, routeFiles = false) => {
  if (site !== 'normal') return '#/';
  const name = route.split('?')[0];
  return routeFiles && name ? `${name}/${label(route)}` : label(route);
};

/**
 * What a load did before its first chart was visible: requests started (by kind), bytes received
 * (the HTML plus every response started by then, as sent: gzip) and long tasks.
 */
export function beforeFirstVisible(m) {
  const at = m.firstVisible ?? Infinity;
  const req = (m.requests ?? []).filter((r) => r.start <= at);
  const kind = (u) => {
    const p = new URL(u).pathname;
    return /\.m?js$/.test(p) ? 'js' : p.endsWith('.css') ? 'css' : p.includes('/data/') ? 'data' : 'other';
  };
  const count = { js: 0, css: 0, data: 0, other: 0 };
  for (const r of req) count[kind(r.url)]++;
  const lt = m.longTasks ?? [];
  const early = lt.filter(([s]) => s <= at);
  return {
    scripts: count.js,
    stylesheets: count.css,
    dataFiles: count.data,
    bytes: (m.htmlBytes ?? 0) + req.reduce((s, r) => s + (r.encoded || 0), 0),
    longTasks: early.length,
    longTaskMs: round(early.reduce((s, [, d]) => s + d, 0)),
    longTasksAll: lt.length,
    longTaskMsAll: round(lt.reduce((s, [, d]) => s + d, 0)),
    longestTaskMs: round(Math.max(0, ...lt.map(([, d]) => d))),
  };
}

const MEDIAN_KEYS = ['firstVisible', 'firstChart', 'allCharts', 'fcp'];
const BEFORE_KEYS = ['scripts', 'stylesheets', 'dataFiles', 'bytes', 'longTasks', 'longTaskMs', 'longTasksAll', 'longTaskMsAll', 'longestTaskMs'];

/**
 * Loads: for each condition and run, every route's slot loads the three sites in rotating order.
 * `onLoad(site, route, m, throttle)` sees every measurement (the first-view byte table uses it).
 */
export async function measureLoads(browser, { urls, dirs, routes, throttledRoutes, runs, throttledRuns, routeFiles = false, onLoad }) {
  const timing = {};
  for (const [cond, throttle, n, list] of [
    ['unthrottled', false, runs, routes],
    ['throttled', true, throttledRuns, throttledRoutes],
  ]) {
    if (!n || !list.length) continue;
    const T = (timing[cond] = {});
    for (let i = 0; i < n; i++) {
      const line = [];
      for (const [ri, route] of list.entries()) {
        for (const site of rotate(SITES, i + ri)) {
          const accept = site === 'normal' ? viewOf(route).accept : { chart: FLOOR_VIEW.charts };
          const m = await measureLoad(browser, { baseUrl: urls[site], hash: pageOf(site, route, routeFiles), distDir: dirs[site], throttle, timeoutMs: throttle ? 90_000 : 30_000, accept });
          const slot = ((T[site] ??= {})[label(route)] ??= { runs: [] });
          slot.runs.push({ firstVisible: round(m.firstVisible), firstChart: round(m.firstChart), allCharts: round(m.allCharts), fcp: round(m.fcp), charts: m.charts, ok: m.ok, reason: m.reason, before: beforeFirstVisible(m), errors: m.errors.length ? m.errors : undefined });
          onLoad?.(site, route, m, throttle);
          line.push(`${TAG[site]}${m.firstVisible == null ? '✗' : Math.round(m.firstVisible)}`);
        }
        line.push('|');
      }
      log(`${cond} run ${i + 1}/${n} first visible chart ms (S static floor, N naive floor, P project) per route: ${line.join(' ')}`);
    }
    for (const site of Object.keys(T)) {
      for (const slot of Object.values(T[site])) {
        slot.median = Object.fromEntries(MEDIAN_KEYS.map((k) => [k, round(median(slot.runs.map((r) => r[k])))]));
        slot.before = Object.fromEntries(BEFORE_KEYS.map((k) => [k, round(median(slot.runs.map((r) => r.before[k])))]));
        slot.charts = Math.max(0, ...slot.runs.map((r) => r.charts));
        slot.failed = slot.runs.filter((r) => !r.ok || r.charts < slot.charts || r.firstVisible == null).length;
      }
    }
    // The floors over every slot of the run (one number per floor and condition).
    T.floors = Object.fromEntries(
      ['static', 'naive'].map((site) => {
        const all = Object.values(T[site] ?? {}).flatMap((s) => s.runs);
        return [site, { loads: all.length, median: Object.fromEntries(MEDIAN_KEYS.map((k) => [k, round(median(all.map((r) => r[k])))])), before: Object.fromEntries(BEFORE_KEYS.map((k) => [k, round(median(all.map((r) => r.before[k])))])) }];
      }),
    );
  }
  const ratios = {};
  for (const [cond, T] of Object.entries(timing)) {
    ratios[cond] = Object.fromEntries(
      Object.keys(T.normal ?? {}).map((r) => {
        const [p, n, s] = ['normal', 'naive', 'static'].map((site) => T[site]?.[r]?.median.firstVisible);
        return [r, { firstVisible: ratio(p, n), staticFirstVisible: ratio(s, n), overStatic: ratio(p, s) }];
      }),
    );
  }
  return { timing, ratios };
}

/** First answered click: the project on each route and the naive floor in the same slot, rotating. */
export async function measureClicks(browser, { urls, routes, runs, conditions, routeFiles = false }) {
  const out = {};
  for (const cond of conditions) {
    const throttle = cond === 'throttled';
    const C = (out[cond] = {});
    for (let i = 0; i < runs; i++) {
      const line = [];
      for (const [ri, route] of routes.entries()) {
        for (const site of rotate(['naive', 'normal'], i + ri)) {
          const target = site === 'naive' ? FLOOR_VIEW.click : viewOf(route).click;
          const m = await measureClick(browser, { url: urls[site] + pageOf(site, route, routeFiles), target, throttle, timeoutMs: throttle ? 90_000 : 30_000 });
          const slot = ((C[site] ??= {})[label(route)] ??= { runs: [] });
          slot.runs.push({ ok: m.ok, answerAt: round(m.answerAt), clickAt: round(m.clickAt), liveAt: round(m.liveAt), how: m.how, clicks: m.clicks, chart: m.chart, key: m.key, reason: m.reason, errors: m.errors?.length ? m.errors : undefined });
          line.push(`${TAG[site]}${m.ok ? Math.round(m.answerAt) : '✗'}`);
        }
        line.push('|');
      }
      log(`click ${cond} run ${i + 1}/${runs}, answered at ms (N naive floor, P project): ${line.join(' ')}`);
    }
    for (const site of Object.keys(C))
      for (const slot of Object.values(C[site])) {
        slot.median = { answerAt: round(median(slot.runs.map((r) => r.answerAt))), liveAt: round(median(slot.runs.map((r) => r.liveAt))), clicks: median(slot.runs.map((r) => r.clicks)) };
        slot.failed = slot.runs.filter((r) => !r.ok).length;
        slot.how = [...new Set(slot.runs.map((r) => r.how && `${r.how} (${r.chart} ${r.key})`).filter(Boolean))].slice(0, 2);
      }
    C.ratios = Object.fromEntries(Object.keys(C.normal ?? {}).map((r) => [r, ratio(C.normal[r].median.answerAt, C.naive?.[r]?.median.answerAt)]));
    const all = Object.values(C.naive ?? {}).flatMap((s) => s.runs);
    C.naiveFloor = { answerAt: round(median(all.map((r) => r.answerAt))), clicks: all.length };
  }
  return out;
}

/** Lighthouse mobile on each floor and each route, `runs` rounds in rotating order. */
export async function measureLighthouse({ urls, routes, runs, routeFiles = false }) {
  const { runLighthouse } = await import('./lighthouse.mjs');
  const targets = [
    ['static floor', `${urls.static}#/`],
    ['naive floor', `${urls.naive}#/`],
    ...routes.map((r) => [label(r), urls.normal + pageOf('normal', r, routeFiles)]),
  ];
  const per = Object.fromEntries(targets.map(([k]) => [k, []]));
  let meta = null;
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of rotate(targets, i)) {
      try {
        const r = await runLighthouse(url);
        meta ??= { version: r.version, preset: r.preset, throttling: r.throttling, formFactor: r.formFactor };
        per[name].push(r);
        log(`Lighthouse ${i + 1}/${runs} ${name}: ${JSON.stringify(r.scores)} LCP ${r.metrics['largest-contentful-paint']} ms TBT ${r.metrics['total-blocking-time']} ms`);
      } catch (e) {
        per[name].push({ error: String(e?.message ?? e).slice(0, 300) });
        log(`Lighthouse ${name} failed: ${String(e?.message ?? e).slice(0, 200)}`);
      }
    }
  }
  const summary = {};
  for (const [name, list] of Object.entries(per)) {
    const ok = list.filter((r) => r.scores);
    if (!ok.length) {
      summary[name] = { error: list[0]?.error ?? 'no run' };
      continue;
    }
    const pick = (k) => median(ok.map((r) => r.scores[k]));
    const metric = (k) => round(median(ok.map((r) => r.metrics[k])), 0);
    const mid = [...ok].sort((a, b) => a.scores.performance - b.scores.performance)[ok.length >> 1];
    summary[name] = {
      runs: ok.length,
      scores: { performance: pick('performance'), accessibility: pick('accessibility'), 'best-practices': pick('best-practices'), seo: pick('seo') },
      scoreRange: { performance: [Math.min(...ok.map((r) => r.scores.performance)), Math.max(...ok.map((r) => r.scores.performance))] },
      metrics: Object.fromEntries(Object.keys(mid.metrics).map((k) => [k, k === 'cumulative-layout-shift' ? median(ok.map((r) => r.metrics[k])) : metric(k)])),
      failing: mid.failing,
      bootup: mid.bootup,
      mainThread: mid.work,
      lcpElement: mid.lcpElement,
      runtimeError: mid.runtimeError,
      allRuns: ok.map((r) => ({ scores: r.scores, metrics: r.metrics })),
    };
  }
  return { ...meta, runs, targets: summary };
}
