/**
 * Validated records → Arquero tables. Long fact rows with the unit added from the file, so
 * several units and years stack into one table; transforms are pure Table → Table steps.
 */
import { desc, from, not, table, type ColumnTable } from 'arquero';
import type { Fact, Indicator, UnitYearFile } from '../model/types';

export interface FactRow extends Omit<Fact, 'provenance' | 'codeProvenance' | 'note'> {
  unit: string;
  /** The report year of the file the row came from (a 2023 report restates 2022 as its 上年). */
  reportYear: number;
  provenance: Fact['provenance']['kind'];
}

/** One money fact of a unit-year file as a row of the facts table. */
export function factRow(file: Pick<UnitYearFile, 'unit' | 'reportYear'>, { id, year, phase, flow, source, basis, functional, economic, amount, label, provenance }: Fact): FactRow {
  return { unit: file.unit, reportYear: file.reportYear, id, year, phase, flow, source, basis, functional, economic, amount, label, provenance: provenance.kind };
}

/** One row per money fact, across every given unit-year file. */
export function factsTable(files: UnitYearFile[]): ColumnTable {
  return withColumns(
    files.flatMap((f) => f.facts.map((x) => factRow(f, x))),
    FACT_COLUMNS,
  );
}

const FACT_COLUMNS = ['unit', 'reportYear', 'id', 'year', 'phase', 'flow', 'source', 'basis', 'functional', 'economic', 'amount', 'label', 'provenance'];
const INDICATOR_COLUMNS = ['owner', 'domain', 'id', 'group', 'label', 'value', 'unit', 'year', 'approx', 'cumulative', 'parent', 'sumsToParent', 'decimals', 'provenance'];

/**
 * `from([])` has no columns, and any expression over it throws ("Invalid column reference"):
 * a file whose facts were all dropped as invalid must give an empty table with the usual columns.
 */
function withColumns(rows: object[], columns: string[]): ColumnTable {
  return rows.length ? from(rows) : table(Object.fromEntries(columns.map((c) => [c, []])));
}

/**
 * When several reports speak of the same year (a 2023 report derives its 2022 上年 figures),
 * keep, for each fact key, the row from that year's own report, else the latest report.
 */
export function preferOwnReport(facts: ColumnTable): ColumnTable {
  return facts
    .derive({ own: (d: FactRow) => (d.reportYear === d.year ? 1 : 0) })
    .orderby(desc('own'), desc('reportYear'))
    .dedupe('unit', 'year', 'phase', 'flow', 'source', 'basis', 'functional', 'economic')
    .select(not('own'));
}

export interface IndicatorRow extends Omit<Indicator, 'provenance' | 'recompute' | 'note' | 'sumsToParent' | 'decimals'> {
  /** The government unit the record belongs to (`unit` is the measure's own unit: 万元, 个 …). */
  owner: string;
  domain: 'finance' | 'operations';
  sumsToParent: boolean;
  decimals: number | null;
  provenance: Indicator['provenance']['kind'];
}

/** One row per measure and operational indicator, with `domain` telling which list it came from. */
export function indicatorsTable(files: UnitYearFile[]): ColumnTable {
  const rows: IndicatorRow[] = files.flatMap((f) =>
    (
      [
        ['finance', f.measures],
        ['operations', f.indicators],
      ] as const
    ).flatMap(([domain, list]) =>
      list.map(({ id, group, label, value, unit, year, approx, cumulative, parent, sumsToParent, decimals, provenance }) => ({
        owner: f.unit,
        domain,
        id,
        group,
        label,
        value,
        unit,
        year,
        approx,
        cumulative,
        parent,
        sumsToParent: sumsToParent ?? false,
        decimals: decimals ?? null,
        provenance: provenance.kind,
      })),
    ),
  );
  return withColumns(rows, INDICATOR_COLUMNS);
}
