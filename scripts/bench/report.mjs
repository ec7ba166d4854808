/**
 * bench/results.json → bench/results.md: the tables the README's Performance section quotes.
 * `node scripts/bench/report.mjs` renders the Markdown again from the JSON (no measuring).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, median } from './util.mjs';

const KB = (b) => (b == null ? '—' : (b / 1024).toFixed(1));
const ms = (x) => (x == null ? '—' : `${Math.round(x)}`);
const x = (r) => (r == null ? '—' : `${r.toFixed(2)}×`);
const mark = (ok) => (ok == null ? '⚠️ not measured' : ok ? '✅' : '❌');

/** The targets and their status, computed from the results (also stored back into results.targets). */
export function targets(R) {
  const out = [];
  const fv = R.firstView.normal ?? {};
  const routes = Object.keys(fv);
  const worst = routes.reduce((w, r) => (fv[r].total.gzip > (fv[w]?.total.gzip ?? -1) ? r : w), null);
  const incomplete = routes.filter((r) => !fv[r].complete);
  out.push({
    target: 'First view ≤ 180 KB gzip JS+CSS (every route), counting the charts',
    value: worst ? `#/ ${KB(fv['#/']?.total.gzip)} KB; largest ${worst} ${KB(fv[worst].total.gzip)} KB` : '—',
    pass: worst ? routes.every((r) => fv[r].total.gzip <= 180 * 1024) : null,
    note: incomplete.length ? `routes whose charts did not all draw (bytes up to the timeout): ${incomplete.join(', ')}` : '',
  });
  const bc = routes.filter((r) => fv[r].beforeCharts);
  const worstBc = bc.reduce((w, r) => (fv[r].beforeCharts.gzip > (fv[w]?.beforeCharts.gzip ?? -1) ? r : w), null);
  out.push({
    target: 'First view ≤ 180 KB gzip JS+CSS (every route), text, figures and tables before the chart runtime',
    value: worstBc ? `#/ ${KB(fv['#/']?.beforeCharts?.gzip)} KB; largest ${worstBc} ${KB(fv[worstBc].beforeCharts.gzip)} KB` : '—',
    pass: worstBc ? bc.every((r) => fv[r].beforeCharts.gzip <= 180 * 1024) : null,
    note: 'the chart runtime (ECharts + zrender + chart types) loads alongside and does not block this paint',
  });
  // Issue 21: the first chart on screen against the naive stack floor, on every route, throttled.
  const thr = R.ratios?.throttled ?? {};
  const rs = Object.keys(thr);
  const worstFv = rs.reduce((w, r) => ((thr[r].firstVisible ?? Infinity) > (thr[w]?.firstVisible ?? -1) ? r : w), null);
  out.push({
    target: 'First visible chart, throttled: ≤ 0.25× the naive floor on every route and unit link',
    value: rs.length ? rs.map((r) => `${r} ${x(thr[r].firstVisible)}`).join(', ') : '—',
    pass: rs.length ? rs.every((r) => thr[r].firstVisible != null && thr[r].firstVisible <= 0.25) : null,
    note: worstFv ? `worst ${worstFv}: ${x(thr[worstFv].firstVisible)}; the static floor is at ${x(median(rs.map((r) => thr[r].staticFirstVisible)))}` : '',
  });
  const ck = R.click?.throttled?.ratios ?? {};
  const cr = Object.keys(ck);
  out.push({
    target: 'A live chart answers its first click within 0.5× the naive floor (throttled)',
    value: cr.length ? cr.map((r) => `${r} ${x(ck[r])}`).join(', ') : '—',
    pass: cr.length ? cr.every((r) => ck[r] != null && ck[r] <= 0.5) : null,
    note: cr.some((r) => ck[r] == null) ? `no answer: ${cr.filter((r) => ck[r] == null).join(', ')}` : '',
  });
  const d = R.drill;
  out.push({
    target: "Drill ≤ 50 ms on the report's data",
    value: d?.median != null ? `${d.median} ms (median of ${d.count})` : '—',
    pass: d?.median != null ? d.median <= 50 : null,
    note: d?.fallback ? 'measured with the location.hash fallback (no clickable drill row yet)' : d?.method ?? (d?.notes ?? []).join('; '),
  });
  const sp = R.synthetic?.page?.drill;
  const nd = R.node?.drill?.top?.median ?? null;
  out.push({
    target: 'Drill ≤ 150 ms at 1 M rows',
    value: `page: ${sp?.median != null ? `${sp.median} ms` : '—'}; Node transform: ${nd != null ? `${nd} ms` : '—'}`,
    pass: sp?.median != null ? sp.median <= 150 : nd != null ? nd <= 150 : null,
    note: sp?.median == null ? `page drill not measured (${(sp?.notes ?? []).join('; ') || 'synthetic page run skipped'}); status from the Node transform only` : sp.fallback ? 'page drill via the location.hash fallback' : '',
  });
  const LT = R.lighthouse?.targets ?? {};
  const routesLh = Object.keys(LT).filter((k) => k.startsWith('#/') && LT[k].scores);
  out.push({
    target: 'Lighthouse mobile performance ≥ 95 on every route',
    value: routesLh.length ? routesLh.map((r) => `${r} ${LT[r].scores.performance}`).join(', ') : R.lighthouse?.error ?? '—',
    pass: routesLh.length ? routesLh.every((r) => LT[r].scores.performance >= 95) : null,
    note: LT['static floor']?.scores ? `static floor ${LT['static floor'].scores.performance}, naive floor ${LT['naive floor']?.scores?.performance ?? '—'}` : '',
  });
  out.push({
    target: 'Lighthouse accessibility, best practices, SEO stay 100 on every route',
    value: routesLh.length ? [...new Set(routesLh.map((r) => `${LT[r].scores.accessibility} / ${LT[r].scores['best-practices']} / ${LT[r].scores.seo}`))].join('; ') : '—',
    pass: routesLh.length ? routesLh.every((r) => LT[r].scores.accessibility === 100 && LT[r].scores['best-practices'] === 100 && LT[r].scores.seo === 100) : null,
    note: routesLh.filter((r) => !(LT[r].scores.accessibility === 100 && LT[r].scores['best-practices'] === 100 && LT[r].scores.seo === 100)).map((r) => `${r} ${LT[r].scores.accessibility}/${LT[r].scores['best-practices']}/${LT[r].scores.seo}`).join(', '),
  });
  R.targets = out;
  return out;
}

/** How long after the first-visible frame the static floor's paint (its FCP) landed, per run. */
function staticGap(R) {
  const gaps = ['unthrottled', 'throttled'].flatMap((c) => Object.values(R.timing?.[c]?.static ?? {}).flatMap((s) => s.runs.map((r) => (r.fcp != null && r.firstVisible != null ? r.fcp - r.firstVisible : null)))).filter((g) => g != null);
  return gaps.length ? ` (the static floor's FCP came ${ms(Math.min(...gaps))}–${ms(Math.max(...gaps))} ms after it in this run)` : '';
}

export function renderMarkdown(R) {
  const E = R.environment;
  const L = [];
  L.push('# Performance benchmark results', '');
  L.push(`Generated by \`npm run bench\` (scripts/bench.mjs) on ${E.date.slice(0, 16).replace('T', ' ')} UTC · ${E.chromium ?? 'Chromium ?'} · Node ${E.node} · ${E.cpus} CPU (${E.cpuModel}) · commit ${E.commit ?? '?'} · ${E.benchSeconds ?? '?'} s.`);
  const CF = R.config;
  L.push(`Three sites measured in the same run, interleaved (the order rotates from slot to slot), each load in a fresh browser context with the cache disabled, all served gzip by scripts/serve.mjs: the **static floor** (the physical floor: three charts as inline SVG, no script), the **naive floor** (a separate minimal Svelte + ECharts + Arquero app: one bundle, one JSON file, three charts) and **the project**, opened by its ${CF.projectPages ?? 'hash links (/#/<route>…)'}. Medians of ${CF.runs} unthrottled and ${CF.throttledRuns} throttled loads per route, ${CF.clickRuns ?? '—'} click runs, ${CF.lighthouseRuns} Lighthouse run(s) per page. Throttled = ${CF.throttle.cpu}× CPU, ${CF.throttle.latency} ms latency, ${(CF.throttle.download * 8) / 1e6} Mbps down/up (Chromium DevTools emulation). Viewport ${CF.viewport}. The machine is shared (2 cores): compare ratios within a run, not absolute times across runs.`, '');
  const earlier = Object.entries(R.partsFrom ?? {}).filter(([, d]) => d !== E.date);
  if (earlier.length) L.push(`Parts from earlier runs (--keep), not measured in this one: ${earlier.map(([k, d]) => `${k} (${String(d).slice(0, 16).replace('T', ' ')} UTC)`).join(', ')}.`, '');

  L.push('## Definitions', '');
  L.push('- **First visible chart**: the first animation frame, counted from navigation start, in which a chart box (`[data-chart]`) holds an `<svg>` (a prerendered chart, the static floor) or a drawn canvas (`data-drawn="true"`, set when ECharts reports `finished`), with a non-zero size and not hidden (below the fold counts), and — for the project — one of the requested view\'s own charts showing the requested unit (another view\'s prerendered chart shown first does not count; scripts/bench/routes.mjs). The time is that frame\'s requestAnimationFrame callback, just before its paint: the paint itself lands later, alike for all three sites' + staticGap(R) + '.');
  L.push('- **Click answer**: from navigation start to the first frame in which the view shows the selection made by a mouse click on a chart item — the URL hash changes (overview, spending, assets, operations, quality, the naive floor), `#/screen`\'s callout shows the item (`data-current`), `#/units`\' roll-up crumbs change. The item (largest first, checked with zrender\'s own hit test) is clicked as soon as a live chart has drawn it, polled every 50 ms. The page is opened with `?e2e` before the hash so that the chart instances are reachable; nothing else changes.');
  L.push('- **Before first visible chart**: requests whose start precedes that frame (scripts, stylesheets, data files), bytes received by then (the HTML plus those responses, as sent), and long tasks (≥ 50 ms) started by then; "all" = long tasks until the load settled.');
  L.push('- **Lighthouse**: 12.8, mobile preset (simulated Moto G Power, slow 4G), on the same served builds; LCP and TBT are Lighthouse\'s simulated values.', '');

  L.push('## Targets', '', '| Target | Measured | Status | Note |', '|---|---|---|---|');
  for (const t of targets(R)) L.push(`| ${t.target} | ${t.value} | ${mark(t.pass)} | ${t.note || ''} |`);
  L.push('');

  const T = R.timing ?? {};
  const LT = R.lighthouse?.targets ?? {};
  const CK = R.click ?? {};
  const fvCell = (cond, ms_, r) => (ms_ == null ? '—' : `${ms(ms_)} (${x(r)})`);
  L.push('## The project against its floors', '');
  L.push('First visible chart and click answer in ms from navigation start, with the ratio to the naive floor measured in the same slots; Lighthouse scores and metrics are medians over its runs.', '');
  L.push('| Page | First visible chart, throttled | First visible chart, unthrottled | Lighthouse perf. | A11y / BP / SEO | LCP ms | TBT ms | Click answer, throttled | Click answer, unthrottled |', '|---|---|---|---|---|---|---|---|---|');
  const lhCells = (k) => {
    const l = LT[k];
    if (!l?.scores) return ['—', '—', '—', '—'];
    const [lo, hi] = l.scoreRange?.performance ?? [];
    return [`${l.scores.performance}${lo !== hi ? ` (${lo}–${hi})` : ''}`, `${l.scores.accessibility} / ${l.scores['best-practices']} / ${l.scores.seo}`, ms(l.metrics['largest-contentful-paint']), ms(l.metrics['total-blocking-time'])];
  };
  for (const [name, site] of [['static floor', 'static'], ['naive floor', 'naive']]) {
    const f = (cond) => T[cond]?.floors?.[site]?.median.firstVisible;
    const n = (cond) => T[cond]?.floors?.naive?.median.firstVisible;
    const click = (cond) => (site === 'naive' && CK[cond]?.naiveFloor?.answerAt != null ? `${ms(CK[cond].naiveFloor.answerAt)} (1.00×)` : '—');
    L.push(`| **${name}** | ${fvCell('t', f('throttled'), f('throttled') != null && n('throttled') ? f('throttled') / n('throttled') : null)} | ${fvCell('u', f('unthrottled'), f('unthrottled') != null && n('unthrottled') ? f('unthrottled') / n('unthrottled') : null)} | ${lhCells(name).join(' | ')} | ${click('throttled')} | ${click('unthrottled')} |`);
  }
  const routes = [...new Set([...(R.config.routes ?? []), ...Object.keys(T.throttled?.normal ?? {}), ...Object.keys(LT).filter((k) => k.startsWith('#/'))])];
  for (const r of routes) {
    const fv = (cond) => fvCell(cond, T[cond]?.normal?.[r]?.median.firstVisible, R.ratios?.[cond]?.[r]?.firstVisible) + (T[cond]?.normal?.[r]?.failed ? ` ⚠️ ${T[cond].normal[r].failed} without chart` : '');
    const click = (cond) => {
      const c = CK[cond]?.normal?.[r];
      if (!c) return '—';
      return c.median.answerAt == null ? `no answer (${c.runs[0]?.reason ?? '?'})` : `${ms(c.median.answerAt)} (${x(CK[cond].ratios?.[r])})${c.failed ? ` ⚠️ ${c.failed} unanswered` : ''}`;
    };
    L.push(`| ${r} | ${fv('throttled')} | ${fv('unthrottled')} | ${lhCells(r).join(' | ')} | ${click('throttled')} | ${click('unthrottled')} |`);
  }
  L.push('');

  for (const cond of ['throttled', 'unthrottled']) {
    const Tc = T[cond];
    if (!Tc?.normal) continue;
    L.push(`## First visible chart per route, ${cond} (ms, medians; the floors as measured in each route's slots)`, '');
    L.push('| Route | Static floor | Naive floor | Project | Project ÷ naive | Project ÷ static | Project FCP | Project all charts drawn |', '|---|---|---|---|---|---|---|---|');
    for (const r of Object.keys(Tc.normal)) {
      const q = R.ratios[cond]?.[r] ?? {};
      L.push(`| ${r} | ${ms(Tc.static?.[r]?.median.firstVisible)} | ${ms(Tc.naive?.[r]?.median.firstVisible)} | ${ms(Tc.normal[r].median.firstVisible)} | ${x(q.firstVisible)} | ${x(q.overStatic)} | ${ms(Tc.normal[r].median.fcp)} | ${ms(Tc.normal[r].median.allCharts)} |`);
    }
    L.push('');
  }

  const Tt = T.throttled ?? T.unthrottled;
  if (Tt?.normal) {
    const cond = T.throttled ? 'throttled' : 'unthrottled';
    L.push(`## What separates each page from the static floor (${cond}, medians)`, '');
    L.push('Counted up to the first visible chart, except "all long tasks" (until the load settled). Lighthouse columns: its main-thread work and script boot-up on the simulated phone (median-performance run).', '');
    L.push('| Page | Scripts | Stylesheets | Data files | KB received | Long tasks (ms) | All long tasks (ms, longest) | Lighthouse main thread | Lighthouse script boot-up |', '|---|---|---|---|---|---|---|---|---|');
    const row = (name, b, lk) => {
      const l = LT[lk];
      const main = l?.mainThread?.slice(0, 3).map((w) => `${w.group} ${w.ms}`).join(', ') ?? '—';
      const boot = l?.bootup?.slice(0, 2).map((u) => `${u.url.replace(/^\/assets\//, '')} ${u.totalMs}`).join(', ') ?? '—';
      return `| ${name} | ${b?.scripts ?? '—'} | ${b?.stylesheets ?? '—'} | ${b?.dataFiles ?? '—'} | ${KB(b?.bytes)} | ${b ? `${b.longTasks} (${ms(b.longTaskMs)})` : '—'} | ${b ? `${b.longTasksAll} (${ms(b.longTaskMsAll)}, ${ms(b.longestTaskMs)})` : '—'} | ${main} | ${boot} |`;
    };
    L.push(row('**static floor**', Tt.floors?.static?.before, 'static floor'));
    L.push(row('**naive floor**', Tt.floors?.naive?.before, 'naive floor'));
    for (const r of Object.keys(Tt.normal)) L.push(row(r, Tt.normal[r].before, r));
    L.push('');
  }

  const clickConds = ['throttled', 'unthrottled'].filter((c) => CK[c]?.normal);
  if (clickConds.length) {
    L.push('## Click answer per route (ms from navigation start, medians)', '');
    L.push('"Live" = when the route\'s chart item could first be clicked; the answer follows the click.', '');
    L.push('| Route | Condition | Naive floor (same slots) | Project live | Project answer | Ratio | Clicks | Answered by |', '|---|---|---|---|---|---|---|---|');
    for (const cond of clickConds)
      for (const r of Object.keys(CK[cond].normal)) {
        const c = CK[cond].normal[r];
        L.push(`| ${r} | ${cond} | ${ms(CK[cond].naive?.[r]?.median.answerAt)} | ${ms(c.median.liveAt)} | ${ms(c.median.answerAt)}${c.failed ? ` ⚠️ ${c.failed}/${c.runs.length} unanswered` : ''} | ${x(CK[cond].ratios?.[r])} | ${c.median.clicks ?? '—'} | ${c.how.join('; ') || c.runs.map((u) => u.reason).filter(Boolean)[0] || '—'} |`);
      }
    L.push('');
  }

  L.push('## First view per route (JS + CSS loaded until every chart is drawn, unthrottled)', '');
  L.push('| Route | Charts | JS gzip KB | CSS gzip KB | **Total gzip KB** | of which before the chart runtime | Total raw KB | Naive floor total gzip KB | Project / naive floor |', '|---|---|---|---|---|---|---|---|---|');
  for (const r of Object.keys(R.firstView.normal ?? {})) {
    const a = R.firstView.normal[r];
    const b = R.firstView.naive?.[r];
    L.push(`| ${r} | ${a.charts}${a.complete ? '' : ' ⚠️'} | ${KB(a.js.gzip)} | ${KB(a.css.gzip)} | **${KB(a.total.gzip)}** | ${KB(a.beforeCharts?.gzip)} | ${KB(a.total.raw)} | ${KB(b?.total.gzip)} | ${b ? x(a.total.gzip / b.total.gzip) : '—'} |`);
  }
  const B = R.builds ?? {};
  L.push('', `Whole builds (every JS/CSS file, gzip -9): project ${KB(B.normal?.jsCssGzip)} KB in ${B.normal?.jsCssFiles} files, index.html ${KB(B.normal?.html?.gzip)} KB; naive floor ${KB(B.naive?.jsCssGzip)} KB in ${B.naive?.jsCssFiles} files; static floor: one HTML file, ${KB(B.static?.html?.gzip)} KB.${R.floors?.data ? ` The floors draw ${R.floors.data.file}.` : ''}`, '');

  L.push('## Drill (click → every linked chart updated)', '');
  L.push('| Data | Where | Median ms | Min–max | Drills | How |', '|---|---|---|---|---|---|');
  const d = R.drill;
  if (d) L.push(`| report (data/) | page, #/spending | ${d.median ?? '—'} | ${d.min ?? '—'}–${d.max ?? '—'} | ${d.count} | ${d.method ?? (d.notes.join('; ') || '—')} |`);
  const sp = R.synthetic?.page;
  if (sp) L.push(`| synthetic ${(R.synthetic.manifest.facts / 1e6).toFixed(2)} M facts | page, #/spending | ${sp.drill.median ?? '—'} | ${sp.drill.min ?? '—'}–${sp.drill.max ?? '—'} | ${sp.drill.count} | ${sp.drill.method ?? (sp.drill.notes.join('; ') || '—')} |`);
  const N = R.node;
  if (N?.drill) {
    for (const [k, what] of [
      ['top', 'drill() at the top level'],
      ['functional', 'drill() one 类 down'],
      ['flows', 'flows() (sankey)'],
    ])
      if (N.drill[k]) L.push(`| synthetic ${(N.rows / 1e6).toFixed(2)} M rows | Node, ${N.drill.source.split(' ')[0]} ${what} | ${N.drill[k].median} | ${Math.min(...N.drill[k].runs)}–${Math.max(...N.drill[k].runs)} | ${N.drill[k].runs.length} | transform only, no rendering |`);
  }
  L.push('');
  const chk = [d && `report data ${d.lastChartDrawnMedian ?? '—'} ms`, sp && `synthetic ${sp.drill.lastChartDrawnMedian ?? '—'} ms`].filter(Boolean);
  if (chk.length) L.push(`Cross-check, drill-start → last chart-drawn mark (median): ${chk.join('; ')}. The view's measure('drill') ends when every chart box reports drawn.`, '');
  if (sp?.load) L.push(`Synthetic page load (1 run, unthrottled): ${sp.load.dataFiles} data files; all charts drawn at ${ms(sp.load.allCharts)} ms (wall ${ms(sp.load.wallMs)} ms); JS heap ${sp.load.heapMB ?? '—'} MB.`, '');
  else if (sp) L.push(`Synthetic page: ${(sp.drill.notes ?? []).join('; ')}`, '');

  if (N && !N.error) {
    L.push('## Arquero vs a hand-written loop (Node, same rows)', '');
    L.push(`${N.groupSum.description}. Medians of ${N.groupSum.arquero.runs.length} runs after a warm-up; results agree: ${N.groupSum.resultsAgree ? 'yes' : 'NO'}.`, '');
    L.push('| Implementation | Median ms | vs Arquero |', '|---|---|---|');
    L.push(`| Arquero (params → filter → derive → groupby → rollup) | ${N.groupSum.arquero.median} | 1.00× |`);
    L.push(`| Loop over row objects | ${N.groupSum.loopObjects.median} | ${x(N.groupSum.loopObjects.median / N.groupSum.arquero.median)} |`);
    L.push(`| Loop over the table's columns | ${N.groupSum.loopColumns.median} | ${x(N.groupSum.loopColumns.median / N.groupSum.arquero.median)} |`);
    L.push('');
    L.push('Where the 1 M-row page load goes (Node, one run each):', '');
    L.push('| Step | ms |', '|---|---|');
    L.push(`| read ${N.files} files (${(N.bytes / 1e6).toFixed(0)} MB) | ${ms(N.readMs)} |`, `| JSON.parse | ${ms(N.parseMs)} |`);
    if (N.validate) L.push(`| validateUnitYear (${N.validate.errors} errors) | ${ms(N.validate.ms)} |`);
    if (N.reconcile) L.push(`| reconcile (rules.ts; ${N.reconcile.perFileMs} ms/file × ${N.files} files, timed on ${N.reconcile.sampledFiles}; ${N.reconcile.failingInSample} failing) | ${ms(N.reconcile.ms)} |`);
    L.push(`| factsTable | ${ms(N.factsTableMs)} |`, `| preferOwnReport | ${ms(N.preferOwnReportMs)} |`, '');
    if (N.notes?.length) L.push(`Notes: ${N.notes.join('; ')}`, '');
  } else if (N?.error) L.push('## Node transforms', '', `Failed: ${N.error}`, '');

  L.push('## Lighthouse details (mobile preset)', '');
  const lhr = R.lighthouse;
  if (lhr?.targets) {
    L.push(`Lighthouse ${lhr.version}, ${lhr.preset}, throttling: ${lhr.throttling}; ${lhr.runs} round(s), rotating order.`, '');
    L.push('| Page | Performance | A11y | BP | SEO | FCP ms | LCP ms | TBT ms | CLS | Speed index ms | LCP element |', '|---|---|---|---|---|---|---|---|---|---|---|');
    for (const [k, l] of Object.entries(lhr.targets)) {
      if (!l.scores) {
        L.push(`| ${k} | ${l.error} | | | | | | | | | |`);
        continue;
      }
      const m = l.metrics;
      L.push(`| ${k} | ${l.scores.performance} | ${l.scores.accessibility} | ${l.scores['best-practices']} | ${l.scores.seo} | ${ms(m['first-contentful-paint'])} | ${ms(m['largest-contentful-paint'])} | ${ms(m['total-blocking-time'])} | ${m['cumulative-layout-shift'] ?? '—'} | ${ms(m['speed-index'])} | ${l.lcpElement ? `\`${l.lcpElement.replace(/[`|]/g, "'").slice(0, 70)}\`` : '—'} |`);
    }
    L.push('');
    for (const [k, l] of Object.entries(lhr.targets)) if (l.failing?.length) L.push(`- ${k}: below full score: ${l.failing.map((a) => `${a.id}${a.display ? ` (${a.display})` : ''}`).join(', ')}.`);
    L.push('');
  } else L.push(lhr?.error ?? 'Not run (--skip-lighthouse).', '');

  for (const [route, c] of Object.entries(R.composition ?? {})) {
    L.push(`## Where the ${route} first-view JS comes from (≈ gzip KB, from sourcemaps)`, '');
    L.push('| Package / folder | ≈ gzip KB |', '|---|---|');
    for (const [k, v] of Object.entries(c.gzipApprox)) L.push(`| ${k} | ${KB(v)} |`);
    L.push('');
  }
  L.push('## Largest first-view files on #/', '');
  const home = R.firstView.normal?.['#/'];
  if (home) {
    L.push('| File | Raw KB | Gzip KB |', '|---|---|---|');
    for (const f of home.files.slice(0, 12)) L.push(`| ${f.file} | ${KB(f.raw)} | ${KB(f.gzip)} |`);
    L.push('');
  }
  const C = R.city;
  if (C?.error) L.push('## City targets (issue 11)', '', `Not measured: ${C.error.split('\n')[0]}`, '');
  else if (C) {
    const ok = (v, max) => (v == null ? '—' : v <= max ? '✅' : '❌');
    const g = C.growth['1M'] ?? {};
    L.push('## City targets (issue 11)', '');
    L.push('Compiled synthetic sites made from the same build (only data/ differs; scripts/bench/city.mjs); medians of ' + R.config.runs + ' interleaved loads, fresh context, cache disabled, unthrottled.', '');
    L.push('| Target | Measured | Status |', '|---|---|---|');
    L.push(`| 100 units × 10 years: a unit's overview, first chart ≤ 1.2× the single-unit site | ${C.loads['city #/'].firstChart} ms vs ${C.loads['single #/'].firstChart} ms = ${C.ratios.overview}× | ${ok(C.ratios.overview, 1.2)} |`);
    L.push(`| 100 units × 10 years: region view, first chart ≤ 1.5× | ${C.loads['city #/units'].firstChart} ms = ${C.ratios.region}× | ${ok(C.ratios.region, 1.5)} |`);
    L.push(`| ${(g.facts ?? 0).toLocaleString('en')} fact rows: first chart ≤ 3 s | ${g.firstChart} ms | ${ok(g.firstChart, 3000)} |`);
    L.push(`| ${(g.facts ?? 0).toLocaleString('en')} fact rows: JS heap ≤ 300 MB | ${g.heapMB} MB | ${ok(g.heapMB, 300)} |`);
    L.push(`| Region roll-up drill ≤ 100 ms (1 M rows) | median ${C.drill.median} ms, max ${C.drill.max} ms (${C.drill.count} drills) | ${ok(C.drill.median, 100)} |`);
    L.push(`| 5,000 units in the index: no failed request | ${C.index.failed} failed of ${C.index.requests} | ${C.index.failed === 0 ? '✅' : '❌'} |`);
    L.push(`| 5,000 units: selector filter ≤ 100 ms | median ${C.index.filterMedianMs} ms, max ${C.index.filterMaxMs} ms | ${ok(C.index.filterMedianMs, 100)} |`);
    L.push('', '### Cost growth (a unit\'s overview, cube-shaped synthetic data)', '', '| Fact rows | First chart ms | JS heap MB | Data files fetched | Data KB fetched (gzip) |', '|---|---|---|---|---|');
    for (const [k, v] of Object.entries(C.growth)) L.push(`| ${v.facts.toLocaleString('en')} (${k}) | ${v.firstChart} | ${v.heapMB} | ${v.dataFiles} | ${v.dataServedKB} |`);
    L.push('', '### Sites', '', '| Site | Units × years | Facts | Data MB | Compile s | Compiled MB |', '|---|---|---|---|---|---|');
    for (const [k, v] of Object.entries(C.sites)) L.push(`| ${k} | ${v.units} × ${v.years} | ${v.facts.toLocaleString('en')} | ${v.dataMB} | ${(v.compileMs / 1000).toFixed(1)} | ${v.compiledMB} |`);
    L.push('');
  }
  if (R.notes?.length) L.push('## Notes', '', ...R.notes.map((n) => `- ${n}`), '');
  return `${L.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const R = JSON.parse(readFileSync(join(ROOT, 'bench/results.json'), 'utf8'));
  writeFileSync(join(ROOT, 'bench/results.md'), renderMarkdown(R));
  console.log('wrote bench/results.md from bench/results.json');
}
