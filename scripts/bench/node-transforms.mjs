/**
 * Node side of the benchmark, run under tsx so the project's TypeScript imports as is:
 *   tsx scripts/bench/node-transforms.mjs <synthetic data dir> <runs> <out.json>
 *
 * On the synthetic ~1 M fact rows it times: JSON parse, validation + reconciliation (the page's
 * load path), factsTable + preferOwnReport (the page's table build), the project's own drill
 * transform (src/domain/drill.ts), and a plain "filter unit/year/phase → group by functional 类
 * → sum" as an Arquero pipeline against a hand-written loop over the same rows.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, median, round } from './util.mjs';

const [dataDir, runsArg = '5', outFile] = process.argv.slice(2);
const RUNS = Math.max(5, Number(runsArg));
/** Where each module lives since the layout by the data's way (src/data, src/domain). */
const MODULES = { 'tables.ts': 'src/data/tables.ts', 'validate.ts': 'src/data/validate.ts', 'rules.ts': 'src/domain/rules/index.ts', 'drill.ts': 'src/domain/drill.ts' };
const src = (p) => pathToFileURL(join(ROOT, MODULES[p])).href;

const time = (fn) => {
  const t = performance.now();
  const v = fn();
  return [performance.now() - t, v];
};
/** Median of `runs` timings of fn (after one warm-up), plus the raw runs. */
function bench(fn, runs = RUNS) {
  fn();
  const ms = [];
  let v;
  for (let i = 0; i < runs; i++) {
    const [t, r] = time(fn);
    ms.push(round(t, 2));
    v = r;
  }
  return { median: round(median(ms), 2), runs: ms, value: v };
}

const out = { notes: [] };
const { op } = await import('arquero');
const { factsTable, preferOwnReport } = await import(src('tables.ts'));

const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
const fTree = JSON.parse(readFileSync(join(dataDir, index.classifications.functional), 'utf8'));
const eTree = JSON.parse(readFileSync(join(dataDir, index.classifications.economic), 'utf8'));
const list = index.units.flatMap((u) => u.years.map((y) => ({ unit: u.id, year: y.year, file: y.file })));

const [readMs, texts] = time(() => list.map((l) => readFileSync(join(dataDir, l.file), 'utf8')));
const [parseMs, jsons] = time(() => texts.map((t) => JSON.parse(t)));
out.files = list.length;
out.bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
out.readMs = round(readMs);
out.parseMs = round(parseMs);

// The page's load path: validate each file, then reconcile it (once: it is the slowest part).
let files = jsons;
try {
  const { validateUnitYear } = await import(src('validate.ts'));
  const { reconcile } = await import(src('rules.ts'));
  let errors = 0;
  let failed = 0;
  const [validateMs, valid] = time(() =>
    jsons.map((j, i) => {
      const v = validateUnitYear(j, `data/${list[i].file}`, { functional: fTree, economic: eTree, unit: list[i].unit, year: list[i].year });
      errors += v.errors.length;
      return v.value;
    }),
  );
  // Reconciliation is slow at this size: time every 10th file and scale up to all of them.
  const sample = valid.filter((v, i) => v && i % 10 === 0);
  const [reconcileMs] = time(() => sample.forEach((v) => (failed += reconcile(v, { functional: fTree, economic: eTree }).filter((r) => r.status === 'fail').length)));
  out.validate = { ms: round(validateMs), errors };
  out.reconcile = { ms: round((reconcileMs * valid.filter(Boolean).length) / Math.max(1, sample.length)), perFileMs: round(reconcileMs / Math.max(1, sample.length), 2), sampledFiles: sample.length, failingInSample: failed };
  if (errors) out.notes.push(`validator reported ${errors} errors on the synthetic files`);
  files = valid.filter(Boolean);
} catch (e) {
  out.notes.push(`validate/reconcile not timed: ${String(e).slice(0, 200)}`);
}
out.facts = files.reduce((s, f) => s + f.facts.length, 0);

// The page's table build (dataset.svelte.ts): factsTable → preferOwnReport.
const [buildMs, raw] = time(() => factsTable(files));
const [preferMs, facts] = time(() => preferOwnReport(raw));
out.factsTableMs = round(buildMs);
out.preferOwnReportMs = round(preferMs);
out.rows = facts.numRows();

const unit = index.units[0].id;
const year = Math.max(...index.units[0].years.map((y) => y.year));
const trees = { functional: fTree.nodes, economic: eTree.nodes };
const firstClass = fTree.nodes.find((n) => n.level === 1).code;

// The project's own drill transform, as the spending view calls it.
if (existsSync(join(ROOT, MODULES['drill.ts']))) {
  const d = await import(src('drill.ts'));
  const ctx = { unit, year, compare: year - 1 };
  out.drill = {
    source: 'src/domain/drill.ts drill()',
    top: bench(() => d.drill(facts, ctx, [], trees).rows.length),
    functional: bench(() => d.drill(facts, ctx, [`f:${firstClass}`], trees).rows.length),
  };
  if (typeof d.flows === 'function') out.drill.flows = bench(() => d.flows(facts, ctx, [], trees).links.length);
  for (const k of ['top', 'functional', 'flows']) if (out.drill[k]) out.drill[k].rows = out.drill[k].value, delete out.drill[k].value;
} else out.notes.push('src/domain/drill.ts does not exist: only the equivalent Arquero pipeline is timed');

// Arquero vs a hand-written loop: filter unit/year/phase (leaf 项 rows, both bases, all economic)
// → group by functional 类 (first 3 digits) → sum.
const params = { unit, year, phase: '决算' };
const arq = bench(() =>
  facts
    .params(params)
    .filter((d, $) => d.unit === $.unit && d.year === $.year && d.phase === $.phase && d.basis === null && d.economic === null && d.functional !== null && op.length(d.functional) === 7)
    .derive({ cls: (d) => op.substring(d.functional, 0, 3) })
    .groupby('cls')
    .rollup({ amount: op.sum('amount') })
    .orderby('cls')
    .objects(),
);
// The same rows as plain objects (what factsTable builds from), and as the table's own columns.
const rowObjects = facts.objects();
const loop = bench(() => {
  const sums = new Map();
  for (const d of rowObjects) {
    if (d.unit === unit && d.year === year && d.phase === '决算' && d.basis === null && d.economic === null && d.functional !== null && d.functional.length === 7) {
      const cls = d.functional.slice(0, 3);
      sums.set(cls, (sums.get(cls) ?? 0) + d.amount);
    }
  }
  return [...sums].sort().map(([cls, amount]) => ({ cls, amount }));
});
const cols = Object.fromEntries(['unit', 'year', 'phase', 'basis', 'economic', 'functional', 'amount'].map((c) => [c, facts.column(c)]));
const n = facts.numRows();
const colLoop = bench(() => {
  const sums = new Map();
  for (let i = 0; i < n; i++) {
    if (cols.unit.at(i) !== unit || cols.year.at(i) !== year || cols.phase.at(i) !== '决算' || cols.basis.at(i) !== null || cols.economic.at(i) !== null) continue;
    const f = cols.functional.at(i);
    if (f === null || f.length !== 7) continue;
    const cls = f.slice(0, 3);
    sums.set(cls, (sums.get(cls) ?? 0) + cols.amount.at(i));
  }
  return [...sums].sort().map(([cls, amount]) => ({ cls, amount }));
});
const same = (a, b) => a.length === b.length && a.every((r, i) => r.cls === b[i].cls && Math.abs(r.amount - b[i].amount) < 1e-6);
out.groupSum = {
  description: `filter unit=${unit}, year=${year}, phase=决算, leaf 项 rows → group by functional 类 → sum, over ${n.toLocaleString('en')} rows`,
  arquero: { median: arq.median, runs: arq.runs },
  loopObjects: { median: loop.median, runs: loop.runs },
  loopColumns: { median: colLoop.median, runs: colLoop.runs },
  ratioArqueroToLoop: round(arq.median / loop.median, 2),
  resultsAgree: same(arq.value, loop.value) && same(arq.value, colLoop.value),
  groups: arq.value.length,
};
out.heapMB = round(process.memoryUsage().heapUsed / 2 ** 20, 0);
writeFileSync(resolve(outFile), JSON.stringify(out, null, 2));
