/**
 * The grid a sheet may span is bounded before the reader builds it (a 20 KB workbook declaring
 * A1:XFD1048576 must not hang the import): a filled cell beyond the bounds is refused naming the
 * sheet and the cell; a declared dimension or empty formatted cells far away are ignored.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { MAX_COLUMNS, MAX_ROWS } from '../../../../src/import/tables/read';
import { opts, utf8, xlsx } from './helpers';

const good = () => xlsx([{ name: '支出决算表', rows: [['2022年度支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 10], ['2010301', '行政运行', 10]] }]);

/** The workbook with its first sheet's XML rewritten. */
async function withSheet(edit: (xml: string) => string): Promise<Uint8Array> {
  const files = unzipSync(await good());
  const path = Object.keys(files).find((p) => /^xl\/worksheets\/sheet\d*\.xml$/.test(p))!;
  files[path] = strToU8(edit(strFromU8(files[path])));
  return zipSync(files);
}
const far = (ref: string, content: string) => (xml: string) =>
  xml.replace(/<dimension ref="[^"]*"\/>/, '').replace('<sheetData>', `<dimension ref="A1:${ref}"/><sheetData>`).replace('</sheetData>', `<row r="${/\d+$/.exec(ref)![0]}">${content}</row></sheetData>`);

describe('grid bounds', () => {
  it('refuses a filled cell at XFD1048576 under a declared A1:XFD1048576, naming the sheet and the cell, without building the grid', async () => {
    const bytes = await withSheet(far('XFD1048576', '<c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'));
    expect(bytes.length).toBeLessThan(20 * 1024);
    const r = await importTables(bytes, opts('far.xlsx'));
    expect(r.file).toBeUndefined();
    expect(r.errors.map((e) => e.message)).toEqual([
      `far.xlsx：工作表“支出决算表”的内容一直延伸到第 1048576 行、第 16384 列（XFD1048576），超过上限 ${MAX_ROWS} 行 × ${MAX_COLUMNS} 列（共 1000000 格）；决算表只有几百行，请删去表格以外远处的内容后另存`,
    ]);
  }, 30_000);

  it('reads the table when the far cell is only formatting (no value) and the dimension lies', async () => {
    const r = await importTables(await withSheet(far('XFD1048576', '<c r="XFD1048576" s="0"/>')), opts('styled.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.file!.facts.map((f) => f.amount)).toEqual([10, 10]);
  }, 30_000);

  it('accepts a filled cell exactly at the column bound and refuses one column beyond', async () => {
    const col = (n: number) => {
      let s = '';
      for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
      return s;
    };
    const at = (ref: string) => withSheet(far(ref, `<c r="${ref}"><v>1</v></c>`));
    expect((await importTables(await at(`${col(MAX_COLUMNS)}5`), opts('edge.xlsx'))).errors).toEqual([]);
    const r = await importTables(await at(`${col(MAX_COLUMNS + 1)}5`), opts('beyond.xlsx'));
    expect(r.errors[0].message).toMatch(new RegExp(`第 ${MAX_COLUMNS + 1} 列（${col(MAX_COLUMNS + 1)}5）`));
  }, 30_000);

  it('bounds a CSV the same way (one line of 600 commas)', async () => {
    const r = await importTables(utf8(`2022年度支出决算表\n科目编码,科目名称,本年支出合计\n合计,,10${','.repeat(600)}\n`), opts('wide.csv'));
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^wide\.csv 的内容一直延伸到第 3 行、第 603 列（WE3）/)]);
  });
});
