/**
 * The bench's floors draw real figures: the Arquero tables of bench/floors/charts.js add up to
 * what the report states, and the static floor is one page of inline SVG charts without script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain JS module of the bench, no types
import { chartOptions, chartTables } from '../../../bench/floors/charts.js';
// @ts-expect-error plain JS module of the bench, no types
import { staticPage } from '../../../bench/floors/static/generate.mjs';

const ROOT = join(import.meta.dirname, '../../..');
const unitYear = JSON.parse(readFileSync(join(ROOT, 'data/units/ningxiang-drc/2022.json'), 'utf8'));
const stated = (label: string) => unitYear.facts.find((f: { label: string; year: number }) => f.label === label && f.year === 2022).amount;
const sum = (rows: { amount: number }[]) => Math.round(rows.reduce((s, r) => s + r.amount, 0) * 100) / 100;

describe('bench floors', () => {
  const t = chartTables(unitYear);

  test('the functional items and the two spending types each add up to the stated 决算 total', () => {
    expect(sum(t.byFunction)).toBe(stated('决算支出总计'));
    expect(t.byBasis.map((r: { basis: string }) => r.basis)).toEqual(['基本支出', '项目支出']);
    expect(sum(t.byBasis)).toBe(stated('决算支出总计'));
  });

  test('the economic classes are taken per year, never summed across years', () => {
    const salaries = t.byEconomic.filter((r: { economic: string }) => r.economic === '301');
    expect(salaries.map((r: { year: number; amount: number }) => [r.year, r.amount])).toEqual([
      [2021, 161.52],
      [2022, 165.67],
    ]);
    const line = chartOptions(t).line;
    expect(line.xAxis.data).toEqual(['2021', '2022']);
  });

  test('the static floor is three inline SVG charts and no script', () => {
    const html = staticPage(unitYear);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/content="default-src 'none';[^"]*"/);
  });
});
