/**
 * The three charts both floors draw, from one unit-year file (data/units/<unit>/<year>.json):
 * Arquero derives the tables, this module turns them into ECharts options. The naive floor runs
 * it in the browser; the static floor runs it in Node and renders the same options to SVG.
 *
 *   bar  — the year's 决算 spending by 功能分类 item (the facts that carry a functional code only)
 *   pie  — the year's 决算 spending by 支出类型 (基本支出 / 项目支出)
 *   line — 决算 spending by 经济分类 类 (301, 302, 310…) over the years the file states
 */
import { from, op } from 'arquero';

/** Tables from the file's facts; `year` is the report year. */
export function chartTables(unitYear) {
  const year = unitYear.reportYear;
  const facts = from(unitYear.facts.map((f) => ({ ...f, functional: f.functional ?? '', economic: f.economic ?? '', basis: f.basis ?? '' }))).params({ year });
  const spent = facts.filter((d) => d.phase === '决算' && d.flow === '支出');
  const byFunction = spent
    .filter((d, $) => d.year === $.year && d.functional !== '' && d.economic === '')
    .groupby('functional')
    .rollup({ label: op.any('label'), amount: op.sum('amount') })
    .orderby((d) => -d.amount);
  const byBasis = spent
    .filter((d, $) => d.year === $.year && d.basis !== '' && d.functional === '' && d.economic === '')
    .groupby('basis')
    .rollup({ amount: op.sum('amount') })
    .orderby('basis');
  const byEconomic = spent
    .filter((d) => op.length(d.economic) === 3 && d.functional === '' && d.basis === '')
    .groupby('economic', 'year')
    .rollup({ label: op.any('label'), amount: op.sum('amount') })
    .orderby('economic', 'year');
  return { year, unit: unitYear.unit, currency: unitYear.currency, byFunction: byFunction.objects(), byBasis: byBasis.objects(), byEconomic: byEconomic.objects() };
}

const money = (v, unit) => `${Math.round(v * 100) / 100} ${unit}`;

/** ECharts options for the three charts (no animation: both floors draw their final frame at once). */
export function chartOptions(t) {
  const years = [...new Set(t.byEconomic.map((r) => r.year))].sort();
  const economics = [...new Map(t.byEconomic.map((r) => [r.economic, r.label])).entries()];
  const common = { animation: false, aria: { enabled: true }, tooltip: { trigger: 'item' } };
  return {
    bar: {
      ...common,
      grid: { left: 150, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', name: t.currency },
      yAxis: { type: 'category', inverse: true, data: t.byFunction.map((r) => r.label), axisLabel: { width: 140, overflow: 'truncate' } },
      series: [{ type: 'bar', name: `${t.year}年决算支出`, data: t.byFunction.map((r) => ({ name: r.label, value: r.amount, key: r.functional })) }],
    },
    pie: {
      ...common,
      series: [{ type: 'pie', name: '支出类型', radius: ['35%', '65%'], label: { formatter: (p) => `${p.name}\n${money(p.value, t.currency)}` }, data: t.byBasis.map((r) => ({ name: r.basis, value: r.amount, key: r.basis })) }],
    },
    line: {
      ...common,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value', name: t.currency },
      series: economics.map(([code, label]) => ({ type: 'line', name: label, data: years.map((y) => t.byEconomic.find((r) => r.economic === code && r.year === y)?.amount ?? null) })),
    },
  };
}

/** Titles and screen-reader descriptions, shared so both floors carry the same text. */
export function chartTexts(t) {
  const total = t.byFunction.reduce((s, r) => s + r.amount, 0);
  return {
    bar: { title: `${t.year}年决算支出（按功能分类）`, description: `${t.byFunction.length} 个功能分类项目，合计 ${money(total, t.currency)}；最大的是${t.byFunction[0]?.label}，${money(t.byFunction[0]?.amount ?? 0, t.currency)}。` },
    pie: { title: `${t.year}年决算支出（按支出类型）`, description: t.byBasis.map((r) => `${r.basis} ${money(r.amount, t.currency)}`).join('，') + '。' },
    line: { title: '决算支出（按经济分类，逐年）', description: `${[...new Set(t.byEconomic.map((r) => r.label))].join('、')}，${[...new Set(t.byEconomic.map((r) => r.year))].join('、')}年。` },
  };
}
