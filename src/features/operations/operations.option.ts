/**
 * Pure option builders for #/operations. Figures of very different magnitude (a few 路 … tens of
 * millions of 人次) share a log axis in base units (万条 → 条), each bar labelled with the figure as the report
 * words it ("近800万元", "60余项") plus text markers (累计, 推算) so nothing relies on colour.
 */
import { escapeHTML } from '../../ui/escape';
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { count } from '../../ui/format';
import { badges, chartableOps, figureText, isFocused, type OpGroup, type OpItem } from '../../domain/operations';
import { PALETTE } from '../../ui/chart/theme';
import { DIMMED } from '../../ui/chart/palette';
import type { OpsState } from '../../ui/chart/funnel.option';

/** Items a bar chart can show: counts and amounts, not percentages or derived helpers. */
export const chartable = chartableOps;

/** Bar label: the figure as worded, then its markers in brackets. */
export function barLabel(i: OpItem): string {
  const b = badges(i).map((x) => x.replace(/（.*）/, ''));
  return `${figureText(i, count)}${b.length ? ` [${b.join('·')}]` : ''}`;
}

function tooltip(items: OpItem[], groups: OpGroup[]) {
  return {
    trigger: 'item',
    formatter: (p: { name: string; marker: string }) => {
      const i = items.find((x) => x.id === p.name);
      if (!i) return escapeHTML(p.name);
      const g = groups.find((x) => x.id === i.group)?.label ?? i.group;
      const b = badges(i);
      const base = i.baseUnit !== i.unit ? `<br>折合 ${escapeHTML(count(i.base))} ${escapeHTML(i.baseUnit)}` : '';
      return `${escapeHTML(g)}<br>${p.marker}${escapeHTML(i.label)}：<b>${escapeHTML(figureText(i, count))}</b>${base}${b.length ? `<br>${escapeHTML(b.join('，'))}` : ''}`;
    },
  };
}

/** Log axis when the largest bar is more than 20× the smallest, linear otherwise. */
export function needsLog(items: Pick<OpItem, 'base'>[]): boolean {
  const v = items.map((i) => i.base).filter((x) => x > 0);
  return v.length > 1 && Math.max(...v) / Math.min(...v) > 20;
}

/**
 * Horizontal bars of indicators (category = indicator id, shown by its label), coloured by
 * group. Items outside the focus are dimmed; the focused one gets an outline.
 */
export function indicatorBarsOption(items: OpItem[], groups: OpGroup[], state: OpsState = {}): EChartsCoreOption {
  const shown = chartable(items);
  const log = needsLog(shown);
  const fs = state.fontScale ?? 1;
  const colorOf = (g: string) => PALETTE[Math.max(0, groups.findIndex((x) => x.id === g)) % PALETTE.length];
  const labelOf = (id: string) => shown.find((i) => i.id === id)?.label ?? id;
  const baseUnits = [...new Set(shown.map((i) => i.baseUnit))];
  return {
    grid: { left: 8, right: 24, top: 44 * fs, bottom: 8, containLabel: true },
    tooltip: tooltip(shown, groups),
    xAxis: {
      type: log ? 'log' : 'value',
      logBase: 10,
      // The model draws figures of one unit only; their unit names the axis.
      name: log ? `对数刻度（${baseUnits.join('、')}）` : baseUnits.join('、'),
      nameLocation: 'middle',
      nameGap: 22 * fs,
      nameTextStyle: { fontSize: 12 * fs },
      position: 'top',
      max: (v: { max: number }) => (log ? 10 ** Math.ceil(Math.log10(v.max) + 0.9) : v.max * 1.45),
      axisLabel: { fontSize: 11 * fs, formatter: (v: number) => count(v) },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: shown.map((i) => i.id),
      axisLabel: { fontSize: 12 * fs, formatter: (id: string) => labelOf(id), width: 190 * fs, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '运行指标',
        barMaxWidth: 22 * fs,
        data: shown.map((i) => {
          const on = isFocused(i, state.focus ?? null);
          return {
            key: i.id,
            name: i.id,
            value: i.base,
            itemStyle: {
              color: colorOf(i.group),
              opacity: state.focus && !on ? DIMMED : 1,
              borderColor: on ? '#c75000' : undefined,
              borderWidth: on ? 2 : 0,
            },
          };
        }),
        label: {
          show: true,
          position: 'right',
          fontSize: 12 * fs,
          formatter: (p: { name: string }) => {
            const i = shown.find((x) => x.id === p.name);
            return i ? barLabel(i) : '';
          },
        },
        emphasis: { focus: 'none', itemStyle: { borderColor: '#c75000', borderWidth: 2 } },
      },
    ],
  };
}
