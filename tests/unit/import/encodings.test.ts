/**
 * Encodings by byte-order mark, for every importer: a CSV or a report text that starts with a
 * UTF-16LE or UTF-16BE mark is read in that encoding (Excel's "Unicode text" export), never refused
 * as binary for the NUL bytes UTF-16 has; a mark the content does not match is an error naming it.
 */
import { describe, expect, it } from 'vitest';
import { bomEncoding, utf8ByBom } from '../../../src/import/decode';
import { importFile } from '../../../src/import/index';
import { SMALL_REPORT, options } from './helpers';
import { opts } from './tables/helpers';

/** `s` in UTF-16 with its byte-order mark. */
function utf16(s: string, order: 'le' | 'be'): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
  }
  return out;
}
const utf8 = (s: string) => new TextEncoder().encode(s);

const CSV = '2022年度支出决算表\r\n单位：元\r\n项目,,本年支出合计,基本支出,项目支出\r\n科目编码,科目名称,,,\r\n合计,,"2,232,900.00","2,232,900.00",0\r\n2010301,行政运行,"1,871,700.00","1,871,700.00",\r\n2210201,住房公积金,"361,200.00","361,200.00",\r\n';
const TSV = CSV.replace(/"([^"]*)"/g, (_m, x: string) => x.replace(/,/g, '')).replace(/,/g, '\t');

describe('bomEncoding', () => {
  it('names the encoding of each mark, and none without one', () => {
    expect(bomEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('utf-8');
    expect(bomEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe('utf-16le');
    expect(bomEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toBe('utf-16be');
    expect(bomEncoding(new Uint8Array([0xef, 0xbb, 0x41]))).toBeNull();
    expect(bomEncoding(new Uint8Array([0xff, 0x41]))).toBeNull();
    expect(bomEncoding(new Uint8Array([0xfe]))).toBeNull();
    expect(bomEncoding(utf8('收入'))).toBeNull();
  });

  it('leaves bytes without a UTF-16 mark as they are', () => {
    const b = utf8('\uFEFF收入');
    expect(utf8ByBom(b)).toEqual({ ok: true, bytes: b, encoding: null });
  });
});

describe('a CSV with a UTF-16 mark', () => {
  it.each(['le', 'be'] as const)('UTF-16%s: the same figures as the UTF-8 file, and the encoding said', async (order) => {
    const plain = await importFile(utf8(CSV), opts('zhichu.csv'));
    const r = await importFile(utf16(CSV, order), opts('zhichu.csv'));
    expect(r.errors).toEqual([]);
    expect(r.file!.facts).toEqual(plain.file!.facts);
    expect(r.file!.facts.length).toBeGreaterThan(0);
    expect(r.encoding).toBe(`utf-16${order}`);
    expect(r.sourceText).not.toContain('\uFFFD');
    expect(r.sourceText).not.toContain('\u0000');
  });

  it('tab-separated (Excel\'s "Unicode text" export) too', async () => {
    const plain = await importFile(utf8(CSV), opts('zhichu.csv'));
    const r = await importFile(utf16(TSV, 'le'), opts('zhichu.csv'));
    expect(r.errors).toEqual([]);
    // The quotes cite the cells as written (without grouping commas here): the figures are the same.
    const figures = (f: typeof r.file) => f!.facts.map((x) => [x.functional, x.basis, x.amount]);
    expect(figures(r.file)).toEqual(figures(plain.file));
  });

  it('a mark the content does not match (an odd byte at the end) is refused, naming the encoding', async () => {
    const bytes = new Uint8Array([...utf16(CSV, 'le'), 0x41]);
    const r = await importFile(bytes, opts('zhichu.csv'));
    expect(r.file).toBeUndefined();
    expect(r.errors.map((e) => e.message).join()).toMatch(/BOM.*UTF-16LE 编码，但内容不是有效的 UTF-16LE 文本/);
  });

  it('UTF-16 without a mark is still refused as binary (nothing names its encoding)', async () => {
    const r = await importFile(utf16(CSV, 'le').subarray(2), opts('zhichu.csv'));
    expect(r.file).toBeUndefined();
    expect(r.errors.map((e) => e.message).join()).toMatch(/二进制/);
  });
});

describe('a report text with a UTF-16 mark', () => {
  it.each(['le', 'be'] as const)('UTF-16%s: the same file as from UTF-8', async (order) => {
    const plain = await importFile(utf8(SMALL_REPORT), options({ fileName: 'r.txt' }));
    const r = await importFile(utf16(SMALL_REPORT, order), options({ fileName: 'r.txt' }));
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe(`utf-16${order}`);
    expect(r.file!.facts).toEqual(plain.file!.facts);
    expect(r.file!.measures).toEqual(plain.file!.measures);
  });
});
