/**
 * Properties of the shipped set of real units that the region view and the citations rely on,
 * checked over every unit in Node (the browser tests open only a sample of units): every unit is
 * placed in a named region, at least one region is large enough to compare, every unit-year cites a
 * page no other unit-year cites, says what its page did not hold, and every record corrected or
 * placed by hand says so and quotes the page. A unit with several years has one report per year.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, index } from '../real-data';

const root = resolve(__dirname, '../../../data');
const source = (file: string) => readFileSync(resolve(root, file), 'utf8');

describe('the shipped real units', () => {
  it('every unit is placed in a named region, and one region has at least 8 units to compare', () => {
    for (const u of index.units) {
      expect(u.region, u.id).not.toBe('');
      expect(u.region, u.id).not.toBe('未填写');
    }
    const sizes = new Map<string, number>();
    for (const u of index.units) sizes.set(u.region, (sizes.get(u.region) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBeGreaterThanOrEqual(8);
  });

  it('every unit-year states at least one figure and keeps its source text', () => {
    for (const f of files) {
      expect(f.facts.length + f.measures.length, `${f.unit} ${f.reportYear}`).toBeGreaterThan(0);
      expect(existsSync(resolve(root, f.source.file)), f.source.file).toBe(true);
      expect(source(f.source.file).trim().length, f.source.file).toBeGreaterThan(0);
    }
  });

  it('no two unit-years cite the same page, and a cited page is an http(s) address', () => {
    const cited = files.filter((f) => f.source.url).map((f) => f.source.url!);
    for (const url of cited) expect(url).toMatch(/^https?:\/\/\S+$/);
    expect(new Set(cited).size).toBe(cited.length);
  });

  it('a unit with several years has one report of each year, each citing its own page', () => {
    const multi = index.units.filter((u) => u.years.length >= 2);
    // 重庆市綦江区公路事务中心: its 2020 and 2023 reports (the year-on-year views need a real unit with two).
    expect(multi.map((u) => u.id)).toContain('qijiang-gonglu-zx');
    for (const u of multi) {
      const own = files.filter((f) => f.unit === u.id);
      expect(own.map((f) => f.reportYear).sort(), u.id).toEqual(u.years.map((y) => y.year).sort());
      expect(new Set(own.map((f) => f.source.file)).size, u.id).toBe(own.length);
      expect(new Set(own.map((f) => f.source.url)).size, u.id).toBe(own.length);
      for (const f of own) expect(f.source.title, `${u.id} ${f.reportYear}`).toContain(String(f.reportYear));
    }
  });

  it('a unit-year imported from a page excerpt says how far the excerpt goes', () => {
    for (const f of files.filter((x) => x.source.url && source(x.source.file).length < 4000)) {
      expect(f.gaps?.length ?? 0, `${f.unit} ${f.reportYear}`).toBeGreaterThan(0);
    }
  });

  it('every record corrected or placed by hand says so and quotes words of its page', () => {
    let hand = 0;
    for (const f of files) {
      const text = source(f.source.file);
      for (const r of [...f.facts, ...f.measures]) {
        if (!r.note?.startsWith('人工')) continue;
        hand++;
        expect(r.provenance.kind, r.id).toBe('stated');
        const quote = (r.provenance as { quote: string }).quote;
        expect(text.replace(/\s+/g, ''), `${f.unit} ${r.id}`).toContain(quote.replace(/\s+/g, ''));
      }
    }
    // The corrections are few: most of the data is the importer's own reading.
    expect(hand).toBeGreaterThan(0);
    expect(hand).toBeLessThan(files.length);
  });
});
