/**
 * The figures of one sentence: every number with a unit (money, percent, a count), as printed,
 * converted to the file currency (万元) where it is money, with what stands before it (the
 * "lead": the words that say what the number is) and after it (for counts: "5个职能部室").
 * Numbers without a unit (dates, list numbering, codes) are not figures and are left alone.
 */
import { COUNT_UNITS } from '../../model/vocabulary';
import { DELIMS, stripAsides, type Sentence } from './sentences';

export type Kind = 'money' | 'percent' | 'count';

export interface Mention {
  /** Offsets in the sentence: [start, end) from the approximation word or sign to the unit's end. */
  start: number;
  end: number;
  /** The number as printed (source text, e.g. "４１２５.４９" or "969.29"). */
  printed: string;
  /** Number as printed, parsed. */
  raw: number;
  /** Value in the stored unit (万元 for money). */
  value: number;
  kind: Kind;
  /** Stored unit: 万元, %, or the count unit (人, 个, 辆, 万件 …). */
  unit: string;
  /** The printed money unit when it was not 万元 (the value was converted). */
  from?: '元' | '千元' | '亿元';
  /** Decimals as printed. */
  decimals: number;
  approx: '近' | '余' | '约' | null;
  /** Parenthesis depth of the number. */
  depth: number;
  /** Where the lead starts (offset in the sentence), and the lead itself (folded, asides dropped). */
  leadStart: number;
  lead: string;
  /** The lead with asides kept (folded): classification paths carry "(类)…(款)…(项)". */
  leadRaw: string;
  /** Folded words right after the unit, up to the next delimiter (counts name the thing after the number). */
  tail: string;
  /** Where the tail ends (offset in the sentence). */
  tailEnd: number;
  /** Index of the mention this one is a parenthesised part of ("行政运行187.17万元（工资福利支出…）"). */
  owner: number | null;
  /** Paired lists "4125.49,4143.91万元": the list this mention belongs to, and its place in it. */
  list: { id: number; index: number; size: number } | null;
  /** "单价50万元以上": a threshold, not a figure. */
  threshold: boolean;
  /** "≥50个", "不低于90%": a bound (a target), never a role's value. */
  bound: boolean;
  /**
   * Why the number cannot be read whole ("1,1,40.27", "三〇万元", "3 859.16"), when it cannot: it
   * goes to review, and it still ends the clause before the next number's words.
   */
  unreadable?: string;
}

const MONEY = ['万亿元', '亿元', '万元', '千元', '元'];
const COUNTS = [...new Set([...COUNT_UNITS, '名', '人', '个', '次', '平方米', '平方公里', '公里', '亩', '万人次', '万件', '万条', '万人', '万个', '万项', '米', '立方米', '㎡', '座', '盏', '位', '所', '分'])].sort(
  (a, b) => b.length - a.length,
);
/**
 * A count unit that begins a longer word is not a unit there: "15 项目实施" (a page number
 * before 项目 in PDF text) is no count of 项, nor "3所属单位" of 所 (schools, hospitals: "学校43所").
 */
const WORD_AFTER: Record<string, string> = { 项: '目', 所: '[属需得有在以谓长]' };
/** "1523.26万" with no 元: money in 万元 (only where no longer unit follows). */
const UNIT = `(${[...MONEY, '%', '‰', ...COUNTS.map((u) => (WORD_AFTER[u] ? `${u}(?!${WORD_AFTER[u]})` : u)), '万(?![\\u4e00-\\u9fff])'].join('|')})`;
const NUM = String.raw`(近|约|大约)?(-)?((?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?)(余)?\s*`;
/** "结余为零": zero stated in words. */
const ZERO = /(?:结转和结余|结转结余|结余|结转)(?:资金)?(?:为|是)(零)/g;

interface Token {
  unreadable?: string;
  start: number;
  numStart: number;
  numEnd: number;
  end: number;
  raw: number;
  text: string;
  unit: string | null;
  sign: boolean;
  approx: Mention['approx'];
}

/** A run of digits joined by commas ("1,140.27", "4125.49,4143.91", "1,1,40.27"). */
const COMMA_RUN = /(?<![\d.])\d+(?:\.\d+)?(?:,\d+(?:\.\d+)?)+(?![\d.])/g;
/** Chinese numerals written before a money or percent unit ("三〇万元", "三十万元"). */
const CN_AMOUNT = new RegExp(`[零〇○一二两三四五六七八九十百千]+(?=\\s*(?:${MONEY.join('|')}|%))`, 'g');

/**
 * Commas inside a run of digits are either thousands grouping ("1,140.27") or a paired list of
 * whole numbers of one shape ("4125.49,4143.91", "0,0"); anything else ("1,1,40.27") is a number
 * the reader cannot take whole.
 */
function commaRunProblem(run: string): string | null {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(run)) return null;
  const parts = run.split(',');
  const decimals = parts.map((p) => (p.includes('.') ? p.length - p.indexOf('.') - 1 : 0));
  if (decimals.every((d) => d === decimals[0])) return null;
  return `数字“${run}”中的逗号位置不对（既不是千分位，也不是几个同样写法的数字并列），无法确定数值`;
}

/** Runs the reader must refuse, as tokens without value (they end the clause for the next number). */
function unreadableTokens(f: string): Token[] {
  const out: Token[] = [];
  const bad = (start: number, end: number, reason: string): Token => ({
    unreadable: reason,
    start,
    numStart: start,
    numEnd: end,
    end: end + (/^\s*(万亿元|亿元|万元|千元|元|%)/.exec(f.slice(end))?.[0].length ?? 0),
    raw: NaN,
    text: f.slice(start, end),
    unit: /^\s*(万亿元|亿元|万元|千元|元|%)/.exec(f.slice(end))?.[1] ?? '万元',
    sign: false,
    approx: null,
  });
  for (const m of f.matchAll(COMMA_RUN)) {
    const why = commaRunProblem(m[0]);
    if (why) out.push(bad(m.index ?? 0, (m.index ?? 0) + m[0].length, why));
  }
  for (const m of f.matchAll(CN_AMOUNT)) {
    const why = /[〇○零]/.test(m[0]) && !/[十百千]/.test(m[0])
      ? `金额“${m[0]}”用“〇”逐位书写，可能漏写或多写一位，无法确定数值`
      : `金额“${m[0]}”用中文数字书写，请核对后按阿拉伯数字填写`;
    out.push(bad(m.index ?? 0, (m.index ?? 0) + m[0].length, why));
  }
  // "与2019498.83万元相比": the 年 between a compared year and its amount was lost; the digits are
  // a year and an amount run together, never one number.
  for (const m of f.matchAll(/(?<=(?:与|较|比|同)(?:上年)?)(?:19|20)\d{2}\d+(?:\.\d+)?(?=\s*(?:万亿元|亿元|万元|千元|元))/g))
    out.push(bad(m.index ?? 0, (m.index ?? 0) + m[0].length, `数字“${m[0]}”像是年份和金额连写（漏了“年”字），无法确定数值`));
  // "3 859.16": digits split by a space (a thousands space, or a lost character) cannot be read
  // as one number, and the last group alone would be a wrong one.
  for (const m of f.matchAll(/(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]+\d{3})+(?:\.\d+)?(?=\s*(?:万亿元|亿元|万元|千元|元|%))/g))
    out.push(bad(m.index ?? 0, (m.index ?? 0) + m[0].length, `数字“${m[0]}”中间有空格，无法确定是一个数还是几个数`));
  return out;
}

function tokens(f: string): Token[] {
  const out: Token[] = unreadableTokens(f);
  const inBad = (i: number) => out.some((t) => t.unreadable && i >= t.start && i < t.end);
  const re = new RegExp(NUM + UNIT + '?', 'g');
  for (const m of f.matchAll(re)) {
    const start = m.index ?? 0;
    if (inBad(start + (m[1]?.length ?? 0) + (m[2]?.length ?? 0))) continue;
    const prev = f[start - 1];
    // Part of a longer alphanumeric run ("12345投诉" is a name; "GB2312"): not a figure.
    if (prev && /[A-Za-z0-9.]/.test(prev)) continue;
    let sign = m[2] === '-';
    if (sign && prev && /\d/.test(prev)) sign = false;
    const approxWord = m[1] as '近' | '约' | '大约' | undefined;
    const numStart = start + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    const numEnd = numStart + m[3].length;
    out.push({
      start,
      numStart,
      numEnd,
      end: start + m[0].length,
      raw: Number(m[3].replace(/,/g, '')) * (sign ? -1 : 1),
      text: m[3],
      unit: m[5] ?? null,
      sign,
      approx: m[4] ? '余' : approxWord === '大约' ? '约' : (approxWord ?? null),
    });
  }
  for (const m of f.matchAll(ZERO)) {
    const at = (m.index ?? 0) + m[0].length - 1;
    out.push({ start: at, numStart: at, numEnd: at + 1, end: at + 1, raw: 0, text: '零', unit: '万元', sign: false, approx: null });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The words before last year's value printed without its unit: "较上年", "比2017年度的". */
const PREV_BARE_BEFORE = /(?:较|比|与)(?:上年度?|上一年度?|去年|(?:19|20)\d{2}年度?)(?:的)?(?:决算数?)?$/;
/** …and between it and the change that gives the unit: only the change verb. */
const PREV_BARE_BETWEEN = /^(?:增加|减少|下降|增长|上升|上涨|提高|降低)(?:了)?$/;

function decimalsOf(s: string): number {
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Every figure of a sentence, in order. */
export function mentionsOf(s: Sentence): Mention[] {
  const toks = tokens(s.folded);
  const listOf = pairLists(s.folded, toks);
  givePrevBareUnits(s.folded, toks);
  const out = toks.flatMap((t, ti) => (t.unit === null ? [] : [mentionOf(s, { ...t, unit: t.unit }, listOf.get(ti) ?? null)]));
  attachWords(s, out);
  return out;
}

/**
 * Paired lists: a bare number followed by "," or "、" and another number takes the unit of the
 * list's last member ("收、支总计各是4125.49,4143.91万元"). Token index → its list.
 */
function pairLists(f: string, toks: Token[]): Map<number, NonNullable<Mention['list']>> {
  const listOf = new Map<number, { id: number; index: number; size: number }>();
  let listId = 0;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].unreadable) continue;
    let j = i;
    while (j + 1 < toks.length && !toks[j + 1].unreadable && /^\s*(?:[,、]|和|及|与)\s*$/.test(f.slice(toks[j].end, toks[j + 1].start)) && (toks[j].unit === null || toks[j].unit === toks[j + 1].unit || toks[j + 1].unit === null))
      j++;
    if (j > i && toks[j].unit !== null && toks.slice(i, j).some((t) => t.unit === null)) {
      for (let k = i; k <= j; k++) {
        toks[k].unit = toks[j].unit;
        listOf.set(k, { id: listId, index: k - i, size: j - i + 1 });
      }
      listId++;
      i = j;
    } else if (j > i && toks.slice(i, j + 1).every((t) => t.unit !== null)) {
      // "各下降23.51%、38.28%", "收入、支出分别为600万元、580万元": every member has its unit; still one
      // list when led by 各 or 分别.
      const before = f.slice(0, toks[i].start);
      if (/(?:各|分别)[^,;:。]*$/.test(before)) {
        for (let k = i; k <= j; k++) listOf.set(k, { id: listId, index: k - i, size: j - i + 1 });
        listId++;
        i = j;
      }
    }
  }
  return listOf;
}

/**
 * "较上年2.08减少0.03万元": the year compared with, its value printed bare, then the change in
 * a money unit; the bare number is last year's value in that unit.
 */
function givePrevBareUnits(f: string, toks: Token[]): void {
  for (let i = 0; i + 1 < toks.length; i++) {
    const [t, next] = [toks[i], toks[i + 1]];
    if (t.unit !== null || t.unreadable || next.unreadable || next.unit === null || !MONEY.includes(next.unit)) continue;
    if (PREV_BARE_BEFORE.test(f.slice(0, t.start)) && PREV_BARE_BETWEEN.test(f.slice(t.end, next.start))) t.unit = next.unit;
  }
}

/** A token with a unit as a mention: its value in the stored unit, kind and marks (its words come after). */
function mentionOf(s: Sentence, t: Token & { unit: string }, list: Mention['list']): Mention {
  const f = s.folded;
  if (t.unit === '万') t.unit = '万元';
  const money = MONEY.includes(t.unit);
  const percent = t.unit === '%' || t.unit === '‰';
  const kind: Kind = money ? 'money' : percent ? 'percent' : 'count';
  let value = t.raw;
  let from: Mention['from'];
  if (t.unit === '元') (value = t.raw / 1e4), (from = '元');
  else if (t.unit === '千元') (value = t.raw / 10), (from = '千元');
  else if (t.unit === '亿元') (value = t.raw * 1e4), (from = '亿元');
  else if (t.unit === '万亿元') (value = t.raw * 1e8), (from = '亿元');
  if (t.unit === '‰') value = t.raw / 10;
  value = Number(value.toPrecision(12));
  const depth = s.depth[t.numStart] ?? 0;
  const after = f.slice(t.end);
  // "单价100万元(含)以上": the bracketed 含 / 不含 says whether the bound itself counts.
  const threshold = !t.unreadable && /^(?:\((?:含|不含)\))?\s*(?:以上|以下|及以上|及以下|以内)/.test(after);
  const points = t.unit === '个' && /^\s*百分点/.test(after);
  const perUnit = money && !t.unreadable && PER_UNIT.test(after);
  return {
    start: t.start,
    end: t.end,
    printed: s.text.slice(t.numStart, t.numEnd),
    raw: t.raw,
    value,
    kind,
    unit: money ? '万元' : percent ? '%' : t.unit,
    from,
    decimals: decimalsOf(t.text),
    approx: t.approx,
    depth,
    leadStart: 0,
    lead: '',
    leadRaw: '',
    tail: '',
    tailEnd: t.end,
    owner: null,
    list,
    threshold,
    bound: /(?:[≥≤><＞＜]=?|不低于|不少于|不高于|不超过|不大于|不小于|大于等于|小于等于)\s*$/.test(f.slice(Math.max(0, t.start - 5), t.start)),
    ...(t.unreadable ? { unreadable: t.unreadable } : points ? { unreadable: POINTS_REASON } : perUnit ? { unreadable: PER_UNIT_REASON } : {}),
  };
}

/**
 * "人员经费定额上涨2000元/人", "补助标准1.2万元/人·年": an amount per person, per year or per square metre is
 * a rate (a norm or a price), not money spent; it has no place among the amounts.
 */
const PER_UNIT = /^\s*(?:\/|每)\s*(?:人|人次|年|月|天|日|次|平方米|㎡|m2|亩|公里|个|辆|户|床|台|件|生|学生|名)/;
const PER_UNIT_REASON = '按人（或按年、按面积等）计的标准或单价，不是一笔支出的金额，数据格式中没有它的位置';

/** "比上年提高2个百分点": a change of a rate in percentage points is no count of 个, and has no place. */
const POINTS_REASON = '“个百分点”是比率的变化（百分点），不是个数，数据格式中没有它的位置';

/** Leads, tails and owners: they need every mention's position. */
function attachWords(s: Sentence, out: Mention[]): void {
  const f = s.folded;
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    const prevEnd = (() => {
      for (let k = i - 1; k >= 0; k--) if (out[k].depth === m.depth) return out[k].end;
      return -1;
    })();
    let a = m.start - 1;
    while (a >= 0) {
      if (s.depth[a] < m.depth) break;
      if (s.depth[a] === m.depth && DELIMS.has(f[a])) break;
      if (a < prevEnd) break;
      a--;
    }
    // A number's words never reach back past another quantity ("工程支出 万元、服务支出670.65万元").
    const cut = /.*(?:万元|亿元|元|%)\s*[、,]/.exec(f.slice(a + 1, m.start));
    if (cut) a += cut[0].length;
    // The list's later members share the first member's lead.
    const first = m.list && m.list.index > 0 ? out[i - m.list.index] : null;
    m.leadStart = first ? first.leadStart : a + 1;
    const leadEnd = first ? first.start : m.start;
    m.leadRaw = f.slice(m.leadStart, leadEnd).replace(/^[\s、]+/, '').trim();
    m.lead = stripAsides(m.leadRaw).replace(/\s+/g, '');
    if (first) m.leadRaw = first.leadRaw;
    let b = m.end;
    // "高中3所、实验幼儿园1所": the words after 、 name the next member, not this one.
    while (b < f.length && !(s.depth[b] === m.depth && (DELIMS.has(f[b]) || f[b] === '、')) && s.depth[b] >= m.depth && !out.some((o) => o.start === b)) b++;
    // "学校43所(其中:义务教育学校39所": an aside still open where the tail stops holds the next
    // figures, not this one's words.
    if (b > m.end && s.depth[b - 1] > m.depth) {
      let open = b - 1;
      while (open > m.end && s.depth[open - 1] > m.depth) open--;
      b = open;
    }
    m.tail = stripAsides(f.slice(m.end, b)).trim();
    m.tailEnd = b;
    if (m.depth > 0) {
      let open = m.start - 1;
      while (open >= 0 && s.depth[open] >= m.depth) open--;
      for (let k = i - 1; k >= 0; k--) {
        if (out[k].depth === m.depth - 1 && out[k].end <= open) {
          if (f.slice(out[k].end, open).trim() === '') m.owner = k;
          break;
        }
      }
    }
  }
}
