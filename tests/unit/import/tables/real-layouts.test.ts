/**
 * The tuned real-layout fixtures (tests/fixtures/tables/tuned: tables rebuilt cell for cell from
 * published pages of several provinces) keep every reference figure placed. A 三公 table published
 * alone is refused whole (a unit-year file needs a money fact), with the reason; beside the other
 * tables (a one-row 支出决算表 here) all its figures are read. A fixture whose table cannot say what
 * its figures are (meta `notPlaced` says why) places none of them: each goes to review with its
 * sheet, row and column.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { perSheet, readDesc, toXlsx } from '../../../fixtures/tables/build';
import { found } from '../../../fixtures/tables/measure';
import { opts } from './helpers';

const root = 'tests/fixtures/tables/tuned';
const ids = readdirSync(root);

describe.each(ids)('%s', (id) => {
  const dir = join(root, id);
  const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as { year: number; unit: string; notPlaced?: string };
  const refs = JSON.parse(readFileSync(join(dir, 'reference.json'), 'utf8')).figures as Parameters<typeof found>[0][];

  const withCompanion = async () => {
    const desc = readDesc(dir);
    const onlyMeasures = desc.tables.every((t) => t.id === '07' || t.id.startsWith('sangong'));
    const sheets = [...perSheet(desc), ...(onlyMeasures ? [{ name: '支出决算表', rows: [['支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 1]], merges: [] }] : [])];
    return importTables(await toXlsx(sheets), opts(`${id}.xlsx`, { year: meta.year, name: meta.unit }));
  };

  if (meta.notPlaced)
    it('places none of its figures: each goes to review naming its sheet, row and column', async () => {
      const r = await withCompanion();
      expect(r.errors).toEqual([]);
      expect(refs.filter((x) => found(x, [r]))).toEqual([]);
      expect(r.review.map((x) => x.value).sort()).toEqual(refs.map((x) => x.value).sort());
      for (const x of r.review) expect(x.where).toEqual({ sheet: expect.any(String), row: expect.any(Number), column: expect.stringMatching(/^[A-Z]+$/) });
    }, 30_000);
  else
    it('every reference figure is placed, quoting its row', async () => {
      const r = await withCompanion();
      expect(r.errors).toEqual([]);
      expect(refs.filter((x) => !found(x, [r]))).toEqual([]);
      expect(r.review).toEqual([]);
    }, 30_000);

  it('the committed workbook imports as it is, or is refused saying why', async () => {
    const r = await importTables(new Uint8Array(readFileSync(join(dir, 'workbook.xlsx'))), opts('workbook.xlsx', { year: meta.year, name: meta.unit }));
    if (r.file) expect(refs.filter((x) => !found(x, [r]))).toEqual([]);
    else expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(meta.notPlaced ? /没有读到任何金额.*见待核对清单/ : /没有任何收支金额.*同一工作簿里导入/)]);
  }, 30_000);
});
