/**
 * The one load pipeline of the page and the CLI: read → parse → validate → salvage → reconcile.
 * Files come through a Reader (the page's fetches them, the CLI's reads the disk), always by a
 * path already confined to the data root. Every problem becomes a DataError naming the file, the
 * record and the field; a broken file never throws past this module, so views that do not need it
 * keep working.
 */
import type { ClassificationFile, DataError, DataIndex, RuleResult, UnitYearFile } from '../model/types';
import { reconcile } from '../domain/rules';
import { parseJson, validateClassification, validateIndex, validateUnitYear, type UnitYearContext } from './validate';
import { resolveDataPath } from './paths';
import { salvage } from './salvage';
import { checkManifest, MANIFEST_PATH, unitPartitionPath, type CompiledManifest, type UnitPartition } from './compiled';
import { textHash } from './hash';

/** What a Reader gives for one path (relative to the data root): the text, or why there is none. */
type ReadResult = { text: string } | { error: DataError };
export type Reader = (path: string) => Promise<ReadResult>;

export interface LoadOptions {
  /** How messages name a path relative to the data root; "data/<path>" by default. */
  name?: (path: string) => string;
  /**
   * Files under the data root that the index does not list (units/…, classifications/…): the CLI
   * checks them too, reported as unlisted.
   */
  unlisted?: string[];
}

export interface UnitYearResult {
  unit: string;
  /** The report year the index lists the file under. */
  year: number;
  file: string;
  value?: UnitYearFile;
  errors: DataError[];
  /**
   * Parts of the file left out because their records did not validate (e.g. "indicators").
   * The rest of the file is still used, so views that do not need the broken part keep working.
   */
  broken: string[];
  /** Reconciliation results; empty when the file did not validate. */
  results: RuleResult[];
  /** False for a file under data/units/ that the index does not list (the CLI checks it anyway). */
  listed?: false;
}

export interface Dataset {
  index?: DataIndex;
  functional?: ClassificationFile;
  economic?: ClassificationFile;
  unitYears: UnitYearResult[];
  /** Every error of every file, in load order. */
  errors: DataError[];
  /** Names of the files checked that the index does not list. */
  unlisted?: string[];
}

const defaultName = (p: string) => `data/${p}`;

/** Read and parse one file by a path from data; a path leaving the data root is refused here. */
async function readJson(reader: Reader, raw: string, name: (p: string) => string): Promise<{ file: string; value?: unknown; errors: DataError[]; text?: string }> {
  const r = await readText(reader, raw, name);
  if (r.text === undefined) return r;
  const parsed = parseJson(r.text, r.file);
  return { file: r.file, value: parsed.value, errors: parsed.errors, text: r.text };
}

/** Validate, salvage what can be kept, and reconcile one unit-year file. */
export function checkUnitYear(json: unknown, file: string, ctx: UnitYearContext): Pick<UnitYearResult, 'value' | 'errors' | 'broken' | 'results'> {
  const v = validateUnitYear(json, file, ctx);
  let value = v.value;
  let broken: string[] = [];
  if (!value) ({ value, broken } = salvage(json, v.errors, (j) => validateUnitYear(j, file, ctx).errors));
  const { functional, economic } = ctx;
  const results = value && functional && economic ? reconcile(value, { functional, economic }) : [];
  return { value, errors: v.errors, broken, results };
}

/** Read one file's text by a path from data; a path leaving the data root is refused here. */
async function readText(reader: Reader, raw: string, name: (p: string) => string): Promise<{ file: string; text?: string; errors: DataError[] }> {
  const r = resolveDataPath(raw);
  if (!r.ok) {
    const file = name(raw);
    return { file, errors: [{ file, record: '', field: '', message: `${file}: not read: the path is refused (${r.problem})`, found: raw }] };
  }
  const file = name(r.path);
  const got = await reader(r.path);
  return 'error' in got ? { file, errors: [got.error] } : { file, text: got.text, errors: [] };
}

/** Parse, validate, salvage and reconcile one unit-year file that was read (or say why it was not). */
function checkRead(
  r: { file: string; text?: string; errors: DataError[] },
  { unit, year, listed, ctx }: { unit: string; year: number; listed: boolean; ctx: Omit<UnitYearContext, 'unit' | 'year'> },
): UnitYearResult {
  const base = { unit, year, file: r.file, ...(listed ? {} : { listed: false as const }) };
  const parsed = r.text === undefined ? { value: undefined, errors: [] } : parseJson(r.text, r.file);
  const errors = [...r.errors, ...parsed.errors];
  if (parsed.value === undefined) return { ...base, errors, results: [], broken: ['all'] };
  const checked = checkUnitYear(parsed.value, r.file, { ...ctx, ...(listed ? { unit, year } : {}) });
  return { ...base, ...checked, errors: [...errors, ...checked.errors] };
}

/**
 * Load everything the index lists (and, for the CLI, the unlisted files it names) through `reader`.
 */
export async function loadDataset(reader: Reader, opts: LoadOptions = {}): Promise<Dataset> {
  const name = opts.name ?? defaultName;
  const ds: Dataset = { unitYears: [], errors: [] };

  const idx = await readJson(reader, 'index.json', name);
  const vi = idx.value === undefined ? undefined : validateIndex(idx.value, idx.file);
  ds.errors.push(...idx.errors, ...(vi?.errors ?? []));
  ds.index = vi?.value;
  const index = ds.index;

  const tree = async (path: string) => {
    const r = await readJson(reader, path, name);
    const v = r.value === undefined ? undefined : validateClassification(r.value, r.file);
    ds.errors.push(...r.errors, ...(v?.errors ?? []));
    return v?.value;
  };
  // The unit files download alongside the trees; validating them waits for the trees.
  const trees = index
    ? Promise.all([tree(index.classifications.functional), tree(index.classifications.economic)])
    : Promise.resolve([undefined, undefined] as const);
  const groups = index?.groups?.map((g) => g.id);
  const unitJob = async (path: string, unit: string, year: number, listed: boolean): Promise<UnitYearResult> => {
    const [r, [functional, economic]] = await Promise.all([readText(reader, path, name), trees]);
    return checkRead(r, { unit, year, listed, ctx: { functional, economic, groups } });
  };
  const jobs = (index?.units ?? []).flatMap((u) => u.years.map(({ year, file }) => unitJob(file, u.id, year, true)));

  const unlisted = index ? (opts.unlisted ?? []) : [];
  const unlistedJobs = unlisted.flatMap((path) => {
    const m = /^units\/([^/]+)\/(\d{4})\.json$/.exec(path);
    return m ? [unitJob(path, m[1], Number(m[2]), false)] : path.startsWith('units/') ? [unitJob(path, '', 0, false)] : [];
  });
  const unlistedTrees = unlisted.filter((p) => p.startsWith('classifications/')).map((p) => tree(p));

  [ds.functional, ds.economic] = await trees;
  ds.unitYears = [...(await Promise.all(jobs)), ...(await Promise.all(unlistedJobs))];
  await Promise.all(unlistedTrees);
  for (const uy of ds.unitYears) ds.errors.push(...uy.errors);
  if (unlisted.length) ds.unlisted = unlisted.map(name);
  return ds;
}

/**
 * Run the rules again with each report's text, adding the quote checks (every stated quote is in
 * the source). The source is read through the same reader, by `source.file` confined to the data
 * root; the page does this on demand (the quality view), not on the first paint.
 */
export async function checkQuotes(ds: Dataset, reader: Reader): Promise<{ unitYears: UnitYearResult[]; errors: DataError[] }> {
  const errors: DataError[] = [];
  const { functional, economic } = ds;
  const unitYears = await Promise.all(
    ds.unitYears.map(async (uy) => {
      if (!uy.value || !functional || !economic) return uy;
      const r = resolveDataPath(uy.value.source.file);
      if (!r.ok) return uy; // already reported by the validator (source.file)
      const got = await reader(r.path);
      if ('error' in got) {
        const e = got.error;
        errors.push({ ...e, message: `${e.message}（${uy.file} › source.file；引文核对未运行）` });
        return uy;
      }
      return { ...uy, results: reconcile(uy.value, { functional, economic }, { sourceText: got.text }) };
    }),
  );
  return { unitYears, errors };
}

/** What openDataset gives: the index and trees, and the compiled manifest when it matches them. */
export interface Opened {
  /** The index and trees (unitYears empty: units load one at a time, see loadUnit). */
  ds: Dataset;
  manifest?: CompiledManifest;
  /** Why the compiled data is not used (absent, unreadable, or made from other files). */
  why?: string;
}

/**
 * Open a data folder that may carry compiled data: read index.json, both trees and
 * compiled/manifest.json. The manifest is used only when the index and trees are the very files it
 * was compiled from (same fingerprints); otherwise — no manifest, a hand-edited copy, a data folder
 * swapped under a built site — the caller loads the folder as is (loadDataset), validating every
 * file in the page, so a broken file is reported exactly as it would be without a build.
 */
export async function openDataset(reader: Reader, opts: Pick<LoadOptions, 'name'> = {}): Promise<Opened> {
  const name = opts.name ?? defaultName;
  const ds: Dataset = { unitYears: [], errors: [] };
  const [idx, man] = await Promise.all([readJson(reader, 'index.json', name), reader(MANIFEST_PATH)]);
  const vi = idx.value === undefined ? undefined : validateIndex(idx.value, idx.file);
  ds.errors.push(...idx.errors, ...(vi?.errors ?? []));
  ds.index = vi?.value;
  if (!ds.index) return { ds, why: 'index.json did not validate' };
  if ('error' in man) return { ds, why: 'no compiled manifest' };
  let json: unknown;
  try {
    json = JSON.parse(man.text);
  } catch {
    return { ds, why: 'the compiled manifest is not JSON' };
  }
  const checked = checkManifest(json);
  if ('problem' in checked) return { ds, why: `compiled manifest: ${checked.problem}` };
  const { manifest } = checked;
  const paths = ['index.json', ds.index.classifications.functional, ds.index.classifications.economic];
  const [functional, economic] = await Promise.all(paths.slice(1).map((p) => readJson(reader, p, name)));
  const texts = [idx.text, functional.text, economic.text];
  const stale = paths.find((p, i) => texts[i] === undefined || manifest.hashes[resolvePath(p)] !== textHash(texts[i]!));
  if (stale) return { ds, why: `${stale} is not the file the build compiled` };
  for (const [r, key] of [[functional, 'functional'], [economic, 'economic']] as const) {
    const v = validateClassification(r.value, r.file);
    ds.errors.push(...r.errors, ...v.errors);
    ds[key] = v.value;
  }
  return { ds, manifest };
}

const resolvePath = (p: string) => {
  const r = resolveDataPath(p);
  return r.ok ? r.path : p;
};

/**
 * Load one unit's reports on a compiled data folder: each file is fetched, and when its
 * fingerprint is the one the build recorded, its rule results are taken from the unit's partition
 * instead of being recomputed; any other file (edited after the build, or a partition missing) goes
 * through the whole pipeline (validate, salvage, reconcile) as in loadDataset.
 */
export async function loadUnit(reader: Reader, ds: Dataset, unit: string, opts: Pick<LoadOptions, 'name'> = {}): Promise<UnitYearResult[]> {
  const name = opts.name ?? defaultName;
  const entry = ds.index?.units.find((u) => u.id === unit);
  if (!entry) return [];
  const part = reader(unitPartitionPath(unit)).then((got) => {
    if ('error' in got) return undefined;
    try {
      return JSON.parse(got.text) as UnitPartition;
    } catch {
      return undefined;
    }
  });
  const ctx = { functional: ds.functional, economic: ds.economic, groups: ds.index?.groups?.map((g) => g.id) };
  return Promise.all(
    entry.years.map(async ({ year, file: path }) => {
      const [r, partition] = await Promise.all([readText(reader, path, name), part]);
      const compiled = partition?.files.find((f) => f.year === year && f.file === resolvePath(path));
      if (r.text !== undefined && compiled && compiled.broken.length === 0 && compiled.hash === textHash(r.text)) {
        // The build validated this very text; JSON.parse gives the same value parseJson would.
        return { unit, year, file: r.file, value: JSON.parse(r.text) as UnitYearFile, errors: [], broken: [], results: compiled.results };
      }
      return checkRead(r, { unit, year, listed: true, ctx });
    }),
  );
}
