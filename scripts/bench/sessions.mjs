#!/usr/bin/env node
/**
 * Long sessions in one page (`npm run bench:sessions`; never part of `npm test`): memory and time
 * over 1,000 route switches and over 50 imports of a report in #/import, in one Chromium page of
 * the built site (dist/, built first when missing), served by scripts/serve.mjs.
 *
 * Memory is the JS heap in use after a forced garbage collection (CDP HeapProfiler.collectGarbage,
 * then Performance.getMetrics), with the DOM node and event-listener counts, sampled every 98
 * switches (always on #/, after whole rounds of the routes) and every 10 imports: a leak shows as
 * a heap that keeps growing from sample to sample once the first round has loaded every route's code. Time is per switch (hash change until the
 * shell is ready and every chart of the view is drawn) and per import (submit until the import has
 * ended), median and 95th percentile. Writes bench/sessions.json and bench/sessions.md.
 *
 *   node scripts/bench/sessions.mjs [--switches 1000] [--imports 50] [--skip-build]
 *   (--switches 0: measure the imports only and keep the switches of the last run)
 */
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launchBrowser } from './browser.mjs';
import { ROOT, log, median, round, run, serve } from './util.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SWITCHES = opt('switches', 1000);
const IMPORTS = opt('imports', 50);
/** The routes a reader switches between (#/import has its own part below). */
const ROUTES = ['#/', '#/spending', '#/assets', '#/operations', '#/quality', '#/screen', '#/units'];
/** The shipped report text of the first unit: what a person would import. */
const REPORT = (() => {
  const index = JSON.parse(readFileSync(join(ROOT, 'data/index.json'), 'utf8'));
  const file = JSON.parse(readFileSync(join(ROOT, 'data', index.units[0].years.at(-1).file), 'utf8'));
  return join(ROOT, 'data', file.source.file);
})();

const pct = (xs, p) => {
  const v = [...xs].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor((p / 100) * v.length))] : null;
};
const mb = (bytes) => round(bytes / 1048576, 1);

/** Heap in use after a full collection, DOM nodes and listeners, from CDP. */
async function memory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { heapMB: mb(m.JSHeapUsedSize), nodes: m.Nodes, listeners: m.JSEventListeners, documents: m.Documents };
}

/** In-page: the shell is live and done loading, and every chart of the view is drawn. */
function settled() {
  const main = document.querySelector('#main');
  if (!main || main.querySelector('.loading') || document.documentElement.dataset.app !== 'live') return false;
  return [...document.querySelectorAll('[data-chart]')].every((b) => b.getAttribute('data-drawn') === 'true');
}

async function switches(page, cdp) {
  const samples = [];
  const times = [];
  const errors = [];
  for (let i = 0; i < SWITCHES; i++) {
    const route = ROUTES[(i + 1) % ROUTES.length];
    const t0 = Date.now();
    await page.evaluate((h) => (location.hash = h), route);
    try {
      await page.waitForFunction(settled, undefined, { timeout: 30_000, polling: 20 });
    } catch {
      errors.push(`${i + 1}: ${route} not settled after 30 s`);
    }
    times.push(Date.now() - t0);
    // Sampled on the same route (#/, after whole rounds of every route), so samples compare like with like.
    const n = i + 1;
    const lastRound = SWITCHES - (SWITCHES % ROUTES.length);
    if (n % ROUTES.length === 0 && (n === ROUTES.length || n % (14 * ROUTES.length) === 0 || n === lastRound)) {
      samples.push({ after: i + 1, ...(await memory(cdp)) });
      log(`switch ${i + 1}/${SWITCHES}: ${JSON.stringify(samples.at(-1))}`);
    }
  }
  return { samples, times, errors };
}

/**
 * `IMPORTS` imports in a row: as one unit (`same`: each import replaces the last preview, as when a
 * person corrects a file and imports it again), or as as many units (each kept as a preview of its
 * own, listed with the published units until the page is reloaded).
 */
async function imports(page, cdp, same) {
  const samples = [];
  const times = [];
  const phases = {};
  const report = readFileSync(REPORT);
  await page.evaluate(() => (location.hash = '#/import'));
  await page.waitForFunction(settled, undefined, { timeout: 30_000 });
  samples.push({ after: 0, ...(await memory(cdp)) });
  for (let i = 0; i < IMPORTS; i++) {
    await page.locator('#import-file').setInputFiles({ name: 'report.txt', mimeType: 'text/plain', buffer: report });
    await page.getByLabel(/^单位 id/).fill(same ? 'bench-unit' : `bench-${i}`);
    await page.getByLabel('单位名称').fill('宁乡市数据资源中心');
    const t0 = Date.now();
    await page.getByRole('button', { name: '导入并预览' }).click();
    await page.waitForFunction(() => /^(done|failed)$/.test(document.querySelector('[data-import-phase]')?.getAttribute('data-import-phase') ?? ''), undefined, { timeout: 60_000, polling: 20 });
    times.push(Date.now() - t0);
    const phase = await page.locator('[data-import-phase]').getAttribute('data-import-phase');
    phases[phase] = (phases[phase] ?? 0) + 1;
    if ((i + 1) % 10 === 0 || i === IMPORTS - 1) {
      samples.push({ after: i + 1, ...(await memory(cdp)) });
      log(`import ${i + 1}/${IMPORTS} (${same ? 'one unit' : 'a unit each'}): ${JSON.stringify(samples.at(-1))}`);
    }
  }
  return { samples, times, phases };
}

function summary(part) {
  const first = part.samples[0];
  const last = part.samples.at(-1);
  return {
    medianMs: round(median(part.times), 0),
    p95Ms: round(pct(part.times, 95), 0),
    maxMs: round(Math.max(...part.times), 0),
    heapFirstMB: first.heapMB,
    heapLastMB: last.heapMB,
    heapMaxMB: Math.max(...part.samples.map((s) => s.heapMB)),
    heapGrowthMB: round(last.heapMB - first.heapMB, 1),
    nodesFirst: first.nodes,
    nodesLast: last.nodes,
    listenersFirst: first.listeners,
    listenersLast: last.listeners,
  };
}

function importSection(part, title) {
  const im = part.summary;
  const rows = part.samples.map((x) => `| ${x.after} imports | ${x.heapMB} | ${x.nodes} | ${x.listeners} |`).join('\n');
  return `### ${title}

| | Median | 95th percentile | Max |
|---|---|---|---|
| Time per import (ms) | ${im.medianMs} | ${im.p95Ms} | ${im.maxMs} |

Heap ${im.heapFirstMB} MB on #/import before the first import → ${im.heapLastMB} MB after ${part.count} (growth ${im.heapGrowthMB} MB, highest sample ${im.heapMaxMB} MB); DOM nodes ${im.nodesFirst} → ${im.nodesLast}; listeners ${im.listenersFirst} → ${im.listenersLast}. Outcomes: ${Object.entries(part.phases).map(([k, v]) => `${k} ${v}`).join(', ')}.

| After | Heap MB | DOM nodes | Listeners |
|---|---|---|---|
${rows}
`;
}

function markdown(r) {
  const s = r.switches.summary;
  const rows = (samples, what) => samples.map((x) => `| ${x.after} ${what} | ${x.heapMB} | ${x.nodes} | ${x.listeners} |`).join('\n');
  return `# Long sessions: memory and time in one page

Generated by \`npm run bench:sessions\` (scripts/bench/sessions.mjs) on ${r.date} · ${r.chromium} · Node ${r.node} · ${r.cpus} CPU · commit ${r.commit} · load average at start ${r.load}.
One Chromium page of the built site (dist/, served by scripts/serve.mjs), cache on as for a reader. Heap = the page's JS heap in use after a forced garbage collection (the import's Web Worker has its own heap, not counted here). Times are wall-clock on a shared machine: compare them within one run, not across machines.

## ${r.switches.count} route switches (${ROUTES.join(' → ')} → …)

Measured ${r.switches.date}. Each switch: the hash changes (as a link in the page does) and the view is ready with every chart drawn.

| | Median | 95th percentile | Max |
|---|---|---|---|
| Time per switch (ms) | ${s.medianMs} | ${s.p95Ms} | ${s.maxMs} |

Heap ${s.heapFirstMB} MB after the first round of every route → ${s.heapLastMB} MB after ${r.switches.count} switches (growth ${s.heapGrowthMB} MB, highest sample ${s.heapMaxMB} MB); DOM nodes ${s.nodesFirst} → ${s.nodesLast}; listeners ${s.listenersFirst} → ${s.listenersLast}.${r.switches.errors.length ? ` Not settled: ${r.switches.errors.length} (${r.switches.errors.slice(0, 3).join('; ')}).` : ''}

| After | Heap MB | DOM nodes | Listeners |
|---|---|---|---|
${rows(r.switches.samples, 'switches')}

## ${r.imports.count} imports in one page session (#/import, the shipped report text ${r.imports.file}, ${r.imports.bytes} bytes)

Each import: choose the file, fill unit id and name, submit, until the import has ended. Both sessions start on a fresh page.

${importSection(r.imports.same, `${r.imports.count} imports of one unit id (each replaces the last preview)`)}
${importSection(r.imports.each, `${r.imports.count} imports as ${r.imports.count} unit ids (each kept as a preview until the page is reloaded)`)}`;
}

async function main() {
  if (!args.includes('--skip-build') || !existsSync(join(ROOT, 'dist/index.html'))) {
    log('building dist/ …');
    await run(process.execPath, ['scripts/build.mjs']);
  }
  const server = await serve(join(ROOT, 'dist'));
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${server.url}#/`);
    await page.waitForFunction(settled, undefined, { timeout: 60_000 });
    // --switches 0 measures the imports only and keeps the switches of the last run.
    const previous = SWITCHES === 0 ? JSON.parse(readFileSync(join(ROOT, 'bench/sessions.json'), 'utf8')).switches : null;
    log(`${SWITCHES} route switches …`);
    const sw = previous ? null : await switches(page, cdp);
    const session = async (same) => {
      const p = await context.newPage();
      const c = await context.newCDPSession(p);
      await c.send('Performance.enable');
      await p.goto(`${server.url}#/`);
      await p.waitForFunction(settled, undefined, { timeout: 60_000 });
      log(`${IMPORTS} imports (${same ? 'one unit' : 'a unit each'}) …`);
      const r = await imports(p, c, same);
      await p.close();
      return r;
    };
    const same = await session(true);
    const each = await session(false);
    const commit = (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return 'unknown';
      }
    })();
    const result = {
      date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      chromium: `Chromium ${browser.version()} (${CHROMIUM})`,
      node: process.version,
      cpus: cpus().length,
      memoryGB: round(totalmem() / 2 ** 30, 1),
      load: (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' '),
      commit,
      switches: previous ?? { count: SWITCHES, routes: ROUTES, date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, summary: summary(sw), samples: sw.samples, errors: sw.errors, times: sw.times },
      imports: {
        count: IMPORTS,
        file: REPORT.slice(ROOT.length + 1),
        bytes: readFileSync(REPORT).length,
        same: { count: IMPORTS, summary: summary(same), samples: same.samples, phases: same.phases, times: same.times },
        each: { count: IMPORTS, summary: summary(each), samples: each.samples, phases: each.phases, times: each.times },
      },
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/sessions.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(ROOT, 'bench/sessions.md'), markdown(result));
    log('bench/sessions.md written');
    log(JSON.stringify({ switches: result.switches.summary, same: result.imports.same.summary, each: result.imports.each.summary }));
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
