/**
 * The trend chart: one line per series over the years (本年支出 and each function 类); a year a
 * series has no figure for is a gap, never a zero. Items carry the series key.
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY } from '../../ui/format';
import { PALETTE, amountText, inUnit, tooltipHTML } from '../../ui/chart/theme';

export interface Point {
  year: number;
  value: number | null;
  /** Computed here (a sum of finer stated figures), not stated. */
  derived: boolean;
  /** Region series: units whose reports give the figure this year. */
  units?: number;
}

export interface Series {
  key: string;
  label: string;
  /** 'money' (万元) or a count unit ('人'). */
  unit: 'money' | string;
  group: '合计' | '功能分类' | '经济分类' | '主要指标';
  points: Point[];
}

/** Lines of the given money series over `years`. */
export function trendOption(series: Series[], years: number[], o: { money: MoneyUnit }): EChartsCoreOption {
  const cats = years.map(String);
  return {
    animation: false,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (ps: Array<{ seriesIndex: number; dataIndex: number }>) => {
        const y = years[ps[0]?.dataIndex ?? 0];
        const lines = ps.flatMap((p) => {
          const pt = series[p.seriesIndex]?.points.find((x) => x.year === y);
          return pt && pt.value !== null ? [`${series[p.seriesIndex].label} ${amountText(pt.value, o.money)}${pt.derived ? '（计算）' : ''}`] : [];
        });
        return tooltipHTML(`${y} 年`, lines);
      },
    },
    xAxis: { type: 'category', data: cats },
    yAxis: { type: 'value', name: MONEY[o.money].label, axisLabel: { hideOverlap: true } },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.label,
      connectNulls: false,
      lineStyle: { width: s.key === 't' ? 3 : 1.5, color: PALETTE[i % PALETTE.length] },
      itemStyle: { color: PALETTE[i % PALETTE.length] },
      data: years.map((y) => {
        const p = s.points.find((x) => x.year === y);
        return { name: String(y), key: `${s.key}@${y}`, value: p && p.value !== null ? inUnit(p.value, o.money) : null };
      }),
    })),
  };
}
