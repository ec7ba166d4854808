/**
 * The spending explorer's view model (#/spending): everything the route shows for one unit,
 * fact year and drill path — the node with its comparison and plan amounts, the breadcrumbs,
 * the entry points, the children table with its columns, and the four charts' options with
 * their descriptions. Pure: the component passes the facts table, the trees, the unit's
 * records and the view state, and renders what comes back.
 */
import type { ColumnTable } from 'arquero';
import { drill, type ChildRow, type Crumb, type DrillResult } from '../../domain/spending/drill';
import { REST_KEY, type Trees } from '../../domain/spending/types';
import { spendingYears } from '../../domain/spending/slices';
import { sourceLine, type AnyRecord } from '../../domain/provenance';
import type { DrillStep } from '../../model/routes';
import type { MoneyUnit } from '../../model/vocabulary';
import type { Column } from '../../ui/table/columns';
import type { ChartSpec } from '../../ui/chart/spec';
import { MONEY, moneyWithUnit, pct } from '../../ui/format';
import { findTerms, markTerms, type TermRun } from '../../domain/terms';
import { nodeText, spendingCharts } from './panels/charts';
import { nodeCard, entryList, type NodeFigure } from './panels/node';
import { columnsOf, totalsRow } from './panels/table';

export interface SpendingInput {
  facts: ColumnTable | null;
  trees: Trees;
  /** The unit's records by id (recordsOf(filesOf(unit))). */
  records: ReadonlyMap<string, AnyRecord>;
  unit: string;
  /** The unit's name from the index; null when the index has no such unit. */
  unitName: string | null;
  year: number;
  compare: number | null;
  path: DrillStep[];
  money: MoneyUnit;
  /** A drill step to point out (a search hit): its row, or the node card when it is this level or one passed through. */
  focus?: string | null;
}

export interface SpendingView {
  state: 'ok';
  /** The path actually drilled (unknown steps dropped); the component trims the URL to it. */
  path: DrillStep[];
  nodeLabel: string;
  breadcrumbs: Crumb[];
  /** The last level above that had a choice (上一级); null at the top. */
  upPath: DrillStep[] | null;
  /** The row the focus names, highlighted in the table and the charts; null when none. */
  focusKey: string | null;
  /** The focus names this level (or a level passed through to reach it): the node card is the figure. */
  focusNode: boolean;
  /** Screen-reader summary of the level. */
  live: string;
  total: NodeFigure | null;
  /** The year's total as text, or "无数据". */
  totalText: string;
  /** The comparison year actually used: null when none was asked for or it has no data. */
  compare: number | null;
  compareFigure: NodeFigure | null;
  /** Why the comparison is not shown at this level or at all; null when it is. */
  compareNote: string | null;
  /** Years other than `year` with spending data: the only sensible comparison years. */
  compareYears: number[];
  plans: NodeFigure[];
  /** The level's figures are one fund source's economic split only: what they cover, in words; null otherwise. */
  partialNote: string | null;
  /** Other ways in: function-first and economic-first at the top, economic below a spending type (only those with data). */
  entries: Array<{ label: string; items: Array<{ step: DrillStep; path: DrillStep[]; label: string }> }>;
  rows: ChildRow[];
  /** Chart item key → the path a click on it drills to. */
  targets: Map<string, DrillStep[]>;
  /** Chart item key → the key linked views highlight (a nested treemap cell names its parent row). */
  hoverKeys: Map<string, string>;
  charts: { hier: ChartSpec | null; cmp: ChartSpec | null; sankey: ChartSpec | null; exec: ChartSpec | null };
  /** Children too small to read in the treemap, in words. */
  smallItems: string | null;
  /** At a level without children: what the report does not break down. */
  empty: string | null;
  /**
   * The 名词解释 terms this level names (its own name, the way it is split, its rows, the other ways in), each explained
   * on hover, focus and tap, so a reader learns what 项目支出 or 一般公共服务支出 means where it is
   * shown; null when the level names none.
   */
  terms: TermRun[] | null;
  /** At a level split by spending type whose comparison year is not: the same level without the type. */
  withoutBasis: DrillStep[] | null;
  table: {
    caption: string;
    columns: Column<ChildRow>[];
    totals: ChildRow | null;
    /** The remainder row is present: explain 未细分. */
    hasRest: boolean;
    fileStem: string;
  } | null;
}

export type SpendingModel = { state: 'no-unit'; message: string } | { state: 'no-data'; message: string } | SpendingView;

const DIM_WORD: Record<string, string> = { b: '按支出类型', f: '按功能分类', e: '按经济分类' };

/** The explorer for one unit, fact year and path. */
export function spendingModel(i: SpendingInput): SpendingModel {
  if (i.unitName === null) return { state: 'no-unit', message: `数据中没有单位“${i.unit}”。` };
  const years = i.facts ? spendingYears(i.facts, i.unit) : [];
  if (!i.facts || !years.includes(i.year))
    return { state: 'no-data', message: `${i.unitName}没有${i.year}年的支出决算数据${years.length ? `（有数据的年度：${years.join('、')}）` : ''}。` };

  const u = i.money;
  const compareYears = years.filter((y) => y !== i.year);
  const compare = i.compare !== null && compareYears.includes(i.compare) ? i.compare : null;
  const ctx = { unit: i.unit, year: i.year, compare };
  const r = drill(i.facts, ctx, i.path, i.trees);
  const rows = r.rows;
  const src = (ids: string[]) => sourceLine(ids, i.records);
  const card = nodeCard(r, { year: i.year, asked: i.compare, compare, money: u });
  const { charts, targets, hoverKeys } = spendingCharts({ facts: i.facts, trees: i.trees, ctx, unitName: i.unitName, r, money: u, src });
  const small = rows.filter((x) => x.share !== null && x.share < 3 && x.amount > 0);
  const hasCmp = rows.some((x) => x.cmpAmount !== null);
  const live = `当前层级：${r.breadcrumbs.map((b) => b.label).join(' › ')}。${nodeText(r, i.year, u)}${rows.length ? `，${DIM_WORD[r.dim ?? 'b']}分为 ${rows.length} 项` : '，没有下级明细'}。`;
  const entries = entryList(i.facts, ctx, r, i.trees);
  const stem = `${i.unitName}_${i.year}_支出_${r.breadcrumbs.map((b) => b.label).join('-')}`;

  return {
    state: 'ok',
    path: r.path,
    nodeLabel: r.label,
    breadcrumbs: r.breadcrumbs,
    upPath: r.upPath,
    focusKey: i.focus && rows.some((x) => x.key === i.focus) ? i.focus : null,
    focusNode: !!i.focus && !rows.some((x) => x.key === i.focus) && r.path.includes(i.focus as DrillStep),
    live,
    ...card,
    compare,
    compareYears,
    entries,
    rows,
    targets,
    hoverKeys,
    charts,
    smallItems: small.length ? `图中过小的项：${small.map((s) => `${s.label} ${moneyWithUnit(s.amount, u)}（${pct(s.share ?? 0)}）`).join('；')}` : null,
    empty: rows.length ? null : emptyText(r),
    terms: levelTerms([r.label, rows.length ? DIM_WORD[r.dim ?? 'b'] : '', ...rows.map((x) => x.label), ...entries.map((en) => en.label)]),
    withoutBasis: r.key.basis && compare !== null && rows.length && !hasCmp ? r.path.filter((s) => !s.startsWith('b:')) : null,
    table: rows.length
      ? { caption: `${r.label}：${DIM_WORD[r.dim ?? 'b']}的明细（${MONEY[u].label}）`, columns: columnsOf(i.year, compare, rows, u), totals: totalsRow(r, rows), hasRest: rows.some((x) => x.key === REST_KEY), fileStem: stem }
      : null,
  };
}

/** "名词：项目支出、基本支出、功能分类": the glossary terms of the level's names, in order of first use. */
function levelTerms(names: string[]): TermRun[] | null {
  // One name per line, so a term never runs across two names.
  const found = [...new Map(findTerms(names.join('\n')).map((m) => [m.id, m.term])).values()];
  return found.length ? markTerms([`名词：${found.join('、')}`])[0] : null;
}

/** What the report does not break down at a level without children. */
function emptyText(r: DrillResult): string {
  if (!r.total) return '这一层级没有数据。';
  if (!r.path.length) return '报告只给出了支出合计，没有按支出类型、功能分类或经济分类拆分。';
  if (r.key.economic) return `报告没有给出${r.label}更细的经济分类。`;
  if (r.key.functional) return `报告没有给出${r.label}的经济分类拆分。`;
  return `报告没有给出${r.label}按功能分类或经济分类的明细。`;
}
