/**
 * Bad input, generated at test time: each case copies the shipped data/ folder and breaks it one
 * way (or, for HTTP failures, says how the server should answer). Shared by the CLI test
 * (tests/unit/bad-input-cli.test.ts) and the browser test (tests/e2e/bad-input.test.ts), so the
 * command line and the page are held to the same messages.
 *
 * Nothing here is committed as a file: the ≥ 50 MB case is written into a temp dir and removed.
 * Pure Node (no vitest, no browser), so both test projects can import it.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdtempSync } from 'node:fs';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DATA = join(REPO, 'data');

export const UNIT = 'units/ningxiang-drc/2022.json';
export const FUNCTIONAL = 'classifications/functional.json';
export const ECONOMIC = 'classifications/economic.json';
export const INDEX = 'index.json';

/** Markup that would run if any view put a data string into innerHTML (or ECharts tooltip HTML unescaped). */
export const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=alert(1)>',
] as const;

/** What must still be on the page when the broken part is not needed (route, visible text). */
export interface StillWorks {
  route: '#/' | '#/spending' | '#/assets' | '#/operations' | '#/quality';
  text: string;
}

export interface BadCase {
  /** Short kebab id; also the folder name of the served copy. */
  id: string;
  /** What is broken, in words. */
  what: string;
  /** Break a copy of data/ in place (`dir` is the data folder). Absent for HTTP-only cases. */
  mutate?: (dir: string) => void;
  /** HTTP-only cases: how the browser sees the server answer for `file` (relative to data/). */
  http?: { file: string; status?: number; delayMs?: number };
  /** Page query before the hash, e.g. "?timeout=2000". */
  query?: string;
  /** The CLI: exit code and substrings of its output. null = not applicable (an HTTP answer). */
  cli: { exit: 0 | 1; contains: string[] } | null;
  /**
   * The page: substrings of the error panel (`panel: true`, the default) or of the page text on
   * `route` (structurally valid data whose rules fail, or payload cases).
   */
  page: { contains: string[]; panel?: boolean; route?: StillWorks['route'] };
  /** Views that do not need the broken part and must keep showing their figures. */
  works?: StillWorks[];
  /** Payload case: assert no markup from the data is ever parsed or run. */
  payload?: string;
}

// ---------------------------------------------------------------------------------------------

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export function readJson(dir: string, rel: string): Json {
  return JSON.parse(readFileSync(join(dir, rel), 'utf8'));
}
export function writeJson(dir: string, rel: string, value: Json): void {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), JSON.stringify(value, null, 2));
}
function edit(rel: string, fn: (json: Json) => void): (dir: string) => void {
  return (dir) => {
    const j = readJson(dir, rel);
    fn(j);
    writeJson(dir, rel, j);
  };
}
function editText(rel: string, fn: (text: string) => string): (dir: string) => void {
  return (dir) => writeFileSync(join(dir, rel), fn(readFileSync(join(dir, rel), 'utf8')));
}
const fact = (u: Json, id: string) => u.facts.find((f: Json) => f.id === id);
const indicator = (u: Json, id: string) => u.indicators.find((f: Json) => f.id === id);
const measure = (u: Json, id: string) => u.measures.find((f: Json) => f.id === id);

/** Position of a record in its list, as messages name it ("facts#3 (f-…)"). */
function at(list: 'facts' | 'measures' | 'indicators' | 'knownIssues', id: string): string {
  const u = readJson(DATA, UNIT);
  const i = (u[list] as Json[]).findIndex((r) => r.id === id);
  if (i < 0) throw new Error(`bad-fixtures: ${id} is not in ${list} of data/${UNIT}`);
  return `${list}#${i} (${id})`;
}

/** File names as both reports end them (the CLI prints an absolute path for a temp copy). */
const U = `units/ningxiang-drc/2022.json`;
const F = `classifications/functional.json`;

// Figures that prove a view still works (values from data/units/ningxiang-drc/2022.json).
const TOTAL: StillWorks[] = [
  { route: '#/', text: '969.29' },
  { route: '#/spending', text: '969.29' },
];
/** A stated operational indicator (i-yz-pushed-records, 227.7 万件). */
const OPS: StillWorks[] = [{ route: '#/operations', text: '227.7' }];

/**
 * Append the payload to every free-text string of every data file: names, labels, notes, quotes,
 * sections, rules, formula texts, units (where the value allows any unit), known-issue titles and
 * explanations, classification names, the unit's name and region, group labels, the source.
 */
function injectEverywhere(payload: string): (dir: string) => void {
  const TEXT = new Set(['label', 'note', 'quote', 'section', 'rule', 'text', 'title', 'explanation', 'name', 'region', 'publisher', 'edition']);
  const walk = (x: Json): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (x === null || typeof x !== 'object') return;
    for (const [k, v] of Object.entries(x)) {
      if (typeof v === 'string' && TEXT.has(k)) x[k] = `${v}${payload}`;
      else walk(v);
    }
    // A unit string decides which values are allowed (counts, signed units): only where any unit would do.
    if (typeof x.unit === 'string' && typeof x.value === 'number' && x.value >= 0 && !Number.isInteger(x.value)) x.unit = `${x.unit}${payload}`;
  };
  return (dir) => {
    for (const rel of [INDEX, FUNCTIONAL, ECONOMIC, UNIT]) {
      const j = readJson(dir, rel);
      walk(j);
      writeJson(dir, rel, j);
    }
  };
}

/** ~60 MB of valid-shaped indicators, listed in the index as a second year (2021). */
export const LARGE_BYTES = 60_000_000;
function largeYear(dir: string): void {
  const u = readJson(dir, UNIT);
  const base = u.indicators[0];
  const [before, after] = JSON.stringify({ ...u, reportYear: 2021, indicators: '__BULK__' }).split('"__BULK__"');
  const parts: string[] = [before, '['];
  let size = before.length + after.length;
  for (let i = 0; size < LARGE_BYTES; i++) {
    const s = `${i ? ',' : ''}${JSON.stringify({ ...base, id: `i-bulk-${i}`, year: 2021, label: `批量指标 ${i}` })}`;
    parts.push(s);
    size += s.length;
  }
  parts.push(']', after);
  writeFileSync(join(dir, 'units/ningxiang-drc/2021.json'), parts.join(''));
  const idx = readJson(dir, INDEX);
  idx.units[0].years.push({ year: 2021, file: 'units/ningxiang-drc/2021.json' });
  writeJson(dir, INDEX, idx);
}

// ---------------------------------------------------------------------------------------------

export const CASES: BadCase[] = [
  // --- Malformed and truncated JSON ------------------------------------------------------------
  {
    id: 'unit-malformed',
    what: 'unit file: a doubled comma (malformed JSON)',
    mutate: editText(UNIT, (t) => t.replace('"reportYear": 2022,', '"reportYear": 2022,,')),
    cli: { exit: 1, contains: [`${U}: invalid JSON at line 3`] },
    page: { contains: [`data/${U}: invalid JSON at line 3`] },
  },
  {
    id: 'unit-truncated',
    what: 'unit file cut off at 60 % (an interrupted upload)',
    mutate: editText(UNIT, (t) => t.slice(0, Math.floor(t.length * 0.6))),
    cli: { exit: 1, contains: [`${U}: invalid JSON: the text ends at line`, 'truncated file?'] },
    page: { contains: [`data/${U}: invalid JSON: the text ends at line`, 'truncated file?'] },
  },
  {
    id: 'index-malformed',
    what: 'index.json: a missing closing quote and brace',
    mutate: editText(INDEX, (t) => t.replace('"units": [', '"units: [')),
    cli: { exit: 1, contains: ['index.json: invalid JSON at line'] },
    page: { contains: ['data/index.json: invalid JSON at line'] },
  },
  {
    id: 'index-empty-file',
    what: 'index.json is an empty file',
    mutate: (dir) => writeFileSync(join(dir, INDEX), ''),
    cli: { exit: 1, contains: ['index.json: invalid JSON: the file is empty'] },
    page: { contains: ['data/index.json: invalid JSON: the file is empty'] },
  },
  {
    id: 'functional-truncated',
    what: 'functional classification cut off in the middle of a node',
    mutate: editText(FUNCTIONAL, (t) => t.slice(0, t.indexOf('"206"') + 3)),
    cli: { exit: 1, contains: [`${F}: invalid JSON: the text ends at line`] },
    page: { contains: [`data/${F}: invalid JSON: the text ends at line`] },
    works: [TOTAL[0]],
  },
  {
    id: 'amount-nan-literal',
    what: 'an amount written as NaN (not JSON)',
    mutate: editText(UNIT, (t) => t.replace('"amount": 969.29', '"amount": NaN')),
    cli: { exit: 1, contains: [`${U}: invalid JSON at line`, '(near "N")'] },
    page: { contains: [`data/${U}: invalid JSON at line`, '(near "N")'] },
  },
  // --- Wrong types and values ------------------------------------------------------------------
  {
    id: 'amount-string',
    what: 'the total amount as a string "969.29"',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-total').amount = '969.29')),
    cli: { exit: 1, contains: [`${U} › ${at('facts', 'f-2022-final-total')} › amount: expected a finite number ≥ 0, found "969.29" (string)`] },
    page: { contains: [`${at('facts', 'f-2022-final-total')} › amount: expected a finite number ≥ 0, found "969.29" (string)`, '收支数据'] },
    works: OPS,
  },
  {
    id: 'amount-negative',
    what: 'a negative amount (−187.17)',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-2010301').amount = -187.17)),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2010301')} › amount: expected a finite number ≥ 0, found -187.17 (number)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2010301')} › amount: expected a finite number ≥ 0, found -187.17 (number)`] },
    works: OPS,
  },
  {
    id: 'amount-infinity',
    what: 'an amount of 1e999, which parses to Infinity',
    mutate: editText(UNIT, (t) => t.replace('"amount": 33.3', '"amount": 1e999')),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2010302')} › amount: expected a finite number ≥ 0, found Infinity (number)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2010302')} › amount: expected a finite number ≥ 0, found Infinity (number)`] },
    works: OPS,
  },
  {
    id: 'amount-nan-string',
    what: 'an amount as the string "NaN"',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-basic').amount = 'NaN')),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-basic')} › amount: expected a finite number ≥ 0, found "NaN" (string)`] },
    page: { contains: [`${at('facts', 'f-2022-final-basic')} › amount: expected a finite number ≥ 0, found "NaN" (string)`] },
    works: OPS,
  },
  {
    id: 'indicator-value-string',
    what: 'an operational indicator value as a string (only the indicators are dropped)',
    mutate: edit(UNIT, (u) => (indicator(u, 'i-yz-pushed-records').value = '227.7万件')),
    cli: { exit: 1, contains: [`${at('indicators', 'i-yz-pushed-records')} › value: expected a finite number ≥ 0 (万件 cannot be negative), found "227.7万件" (string)`] },
    page: { contains: [`${at('indicators', 'i-yz-pushed-records')} › value:`, '业务运行指标'] },
    works: TOTAL,
  },
  {
    id: 'count-negative',
    what: 'a negative headcount in measures (−9 人)',
    mutate: edit(UNIT, (u) => (measure(u, 'm-staff-inpost').value = -9)),
    cli: { exit: 1, contains: [`${at('measures', 'm-staff-inpost')} › value: expected a whole number ≥ 0 (a count in 人), found -9 (number)`] },
    page: { contains: [`${at('measures', 'm-staff-inpost')} › value: expected a whole number ≥ 0 (a count in 人), found -9 (number)`] },
    // The measures go; the 2021 facts derived from stated changes (measures) go with them as a
    // whole year; the 2022 facts and the indicators stay.
    works: [...TOTAL, ...OPS],
  },
  {
    id: 'year-string',
    what: 'a fact year as the string "2022"',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-2080505').year = '2022')),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2080505')} › year: expected an integer year from 1900 to 2100, found "2022" (string)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2080505')} › year: expected an integer year from 1900 to 2100, found "2022" (string)`] },
    works: OPS,
  },
  {
    id: 'phase-unknown',
    what: 'an unknown budget phase "决算数"',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-project').phase = '决算数')),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-project')} › phase: expected one of "年初预算", "调整预算", "决算", found "决算数" (string)`] },
    page: { contains: [`${at('facts', 'f-2022-final-project')} › phase: expected one of "年初预算", "调整预算", "决算", found "决算数" (string)`] },
    works: OPS,
  },
  {
    id: 'facts-not-array',
    what: 'facts is an object instead of a list',
    mutate: edit(UNIT, (u) => (u.facts = { total: 969.29 })),
    cli: { exit: 1, contains: [`${U} › facts: expected an array, found an object`] },
    page: { contains: [`data/${U} › facts: expected an array, found an object`] },
  },
  {
    id: 'index-is-array',
    what: 'index.json is a list, not an object',
    mutate: (dir) => writeJson(dir, INDEX, [readJson(dir, INDEX)]),
    cli: { exit: 1, contains: ['index.json: expected an object (the data index), found an array of 1'] },
    page: { contains: ['data/index.json: expected an object (the data index), found an array of 1'] },
  },
  // --- Missing required fields, unknown fields ------------------------------------------------
  {
    id: 'label-missing',
    what: 'a fact without its label',
    mutate: edit(UNIT, (u) => delete fact(u, 'f-2022-final-2069999').label),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2069999')} › label: expected a non-empty string, found nothing (missing)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2069999')} › label: expected a non-empty string, found nothing (missing)`] },
    works: OPS,
  },
  {
    id: 'provenance-missing',
    what: 'an indicator without provenance',
    mutate: edit(UNIT, (u) => delete indicator(u, 'i-hm-services').provenance),
    cli: { exit: 1, contains: [`${at('indicators', 'i-hm-services')} › provenance: expected an object, found nothing (missing)`] },
    page: { contains: [`${at('indicators', 'i-hm-services')} › provenance: expected an object, found nothing (missing)`] },
    works: TOTAL,
  },
  {
    id: 'field-typo',
    what: 'a misspelt field "ammount" next to a missing amount',
    mutate: edit(UNIT, (u) => {
      const f = fact(u, 'f-2022-final-2101102');
      f.ammount = f.amount;
      delete f.amount;
    }),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2101102')} › ammount: expected no field "ammount"`, `${at('facts', 'f-2022-final-2101102')} › amount: expected a finite number ≥ 0, found nothing (missing)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2101102')} › ammount: expected no field "ammount"`] },
    works: OPS,
  },
  {
    id: 'report-year-missing',
    what: 'the unit file has no reportYear (a missing year)',
    mutate: edit(UNIT, (u) => delete u.reportYear),
    cli: { exit: 1, contains: [`${U} › reportYear: expected an integer year from 1900 to 2100, found nothing (missing)`] },
    page: { contains: [`data/${U} › reportYear: expected an integer year from 1900 to 2100, found nothing (missing)`, '整个文件'] },
  },
  {
    id: 'fact-year-missing',
    what: 'a fact without its year',
    mutate: edit(UNIT, (u) => delete fact(u, 'f-2022-final-2010301').year),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2010301')} › year: expected an integer year from 1900 to 2100, found nothing (missing)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2010301')} › year: expected an integer year from 1900 to 2100, found nothing (missing)`] },
    works: OPS,
  },
  {
    id: 'year-mismatch',
    what: 'the index lists the file for 2022, the file says 2021',
    mutate: edit(UNIT, (u) => (u.reportYear = 2021)),
    cli: { exit: 1, contains: [`${U} › reportYear: expected 2022 (the year data/index.json lists this file under), found 2021 (number)`] },
    page: { contains: [`data/${U} › reportYear: expected 2022 (the year data/index.json lists this file under), found 2021 (number)`] },
  },
  // --- Classification codes and trees ---------------------------------------------------------
  {
    id: 'functional-code-unknown',
    what: 'a functional code not in the tree (2019999)',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-2089999').functional = '2019999')),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2089999')} › functional: expected a code listed in the functional classification (2022年政府收支分类科目), found "2019999" (string)`] },
    page: { contains: [`${at('facts', 'f-2022-final-2089999')} › functional: expected a code listed in the functional classification`] },
    works: OPS,
  },
  {
    id: 'economic-code-unknown',
    what: 'an economic code not in the tree (39999)',
    mutate: edit(UNIT, (u) => (fact(u, 'f-2022-final-2010302-31099').economic = '39999')),
    cli: { exit: 1, contains: [`${at('facts', 'f-2022-final-2010302-31099')} › economic: expected a code listed in the economic classification`, 'found "39999" (string)'] },
    page: { contains: [`${at('facts', 'f-2022-final-2010302-31099')} › economic: expected a code listed in the economic classification`] },
    works: OPS,
  },
  {
    id: 'classification-cycle',
    what: 'a cycle in the functional tree: 20103 → 2010301 → 20103',
    mutate: edit(FUNCTIONAL, (t) => {
      const n = t.nodes.find((x: Json) => x.code === '20103');
      n.parent = '2010301';
    }),
    cli: { exit: 1, contains: [`${F} › nodes#1 (20103) › parent`, 'a cycle 20103 → 2010301 → 20103'] },
    page: { contains: [`data/${F} › nodes#1 (20103) › parent`, 'a cycle 20103 → 2010301 → 20103'] },
    works: [TOTAL[0]],
  },
  {
    id: 'classification-duplicate-code',
    what: 'the same functional code listed twice',
    mutate: edit(FUNCTIONAL, (t) => t.nodes.push({ ...t.nodes[2], name: '行政运行（重复）' })),
    cli: { exit: 1, contains: [`› code: expected a code listed once, found "2010301" (string), also nodes#2`] },
    page: { contains: [`› code: expected a code listed once, found "2010301" (string), also nodes#2`] },
    works: [TOTAL[0]],
  },
  {
    id: 'classification-missing-parent',
    what: 'a functional node filed under another class (its code does not extend its parent code)',
    mutate: edit(FUNCTIONAL, (t) => (t.nodes.find((x: Json) => x.code === '20699').parent = '205')),
    cli: { exit: 1, contains: [`${F} › nodes#6 (20699) › code: expected a code that extends its parent code 205, found "20699" (string)`] },
    page: { contains: [`data/${F} › nodes#6 (20699) › code: expected a code that extends its parent code 205, found "20699" (string)`] },
    works: [TOTAL[0]],
  },
  // --- Ids, references, rules -----------------------------------------------------------------
  {
    id: 'duplicate-ids',
    what: 'two operational indicators with the same id',
    mutate: edit(UNIT, (u) => (u.indicators[1].id = u.indicators[0].id)),
    cli: { exit: 1, contains: [`› id: expected an id used once in the file, found "i-yz-pushed-records" (string), also indicators#0`] },
    page: { contains: [`› id: expected an id used once in the file, found "i-yz-pushed-records" (string), also indicators#0`] },
    works: TOTAL,
  },
  {
    id: 'formula-missing-record',
    what: 'a derived figure whose formula names a record that does not exist',
    mutate: edit(UNIT, (u) => {
      const f = fact(u, 'f-2021-final-2010301');
      f.provenance.formula.args[0] = 'f-2022-final-gone';
    }),
    cli: { exit: 1, contains: [`${at('facts', 'f-2021-final-2010301')} › provenance.formula.args[0]: expected the id of a fact, measure or indicator in this file, found "f-2022-final-gone" (string)`] },
    page: { contains: [`${at('facts', 'f-2021-final-2010301')} › provenance.formula.args[0]: expected the id of a fact, measure or indicator in this file`] },
    works: OPS,
  },
  {
    id: 'indicator-parent-cycle',
    what: 'two indicators that are each other’s parent',
    mutate: edit(UNIT, (u) => {
      indicator(u, 'i-grid-l2').parent = 'i-grid-l3';
      indicator(u, 'i-grid-l3').parent = 'i-grid-l2';
    }),
    cli: { exit: 1, contains: ['› parent: expected a parent chain that ends', 'a cycle i-grid-l2 → i-grid-l3 → i-grid-l2'] },
    page: { contains: ['› parent: expected a parent chain that ends'] },
    works: TOTAL,
  },
  {
    id: 'known-issue-unknown-rule',
    what: 'a known issue that explains a rule that does not exist',
    mutate: edit(UNIT, (u) => (u.knownIssues[0].explains = ['no-such-rule:x'])),
    cli: { exit: 1, contains: [`${at('knownIssues', 'ki-budget-adjust-rate')} › explains[0]: expected a rule id or "rule:subject" key`, 'found "no-such-rule:x" (string)'] },
    page: { contains: [`${at('knownIssues', 'ki-budget-adjust-rate')} › explains[0]: expected a rule id or "rule:subject" key`, '已知问题说明'] },
    works: [...TOTAL, ...OPS],
  },
  {
    id: 'sums-do-not-reconcile',
    what: 'basic + project no longer add up to the total (no known issue explains it)',
    mutate: edit(UNIT, (u) => {
      // 223.3 + 745.99 = 969.29; make the total 979.29 in the figure and its quote, so only the sum fails.
      const t = fact(u, 'f-2022-final-total');
      t.amount = 979.29;
    }),
    cli: { exit: 1, contains: ['✗ 失败 basis-sum:2022:决算', '结果：失败'] },
    page: { panel: false, route: '#/quality', contains: ['basis-sum'] },
  },
  // --- Empty arrays ---------------------------------------------------------------------------
  {
    id: 'facts-empty',
    what: 'facts is an empty list (a report may state no money fact): the known issues citing facts break',
    mutate: edit(UNIT, (u) => (u.facts = [])),
    cli: { exit: 1, contains: [`${U} › knownIssues#0 (ki-budget-adjust-rate) › records[1]: expected the id of a fact, measure or indicator in this file, found "f-2022-initial-total" (string)`] },
    page: { contains: [`data/${U} › knownIssues#0 (ki-budget-adjust-rate) › records[1]: expected the id of a fact, measure or indicator in this file, found "f-2022-initial-total" (string)`] },
  },
  {
    id: 'indicators-empty',
    what: 'indicators is an empty list: the known issues citing them break, the rest stays',
    mutate: edit(UNIT, (u) => (u.indicators = [])),
    cli: { exit: 1, contains: ['› records[', 'expected the id of a fact, measure or indicator in this file, found "i-'] },
    page: { contains: ['expected the id of a fact, measure or indicator in this file, found "i-'] },
    works: TOTAL,
  },
  {
    id: 'units-empty',
    what: 'index.json lists no units',
    mutate: edit(INDEX, (i) => (i.units = [])),
    cli: { exit: 1, contains: ['index.json › units: expected a non-empty array, found an empty array'] },
    page: { contains: ['data/index.json › units: expected a non-empty array, found an empty array'] },
  },
  {
    id: 'classification-nodes-empty',
    what: 'the economic classification has no nodes',
    mutate: edit(ECONOMIC, (t) => (t.nodes = [])),
    cli: { exit: 1, contains: ['classifications/economic.json › nodes: expected a non-empty array, found an empty array'] },
    page: { contains: ['data/classifications/economic.json › nodes: expected a non-empty array, found an empty array'] },
    works: [TOTAL[0]],
  },
  // --- Missing files and HTTP answers -----------------------------------------------------------
  {
    id: 'index-names-missing-file',
    what: 'the index lists a 2021 file that does not exist (404)',
    mutate: edit(INDEX, (i) => i.units[0].years.push({ year: 2021, file: 'units/ningxiang-drc/2021.json' })),
    cli: { exit: 1, contains: ['units/ningxiang-drc/2021.json: cannot read the file (file not found)'] },
    page: { contains: ['data/units/ningxiang-drc/2021.json：HTTP 404'] },
    works: [TOTAL[0], ...OPS],
  },
  {
    id: 'index-names-missing-classification',
    what: 'the index names an economic classification file that does not exist',
    mutate: edit(INDEX, (i) => (i.classifications.economic = 'classifications/economic-2023.json')),
    cli: { exit: 1, contains: ['classifications/economic-2023.json: cannot read the file (file not found)'] },
    page: { contains: ['data/classifications/economic-2023.json：HTTP 404'] },
    works: [TOTAL[0]],
  },
  {
    id: 'http-500-unit',
    what: 'the server answers 500 for the unit file',
    http: { file: UNIT, status: 500 },
    cli: null,
    page: { contains: [`data/${U}：HTTP 500`] },
  },
  {
    id: 'http-404-functional',
    what: 'the server answers 404 for the functional classification',
    http: { file: FUNCTIONAL, status: 404 },
    cli: null,
    page: { contains: [`data/${F}：HTTP 404`] },
    works: [TOTAL[0], ...OPS],
  },
  {
    id: 'slow-unit',
    // The other files must load within the page's wait even on a crowded machine (at load 20, 2 s
    // timed out data/index.json itself), so the wait is 10 s and the unit file answers long after.
    what: 'the unit file answers after 40 s; the page waits 10 s (?timeout=10000)',
    http: { file: UNIT, delayMs: 40_000 },
    query: '?timeout=10000',
    cli: null,
    page: { contains: [`data/${U}：10 秒内未能加载完成（响应过慢）`] },
  },
  {
    id: 'large-file',
    what: `a ${LARGE_BYTES / 1e6} MB unit file (150 000 indicators) listed as 2021`,
    mutate: largeYear,
    cli: { exit: 1, contains: ['units/ningxiang-drc/2021.json: the file is too large ('] },
    page: { contains: ['data/units/ningxiang-drc/2021.json: the file is too large ('] },
    works: [TOTAL[0], ...OPS],
  },
  // --- Markup and script in every string field --------------------------------------------------
  ...PAYLOADS.map(
    (p, i): BadCase => ({
      id: `payload-${i + 1}`,
      what: `${p} appended to every free-text field of every file`,
      mutate: injectEverywhere(p),
      // Structurally valid; the quotes no longer occur in the source text, which the quote rule reports.
      cli: { exit: 1, contains: ['✗ 失败 quote:', p] },
      page: { panel: false, route: '#/', contains: [`宁乡市数据资源中心${p}`] },
      works: [TOTAL[0], OPS[0]],
      payload: p,
    }),
  ),
  // Issue 12: paths, limits, dates and keys, held to the same messages on the command line and in the page.

  {
    id: 'index-path-encoded-dots',
    what: 'an index path written with encoded dots (%2e%2e) that leaves data/',
    mutate: (dir) => {
      writeFileSync(join(dir, '..', 'outside.json'), readFileSync(join(dir, UNIT)));
      const i = readJson(dir, INDEX);
      i.units[0].years[0].file = '%2e%2e/outside.json';
      writeJson(dir, INDEX, i);
    },
    cli: { exit: 1, contains: ['index.json › units#0 (ningxiang-drc) › years[0].file: expected a relative path to a .json file inside the data folder (data/), found "%2e%2e/outside.json" (string): it leaves the data folder ("..") (decoded: "../outside.json")'] },
    page: { contains: ['index.json › units#0 (ningxiang-drc) › years[0].file: expected a relative path to a .json file inside the data folder (data/), found "%2e%2e/outside.json" (string): it leaves the data folder ("..") (decoded: "../outside.json")'] },
  },
  {
    id: 'source-outside-root',
    what: 'source.file pointing outside the data folder',
    mutate: edit(UNIT, (u) => (u.source.file = '../../../etc/passwd')),
    cli: { exit: 1, contains: [`${UNIT} › source.file: expected a relative path inside the data folder (data/), found "../../../etc/passwd" (string): it leaves the data folder ("..")`] },
    page: { contains: [`${UNIT} › source.file: expected a relative path inside the data folder (data/), found "../../../etc/passwd" (string): it leaves the data folder ("..")`] },
  },
  {
    id: 'source-other-host',
    what: 'source.file naming another host (//host/…)',
    mutate: edit(UNIT, (u) => (u.source.file = '//evil.example/report.txt')),
    cli: { exit: 1, contains: [`${UNIT} › source.file: expected a relative path inside the data folder (data/), found "//evil.example/report.txt" (string): it names another host`] },
    page: { contains: [`${UNIT} › source.file: expected a relative path inside the data folder (data/), found "//evil.example/report.txt" (string): it names another host`] },
  },
  {
    id: 'duplicate-json-key',
    what: 'a fact with its amount written twice (last-wins would show 1000)',
    mutate: (dir) => {
      const t = readFileSync(join(dir, UNIT), 'utf8');
      writeFileSync(join(dir, UNIT), t.replace('"amount": 969.29,', '"amount": 969.29,\n      "amount": 1000,'));
    },
    cli: { exit: 1, contains: [`${U}: invalid JSON at line`, 'the key "amount" appears twice in one object (first at line'] },
    page: { contains: [`${U}: invalid JSON at line`, 'the key "amount" appears twice in one object (first at line'] },
  },
  {
    id: 'amount-1e308',
    what: 'an amount of 1e308 (finite, absurd)',
    mutate: edit(UNIT, (u) => (u.facts[0].amount = 1e308)),
    cli: { exit: 1, contains: ['› facts#0 (f-2022-final-total) › amount: expected an amount of at most 10000000000 万元 (100 万亿元), found 1e+308 (number)'] },
    page: { contains: ['› facts#0 (f-2022-final-total) › amount: expected an amount of at most 10000000000 万元 (100 万亿元), found 1e+308 (number)'] },
  },
  {
    id: 'quote-whitespace',
    what: 'a stated quote of spaces only',
    mutate: edit(UNIT, (u) => (u.facts[0].provenance.quote = ' \u3000 ')),
    cli: { exit: 1, contains: ['› facts#0 (f-2022-final-total) › provenance.quote: expected a text with at least one non-space character, found " \u3000 " (string)'] },
    page: { contains: ['› facts#0 (f-2022-final-total) › provenance.quote: expected a text with at least one non-space character, found " \u3000 " (string)'] },
  },
  {
    id: 'date-2023-13-45',
    what: 'a source date 2023-13-45',
    mutate: edit(UNIT, (u) => (u.source.date = '2023-13-45')),
    cli: { exit: 1, contains: [`${UNIT} › source.date: expected a real date like "2023-07-25", found "2023-13-45" (string)`] },
    page: { contains: [`${UNIT} › source.date: expected a real date like "2023-07-25", found "2023-13-45" (string)`] },
  },
  {
    id: 'group-unknown',
    what: 'an indicator in a group the index does not list',
    mutate: edit(UNIT, (u) => (u.indicators[0].group = 'no-such-group')),
    cli: { exit: 1, contains: ['› indicators#0 (', '› group: expected a group listed in data/index.json ('] },
    page: { contains: ['› indicators#0 (', '› group: expected a group listed in data/index.json ('] },
  },
  {
    id: 'unlisted-broken-file',
    what: 'a broken unit file under units/ that the index does not list',
    mutate: (dir) => writeFileSync(join(dir, 'units/ningxiang-drc/2019.json'), '{"unit": '),
    cli: { exit: 1, contains: ['units/ningxiang-drc/2019.json 未列入 index.json（已一并检查）', 'units/ningxiang-drc/2019.json: invalid JSON: the text ends at line 1'] },
    // The page reads only what the index lists: the listed files keep working.
    page: { panel: false, route: '#/', contains: ['969.29'] },
  },

];

/**
 * Copy data/ into `root/<case.id>/` (or `root/<case.id>/data/` with `dataSubdir`) and break it.
 * Returns the data folder of the copy.
 */
export function writeCase(c: BadCase, root: string, { dataSubdir = '' } = {}): string {
  const dir = join(root, c.id, dataSubdir);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(DATA, dir, { recursive: true });
  c.mutate?.(dir);
  return dir;
}

/** A fresh temp dir for one test run's fixtures. */
export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
