/**
 * Every region partition the page reads is checked against what it must hold (src/data/compiled.ts,
 * PARTITION_SCHEMAS): the build's own partitions pass; another partition copied over one (a roll-up
 * as r0.summary.arrow), a stale one with a column missing or a value of the wrong kind, or bytes
 * that are not Arrow are refused with a message naming the file.
 */
import { describe, expect, test } from 'vitest';
import { resolve } from 'node:path';
import { from, toArrowIPC } from 'arquero';
import { compileData, encodeTable } from '../../../scripts/compile-data';
import { partitionColumns, partitionProblem, readPartition, type PartitionKind } from '../../../src/data/compiled';

const compiled = await compileData(resolve(import.meta.dirname, '../../../data'));
const bytes = (path: string) => compiled.outputs.get(path) as Uint8Array;
const [r0] = compiled.manifest.regions;

describe('region partitions are read against their schema', () => {
  test("the build's partitions pass, with their rows", () => {
    const s = readPartition<{ unit: string; total: number | null }>('summary', r0.summary, bytes(r0.summary));
    expect('rows' in s && s.rows.length).toBeGreaterThan(0);
    expect('rows' in s && s.rows.map((r) => r.total)).toContain(969.29);
    for (const path of [r0.rollup, compiled.manifest.rollup]) {
      const r = readPartition('rollup', path, bytes(path));
      expect('rows' in r && r.rows.length, path).toBeGreaterThan(0);
    }
  });

  test('a roll-up copied over r0.summary.arrow is refused, naming the file and the columns', () => {
    const r = readPartition('summary', r0.summary, bytes(r0.rollup));
    expect('error' in r).toBe(true);
    const { error } = r as { error: { file: string; message: string } };
    expect(error.file).toBe('data/compiled/regions/r0.summary.arrow');
    expect(error.message).toMatch(/^data\/compiled\/regions\/r0\.summary\.arrow：不是地区单位汇总分区（缺少列 unit、name、total/);
    expect(error.message).toMatch(/多出列 dim、code、amount、units、stated/);
  });

  test('and a summary copied over a roll-up', () => {
    const r = readPartition('rollup', r0.rollup, bytes(r0.summary));
    expect('error' in r && r.error.message).toMatch(/^data\/compiled\/regions\/r0\.rollup\.arrow：不是地区合计分区（缺少列 dim、code、amount、units、stated；多出列 unit、name/);
  });

  test('an empty partition written by the build carries every column, so it passes', () => {
    for (const kind of ['summary', 'rollup'] as PartitionKind[]) {
      expect(readPartition(kind, `compiled/${kind}.arrow`, encodeTable([], partitionColumns(kind)))).toEqual({ rows: [] });
    }
  });

  test('bytes that are not Arrow are refused, naming the file', () => {
    const r = readPartition('rollup', 'compiled/rollup.arrow', new TextEncoder().encode('<!doctype html><p>Not found'));
    expect('error' in r && r.error.message).toMatch(/^data\/compiled\/rollup\.arrow：无法读取/);
  });

  const row = { region: '甲区', year: 2022, dim: 't', code: '', amount: 12.5, units: 2, stated: 1 };
  // Arrow columns hold one type: a text column is text in every row, a number column may hold null or NaN.
  test.each([
    ['amount as text', [{ ...row, amount: '12.5' }], /第 1 行 amount 应为数值，实为 "12\.5"/],
    ['amount missing (null)', [row, { ...row, amount: null }], /第 2 行 amount 应为数值，实为 null/],
    ['amount not finite', [row, { ...row, amount: Number.NaN }], /第 2 行 amount 应为数值/],
    ['region as a number', [{ ...row, region: 3 }], /第 1 行 region 应为文本，实为 3/],
  ])('a value of the wrong kind (%s) is refused by row and column', (_n, rows, message) => {
    const ipc = toArrowIPC(from(rows), { format: 'stream' });
    const r = readPartition('rollup', 'compiled/rollup.arrow', ipc);
    expect('error' in r && r.error.message).toMatch(message);
  });

  test('nullable figures may be null, flags must be yes/no', () => {
    const cols = partitionColumns('summary');
    const ok = Object.fromEntries(cols.map((c) => [c, null])) as Record<string, unknown>;
    Object.assign(ok, { unit: 'a', name: '甲', region: '甲区', year: 2022, totalStated: false, income: '[]', sangongItems: '[]', reports: 1 });
    expect(partitionProblem('summary', cols, [ok])).toBeNull();
    expect(partitionProblem('summary', cols, [{ ...ok, totalStated: 'false' }])).toBe('第 1 行 totalStated 应为是/否，实为 "false"');
    expect(partitionProblem('summary', cols, [{ ...ok, reports: null }])).toBe('第 1 行 reports 应为数值，实为 null');
    expect(partitionProblem('summary', cols, [{ ...ok, year: undefined }])).toBe('第 1 行 year 应为数值，实为 undefined');
  });
});
