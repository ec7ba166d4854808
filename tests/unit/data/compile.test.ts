/**
 * Compiled at build time: scripts/compile-data.ts runs the page's own pipeline once, and the page
 * takes its results only for files whose fingerprint matches; anything else (an edited copy, a
 * folder without a manifest) is validated in the page exactly as before, so bad data is never
 * silently hidden by a build.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileData } from '../../../scripts/compile-data';
import { loadDataset, loadUnit, openDataset, type Reader } from '../../../src/data/load';
import { MANIFEST_PATH, unitPartitionPath, type UnitPartition } from '../../../src/data/compiled';
import { textHash } from '../../../src/data/hash';
import { fromArrow } from 'arquero';
import type { UnitYearFile } from '../../../src/model/types';

const DATA = resolve(__dirname, '../../../data');
const disk = (p: string) => readFileSync(join(DATA, p), 'utf8');

/** A reader over data/ plus the compiled outputs, with optional overrides (text, or null = 404). */
function site(outputs: Map<string, string | Uint8Array>, over: Record<string, string | null> = {}): Reader & { reads: string[] } {
  const reads: string[] = [];
  const r = (async (p: string) => {
    reads.push(p);
    if (p in over) return over[p] === null ? { error: { file: `data/${p}`, record: '', field: '', message: `data/${p}：HTTP 404` } } : { text: over[p]! };
    const c = outputs.get(p);
    if (typeof c === 'string') return { text: c };
    try {
      return { text: disk(p) };
    } catch {
      return { error: { file: `data/${p}`, record: '', field: '', message: `data/${p}：HTTP 404` } };
    }
  }) as Reader & { reads: string[] };
  r.reads = reads;
  return r;
}

const compiled = await compileData(DATA);
const index = JSON.parse(disk('index.json'));
const unit = index.units[0];

describe('compile', () => {
  test('the shipped data compiles with no structural error; fingerprints are of the very texts', () => {
    expect(compiled.errors).toEqual([]);
    expect(compiled.manifest.hashes['index.json']).toBe(textHash(disk('index.json')));
    expect(Object.keys(compiled.manifest.units)).toEqual(index.units.map((u: { id: string }) => u.id));
    const part = JSON.parse(compiled.outputs.get(unitPartitionPath(unit.id)) as string) as UnitPartition;
    expect(part.files[0].hash).toBe(textHash(disk(unit.years[0].file)));
    expect(compiled.manifest.units[unit.id].years).toEqual([2022, 2021]);
  });

  test('results are those of the page pipeline (loadDataset), file by file', async () => {
    const ds = await loadDataset(site(new Map()));
    for (const u of index.units) {
      const part = JSON.parse(compiled.outputs.get(unitPartitionPath(u.id)) as string) as UnitPartition;
      const mine = ds.unitYears.find((x) => x.unit === u.id)!;
      expect(part.files[0].results).toEqual(mine.results);
    }
  });

  test('region partitions are Arrow IPC with one row per unit and year, and the all-regions roll-up', () => {
    const [r0] = compiled.manifest.regions;
    const rows = fromArrow(compiled.outputs.get(r0.summary) as Uint8Array).objects() as Array<{ unit: string; total: number }>;
    expect(rows.every((r) => r.unit === unit.id)).toBe(true);
    expect(rows.map((r) => r.total)).toContain(969.29);
    const all = fromArrow(compiled.outputs.get(compiled.manifest.rollup) as Uint8Array).objects() as Array<{ region: string; dim: string; year: number; units: number }>;
    // Every shipped unit whose 2022 report states its 本年支出合计 is behind the 2022 total.
    const stating = index.units.filter((u: { years: Array<{ year: number; file: string }> }) =>
      u.years.some((y) => (JSON.parse(disk(y.file)) as UnitYearFile).facts.some((f) =>
        f.year === 2022 && f.phase === '决算' && f.flow === '支出' && f.source === null && f.basis === null && f.functional === null && f.economic === null)));
    expect(stating.length).toBeGreaterThanOrEqual(2);
    expect(all.find((r) => r.region === '' && r.dim === 't' && r.year === 2022)?.units).toBe(stating.length);
  });

  test('a structural error fails the compile, naming file › record › field', async () => {
    const tmp = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'compile-bad-'));
    const fs = await import('node:fs');
    fs.cpSync(DATA, tmp, { recursive: true });
    const u = JSON.parse(fs.readFileSync(join(tmp, unit.years[0].file), 'utf8'));
    u.facts[0].amount = 'many';
    fs.writeFileSync(join(tmp, unit.years[0].file), JSON.stringify(u));
    try {
      const r = await compileData(tmp);
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.errors[0].message).toMatch(/units\/ningxiang-drc\/2022\.json › facts#0/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('the page on compiled data', () => {
  test('a matching manifest: units load one at a time, results from the partition, no recomputation', async () => {
    const reader = site(compiled.outputs);
    const opened = await openDataset(reader);
    expect(opened.manifest).toBeDefined();
    expect(opened.ds.unitYears).toEqual([]);
    expect(reader.reads).not.toContain(index.units[1].years[0].file);
    const got = await loadUnit(reader, opened.ds, unit.id);
    const part = JSON.parse(compiled.outputs.get(unitPartitionPath(unit.id)) as string) as UnitPartition;
    expect(got[0].results).toBe(got[0].results);
    expect(got[0].results).toEqual(part.files[0].results);
    expect(got[0].errors).toEqual([]);
    expect(reader.reads).not.toContain(index.units[1].years[0].file);
  });

  test('a unit file edited after the build is validated in the page and its errors reported', async () => {
    const text = disk(unit.years[0].file).replace('"reportYear": 2022,', '"reportYear": 2022,,');
    const reader = site(compiled.outputs, { [unit.years[0].file]: text });
    const opened = await openDataset(reader);
    const got = await loadUnit(reader, opened.ds, unit.id);
    expect(got[0].value).toBeUndefined();
    expect(got[0].errors[0].message).toContain('invalid JSON');
  });

  test('an HTTP failure of a unit file is reported as without compiled data', async () => {
    const reader = site(compiled.outputs, { [unit.years[0].file]: null });
    const opened = await openDataset(reader);
    const got = await loadUnit(reader, opened.ds, unit.id);
    expect(got[0].errors[0].message).toBe(`data/${unit.years[0].file}：HTTP 404`);
  });

  test('an index that is not the compiled one, or no manifest: the manifest is not used', async () => {
    const edited = await openDataset(site(compiled.outputs, { 'index.json': disk('index.json').replace('宁乡市数据资源中心', '某单位') }));
    expect(edited.manifest).toBeUndefined();
    expect(edited.why).toContain('index.json');
    const none = await openDataset(site(new Map(), { [MANIFEST_PATH]: null }));
    expect(none.manifest).toBeUndefined();
    expect(none.why).toBe('no compiled manifest');
  });
});
