/**
 * JSON text → value, and the text of found values in messages. Every problem of the text (too
 * large, empty, malformed, truncated, a key written twice) becomes one DataError with its line and
 * column. Pure TypeScript: the page and the CLI both use it.
 */
import type { DataError } from '../model/types';

export interface Validated<T> {
  /** The typed value, present only when there are no errors. */
  value?: T;
  errors: DataError[];
}

const FOUND_MAX = 60;
/**
 * Largest data file accepted, in characters (UTF-16 units). One report year is ~0.1 M; a unit with
 * every year and detail stays far below this. Larger files are refused with a clear message.
 */
export const MAX_JSON_CHARS = 20_000_000;
const mb = (n: number) => `${(n / 1e6).toFixed(1)} M`;

/**
 * The one message for a data file over MAX_JSON_CHARS, whether the CLI read it whole or the page
 * stopped reading it part-way (`found` is then "more than …").
 */
export function tooLargeError(file: string, found: string): DataError {
  return {
    file,
    record: '',
    field: '',
    expected: `at most ${mb(MAX_JSON_CHARS)} characters`,
    found,
    message: `${file}: the file is too large (${found}; a data file may have at most ${mb(MAX_JSON_CHARS)})`,
  };
}

/** Cut a string to `max` characters, marking the cut with "…". */
export function truncate(s: string, max = FOUND_MAX): string {
  const chars = [...s];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : s;
}

/** A value as text for messages: `"187.17" (string)`, `-3 (number)`, `null`, `nothing (missing)`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (missing)';
  if (v === null) return 'null';
  if (typeof v === 'string') return `${JSON.stringify(truncate(v))} (string)`;
  if (typeof v === 'number') return `${String(v)} (number)`;
  if (typeof v === 'boolean') return `${String(v)} (boolean)`;
  if (Array.isArray(v)) return v.length ? `an array of ${v.length}` : 'an empty array';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** Compose the readable message: `file › facts#3 (id) › amount: text`. */
export function formatLocation(file: string, recordLabel: string, field: string): string {
  return [file, recordLabel, field].filter(Boolean).join(' › ');
}


/**
 * Parse JSON text. Invalid JSON becomes one DataError with the line and column of the problem; a
 * file that stops early (truncated download, unfinished edit) is reported as such.
 */
export function parseJson(text: string, file: string): Validated<unknown> {
  // A data file this size is a mistake (a dump, a wrong file): refuse it before parsing and
  // validating hundreds of thousands of records freezes the page.
  if (text.length > MAX_JSON_CHARS) return { errors: [tooLargeError(file, `${mb(text.length)} characters`)] };
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from Windows editors
  if (src.trim() === '') {
    return {
      errors: [{ file, record: '', field: '', expected: 'a JSON document', found: 'an empty file', message: `${file}: invalid JSON: the file is empty` }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (e) {
    const engine = e instanceof Error ? e.message : String(e);
    const pos = errorPosition(engine, src) ?? scanJsonError(src);
    const end = src.trimEnd().length;
    const { line, column } = lineColumn(src, Math.min(pos, src.length));
    const detail = engine
      .replace(/^JSON\.parse: /, '')
      .replace(/\s*(?:in JSON )?at position \d+.*$/s, '')
      .replace(/\s*at line \d+ column \d+.*$/s, '')
      .replace(/\s*\(line \d+ column \d+\)/, '')
      .trim();
    if (pos >= end || (/end of (JSON )?(input|data)|Unterminated string/i.test(engine) && pos >= end - 1)) {
      const msg = `${file}: invalid JSON: the text ends at line ${line}, column ${column} before the JSON is complete (truncated file?)`;
      return { errors: [{ file, record: '', field: '', expected: 'a complete JSON document', found: `end of file at line ${line}, column ${column}`, message: msg }] };
    }
    const ch = src[pos] ?? '';
    const found = `${JSON.stringify(truncate(src.slice(pos, pos + 12), 12))} at line ${line}, column ${column}`;
    return {
      errors: [
        {
          file,
          record: '',
          field: '',
          expected: 'valid JSON',
          found,
          message: `${file}: invalid JSON at line ${line}, column ${column}${ch ? ` (near ${JSON.stringify(ch)})` : ''}: ${detail}`,
        },
      ],
    };
  }
  const dup = duplicateKey(src);
  if (dup) {
    const at = lineColumn(src, dup.pos);
    const first = lineColumn(src, dup.first);
    const key = JSON.stringify(truncate(dup.key, 40));
    return {
      errors: [
        {
          file,
          record: '',
          field: '',
          expected: 'each key once per object',
          found: `${key} again at line ${at.line}, column ${at.column}`,
          message: `${file}: invalid JSON at line ${at.line}, column ${at.column}: the key ${key} appears twice in one object (first at line ${first.line}); readers would silently keep only the last`,
        },
      ],
    };
  }
  return { value, errors: [] };
}

/** Position of a JSON.parse error from the engine message (V8 "position N", Firefox "line L column C"). */
function errorPosition(message: string, text: string): number | undefined {
  const p = /position (\d+)/.exec(message);
  if (p) return Number(p[1]);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) {
    const line = Number(lc[1]);
    const col = Number(lc[2]);
    let off = 0;
    for (let l = 1; l < line; l++) {
      const nl = text.indexOf('\n', off);
      if (nl < 0) return text.length;
      off = nl + 1;
    }
    return off + col - 1;
  }
  return undefined;
}

/** 1-based line and column of a UTF-16 offset. */
export function lineColumn(text: string, pos: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: pos - lineStart + 1 };
}

/**
 * Offset of the first JSON syntax error, for engines whose message has no position (Safari).
 * A minimal recursive-descent scanner; it only locates, JSON.parse decides validity.
 */
function scanJsonError(s: string): number {
  let i = 0;
  const ws = () => {
    while (i < s.length && ' \t\n\r'.includes(s[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const lit = (w: string) => {
    if (s.startsWith(w, i)) i += w.length;
    else fail();
  };
  const str = () => {
    i++;
    while (i < s.length && s[i] !== '"') {
      if (s.charCodeAt(i) < 0x20) fail();
      if (s[i] === '\\') {
        i++;
        if (s[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(s[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= s.length) fail();
    i++;
  };
  const num = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(s.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  const val = (depth: number): void => {
    if (depth > 5000) fail();
    ws();
    const c = s[i];
    if (c === '{') {
      i++;
      ws();
      if (s[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (s[i] !== '"') fail();
        str();
        ws();
        if (s[i] !== ':') fail();
        i++;
        val(depth + 1);
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (s[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        val(depth + 1);
        ws();
        if (s[i] === ',') i++;
        else if (s[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') str();
    else if (c === 't') lit('true');
    else if (c === 'f') lit('false');
    else if (c === 'n') lit('null');
    else num();
  };
  try {
    val(0);
    ws();
    if (i < s.length) fail();
    return s.length;
  } catch (pos) {
    return typeof pos === 'number' ? pos : s.length;
  }
}

/**
 * The first key written twice in one object of valid JSON text, with both positions. JSON.parse keeps
 * the last silently, so an edit that pasted a record's field twice would go unseen.
 */
export function duplicateKey(s: string): { key: string; pos: number; first: number } | undefined {
  const stack: Array<Map<string, number> | null> = [];
  let expectKey = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      for (;;) {
        const d = s.charCodeAt(j);
        if (d === 0x5c) {
          escaped = true;
          j += 2;
        } else if (d === 0x22 || Number.isNaN(d)) break;
        else j++;
      }
      const keys = stack[stack.length - 1];
      if (keys && expectKey) {
        const key = escaped ? (JSON.parse(s.slice(i, j + 1)) as string) : s.slice(i + 1, j);
        const first = keys.get(key);
        if (first !== undefined) return { key, pos: i, first };
        keys.set(key, i);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) {
      stack.push(new Map());
      expectKey = true;
    } else if (c === 0x5b) stack.push(null);
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) expectKey = stack[stack.length - 1] != null;
  }
  return undefined;
}
