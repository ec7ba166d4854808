/**
 * The units compared in one chart: one horizontal bar per unit's 本年支出, largest on top. Every
 * bar carries its unit's key (`u:<unit>`), so a click opens that unit through the wrapper's
 * onselect; a total summed from the report's finer figures says so in the tooltip.
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY } from '../../ui/format';
import { AXIS_TOOLTIP, PALETTE, amountText, inUnit, tooltipHTML } from '../../ui/chart/theme';

export interface UnitBar {
  key: string;
  label: string;
  /** 万元 */
  amount: number;
  /** Summed from the report's finer figures, not stated. */
  derived: boolean;
}

/** Bars of the given units (any order in; largest drawn on top). */
export function unitsOption(items: UnitBar[], o: { money: MoneyUnit }): EChartsCoreOption {
  const cats = [...items].sort((a, b) => a.amount - b.amount);
  const byKey = new Map(items.map((i) => [i.key, i]));
  return {
    animation: false,
    grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ name: string }>) => {
        const it = byKey.get(ps[0]?.name ?? '');
        return it ? tooltipHTML(it.label, [`本年支出 ${amountText(it.amount, o.money)}${it.derived ? '（由分项合计，计算）' : ''}`, '点击打开该单位']) : '';
      },
    },
    xAxis: { type: 'value', name: MONEY[o.money].label, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: cats.map((c) => c.key),
      // Long unit names stay on one line, shortened; the tooltip has the whole name.
      axisLabel: { width: 160, overflow: 'truncate', formatter: (k: string) => byKey.get(k)?.label ?? k },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        cursor: 'pointer',
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', formatter: (p: { data: { value: number } }) => amountText(p.data.value / MONEY[o.money].factor, o.money) },
        data: cats.map((c) => ({ name: c.key, key: c.key, value: inUnit(c.amount, o.money) })),
      },
    ],
  };
}
