/**
 * The loaded data as the views see it: the validated files, the Arquero tables built from
 * them, the reconciliation results and every load/validation error.
 *
 * Two ways in. A built site carries compiled data (data/compiled/, see src/data/compiled.ts): the
 * page reads the index, the manifest and the trees, then only the units it shows, one at a time
 * (ensureUnit), with their rule results from the build; loaded units stay cached for the visit.
 * A data folder without a matching manifest (the dev server, a hand-edited copy of dist/) is
 * loaded whole and validated in the page, exactly as before compiling existed.
 */
import type { ColumnTable } from 'arquero';
import { checkQuotes, checkUnitYear, loadDataset, loadUnit, openDataset, type Dataset, type Reader, type UnitYearResult } from '../data/load';
import type { CompiledManifest } from '../data/compiled';
import { spendingYears } from '../domain/spending/slices';
import { fetchBytesReader, fetchReader, timeoutFromQuery } from '../data/fetch';
import { reportFor, yearsOf } from '../data/select';
import { factsTable, indicatorsTable, preferOwnReport } from '../data/tables';
import { UnitFigures } from '../domain/figures';
import { reconcile } from '../domain/rules';
import { withNodes } from '../import/options';
import { yieldToMain } from './yield';
import type { ClassNode, DisplayGroup, UnitEntry, UnitYearFile } from '../model/types';

/** What #/import adds besides the file: the unit's name and what its import needs added to the index and trees. */
interface PreviewEntry {
  name: string;
  region?: string;
  /** The decoded report text (or the tables' text rendering), for the quote checks. */
  sourceText?: string;
  newCodes?: { functional: ClassNode[]; economic: ClassNode[] };
  newGroups?: DisplayGroup[];
}

/** How a preview unit's name shows: in the selector, the header, every title. */
export const PREVIEW_MARK = '（预览）';

class DataStore {
  status = $state<'loading' | 'ready'>('loading');
  dataset = $state.raw<Dataset>({ unitYears: [], errors: [] });
  facts = $state.raw<ColumnTable | null>(null);
  indicators = $state.raw<ColumnTable | null>(null);

  /** Files that validated, for every unit and year. */
  get files(): UnitYearFile[] {
    return this.dataset.unitYears.flatMap((u) => (u.value ? [u.value] : []));
  }

  /** The files of one unit (every report of it that loaded). */
  filesOf(unit: string): UnitYearFile[] {
    return this.files.filter((f) => f.unit === unit);
  }

  // Keyed by the dataset, so reading figures() also tracks the dataset (a reload re-runs readers).
  private figureCache = new WeakMap<Dataset, Map<string, UnitFigures>>();
  /** Figures of one unit by role, across its reports (built once per loaded dataset). */
  figures(unit: string): UnitFigures {
    const ds = this.dataset;
    let byUnit = this.figureCache.get(ds);
    if (!byUnit) this.figureCache.set(ds, (byUnit = new Map()));
    let f = byUnit.get(unit);
    if (!f) byUnit.set(unit, (f = new UnitFigures(this.filesOf(unit))));
    return f;
  }

  /** The load result for one unit and report year (with its errors and rule results). */
  unitYear(unit: string, year: number): UnitYearResult | undefined {
    return this.dataset.unitYears.find((u) => u.unit === unit && u.year === year);
  }

  /** The report that states fact year `year` for `unit` (its own, else the latest citing it). */
  reportFor(unit: string, year: number): UnitYearResult | undefined {
    return reportFor(this.dataset.unitYears, unit, year);
  }

  /** The index entry of a unit (name, region, years, indicatorsTitle). */
  unitEntry(unit: string): UnitEntry | undefined {
    return this.dataset.index?.units.find((u) => u.id === unit);
  }

  /** Fact years with any record for `unit`, latest first (from the manifest until the unit has loaded). */
  years(unit: string): number[] {
    if (this.manifest && !this.loaded.has(unit)) return this.manifest.units[unit]?.years ?? [];
    return yearsOf(this.dataset.unitYears, unit);
  }

  /** Years in which `unit`'s spending can be compared (决算 spending facts), ascending. */
  comparable(unit: string): number[] {
    if (this.manifest && !this.loaded.has(unit)) return this.manifest.units[unit]?.comparable ?? [];
    return this.facts ? spendingYears(this.facts, unit) : [];
  }

  /** The compiled manifest when the site ships one that matches its data; null = everything loaded and validated here. */
  manifest = $state.raw<CompiledManifest | null>(null);
  /** Units whose files have loaded (every unit when there is no manifest). */
  loaded = $state.raw<ReadonlySet<string>>(new Set());
  private pending = new Map<string, Promise<void>>();

  /** Whether `unit`'s files are here (or it is not a unit the data has: nothing to wait for). */
  hasUnit(unit: string): boolean {
    return !this.manifest || this.loaded.has(unit) || this.previews.has(unit) || !this.manifest.units[unit];
  }

  /**
   * Fetch one unit's reports (compiled data only; otherwise everything is already here), at most
   * once per visit, and add them to the dataset and its tables.
   */
  ensureUnit(unit: string): Promise<void> {
    if (this.hasUnit(unit)) return Promise.resolve();
    let p = this.pending.get(unit);
    if (!p) {
      p = (async () => {
        const got = await loadUnit(this.reader(), this.dataset, unit);
        // Validating the files and building the tables are separate tasks on a slow phone.
        await yieldToMain();
        let now = this.dataset;
        let add = got;
        if (this.quotes === 'done') {
          const q = await checkQuotes({ ...now, unitYears: got }, this.reader());
          add = q.unitYears;
          now = this.dataset;
          now = { ...now, errors: [...now.errors, ...q.errors] };
        }
        this.loaded = new Set([...this.loaded, unit]);
        this.setDataset({ ...now, unitYears: [...now.unitYears, ...add], errors: [...now.errors, ...add.flatMap((u) => u.errors)] });
      })();
      this.pending.set(unit, p);
    }
    return p;
  }

  /** 'done' once the quote checks against the report's text have run (see checkQuotes). */
  quotes = $state<'no' | 'running' | 'done'>('no');
  private base?: string;

  /** The page's reader of the data folder (bounded, retrying fetches), e.g. for the region partitions. */
  reader(): Reader {
    return fetchReader({ base: this.base, timeoutMs: timeoutFromQuery() });
  }

  /** The same reader for binary files (the region partitions): from the data folder `load` was given, wherever the page sits. */
  bytesReader(): ReturnType<typeof fetchBytesReader> {
    return fetchBytesReader({ base: this.base, timeoutMs: timeoutFromQuery() });
  }

  /**
   * Load the data: with compiled data, the index, trees and `first` unit's reports (the one the
   * link names, else the index's first); without, every file.
   */
  async load(base?: string, first?: string): Promise<void> {
    this.base = base;
    const opened = await openDataset(this.reader());
    if (opened.manifest) {
      this.manifest = opened.manifest;
      this.setDataset(opened.ds);
      await yieldToMain();
      const units = opened.ds.index?.units ?? [];
      const unit = units.find((u) => u.id === first)?.id ?? units[0]?.id;
      if (unit) await this.ensureUnit(unit);
    } else {
      const ds = await loadDataset(this.reader());
      this.loaded = new Set(ds.index?.units.map((u) => u.id) ?? []);
      this.setDataset(ds);
    }
    this.status = 'ready';
  }

  /** The dataset and the tables built from its files. */
  private setDataset(ds: Dataset): void {
    const files = ds.unitYears.flatMap((u) => (u.value ? [u.value] : []));
    this.facts = files.length ? preferOwnReport(factsTable(files)) : null;
    this.indicators = files.length ? indicatorsTable(files) : null;
    this.dataset = ds;
  }

  /** Units added in this session by #/import: in memory only, gone on reload. */
  previews = $state.raw<ReadonlySet<string>>(new Set());

  /** Whether `unit` is a preview (imported in this session, not published). */
  isPreview(unit: string): boolean {
    return this.previews.has(unit);
  }

  /**
   * Check an imported unit-year with the load pipeline (validate, salvage, reconcile, and the
   * quote checks against its own text when given) and, when it is structurally valid, add it to
   * this session's dataset as a preview unit named with PREVIEW_MARK, so every route can show it.
   * A preview of the same id replaces the earlier one; a published unit's id is refused.
   */
  addPreview(file: UnitYearFile, entry: PreviewEntry): UnitYearResult & { added: boolean } {
    const ds = this.dataset;
    const unit = file.unit;
    const year = file.reportYear;
    const path = `units/${unit}/${year}.json`;
    const name = `预览：${path}`;
    const base = { unit, year, file: name, broken: [] as string[], results: [], added: false };
    if (!ds.index || !ds.functional || !ds.economic)
      return { ...base, errors: [{ file: name, record: '', field: '', message: '数据目录没有加载成功（索引或分类表缺失），无法核对导入结果' }] };
    if (ds.index.units.some((u) => u.id === unit) && !this.previews.has(unit))
      return { ...base, errors: [{ file: name, record: '', field: 'unit', message: `单位 id“${unit}”已是发布的单位：预览不能替换已发布的数据，请换一个 id`, found: unit }] };
    const functional = withNodes(ds.functional, entry.newCodes?.functional ?? []) ?? ds.functional;
    const economic = withNodes(ds.economic, entry.newCodes?.economic ?? []) ?? ds.economic;
    const groups = [...(ds.index.groups ?? [])];
    for (const g of entry.newGroups ?? []) if (!groups.some((x) => x.id === g.id)) groups.push(g);
    const checked = checkUnitYear(file, name, { functional, economic, groups: groups.map((g) => g.id), unit, year });
    if (checked.errors.length || !checked.value) return { ...base, ...checked, added: false };
    const results = entry.sourceText === undefined ? checked.results : reconcile(checked.value, { functional, economic }, { sourceText: entry.sourceText });
    const result: UnitYearResult = { unit, year, file: name, value: checked.value, errors: [], broken: checked.broken, results };
    const units = ds.index.units.filter((u) => u.id !== unit);
    units.push({ id: unit, name: `${entry.name}${PREVIEW_MARK}`, region: entry.region || `本次导入${PREVIEW_MARK}`, currency: '万元', years: [{ year, file: path }] });
    this.previews = new Set([...this.previews, unit]);
    this.loaded = new Set([...this.loaded, unit]);
    this.setDataset({
      ...ds,
      index: { ...ds.index, units, ...(groups.length ? { groups } : {}) },
      functional,
      economic,
      unitYears: [...ds.unitYears.filter((u) => u.unit !== unit), result],
    });
    return { ...result, added: true };
  }

  /** Add the quote checks to the rule results (fetches each report's text once; previews had theirs from memory). */
  async checkQuotes(): Promise<void> {
    if (this.quotes !== 'no' || this.status !== 'ready') return;
    this.quotes = 'running';
    const published = { ...this.dataset, unitYears: this.dataset.unitYears.filter((u) => !this.previews.has(u.unit)) };
    const { unitYears, errors } = await checkQuotes(published, this.reader());
    // A preview added while the texts were fetched stays as it is.
    const now = this.dataset;
    this.dataset = { ...now, unitYears: now.unitYears.map((u) => unitYears.find((c) => c.unit === u.unit && c.year === u.year && c.file === u.file) ?? u), errors: [...now.errors, ...errors] };
    this.quotes = 'done';
  }
}

export const data = new DataStore();
