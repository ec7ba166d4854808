/**
 * What a person types before an import — unit id, unit name, year, publication date — checked
 * once for the CLI (scripts/import.ts) and the page (#/import), and where the imported file's
 * source copy lives under the data root. Each check returns the sentence to show, or null.
 */
import type { ClassificationFile, ClassNode } from '../model/types';
import type { ImportResult } from './types';

/** Largest input read at all (workbooks may be bigger than texts; each importer has its own limit). */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;

/** A unit id: lower-case ASCII words joined by hyphens (it becomes a folder and a link). */
export const UNIT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Why `id` cannot be a unit id, or null. */
export function unitIdProblem(id: string): string | null {
  if (id === '') return '缺少单位 id';
  return UNIT_ID.test(id) ? null : `单位 id“${id}”格式不对：只能用小写字母、数字和连字符，如 city-finance`;
}

/** Why `name` cannot be a unit's name, or null. */
export function unitNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === '') return '缺少单位名称';
  if (n.length > 100) return `单位名称有 ${n.length} 个字，超过 100 字：请只填单位的正式名称`;
  return null;
}

/**
 * A year as typed (`label` names the field in the message: "--year" for the CLI, "年度" for
 * the page): a four-digit year in range, or the problem.
 */
export function parseYear(text: string, label: string): { year: number } | { problem: string } {
  const t = text.trim();
  if (!/^\d{4}$/.test(t) || Number(t) < MIN_YEAR || Number(t) > MAX_YEAR) return { problem: `${label} 应为四位年份（${MIN_YEAR}–${MAX_YEAR}），这里是“${text}”` };
  return { year: Number(t) };
}

/** Why `date` is not YYYY-MM-DD, or null. */
export function dateProblem(date: string, label: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? null : `${label} 应为 YYYY-MM-DD，这里是“${date}”`;
}

/**
 * Where an imported unit-year's source copy lives, relative to the data root: the decoded text
 * (what the quote checks read) when the importer gives one, else the file as it came. `original`
 * is the workbook itself, kept beside its text rendering.
 */
export function sourcePaths(unit: string, year: number, format: 'text' | 'tables', fileName: string, result: Pick<ImportResult, 'sourceText'>): { sourceFile: string; original: string | null } {
  const ext = /\.[^./\\]+$/.exec(fileName.toLowerCase())?.[0] ?? '';
  const text = format === 'text' ? `sources/${unit}-${year}.txt` : `sources/${unit}-${year}-tables.txt`;
  return {
    sourceFile: result.sourceText !== undefined ? text : `sources/${unit}-${year}${ext}`,
    original: format === 'tables' ? `sources/${unit}-${year}${ext}` : null,
  };
}

/** The tree with the importer's new codes added (kept in code order), or null when it has them all. */
export function withNodes(tree: ClassificationFile, nodes: readonly ClassNode[]): ClassificationFile | null {
  const have = new Set(tree.nodes.map((n) => n.code));
  const add = nodes.filter((n) => !have.has(n.code));
  if (add.length === 0) return null;
  return { ...tree, nodes: [...tree.nodes, ...add].sort((a, b) => a.code.localeCompare(b.code)) };
}
