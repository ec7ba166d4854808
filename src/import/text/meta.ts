/**
 * What the document says about itself: its year (from the title or the first headings:
 * "2022年部门整体支出绩效自评报告", "第二部分 2022年度单位决算情况说明"), its kind (which
 * template), its title and the date it was signed ("2023年7月25日" at the end).
 */
import { SOURCE_KINDS } from '../../model/vocabulary';
import type { Line } from './sections';

export type SourceKind = (typeof SOURCE_KINDS)[number];

const YEAR_TITLE = /(?<![较比与同和至自从])((?:19|20)\d{2})\s*年(?:度)?[^。\n]{0,30}?(?:决算|绩效|预算|报告|情况说明|自评)/;

/** A line that reads as a title or heading: short, no sentence punctuation. */
const titleLike = (l: Line) => l.kind === 'title' || l.kind === 'heading' || (l.folded.trim().length <= 60 && !/[。,;]/.test(l.folded));

/**
 * The report year, from the title or a heading ("2022年部门整体支出绩效自评报告", "第二部分
 * 2022年度单位决算情况说明"), or null: a year printed in the body ("较2020年度决算数") is never the
 * report's year by itself, so an excerpt without its title asks for --year.
 */
export function reportYear(lines: Line[]): { year: number; line: number } | null {
  const content = lines.filter((l) => l.kind !== 'skip');
  for (const l of content.filter(titleLike)) {
    const m = YEAR_TITLE.exec(l.folded);
    if (m) return { year: Number(m[1]), line: l.no };
  }
  return null;
}

/** Which template the text follows. */
export function sourceKind(text: string): SourceKind {
  if (/整体支出绩效/.test(text)) return '部门整体支出绩效自评';
  if (/单位决算/.test(text)) return '单位决算';
  if (/部门决算/.test(text)) return '部门决算';
  if (/部门预算|预算公开/.test(text)) return '部门预算';
  return '其他';
}

/** The title line, else the first top-level heading. */
export function titleOf(lines: Line[]): string | null {
  const t = lines.find((l) => l.kind === 'title') ?? lines.find((l) => l.kind === 'heading');
  return t ? t.text.trim() : null;
}

/** The signing date near the end of the text (YYYY-MM-DD), when it is a real date. */
export function signedDate(lines: Line[]): string | null {
  const tail = lines.filter((l) => l.kind !== 'skip').slice(-8).reverse();
  for (const l of tail) {
    const m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(l.folded);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d)
      return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}
