import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { salvage } from '../../src/data/salvage';
import { validateClassification, validateUnitYear } from '../../src/data/validate';
import type { DataIndex, UnitYearFile } from '../../src/model/types';
import { checkUnitYear } from '../../src/data/load';

// The shipped data: a broken part of it must not take the other parts down.
const read = (p: string) => JSON.parse(readFileSync(new URL(`../../data/${p}`, import.meta.url), 'utf8'));
const functional = validateClassification(read('classifications/functional.json'), 'f').value!;
const economic = validateClassification(read('classifications/economic.json'), 'e').value!;
const file = 'data/units/ningxiang-drc/2022.json';
const index = read('index.json') as DataIndex;
const ctx = { functional, economic, unit: 'ningxiang-drc', year: 2022 };
const good = (): UnitYearFile => read('units/ningxiang-drc/2022.json');
const load = (json: unknown) => {
  const v = validateUnitYear(json, file, ctx);
  return v.value ? { value: v.value, broken: [] as string[], errors: v.errors } : { ...salvage(json, v.errors, (j) => validateUnitYear(j, file, ctx).errors), errors: v.errors };
};

describe('salvaging a partly broken unit-year file', () => {
  it('keeps everything when nothing is broken', () => {
    const r = load(good());
    expect(r.broken).toEqual([]);
    expect(r.value?.facts.length).toBeGreaterThan(30);
  });

  it('drops only the operational indicators when one indicator is bad', () => {
    const json = good();
    (json.indicators[0] as unknown as Record<string, unknown>).value = 'many';
    const r = load(json);
    expect(r.errors[0]).toMatchObject({ section: 'indicators', field: 'value', record: json.indicators[0].id });
    // Known issues that cite indicator records cannot stand without them, so they go too.
    expect(r.broken).toEqual(['indicators', 'knownIssues']);
    expect(r.value?.indicators).toEqual([]);
    expect(r.value?.facts.length).toBe(good().facts.length);
    expect(r.value?.measures.length).toBe(good().measures.length);
  });

  it('keeps the indicators when the money facts are broken', () => {
    const json = good();
    (json.facts[0] as unknown as Record<string, unknown>).amount = -1;
    const r = load(json);
    expect(r.broken).toContain('facts');
    expect(r.value?.facts).toEqual([]);
    expect(r.value?.indicators.length).toBe(good().indicators.length);
  });

  it("keeps this year's facts when a measure that last year's derived facts cite is bad", () => {
    const json = good();
    // A stated change (e.g. 行政运行 较2021年增加) from which a 2021 fact is derived.
    const cited = json.facts.flatMap((f) => (f.provenance.kind === 'derived' ? JSON.stringify(f.provenance.formula).match(/"m-[^"]+"/g) ?? [] : []));
    const id = JSON.parse(cited[0]) as string;
    const m = json.measures.find((x) => x.id === id)!;
    (m as unknown as Record<string, unknown>).value = 'five';
    const r = load(json);
    expect(r.errors[0]).toMatchObject({ section: 'measures', record: id, field: 'value' });
    expect(r.broken).toContain('measures');
    expect(r.broken).toContain('facts:2021');
    expect(r.broken).not.toContain('facts');
    // Every 2022 fact stays; no 2021 fact stays (a year is kept whole or not at all).
    expect(r.value?.facts.filter((f) => f.year === 2022).length).toBe(good().facts.filter((f) => f.year === 2022).length);
    expect(r.value?.facts.some((f) => f.year === 2021)).toBe(false);
    expect(r.value?.indicators.length).toBe(good().indicators.length);
  });

  it.each(index.units.flatMap((u) => u.years.map((y) => [u.id, y.year, y.file] as const)))(
    '%s %s: one bad indicator or measure drops its list (and what cites it), never the facts of the other year',
    (unit, year, path) => {
      const ctx2 = { functional, economic, unit, year, groups: (index.groups ?? []).map((g) => g.id) };
      const json = read(path) as UnitYearFile;
      expect(checkUnitYear(json, `data/${path}`, ctx2).broken).toEqual([]);
      const list = json.indicators.length ? 'indicators' : 'measures';
      (json[list][0] as unknown as Record<string, unknown>).value = 'many';
      const r = checkUnitYear(json, `data/${path}`, ctx2);
      expect(r.errors[0]).toMatchObject({ section: list, field: 'value' });
      expect(r.broken).toContain(list);
      expect(r.broken).not.toContain('facts');
      // A report whose own year has a fact derived from a figure of the dropped list (本年收入合计 =
      // 收入总计 − 年初结转和结余) loses that year whole, by the rule above; any other keeps every fact of its year.
      const prefix = list === 'measures' ? '"m-' : '"i-';
      const derivedFromList = json.facts.some((f) => f.year === year && f.provenance.kind === 'derived' && (JSON.stringify(f.provenance.formula).match(/"[a-z]-[^"]+"/g) ?? []).some((s) => s.startsWith(prefix)));
      if (derivedFromList) expect(r.broken).toContain(`facts:${year}`);
      else expect(r.value?.facts.filter((f) => f.year === year).length).toBe((read(path) as UnitYearFile).facts.filter((f) => f.year === year).length);
    },
  );

  it('loses the whole file when its header is broken', () => {
    const json = good() as unknown as Record<string, unknown>;
    json.currency = '元';
    const r = load(json);
    expect(r.value).toBeUndefined();
    expect(r.broken).toEqual(['all']);
  });
});
