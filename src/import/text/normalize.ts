/**
 * Text as units publish it → text the reader can follow. Most 决算 are published as PDF and reach
 * the importer as copied text: lines broken inside words and numbers ("本年收\n入390.55"), page
 * numbers ("—5—", "- 3 -", "第3页"), a running header repeated on every page, stray zero-width
 * and bidirectional marks (one inside "3\u200B859.16" hides a digit from every reader but the
 * eye). This step repairs only layout: it never changes a character of the report's own wording or
 * numbers, so the result is still the report's text, and it is what the importer keeps as the
 * source copy that quotes are checked against. Full-width forms are kept as printed (the wording
 * rules report them); matching folds them (fold.ts).
 */

/** Zero-width and bidirectional formatting characters: invisible, never part of a word or number. */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Pinyin a mirror site inserted after characters: "學(xué)", "數(shù)" (never report text). */
const PINYIN = /([\u3400-\u9fff])\(([a-z]*[\u00e0-\u00fc\u0101-\u01dc][a-z\u00e0-\u00fc\u0101-\u01dc]*)\)/g;

/** "—5—", "－ 12 －", "- 3 -", "~4~": a page number between dashes. */
const DASHED_PAGE = /^[\s]*[—–\-－~～_]+\s*\d{1,3}\s*[—–\-－~～_]+\s*$/;
/** "第3页", "第 3 页 共 12 页", "3/12", "第3页/共12页". */
const WORDED_PAGE = /^\s*(?:第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3}|共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页)\s*$/;
/** A line that is only a small integer: a page number when such lines count up through the text. */
const BARE_NUMBER = /^\s*(\d{1,3})\s*$/;

/** Sentence-final punctuation (a line ending so is a paragraph end). */
const PARA_END = /[。！？!?；;：:]$|[。！？!?][”"』」）)]$/;
/** Heading numbering at the start of a line: "一、", "（一）", "1．", "第二部分", "（1）". */
const TABLE_ROW = /\S\s*\|\s*\S.*\|/;
const NUMBERED = /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[．.、](?!\d)|\s)|[①-⑳]|附件|附表|注[:：])/;

export interface Normalized {
  text: string;
  /** What was repaired, counted, for the import's warnings. */
  repairs: { invisible: number; pageNumbers: number; headers: number; joins: number; pinyin: number };
}

/** The repairs in words (empty when the text needed none). */
export function repairNote(r: Normalized['repairs']): string | null {
  const parts: string[] = [];
  if (r.invisible) parts.push(`去掉零宽或方向控制字符 ${r.invisible} 个`);
  if (r.pageNumbers) parts.push(`去掉页码 ${r.pageNumbers} 行`);
  if (r.headers) parts.push(`去掉重复的页眉 ${r.headers} 行`);
  if (r.joins) parts.push(`接上句中断行 ${r.joins} 处`);
  if (r.pinyin) parts.push(`去掉转载页面插在字后的拼音注音 ${r.pinyin} 处`);
  return parts.length ? `正文按版面整理：${parts.join('，')}；来源副本与引文均为整理后的正文，文字和数字未改动` : null;
}

/** A line of a table pasted as text: it carries a "|" cell separator, or a neighbour does. */
function tableCell(lines: string[], i: number): boolean {
  return [lines[i - 1], lines[i], lines[i + 1]].some((l) => l !== undefined && l.includes('|'));
}

/** Repair the layout of a report text (see the module comment). */
export function normalizeText(input: string): Normalized {
  const repairs = { invisible: 0, pageNumbers: 0, headers: 0, joins: 0, pinyin: 0 };
  let text = input
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, () => {
      repairs.invisible++;
      return '';
    })
    .replace(PINYIN, (_, ch: string) => {
      repairs.pinyin++;
      return ch;
    });
  const lines = text.split('\n');
  const drop = new Array<boolean>(lines.length).fill(false);

  // Page numbers: dashed and worded forms always; bare numbers only when at least two of them
  // count up through the text (a lone "5" could be anything).
  const bare: number[] = [];
  lines.forEach((l, i) => {
    if (DASHED_PAGE.test(l) || WORDED_PAGE.test(l)) drop[i] = true;
    else if (BARE_NUMBER.test(l)) bare.push(i);
  });
  const bareValues = bare.map((i) => Number(BARE_NUMBER.exec(lines[i])![1]));
  if (bare.length >= 2 && bareValues.every((v, k) => k === 0 || v > bareValues[k - 1])) for (const i of bare) drop[i] = true;
  repairs.pageNumbers = drop.filter(Boolean).length;

  // Running headers: a short line without sentence punctuation repeated three times or more, or
  // the first line (the title) repeated; the first occurrence stays. A table cell is never one: cells repeat
  // within a run of "|" rows ("| 已完成100%" on every indicator row), a header at page breaks.
  const seen = new Map<string, number[]>();
  lines.forEach((l, i) => {
    const t = l.trim();
    if (!drop[i] && t.length >= 4 && t.length <= 40 && !/[。，,；;]/.test(t) && !NUMBERED.test(t) && !tableCell(lines, i))
      seen.set(t, [...(seen.get(t) ?? []), i]);
  });
  // The title printed again at the top of a later page is one too, even when the excerpt holds
  // only one page break.
  const title = lines.findIndex((l) => l.trim() !== '');
  for (const at of seen.values())
    if (at.length >= 3 || (at.length >= 2 && at[0] === title))
      for (const i of at.slice(1)) {
        drop[i] = true;
        repairs.headers++;
      }

  // Join a line to the next when the break is inside a sentence: the line does not end a
  // sentence, is long enough to have been wrapped (or ends inside a number), and the next line
  // does not start a heading, list item or table row.
  const kept = lines.map((l, i) => (drop[i] ? null : l)).filter((l): l is string => l !== null);
  const width = wrapWidth(kept);
  const out: string[] = [];
  for (const l of kept) {
    const prev = out.length ? out[out.length - 1] : null;
    // A blank line copied into a sentence ("……较上年决算" / "" / "数增加136.12万元，……"): the blank goes.
    const beforeBlank = out.length >= 2 && prev !== null && prev.trim() === '' ? out[out.length - 2] : null;
    if (prev !== null && brokenInside(prev, l, width)) {
      out[out.length - 1] = prev.replace(/\s+$/, '') + l.replace(/^\s+/, '');
      repairs.joins++;
    } else if (beforeBlank !== null && blankInside(beforeBlank, l)) {
      out.pop();
      out[out.length - 1] = beforeBlank.replace(/\s+$/, '') + l.replace(/^\s+/, '');
      repairs.joins++;
    } else out.push(l);
  }
  text = out.join('\n');
  return { text, repairs };
}

/**
 * The width PDF copying wrapped the text at: the most common length of long lines, when enough
 * lines share it (±2). Null for a text that was not wrapped (paragraphs one per line).
 */
function wrapWidth(lines: string[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const n = Math.round(printedWidth(l.trim()));
    if (n >= 15) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const n of counts.keys()) {
    let c = 0;
    for (let d = -2; d <= 2; d++) c += counts.get(n + d) ?? 0;
    if (c > bestCount) (best = n), (bestCount = c);
  }
  const long = [...counts.values()].reduce((a, b) => a + b, 0);
  return best !== null && bestCount >= 5 && bestCount >= long * 0.3 ? best : null;
}

/**
 * A sentence cut by a blank line: both sides are sentence text (they carry sentence punctuation),
 * the first stops inside a word (a character, no punctuation) and the second goes on with one.
 */
function blankInside(prev: string, next: string): boolean {
  const p = prev.trim();
  const n = next.trim();
  if (!p || !n || PARA_END.test(p) || NUMBERED.test(n) || /^[#=【(（|]/.test(n)) return false;
  return /[\u4e00-\u9fff]$/.test(p) && /^[\u4e00-\u9fff]/.test(n) && /[，,。]/.test(p) && /[，,。]/.test(n);
}

function brokenInside(prev: string, next: string, width: number | null): boolean {
  const p = prev.trim();
  const n = next.trim();
  if (!p || !n || PARA_END.test(p) || NUMBERED.test(n) || /^[#=【(（]/.test(n)) return false;
  // Rows of a table copied with its cells between "|" are lines of their own.
  if (TABLE_ROW.test(p) || TABLE_ROW.test(n)) return false;
  // A number cut at its decimal point ("3859." / "16万元", "4125" / ".49") or a unit cut from its number.
  if ((/\d[.．]$/.test(p) && /^\d/.test(n)) || (/\d$/.test(p) && /^[.．]\d/.test(n))) return true;
  if (/\d$/.test(p) && /^(?:万元|亿元|元|%|％)/.test(n)) return true;
  // A unit cut in two at the break ("30.33万" / "元，比上年减少…").
  if (/\d\s*[万亿千]$/.test(p) && /^元/.test(n)) return true;
  // A figure's words cut from its amount ("…财政拨款基本支出" / "911.7万元,其中:…"): a line that is
  // no heading and does not end a clause, then a line that opens with an amount and goes on as a
  // sentence.
  if (!NUMBERED.test(p) && !/[，,。；;：:、)）|]$/.test(p) && /^\d[\d,.]*\s*(?:万元|亿元|千元|元)[，,。；;]/.test(n)) return true;
  if (width === null) return false;
  // Digits on both sides of the break are one number only where the line was wrapped: a table
  // copied one cell a line ("0.00" / "3.36") is two numbers, never "0.003.36".
  if (/\d$/.test(p) && /^\d/.test(n)) return printedWidth(p) >= width - 3;
  // A numbered line without sentence punctuation is a heading, however long — unless its heading
  // runs into the text after a colon ("1.项目绩效自评总体情况:我部门及所属二层单位2024年度" / "项目21个,…").
  if (NUMBERED.test(p) && !/[，,。；;]/.test(p) && !/\d\s*(?:万元|亿元|元|%|％)/.test(p) && !/[：:][^：:]{6,}$/.test(p)) return false;
  // A wrapped line is about as long as the wrap width; a heading or title line is short.
  return printedWidth(p) >= width - 3;
}

/**
 * A line's width on the page in Chinese characters: digits and Latin letters are half as wide, so
 * a wrapped line full of amounts has fewer characters than one of words ("项目21个,项目支出总额656.93万元。
 * 其中,本级项目8个,本" and "所有项目均开展了绩效自评,其中非敏感涉密项目绩效自评结" fill one width).
 */
function printedWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[0-9A-Za-z.\s]/.test(ch) ? 0.5 : 1;
  return w;
}
