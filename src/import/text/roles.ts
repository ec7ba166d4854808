/**
 * Subject words → what the figure is: a fact cell (flow, source, basis, functional, economic,
 * phase) or a measure role from the vocabulary (src/model/vocabulary.ts ROLES). The phrase list
 * is the standard wording of 部门决算 / 单位决算 情况说明 and 部门整体支出绩效自评 reports; it
 * names no unit. Order matters: the more specific phrase first (三公 items before the 三公 total,
 * 基本支出总计 before 支出总计, 净资产 before 资产总额).
 */
import { PROCUREMENT_KINDS, ROLES, parseRole, type Basis, type Flow, type Phase, type Source } from '../../model/vocabulary';
import { termRole } from './vocabulary';
import type { Kind } from './numbers';

export interface Cell {
  flow: Flow;
  source: Source | null;
  basis: Basis | null;
  functional: string | null;
  economic: string | null;
}

export type Target =
  | { kind: 'fact'; cell: Cell; phase: Phase; label: string; note?: string }
  | { kind: 'measure'; role: string; phase: Phase; label: string; free?: true };

/** A subject that only names a phase ("实际支出", "年初批复预算数"): it is the sentence's topic, in that phase. */
export type Resolved = Target | { kind: 'phase'; phase: Phase } | { kind: 'none'; reason: string } | null;

export interface SubjectContext {
  kind: Kind;
  unit: string;
  /** Folded text of the whole sentence (words such as 车辆, 固定资产, 接待 give context). */
  sentence: string;
  /** Folded text of the figure's own clause, from the last comma or semicolon before it. */
  clause?: string;
  /** Folded text of the sentence before the figure. */
  before?: string;
  tail: string;
  /** Roles already seen in this sentence (for 其中 lists of 在编人员). */
  seen: Set<string>;
  /** The document's genre, when known (project figures of a 项目支出绩效自评). */
  genre?: string;
  /** The role of the figure the text spoke of last, when it was a measure. */
  prevRole?: string;
}

/** Phase words of a subject: 年初预算, 调整预算, else 决算. */
export function phaseOf(s: string): Phase {
  // The names of the three budgets (一般公共预算财政拨款 …) are fund sources, not phases.
  // Nor are a 预算单位 (a unit that keeps a budget), 预算管理 or 预算人员 (the staff the budget pays):
  // they name no budget figure.
  s = s.replace(/一般公共预算|政府性基金预算|国有资本经营预算|预算单位|预算管理|预算人员/g, '');
  // "年中追加预算": an addition is an adjustment of the budget.
  if (/调整(?:后)?预算|全年预算|追加|调增|调减/.test(s)) return '调整预算';
  if (/预算(?:数|收入|支出)?/.test(s) && !/预算(?:执行|完成|调整)率/.test(s)) return '年初预算';
  return '决算';
}

const fact = (cell: Partial<Cell> & { flow: Flow }, label: string, phase: Phase = '决算'): Target => ({
  kind: 'fact',
  cell: { source: null, basis: null, functional: null, economic: null, ...cell },
  phase,
  label,
});
const measure = (role: string, label: string, phase: Phase = '决算'): Target => ({ kind: 'measure', role, phase, label });

/** 固定资产 classes (GB/T 14885 门类), as reports print them. */
const FIXED_CLASSES = ['土地、房屋及构筑物', '房屋及构筑物', '通用设备', '专用设备', '文物和陈列品', '图书、档案', '家具、用具、装具及动植物', '无形资产'];
const VEHICLE_STATUS = ['在用', '出租出借', '闲置', '待处置', '待报废', '报废', '封存'];
const SOURCE_WORDS: Array<[RegExp, Source]> = [
  // "一般公共财政拨款" is the older name of the same source; "一般公共预算拨款收入", "一般公共预算
  // 当年拨款收入" are the names some provinces' forms print.
  [/一般公共(?:预算)?(?:财政|当年)?拨款/, '一般公共预算财政拨款'],
  [/政府性基金预算财政拨款/, '政府性基金预算财政拨款'],
  [/国有资本经营预算财政拨款/, '国有资本经营预算财政拨款'],
  // "使用非财政拨款结余" names no appropriation.
  [/(?<!非)财政拨款/, '财政拨款'],
];
/** Shortened names of the fund sources ("一般公共财政拨款", "政府性基金"), read only where a source is expected. */
const GOV_FUND_WORDS: Array<[RegExp, Source]> = [
  [/一般公共(?:财政)?(?:拨款|预算)/, '一般公共预算财政拨款'],
  [/政府性基金/, '政府性基金预算财政拨款'],
  [/国有资本经营/, '国有资本经营预算财政拨款'],
];
/** The fund source a clause names by its full or shortened name ("一般公共预算财政拨款支出中"); a bare 财政拨款 otherwise. */
export function fundSourceIn(words: string): Source {
  return GOV_FUND_WORDS.find(([re]) => re.test(words))?.[1] ?? '财政拨款';
}
const INCOME_SOURCES: Array<[RegExp, Source]> = [
  [/上级补助收入/, '上级补助'],
  [/事业收入/, '事业'],
  [/经营收入/, '经营'],
  [/附属单位上缴收入/, '附属单位上缴'],
  [/其他收入/, '其他'],
  // "事业收入10万元，政府性基金6万元": the fund named without 预算财政拨款 in a list of income.
  [/^政府性基金(?:收入)?$/, '政府性基金预算财政拨款'],
];
const BASES: Array<[RegExp, Basis]> = [
  [/基本支出/, '基本支出'],
  [/项目支出/, '项目支出'],
  [/上缴上级支出/, '上缴上级支出'],
  [/对附属单位补助支出/, '对附属单位补助支出'],
  [/经营支出/, '经营支出'],
];

/**
 * The budget and execution figures of a project (项目支出绩效自评, or a sentence about projects):
 * 年初批复预算, 年中追加, 调整后预算, 实际到位资金, 实际支出.
 */
function projectRole(s: string, c: SubjectContext, phase: Phase): Resolved {
  const aboutProjects = /项目/.test(s) || c.genre === '项目支出绩效自评';
  if (!aboutProjects) return null;
  // "部门年初预算1022.89万元，年中调整预算为1781.86万元…全年执行数1767.21万元": a sentence about the
  // 部门's whole budget, with no 项目 in it, states no project's figure (even in a project report):
  // its budget phases are the 部门's 本年支出 at each phase, anything else is not read here.
  if (!/项目/.test(c.sentence) && /部门|单位整体/.test(c.sentence)) {
    const named = s.replace(/^[一二三四五六七八九十]是/, '');
    if (!/^(?:部门|单位)?(?:年初预算|年中调整预算|调整(?:后)?预算|全年预算|全年执行数)$/.test(named)) return null;
    return fact({ flow: '支出' }, '本年支出合计', /年初/.test(named) ? '年初预算' : /执行/.test(named) ? '决算' : '调整预算');
  }
  // "一批项目县级批复总投资", "其中建筑工程": a part of the project, not its own figure.
  if (/^(?:第?[一二三四五六七八九十\d]+(?:批|期|标段)|其中)/.test(s)) return null;
  // "资金2179万元目前已全部拨付": the words after the amount say it has arrived.
  // "我校收到教育专项工作经费资金16.20万元": the funds received are the funds arrived.
  if (/到位|已全部拨付|全部下达|收到/.test(s) || /^(?:目前|现)?已?(?:全部|全额)(?:拨付|到位|下达)/.test(c.tail)) return measure('project.funds-arrived', '项目实际到位资金');
  if (/完成预算资金|实际完成(?:资金|投资)/.test(s)) return measure('project.spent', '项目实际支出');
  if (/申请预算(?:资金)?$/.test(s)) return measure('project.budget-initial', '项目年初批复预算', '年初预算');
  if (/调整(?:后)?(?:的)?(?:项目)?预算|调整预算后|全年预算/.test(s)) return measure('project.budget-adjusted', '项目调整后预算', '调整预算');
  if (/年中(?:追加|增加|调增)|追加(?:预算|资金)?$/.test(s)) return measure('project.budget-added', '项目年中追加预算', '调整预算');
  if (/年初批复|年初预算|批复(?:下达)?(?:预算|总投资|投资)|计划(?:总)?投资/.test(s)) return measure('project.budget-initial', '项目年初批复预算', '年初预算');
  if (/实际支出|执行数|实际执行|支出数|已(?:完成)?(?:拨付|支付|使用)|^拨付使用$/.test(s)) return measure('project.spent', '项目实际支出');
  // "项目资金共2179万元", "…经费项目财政资金总额16.20万元": the project's whole funds, its budget.
  if (/^项目资金(?:总额|合计|共计?)?$|项目(?:财政)?资金(?:总额|合计)$/.test(s)) return measure('project.budget-adjusted', '项目调整后预算', '调整预算');
  void phase;
  return null;
}

/** Rows of the 收入支出决算总表 beside the carry-over that have no place in the data format. */
const NOT_CARRYOVER: Array<[RegExp, string]> = [
  [/结余分配/, '“结余分配”是收入支出决算总表中单独的一行，不是年末结转和结余，数据格式中没有它的位置'],
  [/使用非财政拨款结余|专用结余/, '“使用非财政拨款结余”是收入支出决算总表中单独的一行，不是年初结转和结余，数据格式中没有它的位置'],
  [/事业基金弥补/, '“用事业基金弥补收支差额”是收入支出决算总表中单独的一行，数据格式中没有它的位置'],
];
const CARRY_BEGIN = /(?:年初|上年度?|以前年度)(?:财政拨款)?结转(?:和|与|及)?(?:结余)?|年初(?:财政拨款)?结余/;
const CARRY_ANY = /结转(?:和|与|及)?结余|结转|结余/;

/**
 * The carry-over rows: 年初结转和结余 (also 上年结转, 使用年初结转和结余), 年末结转和结余, with the
 * fund source or spending type the words give ("一般公共预算财政拨款上年结转" is that source's
 * carry-over, not its income; "项目支出结转和结余" a part of the carry-over, not 项目支出). The
 * carry-over of a project ("年初结转结余项目50万元") is not the unit's: null.
 */
function carryOver(s: string, phase: Phase, before: string): Resolved {
  const not = NOT_CARRYOVER.find(([re]) => re.test(s));
  if (not) return { kind: 'none', reason: not[1] };
  if (!CARRY_ANY.test(s)) return null;
  // "2022年度结转到2023年使用的资金": last year's closing or this year's opening: the words do not say which row.
  if (/结转(?:到|至)(?!下年|以后)/.test(s)) return { kind: 'none', reason: '“结转到某年”的资金既可读作上年的年末结转，也可读作本年的年初结转，不能确定是哪一行' };
  if (/项目/.test(s) && !/项目支出/.test(s)) return null;
  // "年初结转和结余60万元,其中:基本支出结转10万元": a part that does not say which row it is
  // belongs to the row the sentence named last.
  const lastOf = (re: RegExp) => Math.max(-1, ...[...before.matchAll(new RegExp(re.source, 'g'))].map((m) => m.index ?? -1));
  const begins = CARRY_BEGIN.test(s) || (!/年末|下年|年底/.test(s) && lastOf(CARRY_BEGIN) > lastOf(/年末|下年|年底/));
  const flow: Flow = begins ? '年初结转和结余' : '年末结转和结余';
  const source = SOURCE_WORDS.find(([re]) => re.test(s))?.[1] ?? GOV_FUND_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
  const basis = BASES.find(([re]) => re.test(s))?.[1] ?? null;
  return fact({ flow, source, basis }, `${source ?? ''}${basis ?? ''}${flow}`, phase);
}

/** A subject made only of phase, amount and spending words. */
const PHASE_ONLY = /^(?:上年度?|上一年度?|去年|同期|年初|全年|调整后?|批复|实际|本年|当年|全年|总|的|经费|资金|财政拨款)*(?:预算|决算|执行|支出|支付)*(?:预算|决算|执行|支出)?(?:数|额|金额|总额|合计|共计|累计)?$/;

/** The three kinds of 三公 spending, as reports name them. */
const SANGONG_FAMILIES = [/因公出国|出国\(境\)/, /公务接待|外事接待/, /公务用车|公车/];

/**
 * 公务用车运行维护费, also as "车辆运行维护费用" ("決算車輛運行維護費用2.94萬元" of a 三公 notice) — but not
 * where the sentence lists the parts of 机关运行经费 or 公用经费, whose vehicle costs are not the 三公 item.
 */
function carRunning(s: string, sentence: string): boolean {
  if (/(?:公务用车|公车|公务车辆?)(?:运行|运维)/.test(s)) return true;
  return /^(?:决算)?(?:公务)?车辆(?:运行|运维)/.test(s) && !/机关运行|公用经费|商品和服务|日常公用/.test(sentence);
}

/** Evaluations other than the unit's self-evaluation: of a few chosen projects, by the 部门 or the 财政. */
const OTHER_EVALUATION = /部门评价|重点(?:绩效)?评价|财政评价|第三方评价|再评价/;

/** A sentence about one group of projects: a grade ("评为一等", "等级为优") or the classified ones. */
const ONE_GROUP = /涉密|评为.等|等级为/;

/** Assets and their parts, and the vehicles' book values. */
function assetRole(s: string, c: SubjectContext): Resolved | null {
  // Vehicles: 账面原值/净值 are the vehicles' only when the sentence is about vehicles.
  if (/车/.test(c.sentence) && /原值/.test(s)) return measure('vehicles.cost', '车辆账面原值');
  if (/车/.test(c.sentence) && /净值/.test(s) && !/资产/.test(s)) return measure('vehicles.book-value', '车辆账面净值');
  if (/净资产/.test(s)) return measure('assets.net', '净资产');
  if (/负债(?:总额|总计|合计)?/.test(s) && !/资产/.test(s)) return measure('assets.liabilities', '负债总额');
  if (/资产(?:总额|总计|合计|总值)/.test(s) && !/固定/.test(s)) return measure('assets.total', '资产总额');
  if (/固定资产/.test(c.sentence)) {
    const cls = FIXED_CLASSES.find((k) => s.endsWith(k) || s.endsWith(`${k}类`));
    if (cls) return measure(`assets.fixed-class:${cls}`, cls);
  }
  if (/在用固定资产/.test(s)) return measure('assets.fixed-in-use', '在用固定资产');
  if (/固定资产/.test(s)) return measure('assets.fixed', '固定资产');
  return null;
}

/**
 * 机关运行经费, also where a report writes out its definition instead of its name ("为保障机构正常运行
 * 而发生的购买货物和服务各项支出合计"): that total is the 机关运行经费, not the unit's 本年支出合计.
 */
const OPERATING = /机关运行经费|保障(?:机关|机构|单位)?(?:正常)?运行(?:而发生|所需|发生)?的?(?:用于)?购买货物和服务/;

/** The money an evaluation covered, named by 涉及; undefined when the words are about something else. */
function evaluationFunds(s: string, c: SubjectContext): Resolved | undefined {
  // "对8个项目开展了绩效自评,涉及一般公共预算支出300万元": the money the evaluation covers, whatever
  // fund it names, not that fund's spending.
  // (Not the funds of one group of projects: see the 涉密 / grade rule in money().)
  // "组织对3个重点项目开展了部门评价,涉及资金120万元": a 部门评价 or 财政重点评价 covers a few chosen
  // projects; its money is not what the self-evaluation covered.
  if (/涉及/.test(s) && OTHER_EVALUATION.test(c.sentence) && !/自评/.test(c.sentence)) return { kind: 'none', reason: '部门评价（或财政重点评价）涉及的资金只是选出的几个项目的，不是绩效自评涉及的资金' };
  if (/^涉及/.test(s) && /自评|绩效评价/.test(c.sentence) && !ONE_GROUP.test(c.sentence)) return measure('performance.amount', '绩效自评涉及资金');
  return undefined;
}

/** Money subjects. */
function money(s: string, c: SubjectContext): Resolved {
  const phase = phaseOf(s);
  // "本级收入合计800万元", "所属单位支出合计…": a part of the 部门 (its own organ, the units under
  // it) is not the 部门; its totals are not the report's totals.
  // "本级财政拨款…" alone may mean the same-level treasury's money; beside 所属单位 it is the organ's part.
  const organPart = /(?:^|:|其中)(?:机关)?本级/.test(c.clause ?? '') && /所属|下属|二级(?:预算)?单位/.test(c.sentence);
  if ((organPart || /^(?:.{0,6}?机关)?本级(?:收入|支出)|^(?:所属|下属|二级)(?:预算)?(?:单位|学校|事业单位|医院|机构)/.test(s)) && /收入|支出|结转|结余|合计|总计/.test(s))
    return { kind: 'none', reason: '本级或所属单位的数字只是部门的一部分，不是部门的合计' };
  const evaluation = evaluationFunds(s, c);
  if (evaluation !== undefined) return evaluation;
  // 三公 items before the total: "“三公”经费中公务接待费" is the item.
  if (/国内公务接待|外事接待|外宾接待/.test(s)) return { kind: 'none', reason: '公务接待费的细项（国内/外事接待）在角色表中没有位置' };
  // "国内公务接待24批次，210人次，支出2.05万元": an amount named only as spending, right after the
  // counts of a 三公 item, is that item's spending.
  if (/^(?:共|累计|合计|全年)?(?:支出|开支|花费)(?:费用|金额|经费|资金)?$/.test(s)) {
    if (c.prevRole?.startsWith('sangong.reception-')) return measure('sangong.item:公务接待', '公务接待费', phase);
    if (c.prevRole?.startsWith('sangong.abroad-')) return measure('sangong.item:因公出国（境）', '因公出国（境）费', phase);
  }
  // Several 三公 items named before one number: it is their sum, no single item's. All three
  // families named are the 三公 total ("因公出国(境)费、公务接待费、公务用车购置及运行费共计…").
  const families = SANGONG_FAMILIES.filter((re) => re.test(s)).length;
  if (families === SANGONG_FAMILIES.length) return measure('sangong.total', '“三公”经费', phase);
  if (families > 1) return { kind: 'none', reason: '列举的几项“三公”经费共用一个数字：是它们的合计，不是其中任何一项' };
  if (/因公出国(?:境)?|出国\(境\)/.test(s)) return measure('sangong.item:因公出国（境）', '因公出国（境）费', phase);
  // 公车 and 运维 are the reports' short forms of 公务用车 and 运行维护 ("公务用车购置及运维费").
  if (/(?:公务用车|公车)购置费?(?:及|和|与|、)?(?:公务用车|公车)?(?:运行|运维)/.test(s)) return measure('sangong.item:公务用车购置及运行维护', '公务用车购置及运行维护费', phase);
  if (carRunning(s, c.sentence)) return measure('sangong.item:公务用车运行维护', '公务用车运行维护费', phase);
  if (/(?:公务用车|公车)购置/.test(s)) return measure('sangong.item:公务用车购置', '公务用车购置费', phase);
  if (/公务接待/.test(s)) return measure('sangong.item:公务接待', '公务接待费', phase);
  if (/三公.{0,2}经费/.test(s)) return measure('sangong.total', '“三公”经费', phase);
  if (/会议费/.test(s)) return measure('meeting.total', '会议费', phase);
  if (/培训费/.test(s)) return measure('training.total', '培训费', phase);
  if (OPERATING.test(s)) return measure('operating.total', '机关运行经费', phase);
  if (/授予小微企业/.test(s)) return measure('procurement.micro', '授予小微企业合同金额');
  if (/授予中小企业/.test(s)) return measure('procurement.sme', '授予中小企业合同金额');
  // "政府采购总额45.24万元，其中：货物13.99万元，工程31.25万元": the kinds after the total.
  const kindAfterTotal = /^(货物|工程|服务)(?:类)?(?:采购)?(?:支出)?$/.exec(s);
  if (kindAfterTotal && c.prevRole?.startsWith('procurement.')) return measure(`procurement.kind:${kindAfterTotal[1]}`, `政府采购${kindAfterTotal[1]}支出`);
  if (/政府采购/.test(s)) {
    const kind = PROCUREMENT_KINDS.find((k) => s.includes(k));
    return kind ? measure(`procurement.kind:${kind}`, `政府采购${kind}支出`) : measure('procurement.total', '政府采购支出');
  }
  // "敏感涉密项目0个，涉及资金0万元", "21个项目评为一等，涉及资金656.93万元": the funds of one group
  // of projects (a grade, the classified ones), not all the funds the self-evaluation covered.
  if (/涉及(?:项目)?资金/.test(s) && ONE_GROUP.test(c.sentence)) return { kind: 'none', reason: '“涉及资金”属于句中某一类项目（某一评价等级或涉密项目），不是绩效自评涉及的全部资金' };
  if (/涉及(?:项目)?资金|自评.*资金|绩效.*资金/.test(s)) return measure('performance.amount', '绩效自评涉及资金');
  const asset = assetRole(s, c);
  if (asset) return asset;
  if (/人员经费/.test(s) && !/公用经费/.test(s)) return measure('basic.personnel', '人员经费', phase);
  if (/公用经费/.test(s) && !/人员经费/.test(s)) return measure('basic.public', '公用经费', phase);
  // The 财政拨款收入支出决算总表's totals (appropriations and their carry-over): not the unit's 收入总计 / 支出总计;
  // "财政拨款收、支总计" names both, read as the first (extract.ts adds the second).
  if (/财政拨款收(?:入)?、?支(?:出)?(?:决算)?(?:总计|总额)/.test(s)) return measure('fiscal.income-total', '财政拨款收入总计', phase);
  if (/财政拨款/.test(s) && /收入?(?:决算)?(?:总计|总额)/.test(s) && !/支出?(?:决算)?总/.test(s)) return measure('fiscal.income-total', '财政拨款收入总计', phase);
  if (/财政拨款/.test(s) && /支出?(?:决算)?(?:总计|总额)/.test(s) && !/收入?(?:决算)?总/.test(s) && !/一般公共预算|政府性基金|国有资本/.test(s))
    return measure('fiscal.spending-total', '财政拨款支出总计', phase);
  // 一般公共预算财政拨款支出 as a whole (not one type or function of it): the §五 figure, with its budget and completion.
  if (/一般公共预算(?:财政拨款)?(?:支出)?(?:决算)?(?:总计|总额|合计)?$/.test(s.replace(/(?:决算数?|预算数?|年初预算数?)$/, '')) && /支出/.test(s) && !BASES.some(([re]) => re.test(s)))
    return measure('gpb.spending', '一般公共预算财政拨款支出', phaseOf(s.replace(/^一般公共预算/, '')));
  // "与上年相比，一般公共预算财政拨款增加…" right after the 一般公共预算财政拨款支出: the same figure.
  if (s === '一般公共预算财政拨款' && c.prevRole === 'gpb.spending') return measure('gpb.spending', '一般公共预算财政拨款支出', phase);
  // "收、支总计X万元", "收入支出总计X万元", "收支较上年减少…": one figure named for both totals is read
  // as 收入总计, the first it names.
  if (/^(?:收、?支(?:出)?|收入(?:和|与|及|、)?支出)(?:总计|总额)?(?:均|各|都)?$/.test(s)) return measure('income.grand-total', '收入总计', phase);
  // "镇财政决算收支总计8472.11万元": words before the pair say whose totals they are; still both
  // totals (a fund source's own "一般公共预算收支总计" is not the unit's, below).
  if (/(?:收、?支(?:出)?|收入(?:和|与|及|、)?支出)(?:决算)?(?:总计|总额)(?:均|各|都)?$/.test(s) && !GOV_FUND_WORDS.some(([re]) => re.test(s)))
    return measure('income.grand-total', '收入总计', phase);
  const project = projectRole(s, c, phase);
  if (project) return project;

  // "项目资金2.00万元……资金已使用2.00万元，结余0万元": what a project has left is not the unit's carry-over.
  // So is what a project carried over from last year ("项目资金共计100万元,其中上年结转20万元").
  if (CARRY_ANY.test(s) && c.genre === '项目支出绩效自评') return { kind: 'none', reason: '项目资金的结转或结余不是单位的年初（年末）结转和结余' };
  // "一般公共预算财政拨款支出4500万元,其中:本年预算安排4300万元,使用上年结转结余200万元": the
  // part of a spending figure paid from the carry-over, not the unit's 年初结转和结余 row.
  if (/^使用(?:上年|年初|以前年度)/.test(s) && /支出/.test(c.before ?? '') && !/收入/.test(c.before ?? ''))
    return { kind: 'none', reason: '支出中由上年结转资金安排的部分，不是收入支出决算总表的“年初结转和结余”' };
  const carry = carryOver(s, phase, c.before ?? '');
  if (carry) return carry;
  // Facts: spending type and fund source before the totals ("基本支出总计" is 基本支出).
  const basis = BASES.find(([re]) => re.test(s))?.[1] ?? null;
  const source = SOURCE_WORDS.find(([re]) => re.test(s))?.[1] ?? null;
  if (source && (/收入/.test(s) || (!/支出/.test(s) && !basis))) {
    return fact({ flow: '收入', source }, `${source}收入`, phase);
  }
  if (source || basis) return fact({ flow: '支出', source, basis }, `${source ?? ''}${basis ?? '支出'}`, phase);
  const income = INCOME_SOURCES.find(([re]) => re.test(s));
  if (income) return fact({ flow: '收入', source: income[1] }, `${income[1] === '其他' ? '其他' : income[1]}收入`, phase);
  // "一般公共预算收入总计": the total of one fund source's table, not the unit's; no place for it.
  if (/总计/.test(s) && GOV_FUND_WORDS.some(([re]) => re.test(s)))
    return { kind: 'none', reason: `“${s}”是一种资金来源的总计，不是单位的收入总计或支出总计，数据格式中没有它的位置` };
  // "收入决算总计" names the same row as 收入总计.
  if (/收入?(?:决算)?总计/.test(s)) return measure('income.grand-total', '收入总计', phase);
  if (/支出?(?:决算)?总计/.test(s)) return measure('spending.grand-total', '支出总计', phase);
  if (/^(?:决算)?总收入/.test(s)) return measure('income.grand-total', '收入总计', phase);
  if (/^(?:决算)?总支出/.test(s)) return measure('spending.grand-total', '支出总计', phase);
  // "上年收入8045.84万元": last year's 本年收入 (the year comes from 上年, as for 上年收入合计).
  if (/本年收入(?:合计)?|收入合计|^(?:上年度?|上一年度?|去年)?收入(?:决算数?)?$/.test(s)) return fact({ flow: '收入' }, '本年收入合计', phase);
  if (/本年支出(?:合计)?|支出合计|^(?:上年度?|上一年度?|去年)支出(?:决算数?)?$/.test(s)) return fact({ flow: '支出' }, '本年支出合计', phase);
  // A wording listed in the reference vocabulary (data/reference/report-terms.json).
  const listed = termRole(s);
  // "人员经费和公用经费支出700万元": two listed items joined name their sum, not the last one.
  const joined = s.split(/以及|和|及|与|、/);
  if (listed && joined.length > 1 && joined.slice(0, -1).some((p) => termRole(p) !== null))
    return { kind: 'none', reason: `“${s}”把几项合在一起列了一个数字：是它们的合计，不是其中任何一项` };
  const part = /^(?:第?[一二三四五六七八九十\d]+(?:批|期|标段)|其中)/.test(s) && listed?.startsWith('project.');
  // A project's figures ("实际支出") only where the sentence or the document is about a project.
  const notProject = listed?.startsWith('project.') && !/项目/.test(`${s}${c.sentence}`) && c.genre !== '项目支出绩效自评';
  if (listed && !part && !notProject && (ROLES as Record<string, { unit: string }>)[parseRole(listed).name]?.unit === 'money') {
    const label = /:/.test(listed) ? listed.slice(listed.indexOf(':') + 1) : (ROLES as Record<string, { title: string }>)[listed].title;
    const fixed: Record<string, Phase> = { 'project.budget-initial': '年初预算', 'project.budget-added': '调整预算', 'project.budget-adjusted': '调整预算' };
    return measure(listed, label, fixed[listed] ?? phase);
  }
  // Words that only name a phase ("实际支出", "支出决算", "年初预算数"): the figure before, in that
  // phase. A subject with words of its own ("社会保障和服务支出") is another item, never the one before.
  if (/预算|执行数|决算数|实际(?:支出|执行)|支出$|^支出|^(?:支出)?决算$/.test(s) && PHASE_ONLY.test(s)) return { kind: 'phase', phase };
  return null;
}

/** Kinds of staff establishment a report counts apart, with the count printed after each ("行政编制5名，事业编制3名"). */
const STAFF_KIND_COUNTS = /(行政|事业|工勤|参公|机关)编制(?:数|人数)?(?:为|是|共)?(\d+)(?:人|名)/g;
const STAFF_KIND_AT_END = /(行政|事业|工勤|参公|机关)编制(?:数|人数)?$/;

/**
 * "行政编制0人,实有人数0人;事业编制334人,实有人数301人": a sentence that counts two kinds of
 * establishment gives each kind's quota and the people in post after it. A kind is the unit's
 * 编制数 (and the people after it its 在编人员) only when every other kind is printed as 0, so that
 * it is the whole; otherwise each kind is a part, kept under its own words ("行政编制25人、参公编制20人、
 * 事业编制26人" states no total). Null when the sentence counts one kind.
 */
function staffKind(s: string, c: SubjectContext): Resolved {
  const kinds = [...c.sentence.matchAll(STAFF_KIND_COUNTS)].map((m) => ({ kind: m[1], value: Number(m[2]) }));
  if (new Set(kinds.map((k) => k.kind)).size < 2) return null;
  const own = STAFF_KIND_AT_END.exec(s)?.[1];
  const inPost = !own && /^(?:实有人[员数]?|实际(?:人数)?|在职(?:人员)?|在编(?:人员)?)$/.test(s);
  const kind = own ?? (inPost ? [...(c.before ?? '').matchAll(STAFF_KIND_COUNTS)].pop()?.[1] : undefined);
  if (!kind) return null;
  const mine = kinds.find((k) => k.kind === kind);
  if (mine?.value !== 0 && kinds.every((k) => k.kind === kind || k.value === 0)) return inPost ? measure('staff.in-post', '在编人员') : measure('staff.quota', '编制数');
  return { kind: 'measure', role: '', phase: '决算', label: own ? s : `${kind}编制${s}`, free: true };
}

/** A whole territory named as what the sentence counts across ("全区现有", "全县共有", "辖区内"). */
const REGION_WIDE = /全(?:省|市|州|盟|区|县|旗|镇|乡)(?!委|政府|人大|政协|机关)|辖区/;

function count(s: string, c: SubjectContext): Resolved {
  const unit = c.unit;
  const t = s + c.tail;
  if (/车/.test(t) && /保有/.test(t)) return measure('sangong.vehicles', '公务用车保有量');
  // Only 公务用车 bought is the 三公 figure; "购置车辆0辆" keeps its own words (车辆 is not 公务用车).
  if (/购置/.test(s) && /公务用车/.test(t)) return measure('sangong.vehicles-bought', '购置公务用车');
  // 外事接待 (a part of the 国内公务接待 counted apart) and 其他单位组织的 团组 keep their own words.
  // So are the 国(境)外 guests ("国(境)外公务接待批次23个"), counted apart from the 国内 ones.
  if (/外事|外宾|其他单位组织|国外|境外/.test(s)) return { kind: 'measure', role: '', phase: '决算', label: `${s}${/^(?:批次|人次|个|人)$/.test(unit) && !/(?:批次|人次|个|人)$/.test(s) ? unit : ''}`, free: true };
  // "国(境)外公务接待批次23个,接待人次142人": a bare 接待人次 goes on with the guests its part of the
  // sentence (since the last ; or 。) names — not the 国内 reception counted before it.
  const segment = (c.before ?? '').slice(Math.max((c.before ?? '').lastIndexOf(';'), (c.before ?? '').lastIndexOf('。')) + 1);
  const guests = /接待/.test(s) && !/国内/.test(s) ? /国\(境\)外|境外|国外|外事|外宾/.exec(segment) : null;
  if (guests) return { kind: 'measure', role: '', phase: '决算', label: `${s}（${guests[0]}）`, free: true };
  if (/接待/.test(c.sentence) && (/批次/.test(t) || unit === '批次' || (/接待/.test(s) && unit === '次')))
    return measure('sangong.reception-batches', '国内公务接待批次');
  if (/接待/.test(c.sentence) && (/接待人数|接待人次/.test(s) || ((unit === '人次' || unit === '人') && (/接待/.test(s) || s === ''))))
    return measure('sangong.reception-people', '国内公务接待人次');
  if (/出国/.test(c.sentence) && /团组|批/.test(t)) return measure('sangong.abroad-groups', '因公出国（境）团组');
  if (/出国/.test(c.sentence) && (unit === '人次' || unit === '人')) return measure('sangong.abroad-people', '因公出国（境）人次');
  if (unit === '辆') {
    const status = VEHICLE_STATUS.find((k) => s.endsWith(k) || s === k);
    if (status) return measure(`vehicles.status:${status}`, `${status}车辆`);
    // "共有车辆2辆，其中，一般公务用车2辆": after the count, a named kind of vehicle is a part.
    if (c.seen.has('vehicles.count') && /车$/.test(s) && !/车辆$/.test(s) && s.length <= 12) return measure(`vehicles.kind:${s}`, s);
    // Vehicles bought, added or disposed of in the year are no count of the vehicles held.
    if (/车/.test(t) && !/购置|购买|新增|报废|处置/.test(s)) return measure('vehicles.count', '车辆');
  }
  if (/设备/.test(t) && !/车/.test(t) && over500k(c)) return measure('assets.equipment-500k', '单价50万元以上设备');
  // 内设机构 by that name; other bodies ("内设股级机构", "内设中队", "6个科室") keep their own words.
  if (/内设机构(?:数)?$|^内设机构/.test(t) && (unit === '个' || unit === '家')) return measure('staff.departments', '内设机构');
  // "对5个项目开展绩效自评": the self-evaluation is named beside the count, not merely in the sentence.
  // "自评结果为：21个项目评为一等": the projects of one grade (or the classified ones) are a part, not all evaluated.
  if (/项目/.test(t) && /自评|绩效评价/.test(t) && !/评为.等|等级为|涉密/.test(t) && (unit === '个' || unit === '项')) return measure('performance.projects', '绩效自评项目数');
  // "我部门及所属二层单位2024年度项目21个": the unit's projects (the year is dropped from the words).
  if (/实施项目|项目(?:个)?数|(?:部门|单位)项目$|^共$/.test(s + (/^项目/.test(c.tail) ? '项目' : '')) && /项目/.test(t) && (unit === '个' || unit === '项')) return measure('project.count', '项目个数');
  // "项目自评得分92分": the score of a project's self-evaluation.
  if (unit === '分' && /自评(?:总)?得分$/.test(s) && (/项目/.test(s) || c.genre === '项目支出绩效自评')) return measure('project.score', '绩效自评得分');
  // "全区现有各类学校43所…在职教师3685人": people counted across a whole territory (the schools of
  // a district, a county's staff) are not the unit's own staff, whatever they are called; they keep
  // their own words. "全局" / "全院" is the unit itself and is not such a territory.
  if ((unit === '人' || unit === '名') && REGION_WIDE.test(c.before ?? '')) return null;
  if (unit === '人' || unit === '名' || unit === '个') {
    // The words that end the subject name the people ("…离退休干部局…以及35个" names no retirees).
    if (/(?:离退休|退休)(?:人员|职工|干部|教师|教职工|人数)?$/.test(s)) return measure('staff.retired', '离退休人员');
    const other = /(编外|劳务派遣|合同制|临聘|聘用|临时|公益性岗位|借调)[^,;]*$/.exec(s);
    if (other) {
      const name = s.slice(s.search(/编外|劳务派遣|合同制|临聘|聘用|临时|公益性岗位|借调/));
      return measure(`staff.other:${name}`, name);
    }
    const byKind = staffKind(s, c);
    if (byKind) return byKind;
    // "编制绩效目标指标12个" is drawing up, not a staff establishment.
    if (/编制/.test(s) && !/编制内|在编|编外/.test(s) && !/指标|方案|预算|计划|项目|报告/.test(t)) return measure('staff.quota', '编制数');
    if (/在编|在职(?:人员|职工|教师|干部)?$|实有人[员数]?$|人员实有数$|实际正式/.test(s)) return measure('staff.in-post', '在编人员');
    // A kind of the staff in post named after them ("其中专业技术人员64人"); 离休 and 其他 people are not in post.
    if (c.seen.has('staff.in-post') && /(?:岗位?|人员|干部|职工|工人)$/.test(s) && !/离休|退休|其他|学生|编外|临聘|聘用/.test(s) && s.length <= 12)
      return measure(`staff.in-post-kind:${s}`, s);
  }
  return null;
}

function percent(s: string, c: SubjectContext): Resolved {
  // In a 项目支出绩效自评 the budget executed is the project's.
  if (/预算执行率/.test(s) && c.genre === '项目支出绩效自评') return measure('project.execution-rate', '项目资金执行率');
  if (/预算(?:完成|执行)率/.test(s) && !/项目/.test(s)) return measure('budget.completion-rate', '预算完成率');
  if (/预算调整率|调整率/.test(s)) return measure('budget.adjustment-rate', '预算调整率');
  // A project's rates only where the words or the document are about projects: a 部门整体 report's
  // "资金到位率" is the 部门's, and "政府采购执行率" is no project's budget executed.
  const aboutProjects = /项目/.test(s) || /项目/.test(c.sentence) || c.genre === '项目支出绩效自评';
  if (/到位率/.test(s) && aboutProjects) return measure('project.funds-arrival-rate', '项目资金到位率');
  // "已支付115万元，支付率95.83%": the share of the project's funds paid out is its execution rate.
  if (/执行率|支付率/.test(s) && !/采购/.test(s) && aboutProjects) return measure('project.execution-rate', '项目资金执行率');
  if (/覆盖率/.test(s)) return measure('performance.coverage', '绩效自评覆盖率');
  if (/控制率/.test(s) && /人员|编制/.test(s)) return measure('staff.control-rate', '在职人员控制率');
  return null;
}

/** 单价 thresholds a text names ("单价50万元以上", "单价100万元以上"), as numbers. */
const thresholds = (text: string): number[] =>
  [...text.matchAll(/单价[^,;。]*?(\d+|五十|一百)万元(?:\((?:含|不含)\))?以上/g)].map((m) => (m[1] === '五十' ? 50 : m[1] === '一百' ? 100 : Number(m[1])));

/**
 * Equipment counted over 单价50万元以上: the threshold of the figure's own clause, else the only
 * threshold of the sentence ("单价100万元以上专用设备3台" beside a 50万 clause is not one of them).
 */
function over500k(c: SubjectContext): boolean {
  const own = thresholds(c.clause ?? '');
  if (own.length) return own.every((v) => v === 50);
  const all = thresholds(c.sentence);
  return all.length > 0 && all.every((v) => v === 50);
}

/**
 * What a subject names, for a figure of the given kind. Percent subjects name rates; a money
 * subject a fact or a money role; a count subject a count role. The cleaned subject is matched
 * anywhere in its words, so "某局机关运行经费支出" is 机关运行经费.
 */
export function resolveSubject(subject: string, c: SubjectContext): Resolved {
  const s = cleanSubject(subject);
  if (c.kind === 'percent') return percent(s, c);
  if (c.kind === 'money') return money(s, c);
  return count(s, c);
}

/** Words that say nothing about what a figure is: years, "我单位", "其中". */
export function cleanSubject(s: string): string {
  return s
    .replace(/截至\d{4}年\d{1,2}月\d{1,2}日/g, '')
    // The year goes, the start or end of the year stays: "2023年年初结转和结余" is 年初结转和结余.
    .replace(/\d{4}年(?:度)?(年末|年初|年底|末|底|初)?/g, (_, end?: string) => (end ? (end.includes('初') ? '年初' : '年末') : ''))
    .replace(/^(?:[0-9]+[.、]|\([0-9一二三四五六七八九十]+\))/, '')
    .replace(/^(?:其中|主要包括|包括|具体包括|主要用于|主要原因是|原因是|主要是|分别是|分别为)[:：]?/, '')
    // 全年 says "of the year" ("全年支出"), but 全年预算 is the full-year (adjusted) budget.
    .replace(/^(?:我单位|本单位|我中心|本中心|我局|本局|我部门|本部门|单位|全年(?!预算)|当年|本级(?!收入|支出)|现有|全部|共有|共计|总共|共|合计|另有)+/, '')
    .replace(/^(?:其中|的)/, '')
    .trim();
}

