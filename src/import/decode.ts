/**
 * Bytes of a report text → a string, with the encoding it was read in.
 *
 * Government exports come as UTF-8 (with or without BOM), GBK/GB18030 (older Windows tools), and
 * sometimes UTF-16 with a BOM. Detection rests on one fact: valid UTF-8 is strict, and Chinese
 * text in GBK is practically never valid UTF-8, so "valid UTF-8 → UTF-8, else GB18030" is reliable.
 * GB18030 is a superset of GBK, so the platform's `TextDecoder('gb18030')` reads both (the browser
 * and Node share it: no library). Files that are not text at all — a workbook renamed .txt, a
 * PDF, anything with NUL bytes — are refused with a message that says what they look like.
 */
import { ENCODINGS, type Encoding, type ImportError } from './types';

export { ENCODINGS, type Encoding };

/**
 * Largest report text accepted. Real 决算/绩效 reports are tens of kilobytes; a bigger file is
 * almost surely not a report, and refusing it keeps the importer's time bounded in a browser tab.
 */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

export type Decoded =
  | { ok: true; text: string; encoding: Exclude<Encoding, 'auto'>; warnings: string[] }
  | { ok: false; error: ImportError };

const fail = (message: string, line?: number): Decoded => ({ ok: false, error: { message, ...(line ? { where: { line } } : {}) } });

/** What a binary file looks like, from its first bytes, or null. */
function sniffBinary(b: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((x, i) => b[i] === x);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06))
    return 'ZIP 压缩包（.xlsx/.docx 等 Office 文件就是 ZIP）：如果是决算表格，请以 .xlsx 扩展名导入';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return '旧版 Office 文件（.xls/.doc）：请另存为 .xlsx 或纯文本后再导入';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'PDF 文件：请先把正文复制或另存为纯文本（.txt）';
  if (starts(0x1f, 0x8b)) return 'gzip 压缩文件';
  if (starts(0x52, 0x61, 0x72, 0x21)) return 'RAR 压缩包';
  if (starts(0x37, 0x7a, 0xbc, 0xaf)) return '7z 压缩包';
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46)) return '图片文件';
  return null;
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) (n = 1), (min = 0x80);
    else if (c >= 0xe0 && c <= 0xef) (n = 2), (min = 0x800);
    else if (c >= 0xf0 && c <= 0xf4) (n = 3), (min = 0x10000);
    else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** 1-based line of a byte offset (counts LF bytes; LF is 0x0A in every encoding handled here but UTF-16). */
function lineAt(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < b.length; i++) if (b[i] === 0x0a) line++;
  return line;
}

function decodeWith(label: string, b: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/**
 * Control characters other than tab, line breaks and form feed: a text with many of them is
 * binary that happened to decode (or text in an encoding we did not guess).
 */
function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

/** The encoding a byte-order mark at the start of `b` names (UTF-8, UTF-16LE or UTF-16BE), or null. */
export function bomEncoding(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Bytes the table reader can take: a file that starts with a UTF-16 byte-order mark (Excel's
 * "Unicode text" export, some WPS CSVs) re-encoded as UTF-8 with its mark, since UTF-16's NUL bytes
 * would otherwise make it look binary; any other file as it is. A UTF-16 file that does not
 * decode is an error naming its encoding.
 */
export function utf8ByBom(bytes: Uint8Array): { ok: true; bytes: Uint8Array; encoding: 'utf-16le' | 'utf-16be' | null } | { ok: false; error: ImportError } {
  const bom = bomEncoding(bytes);
  if (bom !== 'utf-16le' && bom !== 'utf-16be') return { ok: true, bytes, encoding: null };
  const text = decodeWith(bom, bytes);
  if (text === null) return { ok: false, error: { message: `文件开头的标记（BOM）表明是 ${bom.toUpperCase()} 编码，但内容不是有效的 ${bom.toUpperCase()} 文本` } };
  // TextDecoder drops the mark; it is written back as UTF-8's, which every reader strips.
  return { ok: true, bytes: new TextEncoder().encode(`\uFEFF${text}`), encoding: bom };
}

/**
 * Decode a report text. `declared` is what the caller says the encoding is (`auto` by default);
 * a declared encoding that does not fit the bytes is an error naming the line, not a silent
 * fallback, so a mis-declared file is noticed.
 */
export function decodeText(bytes: Uint8Array, declared: Encoding = 'auto'): Decoded {
  if (bytes.length === 0) return fail('文件是空的（0 字节）：没有可导入的内容');
  if (bytes.length > MAX_TEXT_BYTES)
    return fail(`文件过大（${(bytes.length / 1048576).toFixed(1)} MB）：报告正文通常不到 1 MB，上限为 ${MAX_TEXT_BYTES / 1048576} MB。这多半不是一份报告的正文`);
  const binary = sniffBinary(bytes);
  if (binary) return fail(`这不是文本文件，而是${binary}`);

  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  const bom8 = bom === 'utf-8';
  const bom16 = bom === 'utf-16le' || bom === 'utf-16be' ? bom : null;

  let text: string | null = null;
  let encoding: Exclude<Encoding, 'auto'>;
  if (bom16 || declared === 'utf-16le' || declared === 'utf-16be') {
    encoding = (bom16 ?? declared) as 'utf-16le' | 'utf-16be';
    text = decodeWith(encoding, bytes);
    if (text === null) return fail(`按 ${encoding.toUpperCase()} 读取失败：文件内容不是有效的 ${encoding.toUpperCase()} 文本`);
  } else {
    // NUL bytes never occur in UTF-8 or GBK text; they mark binary data (or UTF-16 without BOM).
    const nul = bytes.subarray(0, 65536).indexOf(0);
    if (nul >= 0) return fail(`这不是文本文件：第 ${lineAt(bytes, nul)} 行含有二进制数据（NUL 字节）`, lineAt(bytes, nul));
    const body = bom8 ? bytes.subarray(3) : bytes;
    const bad = firstInvalidUtf8(body);
    if (declared === 'utf-8') {
      if (bad >= 0) {
        const line = lineAt(body, bad);
        const gbk = decodeWith('gb18030', body) !== null;
        return fail(
          `声明为 UTF-8，但第 ${line} 行不是有效的 UTF-8${gbk ? '；内容看来是 GBK/GB18030 编码，请改用 --encoding gb18030（或不指定编码，自动识别）' : ''}`,
          line,
        );
      }
      encoding = 'utf-8';
      text = new TextDecoder('utf-8').decode(body);
    } else if (declared === 'gb18030') {
      text = decodeWith('gb18030', body);
      if (text === null) return fail('声明为 GBK/GB18030，但内容不是有效的 GB18030 文本');
      if (bad < 0 && /[^\x00-\x7f]/.test(new TextDecoder('utf-8').decode(body)))
        warnings.push('内容同时也是有效的 UTF-8，按声明以 GB18030 读取；如出现乱码请改用 UTF-8');
      encoding = 'gb18030';
    } else if (bad < 0) {
      encoding = 'utf-8';
      text = new TextDecoder('utf-8').decode(body);
    } else {
      text = decodeWith('gb18030', body);
      if (text === null) {
        const line = lineAt(body, bad);
        return fail(`无法识别文本编码：第 ${line} 行既不是有效的 UTF-8，也不是 GBK/GB18030`, line);
      }
      encoding = 'gb18030';
      if (bom8) warnings.push('文件开头有 UTF-8 标记（BOM），但内容是 GBK/GB18030 编码，已按 GB18030 读取');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (controlShare(text) > 0.01) return fail(`这不是文本文件：按 ${encoding.toUpperCase()} 读出的内容含有大量控制字符`);
  if (text.trim() === '') return fail('文件只有空白：没有可导入的内容');
  return { ok: true, text, encoding, warnings };
}
