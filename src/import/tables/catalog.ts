/**
 * The standard 部门决算公开 tables (财政部 2022 format, 公开01–09表) and the 部门整体支出绩效自评
 * 基础数据表, as the importer recognises them and the template and the exporter print them. A
 * sheet is recognised by its printed title, not its tab name, because units rename tabs
 * ("Sheet3", "表五") and merge several tables into one workbook in any order.
 */
import type { Source } from '../../model/vocabulary';
import type { ClassificationFile } from '../../model/types';
// Reference data, not a unit's: every 类 of the 支出功能分类, kept with the other trees under data/.
import standardClasses from '../../../data/reference/functional-classes.json';
import { fold } from './text';

export type TableId =
  | 'summary'
  | 'income'
  | 'spending'
  | 'fiscal-summary'
  | 'gpb-spending'
  | 'gpb-basic'
  | 'sangong'
  | 'gf'
  | 'soe'
  | 'performance'
  | 'facts'
  | 'measures';

/**
 * How a table is laid out: `sides` = 收入 and 支出 side by side (总表), `functional` = rows by
 * 功能分类科目, `economic` = rows by 经济分类科目 in panels, `sangong` = one row of 三公 items,
 * `performance` = the 绩效自评基础数据表 blocks, `facts`/`measures` = the long supplementary sheets.
 */
export type Layout = 'sides' | 'functional' | 'economic' | 'sangong' | 'performance' | 'facts' | 'measures';

export interface TableSpec {
  id: TableId;
  /** The official title. */
  title: string;
  /** The official table number (公开01表 …), when it has one. */
  code?: string;
  /** Other titles in use. */
  aliases?: string[];
  /**
   * Its titles in a 部门预算 (2025年部门收入总表, 一般公共预算支出表 …): a table so titled is the
   * year's budget, and a column naming no phase holds 预算数.
   */
  budget?: string[];
  layout: Layout;
  /** Fund source of every amount unless a column or row names another (null = all sources). */
  source: Source | null;
}

export const TABLES: readonly TableSpec[] = [
  // Yunnan and others print 01 and 04 without 总 ("收入支出决算表"), Shaanxi 02 and 03 with it ("收入决算总表").
  // The budget's 总表 print the same two sides ("部门收支总表", "收支预算总表", "财政拨款收支预算总表").
  { id: 'summary', title: '收入支出决算总表', code: '公开01表', aliases: ['收入支出决算表'], budget: ['部门收支总表', '收支总表', '收支预算总表', '部门收支预算总表', '单位收支总表', '收入支出预算总表'], layout: 'sides', source: null },
  { id: 'income', title: '收入决算表', code: '公开02表', aliases: ['收入决算总表'], budget: ['部门收入总表', '单位收入总表', '收入预算表', '部门收入预算表'], layout: 'functional', source: null },
  { id: 'spending', title: '支出决算表', code: '公开03表', aliases: ['支出决算总表'], budget: ['部门支出总表', '单位支出总表', '支出预算表', '部门支出预算表'], layout: 'functional', source: null },
  { id: 'fiscal-summary', title: '财政拨款收入支出决算总表', code: '公开04表', aliases: ['财政拨款收入支出决算表'], budget: ['财政拨款收支总表', '财政拨款收支预算总表', '财政拨款收支预算表'], layout: 'sides', source: '财政拨款' },
  {
    id: 'gpb-spending',
    title: '一般公共预算财政拨款支出决算表',
    code: '公开05表',
    aliases: ['一般公共预算财政拨款收入支出决算表', '一般公共预算支出决算表'],
    budget: ['一般公共预算支出表', '一般公共预算支出预算表', '一般公共预算财政拨款支出预算表', '一般公共预算拨款支出表'],
    layout: 'functional',
    source: '一般公共预算财政拨款',
  },
  {
    id: 'gpb-basic',
    title: '一般公共预算财政拨款基本支出决算表',
    code: '公开06表',
    aliases: ['一般公共预算基本支出决算表'],
    budget: ['一般公共预算基本支出表', '一般公共预算基本支出预算表', '一般公共预算财政拨款基本支出预算表', '一般公共预算基本支出明细表'],
    layout: 'economic',
    source: '一般公共预算财政拨款',
  },
  {
    id: 'sangong',
    title: '一般公共预算财政拨款“三公”经费支出决算表',
    code: '公开07表',
    aliases: ['“三公”经费支出决算表', '一般公共预算财政拨款“三公”经费决算表'],
    budget: ['一般公共预算“三公”经费支出表', '“三公”经费支出预算表'],
    layout: 'sangong',
    source: '一般公共预算财政拨款',
  },
  { id: 'gf', title: '政府性基金预算财政拨款收入支出决算表', code: '公开08表', aliases: ['政府性基金预算财政拨款支出决算表'], budget: ['政府性基金预算支出表', '政府性基金预算支出预算表'], layout: 'functional', source: '政府性基金预算财政拨款' },
  { id: 'soe', title: '国有资本经营预算财政拨款支出决算表', code: '公开09表', aliases: ['国有资本经营预算财政拨款收入支出决算表'], budget: ['国有资本经营预算支出表', '国有资本经营预算支出预算表'], layout: 'functional', source: '国有资本经营预算财政拨款' },
  { id: 'performance', title: '部门整体支出绩效自评基础数据表', aliases: ['部门整体支出绩效评价基础数据表', '整体支出绩效自评基础数据表'], layout: 'performance', source: null },
  { id: 'facts', title: '决算金额补充表', layout: 'facts', source: null },
  { id: 'measures', title: '决算指标补充表', layout: 'measures', source: null },
];

export const tableById = (id: TableId): TableSpec => TABLES.find((t) => t.id === id)!;

/** Comparable form of a title: width-folded, no quotes or brackets, "明细" dropped (…决算明细表 is the same table). */
export function titleKey(s: string): string {
  return fold(s).replace(/["'“”‘’《》〈〉「」]/g, '').replace(/明细/g, '');
}

const KEYS = TABLES.flatMap((t) => [t.title, ...(t.aliases ?? []), ...(t.budget ?? [])].map((title) => ({ key: titleKey(title), table: t }))).sort((a, b) => b.key.length - a.key.length);

/**
 * The table a text names as its title, the longest match first ("财政拨款收入支出决算总表" is not
 * "收入支出决算总表", "一般公共预算财政拨款支出决算表" is not "支出决算表"). A body label such as
 * "一般公共预算财政拨款收入" is no title: titles end in 表.
 */
export function tableNamed(text: string): TableSpec | null {
  const k = titleKey(text);
  if (!k.includes('表')) return null;
  // The 三公 table goes by many local titles ("…“三公”经费及机关运行经费支出决算表", "…三公经费及会议费、
  // 培训费支出决算表", "…“三公”经费决算情况统计表"): any table title naming 三公经费 is it, never the
  // 支出决算表 its tail matches.
  if (/三公经费.*表/.test(k)) return tableById('sangong');
  for (const { key, table } of KEYS) {
    const at = k.indexOf(key);
    if (at < 0) continue;
    // The all-source tables (01, 02, 03) named after a fund or a spending type are other tables
    // ("财政拨款支出决算明细表", "一般公共预算财政拨款项目支出决算表"): not these, whatever else.
    if (table.source === null && /(?:财政拨款|预算|项目|基本|经费)$/.test(k.slice(0, at))) return null;
    return table;
  }
  return null;
}

/**
 * Whether a title is a 部门预算's: it names no 决算, and is one of the table's budget titles or
 * names 预算 beyond a fund's name ("2018年“三公”经费部门预算统计表"; "一般公共预算支出表" names only the fund).
 */
export function budgetTitle(spec: TableSpec, title: string): boolean {
  const k = titleKey(title);
  if (/决算/.test(k)) return false;
  return (spec.budget ?? []).some((b) => k.includes(titleKey(b))) || /预算/.test(k.replace(/一般公共预算|公共预算|政府性基金预算|国有资本经营预算/g, ''));
}

/** The table a printed tag names ("公开07表", "公开 07 表", "表七" is not a tag), or null. */
export function tableTagged(text: string): TableSpec | null {
  const m = /^公开0?(\d)表$/.exec(fold(text));
  return m ? (TABLES.find((t) => t.code === `公开0${m[1]}表`) ?? null) : null;
}

/**
 * 支出功能分类 类 (2022年政府收支分类科目, data/reference/functional-classes.json). The 总表
 * print 类 by name only, without codes, and a unit's classification file holds only the codes it
 * uses, so the importer needs the 类 names to place those rows; older names are kept as aliases.
 */
export const FUNCTIONAL_CLASSES: readonly { code: string; name: string; aliases?: string[] }[] = (standardClasses as ClassificationFile).nodes;

/**
 * 经济分类 类 printed in the 人员经费 panel of the 基本支出 table (工资福利支出, 对个人和家庭的补助);
 * every other 类 is 公用经费. The exporter needs it to put each code in its panel.
 */
export { PERSONNEL_CLASSES } from '../../model/vocabulary';

/** Income rows of the 总表 and the fund sources they name, in the official order. */
export const INCOME_ROWS: readonly { label: string; source: Source; pattern: RegExp }[] = [
  // Budgets print "一般公共预算拨款收入" (no 财政) and "事业单位经营收入".
  { label: '一般公共预算财政拨款收入', source: '一般公共预算财政拨款', pattern: /^一般公共预算(财政)?(拨款)?(收入)?$/ },
  { label: '政府性基金预算财政拨款收入', source: '政府性基金预算财政拨款', pattern: /^政府性基金预算(财政)?(拨款)?(收入)?$/ },
  { label: '国有资本经营预算财政拨款收入', source: '国有资本经营预算财政拨款', pattern: /^国有资本经营预算(财政)?(拨款)?(收入)?$/ },
  { label: '上级补助收入', source: '上级补助', pattern: /^上级补助(收入)?$/ },
  { label: '事业收入', source: '事业', pattern: /^事业收入$/ },
  { label: '经营收入', source: '经营', pattern: /^(事业单位)?经营收入$/ },
  { label: '附属单位上缴收入', source: '附属单位上缴', pattern: /^附属单位上缴(收入)?$/ },
  { label: '其他收入', source: '其他', pattern: /^其他收入$/ },
];

/** The columns of the 收入决算表 and the sources they name. */
export const INCOME_COLUMNS: readonly { label: string; source: Source | null; pattern: RegExp }[] = [
  { label: '本年收入合计', source: null, pattern: /^(本年)?收入合计$|^合计$/ },
  // 财政补助收入: the name before 2015.
  { label: '财政拨款收入', source: '财政拨款', pattern: /^财政(?:拨款|补助)(收入)?$/ },
  { label: '上级补助收入', source: '上级补助', pattern: /^上级补助(收入)?$/ },
  { label: '事业收入', source: '事业', pattern: /^事业收入$/ },
  { label: '经营收入', source: '经营', pattern: /^经营收入$/ },
  { label: '附属单位上缴收入', source: '附属单位上缴', pattern: /^附属单位上缴(收入)?$/ },
  { label: '其他收入', source: '其他', pattern: /^其他收入$/ },
];

/** Sources named in a header or a row label (the three appropriations and 财政拨款 itself). */
export function appropriationIn(text: string): Source | null {
  const t = fold(text);
  if (/一般公共预算/.test(t)) return '一般公共预算财政拨款';
  if (/政府性基金/.test(t)) return '政府性基金预算财政拨款';
  if (/国有资本经营/.test(t)) return '国有资本经营预算财政拨款';
  return null;
}

/** The 三公 items the template prints, in order, with their official column titles. */
export const SANGONG_COLUMNS: readonly { label: string; item: string | null; group?: string }[] = [
  { label: '合计', item: null },
  { label: '因公出国（境）费', item: '因公出国（境）' },
  { label: '小计', item: '公务用车购置及运行维护', group: '公务用车购置及运行维护费' },
  { label: '公务用车购置费', item: '公务用车购置', group: '公务用车购置及运行维护费' },
  { label: '公务用车运行维护费', item: '公务用车运行维护', group: '公务用车购置及运行维护费' },
  { label: '公务接待费', item: '公务接待' },
];

/** Rows of the 绩效自评基础数据表 经费控制情况 block, as the Hunan form prints them. */
export const PERFORMANCE_ROWS: readonly string[] = [
  '“三公”经费',
  '1、公务用车购置和维护经费',
  '其中：公车购置',
  '公车运行维护',
  '2、出国经费',
  '3、公务接待',
  '项目支出',
  '公用经费',
  '其中：办公经费',
  '水费、电费、差旅费',
  '会议费、培训费',
  '政府采购金额',
  '部门整体支出预算调整',
];
