/**
 * What a person types before an import — unit id, unit name, year, publication date — checked
 * once for the CLI (scripts/import.ts) and the page (#/import), and where the imported file's
 * source copy lives under the data root. Each check returns the sentence to show, or null.
 */
import type { ClassificationFile, ClassNode } from '../model/types';
import { isRealDate } from '../data/semantic';
import type { ImportResult } from './types';

/** Largest input read at all (workbooks may be bigger than texts; each importer has its own limit). */
export const MAX_INPUT_BYTES = 40 * 1024 * 1024;

/** A unit id: lower-case ASCII words joined by hyphens (it becomes a folder and a link). */
export const UNIT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** Longest unit name or region a person may type (a real one is far shorter). */
export const MAX_NAME_CHARS = 100;

/** `text` as a message quotes it: at most 20 characters. */
const quoted = (text: string) => `“${text.length > 20 ? `${text.slice(0, 20)}…` : text}”`;

/**
 * Why a name typed by a person (`what`: 单位名称, 地区) cannot go into index.json as it is: empty,
 * longer than MAX_NAME_CHARS, or carrying markup or control characters, which no unit's or
 * region's name has (the page shows data strings as text either way; this stops a pasted
 * fragment of a web page from becoming the name).
 */
function nameTextProblem(text: string, what: string): string | null {
  const n = text.trim();
  if (n === '') return `缺少${what}`;
  if (n.length > MAX_NAME_CHARS) return `${what}有 ${n.length} 个字，超过 ${MAX_NAME_CHARS} 字：请只填${what}本身`;
  // eslint-disable-next-line no-control-regex
  if (/[<>\u0000-\u001f\u007f]/.test(n)) return `${what}${quoted(n)}含有 < > 或控制字符：请只填${what}本身`;
  return null;
}

/** Why `id` cannot be a unit id, or null. */
export function unitIdProblem(id: string): string | null {
  if (id === '') return '缺少单位 id';
  return UNIT_ID.test(id) ? null : `单位 id“${id}”格式不对：只能用小写字母、数字和连字符，如 city-finance`;
}

/** Why `name` cannot be a unit's name, or null. */
export function unitNameProblem(name: string): string | null {
  return nameTextProblem(name, '单位名称');
}

/** Why `region` (地区, e.g. 湖南省长沙市宁乡市) cannot be a unit's region, or null. */
export function regionProblem(region: string): string | null {
  return nameTextProblem(region, '地区');
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

/** Why `date` is not a real date written YYYY-MM-DD (the check check:data applies to source.date), or null. */
export function dateProblem(date: string, label: string): string | null {
  return isRealDate(date) ? null : `${label} 应为真实的日期 YYYY-MM-DD（如 2023-07-25），这里是${quoted(date)}`;
}

/** What a person typed for an import, as typed (the CLI's arguments, the page's form). */
export interface ImportArguments {
  unit: string;
  name: string;
  year?: string;
  region?: string;
  date?: string;
}

/**
 * The one check of an import's arguments, before any file is read: each value is checked as
 * check:data checks what it becomes (the unit id's format, a four-digit year in range, a real
 * publication date) and the names as a person's input (length, no markup). `labels` names the
 * fields in the messages (the CLI's options by default). The first problem, or null.
 */
export function importArgumentsProblem(a: ImportArguments, labels: Record<'year' | 'date', string> = { year: '--year', date: '--date' }): string | null {
  const year = a.year === undefined ? null : parseYear(a.year, labels.year);
  return (
    unitIdProblem(a.unit) ??
    unitNameProblem(a.name) ??
    (year && 'problem' in year ? year.problem : null) ??
    (a.region === undefined ? null : regionProblem(a.region)) ??
    (a.date === undefined ? null : dateProblem(a.date, labels.date))
  );
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
