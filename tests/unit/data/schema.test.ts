/**
 * The generated validators (ajv standalone, from the one schema) and the semantic checks run on the
 * same fixtures: the good fixtures and the shipped data pass both; each structural mutation is
 * rejected by the generated validator itself and reported by validate*; each semantic mutation
 * passes the schema (it cannot say it) and is reported by the semantic checks alone.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../src/model/validators.generated.js';
import { validateClassification, validateIndex, validateUnitYear } from '../../../src/data/validate';
import { goodEconomic, goodFunctional, goodIndex, looseUnit, repoRoot, trees } from './fixtures';

const load = (p: string) => JSON.parse(readFileSync(resolve(repoRoot, p), 'utf8'));
const ctx = () => ({ ...trees(), unit: 'demo-unit', year: 2022, groups: goodIndex().groups!.map((g) => g.id) });

describe('schema and semantic checks on the same fixtures', () => {
  it('the shipped data passes the generated validators and every check', () => {
    const index = load('data/index.json');
    expect(generated.index(index), JSON.stringify(generated.index.errors)).toBe(true);
    expect(validateIndex(index, 'i').errors).toEqual([]);
    const [functional, economic] = [index.classifications.functional, index.classifications.economic].map((p: string) => load(`data/${p}`));
    for (const t of [functional, economic]) {
      expect(generated.classification(t), JSON.stringify(generated.classification.errors)).toBe(true);
      expect(validateClassification(t, 'c').errors).toEqual([]);
    }
    const groups = (index.groups ?? []).map((g: { id: string }) => g.id);
    for (const u of index.units) for (const y of u.years) {
      const file = load(`data/${y.file}`);
      expect(generated.unitYear(file), JSON.stringify(generated.unitYear.errors)).toBe(true);
      expect(validateUnitYear(file, y.file, { functional, economic, groups, unit: u.id, year: y.year }).errors).toEqual([]);
    }
  });

  it('both accept the good fixtures', () => {
    expect(generated.index(goodIndex())).toBe(true);
    expect(generated.classification(goodFunctional())).toBe(true);
    expect(generated.classification(goodEconomic())).toBe(true);
    expect(generated.unitYear(looseUnit())).toBe(true);
    expect(validateIndex(goodIndex(), 'i').errors).toEqual([]);
    expect(validateUnitYear(looseUnit(), 'u', ctx()).errors).toEqual([]);
  });

  const unitStructural: Array<[string, (u: any) => void]> = [
    ['amount as string', (u) => (u.facts[0].amount = '100')],
    ['missing label', (u) => delete u.facts[0].label],
    ['missing basis', (u) => delete u.facts[0].basis],
    ['missing flow', (u) => delete u.facts[0].flow],
    ['unknown source', (u) => (u.facts[0].source = '自筹')],
    ['unknown phase', (u) => (u.facts[0].phase = '执行')],
    ['year not an integer', (u) => (u.facts[0].year = 2022.5)],
    ['year out of range', (u) => (u.reportYear = 1800)],
    ['functional code of 4 digits', (u) => (u.facts[3].functional = '2010')],
    ['economic code of 7 digits', (u) => (u.facts[6].economic = '3010101')],
    ['extra field', (u) => (u.facts[0].ammount = 1)],
    ['id not kebab-case', (u) => (u.facts[0].id = 'F Total')],
    ['provenance kind unknown', (u) => (u.facts[0].provenance.kind = 'guessed')],
    ['stated without quote', (u) => delete u.facts[0].provenance.quote],
    ['whitespace-only quote', (u) => (u.facts[0].provenance.quote = ' \u3000 ')],
    ['formula op unknown', (u) => (u.facts[10].provenance.formula.op = 'avg')],
    ['formula args empty', (u) => (u.facts[10].provenance.formula.args = [])],
    ['approx unknown', (u) => (u.indicators[0].approx = '大约')],
    ['cumulative not boolean', (u) => (u.indicators[0].cumulative = 'no')],
    ['decimals negative', (u) => (u.measures[4].decimals = -1)],
    ['stat unknown', (u) => (u.measures[7].stat = 'delta')],
    ['currency 元', (u) => (u.currency = '元')],
    ['source date malformed', (u) => (u.source.date = '2023/07/25')],
    ['knownIssue kind unknown', (u) => u.knownIssues.push({ id: 'k', explains: [], records: [], kind: 'typo', title: 't', explanation: 'e' })],
    ['knownIssue explains malformed', (u) => u.knownIssues.push({ id: 'k', explains: ['Bad Key'], records: [], kind: 'wording', title: 't', explanation: 'e' })],
    ['measures missing', (u) => delete u.measures],
    ['facts missing', (u) => delete u.facts],
  ];
  it.each(unitStructural)('both reject a unit-year file with %s', (_name, mutate) => {
    const u = looseUnit();
    mutate(u);
    expect(generated.unitYear(u)).toBe(false);
    expect(validateUnitYear(u, 'u', ctx()).errors.length).toBeGreaterThan(0);
  });

  const unitSemantic: Array<[string, (u: any) => void]> = [
    ['a negative amount', (u) => (u.facts[0].amount = -1)],
    ['an amount of 1e308', (u) => (u.facts[0].amount = 1e308)],
    ['a negative headcount', (u) => (u.measures[1].value = -1)],
    ['a fractional stated count', (u) => (u.indicators[0].value = 1.5)],
    ['a duplicate id', (u) => (u.indicators[1].id = 'i-cases')],
    ['a dangling parent', (u) => (u.measures[2].parent = 'm-nope')],
    ['a dangling formula reference', (u) => (u.facts[10].provenance.formula.args = ['f-nope'])],
    ['a formula with the wrong arity', (u) => (u.facts[10].provenance.formula = { op: 'div', args: ['f-total'] })],
    ['a code not in the tree', (u) => (u.facts[3].functional = '2010399')],
    ['an unknown role', (u) => (u.measures[0].role = 'staff.size')],
    ['a change without base', (u) => delete u.measures[7].base],
    ['a date 2023-13-45', (u) => (u.source.date = '2023-13-45')],
    ['an unknown group', (u) => (u.measures[0].group = 'nope')],
    ['source.file outside the data folder', (u) => (u.source.file = '../secret.txt')],
    ['source.file on another host', (u) => (u.source.file = '//evil.example/x.txt')],
    ['an explains key of no rule', (u) => u.knownIssues.push({ id: 'k', explains: ['no-rule'], records: [], kind: 'wording', title: 't', explanation: 'e' })],
    ['a derived cycle', (u) => {
      u.facts[10].provenance.formula = { op: 'sum', args: ['f-econ-302'] };
      u.facts[11].provenance.formula = { op: 'sum', args: ['f-econ-301'] };
    }],
  ];
  it.each(unitSemantic)('the schema accepts, the semantic checks reject %s', (_name, mutate) => {
    const u = looseUnit();
    mutate(u);
    expect(generated.unitYear(u), JSON.stringify(generated.unitYear.errors)).toBe(true);
    expect(validateUnitYear(u, 'u', ctx()).errors.length).toBe(1);
  });

  const treeMutations: Array<[string, (t: any) => void, boolean]> = [
    ['level 4', (t) => (t.nodes[0].level = 4), true],
    ['code with letters', (t) => (t.nodes[0].code = '20A'), true],
    ['missing name', (t) => delete t.nodes[0].name, true],
    ['unknown tree id', (t) => (t.id = 'other'), true],
    ['no nodes', (t) => (t.nodes = []), true],
    ['a duplicate code', (t) => t.nodes.push({ ...t.nodes[2] }), false],
    ['a missing parent', (t) => (t.nodes[1].parent = '209'), false],
    ['a level that does not follow the parent', (t) => (t.nodes[2].level = 2), false],
  ];
  it.each(treeMutations)('a classification with %s is rejected (by the schema: %s)', (_name, mutate, bySchema) => {
    const t = goodFunctional() as any;
    mutate(t);
    expect(generated.classification(t)).toBe(!bySchema);
    expect(validateClassification(t, 'c').errors.length).toBeGreaterThan(0);
  });

  const indexMutations: Array<[string, (i: any) => void, boolean]> = [
    ['unit id with capitals', (i) => (i.units[0].id = 'Demo'), true],
    ['group domain unknown', (i) => (i.groups[0].domain = 'x'), true],
    ['missing classifications', (i) => delete i.classifications, true],
    ['year as string', (i) => (i.units[0].years[0].year = '2022'), true],
    ['an encoded-dot path', (i) => (i.units[0].years[0].file = '%2e%2e/x.json'), false],
    ['a duplicate year', (i) => i.units[0].years.push({ ...i.units[0].years[0] }), false],
  ];
  it.each(indexMutations)('an index with %s is rejected (by the schema: %s)', (_name, mutate, bySchema) => {
    const i = goodIndex() as any;
    mutate(i);
    expect(generated.index(i)).toBe(!bySchema);
    expect(validateIndex(i, 'i').errors.length).toBeGreaterThan(0);
  });
});
