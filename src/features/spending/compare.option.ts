/**
 * Year comparison of the node's children (comparison year vs selected year) and, where the
 * data has them at this level, plan amounts as their own bars: plan and actual side by side,
 * never stacked or summed. Also the node-level budget execution bars (年初预算 → 调整预算 → 决算).
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY } from '../../ui/format';
import { amountText, inUnit, PALETTE, tooltipHTML, AXIS_TOOLTIP } from '../../ui/chart/theme';

export interface CompareItem {
  key: string;
  label: string;
  amount: number;
  cmpAmount: number | null;
  planInitial: number | null;
  planAdjusted: number | null;
  source: string;
}

export interface CompareOptions {
  money: MoneyUnit;
  year: number;
  compare: number | null;
}

/** Series names of the comparison chart, in order. */
export function compareSeriesNames(items: CompareItem[], o: CompareOptions): string[] {
  const names: string[] = [];
  if (o.compare != null && items.some((i) => i.cmpAmount !== null)) names.push(`${o.compare}年决算`);
  names.push(`${o.year}年决算`);
  if (items.some((i) => i.planInitial !== null)) names.push(`${o.year}年年初预算`);
  if (items.some((i) => i.planAdjusted !== null)) names.push(`${o.year}年调整预算`);
  return names;
}

/** Grouped horizontal bars, categories = children keys (labels via formatter), largest on top. */
export function compareOption(items: CompareItem[], o: CompareOptions): EChartsCoreOption {
  const cats = [...items].reverse();
  const byKey = new Map(items.map((i) => [i.key, i]));
  const names = compareSeriesNames(items, o);
  const pick = (name: string, it: CompareItem): number | null =>
    name === `${o.compare}年决算` ? it.cmpAmount : name === `${o.year}年决算` ? it.amount : name.endsWith('年初预算') ? it.planInitial : it.planAdjusted;
  const colors: Record<string, string> = {};
  names.forEach((n, i) => (colors[n] = n === `${o.year}年决算` ? PALETTE[0] : [PALETTE[7], PALETTE[1], PALETTE[2]][i === 0 ? 0 : i - 1] ?? PALETTE[3]));
  const unit = MONEY[o.money].label;
  return {
    animation: false,
    legend: { top: 0, data: names },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ name: string }>) => {
        const it = byKey.get(ps[0]?.name ?? '');
        if (!it) return '';
        const lines = names.map((n) => {
          const v = pick(n, it);
          return `${n}：${v === null ? '无数据' : amountText(v, o.money)}`;
        });
        return tooltipHTML(it.label, lines, it.source);
      },
    },
    xAxis: { type: 'value', name: unit, nameLocation: 'end', axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'category',
      data: cats.map((c) => c.key),
      axisLabel: { formatter: (k: string) => byKey.get(k)?.label ?? k, width: 120, overflow: 'truncate' },
    },
    series: names.map((n) => ({
      type: 'bar',
      name: n,
      barMaxWidth: 18,
      itemStyle: { color: colors[n] },
      emphasis: { focus: 'none', itemStyle: { borderColor: '#c75000', borderWidth: 2 } },
      data: cats.map((c) => {
        const v = pick(n, c);
        return { name: c.key, key: c.key, value: v === null ? null : inUnit(v, o.money) };
      }),
    })),
  };
}

export interface Execution {
  initial: number | null;
  adjusted: number | null;
  actual: number | null;
  sources: { initial?: string; adjusted?: string; actual?: string };
}

/** 年初预算 / 调整预算 / 决算 of the node as three separate bars (never summed). */
export function executionOption(e: Execution, o: { money: MoneyUnit; year: number }): EChartsCoreOption {
  const items = [
    { key: 'plan:initial', label: '年初预算', v: e.initial, src: e.sources.initial, color: PALETTE[7] },
    { key: 'plan:adjusted', label: '调整预算', v: e.adjusted, src: e.sources.adjusted, color: PALETTE[1] },
    { key: 'actual', label: '决算', v: e.actual, src: e.sources.actual, color: PALETTE[0] },
  ].filter((i) => i.v !== null);
  const byKey = new Map(items.map((i) => [i.key, i]));
  return {
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: { name: string }) => {
        const it = byKey.get(p.name);
        return it ? tooltipHTML(`${o.year}年${it.label}`, [amountText(it.v ?? 0, o.money)], it.src) : '';
      },
    },
    xAxis: { type: 'category', data: items.map((i) => i.key), axisLabel: { formatter: (k: string) => byKey.get(k)?.label ?? k } },
    yAxis: { type: 'value', name: MONEY[o.money].label },
    series: [
      {
        type: 'bar',
        name: '预算执行',
        barMaxWidth: 48,
        label: { show: true, position: 'top', formatter: (p: { name: string }) => amountText(byKey.get(p.name)?.v ?? 0, o.money) },
        data: items.map((i) => ({ name: i.key, key: i.key, value: inUnit(i.v ?? 0, o.money), itemStyle: { color: i.color } })),
      },
    ],
  };
}
