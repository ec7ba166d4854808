/**
 * What the words before a number say about it: a value ("X万元"), a change or growth against
 * the previous year or the budget ("较上年增加", "比年初预算减少", "与2021年相比…下降"), a share
 * ("占Y%", "占政府采购支出总额的0%") or a completion of the budget ("完成预算100%"); and what
 * remains of the lead is the subject ("2022年“三公”经费"), to be matched by roles.ts.
 */
import type { Phase } from '../../model/vocabulary';

export type Form =
  /** `prev`: "比上年2665.56万元增加…": the value of the year compared with (null = the year before). */
  /** `alone`: "…10万元,2023年度为12万元": only a year names it, so it is the same item in that year. */
  | { form: 'value'; subject: string; prev?: { year: number | null; alone?: true } }
  | { form: 'change'; subject: string; base: 'prev-year' | 'budget' | null; baseYear: number | null; sign: 1 | -1; phase?: Phase; each: boolean }
  | { form: 'share'; subject: string; whole: string }
  /** `named`: the words name the budget (年初, 全年, 调整后); else it is the paragraph's budget. */
  | { form: 'completion'; subject: string; phase: Phase; named?: boolean };

// "比上年决算数字下降34.26%": 数字 is the printed word for the figure compared with.
const UP = '增加|增长|上升|上涨|新增|提高|增';
// "比去年3.01万元少0.07万元": 少 is a decrease too, but 至少 is a bound.
const DOWN = '减少|下降|降低|节约|节省|下滑|减|(?<!至)少';
const VERB = `${UP}|${DOWN}`;
const BASE_WORD = String.raw`((?:上年度?|上一年度?|去年|上年同期|同期)(?:决算(?:数字?)?)?|(\d{4})年度?(?:同期)?(?:决算(?:数字?)?)?|年初预算数?|调整(?:后)?预算数?|全年预算数?|预算数?)`;
const CHANGE = new RegExp(String.raw`^(.*?)(?:较|比|与|同比|同)${BASE_WORD}(?:相比|相较|比较)?,?(.*?)(各)?(${VERB})(?:了)?(.*)$`);
const YOY = new RegExp(String.raw`^(.*?)同比(各)?(${VERB})(?:了)?(.*)$`);
const BARE = new RegExp(String.raw`^(.*?)(各)?(${VERB})(?:了)?$`);
/** "增长率为11.11%", "降幅20%": the rate of a change named as a noun; its sign is in the noun. */
const RATE_NOUN = /^(.*?)(?:(增幅|增长率|增长幅度|增速|涨幅|上升幅度)|(降幅|下降率|下降幅度|降低率|减幅|减少幅度|下降比例))(?:为|是|达到?|约)?$/;
const SHARE = /^(.*?)占(.*?)(?:的)?(?:比重|比例)?(?:为|达到?)?$/;
// "占年初预算的96%", "为年初预算的96%": a figure measured against its own budget is its completion
// (against 部门预算 or another item it is a share).
const COMPLETION = /^(.*?)(?:完成(?:了)?|占|为|达到?)(年初|调整后?|全年)?(?:全年)?预算(?:数)?(?:的)?$/;
/**
 * A clause that only sets the comparison for what follows: "与2021年相比,", and with its 与 lost
 * ("，2023年度相比，减少…"), where 相比 still says it.
 */
const COMPARISON_CLAUSE = [new RegExp(String.raw`(?:较|比|与)${BASE_WORD}(?:相比|相较|比较)?$`), new RegExp(String.raw`${BASE_WORD}(?:相比|相较)$`)];
/** The base a comparison-only clause sets, or null when the words set none. */
export function comparisonOnly(gap: string): ReturnType<typeof baseOf> | null {
  // Text copied from a PDF spaces the year out ("与 2022 年度相比").
  const words = gap.replace(/\s+/g, '');
  for (const re of COMPARISON_CLAUSE) {
    const m = re.exec(words);
    if (m) return baseOf(m[1]);
  }
  return null;
}
/**
 * "与2020年执行数相比": a comparison with a figure that is neither last year's nor the budget (the
 * execution reported to the congress during the year): no change the data format records.
 */
const OTHER_BASE = /(?:与|较|比)(?!上年|去年|上一年)[^,;。]{0,16}?执行数(?:相比|相较|比较)?/;
export const comparesOther = (words: string): boolean => OTHER_BASE.test(words);

/** "相比增加21.5万元" after "与上年1007.40万元": the comparison was named with the value before. */
const AFTER_PREV = new RegExp(String.raw`^(?:相比|相较|比较)(.*?)(各)?(${VERB})(?:了)?$`);

/**
 * "按同口径同比减少63.96万元": 同口径 / 可比口径 say how the years are compared, not what is compared;
 * without them the change falls to the sentence's item.
 */
const SAME_BASIS = /(?:按|以|在)?(?:同|可比)口径(?:计算|下)?/g;
const basisless = (subject: string) => subject.replace(SAME_BASIS, '');

const signOf = (verb: string): 1 | -1 => (new RegExp(`^(?:${DOWN})$`).test(verb) ? -1 : 1);

/** The base a comparison word names. */
function baseOf(word: string): { base: 'prev-year' | 'budget'; baseYear: number | null; phase?: Phase } {
  const y = /^(\d{4})/.exec(word);
  if (y) return { base: 'prev-year', baseYear: Number(y[1]) };
  if (/预算/.test(word)) return { base: 'budget', baseYear: null, phase: /调整/.test(word) ? '调整预算' : '年初预算' };
  return { base: 'prev-year', baseYear: null };
}

/** Trailing verbs of a value lead: "资金执行率为", "共设编制", "共计支出". */
function cleanValueSubject(s: string): string {
  // "项目支出包括委员活动经费": the item after 包括 is the figure's subject.
  const listed = /^(.+?)(?:主要)?包括[:]?(.+)$/.exec(s);
  if (listed && !/^(?:其中|主要|具体)$/.test(listed[1])) s = listed[2];
  return s.replace(/(?:分别|各)?(?:为|是|达到|达|约|近|共计|合计为)$/, '');
}

/** "决算数大于预算数55.93万元", "实际支出超出预算X万元": a change of actual against the budget. */
const VS_BUDGET = /^(.*?)(?:决算数?|实际(?:支出|执行)?数?|执行数)?(大于|超过|超出|多于|高于|小于|少于|低于)(年初|调整后?|全年)?预算数?$/;

/**
 * "比上年", "较2020年度的", "与上年同期", "比2017年度总支出", "比上年累计支出": the words before the compared year's own
 * value; the item may be named again after the year (never a change verb: "比上年增加" is a change).
 */
const PREV_VALUE = /^(.*?)(?:较|比|与|同比|同)(?:上年度?|上一年度?|去年|(\d{4})年度?)(?:的|同期)?(?:累计|合计|共计)?((?:(?!增|减|下降|上升|上涨|提高|降低|相比|相较|持平|变化|节约|节省)[^,;]){0,12}?)(?:决算数?|实际数?)?(?:为|是)?$/;

/** "2023年度为", "2014年为": a lead that is only a year (the item is the one just stated). */
const YEAR_ONLY = /^(\d{4})年度?(?:为|是)$/;

/** Parse a (folded, asides dropped) lead. */
export function parseLead(lead: string): Form {
  const yearOnly = YEAR_ONLY.exec(lead);
  if (yearOnly) return { form: 'value', subject: '', prev: { year: Number(yearOnly[1]), alone: true } };
  const prev = PREV_VALUE.exec(lead);
  if (prev) return { form: 'value', subject: prev[1] || prev[3], prev: { year: prev[2] ? Number(prev[2]) : null } };
  const after = AFTER_PREV.exec(lead);
  if (after) return { form: 'change', subject: after[1].replace(/^,/, ''), base: null, baseYear: null, sign: signOf(after[3]), each: Boolean(after[2]) };
  const vs = VS_BUDGET.exec(lead);
  if (vs)
    return { form: 'change', subject: vs[1], base: 'budget', baseYear: null, sign: /大于|超过|超出|多于|高于/.test(vs[2]) ? 1 : -1, phase: vs[3] === '全年' || vs[3]?.startsWith('调整') ? '调整预算' : '年初预算', each: false };
  let m = COMPLETION.exec(lead);
  if (m) return { form: 'completion', subject: m[1], phase: m[2] === '全年' || m[2]?.startsWith('调整') ? '调整预算' : '年初预算', named: Boolean(m[2]) };
  m = SHARE.exec(lead);
  if (m && !/占用/.test(lead)) return { form: 'share', subject: m[1], whole: m[2] };
  m = CHANGE.exec(lead);
  if (m) {
    const b = baseOf(m[2]);
    const subject = [m[1], m[4], m[7]].map((x) => x ?? '').join('').replace(/^[,、]+|[,、]+$/g, '');
    return { form: 'change', subject: basisless(subject), ...b, sign: signOf(m[6]), each: Boolean(m[5]) };
  }
  m = YOY.exec(lead);
  if (m) return { form: 'change', subject: basisless(m[1] + (m[4] ?? '')), base: 'prev-year', baseYear: null, sign: signOf(m[3]), each: Boolean(m[2]) };
  m = BARE.exec(lead);
  if (m) return { form: 'change', subject: m[1], base: null, baseYear: null, sign: signOf(m[3]), each: Boolean(m[2]) };
  m = RATE_NOUN.exec(lead);
  if (m) return { form: 'change', subject: m[1], base: null, baseYear: null, sign: m[2] ? 1 : -1, each: false };
  return { form: 'value', subject: cleanValueSubject(lead) };
}
