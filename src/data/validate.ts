/**
 * Structural and referential validation of the data files, shared by the browser loader and
 * `npm run check:data`.
 *
 * Why hand-written rather than ajv: ajv compiles schemas with `Function` (needs 'unsafe-eval') and
 * adds ~35 KB gzip to the bundle. The checks here mirror `data/schema/*.schema.json`; a unit test runs
 * ajv against the schemas and this validator on the same fixtures so the two cannot drift apart.
 *
 * Every problem of a file is collected (never just the first) as a DataError naming the file, the
 * record, the field, what was expected and what was found. Found values are plain text (quoted,
 * truncated); the UI must render them as text, never as HTML.
 *
 * Pure TypeScript: no Node APIs, the browser bundles this module.
 */
import type {
  ClassificationFile,
  DataError,
  DataIndex,
  Formula,
  UnitYearFile,
} from '../model/types';
import { FORMULA_OPS, MAX_FORMULA_DEPTH, formulaRefs, isFormula } from '../domain/formula';

export interface Validated<T> {
  /** The typed file, present only when there are no errors. */
  value?: T;
  errors: DataError[];
}

/** Rule ids of `rules.ts`; a knownIssue's `explains` entries must start with one of them. */
export const RULE_IDS = [
  'children-sum',
  'basis-sum',
  'functional-economic',
  'economic-scope',
  'recompute',
  'derived',
  'quote',
  'asset-bounds',
  'unique-cell',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const PHASES = ['年初预算', '调整预算', '决算'] as const;
export const BASES = ['基本支出', '项目支出'] as const;
export const APPROX = ['近', '余', '约'] as const;
export const ISSUE_KINDS = ['arithmetic', 'wording', 'definition'] as const;
export const GROUP_DOMAINS = ['finance', 'operations'] as const;

/**
 * Indicator units whose values may be negative: a change in money ("减少7.11万元" as −7.11) and a
 * rate or growth in percent ("较上年增长-18.19%"). Headcounts, counts and areas are never negative.
 */
export const SIGNED_UNITS: ReadonlySet<string> = new Set(['万元', '%']);
/** Units that count whole things: their values must be integers. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '人', '个', '辆', '条', '路', '台', '项', '场', '次', '人次', '家', '件', '批次', '户', '套', '张',
]);

/** Code length per level: 类 3 digits, 款 5, 项 7 (economic classification has no 项). */
export const CODE_LENGTHS: Record<'functional' | 'economic', readonly number[]> = {
  functional: [3, 5, 7],
  economic: [3, 5],
};

const FOUND_MAX = 60;
/**
 * Largest data file accepted, in characters (UTF-16 units). One report year is ~0.1 M; a unit with
 * every year and detail stays far below this. Larger files are refused with a clear message.
 */
export const MAX_JSON_CHARS = 20_000_000;
/** Ids are short kebab-case ASCII (as the schema's $defs/id): safe in URLs, keys and file names. */
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SLUG_RE = ID_RE;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const EXPLAINS_RE = /^[a-z0-9-]+(?::.+)?$/;
const ID_WHAT = 'a kebab-case id like "f-2022-total"';
const FUNCTIONAL_RE = /^\d{3}(?:\d{2}){0,2}$/;
const ECONOMIC_RE = /^\d{3}(?:\d{2})?$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Text of found values and messages

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
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** Compose the readable message: `file › facts#3 (id) › amount: text`. */
export function formatLocation(file: string, recordLabel: string, field: string): string {
  return [file, recordLabel, field].filter(Boolean).join(' › ');
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Collects the errors of one file. */
class Collector {
  readonly errors: DataError[] = [];
  constructor(readonly file: string) {}

  /** A record handle: `record` is what DataError.record holds, `label` how the message names it. */
  rec(record: string, label = record, section?: string): Rec {
    return new Rec(this, record, label, section);
  }

  /** Record `arrayName#i`, named by its id when it has a usable one. */
  item(arrayName: string, i: number, x: unknown, idKey = 'id'): Rec {
    const id = isObj(x) && typeof x[idKey] === 'string' && ID_RE.test(x[idKey] as string) ? (x[idKey] as string) : '';
    const pos = `${arrayName}#${i}`;
    return new Rec(this, id || pos, id ? `${pos} (${truncate(id)})` : pos, arrayName);
  }
}

class Rec {
  constructor(
    readonly c: Collector,
    readonly record: string,
    readonly label: string,
    /** The array the record sits in, so a loader can tell which part of a file is broken. */
    readonly section?: string,
  ) {}

  /** Report `expected …, found …` for a field. */
  bad(field: string, expected: string, found: unknown, foundText = describeValue(found)): false {
    const loc = formatLocation(this.c.file, this.label, field);
    this.c.errors.push({
      file: this.c.file,
      record: this.record,
      field,
      expected,
      found: foundText,
      message: `${loc}: expected ${expected}, found ${foundText}`,
      ...(this.section ? { section: this.section } : {}),
    });
    return false;
  }

  /** Report a free-form problem (still with expected/found for the UI). */
  problem(field: string, text: string, expected?: string, found?: string): false {
    const loc = formatLocation(this.c.file, this.label, field);
    this.c.errors.push({
      file: this.c.file,
      record: this.record,
      field,
      expected,
      found,
      message: `${loc}: ${text}`,
      ...(this.section ? { section: this.section } : {}),
    });
    return false;
  }

  obj(o: Obj, key: string, path: string, optional = false): Obj | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isObj(v)) {
      this.bad(join(path, key), 'an object', v);
      return undefined;
    }
    return v;
  }

  arr(o: Obj, key: string, path: string, { optional = false, nonEmpty = false } = {}): unknown[] | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!Array.isArray(v)) {
      this.bad(join(path, key), nonEmpty ? 'a non-empty array' : 'an array', v);
      return undefined;
    }
    if (nonEmpty && v.length === 0) {
      this.bad(join(path, key), 'a non-empty array', v, 'an empty array');
      return undefined;
    }
    return v;
  }

  str(
    o: Obj,
    key: string,
    path: string,
    { optional = false, nullable = false, re, what = 'a non-empty string', allowEmpty = false }: { optional?: boolean; nullable?: boolean; re?: RegExp; what?: string; allowEmpty?: boolean } = {},
  ): boolean {
    const v = o[key];
    if (v === undefined && optional) return true;
    if (v === null && nullable) return true;
    const expected = nullable ? `${what} or null` : what;
    if (typeof v !== 'string' || (v === '' && !allowEmpty) || (re && !re.test(v))) return this.bad(join(path, key), allowEmpty && !re ? 'a string' : expected, v);
    return true;
  }

  num(
    o: Obj,
    key: string,
    path: string,
    { optional = false, min, max, integer = false, what }: { optional?: boolean; min?: number; max?: number; integer?: boolean; what?: string } = {},
  ): boolean {
    const v = o[key];
    if (v === undefined && optional) return true;
    const expected =
      what ??
      `${integer ? 'an integer' : 'a finite number'}${min !== undefined && max !== undefined ? ` from ${min} to ${max}` : min !== undefined ? ` ≥ ${min}` : max !== undefined ? ` ≤ ${max}` : ''}`;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.bad(join(path, key), expected, v);
    if ((integer && !Number.isInteger(v)) || (min !== undefined && v < min) || (max !== undefined && v > max)) {
      return this.bad(join(path, key), expected, v);
    }
    return true;
  }

  year(o: Obj, key: string, path: string): boolean {
    return this.num(o, key, path, { integer: true, min: MIN_YEAR, max: MAX_YEAR, what: `an integer year from ${MIN_YEAR} to ${MAX_YEAR}` });
  }

  bool(o: Obj, key: string, path: string, optional = false): boolean {
    const v = o[key];
    if (v === undefined && optional) return true;
    if (typeof v !== 'boolean') return this.bad(join(path, key), 'true or false', v);
    return true;
  }

  oneOf(o: Obj, key: string, path: string, values: readonly (string | number)[], { nullable = false, optional = false } = {}): boolean {
    const v = o[key];
    if (v === undefined && optional) return true;
    if (v === null && nullable) return true;
    if (!values.includes(v as string | number)) {
      const list = values.map((x) => (typeof x === 'string' ? JSON.stringify(x) : String(x))).join(', ');
      return this.bad(join(path, key), `one of ${list}${nullable ? ' or null' : ''}`, v);
    }
    return true;
  }

  /** Fields that the schema does not define (typos such as "ammount" would otherwise pass silently). */
  noExtra(o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.includes(k)) this.bad(join(path, k), `no field "${truncate(k)}" (allowed: ${allowed.join(', ')})`, o[k]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// JSON text

/**
 * Parse JSON text. Invalid JSON becomes one DataError with the line and column of the problem; a
 * file that stops early (truncated download, unfinished edit) is reported as such.
 */
export function parseJson(text: string, file: string): Validated<unknown> {
  if (text.length > MAX_JSON_CHARS) {
    // A data file this size is a mistake (a dump, a wrong file): refuse it before parsing and
    // validating hundreds of thousands of records freezes the page.
    const mb = (n: number) => `${(n / 1e6).toFixed(1)} M`;
    return {
      errors: [
        {
          file,
          record: '',
          field: '',
          expected: `at most ${mb(MAX_JSON_CHARS)} characters`,
          found: `${mb(text.length)} characters`,
          message: `${file}: the file is too large (${mb(text.length)} characters; a data file may have at most ${mb(MAX_JSON_CHARS)})`,
        },
      ],
    };
  }
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a BOM from Windows editors
  if (src.trim() === '') {
    return {
      errors: [{ file, record: '', field: '', expected: 'a JSON document', found: 'an empty file', message: `${file}: invalid JSON: the file is empty` }],
    };
  }
  try {
    return { value: JSON.parse(src), errors: [] };
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

// ---------------------------------------------------------------------------------------------
// Shared pieces

const INDEX_PATH_RE = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\:]+\.json$/;

function checkFormula(r: Rec, f: unknown, path: string, depth = 0): f is Formula {
  if (!isObj(f)) return r.bad(path, 'a formula {op, args}', f);
  if (depth > MAX_FORMULA_DEPTH) return r.bad(path, `a formula nested at most ${MAX_FORMULA_DEPTH} deep`, f, 'deeper nesting');
  r.noExtra(f, ['op', 'args'], path);
  let ok = r.oneOf(f, 'op', path, Object.keys(FORMULA_OPS));
  const args = f.args;
  if (!Array.isArray(args)) return r.bad(join(path, 'args'), 'an array of record ids, numbers or formulas', args);
  const spec = ok ? FORMULA_OPS[f.op as keyof typeof FORMULA_OPS] : undefined;
  if (spec && (args.length < spec.min || args.length > spec.max)) {
    const want = spec.min === spec.max ? `exactly ${spec.min}` : `at least ${spec.min}`;
    ok = r.bad(join(path, 'args'), `${want} arguments for "${String(f.op)}"`, args);
  }
  args.forEach((a, i) => {
    const p = join(join(path, 'args'), i);
    if (typeof a === 'string') {
      if (!ID_RE.test(a)) ok = r.bad(p, `a record id (${ID_WHAT})`, a);
    } else if (typeof a === 'number') {
      if (!Number.isFinite(a)) ok = r.bad(p, 'a finite number', a);
    } else if (isObj(a)) {
      if (!checkFormula(r, a, p, depth + 1)) ok = false;
    } else ok = r.bad(p, 'a record id, a number or a formula', a);
  });
  return ok;
}

function checkProvenance(r: Rec, o: Obj, key: string, optional = false): void {
  const p = r.obj(o, key, '', optional);
  if (!p) return;
  const kinds = ['stated', 'derived', 'inferred'];
  if (!r.oneOf(p, 'kind', key, kinds)) return;
  if (p.kind === 'stated') {
    r.noExtra(p, ['kind', 'quote', 'section'], key);
    r.str(p, 'quote', key);
    r.str(p, 'section', key);
  } else if (p.kind === 'derived') {
    r.noExtra(p, ['kind', 'formula', 'text'], key);
    checkFormula(r, p.formula, join(key, 'formula'));
    r.str(p, 'text', key);
  } else {
    r.noExtra(p, ['kind', 'rule', 'quote', 'section'], key);
    r.str(p, 'rule', key);
    r.str(p, 'quote', key, { optional: true });
    r.str(p, 'section', key, { optional: true });
  }
}

// ---------------------------------------------------------------------------------------------
// data/index.json

/** Validate `data/index.json`: units, their years and files, classification files, groups. */
export function validateIndex(json: unknown, file: string): Validated<DataIndex> {
  const c = new Collector(file);
  const top = c.rec('');
  if (!isObj(json)) {
    top.bad('', 'an object (the data index)', json);
    return { errors: c.errors };
  }
  top.noExtra(json, ['generated', 'classifications', 'units', 'groups'], '');
  top.str(json, 'generated', '', { optional: true, allowEmpty: true });
  const pathWhat = 'a relative path to a .json file inside the data folder';
  const cls = top.obj(json, 'classifications', '');
  if (cls) {
    top.noExtra(cls, ['functional', 'economic'], 'classifications');
    top.str(cls, 'functional', 'classifications', { re: INDEX_PATH_RE, what: pathWhat });
    top.str(cls, 'economic', 'classifications', { re: INDEX_PATH_RE, what: pathWhat });
  }
  const units = top.arr(json, 'units', '', { nonEmpty: true });
  const unitIds = new Map<string, number>();
  units?.forEach((u, i) => {
    const r = c.item('units', i, u);
    if (!isObj(u)) return r.bad('', 'an object (a unit)', u);
    r.noExtra(u, ['id', 'name', 'region', 'currency', 'years'], '');
    if (r.str(u, 'id', '', { re: SLUG_RE, what: 'a lower-case id like "ningxiang-drc"' })) {
      const prev = unitIds.get(u.id as string);
      if (prev !== undefined) r.bad('id', 'a unit id used once', u.id, `${describeValue(u.id)}, also units#${prev}`);
      else unitIds.set(u.id as string, i);
    }
    r.str(u, 'name', '');
    r.str(u, 'region', '');
    r.oneOf(u, 'currency', '', ['万元']);
    const years = r.arr(u, 'years', '', { nonEmpty: true });
    const seen = new Map<number, number>();
    years?.forEach((y, j) => {
      const p = join('years', j);
      if (!isObj(y)) return r.bad(p, 'an object {year, file}', y);
      r.noExtra(y, ['year', 'file'], p);
      if (r.year(y, 'year', p)) {
        const prev = seen.get(y.year as number);
        if (prev !== undefined) r.bad(join(p, 'year'), 'a year listed once per unit', y.year, `${describeValue(y.year)}, also years[${prev}]`);
        else seen.set(y.year as number, j);
      }
      r.str(y, 'file', p, { re: INDEX_PATH_RE, what: pathWhat });
    });
  });
  const groups = top.arr(json, 'groups', '', { optional: true });
  const groupIds = new Map<string, number>();
  groups?.forEach((g, i) => {
    const r = c.item('groups', i, g);
    if (!isObj(g)) return r.bad('', 'an object {id, label, domain}', g);
    r.noExtra(g, ['id', 'label', 'domain'], '');
    if (r.str(g, 'id', '', { re: ID_RE, what: ID_WHAT })) {
      const prev = groupIds.get(g.id as string);
      if (prev !== undefined) r.bad('id', 'a group id used once', g.id, `${describeValue(g.id)}, also groups#${prev}`);
      else groupIds.set(g.id as string, i);
    }
    r.str(g, 'label', '');
    r.oneOf(g, 'domain', '', GROUP_DOMAINS);
  });
  return c.errors.length ? { errors: c.errors } : { value: json as unknown as DataIndex, errors: [] };
}

// ---------------------------------------------------------------------------------------------
// data/classifications/*.json

/**
 * Validate a classification tree: node shapes, unique codes, parent exists, level = parent level + 1,
 * code length matches the level (functional 3/5/7 digits, economic 3/5), a child's code extends its
 * parent's code, and no parent cycles.
 */
export function validateClassification(json: unknown, file: string): Validated<ClassificationFile> {
  const c = new Collector(file);
  const top = c.rec('');
  if (!isObj(json)) {
    top.bad('', 'an object (a classification file)', json);
    return { errors: c.errors };
  }
  top.noExtra(json, ['id', 'title', 'edition', 'nodes'], '');
  const idOk = top.oneOf(json, 'id', '', ['functional', 'economic']);
  const tree = idOk ? (json.id as 'functional' | 'economic') : undefined;
  top.str(json, 'title', '');
  top.str(json, 'edition', '');
  const nodes = top.arr(json, 'nodes', '', { nonEmpty: true });
  if (!nodes) return { errors: c.errors };

  const byCode = new Map<string, { node: Obj; i: number }>();
  const good: Array<{ node: Obj; i: number; r: Rec }> = [];
  const codeRe = tree === 'economic' ? ECONOMIC_RE : FUNCTIONAL_RE;
  const lengths = tree ? CODE_LENGTHS[tree] : [3, 5, 7];
  nodes.forEach((n, i) => {
    const r = c.item('nodes', i, n, 'code');
    if (!isObj(n)) return r.bad('', 'an object {code, name, parent, level}', n);
    r.noExtra(n, ['code', 'name', 'parent', 'level'], '');
    const codeWhat = `a code of ${lengths.join(', ')} digits`;
    const codeOk = r.str(n, 'code', '', { re: codeRe, what: codeWhat });
    r.str(n, 'name', '');
    const parentOk = r.str(n, 'parent', '', { nullable: true, re: codeRe, what: `a parent ${codeWhat}` });
    const levelOk = r.oneOf(n, 'level', '', tree === 'economic' ? [1, 2] : [1, 2, 3]);
    if (codeOk) {
      const prev = byCode.get(n.code as string);
      if (prev) r.bad('code', 'a code listed once', n.code, `${describeValue(n.code)}, also nodes#${prev.i}`);
      else byCode.set(n.code as string, { node: n, i });
    }
    if (codeOk && levelOk) {
      const want = lengths[(n.level as number) - 1];
      if ((n.code as string).length !== want) {
        r.bad('code', `${want} digits for level ${String(n.level)}`, n.code, `${describeValue(n.code)}, ${(n.code as string).length} digits`);
      }
    }
    if (codeOk && parentOk && levelOk) good.push({ node: n, i, r });
  });

  for (const { node, r } of good) {
    const code = node.code as string;
    const level = node.level as number;
    const parent = node.parent as string | null;
    if (parent === null) {
      if (level !== 1) r.bad('parent', `a parent code (level ${level} is not a top level)`, null);
      continue;
    }
    const p = byCode.get(parent);
    if (!p) {
      r.bad('parent', 'the code of another node in this file', parent);
      continue;
    }
    if (typeof p.node.level === 'number' && level !== p.node.level + 1) {
      r.bad('level', `${p.node.level + 1} (parent ${parent} has level ${p.node.level})`, level);
    }
    if (!code.startsWith(parent) || code === parent) {
      r.bad('code', `a code that extends its parent code ${parent}`, code);
    }
  }

  // Cycles: follow parents; a walk that revisits a node is a cycle, reported once per cycle.
  const reported = new Set<string>();
  for (const { node, r } of good) {
    const start = node.code as string;
    const path: string[] = [start];
    let cur = node.parent as string | null;
    while (cur !== null && path.length <= byCode.size + 1) {
      const at = path.indexOf(cur);
      if (at >= 0) {
        const cycle = path.slice(at);
        const key = [...cycle].sort().join(',');
        if (!reported.has(key) && at === 0) {
          reported.add(key);
          r.bad('parent', 'a parent chain that reaches a top-level node', cur, `a cycle ${[...cycle, cur].join(' → ')}`);
        }
        break;
      }
      path.push(cur);
      const next = byCode.get(cur);
      if (!next || !isObj(next.node)) break;
      const np = next.node.parent;
      cur = typeof np === 'string' ? np : null;
    }
  }
  return c.errors.length ? { errors: c.errors } : { value: json as unknown as ClassificationFile, errors: [] };
}

// ---------------------------------------------------------------------------------------------
// data/units/<unit>/<year>.json

export interface UnitYearContext {
  functional?: ClassificationFile;
  economic?: ClassificationFile;
  /** The unit id the index lists this file under. */
  unit?: string;
  /** The year the index lists this file under. */
  year?: number;
}

const FACT_KEYS = ['id', 'year', 'phase', 'basis', 'functional', 'economic', 'amount', 'label', 'provenance', 'codeProvenance', 'note'];
const INDICATOR_KEYS = ['id', 'group', 'label', 'value', 'unit', 'year', 'approx', 'cumulative', 'parent', 'sumsToParent', 'recompute', 'decimals', 'provenance', 'note'];
const ISSUE_KEYS = ['id', 'explains', 'records', 'kind', 'title', 'explanation'];

/**
 * Validate one unit-year file: shapes, required fields, enums, amounts (finite, ≥ 0; indicator values
 * may be negative only in 万元 or % — changes and growth rates), ids unique across all record arrays,
 * classification codes known to the trees (when given), formula and parent references, the unit and
 * year the index lists, and at least one fact.
 */
export function validateUnitYear(json: unknown, file: string, ctx: UnitYearContext = {}): Validated<UnitYearFile> {
  const c = new Collector(file);
  const top = c.rec('');
  if (!isObj(json)) {
    top.bad('', 'an object (a unit-year file)', json);
    return { errors: c.errors };
  }
  top.noExtra(json, ['unit', 'reportYear', 'currency', 'source', 'facts', 'measures', 'indicators', 'knownIssues'], '');
  if (top.str(json, 'unit', '', { re: SLUG_RE, what: 'a lower-case unit id like "ningxiang-drc"' }) && ctx.unit !== undefined && json.unit !== ctx.unit) {
    top.bad('unit', `"${ctx.unit}" (the unit data/index.json lists this file under)`, json.unit);
  }
  if (top.year(json, 'reportYear', '') && ctx.year !== undefined && json.reportYear !== ctx.year) {
    top.bad('reportYear', `${ctx.year} (the year data/index.json lists this file under)`, json.reportYear);
  }
  top.oneOf(json, 'currency', '', ['万元']);
  const source = top.obj(json, 'source', '');
  if (source) {
    top.noExtra(source, ['id', 'title', 'publisher', 'date', 'file'], 'source');
    top.str(source, 'id', 'source', { re: ID_RE, what: ID_WHAT });
    top.str(source, 'title', 'source');
    top.str(source, 'publisher', 'source');
    top.str(source, 'date', 'source', { re: DATE_RE, what: 'a date like "2023-07-25"' });
    top.str(source, 'file', 'source');
  }

  // Every record id → where it is; facts and indicators can be formula arguments, issues cannot.
  const ids = new Map<string, { where: string; kind: 'fact' | 'measure' | 'indicator' | 'issue' }>();
  const claimId = (r: Rec, o: Obj, where: string, kind: 'fact' | 'measure' | 'indicator' | 'issue') => {
    if (!r.str(o, 'id', '', { re: ID_RE, what: ID_WHAT })) return;
    const id = o.id as string;
    const prev = ids.get(id);
    if (prev) r.bad('id', 'an id used once in the file', id, `${describeValue(id)}, also ${prev.where}`);
    else ids.set(id, { where, kind });
  };

  const functionalCodes = ctx.functional ? new Set(ctx.functional.nodes.map((n) => n.code)) : undefined;
  const economicCodes = ctx.economic ? new Set(ctx.economic.nodes.map((n) => n.code)) : undefined;
  const formulas: Array<{ r: Rec; f: Formula; path: string; self: string; derived: boolean }> = [];
  const parents: Array<{ r: Rec; id: string; parent: string }> = [];

  const facts = top.arr(json, 'facts', '', { nonEmpty: true });
  facts?.forEach((f, i) => {
    const r = c.item('facts', i, f);
    if (!isObj(f)) return r.bad('', 'an object (a fact)', f);
    r.noExtra(f, FACT_KEYS, '');
    claimId(r, f, `facts#${i}`, 'fact');
    r.year(f, 'year', '');
    r.oneOf(f, 'phase', '', PHASES);
    r.oneOf(f, 'basis', '', BASES, { nullable: true });
    if (r.str(f, 'functional', '', { nullable: true, re: FUNCTIONAL_RE, what: 'a functional code of 3, 5 or 7 digits' }) && typeof f.functional === 'string' && functionalCodes && !functionalCodes.has(f.functional)) {
      r.bad('functional', `a code listed in the functional classification (${ctx.functional!.edition})`, f.functional);
    }
    if (r.str(f, 'economic', '', { nullable: true, re: ECONOMIC_RE, what: 'an economic code of 3 or 5 digits' }) && typeof f.economic === 'string' && economicCodes && !economicCodes.has(f.economic)) {
      r.bad('economic', `a code listed in the economic classification (${ctx.economic!.edition})`, f.economic);
    }
    r.num(f, 'amount', '', { min: 0 });
    r.str(f, 'label', '');
    r.str(f, 'note', '', { optional: true, allowEmpty: true });
    checkProvenance(r, f, 'provenance');
    checkProvenance(r, f, 'codeProvenance', true);
    collectFormula(r, f, formulas);
  });

  const checkIndicators = (name: 'measures' | 'indicators') => {
    const arr = top.arr(json, name, '');
    arr?.forEach((x, i) => {
      const r = c.item(name, i, x);
      if (!isObj(x)) return r.bad('', 'an object (an indicator)', x);
      r.noExtra(x, INDICATOR_KEYS, '');
      claimId(r, x, `${name}#${i}`, name === 'measures' ? 'measure' : 'indicator');
      r.str(x, 'group', '', { re: ID_RE, what: ID_WHAT });
      r.str(x, 'label', '');
      const unitOk = r.str(x, 'unit', '');
      if (unitOk) {
        const unit = x.unit as string;
        if (SIGNED_UNITS.has(unit)) r.num(x, 'value', '', { what: `a finite number (negative allowed in ${unit})` });
        else if (COUNT_UNITS.has(unit) && isObj(x.provenance) && x.provenance.kind === 'stated') r.num(x, 'value', '', { min: 0, integer: true, what: `a whole number ≥ 0 (a count in ${unit})` });
        else r.num(x, 'value', '', { min: 0, what: `a finite number ≥ 0 (${unit} cannot be negative)` });
      } else r.num(x, 'value', '');
      r.year(x, 'year', '');
      r.oneOf(x, 'approx', '', APPROX, { nullable: true });
      r.bool(x, 'cumulative', '');
      if (r.str(x, 'parent', '', { nullable: true, re: ID_RE, what: 'the id of another measure or indicator' }) && typeof x.parent === 'string' && typeof x.id === 'string') {
        parents.push({ r, id: x.id, parent: x.parent });
      }
      if (r.bool(x, 'sumsToParent', '', true) && x.sumsToParent === true && x.parent === null) {
        r.bad('sumsToParent', 'sumsToParent only on a record with a parent', true, 'true with parent null');
      }
      if (x.recompute !== undefined) checkFormula(r, x.recompute, 'recompute');
      r.num(x, 'decimals', '', { optional: true, integer: true, min: 0, max: 10 });
      r.str(x, 'note', '', { optional: true, allowEmpty: true });
      checkProvenance(r, x, 'provenance');
      collectFormula(r, x, formulas);
    });
  };
  checkIndicators('measures');
  checkIndicators('indicators');

  const issues = top.arr(json, 'knownIssues', '');
  const issueRecords: Array<{ r: Rec; path: string; id: unknown }> = [];
  issues?.forEach((k, i) => {
    const r = c.item('knownIssues', i, k);
    if (!isObj(k)) return r.bad('', 'an object (a known issue)', k);
    r.noExtra(k, ISSUE_KEYS, '');
    claimId(r, k, `knownIssues#${i}`, 'issue');
    const explains = r.arr(k, 'explains', '');
    explains?.forEach((e, j) => {
      const rule = typeof e === 'string' ? e.split(':')[0] : '';
      if (typeof e !== 'string' || !EXPLAINS_RE.test(e) || !(RULE_IDS as readonly string[]).includes(rule)) {
        r.bad(join('explains', j), `a rule id or "rule:subject" key (rules: ${RULE_IDS.join(', ')})`, e);
      }
    });
    const recs = r.arr(k, 'records', '');
    recs?.forEach((id, j) => issueRecords.push({ r, path: join('records', j), id }));
    r.oneOf(k, 'kind', '', ISSUE_KINDS);
    r.str(k, 'title', '');
    r.str(k, 'explanation', '');
  });

  // References, once every id is known.
  const valueIds = (id: string) => {
    const k = ids.get(id)?.kind;
    return k === 'fact' || k === 'measure' || k === 'indicator';
  };
  for (const { r, f, path } of formulas) {
    const walk = (node: Formula, p: string, depth: number) => {
      if (depth > MAX_FORMULA_DEPTH || !Array.isArray(node.args)) return;
      node.args.forEach((a, i) => {
        const ap = `${p}.args[${i}]`;
        if (typeof a === 'string' && ID_RE.test(a) && !valueIds(a)) r.bad(ap, 'the id of a fact, measure or indicator in this file', a);
        else if (isFormula(a)) walk(a, ap, depth + 1);
      });
    };
    walk(f, path, 0);
  }
  for (const { r, parent } of parents) {
    const k = ids.get(parent)?.kind;
    if (k !== 'measure' && k !== 'indicator') r.bad('parent', 'the id of a measure or indicator in this file', parent);
  }
  for (const { r, path, id } of issueRecords) {
    if (typeof id !== 'string' || !ids.has(id) || ids.get(id)!.kind === 'issue') r.bad(path, 'the id of a fact, measure or indicator in this file', id);
  }

  // Parent chains must end.
  const parentOf = new Map(parents.map((p) => [p.id, p.parent]));
  const cycleSeen = new Set<string>();
  for (const { r, id } of parents) {
    const path = [id];
    let cur = parentOf.get(id);
    while (cur !== undefined && !cycleSeen.has(id)) {
      const at = path.indexOf(cur);
      if (at >= 0) {
        if (at === 0) {
          path.forEach((p) => cycleSeen.add(p));
          r.bad('parent', 'a parent chain that ends', cur, `a cycle ${[...path, cur].join(' → ')}`);
        }
        break;
      }
      path.push(cur);
      cur = parentOf.get(cur);
    }
  }

  // Derived figures must rest on other figures, not on themselves (directly or through others).
  const derivedRefs = new Map<string, string[]>();
  for (const x of formulas) if (x.derived) derivedRefs.set(x.self, formulaRefs(x.f));
  const derivedCycle = new Set<string>();
  for (const x of formulas) {
    const refs = formulaRefs(x.f);
    if (!x.derived) {
      if (refs.includes(x.self)) x.r.bad(x.path, 'a formula over other records', x.self, `a reference to the record itself (${x.self})`);
      continue;
    }
    if (derivedCycle.has(x.self)) continue;
    const cycle = findCycle(x.self, derivedRefs);
    if (cycle) {
      cycle.forEach((id) => derivedCycle.add(id));
      x.r.bad(x.path, 'a formula that does not depend on its own record', x.self, `a cycle ${cycle.join(' → ')}`);
    }
  }

  return c.errors.length ? { errors: c.errors } : { value: json as unknown as UnitYearFile, errors: [] };
}

function collectFormula(r: Rec, o: Obj, out: Array<{ r: Rec; f: Formula; path: string; self: string; derived: boolean }>) {
  if (typeof o.id !== 'string') return;
  const p = o.provenance;
  if (isObj(p) && p.kind === 'derived' && isFormula(p.formula)) out.push({ r, f: p.formula, path: 'provenance.formula', self: o.id, derived: true });
  if (isFormula(o.recompute)) out.push({ r, f: o.recompute, path: 'recompute', self: o.id, derived: false });
}

/** A dependency path from `start` back to itself, if there is one (depth-first). */
function findCycle(start: string, refs: ReadonlyMap<string, string[]>): string[] | undefined {
  const seen = new Set<string>();
  const path: string[] = [start];
  const dfs = (id: string): string[] | undefined => {
    for (const next of refs.get(id) ?? []) {
      if (next === start) return [...path, start];
      if (seen.has(next) || !refs.has(next)) continue;
      seen.add(next);
      path.push(next);
      const found = dfs(next);
      if (found) return found;
      path.pop();
    }
    return undefined;
  };
  return dfs(start);
}
