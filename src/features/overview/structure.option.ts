/**
 * The overview's structure chart: spending by functional 类, split into 基本支出 / 项目支出
 * (stacked: the two parts of one actual total, never plan + actual). Category names are
 * DrillStep keys ('f:206'), so a click drills and hover links by key. Hovering a basis card
 * dims the other basis in the option itself (series-level emphasis).
 */
import type { EChartsCoreOption } from '../../ui/echarts';
import type { MoneyUnit } from '../../state/url';
import { MONEY } from '../../ui/format';
import { amountText, inUnit, PALETTE, pct, tooltipHTML, AXIS_TOOLTIP } from '../../ui/chart-theme';

export interface StructureItem {
  key: string;
  label: string;
  /** null when the report gives no basis split for the year. */
  basic: number | null;
  project: number | null;
  total: number;
  share: number;
  source: string;
}

export function structureOption(
  items: StructureItem[],
  o: { money: MoneyUnit; year: number; focusBasis?: '基本支出' | '项目支出' | null },
): EChartsCoreOption {
  const cats = [...items].sort((a, b) => a.total - b.total);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const split = items.some((i) => i.basic !== null || i.project !== null);
  const series = split
    ? ([
        ['基本支出', (i: StructureItem) => i.basic, PALETTE[0]],
        ['项目支出', (i: StructureItem) => i.project, PALETTE[1]],
      ] as const)
    : ([[`${o.year}年决算`, (i: StructureItem) => i.total, PALETTE[0]]] as const);
  return {
    animation: false,
    legend: { top: 0 },
    grid: { left: 8, right: 90, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ name: string }>) => {
        const it = byKey.get(ps[0]?.name ?? '');
        if (!it) return '';
        const lines = [`合计 ${amountText(it.total, o.money)}（占 ${pct(it.share)}）`];
        if (split) lines.push(`基本支出 ${it.basic === null ? '—' : amountText(it.basic, o.money)}`, `项目支出 ${it.project === null ? '—' : amountText(it.project, o.money)}`);
        return tooltipHTML(it.label, lines, it.source);
      },
    },
    xAxis: { type: 'value', name: MONEY[o.money].label, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: cats.map((c) => c.key), axisLabel: { formatter: (k: string) => byKey.get(k)?.label ?? k } },
    series: series.map(([name, get, color], si) => ({
      type: 'bar',
      name,
      stack: 'basis',
      barMaxWidth: 28,
      itemStyle: { color, opacity: o.focusBasis && split && o.focusBasis !== name ? 0.25 : 1 },
      emphasis: { itemStyle: { borderColor: '#c75000', borderWidth: 2 } },
      label:
        si === series.length - 1
          ? { show: true, position: 'right', formatter: (p: { name: string }) => amountText(byKey.get(p.name)?.total ?? 0, o.money) }
          : { show: false },
      data: cats.map((c) => {
        const v = get(c);
        return { name: c.key, value: v === null ? null : inUnit(v, o.money) };
      }),
    })),
  };
}
