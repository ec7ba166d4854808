/**
 * Bad input for the tables importer: every case gives a clear message naming the file, sheet,
 * row or column, and nothing half-made (no file when the input cannot be read).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { MAX_WORKBOOK_BYTES } from '../../../../src/import/tables/zip';
import { reconcile } from '../../../../src/domain/rules';
import { opts, trees, utf8, xlsx } from './helpers';

const spending = (rows: (string | number | null)[][]) => ({ name: '支出决算表', rows: [['2022年度支出决算表'], ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'], ...rows] });
const good = () => xlsx([spending([['合计', null, 10, 10, 0], ['2010301', '行政运行', 10, 10, null]])]);
const fails = async (bytes: Uint8Array, fileName: string, message: RegExp) => {
  const r = await importTables(bytes, opts(fileName));
  expect(r.file).toBeUndefined();
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0].message).toMatch(message);
  return r;
};
/** Rewrite every central-directory entry's declared uncompressed size. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const b = zip.slice();
  const v = new DataView(b.buffer);
  for (let i = 0; i + 4 <= b.length; i++) if (v.getUint32(i, true) === 0x02014b50) v.setUint32(i + 24, size, true);
  return b;
}

describe('files that are not what they say', () => {
  it('an empty file', () => fails(new Uint8Array(0), 'empty.xlsx', /empty\.xlsx 是空文件/));
  it('a CSV with nothing but blanks', () => fails(utf8(' \r\n \r\n'), 'blank.csv', /没有内容/));
  it('text named .xlsx', () => fails(utf8('科目编码,科目名称\n2010301,行政运行\n'), 'fake.xlsx', /扩展名为 \.xlsx，内容却是文本/));
  it('a broken Excel 97-2003 file (named .xlsx: the bytes decide)', () => fails(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'old.xlsx', /old\.xlsx 无法按 Excel 97-2003（\.xls）读取.*另存为” \.xlsx/));
  it('an HTML page saved as a spreadsheet', () => fails(utf8('<html><body><table><tr><td>支出决算表</td></tr></table></body></html>'), 'export.xlsx', /网页/));
  it('a PDF', () => fails(utf8('%PDF-1.7\n'), 'report.xlsx', /PDF/));
  it('a workbook named .csv', async () => fails(await good(), 'table.csv', /扩展名为 \.csv，内容却是 zip/));
  it('a zip that is no workbook (a .docx renamed)', () => fails(zipSync({ 'word/document.xml': utf8('<w:document/>'), '[Content_Types].xml': utf8('<Types/>') }), 'doc.xlsx', /缺少 xl\/workbook\.xml/));
  it('a truncated workbook', async () => {
    const b = await good();
    await fails(b.subarray(0, Math.floor(b.length / 2)), 'cut.xlsx', /cut\.xlsx.*(截断|损坏|不完整)/);
  });
});

describe('size limits', () => {
  it('refuses a zip bomb from its directory, before expanding it', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': utf8('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await fails(bomb, 'bomb.xlsx', /bomb\.xlsx：工作簿解压后达 60\.0 MB.*压缩比 \d+:1.*压缩炸弹/);
    expect(r.errors[0].message).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses an entry that declares an absurd size', async () => {
    await fails(declareSize(await good(), 0x7fffffff), 'lying.xlsx', /压缩炸弹/);
  });

  it('cuts an entry that expands beyond its declared size: it fails to read, memory does not grow', async () => {
    await fails(declareSize(await good(), 40), 'short.xlsx', /short\.xlsx/);
  });

  it('reads a 20 MB workbook (pictures and seals inside): only the XML parts are expanded', async () => {
    const base = await good();
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(base);
    const noise = new Uint8Array(20 * 1024 * 1024);
    for (let i = 0; i < noise.length; i += 65536) crypto.getRandomValues(noise.subarray(i, i + 65536));
    const big = zipSync({ ...parts, 'xl/media/image1.png': noise }, { level: 0 });
    expect(big.length).toBeGreaterThan(20 * 1024 * 1024);
    const r = await importTables(big, opts('big.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.file!.facts).toHaveLength(5);
  });

  it('refuses a workbook over the file size limit with its size', async () => {
    await fails(new Uint8Array(MAX_WORKBOOK_BYTES + 1).fill(0x50, 0, 1).fill(0x4b, 1, 2).fill(3, 2, 3).fill(4, 3, 4), 'huge.xlsx', /huge\.xlsx：工作簿 32\.0 MB，超过上限/);
  });
});

describe('wrong, missing and odd sheets', () => {
  it('no recognisable table: names every sheet and the titles it expects', async () => {
    const r = await fails(await xlsx([{ name: 'Sheet1', rows: [['名单'], ['姓名', '金额'], ['张三', 10]] }, { name: '封面', rows: [['2022年度部门决算']] }]), 'wrong.xlsx', /wrong\.xlsx 中没有可识别的决算公开表：工作表 “Sheet1”、“封面”.*收入支出决算总表/);
    expect(r.errors[0].message).toContain('支出决算表');
  });

  it('missing tables become gaps naming them; an unknown sheet with numbers is listed, not read', async () => {
    const b = await xlsx([spending([['合计', null, 10, 10, 0]]), { name: '附表', rows: [['人员名单'], ['姓名', '工资'], ['张三', 100]] }]);
    const r = await importTables(b, opts('part.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.file!.gaps!.map((g) => g.section)).toEqual(expect.arrayContaining(['收入支出决算总表', '收入决算表', '一般公共预算财政拨款“三公”经费支出决算表']));
    expect(r.file!.gaps!.map((g) => g.section)).not.toContain('支出决算表');
    expect(r.review).toEqual([expect.objectContaining({ where: { sheet: '附表' }, reason: expect.stringContaining('工作表“附表”里找不到决算公开表的标题') })]);
  });

  it('a recognised sheet without a header names the sheet', async () => {
    await fails(await xlsx([{ name: '表三', rows: [['2022年支出决算表']] }]), 't.xlsx', /工作表“表三”（支出决算表）：找不到表头/);
  });

  it('recognised sheets without any amount', async () => {
    await fails(await xlsx([spending([['合计', null, null, null, null]])]), 'blank.xlsx', /识别出 “支出决算表”（支出决算表），但没有读到任何金额/);
  });

  it('no year anywhere: asks for --year; with it the import works', async () => {
    const b = await xlsx([{ name: 'S', rows: [['支出决算表'], ['科目编码', '科目名称', '本年支出合计'], ['合计', null, 10]] }]);
    await fails(b, 'noyear.xlsx', /noyear\.xlsx：表头里找不到年度.*--year/);
    expect((await importTables(b, opts('noyear.xlsx', { year: 2021 }))).file!.reportYear).toBe(2021);
  });

  it('two sheets of the same table: the second is listed for review', async () => {
    const r = await importTables(await xlsx([spending([['合计', null, 10, 10, 0]]), { ...spending([['合计', null, 11, 11, 0]]), name: '支出决算表(2)' }]), opts('twice.xlsx'));
    expect(r.file!.facts.map((f) => f.amount)).toEqual([10, 10, 0]);
    expect(r.review[0].reason).toContain('工作表“支出决算表(2)”第 1 行起与工作表“支出决算表”第 1 行起都是支出决算表');
  });
});

describe('cells', () => {
  it('text that is not a number is listed with sheet, row and column', async () => {
    const r = await importTables(await xlsx([spending([['合计', null, '12.3.4', '1,2', 0]])]), opts('t.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.review.map((x) => [x.text, x.where])).toEqual([
      ['12.3.4', { sheet: '支出决算表', row: 3, column: 'C' }],
      ['1,2', { sheet: '支出决算表', row: 3, column: 'D' }],
    ]);
    expect(r.review[0].reason).toBe('第 3 行（合计）C 列“12.3.4”不是数字');
  });

  it('a duplicated row is imported once and listed; a repeated code with another amount too', async () => {
    const r = await importTables(await xlsx([spending([['合计', null, 10, 10, 0], ['2010301', '行政运行', 10, 10, null], ['2010301', '行政运行', 10, 10, null], ['2010301', '行政运行', 9, 9, null]])]), opts('dup.xlsx'));
    expect(r.file!.facts.filter((f) => f.functional === '2010301')).toHaveLength(2);
    const dups = r.review.filter((x) => x.reason.startsWith('重复行'));
    expect(dups).toHaveLength(4);
    expect(dups[0]).toMatchObject({ where: { sheet: '支出决算表', row: 5, column: 'C' } });
    expect(dups[0].reason).toContain('第 4 行同一口径、同一金额');
    expect(dups[2].reason).toContain('金额不同（10）');
  });

  it('totals that do not add up are imported as printed: the rules report them, not the importer', async () => {
    const r = await importTables(await xlsx([spending([['合计', null, 12, 10, 3], ['2010301', '行政运行', 10, 10, null]])]), opts('sum.xlsx'));
    expect(r.errors).toEqual([]);
    expect(r.file!.facts.find((f) => f.functional === null && f.basis === null)!.amount).toBe(12);
    const failed = reconcile(r.file!, trees).filter((x) => x.status === 'fail');
    expect(failed.map((x) => x.key)).toContain('basis-sum:2022:决算');
  });
});
