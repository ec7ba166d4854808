/**
 * What a schema cannot say: unique ids across a file's lists, references (parents, formula
 * arguments, known-issue records and rule ids), cycles, classification membership and tree shape,
 * sign conventions and sane magnitudes, whole-number counts, the role vocabulary, `base` for a
 * change, real dates, groups listed in the index, the unit and year the index lists, and paths
 * confined to the data root.
 *
 * Each check runs on the records the schema accepted (`skip` names the others), so a file with a
 * broken record still gets every other finding, and salvage can tell which lists are sound.
 */
import type { ClassificationFile, DataError, Formula } from '../model/types';
import { CODE_LENGTHS, COUNT_UNITS, SIGNED_UNITS, roleProblem } from '../model/vocabulary';
import { FORMULA_OPS, MAX_FORMULA_DEPTH, formulaRefs, isFormula } from '../domain/formula';
import { RULE_IDS } from '../domain/rules';
import { describeValue } from './json';
import { DATA_PATH_EXPECTED, resolveDataPath } from './paths';
import { valueExpectation } from './expectations';
import { dataError, recordRef, type FileKind, type RecordRef } from './structural';


/** Largest money amount accepted, in 万元 (100 万亿元, several times a national budget). */
const MAX_AMOUNT = 1e10;
/** Largest magnitude of any other figure (counts, areas, rates). */
const MAX_MAGNITUDE = 1e12;

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (json: Json, key: string): unknown[] => (Array.isArray(json[key]) ? (json[key] as unknown[]) : []);

/** True for a real calendar date written YYYY-MM-DD (no 2023-13-45, no 2023-02-30). */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Collects findings of one file. */
class Findings {
  readonly errors: DataError[] = [];
  constructor(
    readonly file: string,
    readonly kind: FileKind,
  ) {}
  bad(at: RecordRef | null, field: string, expected: string, found: unknown, foundText = describeValue(found)): void {
    this.errors.push(dataError(this.file, at, field, expected, foundText));
  }
  /** A path from data: refused (with why) unless it stays inside the data root. */
  path(at: RecordRef | null, field: string, raw: string, { json = false } = {}): void {
    const r = resolveDataPath(raw);
    if (!r.ok) this.bad(at, field, json ? 'a relative path to a .json file inside the data folder (data/)' : DATA_PATH_EXPECTED, raw, `${describeValue(raw)}: ${r.problem}`);
    else if (json && !r.path.endsWith('.json')) this.bad(at, field, 'a relative path to a .json file inside the data folder (data/)', raw);
  }
}

/** The items of a list the schema accepted, with their record handles. */
function sound(kind: FileKind, json: Json, name: string, skip: ReadonlySet<string>): Array<{ x: Json; at: RecordRef; i: number }> {
  return list(json, name).flatMap((x, i) => (skip.has(`${name}#${i}`) || !isObj(x) ? [] : [{ x, at: recordRef(kind, name, i, x), i }]));
}

/** Record keys ("facts#3") that have structural errors, so semantic checks leave them alone. */
export function brokenRecords(errors: DataError[], json: unknown): Set<string> {
  const out = new Set<string>();
  if (!isObj(json)) return out;
  for (const e of errors) {
    if (!e.section) continue;
    const items = list(json, e.section);
    const m = /^[a-zA-Z]+#(\d+)$/.exec(e.record);
    if (m) out.add(`${e.section}#${m[1]}`);
    else {
      const i = items.findIndex((x) => isObj(x) && (x.id === e.record || x.code === e.record));
      if (i >= 0) out.add(`${e.section}#${i}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// data/index.json

/** Unique unit and group ids, each year once per unit, and every path confined to the data root. */
export function semanticIndex(json: unknown, file: string, skip: ReadonlySet<string> = new Set()): DataError[] {
  const c = new Findings(file, 'index');
  if (!isObj(json)) return c.errors;
  if (isObj(json.classifications)) {
    for (const k of ['functional', 'economic'] as const) {
      const p = json.classifications[k];
      if (typeof p === 'string') c.path(null, `classifications.${k}`, p, { json: true });
    }
  }
  const unitIds = new Map<string, number>();
  // Every unit, also one with a broken field elsewhere: a bad path must never go unreported.
  list(json, 'units').forEach((x, i) => {
    if (!isObj(x)) return;
    const at = recordRef('index', 'units', i, x);
    if (typeof x.id === 'string' && !skip.has(`units#${i}`)) {
      const prev = unitIds.get(x.id);
      if (prev !== undefined) c.bad(at, 'id', 'a unit id used once', x.id, `${describeValue(x.id)}, also units#${prev}`);
      else unitIds.set(x.id, i);
    }
    const seen = new Map<number, number>();
    (Array.isArray(x.years) ? x.years : []).forEach((y: unknown, j) => {
      if (!isObj(y)) return;
      if (typeof y.year === 'number') {
        const prevYear = seen.get(y.year);
        if (prevYear !== undefined) c.bad(at, `years[${j}].year`, 'a year listed once per unit', y.year, `${describeValue(y.year)}, also years[${prevYear}]`);
        else seen.set(y.year, j);
      }
      if (typeof y.file === 'string' && y.file !== '') c.path(at, `years[${j}].file`, y.file, { json: true });
    });
  });
  const groupIds = new Map<string, number>();
  for (const { x, at, i } of sound('index', json, 'groups', skip)) {
    const prev = groupIds.get(x.id as string);
    if (prev !== undefined) c.bad(at, 'id', 'a group id used once', x.id, `${describeValue(x.id)}, also groups#${prev}`);
    else groupIds.set(x.id as string, i);
  }
  return c.errors;
}

// ---------------------------------------------------------------------------------------------
// data/classifications/*.json

/**
 * Tree shape: unique codes, code length by level for this tree (functional 3/5/7 digits, economic
 * 3/5), the parent exists, sits one level up and is a prefix of the child's code, no cycles.
 */
export function semanticClassification(json: unknown, file: string, skip: ReadonlySet<string> = new Set()): DataError[] {
  const c = new Findings(file, 'classification');
  if (!isObj(json) || (json.id !== 'functional' && json.id !== 'economic')) return c.errors;
  const tree = json.id;
  const lengths = CODE_LENGTHS[tree];
  const nodes = sound('classification', json, 'nodes', skip);
  const byCode = new Map<string, { x: Json; i: number }>();
  // Every node with a code, also those the schema refused: a child of a broken node is not an
  // orphan, and a cycle through a broken parent is still a cycle.
  const anyByCode = new Map<string, Json>();
  for (const x of list(json, 'nodes')) if (isObj(x) && typeof x.code === 'string' && !anyByCode.has(x.code)) anyByCode.set(x.code, x);
  const good: typeof nodes = [];
  for (const n of nodes) {
    const { x, at, i } = n;
    const code = x.code as string;
    const level = x.level as number;
    let ok = true;
    const prev = byCode.get(code);
    if (prev) {
      c.bad(at, 'code', 'a code listed once', code, `${describeValue(code)}, also nodes#${prev.i}`);
      ok = false;
    } else byCode.set(code, { x, i });
    if (level > lengths.length) {
      c.bad(at, 'level', `one of ${lengths.map((_, k) => k + 1).join(', ')} (the ${tree} classification has ${lengths.length} levels)`, level);
      ok = false;
    } else if (code.length !== lengths[level - 1]) {
      c.bad(at, 'code', `${lengths[level - 1]} digits for level ${level}`, code, `${describeValue(code)}, ${code.length} digits`);
      ok = false;
    }
    if (ok) good.push(n);
  }
  for (const { x, at } of good) {
    const code = x.code as string;
    const level = x.level as number;
    const parent = x.parent as string | null;
    if (parent === null) {
      if (level !== 1) c.bad(at, 'parent', `a parent code (level ${level} is not a top level)`, null);
      continue;
    }
    const p = byCode.get(parent);
    if (!p) {
      if (!anyByCode.has(parent)) c.bad(at, 'parent', 'the code of another node in this file', parent);
      continue;
    }
    if (level !== (p.x.level as number) + 1) c.bad(at, 'level', `${(p.x.level as number) + 1} (parent ${parent} has level ${String(p.x.level)})`, level);
    if (!code.startsWith(parent) || code === parent) c.bad(at, 'code', `a code that extends its parent code ${parent}`, code);
  }
  // Cycles: follow parents; a walk that returns to its start is a cycle, reported once.
  const reported = new Set<string>();
  const nodeAt = list(json, 'nodes').map((x, i) => ({ x, at: recordRef('classification', 'nodes', i, x) }));
  for (const { x, at } of nodeAt) {
    if (!isObj(x) || typeof x.code !== 'string') continue;
    const start = x.code;
    const path = [start];
    let cur = typeof x.parent === 'string' ? x.parent : null;
    while (cur !== null && path.length <= anyByCode.size + 1) {
      const k = path.indexOf(cur);
      if (k >= 0) {
        const key = [...path.slice(k)].sort().join(',');
        if (k === 0 && !reported.has(key)) {
          reported.add(key);
          c.bad(at, 'parent', 'a parent chain that reaches a top-level node', cur, `a cycle ${[...path, cur].join(' → ')}`);
        }
        break;
      }
      path.push(cur);
      const next = anyByCode.get(cur);
      cur = next && typeof next.parent === 'string' ? next.parent : null;
    }
  }
  return c.errors;
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
  /** Group ids the index lists; when given, every measure's and indicator's group must be one. */
  groups?: readonly string[];
}

type Kind = 'fact' | 'measure' | 'indicator' | 'issue';
const LIST_KIND: Record<string, Kind> = { facts: 'fact', measures: 'measure', indicators: 'indicator', knownIssues: 'issue' };

/** The semantic checks of one unit-year file (see the module comment). */
export function semanticUnitYear(json: unknown, file: string, ctx: UnitYearContext = {}, skip: ReadonlySet<string> = new Set()): DataError[] {
  const c = new Findings(file, 'unitYear');
  if (!isObj(json)) return c.errors;
  if (ctx.unit !== undefined && typeof json.unit === 'string' && json.unit !== ctx.unit)
    c.bad(null, 'unit', `"${ctx.unit}" (the unit data/index.json lists this file under)`, json.unit);
  if (ctx.year !== undefined && typeof json.reportYear === 'number' && json.reportYear !== ctx.year)
    c.bad(null, 'reportYear', `${ctx.year} (the year data/index.json lists this file under)`, json.reportYear);
  if (isObj(json.source)) {
    const { date, file: src } = json.source;
    if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !isRealDate(date)) c.bad(null, 'source.date', 'a real date like "2023-07-25"', date);
    if (typeof src === 'string' && src !== '') c.path(null, 'source.file', src);
  }

  const records = (['facts', 'measures', 'indicators', 'knownIssues'] as const).flatMap((name) =>
    sound('unitYear', json, name, skip).map((r) => ({ ...r, list: name, kind: LIST_KIND[name] })),
  );
  // Every id in the file (also of records the schema refused), so a reference to a broken record is
  // not reported twice; salvage re-checks once the broken list is gone.
  const ids = new Map<string, { where: string; kind: Kind }>();
  const allIds = new Map<string, Kind>();
  for (const name of ['facts', 'measures', 'indicators', 'knownIssues'] as const)
    for (const x of list(json, name)) if (isObj(x) && typeof x.id === 'string' && !allIds.has(x.id)) allIds.set(x.id, LIST_KIND[name]);
  for (const { x, at, list: name, i, kind } of records) {
    const id = x.id as string;
    const prev = ids.get(id);
    if (prev) c.bad(at, 'id', 'an id used once in the file', id, `${describeValue(id)}, also ${prev.where}`);
    else ids.set(id, { where: `${name}#${i}`, kind });
  }
  const isValue = (id: string) => {
    const k = allIds.get(id);
    return k === 'fact' || k === 'measure' || k === 'indicator';
  };

  const functional = ctx.functional ? new Set(ctx.functional.nodes.map((n) => n.code)) : undefined;
  const economic = ctx.economic ? new Set(ctx.economic.nodes.map((n) => n.code)) : undefined;
  const groups = ctx.groups ? new Set(ctx.groups) : undefined;
  const derived = new Map<string, string[]>();
  const formulas: Array<{ at: RecordRef; f: Formula; path: string; self: string; derived: boolean }> = [];
  const parents = new Map<string, { at: RecordRef; parent: string }>();

  for (const { x, at, kind } of records) {
    if (kind === 'issue') {
      (x.explains as string[]).forEach((e, j) => {
        if (!RULE_IDS.includes(e.split(':')[0])) c.bad(at, `explains[${j}]`, `a rule id or "rule:subject" key (rules: ${RULE_IDS.join(', ')})`, e);
      });
      (x.records as string[]).forEach((id, j) => {
        if (!isValue(id)) c.bad(at, `records[${j}]`, 'the id of a fact, measure or indicator in this file', id);
      });
      continue;
    }
    if (kind === 'fact') {
      const amount = x.amount as number;
      if (amount < 0) c.bad(at, 'amount', 'a finite number ≥ 0', amount);
      else if (amount > MAX_AMOUNT) c.bad(at, 'amount', `an amount of at most ${MAX_AMOUNT} 万元 (100 万亿元)`, amount);
      if (typeof x.functional === 'string' && functional && !functional.has(x.functional))
        c.bad(at, 'functional', `a code listed in the functional classification (${ctx.functional!.edition})`, x.functional);
      if (typeof x.economic === 'string' && economic && !economic.has(x.economic))
        c.bad(at, 'economic', `a code listed in the economic classification (${ctx.economic!.edition})`, x.economic);
    } else {
      checkValue(c, at, x);
      if (groups && !groups.has(x.group as string)) c.bad(at, 'group', `a group listed in data/index.json (${[...groups].join(', ')})`, x.group);
      if (typeof x.role === 'string') {
        const problem = roleProblem(x.role);
        if (problem) c.bad(at, 'role', `a role of the vocabulary (docs/data-format.md)`, x.role, `${describeValue(x.role)}: ${problem}`);
      }
      if ((x.stat === 'change' || x.stat === 'growth') && x.base === undefined)
        c.bad(at, 'base', `"prev-year" or "budget" (what the ${x.stat} is measured against)`, undefined);
      if (typeof x.parent === 'string') parents.set(x.id as string, { at, parent: x.parent });
      else if (x.sumsToParent === true) c.bad(at, 'sumsToParent', 'sumsToParent only on a record with a parent', true, 'true with parent null');
      if (isFormula(x.recompute)) formulas.push({ at, f: x.recompute, path: 'recompute', self: x.id as string, derived: false });
    }
    const p = x.provenance as Json;
    if (p.kind === 'derived' && isFormula(p.formula)) {
      formulas.push({ at, f: p.formula, path: 'provenance.formula', self: x.id as string, derived: true });
      derived.set(x.id as string, formulaRefs(p.formula));
    }
  }

  for (const { at, f, path } of formulas) checkFormula(c, at, f, path, isValue, 0);
  for (const [, { at, parent }] of parents) if (!isValue(parent)) c.bad(at, 'parent', 'the id of a fact, measure or indicator in this file', parent);

  // Parent chains must end.
  const inCycle = new Set<string>();
  for (const [id, { at }] of parents) {
    if (inCycle.has(id)) continue;
    const path = [id];
    let cur = parents.get(id)?.parent;
    while (cur !== undefined) {
      const k = path.indexOf(cur);
      if (k >= 0) {
        if (k === 0) {
          path.forEach((p) => inCycle.add(p));
          c.bad(at, 'parent', 'a parent chain that ends', cur, `a cycle ${[...path, cur].join(' → ')}`);
        }
        break;
      }
      path.push(cur);
      cur = parents.get(cur)?.parent;
    }
  }

  // Derived figures rest on other figures, never on themselves (directly or through others).
  const derivedCycle = new Set<string>();
  for (const x of formulas) {
    if (!x.derived) {
      if (formulaRefs(x.f).includes(x.self)) c.bad(x.at, x.path, 'a formula over other records', x.self, `a reference to the record itself (${x.self})`);
      continue;
    }
    if (derivedCycle.has(x.self)) continue;
    const cycle = findCycle(x.self, derived);
    if (cycle) {
      cycle.forEach((id) => derivedCycle.add(id));
      c.bad(x.at, x.path, 'a formula that does not depend on its own record', x.self, `a cycle ${cycle.join(' → ')}`);
    }
  }
  return c.errors;
}

function checkValue(c: Findings, at: RecordRef, x: Json): void {
  const v = x.value as number;
  const unit = x.unit as string;
  const expected = valueExpectation(x);
  const change = x.stat === 'change' || x.stat === 'growth';
  const stated = isObj(x.provenance) && x.provenance.kind === 'stated';
  if (v < 0 && !SIGNED_UNITS.has(unit) && !change) c.bad(at, 'value', expected, v);
  else if (COUNT_UNITS.has(unit) && stated && !Number.isInteger(v)) c.bad(at, 'value', expected, v);
  else {
    const max = unit === '万元' ? MAX_AMOUNT : MAX_MAGNITUDE;
    if (Math.abs(v) > max) c.bad(at, 'value', `a figure of at most ${max} ${unit} in size`, v);
  }
}

function checkFormula(c: Findings, at: RecordRef, f: Formula, path: string, isValue: (id: string) => boolean, depth: number): void {
  if (depth > MAX_FORMULA_DEPTH) {
    c.bad(at, path, `a formula nested at most ${MAX_FORMULA_DEPTH} deep`, f, 'deeper nesting');
    return;
  }
  const spec = FORMULA_OPS[f.op];
  if (spec && (f.args.length < spec.min || f.args.length > spec.max)) {
    const want = spec.min === spec.max ? `exactly ${spec.min}` : `at least ${spec.min}`;
    c.bad(at, `${path}.args`, `${want} arguments for "${f.op}"`, f.args);
  }
  f.args.forEach((a, i) => {
    const p = `${path}.args[${i}]`;
    if (typeof a === 'string') {
      if (!isValue(a)) c.bad(at, p, 'the id of a fact, measure or indicator in this file', a);
    } else if (typeof a === 'number') {
      if (Math.abs(a) > MAX_MAGNITUDE) c.bad(at, p, `a number of at most ${MAX_MAGNITUDE} in size`, a);
    } else checkFormula(c, at, a, p, isValue, depth + 1);
  });
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
