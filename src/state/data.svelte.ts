/**
 * The loaded data as the views see it: the validated files, the Arquero tables built from
 * them once, the reconciliation results and every load/validation error.
 */
import type { ColumnTable } from 'arquero';
import { checkQuotes, loadDataset, type Dataset, type UnitYearResult } from '../data/load';
import { fetchReader, timeoutFromQuery } from '../data/fetch';
import { reportFor, yearsOf } from '../data/select';
import { factsTable, indicatorsTable, preferOwnReport } from '../data/tables';
import { UnitFigures } from '../domain/figures';
import type { UnitEntry, UnitYearFile } from '../model/types';

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

  /** Fact years with any record for `unit`, latest first. */
  years(unit: string): number[] {
    return yearsOf(this.dataset.unitYears, unit);
  }

  /** 'done' once the quote checks against the report's text have run (see checkQuotes). */
  quotes = $state<'no' | 'running' | 'done'>('no');
  private base?: string;

  private reader() {
    return fetchReader({ base: this.base, timeoutMs: timeoutFromQuery() });
  }

  async load(base?: string): Promise<void> {
    this.base = base;
    const ds = await loadDataset(this.reader());
    const files = ds.unitYears.flatMap((u) => (u.value ? [u.value] : []));
    this.facts = files.length ? preferOwnReport(factsTable(files)) : null;
    this.indicators = files.length ? indicatorsTable(files) : null;
    this.dataset = ds;
    this.status = 'ready';
  }

  /** Add the quote checks to the rule results (fetches each report's text once). */
  async checkQuotes(): Promise<void> {
    if (this.quotes !== 'no' || this.status !== 'ready') return;
    this.quotes = 'running';
    const { unitYears, errors } = await checkQuotes(this.dataset, this.reader());
    this.dataset = { ...this.dataset, unitYears, errors: [...this.dataset.errors, ...errors] };
    this.quotes = 'done';
  }
}

export const data = new DataStore();
