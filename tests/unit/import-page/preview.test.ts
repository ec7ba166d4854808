/**
 * The preview store (data.addPreview): an imported unit-year goes through the same pipeline as a
 * loaded file and joins this session's data as an extra unit marked 预览. The store loads the
 * shipped data folder through a fetch that reads the disk and records what was asked for.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { escape, op } from 'arquero';
import { data, PREVIEW_MARK } from '../../../src/state/data.svelte';
import { importFile } from '../../../src/import/index';
import type { UnitYearFile } from '../../../src/model/types';
import { dataDir, pageOptions, REPORT, reportBytes } from './helpers';

const requested: string[] = [];

beforeAll(async () => {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = decodeURIComponent(new URL(url).pathname.replace(/^\/data\//, ''));
    requested.push(path);
    try {
      return new Response(readFileSync(resolve(dataDir, path), 'utf8'));
    } catch {
      return new Response('', { status: 404, statusText: 'Not Found' });
    }
  });
  await data.load();
});

async function imported(unit: string, fileName = REPORT): Promise<{ file: UnitYearFile; sourceText?: string; newGroups?: never[] }> {
  const r = await importFile(reportBytes(), await pageOptions({ unit, fileName }));
  if (!r.file) throw new Error(JSON.stringify(r.errors));
  return { ...r, file: { ...r.file, source: { ...r.file.source, file: `sources/${unit}-2022.txt` } } } as never;
}

/** Total 决算 spending of a unit and year from the store's facts table. */
function totalSpending(unit: string, year: number): number[] {
  return data
    .facts!.filter(escape((d: Record<string, unknown>) => d.unit === unit && d.year === year && d.phase === '决算' && d.flow === '支出' && !d.basis && !d.functional && !d.economic && !d.source))
    .rollup({ amount: op.array_agg('amount') })
    .get('amount', 0) as number[];
}

describe('data.addPreview', () => {
  it('adds a valid import as a unit marked 预览, with its facts in the tables and its rule results', async () => {
    const r = await imported('preview-a');
    const before = data.dataset.index!.units.length;
    const got = data.addPreview(r.file, { name: '导入单位', sourceText: r.sourceText, newGroups: (r as { newGroups?: never[] }).newGroups });
    expect(got.errors).toEqual([]);
    expect(got.added).toBe(true);
    expect(data.isPreview('preview-a')).toBe(true);
    expect(data.isPreview('ningxiang-drc')).toBe(false);
    expect(data.dataset.index!.units.length).toBe(before + 1);
    expect(data.unitEntry('preview-a')).toMatchObject({ name: `导入单位${PREVIEW_MARK}`, region: `本次导入${PREVIEW_MARK}`, years: [{ year: 2022, file: 'units/preview-a/2022.json' }] });
    expect(data.years('preview-a')).toContain(2022);
    expect(data.hasUnit('preview-a')).toBe(true);
    expect(totalSpending('preview-a', 2022)).toEqual([969.29]);
    // The published units are still there, unchanged.
    expect(totalSpending('ningxiang-drc', 2022)).toEqual([969.29]);
    expect(data.filesOf('daying-wgl').length).toBe(1);
    // The quote checks ran against the text in memory (no source file is fetched for a preview).
    expect(got.results.some((x) => x.family === 'source')).toBe(true);
    expect(got.results.length).toBeGreaterThan(50);
  });

  it('refuses a published unit id and leaves the data as it was', async () => {
    const r = await imported('ningxiang-drc');
    const ds = data.dataset;
    const got = data.addPreview(r.file, { name: '冒名单位', sourceText: r.sourceText });
    expect(got.added).toBe(false);
    expect(got.errors[0].message).toMatch(/已是发布的单位/);
    expect(data.dataset).toBe(ds);
    expect(data.unitEntry('ningxiang-drc')?.name).not.toMatch(/预览/);
  });

  it('refuses a file that fails the structural check, and adds nothing', async () => {
    const r = await imported('preview-bad');
    const broken = { ...r.file, facts: [{ ...r.file.facts[0], amount: 'many' as unknown as number }, ...r.file.facts.slice(1)] };
    const ds = data.dataset;
    const got = data.addPreview(broken, { name: '坏单位', sourceText: r.sourceText, newGroups: (r as { newGroups?: never[] }).newGroups });
    expect(got.added).toBe(false);
    expect(got.errors.some((e) => e.field.includes('amount'))).toBe(true);
    expect(data.dataset).toBe(ds);
    expect(data.isPreview('preview-bad')).toBe(false);
  });

  it('replaces an earlier preview of the same id', async () => {
    const r = await imported('preview-a');
    expect(data.addPreview(r.file, { name: '改名单位', sourceText: r.sourceText, newGroups: (r as { newGroups?: never[] }).newGroups }).added).toBe(true);
    expect(data.dataset.unitYears.filter((u) => u.unit === 'preview-a').length).toBe(1);
    expect(data.dataset.index!.units.filter((u) => u.id === 'preview-a').map((u) => u.name)).toEqual([`改名单位${PREVIEW_MARK}`]);
  });

  it('runs the quote checks of published reports without asking for a preview source', async () => {
    requested.length = 0;
    await data.checkQuotes();
    expect(data.quotes).toBe('done');
    expect(requested.some((p) => p.startsWith('sources/'))).toBe(true);
    expect(requested.filter((p) => p.includes('preview-a'))).toEqual([]);
    expect(data.dataset.unitYears.find((u) => u.unit === 'preview-a')?.results.some((x) => x.family === 'source')).toBe(true);
  });
});
