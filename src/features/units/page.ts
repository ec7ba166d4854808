/**
 * Everything the region view (Units.svelte) shows, from the page's state in one call: the region
 * the link names, the comparison (unitsModel), the region's and the selected unit's trends. Pure
 * but for the drill timing below, which measures the page itself.
 */
import type { ColumnTable } from 'arquero';
import type { UnitEntry, UnitYearFile } from '../../model/types';
import type { ViewState } from '../../model/routes';
import type { Trees } from '../../domain/spending/types';
import type { RegionData } from '../../state/region';
import { regionOf } from '../../state/focus';
import { unitsModel, type Sort, type UnitsModel } from './model';
import { regionTrend, trendModel, unitSeries, type TrendModel } from './trends';

export interface PageInput {
  units: readonly UnitEntry[];
  view: ViewState;
  /** The region's data once it has arrived (for `region`), else null. */
  loaded: { region: string; data: RegionData } | null;
  facts: ColumnTable | null;
  filesOf: (unit: string) => readonly UnitYearFile[];
  trees: Trees;
  sort: Sort;
  drill: { f: string | null; e: string | null };
}

export interface UnitsPage {
  /** "" = all regions. */
  region: string;
  /** A sentence when the link named a region the data lacks. */
  notice: string | null;
  /** Null while the region's data loads. */
  model: UnitsModel | null;
  errors: string;
  /** [kind, trend]: the region's (with more than one unit), then the selected unit's. */
  trends: Array<readonly ['region' | 'unit', TrendModel, string]>;
}

/** The region view of the page's state (see the module comment). */
export function unitsPage(p: PageInput): UnitsPage {
  const { view } = p;
  const { region, notice } = regionOf(view.focus, p.units, view.unit);
  const here = p.loaded && p.loaded.region === region ? p.loaded.data : null;
  const regions = new Map<string, number>();
  for (const u of p.units) regions.set(u.region, (regions.get(u.region) ?? 0) + 1);
  const units = p.units.filter((u) => !region || u.region === region);
  const subject = region || '全部地区';
  const unitName = p.units.find((u) => u.id === view.unit)?.name ?? view.unit;
  const o = { a: view.year, b: view.compare, money: view.money };
  const trends: UnitsPage['trends'] = [];
  if (here && units.length > 1) trends.push(['region', regionTrend({ rollup: here.rollup, summaries: here.summaries, region, trees: p.trees }, { ...o, subject }), subject] as const);
  trends.push(['unit', trendModel(unitSeries(p.facts, p.trees, p.filesOf(view.unit), view.unit), { ...o, subject: unitName }), unitName] as const);
  return {
    region,
    notice,
    errors: here?.errors.map((e) => e.message).join('；') ?? '',
    trends,
    model: here
      ? unitsModel({
          regions: [...regions].map(([r, n]) => ({ region: r, units: n })),
          region,
          summaries: here.summaries,
          units: region || here.summaries.length ? units : [],
          rollup: here.rollup,
          trees: p.trees,
          view,
          sort: p.sort,
          drill: p.drill,
        })
      : null,
  };
}

/**
 * Time a roll-up drill from the click to every chart of the view drawn
 * (performance.measure('rollup-drill')); `apply` changes the drill and resolves once the view updated.
 */
export async function measureDrill(root: HTMLElement | null, apply: () => Promise<void>): Promise<void> {
  performance.clearMarks('rollup-drill-start');
  performance.mark('rollup-drill-start');
  await apply();
  const started = performance.now();
  const check = () => {
    const charts = root ? [...root.querySelectorAll<HTMLElement>('[data-chart]')] : [];
    if (charts.every((c) => c.dataset.drawn === 'true')) return void performance.measure('rollup-drill', 'rollup-drill-start');
    if (performance.now() - started < 10_000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
