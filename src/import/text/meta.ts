/**
 * What the document says about itself: its year (from the title or the first headings:
 * "2022年部门整体支出绩效自评报告", "第二部分 2022年度单位决算情况说明"), its kind (which
 * template), its title and the date it was signed ("2023年7月25日" at the end).
 */
import { SOURCE_KINDS } from '../../model/vocabulary';
import type { Line } from './sections';

export type SourceKind = (typeof SOURCE_KINDS)[number];

const YEAR_TITLE = /(?<![较比与同和至自从])((?:19|20)\d{2})\s*年(?:度)?[^。\n]{0,30}?(?:决算|绩效|预算|报告|情况说明|自评)/;

/**
 * The lines that can carry the title: titles and headings anywhere, and short lines without
 * sentence punctuation in the document's head (before its first heading). A body line further
 * down is text, even when it has no punctuation: an excerpt cut off mid-sentence ("…纳入2020年度
 * 部门决算编制范围的二级预算单") names no report year.
 */
function titleLines(lines: Line[]): Line[] {
  const content = lines.filter((l) => l.kind !== 'skip');
  const firstHeading = content.findIndex((l) => l.kind === 'heading');
  return content.filter(
    (l, i) => l.kind === 'title' || l.kind === 'heading' || ((firstHeading < 0 || i < firstHeading) && l.folded.trim().length <= 60 && !/[。,;]/.test(l.folded)),
  );
}

/**
 * The report year, from the title or a heading ("2022年部门整体支出绩效自评报告", "第二部分
 * 2022年度单位决算情况说明"), or null: a year printed in the body ("较2020年度决算数") is never the
 * report's year by itself, so an excerpt without its title asks for --year.
 */
export function reportYear(lines: Line[]): { year: number; line: number } | null {
  for (const l of titleLines(lines)) {
    const m = YEAR_TITLE.exec(l.folded);
    if (m) return { year: Number(m[1]), line: l.no };
  }
  return null;
}

/** The genre a title or heading names, most specific first. */
function genreOf(text: string): SourceKind | null {
  if (/整体支出绩效/.test(text)) return '部门整体支出绩效自评';
  // "…服务项目州级补助资金2023年度绩效自评报告", "…专项资金绩效自评价报告": one project's (or one fund's) self-evaluation.
  if (/项目(?:支出)?绩效|项目.{0,20}自评|绩效自评.{0,4}项目|专项资金.{0,6}自评/.test(text)) return '项目支出绩效自评';
  if (/单位决算/.test(text)) return '单位决算';
  if (/部门决算/.test(text)) return '部门决算';
  if (/部门预算|预算公开/.test(text)) return '部门预算';
  return null;
}

/**
 * Which genre the document is: 部门决算 / 单位决算 / 部门整体支出绩效自评 / 项目支出绩效自评 (or
 * 部门预算), from its title, else its headings, else its text.
 */
export function sourceKind(lines: Line[]): SourceKind {
  const content = lines.filter((l) => l.kind !== 'skip');
  const title = titleLine(lines);
  return (
    (title && genreOf(title.folded)) ||
    genreOf(content.filter((l) => l.kind === 'heading' || l.kind === 'title').map((l) => l.folded).join('\n')) ||
    genreOf(content.map((l) => l.folded).join('\n')) ||
    '其他'
  );
}

/**
 * The document's title line: the first short line naming a year and a report ("…2021年度部门决算",
 * "…2024年度项目支出绩效单位自评报告"), else the first title-like line; never a numbered heading
 * such as "一、基本情况".
 */
function titleLine(lines: Line[]): Line | null {
  const numbered = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[、.](?!\d))/;
  const named = titleLines(lines).find((l) => YEAR_TITLE.test(l.folded) && !numbered.test(l.folded.trim()) && l.folded.trim().length >= 8);
  return named ?? null;
}

/** The document's real title (see titleLine), or null when the text does not carry one. */
export function titleOf(lines: Line[]): string | null {
  const t = titleLine(lines);
  return t ? t.text.trim().replace(/\s+/g, ' ') : null;
}

/** The signing date near the end of the text (YYYY-MM-DD), when it is a real date. */
export function signedDate(lines: Line[]): string | null {
  const tail = lines.filter((l) => l.kind !== 'skip').slice(-8).reverse();
  for (const l of tail) {
    // A signature line is short ("2023年7月25日", "某某局 2023年7月25日"); a sentence naming a date is not one.
    if (l.folded.trim().length > 30 || /[。,;]/.test(l.folded)) continue;
    const m = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(l.folded);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d)
      return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}
