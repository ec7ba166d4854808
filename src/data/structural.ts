/**
 * Structural validation: the validators generated from the one schema (src/model/schema.ts →
 * validators.generated.js, ajv standalone, compiled at build time: no `Function` at run time),
 * with ajv's errors turned into DataErrors that name file › record › field and say, in words,
 * what the field expects and what it holds. A union (nullable enum, provenance kinds, formula
 * arguments) yields one message per field, not one per branch.
 */
import type { ErrorObject } from 'ajv';
import type { DataError } from '../model/types';
import * as generated from '../model/validators.generated.js';
import { fieldExpectation } from './expectations';
import { describeValue, formatLocation, truncate } from './json';

export type FileKind = 'index' | 'classification' | 'unitYear';

type Schema = Record<string, unknown>;
type Json = Record<string, unknown>;

/** The lists whose items are records (named by `list#i (id)`), per file kind, with their id key. */
const RECORD_LISTS: Record<FileKind, Record<string, string | null>> = {
  index: { units: 'id', groups: 'id' },
  classification: { nodes: 'code' },
  unitYear: { facts: 'id', measures: 'id', indicators: 'id', knownIssues: 'id', gaps: null },
};

const ROOT_WHAT: Record<FileKind, string> = {
  index: 'an object (the data index)',
  classification: 'an object (a classification file)',
  unitYear: 'an object (a unit-year file)',
};
const RECORD_WHAT: Record<string, string> = {
  units: 'an object (a unit)',
  groups: 'an object {id, label, domain}',
  nodes: 'an object {code, name, parent, level}',
  facts: 'an object (a fact)',
  measures: 'an object (a measure)',
  indicators: 'an object (an indicator)',
  knownIssues: 'an object (a known issue)',
  gaps: 'an object {section, note}',
};

const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;

/** Where a record sits: what DataError.record holds, how the message names it, and its list. */
export interface RecordRef {
  record: string;
  label: string;
  section?: string;
}

/** The record handle for item `i` of `list`: named by its id (or code) when it has a usable one. */
export function recordRef(kind: FileKind, list: string, i: number, item: unknown): RecordRef {
  const key = RECORD_LISTS[kind][list];
  const v = key && typeof item === 'object' && item !== null ? (item as Json)[key] : undefined;
  const id = typeof v === 'string' && (key === 'code' ? CODE_RE : ID_RE).test(v) ? v : '';
  const pos = `${list}#${i}`;
  return { record: id || pos, label: id ? `${pos} (${truncate(id)})` : pos, section: list };
}

/** Build a DataError with the house message: `file › record › field: expected …, found …`. */
export function dataError(file: string, at: RecordRef | null, field: string, expected: string, found: string): DataError {
  const loc = formatLocation(file, at?.label ?? '', field);
  return {
    file,
    record: at?.record ?? '',
    field,
    expected,
    found,
    message: `${loc}: expected ${expected}, found ${found}`,
    ...(at?.section ? { section: at.section } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Schema → words

const PATTERN_TEXT: Record<string, string> = {
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'a kebab-case id like "f-2022-total"',
  '^[0-9]{3}([0-9]{2}([0-9]{2})?)?$': 'a code of 3, 5 or 7 digits',
  '^[0-9]{3}([0-9]{2})?$': 'a code of 3 or 5 digits',
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': 'a date like "2023-07-25"',
  '^https?://': 'a web address starting with http:// or https://',
  '^[a-z0-9-]+(:.+)?$': 'a rule id or "rule:subject" key',
  '\\S': 'a text with at least one non-space character',
};
const FIELD_PREFIX: Record<string, string> = { functional: 'a functional ', economic: 'an economic ', parent: 'a parent ' };

function resolveRef(node: Schema, root: Schema): Schema {
  let n = node;
  for (let guard = 0; typeof n.$ref === 'string' && guard < 20; guard++) {
    const parts = (n.$ref as string).replace(/^#\//, '').split('/');
    n = parts.reduce<Schema>((o, p) => (o[p] ?? {}) as Schema, root);
  }
  return n;
}

const quoteList = (values: unknown[]) => values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v))).join(', ');
const joinOr = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** The words for what a schema node accepts ("one of …", "an integer year from 1900 to 2100" …). */
function describeSchema(node: Schema, root: Schema, name = ''): string {
  const n = resolveRef(node, root);
  const union = (n.anyOf ?? n.oneOf) as Schema[] | undefined;
  if (union) {
    const branches = union.map((b) => resolveRef(b, root));
    const nullable = branches.some((b) => b.type === 'null');
    const rest = branches.filter((b) => b.type !== 'null');
    let base: string;
    if (rest.every((b) => b.type === 'object')) base = 'an object';
    else if (rest.every((b) => Array.isArray(b.enum) || 'const' in b))
      base = `one of ${quoteList(rest.flatMap((b) => (Array.isArray(b.enum) ? b.enum : [b.const])))}`;
    else base = joinOr(rest.map((b) => describeSchema(b, root, name)));
    return nullable ? `${base} or null` : base;
  }
  if (Array.isArray(n.enum)) return `one of ${quoteList(n.enum)}`;
  if ('const' in n) return `one of ${quoteList([n.const])}`;
  switch (n.type) {
    case 'string': {
      const p = typeof n.pattern === 'string' ? PATTERN_TEXT[n.pattern] : undefined;
      if (p === PATTERN_TEXT['^[a-z0-9]+(-[a-z0-9]+)*$'] && name !== 'id') return 'a record id (a kebab-case id like "f-2022-total")';
      if (p?.startsWith('a code')) return (FIELD_PREFIX[name] ?? 'a ') + p.slice(2);
      if (p) return p;
      return (n.minLength as number) >= 1 ? 'a non-empty string' : 'a string';
    }
    case 'integer': {
      const { minimum: lo, maximum: hi } = n as { minimum?: number; maximum?: number };
      if (lo === 1900 && hi === 2100) return 'an integer year from 1900 to 2100';
      return lo !== undefined && hi !== undefined ? `an integer from ${lo} to ${hi}` : lo !== undefined ? `an integer ≥ ${lo}` : 'an integer';
    }
    case 'number':
      return 'a finite number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array':
      return (n.minItems as number) >= 1 ? 'a non-empty array' : 'an array';
    case 'object': {
      const props = (n.properties ?? {}) as Schema;
      return 'op' in props && 'args' in props ? 'a formula {op, args}' : 'an object';
    }
    default:
      return 'a valid value';
  }
}

// ---------------------------------------------------------------------------------------------
// ajv errors → one finding per field

interface Finding {
  path: string[];
  expected: string;
  found: string;
}

const under = (p: string, base: string) => p === base || p.startsWith(`${base}/`);
const jsType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v);
const typeFits = (b: Schema, v: unknown) => {
  const t = jsType(v);
  const bt = b.type ?? (Array.isArray(b.enum) || 'const' in b ? 'string' : undefined);
  return bt === t || (bt === 'integer' && t === 'number');
};

/**
 * Replace each failed union (anyOf/oneOf: ajv reports every branch, then the union) by what the
 * data most likely meant: the one branch whose type (and, for objects, whose `const` tag such as
 * provenance `kind`) fits the data, reported alone; otherwise one message for the whole union.
 * ajv pushes a union's branch errors just before the union's own error, all at or under its path.
 */
function collapse(errs: ErrorObject[], root: Schema): Array<ErrorObject | Finding> {
  const out: Array<ErrorObject | Finding> = [];
  let i = errs.length - 1;
  while (i >= 0) {
    const e = errs[i];
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.unshift(e);
      i--;
      continue;
    }
    let j = i;
    while (j > 0 && under(errs[j - 1].instancePath, e.instancePath)) j--;
    out.unshift(...resolveUnion(e, errs.slice(j, i), root));
    i = j - 1;
  }
  return out;
}

function resolveUnion(e: ErrorObject, children: ErrorObject[], root: Schema): Array<ErrorObject | Finding> {
  const path = splitPath(e.instancePath);
  const data = e.data;
  const branches = (e.schema as Schema[]).map((b) => resolveRef(b, root));
  let fits = branches.map((b, k) => ({ b, k })).filter(({ b }) => typeFits(b, data));
  const objects = fits.filter(({ b }) => b.type === 'object');
  if (objects.length > 1 && typeof data === 'object' && data !== null) {
    // A tagged union: the tag is the property every branch fixes with `const`.
    const props = objects.map(({ b }) => (b.properties ?? {}) as Record<string, Schema>);
    const tag = Object.keys(props[0]).find((k) => props.every((p) => p[k] && 'const' in resolveRef(p[k], root)));
    if (tag) {
      const tagValue = (data as Json)[tag];
      fits = objects.filter((_, m) => resolveRef(props[m][tag], root).const === tagValue);
      if (fits.length === 0) {
        const values = props.map((p) => resolveRef(p[tag], root).const);
        return [{ path: [...path, tag], expected: `one of ${quoteList(values)}`, found: describeValue(tagValue) }];
      }
    }
  }
  if (fits.length === 1 && (fits[0].b.type === 'object' || fits[0].b.type === 'array')) {
    const prefix = `${e.schemaPath}/${fits[0].k}/`;
    const own = `${e.schemaPath}/`;
    // Errors of schemas the branch reaches through $ref carry their own schema paths.
    const mine = children.filter((c) => c.schemaPath.startsWith(prefix) || !c.schemaPath.startsWith(own));
    return collapse(mine, root);
  }
  return [{ path, expected: describeSchema(e.parentSchema as Schema, root, path[path.length - 1] ?? ''), found: describeValue(data) }];
}

function splitPath(instancePath: string): string[] {
  return instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function toFinding(e: ErrorObject | Finding, root: Schema): Finding {
  if ('expected' in e) return e;
  const path = splitPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as Schema;
  if (e.keyword === 'required') {
    const prop = (e.params as { missingProperty: string }).missingProperty;
    const node = ((parent.properties ?? {}) as Record<string, Schema>)[prop] ?? {};
    return { path: [...path, prop], expected: describeSchema(node, root, prop), found: describeValue(undefined) };
  }
  if (e.keyword === 'additionalProperties') {
    const prop = (e.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((parent.properties ?? {}) as Schema).join(', ');
    const value = typeof e.data === 'object' && e.data !== null ? (e.data as Json)[prop] : undefined;
    return { path: [...path, prop], expected: `no field "${truncate(prop)}" (allowed: ${allowed})`, found: describeValue(value) };
  }
  return { path, expected: describeSchema(parent, root, path[path.length - 1] ?? ''), found: describeValue(e.data) };
}

const VALIDATORS = { index: generated.index, classification: generated.classification, unitYear: generated.unitYear };

/**
 * Validate `json` against the generated schema of its file kind. Every problem is reported (one per
 * field), in the order of the file.
 */
export function structuralErrors(kind: FileKind, json: unknown, file: string): DataError[] {
  const validate = VALIDATORS[kind];
  if (validate(json)) return [];
  const root = generated.schemas[kind] as Schema;
  const findings = collapse(validate.errors ?? [], root).map((e) => toFinding(e, root));
  const seen = new Set<string>();
  const out: DataError[] = [];
  for (const f of findings) {
    const [list, index, ...rest] = f.path;
    const isRecord = list !== undefined && list in RECORD_LISTS[kind] && index !== undefined && /^\d+$/.test(index);
    const item = isRecord ? ((json as Json)[list] as unknown[])[Number(index)] : undefined;
    const at = isRecord ? recordRef(kind, list, Number(index), item) : null;
    const fieldPath = isRecord ? rest : f.path;
    const field = fieldPath.reduce((p, s) => (/^\d+$/.test(s) ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
    let expected = f.expected;
    if (f.path.length === 0) expected = ROOT_WHAT[kind];
    else if (isRecord && field === '') expected = RECORD_WHAT[list] ?? expected;
    else if (isRecord && typeof item === 'object' && item !== null && /^(a finite number|an integer)/.test(expected))
      expected = fieldExpectation(list, field, item as Json) ?? expected;
    const key = `${at?.record ?? ''}\u0000${field}\u0000${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(dataError(file, at, field, expected, f.found));
  }
  return out;
}
