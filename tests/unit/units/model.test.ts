/**
 * The region view over two of the shipped units (宁乡 and 大英, in different regions) and over a small synthetic
 * folder: summaries by role and dimension, the roll-up summing only comparable figures with its
 * coverage, sorting, links that keep the view, and the region choices.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { factsTable, preferOwnReport } from '../../../src/data/tables';
import { nextSort, rollupPart, sortRows, unitsModel, DERIVED_MARK } from '../../../src/features/units/model';
import { ALL_REGIONS } from '../../../src/state/focus';
import { rollup, rollupCells, unitSummaries } from '../../../src/domain/region/summary';
import type { UnitYearFile } from '../../../src/model/types';
import { pairFiles as files, trees } from '../real-data';
import { dy, nx, rows, summaries, unitsInput as input, view } from './fixtures';
// @ts-expect-error a plain .mjs script without types
import { generateSynthetic } from '../../../scripts/gen-synthetic.mjs';

describe('summaries of the real units', () => {
  test('宁乡 2022: stated total, last year from its 上年 column, shares, 三公 with budget, staff', () => {
    const s = summaries.find((x) => x.unit === nx.id && x.year === 2022)!;
    expect(s).toMatchObject({ total: 969.29, totalStated: true, prev: 2928.89, basic: 223.3, project: 745.99, sangong: 5.74, sangongBudget: 6, staff: 9, quota: 14 });
  });
  test('大英 2022: income by source from its facts; no 三公 total, so only its 公务接待 item, never called 三公', () => {
    const s = summaries.find((x) => x.unit === dy.id && x.year === 2022)!;
    expect(s.sangong).toBeNull();
    expect(JSON.parse(s.sangongItems).map(([r]: [string]) => r)).toEqual(['sangong.item:公务接待']);
    expect(s.incomeTotal).not.toBeNull();
    expect(JSON.parse(s.income).length).toBeGreaterThan(2);
    const m = unitsModel(input());
    const row = m.rows.find((r) => r.unit === dy.id)!;
    expect(row.cells.sangong.text).toContain('公务接待');
    expect(row.cells.sangong.text).not.toContain('三公');
  });
});

describe('roll-up', () => {
  test('sums only 决算 spending of all sources, per region and for all, with the units covering each figure', () => {
    const total = rows.filter((r) => r.dim === 't' && r.year === 2022);
    const all = total.find((r) => r.region === '')!;
    const per = total.filter((r) => r.region !== '');
    expect(per).toHaveLength(2);
    expect(all.amount).toBeCloseTo(per.reduce((s, r) => s + r.amount, 0), 6);
    expect(all.units).toBe(2);
    // The 2021 total only 宁乡's report gives (its 上年 column): one unit covers it.
    expect(rows.find((r) => r.region === '' && r.dim === 't' && r.year === 2021)?.units).toBe(1);
    // Plan phases and fund-source rows never enter.
    const spending = preferOwnReport(factsTable(files)).objects() as Array<{ year: number; phase: string; flow: string; source: string | null; basis: string | null; functional: string | null; economic: string | null; amount: number }>;
    const stated = spending.filter((f) => f.year === 2022 && f.phase === '决算' && f.flow === '支出' && f.source === null && !f.basis && !f.functional && !f.economic);
    expect(all.amount).toBeCloseTo(stated.reduce((s, f) => s + f.amount, 0), 6);
  });

  test('drill: children of a function 类, with coverage text and a chart keyed by code', () => {
    const top = rollupPart('f', rows.filter((r) => r.region === ''), 2022, null, trees.functional, 2, 'wan');
    expect(top.lines.length).toBeGreaterThan(0);
    expect(top.lines.every((l) => /^\d+ \/ 2 个单位$/.test(l.coverage))).toBe(true);
    const first = top.lines.find((l) => l.drill)!;
    const down = rollupPart('f', rows.filter((r) => r.region === ''), 2022, first.code, trees.functional, 2, 'wan');
    expect(down.lines.every((l) => l.code.startsWith(first.code) && l.code.length > first.code.length)).toBe(true);
    expect(down.crumbs.map((c) => c.code)).toEqual([null, first.code]);
    expect(JSON.stringify(down.chart?.option)).toContain(`"key":"f:${down.lines[0].code}"`);
  });
});

describe('the view', () => {
  test('all regions: both units, both regions, coverage, links keep the view', () => {
    const m = unitsModel(input({ view: { ...view, money: 'yuan' } }));
    expect(m.rows.map((r) => r.name).sort()).toEqual([nx.name, dy.name].sort());
    expect(m.regionRows.map((r) => r.region).sort()).toEqual([nx.region, dy.region].sort());
    expect(m.coverage).toContain('2 个单位中，2 个有 2022 年的数据');
    const link = m.rows.find((r) => r.unit === dy.id)!.href;
    expect(link).toMatch(new RegExp(`^#/\\?unit=${dy.id}&`));
    expect(link).toContain('money=yuan');
    expect(m.regions[0]).toMatchObject({ region: '', label: '全部地区', units: 2 });
    expect(m.regions[1].href).toContain(`focus=${encodeURIComponent(nx.region)}`);
    expect(m.regions[0].href).toContain(`focus=${encodeURIComponent(ALL_REGIONS)}`);
  });

  test('one region lists only its own units and its own roll-up', () => {
    const m = unitsModel(input({ region: dy.region, units: [dy], summaries: summaries.filter((s) => s.unit === dy.id), rollup: rows.filter((r) => r.region === dy.region) }));
    expect(m.rows.map((r) => r.unit)).toEqual([dy.id]);
    expect(m.regionRows).toEqual([]);
    expect(m.title).toContain(dy.region);
  });

  test('computed figures carry the mark; figures a report does not give are dashes', () => {
    const m = unitsModel(input());
    const row = m.rows.find((r) => r.unit === nx.id)!;
    expect(row.cells.change.derived).toBe(true);
    expect(row.cells.perPost).toMatchObject({ derived: true, text: '107.70' });
    expect(row.cells.total.derived).toBe(false);
    expect(m.lede).toContain(DERIVED_MARK);
    expect(m.rows.find((r) => r.unit === dy.id)!.cells.staff.text).toBe('—');
  });

  test('sorting: by total both ways, names in Chinese order, missing values last either way', () => {
    const m = unitsModel(input());
    const desc = sortRows(m.rows, { key: 'total', dir: 'desc' }).map((r) => r.unit);
    const asc = sortRows(m.rows, { key: 'total', dir: 'asc' }).map((r) => r.unit);
    expect(asc).toEqual([...desc].reverse());
    expect(sortRows(m.rows, { key: 'staff', dir: 'asc' }).at(-1)!.unit).toBe(dy.id);
    expect(sortRows(m.rows, { key: 'staff', dir: 'desc' }).at(-1)!.unit).toBe(dy.id);
    expect(nextSort({ key: 'total', dir: 'desc' }, 'total')).toEqual({ key: 'total', dir: 'asc' });
    expect(nextSort({ key: 'total', dir: 'desc' }, 'name')).toEqual({ key: 'name', dir: 'asc' });
    expect(m.headers.find((h) => h.key === 'total')?.sort).toBe('descending');
  });
});

describe('synthetic data', () => {
  test('a synthetic region: every unit a row, roll-up over all of them, limit on very long lists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'units-syn-'));
    try {
      const man = generateSynthetic({ units: 12, years: 2, regions: 2, out: dir });
      const idx = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
      expect(idx.generated).toContain('合成数据');
      const fs: UnitYearFile[] = idx.units.flatMap((u: { years: Array<{ file: string }> }) => u.years.map((y) => JSON.parse(readFileSync(join(dir, y.file), 'utf8'))));
      expect(fs.every((f) => f.source.title === '合成数据（仅供测试与基准）')).toBe(true);
      const t = preferOwnReport(factsTable(fs));
      const region = idx.units[0].region;
      const units = idx.units.filter((u: { region: string }) => u.region === region);
      const sums = units.flatMap((u: { id: string; name: string; region: string }) => unitSummaries(u, fs.filter((f) => f.unit === u.id), t, trees));
      const r = rollup(units.flatMap((u: { id: string; region: string }) => rollupCells(u, t, trees)));
      const m = unitsModel(input({ regions: [{ region, units: units.length }], region, units, summaries: sums, rollup: r, view: { ...view, year: 2024 }, limit: 4 }));
      expect(man.units).toBe(12);
      expect(m.rows).toHaveLength(4);
      expect(m.coverage).toContain('按当前排序列出前 4 个');
      expect(m.total?.coverage).toBe(`${units.length} / ${units.length} 个单位的报告`);
      expect(m.rows.every((row) => row.cells.sangong.text.includes('预算'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses to write into data/', () => {
    expect(() => generateSynthetic({ units: 1, years: 1, out: join(__dirname, '../../../data/synthetic') })).toThrow(/refusing/);
  });
});
