import { describe, expect, it, vi } from 'vitest';
import {
  describeValue,
  lineColumn,
  parseJson,
  validateClassification,
  validateIndex,
  validateUnitYear,
} from '../../../src/data/validate';
import { UNIT_FILE, goodEconomic, goodFunctional, goodIndex, goodUnit, looseUnit, trees } from './fixtures';

const ctx = () => ({ ...trees(), unit: 'demo-unit', year: 2022 });
const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);

describe('parseJson', () => {
  it('parses valid JSON (and tolerates a BOM)', () => {
    expect(parseJson('\uFEFF{"a": [1, 2]}', 'x.json')).toEqual({ value: { a: [1, 2] }, errors: [] });
  });

  it('reports malformed JSON with line and column', () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    const r = parseJson(text, 'data/x.json');
    expect(r.value).toBeUndefined();
    expect(messages(r)).toEqual([
      `data/x.json: invalid JSON at line 3, column 3 (near "\\""): Expected ',' or '}' after property value`,
    ]);
    expect(r.errors[0]).toMatchObject({ file: 'data/x.json', record: '', field: '', expected: 'valid JSON' });
  });

  it('reports a trailing comma at its position', () => {
    const r = parseJson('[1,\n 2,\n]', 'a.json');
    expect(r.errors[0].message).toMatch(/^a\.json: invalid JSON at line 3, column 1 \(near "\]"\): /);
  });

  it('reports truncated input as such, at the end of the text', () => {
    const r = parseJson('{\n  "facts": [\n    {"id": "f-1", "amount": 1', 'data/t.json');
    expect(messages(r)).toEqual([
      'data/t.json: invalid JSON: the text ends at line 3, column 30 before the JSON is complete (truncated file?)',
    ]);
    expect(parseJson('{"a": "unfinished', 't.json').errors[0].message).toContain('before the JSON is complete');
  });

  it('locates the error itself when the engine message has no position (Safari)', () => {
    const real = JSON.parse;
    const spy = vi.spyOn(JSON, 'parse').mockImplementation((t: string) => {
      real(t);
      return undefined;
    });
    spy.mockImplementationOnce(() => {
      throw new SyntaxError("JSON Parse error: Expected '}'");
    });
    const r = parseJson('{"a": 1,\n "b" 2}', 's.json');
    spy.mockRestore();
    expect(r.errors[0].message).toBe(`s.json: invalid JSON at line 2, column 6 (near "2"): JSON Parse error: Expected '}'`);
  });

  it('reports an empty file', () => {
    expect(messages(parseJson('  \n', 'e.json'))).toEqual(['e.json: invalid JSON: the file is empty']);
  });

  it('computes 1-based line and column', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\r\ncd', 4)).toEqual({ line: 2, column: 1 });
  });
});

describe('describeValue', () => {
  it('shows found values as plain text, quoted and truncated', () => {
    expect(describeValue('187.17')).toBe('"187.17" (string)');
    expect(describeValue(-3)).toBe('-3 (number)');
    expect(describeValue(undefined)).toBe('nothing (missing)');
    expect(describeValue(null)).toBe('null');
    expect(describeValue([1, 2])).toBe('an array of 2');
    const long = describeValue('<img src=x onerror=alert(1)>'.repeat(5));
    expect(long).toBe(`"${'<img src=x onerror=alert(1)>'.repeat(5).slice(0, 59)}…" (string)`);
  });
});

describe('validateIndex', () => {
  it('accepts the fixture index', () => {
    const r = validateIndex(goodIndex(), 'data/index.json');
    expect(r.errors).toEqual([]);
    expect(r.value?.units[0].id).toBe('demo-unit');
  });

  it('reports every problem of the file together', () => {
    const idx = goodIndex() as any;
    idx.units[0].years.push({ year: 2022, file: '../secret.json' });
    idx.units[0].currency = '元';
    idx.groups[1].domain = 'other';
    delete idx.classifications.economic;
    const r = validateIndex(idx, 'data/index.json');
    expect(r.value).toBeUndefined();
    expect(messages(r)).toEqual([
      'data/index.json › classifications.economic: expected a relative path to a .json file inside the data folder, found nothing (missing)',
      'data/index.json › units#0 (demo-unit) › currency: expected one of "万元", found "元" (string)',
      'data/index.json › units#0 (demo-unit) › years[1].year: expected a year listed once per unit, found 2022 (number), also years[0]',
      'data/index.json › units#0 (demo-unit) › years[1].file: expected a relative path to a .json file inside the data folder, found "../secret.json" (string)',
      'data/index.json › groups#1 (youzheng) › domain: expected one of "finance", "operations", found "other" (string)',
    ]);
  });

  it('rejects a non-object', () => {
    expect(messages(validateIndex([], 'data/index.json'))).toEqual([
      'data/index.json: expected an object (the data index), found an array of 0',
    ]);
  });
});

describe('validateClassification', () => {
  it('accepts the fixture trees', () => {
    expect(validateClassification(goodFunctional(), 'f.json').errors).toEqual([]);
    expect(validateClassification(goodEconomic(), 'e.json').errors).toEqual([]);
  });

  it('reports duplicate codes, missing parents, wrong levels and code lengths', () => {
    const t = goodFunctional() as any;
    t.nodes.push({ code: '2010301', name: '重复', parent: '20103', level: 3 });
    t.nodes.push({ code: '2089999', name: '无上级', parent: '20899', level: 3 });
    t.nodes.push({ code: '20104', name: '层级错', parent: '201', level: 3 });
    t.nodes.push({ code: '2069901', name: '编码不延续上级', parent: '20103', level: 3 });
    const r = validateClassification(t, 'data/classifications/functional.json');
    expect(messages(r)).toEqual([
      'data/classifications/functional.json › nodes#7 (2010301) › code: expected a code listed once, found "2010301" (string), also nodes#2',
      'data/classifications/functional.json › nodes#9 (20104) › code: expected 7 digits for level 3, found "20104" (string), 5 digits',
      'data/classifications/functional.json › nodes#8 (2089999) › parent: expected the code of another node in this file, found "20899" (string)',
      'data/classifications/functional.json › nodes#9 (20104) › level: expected 2 (parent 201 has level 1), found 3 (number)',
      'data/classifications/functional.json › nodes#10 (2069901) › code: expected a code that extends its parent code 20103, found "2069901" (string)',
    ]);
  });

  it('economic codes stop at 款 (5 digits)', () => {
    const t = goodEconomic() as any;
    t.nodes.push({ code: '3100701', name: '太深', parent: '31007', level: 3 });
    expect(messages(validateClassification(t, 'e.json'))).toEqual([
      'e.json › nodes#4 (3100701) › code: expected a code of 3, 5 digits, found "3100701" (string)',
      'e.json › nodes#4 (3100701) › level: expected one of 1, 2, found 3 (number)',
    ]);
  });

  it('reports a cycle in the tree', () => {
    const t = {
      id: 'functional',
      title: 't',
      edition: 'e',
      nodes: [
        { code: '201', name: 'a', parent: null, level: 1 },
        { code: '20101', name: 'b', parent: '20102', level: 2 },
        { code: '20102', name: 'c', parent: '20101', level: 2 },
      ],
    };
    const r = validateClassification(t, 'c.json');
    expect(messages(r)).toContain(
      'c.json › nodes#1 (20101) › parent: expected a parent chain that reaches a top-level node, found a cycle 20101 → 20102 → 20101',
    );
    expect(r.errors.filter((e) => e.found?.startsWith('a cycle'))).toHaveLength(1);
  });
});

describe('validateUnitYear', () => {
  it('accepts the good fixture with zero errors', () => {
    const r = validateUnitYear(goodUnit(), UNIT_FILE, ctx());
    expect(r.errors).toEqual([]);
    expect(r.value?.facts).toHaveLength(14);
  });

  it('rejects amounts that are strings, negative, "NaN" or "Infinity"', () => {
    const u = looseUnit();
    u.facts[3].amount = '187.17';
    u.facts[4].amount = -10;
    u.facts[5].amount = 'NaN';
    u.facts[6].amount = 'Infinity';
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › facts#3 (f-2010301) › amount: expected a finite number ≥ 0, found "187.17" (string)`,
      `${UNIT_FILE} › facts#4 (f-2010302) › amount: expected a finite number ≥ 0, found -10 (number)`,
      `${UNIT_FILE} › facts#5 (f-2069999) › amount: expected a finite number ≥ 0, found "NaN" (string)`,
      `${UNIT_FILE} › facts#6 (f-2010301-301) › amount: expected a finite number ≥ 0, found "Infinity" (string)`,
    ]);
    expect(r.errors[0]).toMatchObject({ record: 'f-2010301', field: 'amount', expected: 'a finite number ≥ 0', found: '"187.17" (string)' });
  });

  it('rejects a number that overflows to Infinity when parsed', () => {
    const parsed = parseJson(JSON.stringify(goodUnit()).replace('"amount":100', '"amount":1e999'), UNIT_FILE);
    expect(messages(validateUnitYear(parsed.value, UNIT_FILE, ctx()))).toEqual([
      `${UNIT_FILE} › facts#0 (f-total) › amount: expected a finite number ≥ 0, found Infinity (number)`,
    ]);
  });

  it('reports wrong types, missing required fields and unknown enum values', () => {
    const u = looseUnit();
    u.facts[0].year = '2022';
    delete u.facts[1].label;
    delete u.facts[1].basis;
    u.facts[2].phase = '执行';
    u.measures[0].cumulative = 'no';
    u.indicators[0].approx = '大约';
    u.facts[0].ammount = 1;
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › facts#0 (f-total) › ammount: expected no field "ammount" (allowed: id, year, phase, basis, functional, economic, amount, label, provenance, codeProvenance, note), found 1 (number)`,
      `${UNIT_FILE} › facts#0 (f-total) › year: expected an integer year from 1900 to 2100, found "2022" (string)`,
      `${UNIT_FILE} › facts#1 (f-basic) › basis: expected one of "基本支出", "项目支出" or null, found nothing (missing)`,
      `${UNIT_FILE} › facts#1 (f-basic) › label: expected a non-empty string, found nothing (missing)`,
      `${UNIT_FILE} › facts#2 (f-project) › phase: expected one of "年初预算", "调整预算", "决算", found "执行" (string)`,
      `${UNIT_FILE} › measures#0 (m-quota) › cumulative: expected true or false, found "no" (string)`,
      `${UNIT_FILE} › indicators#0 (i-cases) › approx: expected one of "近", "余", "约" or null, found "大约" (string)`,
    ]);
  });

  it('names records without a usable id by array and index', () => {
    const u = looseUnit();
    u.facts[2].id = 7;
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(r.errors[0]).toMatchObject({ record: 'facts#2', field: 'id' });
    expect(r.errors[0].message).toBe(`${UNIT_FILE} › facts#2 › id: expected a kebab-case id like "f-2022-total", found 7 (number)`);
  });

  it('reports provenance problems with their JSON path', () => {
    const u = looseUnit();
    u.facts[0].provenance = { kind: 'stated', section: '二' };
    u.facts[1].provenance = { kind: 'guessed' };
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › facts#0 (f-total) › provenance.quote: expected a non-empty string, found nothing (missing)`,
      `${UNIT_FILE} › facts#1 (f-basic) › provenance.kind: expected one of "stated", "derived", "inferred", found "guessed" (string)`,
    ]);
  });

  it('reports unknown classification codes when trees are given (and only then)', () => {
    const u = looseUnit();
    u.facts[3].functional = '2010399';
    u.facts[6].economic = '399';
    expect(messages(validateUnitYear(u, UNIT_FILE, ctx()))).toEqual([
      `${UNIT_FILE} › facts#3 (f-2010301) › functional: expected a code listed in the functional classification (2022年政府收支分类科目), found "2010399" (string)`,
      `${UNIT_FILE} › facts#6 (f-2010301-301) › economic: expected a code listed in the economic classification (2022年部门预算支出经济分类), found "399" (string)`,
    ]);
    expect(validateUnitYear(u, UNIT_FILE).errors).toEqual([]);
    u.facts[3].functional = '20103011';
    expect(messages(validateUnitYear(u, UNIT_FILE))).toEqual([
      `${UNIT_FILE} › facts#3 (f-2010301) › functional: expected a functional code of 3, 5 or 7 digits or null, found "20103011" (string)`,
    ]);
  });

  it('reports duplicate ids across facts, measures, indicators and knownIssues', () => {
    const u = looseUnit();
    u.measures[1].id = 'f-total'; // m-staff renamed: references to it now dangle too
    u.knownIssues.push({ id: 'i-cases', explains: [], records: [], kind: 'wording', title: 't', explanation: 'e' });
    expect(messages(validateUnitYear(u, UNIT_FILE, ctx()))).toEqual([
      `${UNIT_FILE} › measures#1 (f-total) › id: expected an id used once in the file, found "f-total" (string), also facts#0`,
      `${UNIT_FILE} › knownIssues#0 (i-cases) › id: expected an id used once in the file, found "i-cases" (string), also indicators#0`,
      `${UNIT_FILE} › measures#4 (m-rate) › recompute.args[0]: expected the id of a fact, measure or indicator in this file, found "m-staff" (string)`,
      `${UNIT_FILE} › measures#2 (m-staff-a) › parent: expected the id of a measure or indicator in this file, found "m-staff" (string)`,
      `${UNIT_FILE} › measures#3 (m-staff-b) › parent: expected the id of a measure or indicator in this file, found "m-staff" (string)`,
    ]);
  });

  it('reports formula references to missing records, bad operators and arity', () => {
    const u = looseUnit();
    u.facts[13].provenance.formula.args[1] = 'm-chg-missing';
    u.measures[4].recompute = { op: 'ratio', args: ['m-staff'] };
    u.facts[10].provenance.formula = { op: 'sub', args: ['f-2010301-301'] };
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › facts#10 (f-econ-301) › provenance.formula.args: expected exactly 2 arguments for "sub", found an array of 1`,
      `${UNIT_FILE} › measures#4 (m-rate) › recompute.op: expected one of "sum", "sub", "mul", "div", "pct", "growth_pct", found "ratio" (string)`,
      `${UNIT_FILE} › facts#13 (f-2021-2010301) › provenance.formula.args[1]: expected the id of a fact, measure or indicator in this file, found "m-chg-missing" (string)`,
    ]);
  });

  it('reports a cycle among derived figures and a parent cycle', () => {
    const u = looseUnit();
    u.facts[10].provenance.formula = { op: 'sum', args: ['f-econ-302'] };
    u.facts[11].provenance.formula = { op: 'sum', args: ['f-econ-301'] };
    u.measures[5].parent = 'm-fixed';
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › measures#5 (m-assets) › parent: expected a parent chain that ends, found a cycle m-assets → m-fixed → m-assets`,
      `${UNIT_FILE} › facts#10 (f-econ-301) › provenance.formula: expected a formula that does not depend on its own record, found a cycle f-econ-301 → f-econ-302 → f-econ-301`,
    ]);
  });

  it('rejects an empty facts array', () => {
    const u = looseUnit();
    u.facts = [];
    u.measures = u.measures.filter((m: { id: string }) => m.id !== 'm-chg-2010301');
    expect(messages(validateUnitYear(u, UNIT_FILE, ctx()))).toEqual([`${UNIT_FILE} › facts: expected a non-empty array, found an empty array`]);
  });

  it('reports a unit or year that differs from the index', () => {
    const r = validateUnitYear(goodUnit(), UNIT_FILE, { ...trees(), unit: 'other-unit', year: 2023 });
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › unit: expected "other-unit" (the unit data/index.json lists this file under), found "demo-unit" (string)`,
      `${UNIT_FILE} › reportYear: expected 2023 (the year data/index.json lists this file under), found 2022 (number)`,
    ]);
  });

  it('allows negative indicator values only in 万元 and %, and whole numbers for stated counts', () => {
    const u = looseUnit();
    u.measures[7].value = -5; // 万元 change: allowed
    u.measures[4].value = -4.33; // %: allowed (recompute will disagree, that is the rules' business)
    u.measures[1].value = -7; // 人: rejected
    u.indicators[0].value = 1200.5; // 件 stated: must be whole
    expect(messages(validateUnitYear(u, UNIT_FILE, ctx()))).toEqual([
      `${UNIT_FILE} › measures#1 (m-staff) › value: expected a whole number ≥ 0 (a count in 人), found -7 (number)`,
      `${UNIT_FILE} › indicators#0 (i-cases) › value: expected a whole number ≥ 0 (a count in 件), found 1200.5 (number)`,
    ]);
  });

  it('checks knownIssues: rule keys and record references', () => {
    const u = looseUnit();
    u.knownIssues.push({ id: 'ki-1', explains: ['recompute:m-rate', 'made-up-rule'], records: ['m-rate', 'nope'], kind: 'typo', title: 't', explanation: 'e' });
    expect(messages(validateUnitYear(u, UNIT_FILE, ctx()))).toEqual([
      `${UNIT_FILE} › knownIssues#0 (ki-1) › explains[1]: expected a rule id or "rule:subject" key (rules: children-sum, basis-sum, functional-economic, economic-scope, recompute, derived, quote, asset-bounds, unique-cell), found "made-up-rule" (string)`,
      `${UNIT_FILE} › knownIssues#0 (ki-1) › kind: expected one of "arithmetic", "wording", "definition", found "typo" (string)`,
      `${UNIT_FILE} › knownIssues#0 (ki-1) › records[1]: expected the id of a fact, measure or indicator in this file, found "nope" (string)`,
    ]);
  });

  it('rejects a non-object file', () => {
    expect(messages(validateUnitYear('hello', UNIT_FILE))).toEqual([`${UNIT_FILE}: expected an object (a unit-year file), found "hello" (string)`]);
  });
});
