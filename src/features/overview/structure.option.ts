/**
 * The overview's structure chart: spending by functional 类, split by spending type (stacked:
 * the parts of one actual total, never plan + actual). Categories and items carry DrillStep keys
 * ('f:206'), so a click drills and hover links by key. Hovering a spending-type card dims the
 * other types in the option itself (series-level emphasis).
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY } from '../../ui/format';
import { amountText, inUnit, categoryColors, PALETTE, pct, tooltipHTML, AXIS_TOOLTIP } from '../../ui/chart/theme';

export interface StructureItem {
  key: string;
  label: string;
  /** Amount per spending type present in the year (null where the report gives none for this category). */
  parts: Record<string, number | null>;
  total: number;
  share: number;
  source: string;
}

export interface StructureOptions {
  money: MoneyUnit;
  year: number;
  /** Spending types to stack, in order; empty = one series of the totals. */
  bases: readonly string[];
  /** The spending type whose card is hovered: the others are dimmed. */
  focusBasis?: string | null;
}

/** Horizontal stacked bars, largest category on top. */
export function structureOption(items: StructureItem[], o: StructureOptions): EChartsCoreOption {
  const cats = [...items].sort((a, b) => a.total - b.total);
  const byKey = new Map(items.map((i) => [i.key, i]));
  const split = o.bases.length > 0;
  const colours = categoryColors(o.bases);
  const series: Array<[string, (i: StructureItem) => number | null, string]> = split
    ? o.bases.map((b, i) => [b, (it: StructureItem) => it.parts[b] ?? null, colours[i]])
    : [[`${o.year}年决算`, (it: StructureItem) => it.total, PALETTE[0]]];
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
        for (const b of o.bases) lines.push(`${b} ${it.parts[b] == null ? '—' : amountText(it.parts[b]!, o.money)}`);
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
        return { name: c.key, key: c.key, value: v === null ? null : inUnit(v, o.money) };
      }),
    })),
  };
}
