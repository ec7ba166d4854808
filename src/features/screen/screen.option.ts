/**
 * Pure option builders for the 1920×1080 big screen. The stage is laid out in real pixels
 * (design size × scale), so every font in an option is multiplied by the same factor: text
 * stays readable from three metres and the canvas maps pointer coordinates 1:1 (no CSS
 * transform between the pointer and ECharts).
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { MONEY, money } from '../../ui/format';
import type { MoneyUnit } from '../../model/vocabulary';
import { escapeHTML } from '../../ui/escape';
import { categoryColors, PALETTE, inUnit } from '../../ui/chart/theme';

/** The design size of the stage. */
export const STAGE = { width: 1920, height: 1080 } as const;

/**
 * A portrait viewport (a phone, a vertical sign) stacks the panels in one scrolling column laid
 * out for this many design pixels across, never enlarged past the design size: letterboxing the
 * 16:9 stage into a 412 px phone would draw its text 3 px high.
 */
const PORTRAIT_WIDTH = 480;

/**
 * How much larger than on a desk screen the charts' text is drawn: a landscape wall is read from
 * about 3 m; the portrait column is a phone, read at arm's length.
 */
export function readingFactor(width: number, height: number): number {
  return width > 0 && height >= width ? 1 : 1.45;
}

/**
 * The stage's scale for a viewport: the uniform scale that fits the 16:9 stage without distortion
 * (letterboxed) in landscape, the stacked column's in portrait (height ≥ width). Screen.svelte's
 * stylesheet computes the same two formulas from the viewport's size, so the prerendered page is
 * laid out right before any script runs; this one scales the live charts' fonts to match.
 */
export function stageScale(width: number, height: number): number {
  if (!(width > 0) || !(height > 0)) return 1;
  if (height >= width) return Math.min(width / PORTRAIT_WIDTH, 1);
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

/** One bar or slice of the big screen: a domain key (drill step or role), its name and amount in 万元. */
export interface ScreenItem {
  key: string;
  label: string;
  amount: number;
}

/** "● 名称：<b>值</b>" with every data string escaped. */
function tipLine(marker: string, name: string, value: string): string {
  return `${marker}${escapeHTML(name)}：<b>${escapeHTML(value)}</b>`;
}

const shareText = (amount: number, total: number) => (total ? `${((amount / total) * 100).toFixed(1)}%` : '—');

/** Spending (by function, economic class or spending type) as big horizontal bars with value and share labels. */
export function screenSpendingOption(rows: ScreenItem[], state: ScreenState): EChartsCoreOption {
  const colours = categoryColors(rows.map((r) => r.key));
  const unit = MONEY[state.money].label;
  const total = rows.reduce((s, r) => s + r.amount, 0);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const option = {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string }) => {
        const r = byKey.get(p.name);
        return tipLine(p.marker, r?.label ?? p.name, `${money(r?.amount ?? 0, state.money)} ${unit}`);
      },
    },
    xAxis: { type: 'value', show: false, max: (v: { max: number }) => v.max * 1.75 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.key),
      axisLabel: { fontSize: 15, formatter: (k: string) => byKey.get(k)?.label ?? k, width: 230, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        name: '决算支出',
        barMaxWidth: 22,
        barMinHeight: 3,
        data: rows.map((r, i) => ({ name: r.key, key: r.key, value: inUnit(r.amount, state.money), itemStyle: { color: colours[i] } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 15,
          color: '#e8edf2',
          formatter: (p: { name: string }) => {
            const r = byKey.get(p.name);
            return r ? `${money(r.amount, state.money)}（${shareText(r.amount, total)}）` : '';
          },
        },
        emphasis: { itemStyle: { borderColor: '#ffb74d', borderWidth: 3 }, label: { fontWeight: 'bold' } },
      },
    ],
  };
  return scaleFonts(option, state.scale * (state.reading ?? 1));
}

/** A ring of the parts of one whole (spending types, income sources) with the amounts as labels. */
export function screenPieOption(parts: ScreenItem[], state: ScreenState & { name: string }): EChartsCoreOption {
  const colours = categoryColors(parts.map((p) => p.key));
  const unit = MONEY[state.money].label;
  const byKey = new Map(parts.map((r) => [r.key, r]));
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string; percent: number }) => {
        const r = byKey.get(p.name);
        return tipLine(p.marker, r?.label ?? p.name, `${money(r?.amount ?? 0, state.money)} ${unit}（${p.percent}%）`);
      },
    },
    series: [
      {
        type: 'pie',
        name: state.name,
        radius: ['36%', '60%'],
        center: ['50%', '52%'],
        data: parts.map((p, i) => ({ name: p.key, key: p.key, value: inUnit(p.amount, state.money), itemStyle: { color: colours[i] } })),
        label: {
          fontSize: 15,
          // scaleFonts scales font sizes only: the line height must follow them or the lines overlap.
          lineHeight: 15 * 1.25 * state.scale * (state.reading ?? 1),
          color: '#e8edf2',
          formatter: (p: { name: string; percent: number }) => {
            const r = byKey.get(p.name);
            // Three short lines: on a 1366-wide wall the one-line amount and share were cut off.
            return r ? `${r.label}\n${money(r.amount, state.money)}\n${p.percent.toFixed(1)}%` : '';
          },
        },
      },
    ],
  };
  return scaleFonts(option, state.scale * (state.reading ?? 1));
}

/** A controlled expense on the wall: its 年初预算, 决算 and last year's 决算 (never summed). */
export interface ScreenControl {
  /** The role (sangong.total, sangong.item:公务接待, meeting.total …). */
  key: string;
  title: string;
  budget: number | null;
  actual: number;
  prior: number | null;
}

/** Budget, actual and last year side by side per controlled expense; a series only when some item has it. */
export function screenControlsOption(rows: ScreenControl[], state: ScreenState & { year: number }): EChartsCoreOption {
  const unit = MONEY[state.money].label;
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const series = (
    [
      ['年初预算', (r: ScreenControl) => r.budget, PALETTE[7]],
      [`${state.year}年决算`, (r: ScreenControl) => r.actual, PALETTE[1]],
      [`${state.year - 1}年决算`, (r: ScreenControl) => r.prior, PALETTE[4]],
    ] as const
  )
    .filter(([, get]) => rows.some((r) => get(r) !== null))
    .map(([name, get, color]) => ({
      type: 'bar',
      name,
      barMaxWidth: 26,
      itemStyle: { color },
      label: { show: true, position: 'top', color: '#e8edf2', fontSize: 12, formatter: (p: { name: string }) => { const v = get(byKey.get(p.name)!); return v === null ? '' : money(v, state.money); } },
      // Three bars of near values side by side print their labels over each other ("5.745.71"):
      // ECharts drops the one that would overlap; the tooltip and the table keep every value.
      labelLayout: { hideOverlap: true },
      data: rows.map((r) => {
        const v = get(r);
        return { name: r.key, key: r.key, value: v === null ? null : inUnit(v, state.money) };
      }),
    }));
  const option = {
    legend: { top: 0, textStyle: { color: '#e8edf2' } },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: Array<{ name: string; marker: string; seriesName: string; value: number | null }>) => {
        const r = byKey.get(ps[0]?.name ?? '');
        return `${escapeHTML(r?.title ?? '')}<br>` + ps.map((p) => tipLine(p.marker, p.seriesName, p.value == null ? '—' : `${money(p.value / MONEY[state.money].factor, state.money)} ${unit}`)).join('<br>');
      },
    },
    xAxis: { type: 'category', data: rows.map((r) => r.key), axisLabel: { formatter: (k: string) => byKey.get(k)?.title ?? k, interval: 0 } },
    yAxis: { type: 'value', name: unit, nameTextStyle: {}, minInterval: 0, splitLine: { lineStyle: { color: '#33404e' } } },
    series,
  };
  return scaleFonts(option, state.scale * (state.reading ?? 1));
}

/** The rotating highlight's caption: "其他科学技术支出 712.69 万元（73.5%）" (shown in the DOM, not ECharts). */
export function highlightCaption(r: ScreenItem | undefined, total: number, unit: MoneyUnit): string {
  if (!r) return '';
  return `${r.label} ${money(r.amount, unit)} ${MONEY[unit].label}（${shareText(r.amount, total)}）`;
}
