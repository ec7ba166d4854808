/**
 * The indicator table of the standard 项目支出绩效自评表 / 部门整体支出绩效自评表, as copied text
 * flattens it:
 *
 *   一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
 *   产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 …
 *
 * or one cell per line between "|" marks. The header fixes the columns (each a fixed set of
 * synonyms, in order). 一级 / 二级 cells are known by their words (产出指标, 数量指标 …), and a
 * "(50分)" on one is that category's weight. A row is the 三级指标 (the indicator's name), its
 * target, its actual value and, when the header has them, its score cells: in a space-flattened
 * text the row ends at its score cells (the last bare numbers before the next words), since an
 * empty cell leaves no trace there; between "|" marks an empty cell is still a cell.
 *
 * Only what a row states whole is read: the target "≥50个" / "≤90万元" / "100%" (value, unit and
 * comparator; phase 年初预算, as the form's 年度指标值 is set with the budget), the actual value
 * (in its own unit, or bare in the target's unit; phase 决算), and the scores (分). A row whose
 * cells cannot be told apart (a name broken over two cells, a reason text before the next name,
 * a number without a unit and no unit in its target) gives no figure from the doubtful cells:
 * their numbers go to review with the row as the quote, never into a neighbouring column.
 */
import type { ReviewItem } from '../types';
import type { Claim } from './claim';
import { fold } from './fold';
import type { Kind } from './numbers';
import type { Line } from './sections';
import type { Target } from './roles';
import type { Phase } from '../../model/vocabulary';
import { COUNT_UNITS } from '../../model/vocabulary';

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A header word, allowing the line breaks and cell marks a copy puts inside it ("一级\n指标"). */
const word = (w: string) => [...w].map(esc).join('[\\s|]*');
const anyOf = (ws: string[]) => `(?:${[...ws].sort((a, b) => b.length - a.length).map(word).join('|')})`;

/** The column words of the header, in the order the form prints them. */
const TARGET_WORDS = ['年度指标值', '全年指标值', '预期指标值', '年初指标值', '计划指标值', '年度目标值', '预期目标值', '指标值', '目标值'];
const ACTUAL_WORDS = ['实际完成值', '全年实际完成值', '全年实际值', '全年完成值', '实际值', '完成值', '实际完成情况', '实施进度'];
const SCORE_WORDS = ['分值', '指标权重', '权重'];
const GOT_WORDS = ['得分', '指标得分', '自评得分', '实际得分'];
const REASON_WORDS = ['偏差原因分析及改进措施', '未完成原因分析及改进措施', '偏差原因分析', '偏差原因', '原因分析及改进措施', '备注'];
/** "(A)", "(B)" after a column title ("全年实际值(B)"). */
const MARK = '(?:[\\s|]*[(][A-Za-z][)])?';
const SEP = '[\\s|]+';
/** "(分)" after a score column's title ("分值(分)"). */
const POINTS = '(?:[\\s|]*[(]分[)])?';
const NAMES = `(?:${word('一级指标')}${SEP})?(?:${word('二级指标')}${SEP})?${word('三级指标')}`;
const VALUES =
  `(?<target>${anyOf(TARGET_WORDS)})${MARK}${SEP}(?<actual>${anyOf(ACTUAL_WORDS)})${MARK}` +
  `(?:${SEP}(?<score>${anyOf(SCORE_WORDS)})${POINTS})?(?:${SEP}(?<got>${anyOf(GOT_WORDS)})${POINTS})?(?:${SEP}(?<reason>${anyOf(REASON_WORDS)}))?`;
/** The header in one row: 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因…. */
const HEADER = new RegExp(`${NAMES}${SEP}${VALUES}`, 'gd');
/**
 * The header in two rows, the target printed in three cells (云南's form): "年度指标值 实际完成值
 * 分值 得分 偏差原因… | 一级指标 二级指标 三级指标 指标性质 指标值 度量单位".
 */
const SPLIT_HEADER = new RegExp(`${VALUES}${SEP}${NAMES}${SEP}${word('指标性质')}${SEP}${word('指标值')}${SEP}${anyOf(['度量单位', '计量单位'])}`, 'gd');

/**
 * 一级 and 二级 indicator cells, by their words (the 项目支出 form's and the 部门整体 / 评价 forms'
 * categories); a category cell may carry its weight "(50分)".
 */
const CATEGORIES = new Set([
  '产出指标', '效益指标', '效果指标', '满意度指标', '项目决策', '项目管理', '项目过程', '项目产出', '项目效益', '决策', '过程', '产出', '效益',
  '数量指标', '质量指标', '时效指标', '成本指标', '经济成本指标', '社会成本指标', '生态环境成本指标',
  '社会效益指标', '经济效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标',
  '项目立项', '绩效目标', '资金投入', '资金管理', '组织实施', '投入管理', '财务管理', '业务管理',
]);
const CATEGORY = /^(.+?)\s*(?:[(]\s*(\d+(?:\.\d+)?)\s*分\s*[)])?$/;
/** A weight printed without its category's words ("(50分)" on a line of its own). */
const LONE_WEIGHT = /^[(]\s*(\d+(?:\.\d+)?)\s*分\s*[)]$/;
/** Cells that hold nothing: an unused "指标2:" slot, "……". */
const FILLER = /^(?:指标\s*\d+\s*:?|…+|\.{3,})$/;
/** The slot a name is printed in ("指标1:完成…"). */
const SLOT = /^指标\s*\d+\s*:\s*/;
/** Cells that mark an empty value. */
const EMPTY = /^(?:[/\\-]|—+|无)$/;
/** The rows after the table: its total, or prose. */
const END = /^(?:总分|合计|总计|自评得分|综合得分)$|[。;]/;
const BARE = /^-?\d+(?:\.\d+)?$/;
/** A score cell: points, never negative. */
const SCORE = /^\d+(?:\.\d+)?$/;

/** Units a target or actual value may carry, with what they are stored as. */
const MONEY: Record<string, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };
const OTHER_UNITS = ['篇', '份', '期', '所', '名', '座', '宗', '本', '册', '门', '周', '天', '小时', '分钟', '学时', '课时', '公里', '千米', '米', '平方米', '亩', '公顷', '吨', '立方米', '万人', '万人次', '分'];
const UNITS = ['%', '百分比', ...Object.keys(MONEY), ...COUNT_UNITS, ...OTHER_UNITS].sort((a, b) => b.length - a.length);
const UNIT = `(?<unit>${UNITS.map(esc).join('|')})?`;
const NUM = '(?<num>-?\\d+(?:\\.\\d+)?)';

type Cmp = '≥' | '≤' | '>' | '<' | '=';
const CMP_WORDS: Array<[RegExp, Cmp]> = [
  [/^(?:≥|>=|≧|大于等于|大于或等于|不低于|不少于|不小于|至少)/, '≥'],
  [/^(?:≤|<=|≦|小于等于|小于或等于|不高于|不超过|不大于|不多于|至多)/, '≤'],
  [/^(?:>|大于|高于|超过|多于)/, '>'],
  [/^(?:<|小于|低于|少于)/, '<'],
  [/^=/, '='],
];
const CMP_AFTER: Array<[RegExp, Cmp]> = [
  [/^(?:及以上|以上)$/, '≥'],
  [/^(?:及以下|以下|以内|内)$/, '≤'],
];
/** "≥50个", "≤90万元", "100%", "95%以上": a comparator, a number and its unit, nothing else. */
const PURE = new RegExp(`^(?<cmp>[^\\d-]*?)\\s*${NUM}\\s*${UNIT}(?<after>[^\\d]*)$`);
/** "已完成100%", "至少全年完成2次宣传": words around one number with its unit. */
const PHRASE = new RegExp(`^(?<before>[^\\d]*?)${NUM}${UNIT}(?<after>[^\\d]*)$`);
/** Words that make a phrase's number something other than the value (a change, a date, an order). */
const NOT_VALUE = /增长|增加|减少|降低|下降|提高|提升|上升|同比|较|比上年|第|前|后|每|\/|工作日/;
const PHRASE_CMP: Array<[RegExp, Cmp]> = [
  [/至少|不少于|不低于|不小于|以上/, '≥'],
  [/不超过|不高于|不大于|以内|以下/, '≤'],
];

interface Value {
  value: number;
  unit: string;
  kind: Kind;
  cmp: Cmp | null;
  printed: string;
  /** The unit as printed ("元", "百分比"): a bare actual value in the same row is in it. */
  printedUnit: string;
  decimals: number;
  note?: string;
}

/**
 * A cell read as a value: its number, unit and comparator; 'bare' for a number without a unit
 * ("50", "≥50"); null when it states no value whole.
 */
export function readValue(cell: string): Value | 'bare' | null {
  const t = fold(cell).trim();
  if (!/\d/.test(t)) return null;
  if (BARE.test(t)) return 'bare';
  let m = PURE.exec(t);
  let cmp: Cmp | null = null;
  if (m?.groups) {
    const before = m.groups.cmp.trim();
    const after = m.groups.after.trim();
    if (before) cmp = CMP_WORDS.find(([re]) => re.test(before) && before.replace(re, '') === '')?.[1] ?? null;
    if (after) cmp = cmp ?? CMP_AFTER.find(([re]) => re.test(after))?.[1] ?? null;
    // Words before or after the number that are not a comparator: read as a phrase below.
    if ((before && !CMP_WORDS.some(([re]) => re.test(before) && before.replace(re, '') === '')) || (after && !CMP_AFTER.some(([re]) => re.test(after)))) m = null;
    else if (!m.groups.unit) return 'bare';
  }
  if (!m) {
    m = PHRASE.exec(t);
    if (!m?.groups || !m.groups.unit || /\s/.test(t) || t.length > 24 || NOT_VALUE.test(t)) return null;
    // A unit that goes on ("个工作日", "元/人") is not the unit read.
    if (/^[\u4e00-\u9fff]/.test(m.groups.after) && COUNT_UNITS.has(m.groups.unit) && /^(?:次|日|天|月|年)/.test(m.groups.after)) return null;
    cmp = PHRASE_CMP.find(([re]) => re.test(t))?.[1] ?? null;
  }
  return valueOf(m.groups!.num, m.groups!.unit!, cmp);
}

/** A number with its printed unit, in the stored unit (money in 万元, 百分比 as %). */
function valueOf(printed: string, unit: string, cmp: Cmp | null): Value | null {
  const raw = Number(printed);
  const decimals = printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0;
  const base = { cmp, printed, printedUnit: unit, decimals };
  if (unit === '%' || unit === '百分比') return { ...base, value: raw, unit: '%', kind: 'percent' };
  const k = MONEY[unit];
  if (k !== undefined) return { ...base, value: Number((raw * k).toPrecision(12)), unit: '万元', kind: 'money', ...(k !== 1 ? { note: `按“${unit}”换算为万元` } : {}) };
  // Counts are whole and not negative (the data format's checks).
  if (raw < 0 || (COUNT_UNITS.has(unit) && !Number.isInteger(raw))) return null;
  return { ...base, value: raw, unit, kind: 'count' };
}

/** How far after its header a table is looked for: a form's indicator table is a few thousand characters. */
const REACH = 50_000;

interface Cell {
  /** The cell's folded words, without spaces or line breaks. */
  text: string;
  start: number;
  end: number;
  /** Between "|" marks with nothing in it (or "/", "-"): a column with no value. */
  empty: boolean;
}

const isCategory = (t: string) => {
  const m = CATEGORY.exec(t);
  return Boolean(m && CATEGORIES.has(m[1]));
};

/** The cells after a space-flattened header: runs of non-space characters, a category broken over lines joined again. */
function spaceCells(folded: string, from: number): Cell[] {
  const raw = [...folded.slice(from, from + REACH).matchAll(/\S+/g)].map((m) => ({ text: m[0], start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length }));
  const out: Cell[] = [];
  for (let i = 0; i < raw.length; i++) {
    // "可持续影 响指标", "服务对象 满意度指标", "满意度指标 (10分)": one category cell.
    let taken = 1;
    for (const n of [3, 2]) {
      const join = raw.slice(i, i + n);
      if (join.length === n && isCategory(join.map((c) => c.text).join(''))) {
        taken = n;
        break;
      }
    }
    const part = raw.slice(i, i + taken);
    const text = part.map((c) => c.text).join('');
    out.push({ text, start: part[0].start, end: part[taken - 1].end, empty: EMPTY.test(text) });
    i += taken - 1;
  }
  return out;
}

/**
 * The cells after a header printed between "|" marks. A line break inside a cell is a break of
 * its words ("社会效益\n指标"), unless the next line starts a category cell.
 */
function pipeCells(folded: string, from: number): Cell[] {
  const out: Cell[] = [];
  let at = from;
  for (const piece of folded.slice(from, from + REACH).split('|')) {
    const pieceStart = at;
    at += piece.length + 1;
    let cur: Cell | null = null;
    let offset = pieceStart;
    for (const line of piece.split('\n')) {
      const lineStart = offset;
      offset += line.length + 1;
      const t = line.trim();
      if (!t) continue;
      const start = lineStart + line.indexOf(t);
      if (cur && !(isCategory(t) && !isCategory(cur.text + t))) {
        cur.text += t.replace(/\s+/g, '');
        cur.end = start + t.length;
      } else {
        cur = { text: t.replace(/\s+/g, ''), start, end: start + t.length, empty: false };
        out.push(cur);
      }
    }
    if (!cur) out.push({ text: '', start: pieceStart, end: pieceStart, empty: true });
  }
  for (const c of out) if (EMPTY.test(c.text)) c.empty = true;
  return out;
}

/** The claims and review items this reader made, each with the number as its row prints it. */
const fromTable = new WeakMap<Claim | ReviewItem, string>();

/**
 * The claims and review items without the sentence reader's readings of a number of a table row
 * this reader read: the same printed number on the same line, in a sentence that holds the row
 * (or, a table broken over lines, in a row that holds the sentence). The row says what the number
 * is ("≥50个" is the target of its indicator) or why it cannot be told; the sentence reader, seeing
 * only the words before a number, would call it a figure of its own or doubt it a second time.
 */
export function withoutTableDoubles(claims: Claim[], review: ReviewItem[]): { claims: Claim[]; review: ReviewItem[] } {
  const rows = new Map<string, string[]>();
  const key = (line: number | undefined, printed: string) => `${line}\u0000${printed}`;
  for (const x of [...claims, ...review]) {
    const printed = fromTable.get(x);
    if (printed === undefined) continue;
    const k = key('line' in x ? x.line : x.where.line, printed);
    rows.set(k, [...(rows.get(k) ?? []), 'quote' in x ? x.quote : x.context]);
  }
  const inRow = (line: number | undefined, printed: string | undefined, sentence: string) =>
    printed !== undefined && (rows.get(key(line, printed)) ?? []).some((row) => sentence.includes(row) || row.includes(sentence.trim()));
  return {
    claims: claims.filter((c) => fromTable.has(c) || !inRow(c.line, c.printed, c.sentence)),
    review: review.filter((r) => fromTable.has(r) || !inRow(r.where.line, /-?\d+(?:\.\d+)?/.exec(r.text)?.[0], r.context)),
  };
}

interface Columns {
  target: string;
  actual: string;
  scores: string[];
  /** The target in three cells: comparator (指标性质), number (指标值), unit (度量单位). */
  split: boolean;
  /** The header has a column for the reason of a deviation. */
  reason: boolean;
}

/** Read every indicator table of the text; numbers of rows that do not read whole go to `review`. */
export function indicatorTableClaims(lines: Line[], reportYear: number, review: ReviewItem[]): Claim[] {
  const text = lines.map((l) => l.text).join('\n');
  const folded = lines.map((l) => (l.kind === 'skip' ? ' '.repeat(l.folded.length) : l.folded)).join('\n');
  const starts: number[] = [];
  let pos = 0;
  for (const l of lines) {
    starts.push(pos);
    pos += l.text.length + 1;
  }
  // The line an offset is on (binary search over the lines' starts).
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const out: Claim[] = [];
  const headers = [...folded.matchAll(HEADER), ...folded.matchAll(SPLIT_HEADER)].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  for (const h of headers) {
    const g = h.groups!;
    // Column titles and names as the report prints them (the folded text is for matching only).
    const title = (group: string) => {
      const at = h.indices?.groups?.[group];
      return at ? text.slice(at[0], at[1]).replace(/[\s|]+/g, '') : '';
    };
    const cols: Columns = { target: title('target'), actual: title('actual'), scores: ['score', 'got'].filter((x) => g[x]).map(title), split: /指标性质/.test(h[0].replace(/[\s|]+/g, '')), reason: Boolean(g.reason) };
    const end = (h.index ?? 0) + h[0].length;
    const cells = h[0].includes('|') ? pipeCells(folded, end) : spaceCells(folded, end);
    new TableReader(cells, cols, h[0].includes('|'), { text, lines, lineAt, reportYear, out, review }).read();
  }
  return out;
}

interface Ctx {
  text: string;
  lines: Line[];
  lineAt: (offset: number) => number;
  reportYear: number;
  out: Claim[];
  review: ReviewItem[];
}

/** The rows of one table, read left to right. */
class TableReader {
  constructor(
    private cells: Cell[],
    private cols: Columns,
    private piped: boolean,
    private ctx: Ctx,
  ) {}

  read(): void {
    const { cells } = this;
    let i = 0;
    while (i < cells.length) {
      // Categories (with their weights) and filler before the row.
      const c = cells[i];
      if (c.empty || FILLER.test(c.text)) {
        i++;
        continue;
      }
      if (this.category(c)) {
        i++;
        continue;
      }
      if (END.test(c.text) || c.text.length > 60) return;
      const row = this.rowFrom(i);
      if (!row) return;
      i = row.next;
    }
  }

  /** A category cell: its weight is a figure of its own; false when the cell is no category. */
  private category(c: Cell): boolean {
    const lone = LONE_WEIGHT.exec(c.text);
    if (lone) {
      this.toReview(c, Number(lone[1]), c, '一级指标的分值前没有指标名称（名称缺失或换行断开）：不知道是哪一项的分值', `${lone[1]}分`);
      return true;
    }
    const m = CATEGORY.exec(c.text);
    if (!m || !CATEGORIES.has(m[1])) return false;
    if (m[2] !== undefined) this.claim(c, c, `${m[1]} 分值`, points(m[2]), '决算', '绩效指标表：一级/二级指标后括号中的分值');
    return true;
  }

  /**
   * One row from cell `i`, then its figures; null when no row starts here (the table has ended).
   * Between "|" marks a row is its cells in column order. Space-flattened, it runs up to its
   * score cells (the last bare numbers of a run), or without score columns to the next category.
   */
  private rowFrom(i: number): { next: number } | null {
    return this.piped ? this.pipedRow(i) : this.spacedRow(i);
  }

  private pipedRow(i: number): { next: number } {
    const { cells } = this;
    const k = this.cols.scores.length;
    const width = 1 + (this.cols.split ? 4 : 2);
    const row: Cell[] = [];
    let j = i;
    // A category or the table's end cuts a row short: its missing cells are the last ones.
    while (j < cells.length && row.length < width + k && !(j > i && this.endsRow(cells[j]))) row.push(cells[j++]);
    const scores = row.slice(width);
    if (k > 0 && (scores.length < k || !scores.every((c) => c.empty || SCORE.test(c.text)))) {
      // The score columns do not hold scores: the cells are not where the header puts them.
      this.rejectCells(row, `绩效指标表的这一行在${this.cols.scores.join('、')}两栏没有分数：各格对不上表头的列，未读取`);
      return { next: j };
    }
    // The reason column's cell, empty or not, belongs to the row.
    if (row.length === width + k && this.cols.reason && j < cells.length && !this.endsRow(cells[j])) j++;
    this.row(row.slice(0, width), scores);
    return { next: j };
  }

  private spacedRow(i: number): { next: number } | null {
    const { cells } = this;
    const k = this.cols.scores.length;
    let j = i;
    let scoresAt = -1;
    let next = -1;
    while (j < cells.length) {
      const c = cells[j];
      if (j > i && this.endsRow(c)) break;
      if (k > 0 && SCORE.test(c.text)) {
        // A run of bare numbers: its last k are the row's scores.
        let e = j;
        while (e < cells.length && SCORE.test(cells[e].text)) e++;
        if (e - j >= k) {
          scoresAt = e - k;
          next = e;
          break;
        }
        j = e;
        continue;
      }
      j++;
      // More cells than a row has (name, target and actual, a reason) before any score: the
      // table is over or broken.
      if (j - i > (this.cols.split ? 7 : 5)) break;
    }
    if (next < 0) {
      if (k > 0) {
        // No scores where they belong: the row states nothing whole.
        this.rejectCells(cells.slice(i, j), '绩效指标表的这一行找不到分值、得分两栏：各格对不上表头的列，未读取');
        return j > i && j < cells.length && this.isCategoryCell(cells[j]) ? { next: j } : null;
      }
      scoresAt = j;
      next = j;
    }
    this.row(cells.slice(i, scoresAt), cells.slice(scoresAt, scoresAt + k));
    return { next };
  }

  /** A cell no row goes past: a category (the next row's) or the table's end. */
  private endsRow(c: Cell): boolean {
    return this.isCategoryCell(c) || END.test(c.text) || c.text.length > 60;
  }

  private isCategoryCell(c: Cell): boolean {
    return LONE_WEIGHT.test(c.text) || isCategory(c.text);
  }

  /** The figures of one row: name, target, actual (by position) and the scores. */
  private row(body: Cell[], scores: Cell[]): void {
    // Trailing empty cells say nothing; filler never holds a column.
    const cells = body.filter((c) => !FILLER.test(c.text));
    while (cells.length && cells[cells.length - 1].empty) cells.pop();
    const last = [...scores].reverse().find((c) => !c.empty) ?? cells[cells.length - 1];
    if (!cells.length || !last) return;
    const quoteCells = { from: cells[0], to: last };
    const slot = SLOT.exec(cells[0].text)?.[0] ?? '';
    const name = this.ctx.text.slice(cells[0].start, cells[0].end).replace(/\s+/g, '').slice(slot.replace(/\s+/g, '').length);
    // A name is words: a number or a comparator where it belongs means the columns are shifted.
    if (!/[\u4e00-\u9fff]/.test(name) || /^[-\d≥≤<>=]/.test(name)) {
      this.rejectCells([...cells, ...scores], '绩效指标表的这一行没有可读的三级指标名称：各格对不上表头的列，未读取', quoteCells);
      return;
    }
    // Space-flattened, an empty cell leaves no trace: name + target + actual, or the name alone.
    // Between "|" marks, the cells are in column order and the missing ones are at the end.
    const values = cells.slice(1);
    const width = this.cols.split ? 4 : 2;
    if (values.length > width) {
      // More cells than the form has: where the name starts is not known, so neither are the scores'.
      this.rejectCells([...values, ...scores], `这一行在${this.cols.scores.join('、') || this.cols.actual}之前有 ${cells.length} 格，比表头的列多：分不清哪一格是什么，这些数未读取`, quoteCells);
      return;
    }
    if (values.length !== width && values.length !== 0 && !this.piped) {
      // Some cells are empty and left no trace: which columns the others are is not known, nor
      // whether the last numbers are both scores ("≥50个 50 8" with 得分 empty).
      this.rejectCells([...values, ...scores], `“${name}”这一行在三级指标与分数之间有 ${values.length} 格，表头是 ${width} 列：分不清哪一格是哪一列，这些数未读取`, quoteCells);
      return;
    }
    const [weight, got] = scores.map((c) => (c.empty ? null : Number(c.text)));
    if (scores.length === 2 && weight !== null && got !== null && got > weight) {
      // A score above its weight: the cells are not the columns the header names.
      this.rejectCells([...values, ...scores], `“${name}”这一行的${this.cols.scores[1]} ${got} 大于${this.cols.scores[0]} ${weight}：各格可能对不上表头的列，这些数未读取`, quoteCells);
      return;
    }
    const parts = this.cols.split ? values.slice(0, 3) : values.slice(0, 1);
    const actual = values[width - 1];
    const target = this.joined(parts.filter((c) => !c.empty));
    const printed = (c: Cell) => this.ctx.text.slice(c.start, c.end).trim();
    const t = target ? readValue(target.text) : null;
    if (t === 'bare' || (t === null && target && this.cols.split && /\d/.test(target.text)))
      this.toReview(target!, BARE.test(target!.text) ? Number(target!.text) : null, quoteCells, `${this.cols.target}“${printed(target!)}”没有可读的单位：不知道是什么数`);
    else if (t && target) this.claim(target, quoteCells, `${name} ${this.cols.target}${t.cmp && t.cmp !== '=' ? `（${t.cmp}）` : ''}`, t, '年初预算', `${this.cols.target}“${printed(target)}”`);
    const a = actual && !actual.empty ? readValue(actual.text) : null;
    if (a === 'bare') {
      // A bare actual value is in its target's unit; with no unit there, it is no figure.
      const inUnit = t && t !== 'bare' && BARE.test(actual.text) ? valueOf(actual.text, t.printedUnit, null) : null;
      if (inUnit) this.claim(actual, quoteCells, `${name} ${this.cols.actual}`, inUnit, '决算', `${this.cols.actual}“${printed(actual)}”按${this.cols.target}“${printed(target!)}”的单位读`);
      else this.toReview(actual, BARE.test(actual.text) ? Number(actual.text) : null, quoteCells, `${this.cols.actual}“${printed(actual)}”没有单位，${this.cols.target}也没有：不知道是什么数`);
    } else if (a) this.claim(actual, quoteCells, `${name} ${this.cols.actual}`, a, '决算', `${this.cols.actual}“${printed(actual)}”`);
    scores.forEach((s, n) => {
      if (!s.empty) this.claim(s, quoteCells, `${name} ${this.cols.scores[n]}`, points(s.text), '决算', `列名“${this.cols.scores[n]}”取自表头`);
    });
  }

  /** The target's cells as one ("≥" "95" "%" → "≥95%"); null when all are empty. */
  private joined(parts: Cell[]): Cell | null {
    if (!parts.length) return null;
    return { text: parts.map((c) => c.text).join(''), start: parts[0].start, end: parts[parts.length - 1].end, empty: false };
  }

  private claim(cell: Cell, quote: { from: Cell; to: Cell } | Cell, label: string, v: Value, phase: Phase, what: string): void {
    const { ctx } = this;
    const q = 'from' in quote ? quote : { from: quote, to: quote };
    // The line of the number: a cell broken over lines ends with it ("满意度指标\n(10分)").
    const line = ctx.lines[ctx.lineAt(cell.end - 1)];
    const text = ctx.text.slice(q.from.start, q.to.end).trim();
    const target: Target = { kind: 'measure', role: '', phase, label, free: true };
    const claim: Claim = {
      target,
      stat: 'value',
      year: ctx.reportYear,
      value: v.value,
      unit: v.unit,
      kind: v.kind,
      decimals: v.decimals,
      approx: null,
      quote: text,
      section: ctx.lines[ctx.lineAt(q.from.start)].section.join(' / ') || '正文',
      line: line.no,
      notes: [`绩效自评表指标栏：${what}`, ...(v.note ? [v.note] : [])],
      sentence: text,
      printed: v.printed,
    };
    fromTable.set(claim, v.printed);
    ctx.out.push(claim);
  }

  /** Every number of cells that cannot be read, to review with the row as its context. */
  private rejectCells(cells: Cell[], reason: string, quote?: { from: Cell; to: Cell }): void {
    const q = quote ?? (cells.length ? { from: cells[0], to: cells[cells.length - 1] } : null);
    if (!q) return;
    for (const c of cells) {
      // The slot number of "指标1:" is the form's, not a figure.
      const n = /-?\d+(?:\.\d+)?/.exec(c.text.replace(SLOT, ''));
      if (n) this.toReview(c, c.text === n[0] ? Number(n[0]) : null, q, reason);
    }
  }

  private toReview(cell: Cell, value: number | null, quote: { from: Cell; to: Cell } | Cell, reason: string, printed?: string): void {
    const { ctx } = this;
    const q = 'from' in quote ? quote : { from: quote, to: quote };
    const text = printed ?? ctx.text.slice(cell.start, cell.end).trim();
    const item: ReviewItem = {
      text,
      value: value !== null && Number.isFinite(value) ? value : null,
      context: ctx.text.slice(q.from.start, q.to.end).trim(),
      where: { line: ctx.lines[ctx.lineAt(cell.end - 1)].no },
      reason,
    };
    fromTable.set(item, /-?\d+(?:\.\d+)?/.exec(fold(text).replace(SLOT, ''))?.[0] ?? '');
    ctx.review.push(item);
  }
}

/** A score or weight as printed: points (分). */
const points = (printed: string): Value => ({ ...valueOf(printed, '分', null)!, kind: 'count' });
