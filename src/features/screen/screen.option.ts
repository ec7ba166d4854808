/**
 * Pure option builders for the 1920×1080 big screen. The stage is laid out in real pixels
 * (design size × scale), so every font in an option is multiplied by the same factor: text
 * stays readable from three metres and the canvas maps pointer coordinates 1:1 (no CSS
 * transform between the pointer and ECharts).
 */
import type { EChartsCoreOption } from '../../ui/echarts';
import { MONEY, money } from '../../ui/format';
import type { MoneyUnit } from '../../state/url';
import type { SpendRow } from './screen';
import { PALETTE, inUnit, tipLine } from '../assets/controls.option';

/** The design size of the stage. */
export const STAGE = { width: 1920, height: 1080 } as const;

/** Uniform scale that fits the stage into a viewport without distortion (letterboxed). */
export function stageScale(width: number, height: number): number {
  if (!(width > 0) || !(height > 0)) return 1;
  return Math.min(width / STAGE.width, height / STAGE.height);
}

/** Keys whose objects hold text styles; a missing fontSize there gets the scaled default. */
const TEXT_KEYS = new Set(['label', 'axisLabel', 'nameTextStyle', 'textStyle', 'title', 'subtextStyle']);

/**
 * A copy of `option` with every fontSize multiplied by `factor` (and the 12px default made
 * explicit where a text style has none), plus sizes of legend items and bar widths. Pure.
 */
export function scaleFonts<T>(option: T, factor: number, base = 12): T {
  const walk = (v: unknown, key: string | null): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (!v || typeof v !== 'object' || typeof v === 'function') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      out[k] = k === 'fontSize' && typeof x === 'number' ? x * factor : walk(x, k);
    }
    if (key && TEXT_KEYS.has(key) && out.fontSize === undefined) out.fontSize = base * factor;
    if ((key === 'xAxis' || key === 'yAxis') && !Array.isArray(v)) {
      const al = (out.axisLabel ?? {}) as Record<string, unknown>;
      if (al.fontSize === undefined) out.axisLabel = { ...al, fontSize: base * factor };
    }
    if (key === 'legend') {
      out.itemWidth = 25 * factor;
      out.itemHeight = 14 * factor;
      if (!out.textStyle) out.textStyle = { fontSize: base * factor };
    }
    if (key === 'grid') {
      for (const side of ['left', 'right', 'top', 'bottom'] as const) {
        if (typeof out[side] === 'number') out[side] = (out[side] as number) * factor;
      }
    }
    return out;
  };
  return walk(option, null) as T;
}

export interface ScreenState {
  /** Stage scale (viewport / 1920×1080). */
  scale: number;
  money: MoneyUnit;
  /** Reading factor on top of the scale (text for three metres). */
  reading?: number;
}

/** Functional spending as big horizontal bars with value and share labels. */
export function screenSpendingOption(rows: SpendRow[], state: ScreenState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const labelOf = (id: string) => rows.find((r) => r.id === id)?.label ?? id;
  const option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string; value: number }) =>
        tipLine(p.marker, labelOf(p.name), `${money(rows.find((r) => r.id === p.name)?.amount ?? 0, state.money)} ${unit}`),
    },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => v.max * 1.75 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.id),
      axisLabel: { fontSize: 15, formatter: (id: string) => labelOf(id), width: 230, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: '决算支出',
        barMaxWidth: 22,
        barMinHeight: 3,
        data: rows.map((r, i) => ({ name: r.id, value: inUnit(r.amount, state.money), itemStyle: { color: PALETTE[i % PALETTE.length] } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 15,
          color: '#e8edf2',
          formatter: (p: { name: string }) => {
            const r = rows.find((x) => x.id === p.name);
            return r ? `${money(r.amount, state.money)}（${total ? ((r.amount / total) * 100).toFixed(1) : '—'}%）` : '';
          },
        },
        emphasis: { itemStyle: { borderColor: '#ffb74d', borderWidth: 3 }, label: { fontWeight: 'bold' } },
      },
    ],
  };
  return scaleFonts(option, state.scale * (state.reading ?? 1));
}

/** Pie of 基本支出 / 项目支出 with the amounts as labels. */
export function screenBasisOption(parts: Array<{ id: string; label: string; amount: number }>, state: ScreenState): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string; percent: number }) => {
        const r = parts.find((x) => x.id === p.name);
        return tipLine(p.marker, r?.label ?? p.name, `${money(r?.amount ?? 0, state.money)} ${unit}（${p.percent}%）`);
      },
    },
    series: [
      {
        type: 'pie',
        name: '支出性质',
        radius: ['36%', '60%'],
        center: ['50%', '52%'],
        data: parts.map((p, i) => ({ name: p.id, value: inUnit(p.amount, state.money), itemStyle: { color: PALETTE[[0, 1][i % 2]] } })),
        label: {
          fontSize: 15,
          color: '#e8edf2',
          formatter: (p: { name: string; percent: number }) => {
            const r = parts.find((x) => x.id === p.name);
            // Three short lines: on a 1366-wide wall the one-line amount and share were cut off.
            return r ? `${r.label}\n${money(r.amount, state.money)}\n${p.percent.toFixed(1)}%` : '';
          },
        },
      },
    ],
  };
  return scaleFonts(option, state.scale * (state.reading ?? 1));
}

/** Escape-safe single-line caption for the rotating highlight (used in the DOM, not ECharts). */
export function highlightCaption(r: SpendRow | undefined, total: number, unit: MoneyUnit): string {
  if (!r) return '';
  return `${r.label} ${money(r.amount, unit)} ${MONEY[unit].label}（${total ? ((r.amount / total) * 100).toFixed(1) : '—'}%）`;
}

