/**
 * Sentences → claims: each figure with what it is (a fact cell or a role), its stat (value,
 * change, growth, share), year, verbatim quote and heading path. Context flows left to right
 * through a sentence the way a reader follows it: "基本支出总计X万元，其中行政运行Y万元" puts the
 * items under 基本支出; "行政运行187.17万元（工资福利支出157.25万元…）" makes the parts in
 * parentheses economic items of 行政运行; "…，与2021年度相比增加5.44万元" is a change of the
 * figure before it; "与2021年相比,收、支总计各减少A,B万元" pairs the list with its subjects.
 * Whatever cannot be placed becomes a review item with its sentence and line.
 */
import type { ReviewItem } from '../types';
import { ROLES, parseRole, type Basis, type ChangeBase, type Phase, type RoleSpec, type Source, type Stat } from '../../model/vocabulary';
import type { TreeIndex } from './classify';
import { cellTableClaims } from './cell-table';
import { fundsTableClaims } from './funds-table';
import { indicatorTableClaims, withoutTableDoubles } from './indicator-table';
import type { Claim } from './claim';
import { mentionsOf, type Kind, type Mention } from './numbers';
import { comparisonOnly, comparesOther, parseLead, type Form } from './patterns';
import { cleanSubject, fundSourceIn, phaseOf, resolveSubject, type Resolved, type Target } from './roles';
import type { Line } from './sections';
import { scopedTo, sectionSource } from './scope';
import { splitSentences, stripAsides, type Sentence } from './sentences';

export type { Claim } from './claim';

export interface Extracted {
  claims: Claim[];
  review: ReviewItem[];
}

interface Topic {
  target: Target;
  /** Line offset where the words naming it start (quotes begin there). */
  quoteStart: number;
}

const ROLE_UNIT = (role: string) => (ROLES as Record<string, RoleSpec>)[parseRole(role).name]?.unit;

/**
 * The year the words before a figure name as its subject: the last year printed before it in the
 * sentence that is neither a comparison ("与2021年相比", "较2021年") nor a date ("截至2023年12月31日").
 */
function yearBefore(folded: string, upTo: number, depth?: Uint8Array, atDepth = 0): number | null {
  let year: number | null = null;
  for (const m of folded.slice(0, upTo).matchAll(/(\d{4})\s*年/g)) {
    // A year inside an aside the figure is not in ("（含2023年转列…项目5个）") is not its year.
    if (depth && depth[m.index ?? 0] > atDepth) continue;
    const before = folded.slice(Math.max(0, (m.index ?? 0) - 2), m.index);
    const after = folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 6);
    // A date ("2023年7月") is no figure's year, except the date a stock is counted at ("截至2022年12月31日,
    // 资产原值合计…"): that is the year the figure is about.
    const asOf = /(?:截至|截止|截止到|截至到)\s*$/.test(folded.slice(Math.max(0, (m.index ?? 0) - 4), m.index));
    if (!asOf && (/(?:与|较|比|和|同|自|从|至|含)$/.test(before) || /^(?:度)?(?:相比|同期相比|以来)/.test(after) || /^\s*\d{1,2}\s*月/.test(after))) continue;
    year = Number(m[1]);
  }
  return year;
}

/** "上年决算数", "上年同期", "去年": a value explicitly of the previous year (上年结转 is this year's carry-over). */
const PREV_YEAR_VALUE = /(?:^|[^较比与同和])(?:上年度?|上一年度?|去年)(?:同期)?(?:决算|实际)?(?:数|值)?(?!结转|结余)/;
/** "2021年决算数", "2021年度同期", "2021年实际": a value explicitly stated for that year. */
const YEAR_VALUE = (y: number) => new RegExp(`${y}\\s*年度?(?:同期|决算|实际|预算)(?:数|值)?`);

/**
 * The year of a figure. One year per report: the report's, unless the figure's own words make an
 * explicit comparison (上年决算数, 2021年决算数; a change's base year is its `baseYear`, not its
 * year). A sentence about another year without such words ("2022年三公经费…" in a 2023 report,
 * "含2023年转列…" in a 2024 one) is a conflict: the figure goes to review with its quote.
 */
function figureYear(s: Sentence, m: Mention, lead: string, form: Form['form'], reportYear: number, fixedFrom: number | null): { year: number } | { conflict: string } {
  const named = yearBefore(s.folded, m.start, s.depth, m.depth);
  if (named !== null && named === fixedFrom) return { year: named };
  if (form === 'value' && PREV_YEAR_VALUE.test(lead) && (named === null || named === reportYear)) return { year: reportYear - 1 };
  if (named === null || named === reportYear) return { year: reportYear };
  if (form === 'value' && YEAR_VALUE(named).test(lead)) return { year: named };
  if (form === 'change' && named + 1 === reportYear) return { year: named }; // the year-self misprint, corrected below
  return { conflict: `句中写的是 ${named} 年，报告年度是 ${reportYear} 年，又没有明确的比较（上年、较${reportYear - 1}年、${reportYear - 1}年决算数）：年份不能确定` };
}

/** 基本支出 / 项目支出 from the heading path ("（一）基本支出"): the default spending type of its items. */
function sectionBasis(section: string[]): Basis | null {
  const last = section.slice(-2).join(' ');
  if (/基本支出/.test(last) && !/项目支出/.test(last)) return '基本支出';
  if (/项目支出/.test(last) && !/基本支出/.test(last)) return '项目支出';
  return null;
}

/**
 * The role a fact target's cell stands for (income.total, income.source:…, spending.type:…,
 * income.carryover, spending.function:…), so that its changes and shares carry it; undefined for a
 * cell no single role names (a function split by economic class).
 */
export function cellRole(t: Target): string | undefined {
  if (t.kind !== 'fact') return t.role || undefined;
  const c = t.cell;
  if (c.functional) return c.economic ? undefined : `spending.function:${c.functional}`;
  if (c.economic) return c.source || c.basis ? undefined : `spending.economic:${c.economic}`;
  if (c.flow === '年初结转和结余') return c.source || c.basis ? undefined : 'income.carryover';
  if (c.flow === '年末结转和结余') return c.source || c.basis ? undefined : 'spending.carryover';
  if (c.flow === '收入') return c.basis ? undefined : c.source ? `income.source:${c.source}` : 'income.total';
  if (c.source) return undefined;
  return c.basis ? `spending.type:${c.basis}` : 'spending.total';
}

/** The same quantity in another phase: "实际支出" after "三公经费预算数" is the 三公 total, 决算. */
function inPhase(topic: Target | undefined, phase: Phase, subject: string): Target | null {
  if (/收入/.test(subject) && !/支出/.test(subject))
    return { kind: 'fact', cell: { flow: '收入', source: null, basis: null, functional: null, economic: null }, phase, label: `${phase}收入` };
  if (!topic) return null;
  // "本年收入1095.76万元，支出1193.35万元": spending after income is the spending total, never the income again.
  if (topic.kind === 'fact' && topic.cell.flow !== '支出' && /支出/.test(subject)) {
    const c = topic.cell;
    const incomeTotal = c.flow === '收入' && !c.source && !c.basis && !c.functional && !c.economic;
    if (!incomeTotal || !/^支出/.test(subject)) return null;
    return { kind: 'fact', cell: { ...c, flow: '支出' }, phase, label: phase === '决算' ? '本年支出合计' : `${phase}支出` };
  }
  if (topic.kind === 'fact') {
    const c = topic.cell;
    // "其中上年结转20万元,本年预算80万元": a carry-over has no budget; the words after it name another part.
    if (/结转|结余/.test(c.flow)) return null;
    const total = !c.source && !c.basis && !c.functional && !c.economic && (c.flow === '收入' || c.flow === '支出');
    const label = total ? (phase === '决算' ? `本年${c.flow}合计` : `${phase}${c.flow}`) : topic.label;
    return { ...topic, phase, label };
  }
  const unit = ROLE_UNIT(topic.role);
  // "全年预算数50万元,执行数48万元": what a project's budget became when spent is its 实际支出.
  if (unit === 'money' && phase === '决算' && /^project\.budget-/.test(topic.role)) return { kind: 'measure', role: 'project.spent', phase, label: '项目实际支出' };
  // "年中追加预算10万元,全年预算60万元": a project's budget named by its phase is the budget of that
  // phase, never the addition (or another budget) it follows.
  if (unit === 'money' && /^project\.budget-/.test(topic.role))
    return phase === '年初预算' ? { kind: 'measure', role: 'project.budget-initial', phase, label: '项目年初预算' } : { kind: 'measure', role: 'project.budget-adjusted', phase: '调整预算', label: '项目调整后预算' };
  if (unit === 'money') return { ...topic, phase };
  // After a budget rate ("整体支出预算完成率411%，年初批复预算数235.8万元"): the unit's whole spending.
  if (parseRole(topic.role).name.startsWith('budget.'))
    return { kind: 'fact', cell: { flow: '支出', source: null, basis: null, functional: null, economic: null }, phase, label: phase === '决算' ? '本年支出合计' : `${phase}支出` };
  return null;
}

/** Split a paired subject: "收、支总计" → 收总计, 支总计; "年初、年末结转和结余" likewise. */
function splitPaired(subject: string, n: number): string[] | null {
  // "财政拨款收入、支出总计" / "财政拨款收、支总计": the prefix belongs to both.
  const io = /^(.*?)(收入?)、(支出?)(总计|合计)$/.exec(subject);
  if (io && n === 2) return [`${io[1]}${io[2]}${io[4]}`, `${io[1]}${io[3]}${io[4]}`];
  const parts = subject.split('、');
  if (parts.length !== n) return null;
  const last = parts[n - 1];
  const headLen = parts[0].length;
  if (last.length <= headLen) return parts;
  const suffix = last.slice(headLen);
  return parts.map((p, i) => (i === n - 1 ? p : p + suffix));
}

/**
 * The item a clause without a number names, for the change after it: the last clause of the gap
 * before a number, with its "比预算无增减变化" dropped; null when it names nothing.
 */
function namedBefore(gap: string): string | null {
  const clauses = gap.split(/[,;:。]/).map((c) => c.trim()).filter(Boolean);
  const last = clauses[clauses.length - 1];
  // A description ("主要用于…人员经费和办公经费") or a reason names no item of its own.
  if (!last || /^(?:主要|用于|其中|包括|原因|因|是|为|由于|含|具体)|用于|原因/.test(last)) return null;
  const subject = stripAsides(last)
    // Text copied from a PDF spaces the year out ("收、支与 2023 年度相比").
    .replace(/\s+/g, '')
    .replace(/(?:较|比|与|同)(?:上年|去年|预算|年初预算|\d{4}年度?)?.*?(?:无增减变化|无变化|持平|相同|一致)$/, '')
    // "收、支与2023年度相比": the comparison the clause sets is not part of the item's name.
    .replace(/(?:较|比|与|同)?(?:上年度?|去年|\d{4}年度?)(?:决算数?)?(?:相比|相较|比较)$/, '')
    .replace(/(?:支出)?决算数?$/, '');
  return cleanSubject(subject).length >= 3 || /^收、?支$/.test(subject) ? subject : null;
}

/** The spending total a paired subject ("收、支总计", "财政拨款收、支总计") names beside the income one. */
const TWINS: Record<string, { role: string; label: string }> = {
  'income.grand-total': { role: 'spending.grand-total', label: '支出总计' },
  'fiscal.income-total': { role: 'fiscal.spending-total', label: '财政拨款支出总计' },
};
function twinOf(target: Target, subject: string): Target | null {
  const t = target.kind === 'measure' ? TWINS[target.role] : undefined;
  return t && /(?:收、?支(?:出)?|收入(?:和|与|及|、)?支出)(?:决算)?(?:总计|总额)?(?:均|各|都)?$/.test(subject) ? { ...target, ...t } : null;
}

/** The phase words after an item's name ("年初预算", "支出决算数"). */
const ITEM_PHASE = /(?:年初预算|调整(?:后)?预算|全年预算|预算|支出决算|决算)数?$/;

/**
 * The unit's own name before a subject ("2021年度，武山县四门学区支出为X万元"): it says whose the
 * figure is, not what it is.
 */
function withoutUnitName(subject: string, name: string | undefined): string {
  if (!name || name.length < 2) return subject;
  const at = subject.indexOf(name);
  return at >= 0 && cleanSubject(subject.slice(0, at)) === '' ? subject.slice(at + name.length) : subject;
}

/**
 * A subject that opens with the name of an organisation ("县农技推广中心基本支出", "某某学校2023年度支出合计")
 * before the item it names: the figure is that organisation's. It is the report's own unit only when
 * the name is part of the unit's name or the report's title (or they are part of it). A 功能分类
 * item named like an organisation ("公立医院", "乡镇卫生院", "图书馆"), or words of an item's path, are
 * no organisation.
 */
const CLASS_LIKE = /^(?:公立|综合|中医(?:民族)?|民族|传染病|职业病防治|精神病|妇幼保健|儿童|康复|优抚|其他专科|其他|乡镇|城市社区|基层)?(?:医院|卫生院|卫生服务中心)$|^(?:图书馆|文化馆|博物馆|纪念馆|美术馆|档案馆|科技馆|群众艺术馆|党校|行政学院|福利院|敬老院|体育场馆)$|支出|事务|教育|管理|服务|保障|机构|经费|资金|项目|工程/;
const ORG_FIRST = /^(.{2,20}?(?:中心|站|所|学校|小学|中学|幼儿园|医院|卫生院|局|馆|院|队|办公室|委员会|公司|协会|联合会|街道办事处|人民政府|政府))(?=\d{4}年|本年|收入|支出|基本支出|项目支出|“?三公|财政拨款|一般公共预算|在职|编制|实有)/;
function otherUnit(subject: string, opts: ExtractOptions): string | null {
  const m = ORG_FIRST.exec(subject);
  if (!m) return null;
  const name = m[1];
  const own = [opts.unitName, opts.title].filter((x): x is string => Boolean(x)).map((x) => x.replace(/\s+/g, ''));
  const region = /^(?:[\u4e00-\u9fff]{1,6}?(?:省|市|州|盟|县|区|旗))+/;
  const core = name.replace(region, '').replace(/^(?:省|市|州|县|区)/, '');
  if (own.some((x) => x.includes(name) || x.includes(core) || name.includes(x) || name.includes(x.replace(region, '')))) return null;
  if (CLASS_LIKE.test(core) || opts.trees.classify(name)) return null;
  return name;
}

/** The second total of a pair takes the first's scope: "财政拨款收入总计A万元，支出总计B万元". */
function pairedTotal(t: Resolved, before: Target | undefined, subject: string): Resolved {
  if (t?.kind !== 'measure' || t.role !== 'spending.grand-total' || before?.kind !== 'measure' || before.role !== 'fiscal.income-total') return t;
  return /^支出?(?:决算)?总计$/.test(subject) ? { ...t, role: 'fiscal.spending-total', label: '财政拨款支出总计' } : t;
}

/**
 * Words that name totals, flows and carry-over: a figure so named has a place in the model, and
 * when the reader cannot find it the figure goes to review rather than under a label of its own.
 */
const MODEL_WORDS = /收入|支出|结转|结余|总计|合计|拨款|三公|公务|机关运行|政府采购|资产|负债|车辆|编制|在编|在职|退休|预算数|决算数/;
/** "一般公共预算财政拨款支出中": the fund source whose spending the clause goes on to split. */
const WITHIN_SOURCE = /(?:^|[,;:。])([^,;:。]*?(?:一般公共预算|政府性基金预算|国有资本经营预算|财政拨款)[^,;:。]*?)支出(?:决算)?数?中$/;
/** Labels made only of phase words ("年初预算", "调整后预算数", "实际"). */
const PHASE_LABEL = /^(?:年初|调整后?|全年|批复|年中)?(?:预算|决算|执行)(?:数|金额|额)?$|^实际(?:数|金额)?$/;
/** Labels made only of a time ("上年", "同期", "2022年度"). */
const TIME_LABEL = /^(?:为|是|相当于)?(?:上年度?|上一年度?|去年|上年同期|同期|本年度?|当年|年初|年末|\d{4}年度?)(?:同期)?(?:的)?$/;
/** Labels that name a difference or remainder of some item, or a count of it ("会议费3万元,…人数120人"), not an item. */
const GENERIC_LABEL = /^(?:差值|差额|差异|节约|节余|结余额|余额|人数|次数|个数|数量)$/;
/** Connecting words left at the ends of a lead or tail ("评为一等" ends with a grade, not with 等 "and so on"). */
const CONNECTORS = /^(?:以及|和|及|与|等|共|约|近|达|为|是|其中|包括|有|计|合计|共计|累计|分别|各|以上|以下|、|的)+|(?:以及|和|及|与|(?<![一二三四五六七八九十甲乙丙丁])等|共|约|近|达到?|为|是|共有|共计|合计|累计|分别为?|各|的)+$/g;

/**
 * The figure's own words as a label: the subject before it, or for a count the words right after
 * it ("174台拼接屏"); null when they say too little (a connecting word) or too much (model words).
 */
function ownLabel(subject: string, m: Mention, sentence: string, prev: Mention | null): string | null {
  const clean = (x: string) => cleanSubject(stripAsides(x)).replace(/[“”"'‘’:：,，、]/g, '').replace(CONNECTORS, '').trim();
  // "28个展区以及174台拼接屏": the words between two counts name the first; the second is named after it.
  const leftover = prev?.kind === 'count' && prev.tail !== '' && subject.startsWith(prev.tail.replace(/\s+/g, ''));
  let label = leftover ? '' : clean(subject);
  // A count is named by the words on both sides: "划分29个二级网格", "在园幼儿915名".
  if (m.kind === 'count') label = clean(label + m.tail);
  // "30万元用于基建工程项目审计": an amount named by what it is used for.
  else if (label.length < 2 && /^用于/.test(m.tail)) label = clean(m.tail.replace(/^用于/, ''));
  if (label.length < 2 || label.length > 24) return null;
  // A project's own figures ("年初结转结余项目50万元") have no place in the unit's totals. A target
  // ("资金支出率≥98%") is a goal under its own words, never a total, whatever words name it.
  if (MODEL_WORDS.test(label) && m.kind !== 'count' && !m.bound && !/项目/.test(label)) return null;
  // "年初预算为30万元" after an item the reader could not name: a phase says which figure of the item
  // it is, not what the item is.
  if (PHASE_LABEL.test(label)) return null;
  // "…480万元,为上年的105%": words that only name a time say what the figure is compared with, not what it is.
  if (TIME_LABEL.test(label)) return null;
  if (!/[\u4e00-\u9fff]/.test(label) || /^\d/.test(label)) return null;
  void sentence;
  return label;
}

/**
 * Figures a sentence prints but does not state. "财政供养人员控制率%定量指标100%92%100%2": figures of
 * one unit printed one against the next with nothing between them are the cells of a table whose
 * separators were lost; which column each is (target, actual, score) cannot be told. Two units run
 * together ("26113户97401人") are prose: households, then people. "得分(20分*执行率)": a number in a
 * formula is an operand, not a figure. "10001000100%": a percentage of seven or more integer digits
 * is several cells run together. All of them go to review.
 */
function unstatedFigures(mentions: Mention[], folded: string): Mention[] {
  const why = new Map<number, string>();
  for (let i = 1; i < mentions.length; i++) {
    if (mentions[i].start === mentions[i - 1].end && mentions[i].unit === mentions[i - 1].unit) {
      for (const k of [i - 1, i]) why.set(k, '与相邻的数字之间没有任何分隔（表格的格子连在了一起），看不出它是哪一列的数字');
    }
  }
  mentions.forEach((m, i) => {
    if (/^\s*[*×÷]/.test(folded.slice(m.end)) || /[*×÷]\s*$/.test(folded.slice(0, m.start))) why.set(i, '数字在算式中（如“20分*执行率”），是算式的一项，不是陈述的数字');
    else if (m.kind === 'percent' && /^-?\d{7,}/.test(m.printed)) why.set(i, `百分数“${m.printed}%”的整数部分有 7 位以上，像是几个格子的数字连在了一起`);
  });
  return mentions.map((m, i) => (why.has(i) && !m.unreadable ? { ...m, unreadable: why.get(i) } : m));
}

/**
 * What a paragraph has set for the sentences after it: the comparison ("比2022年增加…。其中：…增加0万元")
 * and the budget a completion is measured against ("完成全年预算…。其中：…完成预算…").
 */
interface LineContext {
  base: { base: ChangeBase; baseYear: number | null; phase?: Phase } | null;
  budget: Phase | null;
}

export interface ExtractOptions {
  reportYear: number;
  /** The unit's name, as the user gave it (dropped from the start of a subject). */
  unitName?: string;
  /** The document's genre (meta.ts), when known. */
  genre?: string;
  /** The report says its 预算数 are the adjusted full-year budgets (meta.ts budgetsAdjusted). */
  budgetsAdjusted?: boolean;
  /** The report's printed title (meta.ts titleOf), when it has one. */
  title?: string;
  trees: TreeIndex;
}

/** Extract claims and review items from the body lines. */
export function extract(lines: Line[], opts: ExtractOptions): Extracted {
  const claims: Claim[] = cellTableClaims(lines, opts.reportYear, opts.genre);
  const review: ReviewItem[] = [];
  claims.push(...indicatorTableClaims(lines, opts.reportYear, review));
  for (const line of lines) {
    if (line.kind !== 'body') continue;
    claims.push(...fundsTableClaims(line, opts.reportYear));
    const sentences = splitSentences(line.folded, line.text);
    let carry: Topic | null = null;
    // "比2022年增加0.16万元。其中：…增加0万元": a comparison set in one sentence holds for the next.
    const lineBase: LineContext = { base: null, budget: null };
    for (const s of sentences) carry = new SentenceReader(line, s, carry, opts, claims, review, lineBase).read();
  }
  return withoutTableDoubles(claims, review);
}

/** What the sentence has said so far, as a reader keeps it in mind. */
/** The fund source whose spending a figure is (一般公共预算财政拨款支出, 政府性基金预算财政拨款支出 …), or null. */
function spendingSourceOf(topic: Topic | null): Source | null {
  const t = topic?.target;
  if (t?.kind === 'measure') return t.role === 'gpb.spending' ? '一般公共预算财政拨款' : null;
  if (t?.kind === 'fact' && t.cell.flow === '支出' && t.cell.source && !t.cell.basis && !t.cell.functional && !t.cell.economic) return t.cell.source;
  return null;
}

interface SentenceState {
  topic: Topic | null;
  /** The figure each mention placed (economic parts in parentheses name their owner by index). */
  topics: Map<number, Topic>;
  lists: Map<number, Array<Topic | null>>;
  basis: Basis | null;
  source: Source | null;
  /** The fund source the heading scopes the paragraph to (scope.ts). */
  scope: Source | null;
  func: { code: string; basis: Basis | null; source: Source | null } | null;
  econUnderFunc: boolean;
  base: LineContext['base'];
  /** "完成全年预算84.82万元的73.2%": the budget phase the next "的Y%" completes. */
  completionPhase: Phase | null;
  /** A year misprint corrected once in this sentence is corrected for its other figures too. */
  yearFix: { from: number; to: number } | null;
  seen: Set<string>;
  /** The figure the last change of the sentence was about. */
  changed: Topic | null;
  /** The sentence's first total ("本年收入合计"): what a bare "占Y%" is a share of. */
  whole: string | null;
  /** "“三公”经费预算为20万元，其中：因公出国(境)费0万元…": the budget phase its listed parts share. */
  partsPhase: Phase | null;
}

/** One figure as its words present it: the form of its lead and the words naming it. */
interface Reading {
  m: Mention;
  i: number;
  /** The list's first member (whose lead the list shares), or the mention itself. */
  first: Mention;
  before: Mention | null;
  /** The sentence's words between the figure before and this figure's lead. */
  gap: string;
  gapStart: number;
  form: Form;
  subjectText: string;
  explicit: boolean;
}

/** The claim fields every stat shares, once the figure's target and year are known. */
type ClaimBase = Omit<Claim, 'stat' | 'value'>;

/**
 * Reads one sentence's figures left to right: each figure's form and words (`reading`), what it is
 * about (`topicOf`), its year and quote (`claimBase`), then the claim of its form (`placeValue`,
 * `placeChange`, `placeShare`, `placeCompletion`). Returns the topic the next sentence may go on about.
 */
class SentenceReader {
  private readonly st: SentenceState;
  private readonly mentions: Mention[];
  private readonly section: string;
  private lastTopic: Topic | null = null;
  /** "收支较上年减少X万元，下降Y%": the spending total a change of both totals also names. */
  private readonly twins = new Map<Topic, Target>();
  /** The figures of this sentence that went to review. */
  private readonly reviewed = new Set<Mention>();
  /** Another organisation the sentence's figures were found to belong to (otherUnit). */
  private otherOrg: string | null = null;

  constructor(
    private readonly line: Line,
    private readonly s: Sentence,
    private readonly carry: Topic | null,
    private readonly opts: ExtractOptions,
    private readonly claims: Claim[],
    private readonly review: ReviewItem[],
    private readonly lineBase: LineContext,
  ) {
    this.mentions = unstatedFigures(mentionsOf(s), s.folded);
    this.section = line.section.length ? line.section.join(' / ') : '正文';
    this.st = {
      topic: null,
      topics: new Map(),
      lists: new Map(),
      basis: sectionBasis(line.section),
      source: sectionSource(line.section),
      scope: sectionSource(line.section),
      func: null,
      econUnderFunc: false,
      base: lineBase.base,
      completionPhase: null,
      yearFix: null,
      seen: new Set(),
      changed: null,
      whole: null,
      partsPhase: null,
    };
    // "…一般公共预算财政拨款支出480万元。其中:基本支出400万元": a sentence that opens with 其中 lists the
    // parts of the figure the sentence before ended on; a fund source's spending makes them that source's.
    if (/^\s*其中/.test(s.folded) && !this.st.source) this.st.source = spendingSourceOf(carry);
  }

  read(): Topic | null {
    if (this.mentions.length === 0) return this.carry;
    let prevEnd = 0;
    for (let i = 0; i < this.mentions.length; i++) {
      const r = this.reading(i, prevEnd);
      prevEnd = this.mentions[i].end;
      if (!r) continue;
      const { topic, resolved } = this.topicOf(r);
      if (!topic) {
        this.toReview(r.m, resolved?.kind === 'none' ? resolved.reason : r.explicit ? `不认识“${cleanSubject(r.subjectText)}”指的是什么` : '前文没有可对应的项目');
        continue;
      }
      if (r.m.list) {
        const l = this.st.lists.get(r.m.list.id) ?? new Array(r.m.list.size).fill(null);
        l[r.m.list.index] = topic;
        this.st.lists.set(r.m.list.id, l);
      }
      const base = this.claimBase(r, topic);
      if (!base) continue;
      if (r.form.form === 'value') this.placeValue(r, topic, base);
      else if (r.form.form === 'change') this.placeChange(r, r.form, topic, base);
      else if (r.form.form === 'share') this.placeShare(r, r.form, base);
      else this.placeCompletion(r, r.form, base);
    }
    return this.lastTopic ?? this.carry;
  }

  /** The form of a figure's lead and the words naming it; null for a figure that is not read (refused, a threshold). */
  private reading(i: number, prevEnd: number): Reading | null {
    const { s, st, lineBase, mentions } = this;
    const m = mentions[i];
    const gap = s.folded.slice(prevEnd, m.leadStart).replace(/[\s,;:]+$/, '');
    if (m.unreadable) {
      this.toReview(m, m.unreadable);
      return null;
    }
    if (m.threshold) return null;
    const cmp = comparisonOnly(gap);
    if (cmp) st.base = cmp;
    // "一般公共预算财政拨款支出中,基本支出600万元": a clause naming a fund source's spending, with 中, scopes what follows.
    const within = WITHIN_SOURCE.exec(gap.replace(/\s+/g, ''));
    if (within) st.source = fundSourceIn(within[1]);
    // "与2020年执行数相比增加133万元……相应结转下年减少133万元": the line now compares with
    // another figure, so a later bare change no longer follows an earlier 同比.
    if (comparesOther(`${gap}${m.lead}`)) st.base = lineBase.base = null;

    const first = m.list && m.list.index > 0 ? mentions[i - m.list.index] : m;
    let form: Form = parseLead(first.lead);
    if (form.form === 'completion') {
      if (form.named) lineBase.budget = form.phase;
      else if (lineBase.budget) form = { ...form, phase: lineBase.budget };
      else if (this.opts.budgetsAdjusted) form = { ...form, phase: '调整预算' };
    }
    if (st.completionPhase && m.kind === 'percent' && /^的?$/.test(first.lead)) form = { form: 'completion', subject: '', phase: st.completionPhase };
    st.completionPhase = null;
    const before = i > 0 ? mentions[i - 1] : null;
    // "其他收入45.58万元，2.7%": a bare percentage right after an amount stated as a value is its share.
    if (m.kind === 'percent' && first.lead === '' && form.form === 'value' && before?.kind === 'money' && !before.unreadable && before.depth === m.depth && /^\s*[,，]\s*$/.test(s.folded.slice(before.end, m.start)) && parseLead(before.lead).form === 'value')
      form = { form: 'share', subject: '', whole: '' };
    let subjectText = form.subject;
    // "因公出国(境)经费、公务接待费、公车购置费,公车运行费(“三公”经费)决算总额2771万元": after a
    // list of items, the name in brackets before 总额 is what the list adds up to, and the figure's.
    const collective = /\(([^()]{2,16})\)((?:决算|预算)?(?:总额|合计|总计)(?:为|是)?)$/.exec(first.leadRaw);
    if (collective && form.form === 'value' && /、[^。;]*$/.test(`${s.folded.slice(0, first.leadStart)}${first.leadRaw}`))
      subjectText = collective[1] + collective[2];
    let explicit = cleanSubject(subjectText) !== '';
    // "年初批复预算8个项目985万元": an amount right after a count of projects is named by the count's words.
    if (m.kind === 'money' && before?.kind === 'count' && !before.unreadable && /^(?:个)?项目(?:资金|金额)?(?:共计|合计|共)?$/.test(first.lead)) {
      subjectText = before.lead.endsWith('项目') ? before.lead : `${before.lead}项目`;
      explicit = true;
    }
    // "收入：792.22万元": the words before a colon name the figure after it.
    if (!explicit && form.form === 'value' && !m.list && /:\s*$/.test(s.folded.slice(0, m.leadStart)) && cleanSubject(stripAsides(gap)) !== '') {
      subjectText = stripAsides(gap).replace(/^.*[,;。]/, '');
      explicit = cleanSubject(subjectText) !== '';
    }
    return { m, i, first, before, gap, gapStart: prevEnd, form, subjectText, explicit };
  }

  /** The figure the words are about: named, inherited from the figure before, or under its own words. */
  private topicOf(r: Reading): { topic: Topic | null; resolved: Resolved } {
    const { s, st, lineBase } = this;
    const { m, i, first, form, subjectText, gap } = r;
    const quantityKinds: Kind[] = form.form === 'value' ? [m.kind] : m.kind === 'percent' ? ['money', 'count'] : [m.kind];
    const carried = () => st.topic ?? (i === 0 ? this.carry : null);
    let topic: Topic | null = null;
    let resolved: Resolved = null;
    if (m.bound) {
      // A target ("≥50个") is kept under its own words at most: it is no role's value.
      const label = ownLabel(withoutUnitName(subjectText, this.opts.unitName), m, s.folded, r.before);
      if (label) topic = { target: { kind: 'measure', role: '', phase: '年初预算', label: `${label}（目标值）`, free: true }, quoteStart: s.start + first.leadStart };
    } else if (r.explicit) {
      resolved = this.readNamed(subjectText, m, first, gap, quantityKinds);
      if (resolved && resolved.kind !== 'none') topic = { target: resolved as Target, quoteStart: s.start + first.leadStart };
      // "收支较上年决算数1166.81万元减少…": the value of the year compared with sets the comparison.
      if (form.form === 'value' && form.prev) st.base = lineBase.base = { base: 'prev-year', baseYear: form.prev.year };
    } else if (form.form === 'value' && form.prev) {
      // "比上年2665.56万元增加…": last year's value of the figure before it, and the comparison
      // the change after it makes. "…10万元,2023年度为12万元": an earlier year's value of the figure
      // just stated in this sentence (never of one from a sentence before, nor of a later year).
      const earlier = !form.prev.alone || (form.prev.year !== null && form.prev.year < this.opts.reportYear);
      topic = form.prev.alone ? (earlier ? st.topic : null) : carried();
      if (topic || !form.prev.alone) st.base = lineBase.base = { base: 'prev-year', baseYear: form.prev.year };
    } else if ((form.form === 'change' || form.form === 'completion') && namedBefore(gap)) {
      // "公务用车运行维护费支出决算比预算无增减变化，比去年增加1.05万元": the item is named in the
      // clause before, which states no number of its own.
      const named = namedBefore(gap)!;
      resolved = this.resolve(named, named, m, m.kind === 'percent' ? 'money' : m.kind);
      if (resolved && resolved.kind !== 'none' && resolved.kind !== 'phase') {
        topic = { target: resolved as Target, quoteStart: s.start + r.gapStart };
        st.topic = topic;
        // "…支出总计3534.19万元。收、支与2023年度相比，减少419.79万元": the clause names both totals,
        // so the change is both totals' change (placeChange adds the twin).
        const twin = twinOf(topic.target, cleanSubject(named));
        if (twin) this.twins.set(topic, twin);
      } else {
        resolved = null;
        topic = carried();
      }
    } else if (form.form === 'value' && !m.list) {
      // No words before the number ("国内公务接待16批次,800人次"): the unit and the sentence may
      // still say what it is; it is never simply the figure before it again.
      resolved = this.resolve('', '', m, m.kind);
      if (resolved?.kind === 'phase') resolved = null;
      if (resolved && resolved.kind !== 'none') topic = { target: resolved as Target, quoteStart: st.topic?.quoteStart ?? s.start + m.leadStart };
    } else if (m.kind === 'percent' && form.form !== 'value' && !form.subject && r.before && r.before.kind === 'money' && this.reviewed.has(r.before) && !m.list) {
      // "…,210人次,支出2.05万元,较上年减少0.03万元,减少了1.44%": the growth belongs to the change
      // right before it; when that change could not be placed, no earlier figure takes its growth.
      // So with a share or completion ("某某收入800万元,占66.67%") after an amount that went to review.
      resolved = { kind: 'none', reason: form.form === 'change' ? '紧挨着的前一个增减额未能确定属于哪一项，这个增减率也无法确定' : '紧挨着的前一个金额未能确定属于哪一项，它的占比或完成率也无法确定' };
    } else {
      const listTopics = m.list ? [...st.lists.values()].find((l) => l.length === m.list!.size) : undefined;
      // "…减少956.31万元，下降16.9%": a growth right after a change is the same figure's.
      const outside = listTopics ? undefined : this.outsideBrackets(i);
      const inherited = listTopics ? listTopics[m.list!.index] : outside !== undefined ? outside : (st.topic ?? st.changed ?? (i === 0 ? this.carry : null));
      if (inherited) topic = inherited;
      // The sentence goes on about the figure it took from the sentence before.
      if (inherited && !listTopics && !st.topic) st.topic = inherited;
    }
    // Not for an amount in a list of a money total's parts ("本年支出50万元，其中群众文化30万元"):
    // those are classification items, and an unknown one needs its code from a person.
    const inMoneyList = m.kind === 'money' && carried()?.target.kind === 'fact';
    if (!topic && resolved?.kind !== 'none' && form.form !== 'share' && !inMoneyList) {
      // A figure no role fits, named by its own words ("委员活动经费36.3万元", "174台拼接屏"): kept
      // as a measure without a role under those words, never given a role it does not name.
      let label = ownLabel(withoutUnitName(subjectText, this.opts.unitName), m, s.folded, r.before);
      // "公务接待费支出2.05万元,年初预算为2万元,差值为0.05万元": a word that only says "the
      // difference" is the difference of the item the sentence is about.
      const about = st.topic?.target;
      if (label && GENERIC_LABEL.test(label) && about?.kind === 'measure' && !about.free) label = `${about.label}${label}`;
      // "二批项目县级批复总投资2069.51万元(其中建筑工程1975.775万元)": a part in brackets is the
      // part of the figure it belongs to, and takes that figure's words when they are its own label.
      const owner = m.owner !== null ? st.topics.get(m.owner)?.target : undefined;
      if (label && owner?.kind === 'measure' && owner.free && !label.startsWith(owner.label)) label = `${owner.label}其中${label}`;
      if (label) topic = { target: { kind: 'measure', role: '', phase: phaseOf(label), label, free: true }, quoteStart: s.start + first.leadStart };
    }
    // The parts listed after a budget total are budget figures too, unless their own words say
    // which figure they are ("其中：因公出国(境)费0万元" after "预算为20万元").
    if (topic && st.partsPhase && topic.target.phase === '决算' && !/预算|决算|执行|实际|完成|支出数/.test(subjectText))
      topic = { ...topic, target: { ...topic.target, phase: st.partsPhase } as Target };
    // A bare "预算" in a report that says its budgets are the adjusted ones ("年初预算" stays 年初).
    if (topic && this.opts.budgetsAdjusted && topic.target.phase === '年初预算' && !/年初/.test(subjectText))
      topic = { ...topic, target: { ...topic.target, phase: '调整预算' } as Target };
    return { topic, resolved };
  }

  /**
   * "公务用车购置及运行维护费7,634.75万元(其中:公务用车购置费…,公务用车运行维护费5,297.40万元),
   * 比年初预算增加1833.7万元": a figure after a closed bracket goes on about the figure the bracket
   * followed, not about the last part inside it. Undefined when the figure before is not in a bracket
   * this one is outside of; null when the figure at this depth was not placed.
   */
  private outsideBrackets(i: number): Topic | null | undefined {
    const m = this.mentions[i];
    if (i === 0 || this.mentions[i - 1].depth <= m.depth) return undefined;
    for (let k = i - 1; k >= 0; k--) if (this.mentions[k].depth <= m.depth) return this.st.topics.get(k) ?? null;
    return null;
  }

  /** The figure's year, quote and notes; null (and a review item) when its year cannot be told. */
  private claimBase(r: Reading, topic: Topic): ClaimBase | null {
    const { s, st, opts, line, mentions } = this;
    const { m, i, first, form } = r;
    const target = topic.target;
    // A list's members are quoted with the whole list ("收、支总计各是4125.49,4143.91万元").
    const lastOfList = m.list ? mentions[i - m.list.index + m.list.size - 1] : m;
    // A count named by the words after it ("174台拼接屏") is quoted with them.
    const quote = this.quoteFrom(
      r.explicit ? s.start + first.leadStart : topic.quoteStart,
      lastOfList,
      target.kind === 'measure' && Boolean(target.free) && m.tail !== '' && (m.kind === 'count' || /^用于/.test(m.tail)),
    );
    const fy = form.form === 'value' && form.prev ? { year: form.prev.year ?? opts.reportYear - 1 } : figureYear(s, m, first.lead, form.form, opts.reportYear, st.yearFix?.from ?? null);
    if ('conflict' in fy) {
      this.toReview(m, fy.conflict);
      return null;
    }
    const fixed = st.yearFix && fy.year === st.yearFix.from ? st.yearFix : null;
    const notes: string[] = [];
    if (target.kind === 'fact' && target.note) notes.push(target.note);
    if (fixed) notes.push(`原文此句年份写作 ${fixed.from} 年，与比较年份相同，按报告年度记为 ${fixed.to} 年`);
    if (m.from) notes.push(`报告以“${m.from}”列示（${m.printed}${m.from}），已换算为万元`);
    if (opts.budgetsAdjusted && target.phase === '调整预算' && !/调整|全年/.test(r.subjectText)) notes.push('报告说明其预算数为调整后的全年预算数，按调整预算记');
    return {
      target,
      year: fixed ? fixed.to : fy.year,
      unit: m.kind === 'money' ? '万元' : m.unit,
      kind: m.kind,
      decimals: m.decimals,
      approx: m.approx,
      quote,
      section: this.section,
      line: line.no,
      notes,
      sentence: s.text.trim(),
      printed: m.printed,
    };
  }

  /** The unit a figure of this target must be stated in. */
  private roleUnit(target: Target, m: Mention): string | undefined {
    return target.kind === 'measure' ? (target.free ? m.kind : ROLE_UNIT(target.role)) : 'money';
  }

  /** "X为Y万元": the value; it becomes what the sentence goes on about. */
  private placeValue(r: Reading, topic: Topic, base: ClaimBase): void {
    const { st, m } = { st: this.st, m: r.m };
    const target = topic.target;
    const roleUnit = this.roleUnit(target, m);
    if (roleUnit !== m.kind) {
      this.toReview(m, `“${target.label}”应以${roleUnit === 'money' ? '金额' : roleUnit === 'percent' ? '百分比' : '数量'}列示，这里是 ${m.unit}`);
      return;
    }
    this.claims.push({ ...base, stat: 'value', value: m.value });
    if (target.phase !== '决算' && /^\s*[,;:]?\s*其中/.test(this.s.folded.slice(m.tailEnd))) this.st.partsPhase = target.phase;
    // "收、支总计均为1523.26万元": one figure stated for both totals, and so is the change the
    // sentence goes on to ("…比上年度减少X万元", placeChange). Last year's value is read as the first
    // total's only.
    const twin = m.list || (r.form.form === 'value' && r.form.prev) ? null : twinOf(target, cleanSubject(r.subjectText));
    if (twin) {
      this.claims.push({ ...base, target: twin, stat: 'value', value: m.value });
      this.twins.set(topic, twin);
    }
    st.topic = topic;
    this.lastTopic = topic;
    st.topics.set(r.i, topic);
    if (target.kind === 'fact') {
      const c = target.cell;
      if (st.whole === null && !c.functional && !c.economic && !c.basis && !c.source) st.whole = target.label;
      if (!c.functional && !c.economic) {
        if (c.basis) st.basis = c.basis;
        if (c.source && c.flow === '支出') st.source = c.source;
        st.func = null;
        st.econUnderFunc = false;
      }
      if (c.functional && !c.economic) {
        st.func = { code: c.functional, basis: c.basis, source: c.source };
        st.econUnderFunc = false;
      }
    } else {
      st.seen.add(parseRole(target.role).name);
      st.func = null;
      // "一般公共预算财政拨款支出X万元，其中：教育支出Y万元": the items are of that fund source.
      if (target.role === 'gpb.spending') st.source = '一般公共预算财政拨款';
    }
  }

  /** "较上年增加/减少X万元，增长/下降Y%": a change or growth against the previous year or the budget. */
  private placeChange(r: Reading, form: Extract<Form, { form: 'change' }>, topic: Topic, base: ClaimBase): void {
    const { st, opts, m } = { st: this.st, opts: this.opts, m: r.m };
    const target = topic.target;
    const b = form.base ? { base: form.base, baseYear: form.baseYear, phase: form.phase } : st.base;
    if (!b) {
      this.toReview(m, '增减没有说明与什么相比（上年或预算）');
      return;
    }
    st.base = b;
    this.lineBase.base = b;
    const stat: Stat = m.kind === 'percent' ? 'growth' : 'change';
    if (stat === 'change' && this.roleUnit(target, m) !== m.kind) {
      this.toReview(m, `“${target.label}”的变动应以与它相同的单位列示`);
      return;
    }
    // "较上年减少-50万元": a decrease printed with a minus sign says the direction twice, and the
    // two may disagree; the reader cannot tell which was meant.
    if (form.sign === -1 && m.value < 0) {
      this.toReview(m, '“减少/下降”后面又写了负数，增减方向不能确定');
      return;
    }
    const value = form.sign * m.value;
    if (stat === 'change' && m.kind === 'count' && value < 0) {
      this.toReview(m, '数量的减少不能记为负数（数据格式中计数不为负）');
      return;
    }
    let year = base.year;
    let baseYear: number | undefined;
    if (b.base === 'prev-year') {
      baseYear = b.baseYear ?? year - 1;
      if (baseYear >= year) {
        if (baseYear + 1 !== opts.reportYear) {
          this.toReview(m, `比较年份 ${baseYear} 不早于数字所属年份 ${year}`);
          return;
        }
        base.notes.push(`原文写“${year}年……较${baseYear}年”，年份有误，按报告年度记为 ${opts.reportYear} 年`);
        st.yearFix = { from: year, to: opts.reportYear };
        year = opts.reportYear;
      } else if (baseYear !== year - 1) {
        // A change against an earlier year than the last ("比2019年(疫情前)减少") is no change
        // against the previous year: the data format's changes are against the previous year or
        // the budget, so it is kept as a value under its own words, with the year it compares with.
        base.notes.push(`与 ${baseYear} 年相比（不是上一年）`);
        const label = `${target.label}较${baseYear}年${stat === 'growth' ? '增长率' : '增减'}`;
        this.claims.push({ ...base, target: { kind: 'measure', role: '', phase: target.phase, label, free: true }, year, stat: 'value', value });
        return;
      }
    }
    if (year !== opts.reportYear) {
      this.toReview(m, `句中写的是 ${year} 年的变动，报告年度是 ${opts.reportYear} 年：年份不能确定`);
      return;
    }
    // "年中调整预算为1781.86万元，比年初预算增加758.97万元": a budget compared with the budget is the
    // adjustment itself; the data format compares only actual figures with the budget.
    if (b.base === 'budget' && target.phase !== undefined && target.phase !== '决算') {
      this.toReview(m, '预算与预算的比较（调整预算比年初预算的增减）在数据格式中没有位置');
      return;
    }
    const change: Claim = { ...base, year, stat, base: b.base, value, baseYear, ...(b.base === 'budget' ? { budgetPhase: b.phase ?? '年初预算' } : {}) };
    this.claims.push(change);
    // "收支较上年决算数减少3,888.01万元、下降14%": one change named for both totals is both totals' change.
    // A paired list ("各减少1267.86,2570.97万元") gives each total its own member instead.
    const twin = m.list ? null : r.explicit ? twinOf(target, cleanSubject(r.subjectText)) : this.twins.get(topic);
    if (twin) {
      this.claims.push({ ...change, target: twin });
      this.twins.set(topic, twin);
    }
    st.changed = topic;
    this.lastTopic = topic;
    if (r.explicit) st.topic = topic;
  }

  /** "占Y%", "占政府采购支出总额的0%": the figure's share of a whole. */
  private placeShare(r: Reading, form: Extract<Form, { form: 'share' }>, base: ClaimBase): void {
    if (r.m.kind !== 'percent') {
      this.toReview(r.m, '“占”后面应是百分比');
      return;
    }
    const whole = this.st.whole;
    this.claims.push({ ...base, stat: 'share', value: r.m.value, whole: form.whole || (whole && whole !== base.target.label ? whole : '') });
  }

  /** "完成预算100%", and "完成全年预算84.82万元的73.2%" (the amount is the figure's budget, the percentage its completion). */
  private placeCompletion(r: Reading, form: Extract<Form, { form: 'completion' }>, base: ClaimBase): void {
    const { m } = r;
    const target = base.target;
    const roleUnit = this.roleUnit(target, m);
    if (m.kind === 'money' && roleUnit === 'money') {
      const budget: Target = { ...target, phase: form.phase } as Target;
      if (budget.kind === 'fact' && !budget.cell.functional && !budget.cell.economic && !budget.cell.basis && !budget.cell.source) budget.label = `${form.phase}${budget.cell.flow}`;
      this.claims.push({ ...base, target: budget, stat: 'value', value: m.value });
      this.st.completionPhase = form.phase;
      return;
    }
    if (m.kind !== 'percent' || roleUnit !== 'money') {
      this.toReview(m, '“完成预算”应是金额项目的百分比');
      return;
    }
    this.claims.push({ ...base, stat: 'value', completion: form.phase, value: m.value });
  }

  private quoteFrom(start: number, m: Mention, withTail = false): string {
    const q = this.line.text.slice(start, this.s.start + (withTail ? m.tailEnd : m.end)).replace(/[、，,；;]+$/, '');
    return q.replace(/^[\s，,；;：:、。]+/, '').replace(/^(?:[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2}[．.、](?![0-9０-９]))\s*/, '').trimEnd();
  }

  private toReview(m: Mention, reason: string): void {
    this.reviewed.add(m);
    this.review.push({
      text: m.printed + (m.from ?? (m.kind === 'money' ? '万元' : m.unit)),
      value: Number.isFinite(m.value) ? m.value : null,
      context: this.s.text.trim(),
      where: { line: this.line.no },
      reason,
    });
  }

  /** An item of the classification trees (functional or economic), with the cell its place in the sentence gives it. */
  private classifyMoney(subject: string, raw: string, m: Mention): Resolved {
    const { st, opts } = this;
    let c = opts.trees.classify(subject, raw);
    // "高等教育(项)年初预算为X万元": an item named with the phase of its figure.
    const phased = ITEM_PHASE.exec(subject);
    if (phased && c === null) c = opts.trees.classify(subject.slice(0, phased.index));
    if (c === null) return null;
    // "教育支出(类)普通教育(款)小学教育(项)年初预算为30万元": the path names the item whatever
    // follows it, and the words after the path say which of its figures this is.
    const phase: Phase = phased && !(c.ok && c.match.node.name.endsWith(phased[0])) ? phaseOf(phased[0]) : '决算';
    if (!c.ok) return { kind: 'none', reason: c.why ?? `“${cleanSubject(subject)}”对应多个科目（${c.candidates.map((x) => `${x.node.code} ${x.node.name}`).join('、')}），未定代码` };
    const { tree, node, alias } = c.match;
    const note = alias ? `报告写作“${alias}”，按分类表别名对应 ${node.code} ${node.name}` : undefined;
    if (tree === 'functional') {
      return { kind: 'fact', cell: { flow: '支出', source: st.source, basis: st.basis, functional: node.code, economic: null }, phase, label: node.name, note };
    }
    const owner = m.owner !== null ? st.topics.get(m.owner) : undefined;
    const ownerCell = owner?.target.kind === 'fact' && owner.target.cell.functional ? owner.target.cell : null;
    // Economic items after a functional one are its parts when they are in its parentheses, or
    // when a list of parts starts ("主要包括工资福利支出8.42万元，商品和服务支出…").
    const listStarts = /^(?:主要)?包括|^其中|^具体/.test(subject);
    const attach = ownerCell ?? (st.func && (st.econUnderFunc || m.depth > 0 || listStarts) ? { functional: st.func.code, basis: st.func.basis, source: st.func.source } : null);
    if (attach) st.econUnderFunc = true;
    return {
      kind: 'fact',
      cell: { flow: '支出', source: attach ? attach.source : st.source, basis: attach ? attach.basis : st.basis, functional: attach?.functional ?? null, economic: node.code },
      phase,
      label: node.name,
      note,
    };
  }

  /**
   * What the words before a figure name: the subject (one of a paired list's subjects), else the
   * clause before it, in the phase its words give, scoped by the heading, paired with the total
   * named just before it ("财政拨款收入总计A，支出总计B").
   */
  private readNamed(subjectText: string, m: Mention, first: Mention, gap: string, kinds: Kind[]): Resolved {
    const { st } = this;
    let subject = withoutUnitName(subjectText, this.opts.unitName);
    if (m.list) {
      const parts = splitPaired(cleanSubject(subject), m.list.size);
      if (parts) subject = parts[m.list.index];
    }
    let resolved: Resolved = null;
    for (const k of kinds) {
      resolved = this.resolve(subject, first.leadRaw, m, k);
      if (resolved) break;
    }
    let phase: Phase | null = null;
    if (resolved?.kind === 'phase') {
      phase = resolved.phase;
      resolved = inPhase(st.topic?.target ?? undefined, resolved.phase, cleanSubject(subject));
    }
    // "行政运行(项):支出决算为60万元": the item is named in the clause right before, which has no
    // number — only when the figure's own words name no item (phase words only), and never from
    // a clause further back ("因公出国(境)费用没有;公务用车及运行维护费支出251万元" is not 因公出国).
    // A path ended with 。 ("行政运行(项)。年初预算为…", one sentence since sentences.ts) is that clause.
    const clauseBefore = gap.replace(/。\s*$/, '').split(/[,;。]/).pop() ?? '';
    if ((!resolved || resolved.kind === 'none') && phase !== null && clauseBefore.trim()) {
      const fromGap = this.resolve(stripAsides(clauseBefore), clauseBefore, m, m.kind);
      if (fromGap && fromGap.kind !== 'phase' && fromGap.kind !== 'none') resolved = phase && fromGap.kind === 'fact' ? { ...fromGap, phase } : fromGap;
    }
    // "2、支出：799.12万元", "2021年度，某学区支出为X万元" with nothing before it: the unit's spending.
    // Not in a sentence about an item the reader could not name (a 类/款/项 path, a figure before
    // that went to review): there "支出决算为32万元" is that item's.
    const aboutUnnamed = this.reviewed.size > 0 || /\((?:类|款|项)\)/.test(this.s.folded);
    if (!resolved && phase === '决算' && !st.topic && !this.carry && !aboutUnnamed && /^(?:总)?支出(?:决算数?)?$/.test(cleanSubject(subject)) && !/共计|合计|累计|实际/.test(subject))
      resolved = { kind: 'fact', cell: { flow: '支出', source: null, basis: null, functional: null, economic: null }, phase, label: '本年支出合计' };
    if (!resolved || resolved.kind === 'none') return resolved;
    if (st.scope && !/(?:财政拨款|基金|国有资本)/.test(subject)) resolved = scopedTo(resolved as Target, st.scope);
    // "一般公共预算财政拨款支出800万元,其中:基本支出600万元" and "一般公共预算财政拨款支出中,基本支出…":
    // the spending type of a fund source's spending is that source's, not the unit's 基本支出.
    const within = st.source ?? st.scope;
    const t = resolved;
    if (within && t?.kind === 'fact' && t.cell.flow === '支出' && t.cell.basis && !t.cell.source && !t.cell.functional && !t.cell.economic)
      resolved = { ...t, cell: { ...t.cell, source: within }, label: `${within}${t.cell.basis}` };
    return pairedTotal(resolved, st.topic?.target, cleanSubject(subject));
  }

  /** What the subject of a figure of quantity kind `kind` names. */
  private resolve(subject: string, raw: string, m: Mention, kind: Kind): Resolved {
    // "县农技推广中心基本支出400万元,在职人员20人": the rest of the sentence is that unit's too.
    this.otherOrg ??= /\((?:类|款|项)\)/.test(raw) ? null : otherUnit(cleanSubject(stripAsides(subject)), this.opts);
    if (this.otherOrg) return { kind: 'none', reason: `“${this.otherOrg}”是另一个单位（下属或相关单位），它的数字不是本单位的` };
    if (kind === 'money') {
      const t = this.classifyMoney(subject, raw, m);
      if (t) return t;
    }
    const prev = (this.st.topic ?? this.carry)?.target;
    const before = this.s.folded.slice(0, m.start);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('。')) + 1);
    return resolveSubject(subject, { kind, unit: m.unit, sentence: this.s.folded, clause, before, tail: m.tail, seen: this.st.seen, genre: this.opts.genre, prevRole: prev?.kind === 'measure' ? prev.role : undefined });
  }
}
