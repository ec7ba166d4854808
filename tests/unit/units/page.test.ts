/**
 * The region view's page model: the region a link names, nothing compared before that region's
 * data has arrived (never another region's), and the trends it shows.
 */
import { describe, expect, test } from 'vitest';
import { unitsPage, type PageInput } from '../../../src/features/units/page';
import { rollup, rollupCells, unitSummaries } from '../../../src/domain/region/summary';
import type { ViewState } from '../../../src/model/routes';
import { facts, files, index, trees } from '../real-data';

const two = index.units.filter((u) => u.id === 'ningxiang-drc' || u.id === 'daying-wgl');
const [nx, dy] = ['ningxiang-drc', 'daying-wgl'].map((id) => two.find((u) => u.id === id)!);
const filesOf = (id: string) => files.filter((f) => f.unit === id);
const all = {
  summaries: two.flatMap((u) => unitSummaries(u, filesOf(u.id), facts, trees)),
  rollup: rollup(two.flatMap((u) => rollupCells(u, facts, trees)), { all: true }),
  errors: [],
};
const view: ViewState = { route: 'units', unit: nx.id, year: 2022, compare: null, path: [], money: 'wan', focus: null };
const page = (patch: Partial<PageInput> = {}) =>
  unitsPage({ units: two, view, loaded: null, facts, filesOf, trees, sort: { key: 'total', dir: 'desc' }, drill: { f: null, e: null }, ...patch });

describe('the region view’s page model', () => {
  test('the selected unit’s region by default; nothing compared until that region’s data is here', () => {
    const p = page();
    expect(p.region).toBe(nx.region);
    expect(p.model).toBeNull();
    // Data of another region (all regions) is never shown as this region's.
    expect(page({ loaded: { region: '', data: all } }).model).toBeNull();
    const own = { summaries: all.summaries.filter((s) => s.unit === nx.id), rollup: all.rollup.filter((r) => r.region === nx.region), errors: [] };
    const m = page({ loaded: { region: nx.region, data: own } }).model!;
    expect(m.rows.map((r) => r.unit)).toEqual([nx.id]);
    expect(m.rows[0].cells.total.text).toBe('969.29');
  });

  test('a link naming another unit’s region shows that region first', () => {
    const p = page({ view: { ...view, unit: dy.id, focus: dy.region } });
    expect(p.region).toBe(dy.region);
    expect(p.trends.map(([kind, , subject]) => [kind, subject])).toEqual([['unit', dy.name]]);
  });

  test('all regions: the region trend (over more than one unit) like for like, then the unit’s own', () => {
    const p = page({ view: { ...view, focus: '*' }, loaded: { region: '', data: all } });
    expect(p.trends.map(([kind, , subject]) => [kind, subject])).toEqual([['region', '全部地区'], ['unit', nx.name]]);
    const [, region] = p.trends[0];
    expect(region.state === 'ok' && region.narrative).toContain('下降 66.91%');
    expect(p.model!.change).toContain('1 个单位两年均有数据');
  });

  test('a region the data lacks: the unit’s own region, with a sentence; load errors in one line', () => {
    const err = { file: 'data/compiled/regions/r0.summary.arrow', record: '', field: '', message: 'data/compiled/regions/r0.summary.arrow：HTTP 404' };
    const p = page({ view: { ...view, focus: '火星' }, loaded: { region: nx.region, data: { summaries: [], rollup: [], errors: [err, err] } } });
    expect(p.region).toBe(nx.region);
    expect(p.notice).toContain('火星');
    expect(p.errors).toBe(`${err.message}；${err.message}`);
  });
});
