/**
 * The loaded data as the views see it: the validated files, the Arquero tables built from
 * them once, the reconciliation results and every load/validation error.
 */
import type { ColumnTable } from 'arquero';
import { checkQuotes, loadDataset, type Dataset, type UnitYearResult } from '../data/load';
import { factsTable, indicatorsTable, preferOwnReport } from '../data/tables';
import type { UnitYearFile } from '../model/types';

class DataStore {
  status = $state<'loading' | 'ready'>('loading');
  dataset = $state.raw<Dataset>({ unitYears: [], errors: [] });
  facts = $state.raw<ColumnTable | null>(null);
  indicators = $state.raw<ColumnTable | null>(null);

  /** Files that validated, for every unit and year. */
  get files(): UnitYearFile[] {
    return this.dataset.unitYears.flatMap((u) => (u.value ? [u.value] : []));
  }

  /** The load result for one unit and report year (with its errors and rule results). */
  unitYear(unit: string, year: number): UnitYearResult | undefined {
    return this.dataset.unitYears.find((u) => u.unit === unit && u.year === year);
  }

  /** 'done' once the quote checks against the report's text have run (see checkQuotes). */
  quotes = $state<'no' | 'running' | 'done'>('no');
  private base?: string;

  async load(base?: string): Promise<void> {
    this.base = base;
    const ds = await loadDataset(base);
    const files = ds.unitYears.flatMap((u) => (u.value ? [u.value] : []));
    this.facts = files.length ? preferOwnReport(factsTable(files)) : null;
    this.indicators = files.length ? indicatorsTable(files) : null;
    this.dataset = ds;
    this.status = 'ready';
  }

  /** Add the quote checks to the rule results (fetches the report's text once). */
  async checkQuotes(): Promise<void> {
    if (this.quotes !== 'no' || this.status !== 'ready') return;
    this.quotes = 'running';
    const { unitYears, errors } = await checkQuotes(this.dataset, this.base);
    this.dataset = { ...this.dataset, unitYears, errors: [...this.dataset.errors, ...errors] };
    this.quotes = 'done';
  }
}

export const data = new DataStore();
