/**
 * The one pipeline (load.ts) with an in-memory reader (what the page's fetch reader gives it) and
 * with the CLI's disk reader: both refuse the same paths, and nothing outside the data root is
 * ever asked for.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkQuotes, loadDataset, type Reader } from '../../../src/data/load';
import { fsReader } from '../../../src/data/fs-reader';
import { goodDir } from './fixtures';

/** The good fixture as a Map of path → text, and a reader over it that records what it was asked. */
function memory(edit: (files: Map<string, string>) => void = () => {}) {
  const files = new Map<string, string>();
  const walk = (rel: string) => {
    for (const n of readdirSync(join(goodDir, rel))) {
      const p = rel ? `${rel}/${n}` : n;
      if (statSync(join(goodDir, p)).isDirectory()) walk(p);
      else files.set(p, readFileSync(join(goodDir, p), 'utf8'));
    }
  };
  walk('');
  edit(files);
  const asked: string[] = [];
  const reader: Reader = async (path) => {
    asked.push(path);
    const text = files.get(path);
    return text === undefined ? { error: { file: `data/${path}`, record: '', field: '', message: `data/${path}：HTTP 404` } } : { text };
  };
  return { reader, asked, files };
}
const json = (files: Map<string, string>, path: string, fn: (j: any) => void) => {
  const j = JSON.parse(files.get(path)!);
  fn(j);
  files.set(path, JSON.stringify(j, null, 1));
};
const UNIT = 'units/demo-unit/2022.json';

describe('loadDataset', () => {
  it('loads, validates and reconciles the good fixture', async () => {
    const { reader, asked } = memory();
    const ds = await loadDataset(reader);
    expect(ds.errors).toEqual([]);
    expect(asked.sort()).toEqual(['classifications/economic.json', 'classifications/functional.json', 'index.json', UNIT]);
    expect(ds.unitYears).toHaveLength(1);
    expect(ds.unitYears[0]).toMatchObject({ unit: 'demo-unit', year: 2022, file: `data/${UNIT}`, broken: [] });
    expect(ds.unitYears[0].results.some((r) => r.rule === 'basis-sum' && r.status === 'pass')).toBe(true);
  });

  it('refuses an index path written with encoded dots, and never reads outside the root', async () => {
    const { reader, asked } = memory((f) => json(f, 'index.json', (i) => (i.units[0].years[0].file = '%2e%2e/%2e%2e/etc/passwd.json')));
    const ds = await loadDataset(reader);
    expect(ds.index).toBeUndefined();
    expect(ds.errors.map((e) => e.message)).toEqual([
      'data/index.json › units#0 (demo-unit) › years[0].file: expected a relative path to a .json file inside the data folder (data/), found "%2e%2e/%2e%2e/etc/passwd.json" (string): it leaves the data folder ("..") (decoded: "../../etc/passwd.json")',
    ]);
    expect(asked).toEqual(['index.json']);
  });

  it('refuses source.file outside the root or on another host; the quote check never reads it', async () => {
    for (const file of ['../../secret.txt', '//evil.example/report.txt']) {
      const { reader, asked } = memory((f) => json(f, UNIT, (u) => (u.source.file = file)));
      const ds = await loadDataset(reader);
      expect(ds.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(new RegExp(`^data/${UNIT} › source\\.file: expected a relative path inside the data folder \\(data/\\), found "${file.replace(/\./g, '\\.')}" \\(string\\): `)),
      ]);
      expect(ds.unitYears[0].broken).toEqual(['all']);
      const q = await checkQuotes(ds, reader);
      expect(q.errors).toEqual([]);
      expect(asked).not.toContain(file);
      expect(asked.every((p) => !p.includes('..') && !p.startsWith('/'))).toBe(true);
    }
  });

  it('reads the source for the quote check through the same reader, by its path inside the root', async () => {
    const { reader, asked } = memory();
    const ds = await loadDataset(reader);
    const q = await checkQuotes(ds, reader);
    expect(asked).toContain('source.txt');
    expect(q.unitYears[0].results.filter((r) => r.rule === 'quote').length).toBeGreaterThan(10);
    expect(q.unitYears[0].results.filter((r) => r.rule === 'quote' && r.status === 'fail')).toEqual([]);
  });

  it('reports a missing source as an error instead of skipping the quote check silently', async () => {
    const { reader } = memory((f) => f.delete('source.txt'));
    const q = await checkQuotes(await loadDataset(reader), reader);
    expect(q.errors.map((e) => e.message)).toEqual([`data/source.txt：HTTP 404（data/${UNIT} › source.file；引文核对未运行）`]);
  });

  it('rejects duplicate JSON keys with file and line', async () => {
    const { reader } = memory((f) => f.set(UNIT, f.get(UNIT)!.replace('"amount": 100,', '"amount": 100,\n   "amount": 1000,')));
    const ds = await loadDataset(reader);
    expect(ds.errors[0].message).toMatch(new RegExp(`^data/${UNIT}: invalid JSON at line \\d+, column \\d+: the key "amount" appears twice in one object \\(first at line \\d+\\)`));
    expect(ds.unitYears[0].broken).toEqual(['all']);
  });

  it('rejects an unknown group and an amount of 1e308 with file › record › field', async () => {
    const { reader } = memory((f) =>
      json(f, UNIT, (u) => {
        u.indicators[0].group = 'not-listed';
        u.facts[1].amount = 1e308;
      }),
    );
    const ds = await loadDataset(reader);
    expect(ds.errors.map((e) => e.message)).toEqual([
      `data/${UNIT} › facts#1 (f-basic) › amount: expected an amount of at most 10000000000 万元 (100 万亿元), found 1e+308 (number)`,
      `data/${UNIT} › indicators#0 (i-cases) › group: expected a group listed in data/index.json (staffing, assets, functional-change, youzheng, grid), found "not-listed" (string)`,
    ]);
    // Salvage: the broken lists go, the rest stays.
    expect(ds.unitYears[0].broken).toEqual(['facts', 'indicators']);
    expect(ds.unitYears[0].value?.measures.length).toBeGreaterThan(0);
  });

  it('checks unlisted files when asked (the CLI), naming them', async () => {
    const { reader } = memory((f) => {
      f.set('units/demo-unit/2021.json', '{"unit": "demo-unit", "reportYear": 2021');
      f.set('classifications/old.json', '{"id": "functional", "title": "t", "edition": "e", "nodes": []}');
    });
    const ds = await loadDataset(reader, { unlisted: ['units/demo-unit/2021.json', 'classifications/old.json'] });
    expect(ds.unlisted).toEqual(['data/units/demo-unit/2021.json', 'data/classifications/old.json']);
    const extra = ds.unitYears.find((u) => u.listed === false)!;
    expect(extra).toMatchObject({ unit: 'demo-unit', year: 2021, broken: ['all'] });
    expect(extra.errors[0].message).toContain('data/units/demo-unit/2021.json: invalid JSON: the text ends at line 1');
    expect(ds.errors.map((e) => e.message)).toContain('data/classifications/old.json › nodes: expected a non-empty array, found an empty array');
  });

  it('a broken index loads nothing else', async () => {
    const { reader, asked } = memory((f) => f.set('index.json', '[]'));
    const ds = await loadDataset(reader);
    expect(ds.errors.map((e) => e.message)).toEqual(['data/index.json: expected an object (the data index), found an empty array']);
    expect(asked).toEqual(['index.json']);
  });
});

describe('fsReader (the CLI)', () => {
  const root = mkdtempSync(join(tmpdir(), 'fs-reader-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const data = join(root, 'data');
  cpSync(goodDir, data, { recursive: true });
  writeFileSync(join(root, 'secret.txt'), 'secret');
  mkdirSync(join(data, 'sources'));
  symlinkSync(join(root, 'secret.txt'), join(data, 'sources', 'link.txt'));
  const read = fsReader(data, (p) => p);

  it('reads files under the root', async () => {
    expect(await read('index.json')).toHaveProperty('text');
  });

  it('refuses paths and links that leave the root, with the same guard as the page', async () => {
    for (const [p, why] of [
      ['../secret.txt', 'it leaves the data folder'],
      ['%2e%2e/secret.txt', 'it leaves the data folder'],
      [join(root, 'secret.txt'), 'it is absolute'],
      ['sources/link.txt', 'it leads outside the data folder'],
    ]) {
      const r = await read(p);
      expect('error' in r && r.error.message, p).toContain(`cannot read the file (${why}`);
    }
  });

  it('names a missing file', async () => {
    expect(await read('units/x/2021.json')).toMatchObject({ error: { message: 'units/x/2021.json: cannot read the file (file not found)' } });
  });
});
