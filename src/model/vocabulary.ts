/**
 * The data contract's vocabulary: the closed lists that the schema, the validator, the rules
 * and the views share. Every list here is the standard content of a 部门决算 / 单位决算公开 and a
 * 部门整体支出绩效自评; nothing here belongs to one unit or one report.
 */

/** Budget phase of an amount. Plan (预算) and actual (决算) are never summed together. */
export const PHASES = ['年初预算', '调整预算', '决算'] as const;
export type Phase = (typeof PHASES)[number];
/** Both budget phases, for "plan" comparisons (the latest plan is the 调整预算 when stated). */
export const PLAN_PHASES: readonly Phase[] = ['调整预算', '年初预算'];

/**
 * Which side of the 收入支出决算总表 an amount belongs to. 收入总计 = 本年收入 + 年初结转和结余;
 * 支出总计 = 本年支出 + 年末结转和结余; the two totals are equal.
 */
export const FLOWS = ['收入', '支出', '年初结转和结余', '年末结转和结余'] as const;
export type Flow = (typeof FLOWS)[number];

/** Spending type (支出决算表 columns). 基本支出 and 项目支出 are the usual split. */
export const BASES = ['基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'] as const;
export type Basis = (typeof BASES)[number];

/**
 * Income source, and the fund source of spending and carry-over. 财政拨款 is the sum of the
 * three appropriations; a report may state it alone.
 */
export const SOURCES = [
  '财政拨款',
  '一般公共预算财政拨款',
  '政府性基金预算财政拨款',
  '国有资本经营预算财政拨款',
  '上级补助',
  '事业',
  '经营',
  '附属单位上缴',
  '其他',
] as const;
export type Source = (typeof SOURCES)[number];
/** The parts of an aggregate source (sum rule and drill). */
export const SOURCE_PARTS: Partial<Record<Source, readonly Source[]>> = {
  财政拨款: ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
};
/** How a source is named on each side: 事业 → 事业收入 (income), 事业资金 (spending). */
export function sourceLabel(s: Source, flow: Flow = '收入'): string {
  const income = flow === '收入' || flow === '年初结转和结余';
  if (s.endsWith('财政拨款')) return income && flow === '收入' ? `${s}收入` : s;
  if (s === '附属单位上缴') return income ? '附属单位上缴收入' : '附属单位上缴资金';
  return income ? `${s}收入` : `${s}资金`;
}

/** What a measure's number is, relative to the quantity its role names. */
export const STATS = ['value', 'change', 'growth', 'share', 'completion'] as const;
export type Stat = (typeof STATS)[number];
/** What a `change`, `growth` or `completion` (actual as % of the budget: "完成预算100%") is measured against. */
export const BASES_OF_CHANGE = ['prev-year', 'budget'] as const;
export type ChangeBase = (typeof BASES_OF_CHANGE)[number];

export const APPROX = ['近', '余', '约'] as const;
export type Approx = (typeof APPROX)[number];
export const ISSUE_KINDS = ['arithmetic', 'wording', 'definition'] as const;
export const GROUP_DOMAINS = ['finance', 'operations'] as const;
export const SOURCE_KINDS = ['部门决算', '单位决算', '部门整体支出绩效自评', '项目支出绩效自评', '部门预算', '其他'] as const;

/**
 * Indicator units whose values may be negative: a change in money ("减少7.11万元" as −7.11) and a
 * rate or growth in percent ("较上年增长-18.19%"). Headcounts, counts and areas are never negative.
 */
export const SIGNED_UNITS: ReadonlySet<string> = new Set(['万元', '%']);
/** Units that count whole things: their values must be integers. */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  '人', '个', '辆', '条', '路', '台', '项', '场', '次', '人次', '家', '件', '批次', '户', '套', '张', '处', '栋',
]);

/** Code length per level: 类 3 digits, 款 5, 项 7 (economic classification has no 项). */
export const CODE_LENGTHS: Record<'functional' | 'economic', readonly number[]> = {
  functional: [3, 5, 7],
  economic: [3, 5],
};

/**
 * 基本支出 by economic 类, as the 基本支出决算表 defines it: 人员经费 = 工资福利支出 (301) + 对个人和
 * 家庭的补助 (303); 公用经费 = 商品和服务支出 (302) + 资本性支出 (310). 人员经费 belongs in 基本支出:
 * personnel classes booked as 项目支出 need a reason. 机关运行经费 is the 公用经费 of 基本支出, so a
 * personnel class is outside it.
 */
export const BASIC_SPENDING_PARTS = {
  人员经费: ['301', '303'],
  公用经费: ['302', '310'],
} as const satisfies Record<string, readonly string[]>;
export const PERSONNEL_CLASSES: readonly string[] = BASIC_SPENDING_PARTS.人员经费;
/** The economic 类 机关运行经费 may contain (日常公用经费 of 基本支出). */
export const OPERATING_CLASSES: readonly string[] = BASIC_SPENDING_PARTS.公用经费;

/**
 * Fixed-asset classes (资产负债表 / 国有资产占用 wording) and the economic 款 that buy them: a
 * class's year-end balance is normally at least what was bought for it that year.
 */
export const ASSET_CLASS_PURCHASES: Record<string, readonly string[]> = {
  房屋: ['31001'],
  通用设备: ['31002'],
  专用设备: ['31003'],
};

/**
 * The role vocabulary: what a measure is, independent of its id, label, group or unit. Views,
 * cards, the narrative and the rules ask for roles; a report that states only some of them gets
 * exactly those. A role is `<name>` or `<name>:<qualifier>`; `qualifier` says what may follow the
 * colon (an item of a closed list, a classification code, or free text naming a part).
 *
 * Some roles name a quantity that is itself a money fact (income.total, income.source, spending.type,
 * spending.function, spending.economic): the amount is the fact; measures with such a role are its
 * changes and shares (`stat`), so they are found, titled and checked like any other.
 *
 * `title` names the quantity for people; a qualified role is titled by its qualifier
 * (`sangong.item:公务接待` → 公务接待费, never "三公经费").
 */
export interface RoleSpec {
  title: string;
  /** Section of the dashboard the quantity belongs to. */
  section: RoleSection;
  /** What may follow `:`; absent = the role takes no qualifier. */
  qualifier?: 'sangong-item' | 'procurement-kind' | 'functional' | 'economic' | 'source' | 'basis' | 'name';
  /** The role this one is a part of (for sums and part-of-whole checks). */
  partOf?: string;
  /**
   * The whole a stated share of this role is taken of, when it is not `partOf`: reports print the
   * 小微企业 share of 政府采购支出总额, though 小微企业 contracts are part of the 中小企业 ones.
   */
  shareOf?: string;
  /** Unit family: money (万元), percent, count or area. */
  unit: 'money' | 'percent' | 'count' | 'area';
}

export const ROLE_SECTIONS = ['totals', 'budget', 'sangong', 'meeting', 'training', 'operating', 'procurement', 'assets', 'vehicles', 'staff', 'performance', 'spending'] as const;
export type RoleSection = (typeof ROLE_SECTIONS)[number];

/** Titles of the sections, for headings and for "this report does not cover …" lines. */
export const SECTION_TITLES: Record<RoleSection, string> = {
  totals: '收支总计',
  budget: '预算执行',
  sangong: '“三公”经费',
  meeting: '会议费',
  training: '培训费',
  operating: '机关运行经费',
  procurement: '政府采购',
  assets: '资产负债与固定资产',
  vehicles: '车辆',
  staff: '机构与人员',
  performance: '预算绩效管理',
  spending: '支出变动',
};

export const SANGONG_ITEMS = ['因公出国（境）', '公务用车购置及运行维护', '公务用车购置', '公务用车运行维护', '公务接待'] as const;
/** 公务用车购置及运行维护 is the sum of its two parts; a report may state either form. */
export const SANGONG_ITEM_PARTS: Record<string, readonly string[]> = {
  公务用车购置及运行维护: ['公务用车购置', '公务用车运行维护'],
};
export const PROCUREMENT_KINDS = ['货物', '工程', '服务'] as const;

export const ROLES = {
  'income.grand-total': { title: '收入总计', section: 'totals', unit: 'money' },
  'income.total': { title: '本年收入合计', section: 'totals', unit: 'money' },
  'income.source': { title: '收入来源', section: 'totals', qualifier: 'source', partOf: 'income.total', unit: 'money' },
  'spending.total': { title: '本年支出合计', section: 'totals', unit: 'money' },
  'spending.type': { title: '支出类型', section: 'totals', qualifier: 'basis', partOf: 'spending.total', unit: 'money' },
  'spending.grand-total': { title: '支出总计', section: 'totals', unit: 'money' },
  'income.carryover': { title: '年初结转和结余', section: 'totals', unit: 'money' },
  'spending.carryover': { title: '年末结转和结余', section: 'totals', unit: 'money' },
  'basic.personnel': { title: '人员经费', section: 'totals', unit: 'money' },
  'basic.public': { title: '公用经费', section: 'totals', unit: 'money' },
  'fiscal.income-total': { title: '财政拨款收入总计', section: 'totals', unit: 'money' },
  'fiscal.spending-total': { title: '财政拨款支出总计', section: 'totals', unit: 'money' },
  'gpb.spending': { title: '一般公共预算财政拨款支出', section: 'budget', unit: 'money' },
  'budget.completion-rate': { title: '预算完成率', section: 'budget', unit: 'percent' },
  'budget.adjustment-rate': { title: '预算调整率', section: 'budget', unit: 'percent' },
  'project.funds-arrival-rate': { title: '项目资金到位率', section: 'budget', unit: 'percent' },
  'project.execution-rate': { title: '项目资金执行率', section: 'budget', unit: 'percent' },
  'project.count': { title: '项目个数', section: 'budget', unit: 'count' },
  'project.budget-initial': { title: '项目年初批复预算', section: 'budget', unit: 'money' },
  'project.budget-added': { title: '项目年中追加预算', section: 'budget', unit: 'money' },
  'project.budget-adjusted': { title: '项目调整后预算', section: 'budget', unit: 'money' },
  'project.funds-arrived': { title: '项目实际到位资金', section: 'budget', unit: 'money' },
  'project.spent': { title: '项目实际支出', section: 'budget', unit: 'money' },
  'project.score': { title: '绩效自评得分', section: 'performance', unit: 'count' },
  'sangong.total': { title: '“三公”经费', section: 'sangong', unit: 'money' },
  'sangong.item': { title: '“三公”经费项目', section: 'sangong', qualifier: 'sangong-item', partOf: 'sangong.total', unit: 'money' },
  'sangong.reception-part': { title: '公务接待费构成', section: 'sangong', qualifier: 'name', unit: 'money' },
  'sangong.vehicles': { title: '公务用车保有量', section: 'sangong', unit: 'count' },
  'sangong.vehicles-bought': { title: '购置公务用车', section: 'sangong', unit: 'count' },
  'sangong.reception-batches': { title: '国内公务接待批次', section: 'sangong', unit: 'count' },
  'sangong.reception-people': { title: '国内公务接待人次', section: 'sangong', unit: 'count' },
  'sangong.abroad-groups': { title: '因公出国（境）团组', section: 'sangong', unit: 'count' },
  'sangong.abroad-people': { title: '因公出国（境）人次', section: 'sangong', unit: 'count' },
  'meeting.total': { title: '会议费', section: 'meeting', unit: 'money' },
  'training.total': { title: '培训费', section: 'training', unit: 'money' },
  'operating.total': { title: '机关运行经费', section: 'operating', unit: 'money' },
  'operating.part': { title: '机关运行经费构成', section: 'operating', qualifier: 'name', partOf: 'operating.total', unit: 'money' },
  'procurement.total': { title: '政府采购支出', section: 'procurement', unit: 'money' },
  'procurement.kind': { title: '政府采购类别', section: 'procurement', qualifier: 'procurement-kind', partOf: 'procurement.total', unit: 'money' },
  'procurement.sme': { title: '授予中小企业合同金额', section: 'procurement', partOf: 'procurement.total', unit: 'money' },
  'procurement.micro': { title: '授予小微企业合同金额', section: 'procurement', partOf: 'procurement.sme', shareOf: 'procurement.total', unit: 'money' },
  'assets.total': { title: '资产总额', section: 'assets', unit: 'money' },
  'assets.liabilities': { title: '负债总额', section: 'assets', unit: 'money' },
  'assets.net': { title: '净资产', section: 'assets', unit: 'money' },
  'assets.fixed': { title: '固定资产', section: 'assets', unit: 'money' },
  'assets.fixed-in-use': { title: '在用固定资产', section: 'assets', partOf: 'assets.fixed', unit: 'money' },
  'assets.fixed-class': { title: '固定资产类别', section: 'assets', qualifier: 'name', partOf: 'assets.fixed-in-use', unit: 'money' },
  'assets.buildings-area': { title: '房屋面积', section: 'assets', unit: 'area' },
  'assets.equipment-500k': { title: '单价50万元以上设备', section: 'assets', unit: 'count' },
  'vehicles.count': { title: '车辆', section: 'vehicles', unit: 'count' },
  'vehicles.cost': { title: '车辆账面原值', section: 'vehicles', unit: 'money' },
  'vehicles.book-value': { title: '车辆账面净值', section: 'vehicles', unit: 'money' },
  'vehicles.status': { title: '车辆使用状况', section: 'vehicles', qualifier: 'name', partOf: 'vehicles.count', unit: 'count' },
  'vehicles.kind': { title: '车辆类别', section: 'vehicles', qualifier: 'name', partOf: 'vehicles.count', unit: 'count' },
  'staff.departments': { title: '内设机构', section: 'staff', unit: 'count' },
  'staff.quota': { title: '编制数', section: 'staff', unit: 'count' },
  'staff.in-post': { title: '在编人员', section: 'staff', unit: 'count' },
  'staff.in-post-kind': { title: '在编人员构成', section: 'staff', qualifier: 'name', partOf: 'staff.in-post', unit: 'count' },
  'staff.other': { title: '编外人员', section: 'staff', qualifier: 'name', unit: 'count' },
  'staff.retired': { title: '离退休人员', section: 'staff', unit: 'count' },
  'staff.control-rate': { title: '在职人员控制率', section: 'staff', unit: 'percent' },
  'performance.projects': { title: '绩效自评项目数', section: 'performance', unit: 'count' },
  'performance.amount': { title: '绩效自评涉及资金', section: 'performance', unit: 'money' },
  'performance.coverage': { title: '绩效自评覆盖率', section: 'performance', unit: 'percent' },
  'spending.function': { title: '功能分类支出', section: 'spending', qualifier: 'functional', unit: 'money' },
  'spending.economic': { title: '经济分类支出', section: 'spending', qualifier: 'economic', unit: 'money' },
} as const satisfies Record<string, RoleSpec>;
export type RoleName = keyof typeof ROLES;

/** Split `sangong.item:公务接待` into its name and qualifier. */
export function parseRole(role: string): { name: string; qualifier: string | null } {
  const i = role.indexOf(':');
  return i < 0 ? { name: role, qualifier: null } : { name: role.slice(0, i), qualifier: role.slice(i + 1) };
}

/** Why a role string is not in the vocabulary, or null when it is. */
export function roleProblem(role: string): string | null {
  const { name, qualifier } = parseRole(role);
  const spec = (ROLES as Record<string, RoleSpec>)[name];
  if (!spec) return `未知角色“${name}”`;
  if (!spec.qualifier) return qualifier === null ? null : `角色“${name}”不带限定词`;
  if (qualifier === null || qualifier === '') return `角色“${name}”需要限定词（${name}:…）`;
  if (spec.qualifier === 'sangong-item' && !(SANGONG_ITEMS as readonly string[]).includes(qualifier))
    return `“三公”经费项目应为 ${SANGONG_ITEMS.join('、')} 之一`;
  if (spec.qualifier === 'procurement-kind' && !(PROCUREMENT_KINDS as readonly string[]).includes(qualifier))
    return `政府采购类别应为 ${PROCUREMENT_KINDS.join('、')} 之一`;
  if (spec.qualifier === 'source' && !(SOURCES as readonly string[]).includes(qualifier)) return `收入来源应为 ${SOURCES.join('、')} 之一`;
  if (spec.qualifier === 'basis' && !(BASES as readonly string[]).includes(qualifier)) return `支出类型应为 ${BASES.join('、')} 之一`;
  if (spec.qualifier === 'functional' && !/^\d{3}(\d{2}){0,2}$/.test(qualifier)) return '功能分类代码应为 3、5 或 7 位数字';
  if (spec.qualifier === 'economic' && !/^\d{3}(\d{2})?$/.test(qualifier)) return '经济分类代码应为 3 或 5 位数字';
  return null;
}

/** The people-facing name of a role: a qualified role is named by its qualifier. */
export function roleTitle(role: string): string {
  const { name, qualifier } = parseRole(role);
  const spec = (ROLES as Record<string, RoleSpec>)[name];
  if (!spec) return role;
  if (qualifier === null) return spec.title;
  if (spec.qualifier === 'sangong-item') return `${qualifier}费`;
  if (spec.qualifier === 'source') return sourceLabel(qualifier as Source);
  return qualifier;
}

export function roleSection(role: string): RoleSection | null {
  return ((ROLES as Record<string, RoleSpec>)[parseRole(role).name]?.section as RoleSection) ?? null;
}

/** Money display units; amounts are stored in 万元. */
export const MONEY_UNITS = ['yuan', 'wan', 'yi'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
