#!/usr/bin/env node
/**
 * The performance benchmark (`npm run bench`; never part of `npm test`). Builds the site (the
 * real build with its prerender, into bench/tmp/dist) and its two floors (scripts/bench/floors.mjs:
 * the naive stack floor, a separate minimal Svelte + ECharts + Arquero app in bench/floors/naive,
 * and the physical floor, the same three charts as inline SVG without script), serves all three
 * with scripts/serve.mjs (gzip) and measures them in the same run, interleaved
 * (scripts/bench/compare.mjs), so ratios cancel out the shared 2-core machine's noise:
 *   - first visible chart (and first / all charts drawn, FCP) on every route's hash link,
 *     unthrottled and throttled (4× CPU, 150 ms, 1.6 Mbps), with what happened before it:
 *     scripts, stylesheets and data requested, bytes received, long tasks;
 *   - the time until a live chart answers a click (scripts/bench/click.mjs), project and naive floor;
 *   - Lighthouse 12.8 (mobile preset) on each route and each floor;
 *   - first-view JS+CSS bytes per route (raw and gzip -9) and where they come from;
 *   - the spending drill (performance.measure('drill')) on the report's data and on ~1 M
 *     synthetic fact rows (scripts/gen-synthetic.mjs), plus the drill transform in Node;
 *   - Arquero against a hand-written loop over the same 1 M rows;
 *   - the city targets (scripts/bench/city.mjs): 100 units × 10 years against one unit, the region
 *     view, cost growth at 10 k / 100 k / 1 M rows, the roll-up drill, 5,000 units in the index.
 * Writes bench/results.json (raw runs, medians, environment) and bench/results.md.
 *
 * Options: --runs N (default 5) · --throttled-runs N · --click-runs N · --lighthouse-runs N (default 3) · --drills N (9)
 *          --routes ,spending,… (default: every route and the second unit's spending link) · --throttled-routes …
 *          --click-routes … · --lighthouse-routes … (default: --routes)
 *          --skip-build · --skip-loads · --skip-click · --skip-lighthouse · --skip-drill · --skip-synthetic · --skip-node · --skip-city
 *          --route-files: open the project's routes by their prerendered files (spending/#/spending…) instead of the hash links
 *          --keep: start from the existing bench/results.json and replace only the parts this run measures
 *          (rerun one part: e.g. --skip-build --skip-loads --skip-click --skip-drill --skip-synthetic --skip-node --skip-city --keep)
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CHROMIUM, launchBrowser, THROTTLE, measureDrills } from './bench/browser.mjs';
import { ROOT, exists, fileSizes, log, median, round, run, serve } from './bench/util.mjs';
import { renderMarkdown } from './bench/report.mjs';
import { composition, mergeCompositions } from './bench/composition.mjs';
import { generateSynthetic } from './gen-synthetic.mjs';
import { measureCity } from './bench/city.mjs';
import { buildFloors } from './bench/floors.mjs';
import { label, measureClicks, measureLighthouse, measureLoads } from './bench/compare.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
/** Every route of the app, then a link to the second unit of data/index.json (its spending view: its overview has no chart). */
function defaultRoutes() {
  const routes = ['', 'spending', 'assets', 'operations', 'quality', 'screen', 'units'];
  try {
    const second = JSON.parse(readFileSync(join(ROOT, 'data/index.json'), 'utf8')).units?.[1]?.id;
    if (second) routes.push(`spending?unit=${second}`);
  } catch {}
  return routes.join(',');
}
const RUNS = Math.max(1, Number(opt('runs', 5)));
const THROTTLED_RUNS = Math.max(1, Number(opt('throttled-runs', RUNS)));
const CLICK_RUNS = Math.max(1, Number(opt('click-runs', RUNS)));
const LH_RUNS = Math.max(1, Number(opt('lighthouse-runs', 3)));
const DRILLS = Math.max(5, Number(opt('drills', 9)));
const ROUTES = opt('routes', defaultRoutes()).split(',');
const THROTTLED_ROUTES = opt('throttled-routes', ROUTES.join(',')).split(',');
const CLICK_ROUTES = opt('click-routes', ROUTES.join(',')).split(',');
const LH_ROUTES = opt('lighthouse-routes', ROUTES.join(',')).split(',');
const ROUTE_FILES = flag('route-files');
// Private build dirs: the e2e suite rebuilds dist/ at any time, which would pull files from under
// the server mid-run. `normal` = the project (same config and output as dist/).
const FLOORS_DIR = join(ROOT, 'bench/tmp/floors');
const BUILDS = { normal: join(ROOT, 'bench/tmp/dist'), naive: join(FLOORS_DIR, 'naive'), static: join(FLOORS_DIR, 'static') };
const BENCH_DIR = join(ROOT, 'bench');

const results = {
  environment: {
    date: new Date().toISOString(),
    node: process.version,
    chromium: (() => {
      try {
        return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      } catch {
        return null;
      }
    })(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryGB: round(totalmem() / 2 ** 30, 1),
    platform: `${process.platform} ${process.arch}`,
    commit: (() => {
      try {
        const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
        const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' (uncommitted changes)' : '';
        return head + dirty;
      } catch {
        return null;
      }
    })(),
  },
  config: { runs: RUNS, throttledRuns: THROTTLED_RUNS, clickRuns: CLICK_RUNS, drills: DRILLS, lighthouseRuns: LH_RUNS, routes: ROUTES.map(label), throttledRoutes: THROTTLED_ROUTES.map(label), clickRoutes: CLICK_ROUTES.map(label), lighthouseRoutes: LH_ROUTES.map(label), throttle: THROTTLE, viewport: '1280×900', projectPages: ROUTE_FILES ? 'route files (<route>/#/<route>…)' : 'hash links (/#/<route>…)' },
  builds: {},
  floors: null,
  firstView: {},
  timing: {},
  ratios: {},
  click: null,
  composition: null,
  drill: null,
  synthetic: null,
  city: null,
  node: null,
  lighthouse: null,
  notes: [
    ROUTE_FILES
      ? "The project is opened by its routes' prerendered files (http://host/spending/#/spending …, --route-files). Builds go to bench/tmp/ (the e2e suite rebuilds dist/ at any time, which would pull files from under the server mid-run)."
      : 'The project is opened by its hash links (http://host/#/spending …), as a bookmark, a shared link and Lighthouse open it; such a link loads index.html, whose prerendered view is the overview (--route-files measures the routes\' own prerendered files instead). Builds go to bench/tmp/ (the e2e suite rebuilds dist/ at any time, which would pull files from under the server mid-run).',
    'Naive floor: bench/floors/naive, a separate minimal Svelte 5 + ECharts (the whole package, canvas) + Arquero app built by Vite as one bundle with its own config; it fetches one unit-year JSON file (the first unit of data/index.json, copied as it is) and draws three charts (bar, pie, line) from Arquero tables. Static floor: the same three charts from the same options, rendered to inline SVG by ECharts\' server-side renderer into one HTML page without script (bench/floors/static/generate.mjs). Both are built at bench time into bench/tmp/floors.',
    "First visible chart = the first animation frame, from navigation start, in which a chart box ([data-chart]) holds an <svg> (the prerendered charts, the static floor) or a drawn canvas (data-drawn=\"true\": ECharts reported 'finished') with a non-zero size and not hidden (below the fold counts).",
    "Click answer = from navigation start to the first frame in which the view shows the selection a mouse click on a chart item made: the URL hash changes (overview, spending, assets, operations, quality, the naive floor), #/screen's callout shows the item (data-current), #/units' roll-up crumbs change. The item is clicked as soon as a live chart has drawn it (polled every 50 ms; largest item first, checked with zrender's hit test); the page gets ?e2e before the hash so that the charts are reachable (window.__charts), nothing else changes.",
    'Before first visible chart: requests whose resource-timing start precedes that frame (scripts, stylesheets, data files), bytes as received (the HTML plus those responses, gzip), and long tasks (≥ 50 ms, PerformanceObserver) started by then; "all" = long tasks until the load settled.',
    "First-view bytes = every .js/.css response whose request started before the route's last chart-drawn mark (playwright response events + resource timing), sized from the build files.",
    "Drill = the spending view's own performance.measure('drill') (drill-start → every chart box drawn), cross-checked against the last chart-drawn mark.",
    'Synthetic data (bench/synthetic, gitignored) is generated by scripts/gen-synthetic.mjs: synthetic units with the real classification codes, marked synthetic in ids, names, source and notes; never written to data/.',
  ],
};
const servers = [];
let browser;

async function main() {
  const started = Date.now();
  // 1. Build the project (npm run build: vite build + the prerender of every route) and the floors.
  if (!flag('skip-build')) {
    log('building the project → bench/tmp/dist/ …');
    try {
      // Hidden sourcemaps: identical JS (same hashes), plus .map files to attribute first-view bytes.
      await run(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--logLevel', 'warn', '--outDir', BUILDS.normal, '--emptyOutDir', '--sourcemap', 'hidden'], { env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
    } catch (e) {
      console.error(e.output ?? e);
      throw new Error('the project build failed — the benchmark needs a building site (does npm run build pass?)');
    }
  }
  // The floors are quick to build: with --skip-build only when they are missing.
  if (!flag('skip-build') || !exists(join(BUILDS.naive, 'index.html')) || !exists(join(BUILDS.static, 'index.html'))) {
    log('building the floors → bench/tmp/floors/ …');
    results.floors = await buildFloors(FLOORS_DIR);
  }
  results.floors = { data: results.floors?.data ?? null, naive: BUILDS.naive.slice(ROOT.length + 1), static: BUILDS.static.slice(ROOT.length + 1) };
  for (const [name, dir] of Object.entries(BUILDS)) {
    if (!exists(join(dir, 'index.html'))) throw new Error(`${dir} has no build; run without --skip-build`);
    results.builds[name] = { dir: dir.slice(ROOT.length + 1), ...assetTotals(dir), html: fileSizes(join(dir, 'index.html')) };
  }

  // 2. Serve all three (scripts/serve.mjs, gzip, free ports).
  const urls = {};
  for (const [name, dir] of Object.entries(BUILDS)) {
    const s = await serve(dir);
    servers.push(s);
    urls[name] = s.url;
    log(`${name} served at ${s.url}`);
  }
  browser = await launchBrowser();
  results.environment.chromiumDriven = browser.version();

  // 3. Loads of the three sites, interleaved, unthrottled and throttled.
  if (!flag('skip-loads')) {
    const { timing, ratios } = await measureLoads(browser, {
      urls,
      dirs: BUILDS,
      routes: ROUTES,
      throttledRoutes: THROTTLED_ROUTES,
      runs: RUNS,
      throttledRuns: THROTTLED_RUNS,
      routeFiles: ROUTE_FILES,
      onLoad: (site, route, m, throttle) => {
        if (!throttle) recordFirstView(site, route, m);
      },
    });
    results.timing = timing;
    results.ratios = ratios;
  }
  // 3b. The first answered click, project and naive floor, interleaved.
  if (!flag('skip-click')) results.click = await measureClicks(browser, { urls, routes: CLICK_ROUTES, runs: CLICK_RUNS, conditions: ['unthrottled', 'throttled'], routeFiles: ROUTE_FILES });

  // Where the first-view bytes go, by package / src folder (from the hidden sourcemaps).
  results.composition = {};
  for (const route of ['#/', '#/spending']) {
    const fv = results.firstView.normal?.[route];
    if (!fv) continue;
    const per = fv.files.filter((f) => f.kind === 'js').map((f) => {
      const c = composition(join(BUILDS.normal, f.file));
      // Approximate gzip per group with the chunk's own compression ratio.
      return c && Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Math.round((v * f.gzip) / f.raw)]));
    });
    results.composition[route] = { gzipApprox: mergeCompositions(per, { coarse: true, top: 10 }), gzipApproxDetail: mergeCompositions(per, { top: 20 }) };
  }

  // 4. Drill on the report's data.
  if (!flag('skip-drill')) {
    log(`drill on the report's data: ${DRILLS} drills on #/spending …`);
    const paths = drillPaths(join(ROOT, 'data'));
    results.drill = summarizeDrill(await measureDrills(browser, { baseUrl: urls.normal, n: DRILLS, paths }));
    log(`drill: median ${results.drill.median ?? '—'} ms via ${results.drill.method ?? 'nothing'}`);
  }

  // 5. ~1 M synthetic rows: in the page (a copy of dist with data/ replaced) and in Node.
  if (!flag('skip-synthetic')) {
    log('synthetic data: generating (or reusing) bench/synthetic …');
    const manifest = generateSynthetic({ shape: 'cube', facts: 1_000_000, years: 10, out: join(BENCH_DIR, 'synthetic/data') });
    results.synthetic = { manifest: { synthetic: manifest.synthetic, facts: manifest.facts, files: manifest.files, units: manifest.units, years: manifest.years, bytes: manifest.bytes } };
    const copy = mkdtempSync(join(tmpdir(), 'bench-synthetic-dist-'));
    cpSync(BUILDS.normal, copy, { recursive: true, filter: (src) => !src.startsWith(join(BUILDS.normal, 'data')) });
    symlinkSync(join(BENCH_DIR, 'synthetic/data'), join(copy, 'data'), 'dir');
    const s = await serve(copy);
    servers.push({ ...s, stop: async () => (await s.stop(), rmSync(copy, { recursive: true, force: true })) });
    log(`synthetic site served at ${s.url}; loading ${manifest.facts.toLocaleString('en')} facts in the page (this takes a while) …`);
    const d = await measureDrills(browser, { baseUrl: s.url, n: DRILLS, paths: drillPaths(join(BENCH_DIR, 'synthetic/data')), timeoutMs: 240_000, drillTimeoutMs: 30_000 });
    results.synthetic.page = { load: d.load ? { wallMs: d.loadWallMs, firstChart: round(d.load.firstChart), allCharts: round(d.load.allCharts), heapMB: round(d.load.heapMB, 0), dataFiles: d.load.dataFiles } : null, drill: summarizeDrill(d) };
    log(`synthetic page: load ${d.loadWallMs} ms wall, all charts at ${round(d.load?.allCharts, 0) ?? '—'} ms; drill median ${results.synthetic.page.drill.median ?? '—'} ms`);
  }
  // 6. The city targets (issue 11): compiled synthetic sites from the same build.
  if (!flag('skip-city')) {
    try {
      results.city = await measureCity(browser, { normalDir: BUILDS.normal, runs: RUNS, drills: DRILLS, servers });
      const c = results.city;
      log(`city: overview ${c.ratios.overview}× single, region ${c.ratios.region}×; 1 M rows first chart ${c.growth['1M']?.firstChart} ms, heap ${c.growth['1M']?.heapMB} MB; roll-up drill ${c.drill.median} ms; 5,000 units: ${c.index.failed} failed, filter ${c.index.filterMedianMs} ms`);
    } catch (e) {
      results.city = { error: String(e?.stack ?? e).slice(0, 1500) };
      log('city failed:', results.city.error);
    }
  }
  if (!flag('skip-node') && exists(join(BENCH_DIR, 'synthetic/data/index.json'))) {
    log('Node: load path, table build, drill transform and Arquero vs loop on the synthetic rows …');
    const outDir = mkdtempSync(join(tmpdir(), 'bench-node-'));
    const outFile = join(outDir, 'node.json');
    try {
      await run(process.execPath, ['--max-old-space-size=8192', join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'scripts/bench/node-transforms.mjs'), join(BENCH_DIR, 'synthetic/data'), String(RUNS), outFile]);
      results.node = JSON.parse(readFileSync(outFile, 'utf8'));
      log(`Node: drill ${results.node.drill?.top?.median ?? '—'} ms (top), Arquero ${results.node.groupSum.arquero.median} ms vs loop ${results.node.groupSum.loopObjects.median} ms`);
    } catch (e) {
      results.node = { error: String(e.output ?? e).slice(-800) };
      log('Node transforms failed:', results.node.error);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }

  await browser.close();
  browser = null;

  // 7. Lighthouse on each route and each floor (own Chromium via chrome-launcher), interleaved.
  if (!flag('skip-lighthouse')) {
    log(`Lighthouse (mobile preset) on both floors and ${LH_ROUTES.length} routes × ${LH_RUNS} …`);
    try {
      results.lighthouse = await measureLighthouse({ urls, routes: LH_ROUTES, runs: LH_RUNS, routeFiles: ROUTE_FILES });
    } catch (e) {
      results.lighthouse = { error: `Lighthouse could not run here: ${String(e?.message ?? e).slice(0, 500)}` };
      log(results.lighthouse.error);
    }
  }

  results.environment.benchSeconds = Math.round((Date.now() - started) / 1000);
  write();
  log(`wrote bench/results.json and bench/results.md (${results.environment.benchSeconds} s)`);
}

/** Every JS/CSS file of a build with raw and gzip sizes (the whole-site picture). */
function assetTotals(dir) {
  const files = readdirRec(join(dir, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const s = fileSizes(join(dir, 'assets', f));
    raw += s.raw;
    gzip += s.gzip;
  }
  return { jsCssFiles: files.length, jsCssRaw: raw, jsCssGzip: gzip };
}
function readdirRec(dir) {
  if (!exists(dir)) return [];
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? readdirRec(join(dir, n)).map((x) => `${n}/${x}`) : [n]));
}

/** First-view JS/CSS of a route (kept from the first run; later runs only check it is the same set). */
function recordFirstView(build, route, m) {
  const fv = ((results.firstView[build] ??= {})[label(route)] ??= null);
  const files = [...new Map(m.assets.map((a) => [a.file, a])).values()].sort((a, b) => (b.gzip ?? 0) - (a.gzip ?? 0));
  const sum = (kind, key) => files.filter((f) => !kind || f.kind === kind).reduce((s, f) => s + (f[key] ?? 0), 0);
  // Which files are the chart runtime (ECharts, zrender, the chart-type chunks), from the hidden
  // sourcemaps; the rest is what the route needs to paint its text, figures and tables.
  const isChartRuntime = (f) => {
    if (f.kind !== 'js' || build !== 'normal') return false;
    const c = composition(join(BUILDS[build], f.file));
    if (!c) return false;
    const total = Object.values(c).reduce((a, b) => a + b, 0);
    const charts = Object.entries(c)
      .filter(([k]) => /^(echarts|zrender)\//.test(k) || k.startsWith('src/ui/chart-types'))
      .reduce((a, [, v]) => a + v, 0);
    return total > 0 && charts / total >= 0.9;
  };
  const before = files.filter((f) => !isChartRuntime(f));
  const entry = {
    beforeCharts: build === 'normal' ? { gzip: before.reduce((s, f) => s + (f.gzip ?? 0), 0), raw: before.reduce((s, f) => s + (f.raw ?? 0), 0), files: before.length } : null,
    files: files.map(({ file, kind, raw, gzip, served }) => ({ file, kind, raw, gzip, served, chartRuntime: isChartRuntime({ file, kind }) })),
    js: { raw: sum('js', 'raw'), gzip: sum('js', 'gzip') },
    css: { raw: sum('css', 'raw'), gzip: sum('css', 'gzip') },
    total: { raw: sum(null, 'raw'), gzip: sum(null, 'gzip'), served: sum(null, 'served') },
    charts: m.charts,
    complete: m.ok,
    data: { files: m.dataFiles, servedBytes: m.dataServedBytes, rawBytes: m.dataRawBytes },
    sameAcrossRuns: true,
  };
  if (!fv) results.firstView[build][label(route)] = entry;
  else if (fv.files.map((f) => f.file).join() !== entry.files.map((f) => f.file).join()) fv.sameAcrossRuns = false;
}

/** Deeper drill paths for the hash fallback: the top functional 类 codes the data has. */
function drillPaths(dataDir) {
  try {
    const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
    const tree = JSON.parse(readFileSync(join(dataDir, index.classifications.functional), 'utf8'));
    return tree.nodes.filter((n) => n.level === 1).map((n) => `f:${n.code}`);
  } catch {
    return ['b:基本支出', 'b:项目支出'];
  }
}

function summarizeDrill(d) {
  const ms = d.runs.map((r) => r.ms).filter((x) => x != null);
  return {
    method: d.method,
    fallback: !!d.method?.includes('fallback'),
    median: round(median(ms), 1),
    min: ms.length ? round(Math.min(...ms), 1) : null,
    max: ms.length ? round(Math.max(...ms), 1) : null,
    count: ms.length,
    // Independent check: click → last chart-drawn mark (the view's measure should not be shorter).
    lastChartDrawnMedian: round(median(d.runs.map((r) => r.lastChartDrawnMs)), 1),
    runs: d.runs.map((r) => ({ ...r, ms: round(r.ms, 1), lastChartDrawnMs: round(r.lastChartDrawnMs, 1) })),
    candidates: d.candidates ?? null,
    notes: d.notes,
    errors: d.errors,
  };
}

/** The parts a run may skip; with --keep they come from the previous bench/results.json. */
const PARTS = ['timing', 'ratios', 'firstView', 'composition', 'click', 'lighthouse', 'drill', 'synthetic', 'city', 'node'];
const empty = (v) => v == null || (typeof v === 'object' && !Object.keys(v).length);

function write() {
  mkdirSync(BENCH_DIR, { recursive: true });
  if (flag('keep') && exists(join(BENCH_DIR, 'results.json'))) {
    const prev = JSON.parse(readFileSync(join(BENCH_DIR, 'results.json'), 'utf8'));
    const kept = PARTS.filter((k) => empty(results[k]) && !empty(prev[k]));
    for (const k of kept) results[k] = prev[k];
    // Which run each part comes from, so a mixed file never passes for one run.
    results.partsFrom = { ...(prev.partsFrom ?? Object.fromEntries(PARTS.filter((k) => !empty(prev[k])).map((k) => [k, prev.environment?.date]))), ...Object.fromEntries(PARTS.filter((k) => !kept.includes(k) && !empty(results[k])).map((k) => [k, results.environment.date])) };
    if (kept.length) results.notes.push(`--keep: ${kept.join(', ')} from earlier runs (dates in partsFrom); the rest measured on ${results.environment.date}.`);
  }
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(BENCH_DIR, 'results.md'), renderMarkdown(results));
}

async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  await Promise.all(servers.map((s) => s.stop().catch(() => {})));
}

main()
  .then(cleanup)
  .catch(async (e) => {
    console.error(`[bench] failed: ${e?.stack ?? e}`);
    results.notes.push(`run aborted: ${String(e?.message ?? e)}`);
    try {
      if (Object.keys(results.timing).length) write();
    } catch {}
    await cleanup();
    process.exit(1);
  });
