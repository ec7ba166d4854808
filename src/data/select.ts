/**
 * Which report states a fact year: "year" means the fact year everywhere, and the report citing it
 * is looked up here.
 */
import type { UnitYearResult } from './load';

const hasYear = (uy: UnitYearResult, year: number) =>
  !!uy.value && [uy.value.facts, uy.value.measures, uy.value.indicators].some((list) => list.some((r) => r.year === year));

/**
 * The loaded report that states fact year `year` for `unit`: that year's own report when it was
 * loaded (with any records), else the latest report holding records of that year (a 2023 report
 * restates 2022 as its 上年), else undefined.
 */
export function reportFor(unitYears: readonly UnitYearResult[], unit: string, year: number): UnitYearResult | undefined {
  const mine = unitYears.filter((u) => u.unit === unit && u.listed !== false && u.value);
  const own = mine.find((u) => u.year === year && hasYear(u, year));
  if (own) return own;
  return mine.filter((u) => hasYear(u, year)).sort((a, b) => b.year - a.year)[0];
}

/** The fact years with any record (fact, measure or indicator) for `unit`, latest first. */
export function yearsOf(unitYears: readonly UnitYearResult[], unit: string): number[] {
  const years = new Set<number>();
  for (const u of unitYears) {
    if (u.unit !== unit || !u.value || u.listed === false) continue;
    for (const list of [u.value.facts, u.value.measures, u.value.indicators]) for (const r of list) years.add(r.year);
  }
  return [...years].sort((a, b) => b - a);
}
