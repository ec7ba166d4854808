/**
 * Pure option builders for #/assets: balance sheet (this year vs last year), fixed assets by
 * class with stated and recomputed shares, and the vehicle status breakdown.
 */
import { escapeHTML } from '../../ui/escape';
import { AXIS_TOOLTIP } from '../../ui/chart-theme';
import type { EChartsCoreOption } from '../../ui/echarts';
import { MONEY, money, pct } from '../../ui/format';
import type { MoneyUnit } from '../../state/url';
import type { BalanceLine, ShareRow } from './assets';
import { DIMMED, PALETTE, inUnit, tipLine } from './controls.option';

export interface AssetsState {
  money: MoneyUnit;
  /** A record id in focus (dims the others). */
  focus?: string | null;
}

/** Balance sheet: bars of 上年末 (derived from the stated change) and 本年末 for each line. */
export function balanceOption(lines: BalanceLine[], state: AssetsState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const dim = (l: BalanceLine) => (state.focus && !l.ids.includes(state.focus) ? DIMMED : 1);
  const priorYear = lines.find((l) => l.prior)?.prior?.year ?? null;
  const label = (approx: boolean) => ({
    show: true,
    position: 'top',
    formatter: (p: { value: number | null }) => (p.value == null ? '' : `${approx ? '≈' : ''}${money(p.value / MONEY[state.money].factor, state.money)}`),
  });
  return {
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ axisValue: string; marker: string; seriesName: string; value: number | null; dataIndex: number }>) => {
        const l = lines[ps[0]?.dataIndex ?? 0];
        const g = l?.growth ? `<br>较上年增长（报告）：<b>${escapeHTML(pct(l.growth.stated, l.growth.decimals))}</b>` : '';
        return `${escapeHTML(l?.label)}<br>${ps.map((p) => tipLine(p.marker, p.seriesName, p.value == null ? '—' : `${p.value} ${unit}`)).join('<br>')}${g}`;
      },
    },
    xAxis: { type: 'category', data: lines.map((l) => l.label), axisLabel: { interval: 0, overflow: 'break', width: 110 } },
    yAxis: { type: 'value', name: unit },
    series: [
      {
        type: 'bar',
        name: priorYear ? `${priorYear}年末（推算）` : '上年末（推算）',
        itemStyle: { color: PALETTE[1] },
        label: label(true),
        data: lines.map((l) => ({ value: inUnit(l.prior?.value ?? null, state.money), itemStyle: { opacity: dim(l) } })),
      },
      {
        type: 'bar',
        name: '本年末',
        itemStyle: { color: PALETTE[0] },
        label: label(false),
        data: lines.map((l) => ({ value: inUnit(l.value, state.money), itemStyle: { opacity: dim(l) } })),
      },
    ],
  };
}

/** "97.6%（复算 97.62%）": the stated share with its recomputation beside it. */
export function shareText(r: Pick<ShareRow, 'stated' | 'recomputed' | 'decimals'>): string {
  const stated = r.stated == null ? '未列明' : pct(r.stated, r.decimals);
  const re = r.recomputed == null ? '' : `（复算 ${pct(r.recomputed, 2)}）`;
  return `${stated}${re}`;
}

/**
 * Horizontal bars of parts (fixed-asset classes, vehicle statuses) with their value and shares
 * as labels, so the tiny classes stay readable even when their bars are a few pixels long.
 */
export function sharesOption(rows: ShareRow[], state: AssetsState & { valueUnit?: string }): EChartsCoreOption {
  const isMoney = rows.every((r) => r.unit === '万元');
  const unit = isMoney ? MONEY[state.money].label : (state.valueUnit ?? rows[0]?.unit ?? '');
  const val = (r: ShareRow) => (isMoney ? inUnit(r.value, state.money) : r.value);
  const labelOf = (id: string) => rows.find((r) => r.id === id)?.label ?? id;
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string; value: number }) => {
        const r = rows.find((x) => x.id === p.name);
        return `${tipLine(p.marker, labelOf(p.name), `${p.value} ${unit}`)}<br>占比（报告）：${escapeHTML(r ? shareText(r) : '')}`;
      },
    },
    // Room on the right for the value labels of the longest bar.
    xAxis: { type: 'value', name: unit, minInterval: isMoney ? 0 : 1, max: (v: { max: number }) => Math.ceil(v.max * 1.35) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.id),
      axisLabel: {
        formatter: (id: string) => {
          const r = rows.find((x) => x.id === id);
          return r ? `${labelOf(id)}\n{share|${shareText(r)}}` : id;
        },
        rich: { share: { fontSize: 11, opacity: 0.8 } },
      },
    },
    series: [
      {
        type: 'bar',
        name: '金额',
        barMinHeight: 2,
        data: rows.map((r, i) => ({
          name: r.id,
          value: val(r),
          itemStyle: { color: PALETTE[i % PALETTE.length], opacity: state.focus && state.focus !== r.id && state.focus !== r.statedId ? DIMMED : 1 },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${p.value} ${unit}`,
        },
        emphasis: { focus: 'self' },
      },
    ],
  };
}

/** A round axis maximum at or above `v` (1, 2 or 5 × 10^n). */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p;
}
