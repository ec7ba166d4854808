/**
 * The region view's tests over the two shipped units (../real-data's pair, 宁乡 and 大英 in two
 * regions): their summaries, the roll-up over both, and the units model's input built from them,
 * which a test patches where it differs.
 */
import type { UnitsInput } from '../../../src/features/units/model';
import { rollup, rollupCells, unitSummaries } from '../../../src/domain/region/summary';
import type { ViewState } from '../../../src/model/routes';
import { facts, pair, pairFiles, trees } from '../real-data';

export const [nx, dy] = pair;
export const summaries = pair.flatMap((u) => unitSummaries(u, pairFiles.filter((f) => f.unit === u.id), facts, trees));
export const rows = rollup(pair.flatMap((u) => rollupCells(u, facts, trees)), { all: true });
export const view: ViewState = { route: 'units', unit: nx.id, year: 2022, compare: null, path: [], money: 'wan', focus: null };

/** The units model's input for both units in 全部地区, sorted by total, nothing drilled. */
export const unitsInput = (patch: Partial<UnitsInput> = {}): UnitsInput => ({
  regions: pair.map((u) => ({ region: u.region, units: 1 })),
  region: '',
  summaries,
  units: pair,
  rollup: rows,
  trees,
  view,
  sort: { key: 'total', dir: 'desc' },
  drill: { f: null, e: null },
  ...patch,
});
