/**
 * The region roll-up chart: one horizontal bar per function or economic class, largest on top.
 * Every item carries its domain key (`f:<code>` / `e:<code>`), so a click drills through the
 * wrapper's onselect; the tooltip says how many units' reports the sum covers.
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY } from '../../ui/format';
import { AXIS_TOOLTIP, PALETTE, amountText, inUnit, tooltipHTML } from '../../ui/chart/theme';

export interface RollupItem {
  key: string;
  label: string;
  amount: number;
  /** "2 / 3 个单位" */
  coverage: string;
}

/** Bars of the roll-up at one level. */
export function rollupOption(items: RollupItem[], o: { money: MoneyUnit }): EChartsCoreOption {
  const cats = [...items].sort((a, b) => a.amount - b.amount);
  const byKey = new Map(items.map((i) => [i.key, i]));
  return {
    animation: false,
    grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ name: string }>) => {
        const it = byKey.get(ps[0]?.name ?? '');
        return it ? tooltipHTML(it.label, [amountText(it.amount, o.money), `汇总 ${it.coverage}的报告`]) : '';
      },
    },
    xAxis: { type: 'value', name: MONEY[o.money].label, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: cats.map((c) => c.key), axisLabel: { formatter: (k: string) => byKey.get(k)?.label ?? k } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 24,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', formatter: (p: { data: { value: number } }) => amountText(p.data.value / MONEY[o.money].factor, o.money) },
        data: cats.map((c) => ({ name: c.key, key: c.key, value: inUnit(c.amount, o.money) })),
      },
    ],
  };
}
