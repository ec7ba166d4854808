/**
 * Pure option builders for #/assets: a balance (this year against last year) and the parts of a
 * whole (fixed-asset classes, vehicle statuses, 三公 items, 政府采购 kinds …) with their shares.
 * Every data item carries `key`, the record id the wrapper reports on click and highlights.
 */
import { escapeHTML } from '../../ui/escape';
import { AXIS_TOOLTIP, PALETTE } from '../../ui/chart/theme';
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { MONEY, money } from '../../ui/format';
import type { MoneyUnit } from '../../model/vocabulary';
import { DIMMED, inUnit, tipLine } from '../../ui/chart/palette';

export interface AssetsState {
  money: MoneyUnit;
  /** A record id in focus (dims the others). */
  focus?: string | null;
}

/** One line of a balance: this year's figure and last year's, when stated or derived. */
export interface BalanceLine {
  /** The role (assets.total …). */
  role: string;
  title: string;
  value: number;
  /** Record id of this year's figure. */
  key: string;
  prior: { value: number; key: string; year: number; derived: boolean } | null;
  /** The stated change on last year, as shown ("−18.19%"), if any. */
  growthText: string | null;
}

/** Balance: bars of last year (when any line has one) and this year for each line. */
export function balanceOption(lines: readonly BalanceLine[], state: AssetsState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const dim = (l: BalanceLine) => (state.focus && state.focus !== l.key && state.focus !== l.prior?.key ? DIMMED : 1);
  const priorYear = lines.find((l) => l.prior)?.prior?.year ?? null;
  const label = (prior: boolean) => ({
    show: true,
    position: 'top',
    formatter: (p: { value: number | null; dataIndex: number }) =>
      p.value == null ? '' : `${prior && lines[p.dataIndex]?.prior?.derived ? '≈' : ''}${money(p.value / MONEY[state.money].factor, state.money)}`,
  });
  const series = [
    ...(priorYear === null
      ? []
      : [
          {
            type: 'bar',
            name: `${priorYear}年末${lines.some((l) => l.prior?.derived) ? '（推算）' : ''}`,
            itemStyle: { color: PALETTE[1] },
            label: label(true),
            data: lines.map((l) => ({ key: l.prior?.key ?? `${l.key}:prior`, value: inUnit(l.prior?.value ?? null, state.money), itemStyle: { opacity: dim(l) } })),
          },
        ]),
    {
      type: 'bar',
      name: '本年末',
      itemStyle: { color: PALETTE[0] },
      label: label(false),
      data: lines.map((l) => ({ key: l.key, value: inUnit(l.value, state.money), itemStyle: { opacity: dim(l) } })),
    },
  ];
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ marker: string; seriesName: string; value: number | null; dataIndex: number }>) => {
        const l = lines[ps[0]?.dataIndex ?? 0];
        const g = l?.growthText ? `<br>较上年增长（报告）：<b>${escapeHTML(l.growthText)}</b>` : '';
        return `${escapeHTML(l?.title)}<br>${ps.map((p) => tipLine(p.marker, p.seriesName, p.value == null ? '—' : `${p.value} ${unit}`)).join('<br>')}${g}`;
      },
    },
    xAxis: { type: 'category', data: lines.map((l) => l.title), axisLabel: { interval: 0, overflow: 'break', width: 110 } },
    yAxis: { type: 'value', name: unit },
    series,
  };
}

/** One part of a whole with its share (stated and recomputed). */
export interface PartRow {
  /** Record id of the part. */
  key: string;
  title: string;
  value: number;
  unit: string;
  /** "97.6%（复算 97.62%）", "未列明（复算 2.15%）", or null when there is no whole. */
  shareText: string | null;
  /** Record id of the stated share, if any. */
  shareKey: string | null;
}

/**
 * Horizontal bars of parts with their value and share as labels, so the tiny parts stay readable
 * even when their bars are a few pixels long.
 */
export function sharesOption(rows: readonly PartRow[], state: AssetsState): EChartsCoreOption {
  const isMoney = rows.every((r) => r.unit === '万元');
  const unit = isMoney ? MONEY[state.money].label : (rows[0]?.unit ?? '');
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data: { key: string }; marker: string; value: number }) => {
        const r = byKey.get(p.data?.key);
        return `${tipLine(p.marker, r?.title ?? '', `${p.value} ${unit}`)}${r?.shareText ? `<br>占比：${escapeHTML(r.shareText)}` : ''}`;
      },
    },
    // Room on the right for the value labels of the longest bar.
    xAxis: { type: 'value', name: unit, minInterval: isMoney ? 0 : 1, max: (v: { max: number }) => Math.max(1, Math.ceil(v.max * 1.35)) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.key),
      axisLabel: {
        formatter: (key: string) => {
          const r = byKey.get(key);
          return r ? (r.shareText ? `${r.title}\n{share|${r.shareText}}` : r.title) : '';
        },
        rich: { share: { fontSize: 11, opacity: 0.8 } },
      },
    },
    series: [
      {
        type: 'bar',
        name: '数值',
        barMinHeight: 2,
        data: rows.map((r, i) => ({
          key: r.key,
          name: r.key,
          value: isMoney ? inUnit(r.value, state.money) : r.value,
          itemStyle: { color: PALETTE[i % PALETTE.length], opacity: state.focus && state.focus !== r.key && state.focus !== r.shareKey ? DIMMED : 1 },
        })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => `${p.value} ${unit}` },
        emphasis: { focus: 'self' },
      },
    ],
  };
}
