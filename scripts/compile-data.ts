/**
 * Compile a data folder for the page (run by `npm run build` through vite.config.ts, and by hand):
 * every unit-year file goes once through the page's own pipeline (src/data/load.ts: read → parse →
 * validate → salvage → reconcile with src/domain/rules), and what the page would otherwise
 * recompute on every visit is written under `compiled/` (format: src/data/compiled.ts): the rule
 * results per unit, the region view's rows and the region roll-ups as Arrow IPC.
 *
 * Units are compiled one at a time and dropped, so memory follows the largest unit, not the folder.
 * A structural error in any file fails the compile (and so the build), naming file › record › field:
 * a broken file never vanishes silently from a built site.
 *
 *   tsx scripts/compile-data.ts [--data <dir>] [--out <site-data-dir>] [--html <site>/index.html] [--json]
 *
 * Without --out it only checks and prints the figures; with --out it writes the data files and
 * compiled/ into that folder (e.g. <dist>/data), which is how the bench puts synthetic data under
 * a built site (--html rewrites that site's index.html preloads for the new data).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { from, table, toArrowIPC } from 'arquero';
import { dictionary, utf8 } from '@uwdata/flechette';
import type { DataError, UnitYearFile } from '../src/model/types';
import { openDataFiles, openDataPaths } from '../src/domain/open-data';
import { fsReader } from '../src/data/fs-reader';
import { loadUnit, type Dataset, type Reader } from '../src/data/load';
import { parseJson, validateClassification, validateIndex } from '../src/data/validate';
import { resolveDataPath } from '../src/data/paths';
import { textHash } from '../src/data/hash';
import { factsTable, preferOwnReport } from '../src/data/tables';
import { yearsOf } from '../src/data/select';
import { spendingYears } from '../src/domain/spending/slices';
import { summarize } from '../src/domain/rules';
import { COMPILED_FORMAT, MANIFEST_PATH, partitionColumns, regionPaths, unitPartitionPath, type CompiledManifest, type UnitPartition } from '../src/data/compiled';
import { rollupCells, unitSummaries, type RollupRow, type UnitYearSummary } from '../src/domain/region/summary';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface CompileResult {
  /** Files to write under the data root (compiled/…), path → content. */
  outputs: Map<string, string | Uint8Array>;
  manifest: CompiledManifest;
  /** Structural errors: any of them fails the build. */
  errors: DataError[];
  /** The open-data files (src/domain/open-data.ts), by path under the site root, when asked for and the folder is not synthetic. */
  openData?: Map<string, string | Uint8Array>;
  ms: number;
}

/** The index's `generated` marker of a synthetic folder (scripts/gen-synthetic.mjs). */
export const SYNTHETIC_MARK = '合成数据';

/** Compile `dataDir` (see the module comment). `name` says how messages name a file. */
export async function compileData(
  dataDir: string,
  {
    name = (p: string) => `data/${p}`,
    concurrency = 8,
    write,
    openData,
  }: {
    name?: (p: string) => string;
    concurrency?: number;
    /** Take each unit partition as soon as it is made (a province holds thousands); default: kept in `outputs`. */
    write?: (path: string, content: string) => void;
    /** Also make the open-data files, dated this day (YYYY-MM-DD); a synthetic folder publishes none. */
    openData?: string;
  } = {},
): Promise<CompileResult> {
  const t0 = performance.now();
  const disk = fsReader(dataDir, name);
  // Fingerprint every text as it is read; never read an earlier compile's output (its results
  // may come from other rules), so every file goes through the whole pipeline.
  const seen = new Map<string, string>();
  const reader: Reader = async (p) => {
    if (p.startsWith('compiled/')) return { error: { file: name(p), record: '', field: '', message: 'not read while compiling' } };
    const got = await disk(p);
    if ('text' in got) seen.set(p, textHash(got.text));
    return got;
  };
  const outputs = new Map<string, string | Uint8Array>();
  const errors: DataError[] = [];
  const hashes: Record<string, string> = {};

  const readValidated = async <T>(path: string, validate: (v: unknown, file: string) => { value?: T; errors: DataError[] }): Promise<T | undefined> => {
    const r = resolveDataPath(path);
    const file = name(r.ok ? r.path : path);
    if (!r.ok) {
      errors.push({ file, record: '', field: '', message: `${file}: not read: the path is refused (${r.problem})`, found: path });
      return undefined;
    }
    const got = await reader(r.path);
    if ('error' in got) return void errors.push(got.error);
    hashes[r.path] = textHash(got.text);
    const parsed = parseJson(got.text, file);
    errors.push(...parsed.errors);
    if (parsed.value === undefined) return undefined;
    const v = validate(parsed.value, file);
    errors.push(...v.errors);
    return v.value;
  };

  const index = await readValidated('index.json', validateIndex);
  const empty: CompiledManifest = { format: COMPILED_FORMAT, synthetic: false, hashes, units: {}, regions: [], rollup: 'compiled/rollup.arrow', totals: { units: 0, files: 0, facts: 0, pass: 0, fail: 0, known: 0 } };
  if (!index) return { outputs, manifest: empty, errors, ms: performance.now() - t0 };
  const [functional, economic] = await Promise.all([readValidated(index.classifications.functional, validateClassification), readValidated(index.classifications.economic, validateClassification)]);
  const ds: Dataset = { index, functional, economic, unitYears: [], errors: [] };
  const trees = { functional: functional?.nodes ?? [], economic: economic?.nodes ?? [] };

  const regions = [...new Set(index.units.map((u) => u.region))];
  const regionNo = new Map(regions.map((r, i) => [r, i]));
  const summaries: UnitYearSummary[][] = regions.map(() => []);
  const sums = new Map<string, RollupRow>();
  const addCell = (region: string, c: { year: number; dim: RollupRow['dim']; code: string; amount: number; stated: boolean }) => {
    const k = `${region}\u0000${c.year}\u0000${c.dim}\u0000${c.code}`;
    let r = sums.get(k);
    if (!r) sums.set(k, (r = { region, year: c.year, dim: c.dim, code: c.code, amount: 0, units: 0, stated: 0 }));
    r.amount += c.amount;
    r.units += 1;
    if (c.stated) r.stated += 1;
  };
  const manifest: CompiledManifest = { ...empty, synthetic: !!index.generated?.includes(SYNTHETIC_MARK) };
  // Open data needs every unit-year at once (bulk tables per year and region): kept only when asked.
  const published: UnitYearFile[] | undefined = openData && !manifest.synthetic ? [] : undefined;

  let next = 0;
  const worker = async () => {
    while (next < index.units.length) {
      const entry = index.units[next++];
      // No partition exists yet, so every file goes through the whole pipeline.
      const unitYears = await loadUnit(reader, ds, entry.id, { name });
      const partition: UnitPartition = { format: COMPILED_FORMAT, unit: entry.id, files: [] };
      for (const uy of unitYears) {
        errors.push(...uy.errors);
        const r = resolveDataPath(entry.years.find((y) => y.year === uy.year)!.file);
        const path = r.ok ? r.path : uy.file;
        partition.files.push({ year: uy.year, file: path, hash: seen.get(path) ?? '', results: uy.results, broken: uy.broken });
        seen.delete(path);
        const s = summarize(uy.results).total;
        manifest.totals.pass += s.pass;
        manifest.totals.fail += s.fail;
        manifest.totals.known += s.known;
        manifest.totals.files += 1;
        manifest.totals.facts += uy.value?.facts.length ?? 0;
      }
      if (write) write(unitPartitionPath(entry.id), JSON.stringify(partition));
      else outputs.set(unitPartitionPath(entry.id), JSON.stringify(partition));
      const files = unitYears.flatMap((u) => (u.value ? [u.value] : []));
      published?.push(...files);
      const facts = files.length ? preferOwnReport(factsTable(files)) : null;
      manifest.units[entry.id] = { years: yearsOf(unitYears, entry.id), comparable: facts ? spendingYears(facts, entry.id) : [], region: regionNo.get(entry.region)! };
      summaries[regionNo.get(entry.region)!].push(...unitSummaries(entry, files, facts, trees));
      for (const c of rollupCells(entry, facts, trees)) {
        addCell(c.region, c);
        addCell('', c);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  manifest.totals.units = index.units.length;
  // Units finish in any order; the manifest lists them in the index's.
  manifest.units = Object.fromEntries(index.units.map((u) => [u.id, manifest.units[u.id]]));

  const arrow = encodeTable;
  const rollupRows = [...sums.values()].map((r) => ({ ...r, amount: Math.round(r.amount * 1e6) / 1e6 }));
  const ROLLUP_COLUMNS = partitionColumns('rollup');
  const SUMMARY_COLUMNS = partitionColumns('summary');
  regions.forEach((region, i) => {
    const p = regionPaths(i);
    const order = new Map(index.units.map((u, k) => [u.id, k]));
    outputs.set(p.summary, arrow(summaries[i].sort((a, b) => order.get(a.unit)! - order.get(b.unit)! || a.year - b.year), SUMMARY_COLUMNS));
    outputs.set(p.rollup, arrow(rollupRows.filter((r) => r.region === region), ROLLUP_COLUMNS));
    manifest.regions.push({ region, units: index.units.filter((u) => u.region === region).length, ...p });
  });
  // The all-regions view needs every region's totals and the all-regions rows; a region's finer
  // rows are in its own partition.
  outputs.set(manifest.rollup, arrow(rollupRows.filter((r) => r.region === '' || r.dim === 't'), ROLLUP_COLUMNS));
  outputs.set(MANIFEST_PATH, JSON.stringify(manifest));
  // A folder with errors fails the build anyway; open data is made from a whole, valid folder only.
  const open = published && openData && !errors.length ? openDataFiles(index, published, trees, openData) : undefined;
  // The data dictionary travels with the files it describes.
  open?.set(openDataPaths.readme, readFileSync(join(repoRoot, 'docs/open-data.md'), 'utf8'));
  open?.set(openDataPaths.dataFormat, readFileSync(join(repoRoot, 'docs/data-format.md'), 'utf8'));
  return { outputs, manifest, errors, openData: open, ms: performance.now() - t0 };
}

/** Text columns repeat (names, regions, codes): dictionary-encoded, they cost one entry per distinct value. */
const DICTIONARY = new Set(['unit', 'name', 'region', 'dim', 'code', 'income', 'sangongItems']);

/**
 * Rows as Arrow IPC (stream format). An empty table still needs column types (Arrow has no type
 * for "no values"): text columns then.
 */
export function encodeTable(rows: object[], columns: string[]): Uint8Array {
  if (!rows.length) return toArrowIPC(table(Object.fromEntries(columns.map((c) => [c, []]))), { format: 'stream', types: Object.fromEntries(columns.map((c) => [c, utf8()])) });
  const keys = Object.keys(rows[0]);
  return toArrowIPC(from(rows), { format: 'stream', types: Object.fromEntries(keys.filter((k) => DICTIONARY.has(k)).map((k) => [k, dictionary(utf8())])) });
}

/** The message a failed compile prints (and the build throws): every error, file › record › field. */
export function compileFailure(dataDir: string, errors: DataError[]): string {
  const shown = errors.slice(0, 30).map((e) => `  ${e.message}`);
  if (errors.length > shown.length) shown.push(`  … and ${errors.length - shown.length} more (npm run check:data -- --data ${dataDir})`);
  return [`The data in ${dataDir} does not validate: ${errors.length} error(s). Nothing was built.`, ...shown].join('\n');
}

/**
 * What index.html preloads: the files the first view needs before any script runs — the index,
 * the compiled manifest, both trees, and the default unit's reports and partition (a link to
 * another unit or to the region view fetches its own; the rest of the folder never loads).
 */
export function preloadFiles(dataDir: string, compiled: boolean): string[] {
  const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as {
    classifications: Record<string, string>;
    units: Array<{ id: string; years: Array<{ file: string }> }>;
  };
  const first = index.units[0];
  return [
    'index.json',
    ...(compiled ? [MANIFEST_PATH] : []),
    ...Object.values(index.classifications),
    ...(first ? first.years.map((y) => y.file) : []),
    ...(compiled && first ? [unitPartitionPath(first.id)] : []),
  ];
}

/** Replace the data preloads of a built index.html by those of another data folder (a site made by swapping data/). */
export function withPreloads(html: string, files: string[]): string {
  const links = files.map((f) => `<link rel="preload" href="./data/${f}" as="fetch" crossorigin="anonymous">`).join('\n    ');
  const stripped = html.replace(/\s*<link rel="preload" href="\.\/data\/[^"]*"[^>]*>/g, '');
  return stripped.replace('</head>', `    ${links}\n  </head>`);
}

/** Every file under `dir`, relative, with "/" separators. */
export function filesUnder(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel)).flatMap((n) => {
    const p = rel ? `${rel}/${n}` : n;
    return statSync(join(dir, p)).isDirectory() ? filesUnder(dir, p) : [p];
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const opt = (k: string) => {
    const i = argv.indexOf(`--${k}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataDir = resolve(process.cwd(), opt('data') ?? process.env.DATA_DIR ?? join(repoRoot, 'data'));
  const out = opt('out');
  const display = (p: string) => {
    const rel = relative(repoRoot, resolve(dataDir, p));
    return rel.startsWith('..') ? resolve(dataDir, p) : rel;
  };
  const dest = out ? resolve(process.cwd(), out) : undefined;
  let bytes = 0;
  const put = (p: string, content: string | Uint8Array) => {
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    if (!dest) return;
    mkdirSync(dirname(join(dest, p)), { recursive: true });
    writeFileSync(join(dest, p), content);
  };
  const r = await compileData(dataDir, { name: display, write: put });
  if (r.errors.length) {
    console.error(compileFailure(dataDir, r.errors));
    return 1;
  }
  for (const [p, content] of r.outputs) put(p, content);
  if (dest && resolve(dest) !== resolve(dataDir)) {
    for (const f of filesUnder(dataDir)) {
      if (f.startsWith('compiled/')) continue;
      mkdirSync(dirname(join(dest, f)), { recursive: true });
      copyFileSync(join(dataDir, f), join(dest, f));
    }
  }
  const html = opt('html');
  if (html) writeFileSync(html, withPreloads(readFileSync(html, 'utf8'), preloadFiles(dataDir, true)));
  const t = r.manifest.totals;
  const line = { units: t.units, files: t.files, facts: t.facts, rules: { pass: t.pass, fail: t.fail, known: t.known }, regions: r.manifest.regions.length, compiledBytes: bytes, ms: Math.round(r.ms) };
  console.log(argv.includes('--json') ? JSON.stringify(line) : `compiled ${display('.')}: ${t.units} units, ${t.files} files, ${t.facts} facts, rules ${t.pass} pass / ${t.fail} fail / ${t.known} known, ${line.regions} regions, ${(bytes / 1e6).toFixed(2)} MB compiled in ${(r.ms / 1000).toFixed(1)} s${out ? ` → ${out}` : ''}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(2);
    },
  );
}
