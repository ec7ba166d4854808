/** The validator facade: generated structural checks + hand-written semantic checks, one message per problem. */
import { describe, expect, it } from 'vitest';
import { validateClassification, validateIndex, validateUnitYear } from '../../../src/data/validate';
import { UNIT_FILE, goodEconomic, goodFunctional, goodIndex, goodUnit, looseUnit, trees } from './fixtures';

const groups = () => goodIndex().groups!.map((g) => g.id);
const ctx = () => ({ ...trees(), unit: 'demo-unit', year: 2022, groups: groups() });
const messages = (r: { errors: { message: string }[] }) => r.errors.map((e) => e.message);
const check = (u: unknown) => messages(validateUnitYear(u, UNIT_FILE, ctx()));

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
    idx.groups[3].domain = 'other';
    delete idx.classifications.economic;
    expect(messages(validateIndex(idx, 'data/index.json'))).toEqual([
      'data/index.json › classifications.economic: expected a non-empty string, found nothing (missing)',
      'data/index.json › units#0 (demo-unit) › currency: expected one of "万元", found "元" (string)',
      'data/index.json › groups#3 (youzheng) › domain: expected one of "finance", "operations", found "other" (string)',
      'data/index.json › units#0 (demo-unit) › years[1].year: expected a year listed once per unit, found 2022 (number), also years[0]',
      'data/index.json › units#0 (demo-unit) › years[1].file: expected a relative path to a .json file inside the data folder (data/), found "../secret.json" (string): it leaves the data folder ("..")',
    ]);
  });

  it('refuses paths that leave the data folder once decoded', () => {
    const cases: Array<[string, string]> = [
      ['%2e%2e/secret.json', 'it leaves the data folder ("..") (decoded: "../secret.json")'],
      ['units/%2E%2E/%2E%2E/x.json', 'it leaves the data folder ("..") (decoded: "units/../../x.json")'],
      ['/etc/passwd.json', 'it is absolute'],
      ['//evil.example/x.json', 'it names another host'],
      ['https://evil.example/x.json', 'it names a URL scheme or a drive'],
      ['units\\..\\x.json', 'it contains a backslash'],
      ['%252e%252e/x.json', 'it is still percent-encoded after decoding (decoded: "%2e%2e/x.json")'],
      ['units/%zz.json', 'it has a malformed percent-escape'],
      ['units/a.txt', ''],
    ];
    for (const [file, why] of cases) {
      const idx = goodIndex() as any;
      idx.units[0].years[0].file = file;
      const r = validateIndex(idx, 'data/index.json');
      expect(r.errors, file).toHaveLength(1);
      expect(r.errors[0]).toMatchObject({ record: 'demo-unit', field: 'years[0].file', section: 'units' });
      expect(r.errors[0].message).toContain(why ? `: ${why}` : 'expected a relative path to a .json file');
    }
  });

  it('reports duplicate unit and group ids', () => {
    const idx = goodIndex() as any;
    idx.units.push({ ...idx.units[0] });
    idx.groups.push({ ...idx.groups[0] });
    expect(messages(validateIndex(idx, 'i.json'))).toEqual([
      'i.json › units#1 (demo-unit) › id: expected a unit id used once, found "demo-unit" (string), also units#0',
      'i.json › groups#5 (staffing) › id: expected a group id used once, found "staffing" (string), also groups#0',
    ]);
  });

  it('rejects a non-object and an empty unit list', () => {
    expect(messages(validateIndex([], 'data/index.json'))).toEqual(['data/index.json: expected an object (the data index), found an empty array']);
    expect(messages(validateIndex({ ...goodIndex(), units: [] }, 'i.json'))).toEqual(['i.json › units: expected a non-empty array, found an empty array']);
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
    expect(messages(validateClassification(t, 'data/classifications/functional.json'))).toEqual([
      'data/classifications/functional.json › nodes#7 (2010301) › code: expected a code listed once, found "2010301" (string), also nodes#2',
      'data/classifications/functional.json › nodes#9 (20104) › code: expected 7 digits for level 3, found "20104" (string), 5 digits',
      'data/classifications/functional.json › nodes#8 (2089999) › parent: expected the code of another node in this file, found "20899" (string)',
      'data/classifications/functional.json › nodes#10 (2069901) › code: expected a code that extends its parent code 20103, found "2069901" (string)',
    ]);
  });

  it('a child sits one level below its parent', () => {
    const t = goodFunctional() as any;
    t.nodes.push({ code: '20199', name: 'x', parent: '20103', level: 2 });
    expect(messages(validateClassification(t, 'f.json'))).toEqual([
      'f.json › nodes#7 (20199) › level: expected 3 (parent 20103 has level 2), found 2 (number)',
      'f.json › nodes#7 (20199) › code: expected a code that extends its parent code 20103, found "20199" (string)',
    ]);
  });

  it('economic codes stop at 款 (5 digits)', () => {
    const t = goodEconomic() as any;
    t.nodes.push({ code: '3100701', name: '太深', parent: '31007', level: 3 });
    expect(messages(validateClassification(t, 'e.json'))).toEqual([
      'e.json › nodes#4 (3100701) › level: expected one of 1, 2 (the economic classification has 2 levels), found 3 (number)',
    ]);
  });

  it('reports a cycle in the tree once, even through a node the schema refused', () => {
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
    expect(messages(r)).toContain('c.json › nodes#1 (20101) › parent: expected a parent chain that reaches a top-level node, found a cycle 20101 → 20102 → 20101');
    expect(r.errors.filter((e) => e.found?.startsWith('a cycle'))).toHaveLength(1);
    const f = goodFunctional() as any;
    f.nodes.find((n: any) => n.code === '20103').parent = '2010301';
    expect(messages(validateClassification(f, 'f.json'))).toEqual([
      'f.json › nodes#1 (20103) › parent: expected a parent code of 3 or 5 digits or null, found "2010301" (string)',
      'f.json › nodes#1 (20103) › parent: expected a parent chain that reaches a top-level node, found a cycle 20103 → 2010301 → 20103',
    ]);
  });
});

describe('validateUnitYear', () => {
  it('accepts the good fixture with zero errors', () => {
    const r = validateUnitYear(goodUnit(), UNIT_FILE, ctx());
    expect(r.errors).toEqual([]);
    expect(r.value?.facts).toHaveLength(14);
  });

  it('rejects amounts that are strings, negative, "NaN", "Infinity", or absurdly large (1e308)', () => {
    const u = looseUnit();
    u.facts[3].amount = '187.17';
    u.facts[4].amount = -10;
    u.facts[5].amount = 'NaN';
    u.facts[6].amount = 'Infinity';
    u.facts[7].amount = 1e308;
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › facts#3 (f-2010301) › amount: expected a finite number ≥ 0, found "187.17" (string)`,
      `${UNIT_FILE} › facts#5 (f-2069999) › amount: expected a finite number ≥ 0, found "NaN" (string)`,
      `${UNIT_FILE} › facts#6 (f-2010301-301) › amount: expected a finite number ≥ 0, found "Infinity" (string)`,
      `${UNIT_FILE} › facts#4 (f-2010302) › amount: expected a finite number ≥ 0, found -10 (number)`,
      `${UNIT_FILE} › facts#7 (f-2010301-302) › amount: expected an amount of at most 10000000000 万元 (100 万亿元), found 1e+308 (number)`,
    ]);
    expect(r.errors[0]).toMatchObject({ record: 'f-2010301', field: 'amount', section: 'facts', expected: 'a finite number ≥ 0', found: '"187.17" (string)' });
  });

  it('rejects a number that overflows to Infinity when parsed', async () => {
    const { parseJson } = await import('../../../src/data/json');
    const parsed = parseJson(JSON.stringify(goodUnit()).replace('"amount":100', '"amount":1e999'), UNIT_FILE);
    expect(check(parsed.value)).toEqual([`${UNIT_FILE} › facts#0 (f-total) › amount: expected a finite number ≥ 0, found Infinity (number)`]);
  });

  it('reports wrong types, missing required fields, unknown enum values and unknown fields', () => {
    const u = looseUnit();
    u.facts[0].year = '2022';
    delete u.facts[1].label;
    delete u.facts[1].basis;
    u.facts[2].phase = '执行';
    u.facts[2].flow = '流出';
    u.measures[0].cumulative = 'no';
    u.indicators[0].approx = '大约';
    u.facts[0].ammount = 1;
    expect(check(u)).toEqual([
      `${UNIT_FILE} › facts#0 (f-total) › ammount: expected no field "ammount" (allowed: id, year, phase, flow, source, basis, functional, economic, amount, label, provenance, codeProvenance, note), found 1 (number)`,
      `${UNIT_FILE} › facts#0 (f-total) › year: expected an integer year from 1900 to 2100, found "2022" (string)`,
      `${UNIT_FILE} › facts#1 (f-basic) › basis: expected one of "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出" or null, found nothing (missing)`,
      `${UNIT_FILE} › facts#1 (f-basic) › label: expected a non-empty string, found nothing (missing)`,
      `${UNIT_FILE} › facts#2 (f-project) › phase: expected one of "年初预算", "调整预算", "决算", found "执行" (string)`,
      `${UNIT_FILE} › facts#2 (f-project) › flow: expected one of "收入", "支出", "年初结转和结余", "年末结转和结余", found "流出" (string)`,
      `${UNIT_FILE} › measures#0 (m-quota) › cumulative: expected true or false, found "no" (string)`,
      `${UNIT_FILE} › indicators#0 (i-cases) › approx: expected one of "近", "余", "约" or null, found "大约" (string)`,
    ]);
  });

  it('names records without a usable id by list and index', () => {
    const u = looseUnit();
    u.facts[2].id = 7;
    const r = validateUnitYear(u, UNIT_FILE, ctx());
    expect(r.errors[0]).toMatchObject({ record: 'facts#2', field: 'id', section: 'facts' });
    expect(r.errors[0].message).toBe(`${UNIT_FILE} › facts#2 › id: expected a kebab-case id like "f-2022-total", found 7 (number)`);
  });

  it('gives one message per provenance problem, for the kind the record says it is', () => {
    const u = looseUnit();
    u.facts[0].provenance = { kind: 'stated', section: '二' };
    u.facts[1].provenance = { kind: 'guessed' };
    u.facts[2].provenance = { kind: 'stated', quote: '   ', section: '二' };
    u.facts[10].provenance.formula = { op: 'sum', args: ['Not An Id'] };
    expect(check(u)).toEqual([
      `${UNIT_FILE} › facts#0 (f-total) › provenance.quote: expected a text with at least one non-space character, found nothing (missing)`,
      `${UNIT_FILE} › facts#1 (f-basic) › provenance.kind: expected one of "stated", "derived", "inferred", found "guessed" (string)`,
      `${UNIT_FILE} › facts#2 (f-project) › provenance.quote: expected a text with at least one non-space character, found "   " (string)`,
      `${UNIT_FILE} › facts#10 (f-econ-301) › provenance.formula.args[0]: expected a record id (a kebab-case id like "f-2022-total"), a finite number or a formula {op, args}, found "Not An Id" (string)`,
    ]);
  });

  it('reports unknown classification codes when trees are given (and only then)', () => {
    const u = looseUnit();
    u.facts[3].functional = '2010399';
    u.facts[6].economic = '399';
    expect(check(u)).toEqual([
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
    expect(check(u)).toEqual([
      `${UNIT_FILE} › measures#1 (f-total) › id: expected an id used once in the file, found "f-total" (string), also facts#0`,
      `${UNIT_FILE} › knownIssues#0 (i-cases) › id: expected an id used once in the file, found "i-cases" (string), also indicators#0`,
      `${UNIT_FILE} › measures#4 (m-rate) › recompute.args[0]: expected the id of a fact, measure or indicator in this file, found "m-staff" (string)`,
      `${UNIT_FILE} › measures#2 (m-staff-a) › parent: expected the id of a fact, measure or indicator in this file, found "m-staff" (string)`,
      `${UNIT_FILE} › measures#3 (m-staff-b) › parent: expected the id of a fact, measure or indicator in this file, found "m-staff" (string)`,
    ]);
  });

  it('a measure may be part of a fact (parent names a fact id)', () => {
    const u = looseUnit();
    u.measures[5].parent = 'f-basic';
    expect(check(u)).toEqual([]);
  });

  it('reports formula references to missing records, bad operators and arity', () => {
    const u = looseUnit();
    u.facts[13].provenance.formula.args[1] = 'm-chg-missing';
    u.measures[4].recompute = { op: 'ratio', args: ['m-staff'] };
    u.facts[10].provenance.formula = { op: 'sub', args: ['f-2010301-301'] };
    expect(check(u)).toEqual([
      `${UNIT_FILE} › measures#4 (m-rate) › recompute.op: expected one of "sum", "sub", "mul", "div", "pct", "growth_pct", found "ratio" (string)`,
      `${UNIT_FILE} › facts#10 (f-econ-301) › provenance.formula.args: expected exactly 2 arguments for "sub", found an array of 1`,
      `${UNIT_FILE} › facts#13 (f-2021-2010301) › provenance.formula.args[1]: expected the id of a fact, measure or indicator in this file, found "m-chg-missing" (string)`,
    ]);
  });

  it('reports a cycle among derived figures, a parent cycle and a self-referencing recompute', () => {
    const u = looseUnit();
    u.facts[10].provenance.formula = { op: 'sum', args: ['f-econ-302'] };
    u.facts[11].provenance.formula = { op: 'sum', args: ['f-econ-301'] };
    u.measures[5].parent = 'm-fixed';
    u.measures[4].recompute = { op: 'pct', args: ['m-rate', 'm-quota'] };
    expect(check(u)).toEqual([
      `${UNIT_FILE} › measures#5 (m-assets) › parent: expected a parent chain that ends, found a cycle m-assets → m-fixed → m-assets`,
      `${UNIT_FILE} › facts#10 (f-econ-301) › provenance.formula: expected a formula that does not depend on its own record, found a cycle f-econ-301 → f-econ-302 → f-econ-301`,
      `${UNIT_FILE} › measures#4 (m-rate) › recompute: expected a formula over other records, found a reference to the record itself (m-rate)`,
    ]);
  });

  it('accepts an empty facts array (a report that states only measures, such as a 项目支出绩效自评)', () => {
    const u = looseUnit();
    u.facts = [];
    u.measures = u.measures.filter((m: { id: string }) => m.id !== 'm-chg-2010301');
    expect(check(u)).toEqual([]);
  });

  it('reports a unit or year that differs from the index', () => {
    const r = validateUnitYear(goodUnit(), UNIT_FILE, { ...trees(), unit: 'other-unit', year: 2023 });
    expect(messages(r)).toEqual([
      `${UNIT_FILE} › unit: expected "other-unit" (the unit data/index.json lists this file under), found "demo-unit" (string)`,
      `${UNIT_FILE} › reportYear: expected 2023 (the year data/index.json lists this file under), found 2022 (number)`,
    ]);
  });

  it('allows negative values only in 万元 and %, or for a change; stated counts are whole numbers', () => {
    const u = looseUnit();
    u.measures[7].value = -5; // 万元 change: allowed
    u.measures[4].value = -4.33; // %: allowed (recompute will disagree, that is the rules' business)
    u.measures[1].value = -7; // 人: rejected
    u.indicators[0].value = 1200.5; // 件 stated: must be whole
    u.indicators[1].value = -1; // 级: rejected
    expect(check(u)).toEqual([
      `${UNIT_FILE} › measures#1 (m-staff) › value: expected a whole number ≥ 0 (a count in 人), found -7 (number)`,
      `${UNIT_FILE} › indicators#0 (i-cases) › value: expected a whole number ≥ 0 (a count in 件), found 1200.5 (number)`,
      `${UNIT_FILE} › indicators#1 (i-grid-levels) › value: expected a finite number ≥ 0 (级 cannot be negative), found -1 (number)`,
    ]);
    const v = looseUnit();
    Object.assign(v.measures[1], { stat: 'change', base: 'prev-year', value: -2 });
    expect(check(v)).toEqual([]);
  });

  it('a change or growth says what it is measured against', () => {
    const u = looseUnit();
    delete u.measures[7].base;
    expect(check(u)).toEqual([`${UNIT_FILE} › measures#7 (m-chg-2010301) › base: expected "prev-year" or "budget" (what the change is measured against), found nothing (missing)`]);
  });

  it('roles come from the vocabulary', () => {
    const u = looseUnit();
    u.measures[0].role = 'staff.quotas';
    u.measures[1].role = 'sangong.item:公务宴请';
    expect(check(u)).toEqual([
      `${UNIT_FILE} › measures#0 (m-quota) › role: expected a role of the vocabulary (docs/data-format.md), found "staff.quotas" (string): 未知角色“staff.quotas”`,
      `${UNIT_FILE} › measures#1 (m-staff) › role: expected a role of the vocabulary (docs/data-format.md), found "sangong.item:公务宴请" (string): “三公”经费项目应为 因公出国（境）、公务用车购置及运行维护、公务用车购置、公务用车运行维护、公务接待 之一`,
    ]);
  });

  it('groups must be listed in the index (when the index is known)', () => {
    const u = looseUnit();
    u.indicators[1].group = 'no-such-group';
    expect(check(u)).toEqual([
      `${UNIT_FILE} › indicators#1 (i-grid-levels) › group: expected a group listed in data/index.json (staffing, assets, functional-change, youzheng, grid), found "no-such-group" (string)`,
    ]);
    expect(validateUnitYear(u, UNIT_FILE, trees()).errors).toEqual([]);
  });

  it('dates are real calendar dates, or null where the report prints none', () => {
    for (const [date, ok] of [['2023-13-45', false], ['2023-02-29', false], ['2024-02-29', true], ['2023/07/25', false], [null, true]] as const) {
      const u = looseUnit();
      u.source.date = date;
      const m = check(u);
      expect(m.length, String(date)).toBe(ok ? 0 : 1);
      if (!ok) expect(m[0]).toMatch(new RegExp(`^${UNIT_FILE} › source\\.date: expected a (real )?date like "2023-07-25"( or null)?, found "${date}" \\(string\\)$`));
    }
  });

  it('source.file stays inside the data folder', () => {
    for (const [file, why] of [
      ['../../etc/passwd', 'it leaves the data folder ("..")'],
      ['//evil.example/report.txt', 'it names another host'],
      ['/etc/passwd', 'it is absolute'],
      ['sources/%2e%2e/%2e%2e/x.txt', 'it leaves the data folder ("..") (decoded: "sources/../../x.txt")'],
      ['file:///etc/passwd', 'it names a URL scheme or a drive'],
    ]) {
      const u = looseUnit();
      u.source.file = file;
      expect(check(u), file).toEqual([`${UNIT_FILE} › source.file: expected a relative path inside the data folder (data/), found ${JSON.stringify(file)} (string): ${why}`]);
    }
  });

  it('checks knownIssues: rule keys and record references', () => {
    const u = looseUnit();
    u.knownIssues.push({ id: 'ki-1', explains: ['recompute:m-rate', 'made-up-rule'], records: ['m-rate', 'nope'], kind: 'typo', title: 't', explanation: 'e' });
    const m = check(u);
    expect(m[0]).toBe(`${UNIT_FILE} › knownIssues#0 (ki-1) › kind: expected one of "arithmetic", "wording", "definition", found "typo" (string)`);
    u.knownIssues[0].kind = 'wording';
    const [explains, records] = check(u);
    expect(explains).toMatch(new RegExp(`^${UNIT_FILE} › knownIssues#0 \\(ki-1\\) › explains\\[1\\]: expected a rule id or "rule:subject" key \\(rules: .*children-sum.*recompute.*\\), found "made-up-rule" \\(string\\)$`));
    expect(records).toBe(`${UNIT_FILE} › knownIssues#0 (ki-1) › records[1]: expected the id of a fact, measure or indicator in this file, found "nope" (string)`);
  });

  it('rejects a non-object file', () => {
    expect(messages(validateUnitYear('hello', UNIT_FILE))).toEqual([`${UNIT_FILE}: expected an object (a unit-year file), found "hello" (string)`]);
  });
});
