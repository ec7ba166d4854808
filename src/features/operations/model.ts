/**
 * The view model of #/operations: a unit's operational indicators of one (fact) year, of
 * whatever domain its report covers, grouped as the index groups them. Titles come from the data
 * (the unit's `indicatorsTitle`, the groups' labels); a unit without indicators gets a sentence.
 * Pure: Node tests call it with files read from disk.
 */
import type { UnitYearFile } from '../../model/types';
import type { ViewState } from '../../state/url';
import type { Column } from '../../ui/table/columns';
import { count, pct } from '../../ui/format';
import type { ChartView } from '../../ui/chart/spec';
import type { TableView } from '../../ui/table/columns';
import { resolveFocus } from '../../state/focus';
import { badges, chartableOps, figureText, focusGroup, funnelChain, groupKey, groupOperations, isFocused, opItem, type OpGroup, type OpItem } from '../../domain/operations';
import { indicatorBarsOption, needsLog } from './operations.option';
import { funnelOption } from '../../ui/chart/funnel.option';

/** Title of the route when the index gives the unit none. */
const DEFAULT_TITLE = '业务运行指标';
export const NO_INDICATORS = '本单位报告未包含业务运行指标。';

interface OpCard {
  key: string;
  title: string;
  value: string;
  badges: string[];
  focused: boolean;
}

interface OpGroupView {
  id: string;
  /** The focus key of the group. */
  key: string;
  label: string;
  /** The focus is the group or one of its indicators. */
  active: boolean;
  /** The focus is the group itself. */
  pressed: boolean;
  cards: OpCard[];
  chart: ChartView | null;
  /** A chain of counts, each a part of the one before, drawn as a funnel. */
  funnel: { title: string; chart: ChartView; note: string } | null;
}

export interface OperationsView {
  title: string;
  /** Set when there is nothing to show (the sentence says why). */
  empty: string | null;
  intro: string;
  chips: Array<{ key: string | null; label: string; pressed: boolean; related: boolean }>;
  /** "已选：…" when something is focused. */
  focusLine: string | null;
  /** Set when the link's focus names nothing on this route (it is then ignored). */
  focusNotice: string | null;
  overview: ChartView | null;
  groups: OpGroupView[];
  table: TableView<OpItem>;
  /** Focus keys of the charts' items (indicator ids) and of the chart a key highlights. */
  highlight: string | null;
  /** The focus after choosing `key`: toggles; undefined = not an indicator or group of this view. */
  select: (key: string | null) => string | null | undefined;
}

export interface OperationsInput {
  unitName: string;
  /** The index's title of the unit's indicators (`indicatorsTitle`), if any. */
  indicatorsTitle?: string;
  /** Every loaded report of the unit (to tell "no indicators at all" from "none this year"). */
  files: readonly UnitYearFile[];
  /** The report that states the view's (fact) year. */
  report: UnitYearFile | undefined;
  groups: ReadonlyArray<{ id: string; label: string; domain?: string }>;
  view: ViewState;
}

/** A figure as worded, with percentages at their printed precision. */
function display(i: Pick<OpItem, 'value' | 'unit' | 'approx'>): string {
  return figureText(i, (n) => (i.unit === '%' ? pct(n, String(n).split('.')[1]?.length ?? 0).replace('%', '') : count(n)));
}

const describe = (list: OpItem[]) => list.map((i) => `${i.label} ${display(i)}${i.cumulative ? '（累计）' : ''}`).join('；');

/** Build the #/operations view. */
export function operationsModel(input: OperationsInput): OperationsView {
  const { view } = input;
  const year = view.year;
  const name = input.indicatorsTitle ?? DEFAULT_TITLE;
  const stem = `${input.unitName}_${year}_${name}`;
  const items = (input.report?.indicators ?? []).filter((r) => r.year === year).map(opItem);
  const groups: OpGroup[] = groupOperations(items, [...input.groups]);
  const anyYear = input.files.some((f) => f.indicators.length > 0);
  const keys = new Set([...items.map((i) => i.id), ...groups.map((g) => groupKey(g.id))]);
  const { focus, notice: focusNotice } = resolveFocus(view.focus, keys);
  const activeGroup = focusGroup(items, focus);
  const focused = items.find((i) => i.id === focus) ?? null;

  const cols: Column<OpItem>[] = [
    { key: 'label', label: '指标' },
    { key: 'group', label: '分组', value: (r) => groups.find((g) => g.id === r.group)?.label ?? r.group },
    { key: 'value', label: '数值（报告口径）', numeric: true, format: (_v: number, r) => display(r), exportValue: (r) => r.value, source: (r) => ({ ids: [r.id] }) },
    { key: 'unit', label: '单位' },
    { key: 'base', label: '折合基本单位', numeric: true, format: (v: number, r) => `${count(v)} ${r.baseUnit}`, exportValue: (r) => r.base },
    { key: 'badges', label: '标注', value: (r) => badges(r).join('、') || '—' },
  ];
  const table: TableView<OpItem> = {
    id: 'ops-table',
    caption: `${year}年${name}（${items.length} 项）`,
    columns: cols,
    rows: items,
    rowKey: (r) => r.id,
    open: true,
    downloadName: stem,
  };

  const shown = chartableOps(items);
  // Bars are compared by length: only figures counted in one unit share an axis (人次 against
  // 万元 or 级 would compare nothing).
  const oneUnit = (list: OpItem[]) => new Set(list.map((i) => i.baseUnit)).size === 1;
  const log = needsLog(shown);
  const sorted = [...shown].sort((a, b) => a.base - b.base);
  const bigUnits = [...new Set(shown.filter((i) => i.baseUnit !== i.unit).map((i) => `“${i.unit}”`))];
  const intro = !shown.length
    ? ''
    : !oneUnit(shown)
      ? `各项指标的计量单位不同（${[...new Set(shown.map((i) => i.baseUnit))].join('、')}），不放在同一条数轴上比较长短；每个数字照报告写法列在卡片和下表中，“近”“余”“累计”等标注用文字标出。`
      : [
          log ? `量级从 ${display(sorted[0])} 到 ${display(sorted[sorted.length - 1])}，横轴用对数刻度` : '横轴为各指标的数值',
          bigUnits.length ? `${bigUnits.join('')}折合为基本单位` : '',
          '标签照报告写法，“近”“余”“累计”等标注用文字标出。',
        ]
          .filter(Boolean)
          .join('；');

  const chart = (id: string, label: string, description: string, height: string, option: ChartView['option']): ChartView => ({ id, label, description, height, option, pngName: `${stem}_${label}` });

  const groupViews: OpGroupView[] = groups.map((g) => {
    const chain = funnelChain(g.items);
    const c = chartableOps(g.items);
    const others = g.items.filter((i) => !chain.includes(i));
    const funnelTitle = chain.map((i) => i.label).join(' → ');
    return {
      id: g.id,
      key: groupKey(g.id),
      label: g.label,
      active: activeGroup === g.id,
      pressed: focus === groupKey(g.id),
      cards: g.items.map((i) => ({ key: i.id, title: i.label, value: display(i), badges: badges(i), focused: isFocused(i, focus) })),
      funnel:
        chain.length > 1
          ? {
              title: funnelTitle,
              chart: chart(
                `ops-funnel-${g.id}`,
                `${funnelTitle}漏斗图`,
                `${chain.map((i) => `${i.label} ${display(i)}`).join(' → ')}。`,
                '200px',
                funnelOption(chain, { focus }),
              ),
              note: `漏斗只含同一单位（${chain[0].unit}）的逐级计数${others.length ? `；${others.map((i) => i.label).join('、')}不是漏斗的一级，作为旁注列在上方` : ''}。`,
            }
          : null,
      chart:
        // One or two figures are read as figures, not drawn.
        chain.length <= 1 && c.length > 2 && oneUnit(c)
          ? chart(`ops-${g.id}`, `${g.label}条形图`, describe(c), `${c.length * 34 + 50}px`, indicatorBarsOption(g.items, groups, { focus }))
          : null,
    };
  });

  return {
    title: `${year}年${name}`,
    empty: items.length ? null : anyYear ? `本单位报告中没有${year}年的${name}。` : NO_INDICATORS,
    intro,
    chips: [
      { key: null, label: '全部', pressed: !focus, related: false },
      ...groups.map((g) => ({ key: groupKey(g.id), label: g.label, pressed: focus === groupKey(g.id), related: activeGroup === g.id })),
    ],
 focusNotice,
    focusLine: focus && keys.has(focus) ? `已选：${focused ? `${focused.label} ${display(focused)}` : (groups.find((g) => g.id === activeGroup)?.label ?? '')}` : null,
    overview: shown.length > 2 && oneUnit(shown)
      ? chart(
          'ops-overview',
          `全部${name}条形图${log ? '（对数刻度）' : ''}`,
          describe(shown),
          `${Math.max(320, shown.length * 26 + 60)}px`,
          indicatorBarsOption(items, groups, { focus }),
        )
      : null,
    groups: groupViews,
    table,
    highlight: focused?.id ?? null,
    select: (key) => (key === null ? null : keys.has(key) ? (key === focus ? null : key) : undefined),
  };
}
