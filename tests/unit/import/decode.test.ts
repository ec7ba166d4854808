import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, decodeText, firstInvalidUtf8 } from '../../../src/import/decode';
import { encodeGbk } from './helpers';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeText(utf8('收入总计969.29万元'))).toMatchObject({ ok: true, text: '收入总计969.29万元', encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('收入')]);
    expect(decodeText(bom)).toMatchObject({ ok: true, text: '收入', encoding: 'utf-8' });
  });

  it('detects GBK/GB18030 when the bytes are not UTF-8', () => {
    const r = decodeText(encodeGbk('2022年度单位决算：其他收入266.33万元'));
    expect(r).toMatchObject({ ok: true, encoding: 'gb18030', text: '2022年度单位决算：其他收入266.33万元' });
  });

  it('reads GBK behind a (wrong) UTF-8 BOM and says so', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...encodeGbk('收入总计')]));
    expect(r.ok && r.text).toBe('收入总计');
    expect(r.ok && r.warnings.join()).toMatch(/BOM/);
  });

  it('refuses GBK declared as UTF-8, naming the line and the likely encoding', () => {
    const r = decodeText(encodeGbk('第一行\n第二行收入'), 'utf-8');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/第 1 行不是有效的 UTF-8.*GBK/);
    expect(!r.ok && r.error.where?.line).toBe(1);
  });

  it('reads UTF-16 with a BOM', () => {
    const s = '收入总计';
    const b = new Uint8Array(2 + s.length * 2);
    b[0] = 0xff;
    b[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      b[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      b[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    expect(decodeText(b)).toMatchObject({ ok: true, text: s, encoding: 'utf-16le' });
  });

  it.each([
    ['an empty file', new Uint8Array(0), /空/],
    ['whitespace only', utf8(' \n\t\n'), /空白/],
    ['a zip (xlsx) renamed .txt', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /ZIP.*xlsx/],
    ['a PDF', utf8('%PDF-1.7 ...'), /PDF/],
    ['binary with NUL bytes', new Uint8Array([0x41, 0x0a, 0x42, 0x00, 0x43]), /第 2 行.*NUL/],
    ['neither UTF-8 nor GB18030', new Uint8Array([0x41, 0x0a, 0xff, 0xff, 0xff]), /第 2 行.*既不是/],
  ])('refuses %s with a clear message', (_name, bytes, message) => {
    const r = decodeText(bytes);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('refuses a text larger than the limit before decoding it', () => {
    // Bytes that are neither UTF-8 nor GB18030: a decoder that looked at them first would say so instead.
    const r = decodeText(new Uint8Array(MAX_TEXT_BYTES + 1).fill(0xff));
    expect(!r.ok && r.error.message).toMatch(/过大/);
    expect(!r.ok && r.error.message).not.toMatch(/既不是/);
  });

  it('finds the first invalid UTF-8 byte (overlong, surrogate, truncated)', () => {
    expect(firstInvalidUtf8(utf8('ab中'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe4, 0xb8]))).toBe(1);
  });
});
