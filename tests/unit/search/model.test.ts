/**
 * The figure search on the shipped units: by name, code, number and pinyin initials, across
 * units, years and kinds of record, each hit with value, unit, year, source and the view that
 * shows it highlighted.
 */
import { describe, expect, it } from 'vitest';
import { from } from 'arquero';
import { buildSearchIndex, factView, initialsOf, search } from '../../../src/features/search/model';
import { loadDataset } from '../../../src/data/load';
import { fsReader } from '../../../src/data/fs-reader';
import { resolve } from 'node:path';
import { facts, files, index, trees } from '../real-data';

const ds = await loadDataset(fsReader(resolve(__dirname, '../../../data'), (p) => p));
const ix = buildSearchIndex({ facts, files, results: ds.unitYears.map((u) => ({ unit: u.unit, year: u.year, results: u.results })), units: index.units, trees });

describe('search on the shipped data', () => {
  it('by name: 软件 finds 信息网络及软件购置更新 598.34 with its unit, year, source and view', () => {
    const r = search(ix, '软件');
    const hit = r.hits.find((h) => h.kind === 'fact' && h.label === '信息网络及软件购置更新')!;
    expect(hit).toMatchObject({ value: '598.34 万元', unitName: '宁乡市数据资源中心', year: 2022 });
    expect(hit.source).toMatch(/^报告原文 · 宁乡市数据资源中心《.+》$/);
    expect(hit.detail).toContain('31007 信息网络及软件购置更新');
    // Opens the level above the cell with its row highlighted (the drill passes the single-child levels).
    expect(hit.view).toEqual({ route: 'spending', unit: 'ningxiang-drc', year: 2022, path: ['b:项目支出', 'f:206', 'f:20699', 'f:2069999', 'e:310'], focus: 'e:31007' });
  });

  it('by number: 598.34 exactly first; a prefix of the digits finds it too; commas are ignored', () => {
    expect(search(ix, '598.34').hits[0].label).toBe('信息网络及软件购置更新');
    expect(search(ix, '598').hits.map((h) => h.value)).toContain('598.34 万元');
    expect(search(ix, '2,685.32').hits.map((h) => `${h.label} ${h.year} ${h.value}`).sort()).toEqual(['其他科学技术支出 2021 2,685.32 万元', '资本性支出 2021 2,685.32 万元']);
    expect(search(ix, '598.35').total).toBe(0);
  });

  it('by code: 2010301 finds 行政运行 of both years and its economic split', () => {
    const r = search(ix, '2010301');
    expect(r.hits[0]).toMatchObject({ label: '行政运行', year: 2022, value: '187.17 万元' });
    expect(r.hits.map((h) => `${h.label} ${h.year}`)).toEqual(expect.arrayContaining(['行政运行 2021', '工资福利支出 2022']));
  });

  it('indicators: 场所码 opens #/operations focused on the indicator', () => {
    const r = search(ix, '场所码');
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.kind === 'indicator')).toBe(true);
    expect(r.hits[0].view).toMatchObject({ route: 'operations', unit: 'ningxiang-drc', year: 2022 });
    expect(r.hits[0].view.focus).toMatch(/^i-/);
  });

  it('pinyin initials: xxwl finds 信息网络…, and a polyphone reads by its word (行政 → xz)', () => {
    expect(search(ix, 'xxwl').hits[0]?.label).toBe('信息网络及软件购置更新');
    expect(initialsOf('行政运行')).toBe('xzyx');
  });

  it('across units: 公务接待 finds measures of several units, each on its own unit', () => {
    const hits = search(ix, '公务接待', { limit: 200 }).hits;
    const units = new Set(hits.map((h) => h.view.unit));
    expect([...units]).toEqual(expect.arrayContaining(['daying-wgl', 'ningxiang-drc']));
    // Each hit opens a unit whose own data speaks of 公务接待.
    for (const h of hits) {
      const uy = ds.unitYears.find((u) => u.unit === h.view.unit && u.year === h.view.year) ?? ds.unitYears.find((u) => u.unit === h.view.unit);
      expect(JSON.stringify(uy)).toContain('公务接待');
    }
  });

  it('several words must all match: a name and a year', () => {
    const r = search(ix, '其他科学技术支出 2021', { limit: 50 });
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) expect(`${h.label}${h.detail}${h.year}`).toContain('2021');
    expect(search(ix, '软件 场所码').total).toBe(0);
  });

  it('rule findings: the failing checks are found and open #/quality on the result', () => {
    const failing = ds.unitYears.flatMap((u) => u.results.filter((r) => r.status !== 'pass').map((r) => ({ u, r })));
    expect(failing.length).toBeGreaterThan(0);
    const { u, r } = failing[0];
    const hit = search(ix, r.title, { limit: 200 }).hits.find((h) => h.kind === 'finding' && h.view.focus === r.key);
    expect(hit?.view).toEqual({ route: 'quality', unit: u.unit, year: u.year, path: [], focus: r.key });
  });

  it('money is printed in the display unit', () => {
    expect(search(ix, '598.34', { money: 'yuan' }).hits[0].value).toBe('5,983,400 元');
  });

  it('limit and total: the best few, and how many matched', () => {
    const r = search(ix, '支出', { limit: 3 });
    expect(r.hits).toHaveLength(3);
    expect(r.total).toBeGreaterThan(3);
    expect(search(ix, '   ')).toEqual({ hits: [], total: 0 });
  });
});

describe('where a fact is shown', () => {
  it('income and fund-source rows open the overview; a spending total opens the top of the drill', () => {
    expect(factView({ trees }, 'u', 2022, '收入', null, null, null, null, 'f-x')).toEqual({ route: '', unit: 'u', year: 2022, path: [], focus: 'f-x' });
    expect(factView({ trees }, 'u', 2022, '支出', '一般公共预算财政拨款', null, null, null, 'f-y').route).toBe('');
    expect(factView({ trees }, 'u', 2022, '支出', null, null, null, null, 'f-t')).toEqual({ route: 'spending', unit: 'u', year: 2022, path: [], focus: null });
    expect(factView({ trees }, 'u', 2022, '支出', null, '基本支出', null, null, 'f-b').focus).toBe('b:基本支出');
  });
});

describe('an index over many rows', () => {
  it('groups rows that share their text, and matches each group once', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      unit: `u${i % 50}`, reportYear: 2022, id: `f-${i}`, year: 2010 + (i % 13), phase: '决算', flow: '支出', source: null,
      basis: null, functional: i % 2 ? '2010301' : '2010302', economic: null, amount: i + 0.25, label: i % 2 ? '行政运行' : '一般行政管理事务', provenance: 'stated',
    }));
    const big = buildSearchIndex({ facts: from(rows), files: [], results: [], units: [], trees });
    expect(big.groups).toHaveLength(2);
    const r = search(big, '行政运行', { limit: 5 });
    expect(r.total).toBe(2500);
    // Latest year first, then larger amounts.
    expect(r.hits.map((h) => h.year)).toEqual([2022, 2022, 2022, 2022, 2022]);
    expect(search(big, '4999.25').hits[0].label).toBe('行政运行');
    expect(search(big, '4999.25').total).toBe(1);
  });
});
