/**
 * The units route's one bar chart: one horizontal bar per item, largest on top, used for the units
 * compared (`u:<unit>`, a click opens that unit) and for the region roll-up (`f:<code>` /
 * `e:<code>`, a click drills). Every bar carries its key, so the wrapper's onselect does the rest;
 * the tooltip lines are the caller's (what the figure is, how it was made, what a click does).
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY } from '../../ui/format';
import { AXIS_TOOLTIP, PALETTE, amountText, inUnit, tooltipHTML } from '../../ui/chart/theme';

export interface Bar {
  key: string;
  label: string;
  /** 万元 */
  amount: number;
}

export interface BarsOptions<T extends Bar> {
  money: MoneyUnit;
  /** Lines under the item's name in the tooltip. */
  tooltip: (item: T) => string[];
  barMaxWidth: number;
  /** Names longer than this many pixels are shortened on the axis (the tooltip has them whole). */
  labelWidth?: number;
  /** A pointer cursor: a click opens something. */
  clickable?: boolean;
}

/** Bars of the given items (any order in; largest drawn on top). */
export function barsOption<T extends Bar>(items: T[], o: BarsOptions<T>): EChartsCoreOption {
  const cats = [...items].sort((a, b) => a.amount - b.amount);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const name = (k: string) => byKey.get(k)?.label ?? k;
  return {
    animation: false,
    grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ name: string }>) => {
        const it = byKey.get(ps[0]?.name ?? '');
        return it ? tooltipHTML(it.label, o.tooltip(it)) : '';
      },
    },
    xAxis: { type: 'value', name: MONEY[o.money].label, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: cats.map((c) => c.key),
      axisLabel: o.labelWidth ? { width: o.labelWidth, overflow: 'truncate', formatter: name } : { formatter: name },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: o.barMaxWidth,
        ...(o.clickable ? { cursor: 'pointer' } : {}),
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', formatter: (p: { data: { value: number } }) => amountText(p.data.value / MONEY[o.money].factor, o.money) },
        data: cats.map((c) => ({ name: c.key, key: c.key, value: inUnit(c.amount, o.money) })),
      },
    ],
  };
}
