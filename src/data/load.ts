/**
 * Fetch + validate + reconcile the data files. Every problem becomes a DataError naming the
 * file, the record and the field; a broken file never throws past this module, so views that
 * do not need it keep working.
 */
import type { ClassificationFile, DataError, DataIndex, RuleResult, UnitYearFile } from '../model/types';
import { parseJson, validateClassification, validateIndex, validateUnitYear } from './validate';
import { reconcile } from '../domain/rules';

/** How long one file may take before it is reported as too slow (a hung intranet proxy, say). */
export const FETCH_TIMEOUT_MS = 15_000;

/**
 * The fetch timeout for this page: FETCH_TIMEOUT_MS, or `?timeout=<ms>` in the page URL (before
 * the hash; 500 to 120000). Lets the end-to-end tests check the "too slow" message without
 * waiting 15 s, and lets an intranet with a slow proxy wait longer. It only changes how long
 * the page waits, so exposing it is harmless.
 */
export function timeoutFromQuery(search = typeof location === 'undefined' ? '' : location.search): number {
  const v = Number(new URLSearchParams(search).get('timeout'));
  return Number.isFinite(v) && v >= 500 && v <= 120_000 ? Math.round(v) : FETCH_TIMEOUT_MS;
}

export interface FileResult<T> {
  file: string;
  value?: T;
  errors: DataError[];
}

/** Fetch one text file: HTTP status, network failure and timeout become DataErrors. */
export async function fetchText(
  url: string,
  file: string,
  { fetchImpl = fetch, timeoutMs = FETCH_TIMEOUT_MS }: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<{ file: string; text?: string; errors: DataError[] }> {
  const err = (message: string, found?: string) => ({ file, errors: [{ file, record: '', field: '', message, found }] });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // Default caching, so the responses preloaded by index.html (vite.config.ts) are reused.
    const res = await fetchImpl(url, { signal: controller.signal });
    if (!res.ok) return err(`${file}：HTTP ${res.status} ${res.statusText || ''}`.trim(), String(res.status));
    return { file, text: await res.text(), errors: [] };
  } catch (e) {
    if (controller.signal.aborted) return err(`${file}：${timeoutMs / 1000} 秒内未能加载完成（响应过慢）`);
    return err(`${file}：无法加载（${e instanceof Error ? e.message : String(e)}）`);
  } finally {
    clearTimeout(timer);
  }
}

/** Fetch one JSON file: HTTP status, network failure, timeout and invalid JSON all become DataErrors. */
export async function fetchJson(
  url: string,
  file: string,
  opts: { fetchImpl?: typeof fetch; timeoutMs?: number } = {},
): Promise<FileResult<unknown>> {
  const r = await fetchText(url, file, opts);
  if (r.text === undefined) return { file, errors: r.errors };
  const parsed = parseJson(r.text, file);
  return { file, value: parsed.value, errors: parsed.errors };
}

export interface UnitYearResult extends FileResult<UnitYearFile> {
  unit: string;
  year: number;
  /**
   * Parts of the file left out because their records did not validate (e.g. "indicators").
   * The rest of the file is still used, so views that do not need the broken part keep working.
   */
  broken: string[];
  /** Reconciliation results; empty when the file did not validate. */
  results: RuleResult[];
}

export interface Dataset {
  index?: DataIndex;
  functional?: ClassificationFile;
  economic?: ClassificationFile;
  unitYears: UnitYearResult[];
  /** Every error of every file, in load order. */
  errors: DataError[];
}

/**
 * Load everything the index lists. `base` is the data folder URL relative to the page
 * ("./data/"), so the site works under any sub-path.
 */
export async function loadDataset(base = './data/', fetchImpl: typeof fetch = fetch, timeoutMs = timeoutFromQuery()): Promise<Dataset> {
  const get = (file: string) => fetchJson(new URL(file, new URL(base, document.baseURI)).href, `data/${file}`, { fetchImpl, timeoutMs });
  const ds: Dataset = { unitYears: [], errors: [] };

  const idx = await get('index.json');
  const vi = idx.value === undefined ? undefined : validateIndex(idx.value, idx.file);
  ds.errors.push(...idx.errors, ...(vi?.errors ?? []));
  ds.index = vi?.value;
  if (!ds.index) return ds;

  const tree = async (path: string) => {
    const r = await get(path);
    const v = r.value === undefined ? undefined : validateClassification(r.value, r.file);
    ds.errors.push(...r.errors, ...(v?.errors ?? []));
    return v?.value;
  };
  // The unit files download alongside the trees; validating them waits for the trees.
  const trees = Promise.all([tree(ds.index.classifications.functional), tree(ds.index.classifications.economic)]);
  const jobs = ds.index.units.flatMap((u) =>
    u.years.map(async ({ year, file }): Promise<UnitYearResult> => {
      const [r, [functional, economic]] = await Promise.all([get(file), trees]);
      if (r.value === undefined) return { unit: u.id, year, file: r.file, errors: r.errors, results: [], broken: ['all'] };
      const ctx = { functional, economic, unit: u.id, year };
      const v = validateUnitYear(r.value, r.file, ctx);
      let value = v.value;
      let broken: string[] = [];
      if (!value) ({ value, broken } = salvage(r.value, v.errors, (json) => validateUnitYear(json, r.file, ctx).errors));
      const results = value && functional && economic ? reconcile(value, { functional, economic }) : [];
      return { unit: u.id, year, file: r.file, value, errors: [...r.errors, ...v.errors], results, broken };
    }),
  );
  [ds.functional, ds.economic] = await trees;
  ds.unitYears = await Promise.all(jobs);
  for (const uy of ds.unitYears) ds.errors.push(...uy.errors);
  return ds;
}

/**
 * Run the rules again with the report's text, adding the quote checks (every stated quote is
 * in the source). Only sources shipped inside data/ can be read by the page; the page loads
 * them on demand (the quality view), not on the first paint.
 */
export async function checkQuotes(
  ds: Dataset,
  base = './data/',
  fetchImpl: typeof fetch = fetch,
): Promise<{ unitYears: UnitYearResult[]; errors: DataError[] }> {
  const errors: DataError[] = [];
  const { functional, economic } = ds;
  const unitYears = await Promise.all(
    ds.unitYears.map(async (uy) => {
      const file = uy.value?.source.file;
      if (!uy.value || !functional || !economic || !file?.startsWith('data/')) return uy;
      const r = await fetchText(new URL(file.slice('data/'.length), new URL(base, document.baseURI)).href, file, { fetchImpl });
      errors.push(...r.errors);
      if (r.text === undefined) return uy;
      return { ...uy, results: reconcile(uy.value, { functional, economic }, { sourceText: r.text }) };
    }),
  );
  return { unitYears, errors };
}

const LISTS = ['facts', 'measures', 'indicators', 'knownIssues'] as const;

/**
 * Keep what validates when a file's errors sit inside its record lists: empty the broken
 * lists and validate again; a list whose records now cite emptied records breaks in turn.
 * Facts that were valid themselves but cite a dropped record (a 2021 figure derived from a
 * stated change, say) take only their own year with them: a year is kept whole or not at all,
 * so no total is ever shown beside a partial set of its parts. Errors outside the lists
 * (header, source) lose the whole file. `broken` names what was left out ("indicators",
 * "facts:2021", "all").
 */
export function salvage(
  json: unknown,
  errors: DataError[],
  revalidate: (json: unknown) => DataError[],
): { value?: UnitYearFile; broken: string[] } {
  if (typeof json !== 'object' || json === null) return { broken: ['all'] };
  const file = json as Record<string, unknown>;
  const facts = Array.isArray(file.facts) ? (file.facts as Array<{ id?: unknown; year?: unknown }>) : [];
  const factsValid = !errors.some((e) => e.section === 'facts');
  const yearOf = (id: string) => facts.find((f) => f.id === id)?.year;
  const broken = new Set<string>();
  const droppedYears = new Set<unknown>();
  // An emptied fact list is reported at file level; that one is expected once facts are dropped.
  const expected = (e: DataError) => broken.has('facts') && e.record === '' && e.field === 'facts';
  let pending = errors;
  for (let pass = 0; pass < LISTS.length + 3; pass++) {
    for (const e of pending) {
      if (expected(e)) continue;
      if (!e.section || !(LISTS as readonly string[]).includes(e.section)) return { broken: ['all'] };
      const year = e.section === 'facts' && factsValid ? yearOf(e.record) : undefined;
      if (typeof year === 'number') droppedYears.add(year);
      else broken.add(e.section);
    }
    const pruned = {
      ...file,
      facts: broken.has('facts') ? [] : facts.filter((f) => !droppedYears.has(f.year)),
      ...Object.fromEntries([...broken].filter((s) => s !== 'facts').map((s) => [s, []])),
    };
    pending = revalidate(pruned).filter((e) => !expected(e));
    if (pending.length === 0) {
      const years = broken.has('facts') ? [] : [...droppedYears].map((y) => `facts:${y}`);
      return { value: pruned as unknown as UnitYearFile, broken: [...broken, ...years] };
    }
  }
  return { broken: ['all'] };
}
