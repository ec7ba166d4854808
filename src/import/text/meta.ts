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

/**
 * "决算数与预算数持平的主要原因是预算数为按规定程序调整后的全年预算数": the report says that its
 * budget figures are the budgets as adjusted during the year, so a bare "预算" in it is the 调整预算,
 * not the 年初预算 it means elsewhere.
 */
const ADJUSTED_BUDGETS = /预算数?(?:为|是|系|均为|指)(?:按(?:照)?(?:规定)?程序)?调整(?:后|以后)的?(?:全年)?预算(?:数)?/;
export function budgetsAdjusted(lines: Line[]): boolean {
  return lines.some((l) => l.kind === 'body' && ADJUSTED_BUDGETS.test(l.folded));
}

/**
 * An outturn set against the year's own budget ("比年初预算增加1317.14万元", "低于预算数的主要原因"):
 * only an account does that. A budget compares with an earlier budget, and names its year
 * ("比上年年初预算减少", "比2023年预算数减少", "与2023年预算相比"), which this does not match.
 */
const AGAINST_OWN_BUDGET = /(?:比|较)(?:年初|全年|调整后?)?预算数?(?:增加|减少|增长|下降|节约|超支|多|少)|(?:低于|高于|超过|超出|小于|大于)(?:年初|全年|调整后?)?预算数?/;

/**
 * A budget, not an account: the text names itself a 预算 ("部门预算", "2024年预算…支出预算安排情况
 * 如下") and nowhere speaks of a 决算, of execution, of a self-evaluation or of its figures against
 * the year's budget. Its figures are the year's budgets: read as 决算 they would be wrong figures
 * on the page.
 */
export function budgetDocument(lines: Line[], kind: SourceKind): boolean {
  // A 决算 or 绩效自评 by its title or headings is never a budget, whatever its excerpt holds.
  if (kind !== '部门预算' && kind !== '其他') return false;
  const text = lines.filter((l) => l.kind !== 'skip').map((l) => l.folded).join('\n');
  if (/决算|执行情况|执行数|实际(?:支出|完成|执行)|自评|绩效评价/.test(text)) return false;
  if (AGAINST_OWN_BUDGET.test(text)) return false;
  return kind === '部门预算' || /预算(?:安排|公开)|(?:部门|单位)预算|预算(?:情况)?说明|(?:支出|收入|收支|采购)(?:总)?预算|预算拨款/.test(text);
}
