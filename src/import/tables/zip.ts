/**
 * The guard in front of the spreadsheet reader. An .xlsx is a zip archive whose entries can
 * expand a thousand-fold, and the reader expands every XML entry at once; so the central
 * directory is read first and the workbook refused while it is still small when it declares
 * an absurd expanded size. Entries are then inflated here with output buffers of exactly the
 * declared size (an entry that lies about its size is cut there and fails to parse, it cannot
 * grow memory), and handed on stored (uncompressed), so the reader never starts its own
 * decompression workers (a page's CSP may forbid them and a worker cannot always spawn more).
 */
import { inflateSync, zipSync } from 'fflate';

/** Largest workbook file accepted. */
export const MAX_WORKBOOK_BYTES = 32 * 1024 * 1024;
/** Largest total expanded size of the XML parts read (sheets, shared strings, styles). */
export const MAX_XML_BYTES = 48 * 1024 * 1024;
/** More entries than this is not a workbook anyone typed. */
export const MAX_ENTRIES = 5000;

export class ZipError extends Error {}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
const MB = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** The entries the central directory declares; throws ZipError when it is not a readable zip. */
export function listEntries(b: Uint8Array): Entry[] {
  let e = b.length - 22;
  const stop = Math.max(0, b.length - 22 - 65535);
  while (e >= stop && u32(b, e) !== 0x06054b50) e--;
  if (e < stop) throw new ZipError('文件不是完整的 zip（.xlsx）压缩包：找不到目录结尾，可能已截断或损坏');
  const count = u16(b, e + 10);
  let o = u32(b, e + 16);
  if (count === 0xffff || o === 0xffffffff) throw new ZipError('工作簿使用 ZIP64 格式（超过 4 GB 的条目），这不是一个正常大小的决算表');
  if (count > MAX_ENTRIES) throw new ZipError(`压缩包含 ${count} 个条目（上限 ${MAX_ENTRIES}），不像是一个决算工作簿`);
  const dec = new TextDecoder('utf-8');
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (o + 46 > b.length || u32(b, o) !== 0x02014b50) throw new ZipError('zip 目录损坏：条目记录不完整');
    const n = u16(b, o + 28);
    const entry: Entry = {
      method: u16(b, o + 10),
      compressed: u32(b, o + 20),
      size: u32(b, o + 24),
      name: dec.decode(b.subarray(o + 46, o + 46 + n)),
      offset: u32(b, o + 42),
    };
    if (entry.size === 0xffffffff || entry.compressed === 0xffffffff) throw new ZipError(`条目 ${entry.name} 使用 ZIP64 大小（超过 4 GB），已拒绝`);
    out.push(entry);
    o += 46 + n + u16(b, o + 30) + u16(b, o + 32);
  }
  return out;
}

/** Entries the spreadsheet reader needs: XML parts and their relationships (no images, no printer settings). */
const needed = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/**
 * The workbook's XML parts, expanded under the limits, by entry name. Throws ZipError with a
 * message for people when the archive is broken, too large or a zip bomb.
 */
export function unpackXlsx(bytes: Uint8Array): Record<string, Uint8Array> {
  return unpackZip(bytes, needed);
}

/** The entries `keep` selects, expanded under the same limits (an .ods keeps its mimetype and XML parts). */
export function unpackZip(bytes: Uint8Array, keep: (name: string) => boolean): Record<string, Uint8Array> {
  if (bytes.length > MAX_WORKBOOK_BYTES) throw new ZipError(`工作簿 ${MB(bytes.length)}，超过上限 ${MB(MAX_WORKBOOK_BYTES)}；决算表通常不足 1 MB，请只保留决算公开表`);
  const entries = listEntries(bytes).filter((x) => keep(x.name));
  const total = entries.reduce((s, x) => s + x.size, 0);
  if (total > MAX_XML_BYTES) {
    const worst = entries.reduce((a, x) => (x.size > a.size ? x : a));
    const ratio = worst.compressed > 0 ? Math.round(worst.size / worst.compressed) : Infinity;
    throw new ZipError(
      `工作簿解压后达 ${MB(total)}（上限 ${MB(MAX_XML_BYTES)}；最大条目 ${worst.name} 由 ${MB(worst.compressed)} 展开为 ${MB(worst.size)}，压缩比 ${ratio}:1），疑似压缩炸弹，未展开`,
    );
  }
  const files: Record<string, Uint8Array> = {};
  for (const x of entries) {
    if (x.offset + 30 > bytes.length || u32(bytes, x.offset) !== 0x04034b50) throw new ZipError(`zip 条目 ${x.name} 的本地头损坏`);
    const start = x.offset + 30 + u16(bytes, x.offset + 26) + u16(bytes, x.offset + 28);
    if (start + x.compressed > bytes.length) throw new ZipError(`zip 条目 ${x.name} 被截断（文件不完整）`);
    const data = bytes.subarray(start, start + x.compressed);
    if (x.method === 0) files[x.name] = data.slice(0, x.size);
    else if (x.method === 8) {
      try {
        files[x.name] = inflateSync(data, { out: new Uint8Array(x.size) });
      } catch {
        throw new ZipError(`zip 条目 ${x.name} 无法解压（数据损坏）`);
      }
    } else throw new ZipError(`zip 条目 ${x.name} 使用不支持的压缩方式 ${x.method}`);
  }
  return files;
}

/** The same parts as a stored (uncompressed) zip, for the spreadsheet reader. */
export function storedZip(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 0 });
}
