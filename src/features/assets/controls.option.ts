/**
 * Pure option builders for the budget-controlled expenses (“三公”经费 or its stated items, 会议费,
 * 培训费: 决算 against 年初预算, 调整预算 and last year) and for staff.
 */
import { escapeHTML } from '../../ui/escape';
import { DIMMED, inUnit, tipLine } from '../../ui/chart/palette';
import { AXIS_TOOLTIP, PALETTE } from '../../ui/chart/theme';
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { MONEY, money } from '../../ui/format';
import type { MoneyUnit } from '../../model/vocabulary';

/** One controlled expense: its 决算, 年初预算, 调整预算 and last year, each with the record behind it. */
export interface ControlRow {
  /** The role (sangong.total, sangong.item:公务接待, meeting.total …). */
  role: string;
  title: string;
  actual: number | null;
  budget: number | null;
  /** 调整预算: the budget after the year's adjustments, beside 年初预算 (never added to it). */
  adjusted: number | null;
  prior: number | null;
  /** Record id behind each bar. */
  keys: { actual: string | null; budget: string | null; adjusted: string | null; prior: string | null };
  /** Bars worked out from a stated change or rate rather than printed (推算). */
  derived: { budget: boolean; adjusted: boolean; prior: boolean };
}

export interface ControlsState {
  money: MoneyUnit;
  /** A record id in focus. */
  focus?: string | null;
}

const CONTROL_SERIES = [
  ['budget', '年初预算', PALETTE[7]],
  ['adjusted', '调整预算', PALETTE[5]],
  ['actual', '决算', PALETTE[0]],
  ['prior', '上年决算', PALETTE[1]],
] as const;

/** Grouped bars per expense: 年初预算 / 调整预算 / 决算 / 上年; a series no row states is left out. */
export function controlsOption(rows: readonly ControlRow[], state: ControlsState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const focused = (r: ControlRow) => !state.focus || Object.values(r.keys).includes(state.focus);
  const series = CONTROL_SERIES.filter(([k]) => rows.some((r) => r[k] !== null)).map(([k, name, color]) => {
    const derived = k !== 'actual' && rows.some((r) => r.derived[k]);
    return {
      type: 'bar',
      name: derived ? `${name}（含推算）` : name,
      itemStyle: { color },
      label: {
        show: true,
        position: 'top',
        formatter: (p: { value: number | null; dataIndex: number }) => {
          const r = rows[p.dataIndex];
          return p.value == null ? '' : `${k !== 'actual' && r?.derived[k] ? '≈' : ''}${money(p.value / MONEY[state.money].factor, state.money)}`;
        },
      },
      data: rows.map((r) => ({ key: r.keys[k] ?? `${r.role}:${k}`, value: inUnit(r[k], state.money), itemStyle: { opacity: focused(r) ? 1 : DIMMED } })),
    };
  });
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ axisValue: string; marker: string; seriesName: string; value: number | null }>) =>
        `${escapeHTML(ps[0]?.axisValue)}<br>` + ps.map((p) => tipLine(p.marker, p.seriesName, p.value == null ? '—' : `${p.value} ${unit}`)).join('<br>'),
    },
    xAxis: { type: 'category', data: rows.map((r) => r.title) },
    yAxis: { type: 'value', name: unit, minInterval: 0 },
    series,
  };
}

/** Staffing as bars: 编制 (the kinds of people in post, plus the vacant posts) and the others. */
export interface StaffChart {
  quota: { value: number; key: string; unit: string } | null;
  /** Kinds of the people in post (管理岗位, 专业技术岗位 …), or the in-post total when no kinds are stated. */
  posts: Array<{ key: string; title: string; value: number }>;
  /** Quota − in post (computed), when both are stated and it is positive. */
  vacant: number | null;
  /** People outside the quota (编外 …). */
  others: Array<{ key: string; title: string; value: number }>;
}

export function staffOption(st: StaffChart, state: { focus?: string | null } = {}): EChartsCoreOption {
  const othersTotal = st.others.reduce((s, m) => s + m.value, 0);
  const cats = [st.quota ? `编制 ${st.quota.value} ${st.quota.unit}` : '在编', ...(st.others.length ? [`编外 ${othersTotal} 人`] : [])];
  const dim = (key: string) => (state.focus && state.focus !== key ? DIMMED : 1);
  const stack = (name: string, key: string, at: 0 | 1, value: number, color: string, dashed = false) => ({
    type: 'bar',
    name,
    stack: 'staff',
    barMaxWidth: 56,
    itemStyle: dashed ? { color: 'transparent', borderColor: color, borderType: 'dashed', borderWidth: 2 } : { color },
    label: { show: true, formatter: (p: { value: number | null }) => (p.value ? `${name} ${p.value}` : '') },
    data: cats.map((_, i) => ({ key, value: i === at ? value : null, itemStyle: { opacity: dim(key) } })),
  });
  const series = [
    ...st.posts.map((m, i) => stack(m.title, m.key, 0, m.value, PALETTE[i % 3])),
    ...(st.vacant != null && st.vacant > 0 && st.quota ? [stack('空编（计算）', st.quota.key, 0, st.vacant, PALETTE[7], true)] : []),
    ...st.others.map((m, i) => stack(m.title, m.key, 1, m.value, PALETTE[3 + (i % 4)])),
  ];
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesName: string; marker: string; value: number }) => tipLine(p.marker, p.seriesName, `${p.value} 人`),
    },
    xAxis: { type: 'value', name: '人', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: cats },
    series,
  };
}
