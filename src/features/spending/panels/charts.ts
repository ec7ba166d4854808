/**
 * The spending explorer's four charts for one drill level — the composition treemap, the year
 * comparison, the function → economic flows and the budget execution — each with its words,
 * plus the chart keys a click drills to and the keys linked views highlight.
 */
import type { ColumnTable } from 'arquero';
import { drill, type DrillResult } from '../../../domain/spending/drill';
import { flows } from '../../../domain/spending/flows';
import { REST_KEY, type DrillContext, type Trees } from '../../../domain/spending/types';
import type { DrillStep } from '../../../model/routes';
import type { MoneyUnit } from '../../../model/vocabulary';
import type { ChartSpec } from '../../../ui/chart/spec';
import { moneyWithUnit } from '../../../ui/format';
import { embedHash } from '../../../state/embed-url';
import { compareOption, executionOption, type CompareItem } from '../compare.option';
import { hierarchyOption, type HierItem } from '../hierarchy.option';
import { sankeyOption } from '../sankey.option';

export interface ChartInput {
  facts: ColumnTable;
  trees: Trees;
  ctx: DrillContext;
  unitName: string;
  r: DrillResult;
  money: MoneyUnit;
  /** Source line of a list of fact ids. */
  src: (ids: string[]) => string;
}

export interface SpendingCharts {
  charts: { hier: ChartSpec | null; cmp: ChartSpec | null; sankey: ChartSpec | null; exec: ChartSpec | null };
  targets: Map<string, DrillStep[]>;
  hoverKeys: Map<string, string>;
}

/** The largest items in words: "科学技术支出 712.69 万元，…". */
const top = (list: Array<{ label: string; amount: number }>, u: MoneyUnit, n = 5) =>
  list
    .filter((r) => r.amount > 0)
    .slice(0, n)
    .map((r) => `${r.label} ${moneyWithUnit(r.amount, u)}`)
    .join('，');

/** "科学技术支出，2022年决算 969.29 万元" */
export const nodeText = (r: DrillResult, year: number, u: MoneyUnit) => `${r.label}，${year}年决算${r.total ? moneyWithUnit(r.total.amount, u) : '无数据'}`;

const stemOf = (c: ChartInput) => `${c.unitName}_${c.ctx.year}_支出_${c.r.breadcrumbs.map((b) => b.label).join('-')}`;
const embedOf = (c: ChartInput) => (id: string) =>
  embedHash({ route: 'spending', unit: c.ctx.unit, year: c.ctx.year, compare: c.ctx.compare, path: c.r.path, money: c.money, focus: null }, id);

export function spendingCharts(c: ChartInput): SpendingCharts {
  const targets = new Map<string, DrillStep[]>();
  const hoverKeys = new Map<string, string>();
  for (const row of c.r.rows) if (row.drill) targets.set(row.key, row.drill);
  return { charts: { hier: hierChart(c, targets, hoverKeys), cmp: cmpChart(c), sankey: sankeyChart(c, targets), exec: execChart(c) }, targets, hoverKeys };
}

/** The treemap: children and grandchildren of the level. */
function hierChart(c: ChartInput, targets: Map<string, DrillStep[]>, hoverKeys: Map<string, string>): ChartSpec | null {
  const { r, money: u, src } = c;
  const rows = r.rows;
  const grand = new Map(rows.filter((x) => x.drill).map((x) => [x.key, drill(c.facts, c.ctx, x.drill!, c.trees).rows] as const));
  const items: HierItem[] = rows.map((row) => ({
    key: row.key,
    label: row.label,
    amount: row.amount,
    share: row.share,
    drill: row.drill,
    source: src(row.ids),
    children: (grand.get(row.key) ?? []).map((g) => {
      const key = `${row.key}>${g.key}`;
      const path = g.drill ?? (g.key === REST_KEY ? row.drill : [...(row.drill ?? []), g.key as DrillStep]);
      if (path) targets.set(key, path);
      hoverKeys.set(key, rows.some((x) => x.key === g.key) ? g.key : row.key);
      return { key, label: g.label, amount: g.amount, share: g.share, drill: path, source: src(g.ids) };
    }),
  }));
  if (!rows.some((x) => x.amount > 0)) return null;
  return {
    id: 'hier',
    title: '构成',
    option: hierarchyOption(items, { money: u, nodeLabel: r.label }),
    label: `${r.label}构成矩形树图`,
    description: `${nodeText(r, c.ctx.year, u)}，分为 ${rows.length} 项：${top(rows, u, 8)}。`,
    height: '340px',
    pngName: `${stemOf(c)}_构成`,
    embed: embedOf(c)('hier'),
  };
}

/** The year comparison (or the year alone) by child. */
function cmpChart(c: ChartInput): ChartSpec | null {
  const { r, money: u, src } = c;
  const { year, compare } = c.ctx;
  const rows = r.rows;
  if (!rows.length) return null;
  const hasCmp = rows.some((x) => x.cmpAmount !== null);
  const items: CompareItem[] = rows.map((row) => ({
    key: row.key,
    label: row.label,
    amount: row.amount,
    cmpAmount: row.cmpAmount,
    planInitial: row.planInitial,
    planAdjusted: row.planAdjusted,
    source: src(row.ids),
  }));
  return {
    id: 'cmp',
    title: hasCmp ? `${compare}年与${year}年对比` : `${year}年决算`,
    option: compareOption(items, { money: u, year, compare }),
    label: '年度对比条形图',
    description: hasCmp
      ? `${compare}年与${year}年决算对比：${rows
          .slice(0, 6)
          .map((x) => `${x.label} ${x.cmpAmount === null ? '上年无数据' : moneyWithUnit(x.cmpAmount, u)} → ${moneyWithUnit(x.amount, u)}`)
          .join('；')}。`
      : `${year}年决算：${top(rows, u, 8)}。`,
    height: `${Math.max(220, rows.length * (hasCmp ? 44 : 30) + 70)}px`,
    pngName: `${stemOf(c)}_对比`,
    embed: embedOf(c)('cmp'),
  };
}

/** Function → economic flows of the level. */
function sankeyChart(c: ChartInput, targets: Map<string, DrillStep[]>): ChartSpec | null {
  const { money: u, src } = c;
  const flow = flows(c.facts, c.ctx, c.r.path, c.trees);
  for (const n of flow.nodes) if (n.drill) targets.set(n.name, n.drill);
  if (!flow.links.length) return null;
  const labelOf = (name: string) => flow.nodes.find((n) => n.name === name)?.label ?? name;
  return {
    id: 'sankey',
    title: '功能分类 → 经济分类',
    option: sankeyOption(
      flow.nodes,
      flow.links.map((l) => ({ ...l, sourceText: src(l.ids) })),
      { money: u },
    ),
    label: '功能分类到经济分类流向图',
    description: `功能分类流向经济分类：${[...flow.links]
      .sort((a, b) => b.value - a.value)
      .slice(0, 6)
      .map((l) => `${labelOf(l.source)} → ${labelOf(l.target)} ${moneyWithUnit(l.value, u)}`)
      .join('；')}。`,
    height: `${Math.max(220, flow.nodes.length * 36)}px`,
    pngName: `${stemOf(c)}_流向`,
    embed: embedOf(c)('sankey'),
  };
}

/** Plan beside actual at this level (never added together). */
function execChart(c: ChartInput): ChartSpec | null {
  const { r, money: u, src } = c;
  const year = c.ctx.year;
  if (!r.planInitial && !r.planAdjusted) return null;
  const totalText = r.total ? moneyWithUnit(r.total.amount, u) : '无数据';
  return {
    id: 'exec',
    title: '预算执行（计划与决算分列，不相加）',
    option: executionOption(
      {
        initial: r.planInitial?.amount ?? null,
        adjusted: r.planAdjusted?.amount ?? null,
        actual: r.total?.amount ?? null,
        sources: { initial: src(r.planInitial?.ids ?? []), adjusted: src(r.planAdjusted?.ids ?? []), actual: src(r.total?.ids ?? []) },
      },
      { money: u, year },
    ),
    label: '预算执行条形图',
    description: `${year}年${r.label}：年初预算 ${r.planInitial ? moneyWithUnit(r.planInitial.amount, u) : '无数据'}，调整预算 ${r.planAdjusted ? moneyWithUnit(r.planAdjusted.amount, u) : '无数据'}，决算 ${totalText}。`,
    height: '240px',
    pngName: `${stemOf(c)}_预算执行`,
    embed: embedOf(c)('exec'),
  };
}
