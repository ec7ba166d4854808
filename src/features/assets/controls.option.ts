/**
 * Pure option builders for the controls charts of #/assets (三公/会议/培训 actual vs budget vs
 * last year, the 三公 parts, staffing) plus the small helpers every builder of this family
 * shares (tooltip escaping, dimming for focus, money conversion).
 */
import { escapeHTML } from '../../ui/escape';
import { AXIS_TOOLTIP } from '../../ui/chart-theme';
import type { EChartsCoreOption } from '../../ui/echarts';
import { MONEY, money } from '../../ui/format';
import type { MoneyUnit } from '../../state/url';
import type { ControlRow, Staffing } from './controls';

/** Colours that keep AA contrast as bar fills against both the light and the dark surface. */
export const PALETTE = ['#2f6fb5', '#d9822b', '#3c9a5f', '#8e5cb5', '#c2474a', '#1f8f9a', '#a57c1b', '#5b6b7d', '#c75c9d', '#6b8e23'];
export const STATUS_COLOR = { pass: '#2e7d32', fail: '#c62828', known: '#b7791f' } as const;

/** Opacity of items outside the focus. */
export const DIMMED = 0.28;

/** Convert an amount held in 万元 to the display unit (rounded like the display). */
export function inUnit(wan: number | null, unit: MoneyUnit): number | null {
  if (wan == null || !Number.isFinite(wan)) return null;
  const v = wan * MONEY[unit].factor;
  const d = unit === 'yuan' ? 0 : unit === 'wan' ? 2 : 4;
  return Math.round(v * 10 ** d) / 10 ** d;
}

/** One tooltip line: an escaped name and an escaped value. */
export function tipLine(marker: string, name: unknown, value: unknown): string {
  return `${marker}${escapeHTML(name)}：<b>${escapeHTML(value)}</b>`;
}

export interface ControlsState {
  money: MoneyUnit;
  /** Group id (sangong / meeting / training) or a record id in focus. */
  focus?: string | null;
  dark?: boolean;
}

/** Grouped bars: for each controlled expense, 年初预算 / 本年实际 / 上年实际 (上年 derived). */
export function controlsOption(rows: ControlRow[], state: ControlsState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const dim = (r: ControlRow) => (state.focus && state.focus !== r.group && !r.ids.includes(state.focus) ? DIMMED : 1);
  const series = (
    [
      ['年初预算', 'budget', PALETTE[7]],
      ['本年实际', 'actual', PALETTE[0]],
      ['上年实际（推算）', 'prior', PALETTE[1]],
    ] as const
  ).map(([name, key, color]) => ({
    type: 'bar',
    name,
    itemStyle: { color },
    label: {
      show: true,
      position: 'top',
      formatter: (p: { value: number | null; dataIndex: number }) =>
        p.value == null ? '' : `${key === 'prior' && rows[p.dataIndex].priorApprox ? '≈' : ''}${money(p.value / MONEY[state.money].factor, state.money)}`,
    },
    data: rows.map((r) => ({ value: inUnit(r[key], state.money), itemStyle: { opacity: dim(r) } })),
  }));
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ axisValue: string; marker: string; seriesName: string; value: number | null }>) =>
        `${escapeHTML(ps[0]?.axisValue)}<br>` +
        ps.map((p) => tipLine(p.marker, p.seriesName, p.value == null ? '—' : `${p.value} ${unit}`)).join('<br>'),
    },
    xAxis: { type: 'category', data: rows.map((r) => r.name) },
    yAxis: { type: 'value', name: unit, minInterval: 0 },
    series,
  };
}

export interface PartRow {
  id: string;
  label: string;
  value: number;
}

/** Horizontal bars of the parts of one expense (公务用车 / 公务接待 / 因公出国), zero parts kept visible by label. */
export function partsOption(parts: PartRow[], state: ControlsState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  return {
    grid: { left: 8, right: 80, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string; value: number }) => tipLine(p.marker, parts.find((x) => x.id === p.name)?.label ?? p.name, `${p.value} ${unit}`),
    },
    xAxis: { type: 'value', name: unit },
    yAxis: {
      type: 'category',
      inverse: true,
      data: parts.map((p) => p.id),
      axisLabel: { formatter: (id: string) => parts.find((x) => x.id === id)?.label ?? id, width: 160, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        name: '金额',
        data: parts.map((p, i) => ({
          name: p.id,
          value: inUnit(p.value, state.money),
          itemStyle: { color: PALETTE[i % PALETTE.length], opacity: state.focus && state.focus !== p.id ? DIMMED : 1 },
        })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value} ${unit}` },
        emphasis: { focus: 'self' },
      },
    ],
  };
}

/**
 * Staffing as two stacked bars: 编制 (管理 + 专技 = 在编, plus the vacant posts) and 编外
 * (合同制 + 劳务派遣), so the control rate 在编 ÷ 编制 is visible as a share of the first bar.
 */
export function staffingOption(st: Staffing, state: { focus?: string | null } = {}): EChartsCoreOption {
  const cats = [`编制 ${st.quota?.value ?? '—'} 个`, `编外 ${st.outside.reduce((s, m) => s + m.value, 0)} 人`];
  const dim = (id: string) => (state.focus && state.focus !== id ? DIMMED : 1);
  const stack = (name: string, id: string, values: [number | null, number | null], color: string, dashed = false) => ({
    type: 'bar',
    name,
    stack: 'staff',
    barMaxWidth: 56,
    itemStyle: dashed ? { color: 'transparent', borderColor: color, borderType: 'dashed', borderWidth: 2 } : { color },
    label: { show: true, formatter: (p: { value: number | null }) => (p.value ? `${name} ${p.value}` : '') },
    data: values.map((v) => ({ value: v, name: id, itemStyle: { opacity: dim(id) } })),
  });
  const series = [
    ...st.posts.map((m, i) => stack(m.label, m.id, [m.value, null], PALETTE[i % 3])),
    ...(st.vacant != null && st.vacant > 0 && st.quota ? [stack('空编（计算）', st.quota.id, [st.vacant, null], PALETTE[7], true)] : []),
    ...st.outside.map((m, i) => stack(m.label, m.id, [null, m.value], PALETTE[3 + i])),
  ];
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; marker: string; value: number }) => tipLine(p.marker, p.seriesName, `${p.value} 人`),
    },
    xAxis: { type: 'value', name: '人', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: cats },
    series,
  };
}
