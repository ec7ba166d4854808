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
import { fromArrow } from 'arquero';
import type { DataError, RuleResult } from '../model/types';

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

/**
 * What each Arrow partition must hold: its columns and the kind of value in each. The build writes
 * exactly these columns (scripts/compile-data.ts) and the page checks every partition it reads
 * against them, so a file that is another partition (a roll-up copied over a summary), or a stale
 * or damaged one, is refused with a message naming it instead of giving the view empty or wrong
 * figures. `number?` may be null (a figure the report does not give).
 */
type ColumnKind = 'text' | 'text?' | 'number' | 'number?' | 'flag';
const PARTITION_SCHEMAS = {
  summary: {
    label: '地区单位汇总分区',
    columns: {
      unit: 'text', name: 'text', region: 'text', year: 'number',
      total: 'number?', totalStated: 'flag', prev: 'number?', basic: 'number?', project: 'number?',
      incomeTotal: 'number?', income: 'text', sangong: 'number?', sangongBudget: 'number?', sangongBudgetPhase: 'text?', sangongItems: 'text',
      staff: 'number?', quota: 'number?', operating: 'number?', reports: 'number',
    },
  },
  rollup: {
    label: '地区合计分区',
    columns: { region: 'text', year: 'number', dim: 'text', code: 'text', amount: 'number', units: 'number', stated: 'number' },
  },
} as const satisfies Record<string, { label: string; columns: Record<string, ColumnKind> }>;
export type PartitionKind = keyof typeof PARTITION_SCHEMAS;

/** The column names of a partition kind, in the order the build writes them. */
export const partitionColumns = (kind: PartitionKind): string[] => Object.keys(PARTITION_SCHEMAS[kind].columns);

function fits(kind: ColumnKind, v: unknown): boolean {
  if (kind === 'text') return typeof v === 'string';
  if (kind === 'text?') return v === null || typeof v === 'string';
  if (kind === 'flag') return typeof v === 'boolean';
  if (v === null && kind === 'number?') return true;
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Why `columns` and `rows` are not a partition of `kind` (missing or unexpected columns, or the first
 * value of the wrong kind, by row and column), or null when they are.
 */
export function partitionProblem(kind: PartitionKind, columns: readonly string[], rows: readonly Record<string, unknown>[]): string | null {
  const schema = PARTITION_SCHEMAS[kind];
  const want = partitionColumns(kind);
  const missing = want.filter((c) => !columns.includes(c));
  const extra = columns.filter((c) => !want.includes(c));
  if (missing.length || extra.length) {
    const parts = [missing.length && `缺少列 ${missing.join('、')}`, extra.length && `多出列 ${extra.join('、')}`].filter(Boolean);
    return `不是${schema.label}（${parts.join('；')}）`;
  }
  for (let i = 0; i < rows.length; i++) {
    for (const [c, k] of Object.entries(schema.columns) as [string, ColumnKind][]) {
      const v = rows[i][c];
      if (!fits(k, v)) return `第 ${i + 1} 行 ${c} 应为${k === 'text' || k === 'text?' ? '文本' : k === 'flag' ? '是/否' : '数值'}，实为 ${JSON.stringify(v) ?? String(v)}`;
    }
  }
  return null;
}

/**
 * A partition's rows from its Arrow bytes, or an error naming the file (`data/<path>`) when the
 * bytes are not Arrow or not a partition of `kind`.
 */
export function readPartition<T>(kind: PartitionKind, path: string, bytes: Uint8Array): { rows: T[] } | { error: DataError } {
  const file = `data/${path}`;
  const fail = (why: string) => ({ error: { file, record: '', field: '', message: `${file}：${why}` } });
  let table;
  try {
    table = fromArrow(bytes);
  } catch (e) {
    return fail(`无法读取（${e instanceof Error ? e.message : String(e)}）`);
  }
  const rows = table.objects() as Record<string, unknown>[];
  const problem = partitionProblem(kind, table.columnNames(), rows);
  return problem ? fail(problem) : { rows: rows as T[] };
}
