/**
 * Excel 97-2003 (.xls) and OpenDocument (.ods) workbooks are read like .xlsx (titles, merged
 * headers, the money unit, quotes naming sheet, row and column), behind the same bounds: the file
 * size, and for .ods the zip guard and the filled extent counted with its repeats before parsing
 * (a few bytes of `number-rows-repeated` must not build a million rows).
 */
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/import';
import { importTables } from '../../../../src/import/tables';
import { MAX_COLUMNS, MAX_ROWS } from '../../../../src/import/tables/read';
import { opts } from './helpers';

/** A 支出决算表 in 元 with a merged title and a two-row header (本年支出 over its columns). */
function book(): XLSX.WorkBook {
  const ws = XLSX.utils.aoa_to_sheet([
    ['2022年度支出决算表', null, null, null, null],
    ['公开03表', null, null, null, '单位：元'],
    ['科目编码', '科目名称', '本年支出', null, null],
    [null, null, '合计', '基本支出', '项目支出'],
    ['合计', null, 2236500, 1871700, 364800],
    ['2010301', '行政运行', 1871700, 1871700, null],
    ['2010302', '一般行政管理事务', 364800, null, 364800],
  ]);
  ws['!merges'] = [XLSX.utils.decode_range('A1:E1'), XLSX.utils.decode_range('C3:E3'), XLSX.utils.decode_range('A3:A4'), XLSX.utils.decode_range('B3:B4')];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '表3');
  return wb;
}
const written = (type: 'biff8' | 'ods') => new Uint8Array(XLSX.write(book(), { bookType: type, type: 'array' }) as ArrayBuffer);

describe.each([
  ['xls', 'biff8'],
  ['ods', 'ods'],
] as const)('.%s', (ext, type) => {
  it('reads the table as the .xlsx would be read, in 万元, quoting sheet, title, row and column', async () => {
    const r = await importFile(written(type), opts(`t.${ext}`));
    expect(r.errors).toEqual([]);
    const f = r.file!.facts;
    expect(f.find((x) => x.functional === '2010301' && x.basis === '基本支出')?.amount).toBe(187.17);
    expect(f.find((x) => x.functional === '2010302' && x.basis === '项目支出')?.amount).toBe(36.48);
    expect(f.find((x) => x.functional === null && x.basis === null)?.amount).toBe(223.65);
    const q = f.find((x) => x.functional === '2010301' && x.basis === '基本支出')!.provenance;
    expect(q.kind === 'stated' && q.quote).toBe('表3 › 公开03表 › 2022年度支出决算表 第6行 2010301 行政运行\u3000本年支出 基本支出：1871700元（折合187.17万元）');
    expect(r.review).toEqual([]);
  }, 30_000);
});

describe('.ods bounds', () => {
  /** An .ods whose only sheet holds `rows` (content.xml table rows, as written). */
  const ods = (rows: string) =>
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="表3">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
      ),
      'styles.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'),
      'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>'),
    });
  const cell = (v: number, repeat = 1) => `<table:table-cell table:number-columns-repeated="${repeat}" office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;

  it('refuses a filled cell repeated over a million rows, naming the sheet and the extent, without building it', async () => {
    const bytes = ods(`<table:table-row table:number-rows-repeated="1048576">${cell(1, 16384)}</table:table-row>`);
    expect(bytes.length).toBeLessThan(4096);
    const r = await importTables(bytes, opts('bomb.ods'));
    expect(r.errors.map((e) => e.message)).toEqual([`bomb.ods：工作表“表3”的内容一直延伸到第 1048576 行、第 16384 列（XFD1048576），超过上限 ${MAX_ROWS} 行 × ${MAX_COLUMNS} 列（共 1000000 格）；决算表只有几百行，请删去表格以外远处的内容后另存`]);
  }, 30_000);

  it('ignores empty repeats padding the sheet to its full grid (as LibreOffice writes it), and accepts the column bound exactly', async () => {
    const text = (s: string) => `<table:table-cell office:value-type="string"><text:p>${s}</text:p></table:table-cell>`;
    const pad = '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>';
    const rows = [`<table:table-row>${text('2022年度支出决算表')}</table:table-row>`, `<table:table-row>${text('科目编码')}${text('科目名称')}${text('本年支出合计')}</table:table-row>`, `<table:table-row>${text('2010301')}${text('行政运行')}${cell(10)}<table:table-cell table:number-columns-repeated="${MAX_COLUMNS - 4}"/>${cell(0)}</table:table-row>`];
    const r = await importTables(ods(rows.join('') + pad), opts('padded.ods'));
    expect(r.errors).toEqual([]);
    expect(r.file!.facts.map((f) => [f.functional, f.amount])).toEqual([['2010301', 10]]);
    const beyond = rows.join('').replace(`"${MAX_COLUMNS - 4}"`, `"${MAX_COLUMNS - 3}"`);
    expect((await importTables(ods(beyond), opts('beyond.ods'))).errors[0].message).toMatch(new RegExp(`第 ${MAX_COLUMNS + 1} 列`));
  }, 30_000);
});
