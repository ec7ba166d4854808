/**
 * The hand-written validator mirrors data/schema/*.schema.json. ajv (tests only, never bundled)
 * checks the shipped data against the schemas, and both validators must agree on the fixtures:
 * the good fixture passes both, and each structural mutation is rejected by both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { validateClassification, validateIndex, validateUnitYear } from '../../../src/data/validate';
import { goodEconomic, goodFunctional, goodIndex, looseUnit, repoRoot } from './fixtures';

const schemaDir = resolve(repoRoot, 'data/schema');
const hasSchemas = ['index', 'classification', 'unit-year'].every((n) => existsSync(resolve(schemaDir, `${n}.schema.json`)));
const load = (p: string) => JSON.parse(readFileSync(resolve(repoRoot, p), 'utf8'));

describe.skipIf(!hasSchemas)('JSON Schema agreement', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const schema = {
    index: ajv.compile(load('data/schema/index.schema.json')),
    classification: ajv.compile(load('data/schema/classification.schema.json')),
    unitYear: ajv.compile(load('data/schema/unit-year.schema.json')),
  };

  it('the shipped data matches the schemas', () => {
    const index = load('data/index.json');
    expect(schema.index(index), JSON.stringify(schema.index.errors)).toBe(true);
    for (const rel of Object.values(index.classifications) as string[]) {
      expect(schema.classification(load(`data/${rel}`)), JSON.stringify(schema.classification.errors)).toBe(true);
    }
    for (const u of index.units) for (const y of u.years) {
      expect(schema.unitYear(load(`data/${y.file}`)), JSON.stringify(schema.unitYear.errors)).toBe(true);
    }
  });

  it('both accept the good fixture', () => {
    expect(schema.index(goodIndex())).toBe(true);
    expect(schema.classification(goodFunctional())).toBe(true);
    expect(schema.classification(goodEconomic())).toBe(true);
    expect(schema.unitYear(looseUnit())).toBe(true);
    expect(validateIndex(goodIndex(), 'i').errors).toEqual([]);
    expect(validateUnitYear(looseUnit(), 'u').errors).toEqual([]);
  });

  // Structural mutations the schema can express; semantic checks (unique ids, tree membership,
  // references, non-negative amounts) are the hand validator's alone.
  const unitMutations: Array<[string, (u: any) => void]> = [
    ['amount as string', (u) => (u.facts[0].amount = '100')],
    ['missing label', (u) => delete u.facts[0].label],
    ['missing basis', (u) => delete u.facts[0].basis],
    ['unknown phase', (u) => (u.facts[0].phase = '执行')],
    ['year not an integer', (u) => (u.facts[0].year = 2022.5)],
    ['year out of range', (u) => (u.reportYear = 1800)],
    ['functional code of 4 digits', (u) => (u.facts[3].functional = '2010')],
    ['economic code of 7 digits', (u) => (u.facts[6].economic = '3010101')],
    ['extra field', (u) => (u.facts[0].ammount = 1)],
    ['id not kebab-case', (u) => (u.facts[0].id = 'F Total')],
    ['provenance kind unknown', (u) => (u.facts[0].provenance.kind = 'guessed')],
    ['stated without quote', (u) => delete u.facts[0].provenance.quote],
    ['formula op unknown', (u) => (u.facts[10].provenance.formula.op = 'avg')],
    ['formula args empty', (u) => (u.facts[10].provenance.formula.args = [])],
    ['approx unknown', (u) => (u.indicators[0].approx = '大约')],
    ['cumulative not boolean', (u) => (u.indicators[0].cumulative = 'no')],
    ['decimals negative', (u) => (u.measures[4].decimals = -1)],
    ['currency 元', (u) => (u.currency = '元')],
    ['source date malformed', (u) => (u.source.date = '2023/07/25')],
    ['knownIssue kind unknown', (u) => u.knownIssues.push({ id: 'k', explains: [], records: [], kind: 'typo', title: 't', explanation: 'e' })],
    ['knownIssue explains malformed', (u) => u.knownIssues.push({ id: 'k', explains: ['Bad Key'], records: [], kind: 'wording', title: 't', explanation: 'e' })],
    ['measures missing', (u) => delete u.measures],
  ];
  it.each(unitMutations)('both reject a unit-year file with %s', (_name, mutate) => {
    const u = looseUnit();
    mutate(u);
    expect(schema.unitYear(u)).toBe(false);
    expect(validateUnitYear(u, 'u').errors.length).toBeGreaterThan(0);
  });

  const treeMutations: Array<[string, (t: any) => void]> = [
    ['level 4', (t) => (t.nodes[0].level = 4)],
    ['code with letters', (t) => (t.nodes[0].code = '20A')],
    ['missing name', (t) => delete t.nodes[0].name],
    ['unknown tree id', (t) => (t.id = 'other')],
  ];
  it.each(treeMutations)('both reject a classification with %s', (_name, mutate) => {
    const t = goodFunctional() as any;
    mutate(t);
    expect(schema.classification(t)).toBe(false);
    expect(validateClassification(t, 'c').errors.length).toBeGreaterThan(0);
  });

  const indexMutations: Array<[string, (i: any) => void]> = [
    ['unit id with capitals', (i) => (i.units[0].id = 'Demo')],
    ['group domain unknown', (i) => (i.groups[0].domain = 'x')],
    ['missing classifications', (i) => delete i.classifications],
    ['year as string', (i) => (i.units[0].years[0].year = '2022')],
  ];
  it.each(indexMutations)('both reject an index with %s', (_name, mutate) => {
    const i = goodIndex() as any;
    mutate(i);
    expect(schema.index(i)).toBe(false);
    expect(validateIndex(i, 'i').errors.length).toBeGreaterThan(0);
  });
});
