/**
 * Where the region view's figures come from in the page. On a built site they were compiled
 * (scripts/compile-data.ts): the view fetches the region's two Arrow partitions (its units' rows
 * and its roll-up), or for all regions the all-regions roll-up, once per visit. Without compiled
 * data every unit is loaded anyway, and the same functions compute them here. The partitions are
 * read through the data state's reader, so a page in a sub-folder (/units/index.html) fetches
 * them from the site's data folder, as it does the index.
 *
 * Shared by the view and the boot (which settles the region's data before a prerendered region
 * view renders or hydrates, so its charts are in the HTML).
 */
import { data } from './data.svelte';
import { readPartition, type PartitionKind } from '../data/compiled';
import type { DataError } from '../model/types';
import { getTrees } from './trees.svelte';
import { rollup, rollupCells, unitSummaries, type RollupRow, type UnitYearSummary } from '../domain/region/summary';

/** Above this many units, "all regions" compares regions, not every unit (their rows are per region). */
const ALL_UNITS_LIMIT = 300;

export interface RegionData {
  summaries: UnitYearSummary[];
  rollup: RollupRow[];
  errors: DataError[];
}

const cache = new Map<string, Promise<RegionData>>();
/** Regions whose data has arrived, for a render that cannot wait (the prerender, hydration). */
const settled = new Map<string, RegionData>();

/** A partition's rows, checked against what a partition of `kind` must hold (a wrong file is an error naming it). */
async function arrowRows<T>(kind: PartitionKind, path: string): Promise<{ rows: T[]; error?: DataError }> {
  const got = await data.bytesReader()(path);
  if ('error' in got) return { rows: [], error: got.error };
  const r = readPartition<T>(kind, path, got.bytes);
  return 'error' in r ? { rows: [], error: r.error } : r;
}

/** Every unit's summaries and the roll-up, computed here from the loaded files (no compiled data). */
function computed(region: string): RegionData {
  const trees = getTrees();
  const units = (data.dataset.index?.units ?? []).filter((u) => !region || u.region === region);
  const summaries = units.flatMap((u) => unitSummaries(u, data.filesOf(u.id), data.facts, trees));
  const cells = units.flatMap((u) => rollupCells(u, data.facts, trees));
  return { summaries, rollup: rollup(cells, { all: true }).filter((r) => r.region === region || !region), errors: [] };
}

/** The summaries and roll-up of `region` ("" = all regions), fetched or computed once per visit. */
export function regionData(region: string): Promise<RegionData> {
  const manifest = data.manifest;
  if (!manifest) return Promise.resolve(computed(region));
  let p = cache.get(region);
  if (!p) {
    p = (async () => {
      if (region) {
        const r = manifest.regions.find((x) => x.region === region);
        if (!r) return { summaries: [], rollup: [], errors: [] };
        const [s, u] = await Promise.all([arrowRows<UnitYearSummary>('summary', r.summary), arrowRows<RollupRow>('rollup', r.rollup)]);
        return { summaries: s.rows, rollup: u.rows, errors: [s.error, u.error].filter((e): e is DataError => !!e) };
      }
      const all = await arrowRows<RollupRow>('rollup', manifest.rollup);
      const total = manifest.regions.reduce((n, r) => n + r.units, 0);
      const parts = total <= ALL_UNITS_LIMIT ? await Promise.all(manifest.regions.map((r) => arrowRows<UnitYearSummary>('summary', r.summary))) : [];
      return {
        summaries: parts.flatMap((x) => x.rows),
        rollup: all.rows,
        errors: [all.error, ...parts.map((x) => x.error)].filter((e): e is DataError => !!e),
      };
    })();
    cache.set(region, p);
    void p.then((d) => settled.set(region, d));
  }
  return p;
}

/** The region's data if it has arrived (see regionData), else null. */
export function settledRegionData(region: string): RegionData | null {
  return data.manifest ? (settled.get(region) ?? null) : computed(region);
}
