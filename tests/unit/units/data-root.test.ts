/**
 * A route page one folder down (/zf/units/index.html, as the prerender writes it) gives the data
 * state the data folder relative to itself ("../data/"); the region view's partitions must come
 * from that folder, like the index, never from /zf/units/data/. Served here from the shipped data
 * compiled in memory, through a fetch that records every URL asked for.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { compileData } from '../../../scripts/compile-data';
import { data } from '../../../src/state/data.svelte';
import { regionData, settledRegionData } from '../../../src/state/region';

const DATA = resolve(__dirname, '../../../data');
const PAGE = 'https://site.example/zf/units/index.html';
const DATA_URL = 'https://site.example/zf/data/';
const asked: string[] = [];

beforeAll(async () => {
  const { outputs, errors } = await compileData(DATA);
  expect(errors).toEqual([]);
  vi.stubGlobal('document', { baseURI: PAGE });
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (!url.startsWith(DATA_URL)) return new Response('', { status: 404, statusText: 'Not Found' });
    const path = decodeURIComponent(url.slice(DATA_URL.length));
    const c = outputs.get(path);
    if (c !== undefined) return new Response(c as BodyInit);
    try {
      return new Response(readFileSync(join(DATA, path)) as unknown as BodyInit);
    } catch {
      return new Response('', { status: 404, statusText: 'Not Found' });
    }
  });
  await data.load('../data/', 'ningxiang-drc');
}, 60_000);

describe('the region partitions of a page in a sub-folder', () => {
  test('come from the site’s data folder, and the region shows its unit’s figures', async () => {
    expect(data.manifest).not.toBeNull();
    const region = data.unitEntry('ningxiang-drc')!.region;
    const got = await regionData(region);
    expect(got.errors).toEqual([]);
    expect(got.summaries.find((s) => s.unit === 'ningxiang-drc' && s.year === 2022)?.total).toBe(969.29);
    const partitions = asked.filter((u) => u.includes('/compiled/regions/'));
    expect(partitions.length).toBe(2);
    expect(partitions.every((u) => u.startsWith(`${DATA_URL}compiled/regions/`))).toBe(true);
    // Nothing was asked for relative to the page's own folder.
    expect(asked.filter((u) => !u.startsWith(DATA_URL))).toEqual([]);
    expect(settledRegionData(region)).toBe(got);
  });

  test('the data state’s binary reader resolves against the folder `load` was given', async () => {
    const n = asked.length;
    const r = await data.bytesReader()('compiled/manifest.json');
    expect('bytes' in r).toBe(true);
    expect(asked.slice(n)).toEqual([`${DATA_URL}compiled/manifest.json`]);
  });
});
