/**
 * The compiled form of a data folder, written by the build (scripts/compile-data.ts) under
 * `data/compiled/` beside the data files it was made from, and read by the page:
 *
 *   compiled/manifest.json          fingerprints of index.json and the trees as compiled; per unit
 *                                   its fact years and comparable years (so a link resolves before
 *                                   the unit's files arrive); the regions and their partitions
 *   compiled/units/<unit>.json      per report of the unit: the fingerprint of its file, the rule
 *                                   results and the parts salvage dropped (the page does not rerun
 *                                   the rules on a file whose fingerprint matches)
 *   compiled/regions/r<n>.summary.arrow   the region view's row per unit and fact year (Arrow IPC)
 *   compiled/regions/r<n>.rollup.arrow    that region's roll-up by function and economic class
 *   compiled/rollup.arrow           every region's roll-up and the all-regions one (region "")
 *
 * The unit-year files stay the unit's own partition: the page fetches only those of the units it
 * shows, and the report text they carry (quotes, provenance, measures) is what the views cite.
 * What is compiled is what the page would otherwise recompute: validation, the rules, and every
 * region figure, which without it would need every unit's files.
 */
import type { RuleResult } from '../model/types';

export const COMPILED_FORMAT = 1;
export const MANIFEST_PATH = 'compiled/manifest.json';

interface CompiledUnit {
  /** Fact years with any record, latest first (what data.years(unit) gives once loaded). */
  years: number[];
  /** Years with 决算 spending (all fund sources), ascending (spendingYears). */
  comparable: number[];
  /** Index into `regions`. */
  region: number;
}

interface CompiledRegion {
  region: string;
  units: number;
  summary: string;
  rollup: string;
}

export interface CompiledManifest {
  format: typeof COMPILED_FORMAT;
  /** True when the data folder says it is synthetic (the synthetic generator's marker). */
  synthetic: boolean;
  /** textHash of index.json and of each classification file, as compiled. */
  hashes: Record<string, string>;
  units: Record<string, CompiledUnit>;
  regions: CompiledRegion[];
  /** Path of the roll-up of every region and of all of them (region ""). */
  rollup: string;
  totals: { units: number; files: number; facts: number; pass: number; fail: number; known: number };
}

interface CompiledFile {
  /** Report year the index lists the file under. */
  year: number;
  /** The file's path relative to the data root. */
  file: string;
  hash: string;
  results: RuleResult[];
  broken: string[];
}

export interface UnitPartition {
  format: typeof COMPILED_FORMAT;
  unit: string;
  files: CompiledFile[];
}

/** Where a unit's partition lives (unit ids are `^[a-z0-9-]+$`, so safe as a file name). */
export const unitPartitionPath = (unit: string) => `compiled/units/${unit}.json`;

/** The partition files of region number `i`. */
export const regionPaths = (i: number) => ({ summary: `compiled/regions/r${i}.summary.arrow`, rollup: `compiled/regions/r${i}.rollup.arrow` });

/** A manifest read from JSON, or why it cannot be used (then the page loads the data as is). */
export function checkManifest(json: unknown): { manifest: CompiledManifest } | { problem: string } {
  if (!json || typeof json !== 'object') return { problem: 'not an object' };
  const m = json as Partial<CompiledManifest>;
  if (m.format !== COMPILED_FORMAT) return { problem: `format ${String(m.format)}, expected ${COMPILED_FORMAT}` };
  if (!m.hashes || !m.units || !Array.isArray(m.regions) || typeof m.rollup !== 'string') return { problem: 'fields missing' };
  return { manifest: m as CompiledManifest };
}
