/**
 * The spending explorer's view model (#/spending): everything the route shows for one unit,
 * fact year and drill path — the node with its comparison and plan amounts, the breadcrumbs,
 * the entry points, the children table with its columns, and the four charts' options with
 * their descriptions. Pure: the component passes the facts table, the trees, the unit's
 * records and the view state, and renders what comes back.
 */
import type { ColumnTable } from 'arquero';
import { drill, entries, type ChildRow, type Crumb, type DrillResult } from '../../domain/spending/drill';
import { flows } from '../../domain/spending/flows';
import { REST_KEY, type Trees } from '../../domain/spending/types';
import { spendingYears } from '../../domain/spending/slices';
import { growthPct } from '../../domain/check';
import { sourceLine, type AnyRecord, type SourceRef } from '../../domain/provenance';
import type { DrillStep } from '../../model/routes';
import type { MoneyUnit } from '../../model/vocabulary';
import type { Column } from '../../ui/table/columns';
import type { ChartSpec } from '../../ui/chart/spec';
import { MONEY, money, moneyExport, moneyWithUnit, pct, roundTo, signed, signedMoney } from '../../ui/format';
import { compareOption, executionOption, type CompareItem } from './compare.option';
import { hierarchyOption, type HierItem } from './hierarchy.option';
import { sankeyOption } from './sankey.option';
import { embedHash } from '../../state/embed-url';


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

/** A figure of the node card: label, formatted amount and where it comes from. */
interface NodeFigure {
  label: string;
  text: string;
  source: SourceRef;
  /** Change against the comparison year, e.g. "−1,959.60（−66.91%）". */
  change?: { text: string; tone: 'up' | 'down' | null };
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
  /** Other ways in at the top: function-first and economic-first (only those with data). */
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

const nodeFigure = (label: string, amount: { amount: number; ids: string[]; stated: boolean }, u: MoneyUnit, srcLabel: string): NodeFigure => ({
  label,
  text: moneyWithUnit(amount.amount, u),
  source: { ids: amount.ids, computed: amount.stated ? undefined : '下级明细之和', label: srcLabel },
});

const tone = (d: number): 'up' | 'down' | null => (d > 0 ? 'up' : d < 0 ? 'down' : null);

/** The change text "−1,959.60（−66.91%）" of `a` against `b`. */
function changeOf(a: number, b: number, u: MoneyUnit): { text: string; tone: 'up' | 'down' | null } {
  const g = growthPct(a, b);
  return { text: `${signedMoney(a - b, u)}${g === null ? '' : `（${signed(g)}%）`}`, tone: tone(a - b) };
}

const top = (list: Array<{ label: string; amount: number }>, u: MoneyUnit, n = 5) =>
  list
    .filter((r) => r.amount > 0)
    .slice(0, n)
    .map((r) => `${r.label} ${moneyWithUnit(r.amount, u)}`)
    .join('，');

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

  // ---- node card ----
  const total = r.total ? nodeFigure(`${i.year}年决算`, r.total, u, `${r.label}决算`) : null;
  const totalText = r.total ? moneyWithUnit(r.total.amount, u) : '无数据';
  const basisNote = r.key.basis ? '（该年未按支出类型拆分）' : '';
  let compareFigure: NodeFigure | null = null;
  let compareNote: string | null = null;
  if (i.compare !== null && compare === null) compareNote = `${i.compare}年没有支出数据，不作对比。`;
  else if (compare !== null && r.cmpTotal) {
    compareFigure = {
      ...nodeFigure(`${compare}年决算`, r.cmpTotal, u, `${r.label}${compare}年决算`),
      change: r.total ? changeOf(r.total.amount, r.cmpTotal.amount, u) : undefined,
    };
  } else if (compare !== null) compareNote = `该层级无${compare}年数据${basisNote}。`;
  const hasCmp = rows.some((x) => x.cmpAmount !== null);
  if (compare !== null && r.cmpTotal && rows.length && !hasCmp) compareNote = `${compare}年数据没有在这一层级拆分${r.dim === 'b' ? '（该年未按支出类型拆分）' : basisNote}。`;
  const plans = [
    r.planInitial ? nodeFigure('年初预算', r.planInitial, u, '年初预算') : null,
    r.planAdjusted ? nodeFigure('调整预算', r.planAdjusted, u, '调整预算') : null,
  ].filter((x): x is NodeFigure => x !== null);

  // ---- entries ----
  // The top is where no level above offers a choice (a unit whose total has one child starts below it).
  const entryList = r.upPath
    ? []
    : [
        { label: '不分支出类型，直接按功能分类：', items: entries(i.facts, ctx, 'f', i.trees) },
        { label: '按经济分类：', items: entries(i.facts, ctx, 'e', i.trees) },
      ]
        .filter((e) => e.items.length)
        .map((e) => ({ label: e.label, items: e.items.map((x) => ({ step: x.step, path: x.path, label: x.label })) }));

  // ---- charts ----
  const stem = `${i.unitName}_${i.year}_支出_${r.breadcrumbs.map((b) => b.label).join('-')}`;
  const embed = (id: string) => embedHash({ route: 'spending', unit: i.unit, year: i.year, compare, path: r.path, money: u, focus: null }, id);
  const targets = new Map<string, DrillStep[]>();
  const hoverKeys = new Map<string, string>();
  for (const row of rows) if (row.drill) targets.set(row.key, row.drill);
  const grand = new Map(rows.filter((x) => x.drill).map((x) => [x.key, drill(i.facts!, ctx, x.drill!, i.trees).rows] as const));
  const hierItems: HierItem[] = rows.map((row) => ({
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
  const nodeText = `${r.label}，${i.year}年决算${totalText}`;
  const hier: ChartSpec | null = rows.some((x) => x.amount > 0)
    ? {
        id: 'hier',
        title: '构成',
        option: hierarchyOption(hierItems, { money: u, nodeLabel: r.label }),
        label: `${r.label}构成矩形树图`,
        description: `${nodeText}，分为 ${rows.length} 项：${top(rows, u, 8)}。`,
        height: '340px',
        pngName: `${stem}_构成`,
        embed: embed('hier'),
      }
    : null;

  const cmpItems: CompareItem[] = rows.map((row) => ({
    key: row.key,
    label: row.label,
    amount: row.amount,
    cmpAmount: row.cmpAmount,
    planInitial: row.planInitial,
    planAdjusted: row.planAdjusted,
    source: src(row.ids),
  }));
  const cmp: ChartSpec | null = rows.length
    ? {
        id: 'cmp',
        title: hasCmp ? `${compare}年与${i.year}年对比` : `${i.year}年决算`,
        option: compareOption(cmpItems, { money: u, year: i.year, compare }),
        label: '年度对比条形图',
        description: hasCmp
          ? `${compare}年与${i.year}年决算对比：${rows
              .slice(0, 6)
              .map((x) => `${x.label} ${x.cmpAmount === null ? '上年无数据' : moneyWithUnit(x.cmpAmount, u)} → ${moneyWithUnit(x.amount, u)}`)
              .join('；')}。`
          : `${i.year}年决算：${top(rows, u, 8)}。`,
        height: `${Math.max(220, rows.length * (hasCmp ? 44 : 30) + 70)}px`,
        pngName: `${stem}_对比`,
        embed: embed('cmp'),
      }
    : null;

  const flow = flows(i.facts, ctx, r.path, i.trees);
  for (const n of flow.nodes) if (n.drill) targets.set(n.name, n.drill);
  const labelOf = (name: string) => flow.nodes.find((n) => n.name === name)?.label ?? name;
  const sankey: ChartSpec | null = flow.links.length
    ? {
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
        pngName: `${stem}_流向`,
        embed: embed('sankey'),
      }
    : null;

  const exec: ChartSpec | null =
    r.planInitial || r.planAdjusted
      ? {
          id: 'exec',
          title: '预算执行（计划与决算分列，不相加）',
          option: executionOption(
            {
              initial: r.planInitial?.amount ?? null,
              adjusted: r.planAdjusted?.amount ?? null,
              actual: r.total?.amount ?? null,
              sources: { initial: src(r.planInitial?.ids ?? []), adjusted: src(r.planAdjusted?.ids ?? []), actual: src(r.total?.ids ?? []) },
            },
            { money: u, year: i.year },
          ),
          label: '预算执行条形图',
          description: `${i.year}年${r.label}：年初预算 ${r.planInitial ? moneyWithUnit(r.planInitial.amount, u) : '无数据'}，调整预算 ${r.planAdjusted ? moneyWithUnit(r.planAdjusted.amount, u) : '无数据'}，决算 ${totalText}。`,
          height: '240px',
          pngName: `${stem}_预算执行`,
          embed: embed('exec'),
        }
      : null;

  const small = rows.filter((x) => x.share !== null && x.share < 3 && x.amount > 0);
  const live = `当前层级：${r.breadcrumbs.map((b) => b.label).join(' › ')}。${nodeText}${rows.length ? `，${DIM_WORD[r.dim ?? 'b']}分为 ${rows.length} 项` : '，没有下级明细'}。`;

  return {
    state: 'ok',
    path: r.path,
    nodeLabel: r.label,
    breadcrumbs: r.breadcrumbs,
    upPath: r.upPath,
    focusKey: i.focus && rows.some((x) => x.key === i.focus) ? i.focus : null,
    focusNode: !!i.focus && !rows.some((x) => x.key === i.focus) && r.path.includes(i.focus as DrillStep),
    live,
    total,
    totalText,
    compare,
    compareFigure,
    compareNote,
    compareYears,
    plans,
    entries: entryList,
    rows,
    targets,
    hoverKeys,
    charts: { hier, cmp, sankey, exec },
    smallItems: small.length ? `图中过小的项：${small.map((s) => `${s.label} ${moneyWithUnit(s.amount, u)}（${pct(s.share ?? 0)}）`).join('；')}` : null,
    empty: rows.length ? null : emptyText(r),
    withoutBasis: r.key.basis && compare !== null && rows.length && !hasCmp ? r.path.filter((s) => !s.startsWith('b:')) : null,
    table: rows.length
      ? { caption: `${r.label}：${DIM_WORD[r.dim ?? 'b']}的明细（${MONEY[u].label}）`, columns: columnsOf(i.year, compare, rows, u), totals: totalsRow(r, rows), hasRest: rows.some((x) => x.key === REST_KEY), fileStem: stem }
      : null,
  };
}

/** What the report does not break down at a level without children. */
function emptyText(r: DrillResult): string {
  if (!r.total) return '这一层级没有数据。';
  if (!r.path.length) return '报告只给出了支出合计，没有按支出类型、功能分类或经济分类拆分。';
  if (r.key.economic) return `报告没有给出${r.label}更细的经济分类。`;
  if (r.key.functional) return `报告没有给出${r.label}的经济分类拆分。`;
  return `报告没有给出${r.label}按功能分类或经济分类的明细。`;
}

/** The table's columns: actual and share; comparison year and change when compared; plans when stated. */
function columnsOf(year: number, compare: number | null, rows: ChildRow[], u: MoneyUnit): Column<ChildRow>[] {
  const unitLabel = MONEY[u].label;
  const conv = (v: number | null) => moneyExport(v, u);
  const cell = (v: number | null) => (v == null ? '—' : money(v, u));
  const cols: Column<ChildRow>[] = [
    { key: 'label', label: '名称', exportValue: (r) => r.label },
    {
      key: 'amount',
      label: `${year}年决算（${unitLabel}）`,
      numeric: true,
      format: (v: number) => money(v, u),
      exportValue: (r) => conv(r.amount),
      source: (r) => ({ ids: r.ids, computed: r.key === REST_KEY ? '本级合计 − 各明细之和' : r.stated ? undefined : '下级明细之和' }),
    },
    { key: 'share', label: '占比', numeric: true, format: (v: number | null) => (v == null ? '—' : pct(v)), exportValue: (r) => roundTo(r.share, 2) },
  ];
  if (compare !== null)
    cols.push(
      {
        key: 'cmpAmount',
        label: `${compare}年决算（${unitLabel}）`,
        numeric: true,
        format: cell,
        exportValue: (r) => conv(r.cmpAmount),
        source: (r) => (r.cmpIds.length && r.cmpAmount !== null ? { ids: r.cmpIds } : null),
      },
      { key: 'change', label: `增减（${unitLabel}）`, numeric: true, format: (v: number | null) => (v == null ? '—' : signedMoney(v, u)), exportValue: (r) => conv(r.change) },
      { key: 'changePct', label: '增减率', numeric: true, format: (v: number | null) => (v == null ? '—' : `${signed(v)}%`), exportValue: (r) => roundTo(r.changePct, 2) },
    );
  if (rows.some((r) => r.planInitial !== null || r.planAdjusted !== null))
    cols.push(
      { key: 'planInitial', label: `年初预算（${unitLabel}）`, numeric: true, format: cell, exportValue: (r) => conv(r.planInitial) },
      { key: 'planAdjusted', label: `调整预算（${unitLabel}）`, numeric: true, format: cell, exportValue: (r) => conv(r.planAdjusted) },
    );
  return cols;
}

/** The totals row of the table: the node itself. */
function totalsRow(r: DrillResult, rows: ChildRow[]): ChildRow | null {
  if (!r.total) return null;
  const hasPlanRows = rows.some((x) => x.planInitial !== null || x.planAdjusted !== null);
  const cmp = r.cmpTotal;
  return {
    key: '__total',
    label: `合计：${r.label}`,
    code: '',
    dim: 'rest',
    amount: r.total.amount,
    ids: r.total.ids,
    stated: r.total.stated,
    share: 100,
    cmpAmount: cmp?.amount ?? null,
    cmpIds: cmp?.ids ?? [],
    change: cmp ? roundTo(r.total.amount - cmp.amount, 6) : null,
    changePct: cmp ? growthPct(r.total.amount, cmp.amount) : null,
    planInitial: hasPlanRows ? (r.planInitial?.amount ?? null) : null,
    planAdjusted: hasPlanRows ? (r.planAdjusted?.amount ?? null) : null,
    planIds: [],
    drill: null,
  };
}
