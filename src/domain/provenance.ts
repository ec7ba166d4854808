/**
 * Look-ups behind "where does this figure come from": any record by id, and the
 * reconciliation checks a record takes part in.
 */
import type { Fact, Indicator, KnownIssue, Provenance, RuleResult, UnitYearFile } from '../model/types';

export type AnyRecord = { kind: 'fact'; record: Fact } | { kind: 'measure' | 'indicator'; record: Indicator };

/** id → record for one unit-year file. */
export function recordIndex(file: UnitYearFile): Map<string, AnyRecord> {
  const map = new Map<string, AnyRecord>();
  for (const record of file.facts) map.set(record.id, { kind: 'fact', record });
  for (const record of file.measures) map.set(record.id, { kind: 'measure', record });
  for (const record of file.indicators) map.set(record.id, { kind: 'indicator', record });
  return map;
}

/** Checks that did not pass (fail or known) and involve any of the given records. */
export function checksInvolving(ids: string[], results: RuleResult[]): RuleResult[] {
  const set = new Set(ids);
  return results.filter((r) => r.status !== 'pass' && r.records.some((id) => set.has(id)));
}

/** The known issue a result points to, if any. */
export function knownIssueOf(result: RuleResult, file: UnitYearFile | undefined): KnownIssue | undefined {
  return result.knownIssue ? file?.knownIssues.find((k) => k.id === result.knownIssue) : undefined;
}

/** One-line summary of a provenance for tables, CSV and tooltips. */
export function provenanceSummary(p: Provenance): string {
  if (p.kind === 'stated') return `报告原文（${p.section}）：“${p.quote}”`;
  if (p.kind === 'derived') return `推算：${p.text}`;
  return `推定：${p.rule}`;
}

export const PROVENANCE_LABEL: Record<Provenance['kind'], string> = {
  stated: '报告原文',
  derived: '推算',
  inferred: '推定',
};

/** Every record of a unit's files (all its reports), by id: what provenance lines name. */
export function recordsOf(files: readonly UnitYearFile[]): Map<string, AnyRecord> {
  const map = new Map<string, AnyRecord>();
  for (const f of files) for (const [k, v] of recordIndex(f)) map.set(k, v);
  return map;
}

/** One-line provenance of a figure made of the given records (for tooltips and CSV). */
export function sourceLine(ids: readonly string[], records: ReadonlyMap<string, AnyRecord>): string {
  if (!ids.length) return '';
  if (ids.length === 1) {
    const r = records.get(ids[0]);
    return r ? provenanceSummary(r.record.provenance) : ids[0];
  }
  const labels = ids.map((id) => records.get(id)?.record.label ?? id);
  return `${ids.length} 条数据相加：${labels.slice(0, 6).join('、')}${labels.length > 6 ? '等' : ''}`;
}

/** Where a shown figure comes from: the records behind it and, when computed, how. */
export interface SourceRef {
  ids: string[];
  computed?: string;
  /** What the figure is (the Source button's accessible name). */
  label: string;
}
