#!/usr/bin/env node
/**
 * The performance benchmark (`npm run bench`; never part of `npm test`). Builds the site twice —
 * the real build (dist/) and a naive baseline (BENCH_NAIVE=1 → dist-naive/: one bundle, no lazy
 * chunks, all of echarts) — serves both with scripts/serve.mjs (gzip) and measures, in the same
 * run so ratios cancel out the shared 2-core machine's noise:
 *   - first-view JS+CSS bytes per route (raw and gzip -9), what loads until all charts are drawn;
 *   - time to first / all charts drawn, unthrottled and throttled (4× CPU, 150 ms, 1.6 Mbps);
 *   - the spending drill (performance.measure('drill')) on the report's data and on ~1 M
 *     synthetic fact rows (scripts/gen-synthetic.mjs), plus the drill transform in Node;
 *   - Arquero against a hand-written loop over the same 1 M rows;
 *   - Lighthouse 12.8 (mobile preset) on #/.
 * Writes bench/results.json (raw runs, medians, environment) and bench/results.md.
 *
 *   - the city targets (scripts/bench/city.mjs): 100 units × 10 years against one unit, the region
 *     view, cost growth at 10 k / 100 k / 1 M rows, the roll-up drill, 5,000 units in the index.
 * Options: --runs N (default 5) · --throttled-runs N · --lighthouse-runs N (default 3) · --drills N (9)
 *          --routes ,spending,… (default all six) · --throttled-routes ,spending (default #/ and #/spending)
 *          --full (throttle every route) · --skip-build · --skip-synthetic · --skip-lighthouse · --skip-node · --skip-city
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CHROMIUM, THROTTLE, launchBrowser, measureDrills, measureLoad } from './bench/browser.mjs';
import { ROOT, exists, fileSizes, log, median, ratio, round, run, serve } from './bench/util.mjs';
import { renderMarkdown } from './bench/report.mjs';
import { composition, mergeCompositions } from './bench/composition.mjs';
import { generateSynthetic } from './gen-synthetic.mjs';
import { measureCity } from './bench/city.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Math.max(1, Number(opt('runs', 5)));
const THROTTLED_RUNS = Math.max(1, Number(opt('throttled-runs', RUNS)));
const LH_RUNS = Math.max(1, Number(opt('lighthouse-runs', 3)));
const DRILLS = Math.max(5, Number(opt('drills', 9)));
const ROUTES = opt('routes', ',spending,assets,operations,quality,screen').split(',');
// Throttled loads cost ~6 s each; by default only the landing route and the drill route (--full: all).
const THROTTLED_ROUTES = flag('full') ? ROUTES : opt('throttled-routes', ',spending').split(',');
// Private build dirs: the e2e suite rebuilds dist/ at any time, which would pull files from under
// the server mid-run. Same config, same output as dist/ and dist-naive/.
const BUILDS = { normal: join(ROOT, 'bench/tmp/dist'), naive: join(ROOT, 'bench/tmp/dist-naive') };
const BENCH_DIR = join(ROOT, 'bench');
const label = (route) => `#/${route}`;
/**
 * What a route is loaded as: the real build's route file (its prerendered default view; the page
 * sets the hash), the naive build's #/<route> link.
 */
const pageOf = (build, route) => (build === 'normal' && route ? `${route}/index.html` : label(route));

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
  config: { runs: RUNS, throttledRuns: THROTTLED_RUNS, drills: DRILLS, lighthouseRuns: LH_RUNS, routes: ROUTES.map(label), throttledRoutes: THROTTLED_ROUTES.map(label), throttle: THROTTLE, viewport: '1280×900' },
  builds: {},
  firstView: {},
  firstChartBytes: {},
  timing: {},
  ratios: {},
  composition: null,
  drill: null,
  synthetic: null,
  city: null,
  node: null,
  lighthouse: null,
  notes: [
    'Builds go to bench/tmp/dist and bench/tmp/dist-naive (same vite.config.ts; naive = BENCH_NAIVE=1): the e2e suite rebuilds dist/ at any time, which would pull files from under the server mid-run.',
    "First-view bytes = every .js/.css response whose request started before the route's last chart-drawn mark (playwright response events + resource timing), sized from the build files.",
    "Drill = the spending view's own performance.measure('drill') (drill-start → every chart box drawn), cross-checked against the last chart-drawn mark.",
    'Synthetic data (bench/synthetic, gitignored) is generated by scripts/gen-synthetic.mjs: synthetic units with the real classification codes, marked synthetic in ids, names, source and notes; never written to data/.',
  ],
};
const servers = [];
let browser;

async function main() {
  const started = Date.now();
  // 1. Build both variants.
  if (!flag('skip-build')) {
    for (const [name, env] of [
      ['normal', {}],
      ['naive', { BENCH_NAIVE: '1' }],
    ]) {
      log(`building ${name} → ${BUILDS[name].slice(ROOT.length + 1)}/ …`);
      try {
        // Hidden sourcemaps: identical JS (same hashes), plus .map files to attribute first-view bytes.
        const maps = name === 'normal' ? ['--sourcemap', 'hidden'] : [];
        // The real build is `npm run build` (vite build + the prerender of every route); the naive one is vite build alone.
        const cmd = name === 'normal' ? join(ROOT, 'scripts/build.mjs') : join(ROOT, 'node_modules/vite/bin/vite.js');
        await run(process.execPath, [cmd, ...(name === 'normal' ? [] : ['build']), '--logLevel', 'warn', '--outDir', BUILDS[name], '--emptyOutDir', ...maps], { env: { ...env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
      } catch (e) {
        console.error(e.output ?? e);
        throw new Error(`vite build (${name}) failed — the benchmark needs a building site (does npm run build pass?)`);
      }
    }
  }
  for (const [name, dir] of Object.entries(BUILDS)) {
    if (!exists(join(dir, 'index.html'))) throw new Error(`${dir} has no build; run without --skip-build`);
    results.builds[name] = { dir: dir.slice(ROOT.length + 1), ...assetTotals(dir) };
    results.firstChartBytes[name] = Object.fromEntries(ROUTES.map((r) => [label(r), firstChartBytes(dir, name === 'normal' && r ? `${r}/index.html` : 'index.html')]));
  }

  // 2. Serve both (scripts/serve.mjs, gzip, free ports).
  const urls = {};
  for (const [name, dir] of Object.entries(BUILDS)) {
    const s = await serve(dir);
    servers.push(s);
    urls[name] = s.url;
    log(`${name} served at ${s.url}`);
  }
  browser = await launchBrowser();
  results.environment.chromiumDriven = browser.version();

  // 3. Loads: both builds interleaved run by run (order alternating), so drift hits both alike.
  for (const [cond, throttle, runs, routes] of [
    ['unthrottled', false, RUNS, ROUTES],
    ['throttled', true, THROTTLED_RUNS, THROTTLED_ROUTES],
  ]) {
    const timing = (results.timing[cond] = {});
    for (let i = 0; i < runs; i++) {
      const line = [];
      for (const route of routes) {
        const order = i % 2 ? ['naive', 'normal'] : ['normal', 'naive'];
        for (const build of order) {
          const m = await measureLoad(browser, { baseUrl: urls[build], hash: pageOf(build, route), distDir: BUILDS[build], throttle, timeoutMs: throttle ? 60_000 : 30_000 });
          const slot = ((timing[build] ??= {})[label(route)] ??= { runs: [] });
          slot.runs.push({ firstVisible: round(m.firstVisible), firstChart: round(m.firstChart), allCharts: round(m.allCharts), fcp: round(m.fcp), charts: m.charts, ok: m.ok, reason: m.reason, errors: m.errors.length ? m.errors : undefined });
          if (!throttle) recordFirstView(build, route, m);
          if (build === 'normal') line.push(`${label(route)} ${m.firstChart == null ? '—' : Math.round(m.firstChart)}/${m.allCharts == null ? '—' : Math.round(m.allCharts)}ms(${m.charts})`);
        }
      }
      log(`${cond} run ${i + 1}/${runs} (normal first/all chart): ${line.join('  ')}`);
    }
    for (const build of Object.keys(timing)) {
      for (const slot of Object.values(timing[build])) {
        slot.median = Object.fromEntries(['firstVisible', 'firstChart', 'allCharts', 'fcp'].map((k) => [k, round(median(slot.runs.map((r) => r[k])))]));
        slot.charts = Math.max(0, ...slot.runs.map((r) => r.charts));
        // A run that saw fewer charts than the others did not finish the view: count it as incomplete.
        slot.failed = slot.runs.filter((r) => !r.ok || r.charts < slot.charts).length;
      }
    }
    results.ratios[cond] = Object.fromEntries(
      routes.map((r) => {
        const a = timing.normal?.[label(r)]?.median;
        const b = timing.naive?.[label(r)]?.median;
        return [label(r), { firstVisible: ratio(a?.firstVisible, b?.firstVisible), firstChart: ratio(a?.firstChart, b?.firstChart), allCharts: ratio(a?.allCharts, b?.allCharts) }];
      }),
    );
  }

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
  log(`drill on the report's data: ${DRILLS} drills on #/spending …`);
  const paths = drillPaths(join(ROOT, 'data'));
  results.drill = summarizeDrill(await measureDrills(browser, { baseUrl: urls.normal, n: DRILLS, paths }));
  log(`drill: median ${results.drill.median ?? '—'} ms via ${results.drill.method ?? 'nothing'}`);

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

  // 6. Lighthouse on #/ (own Chromium via chrome-launcher).
  if (!flag('skip-lighthouse')) {
    log(`Lighthouse (mobile preset) on #/ × ${LH_RUNS} …`);
    try {
      const { runLighthouse } = await import('./bench/lighthouse.mjs');
      const lhRuns = [];
      for (let i = 0; i < LH_RUNS; i++) lhRuns.push(await runLighthouse(`${urls.normal}#/`));
      const pick = (k) => median(lhRuns.map((r) => r.scores[k]));
      const mid = [...lhRuns].sort((a, b) => a.scores.performance - b.scores.performance)[lhRuns.length >> 1];
      results.lighthouse = {
        version: mid.version,
        preset: mid.preset,
        throttling: mid.throttling,
        url: '#/ (dist via scripts/serve.mjs, gzip)',
        scores: { performance: pick('performance'), accessibility: pick('accessibility'), 'best-practices': pick('best-practices'), seo: pick('seo') },
        metrics: mid.metrics,
        failing: mid.failing,
        bootup: mid.bootup,
        mainThread: mid.work,
        lcpElement: mid.lcpElement,
        runtimeError: mid.runtimeError,
        warnings: mid.warnings,
        runs: lhRuns.map((r) => ({ scores: r.scores, metrics: r.metrics })),
      };
      log(`Lighthouse: ${JSON.stringify(results.lighthouse.scores)}`);
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
/**
 * Bytes (gzip -9) of what a page needs before its first chart shows: the HTML and its stylesheets
 * when the HTML carries the chart as SVG (the prerendered pages), else also every script it
 * loads up front. `hydrate` = the scripts the page loads up front either way.
 */
function firstChartBytes(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  const base = join(dir, page, '..');
  const refs = (re) => [...html.matchAll(re)].map((m) => join(base, m[1]));
  const sum = (files) => files.reduce((t, f) => t + (exists(f) ? fileSizes(f).gzip : 0), 0);
  const svg = /<div class="echart-ssr[^"]*"[^>]*>(?:<!--[^>]*-->)*<svg/.test(html);
  const htmlGzip = fileSizes(join(dir, page)).gzip;
  const css = sum(refs(/<link rel="stylesheet"[^>]*href="([^"]+)"/g));
  const js = sum([...refs(/<script type="module"[^>]*src="([^"]+)"/g), ...refs(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)]);
  return { svgInHtml: svg, html: htmlGzip, css, hydrate: js, total: htmlGzip + css + (svg ? 0 : js) };
}

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

function write() {
  mkdirSync(BENCH_DIR, { recursive: true });
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
