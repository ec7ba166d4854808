/** Trends: stated figures first, sums of finer facts marked, YoY for any pair of years, one sentence when there is one year. */
import { describe, expect, test } from 'vitest';
import { regionSeries, trendModel, unitSeries } from '../../../src/features/units/trends';
import { rollup, rollupCells } from '../../../src/domain/region/summary';
import { facts, pair, pairFiles as files, trees } from '../real-data';

const [nx, dy] = pair;

describe('unit trends', () => {
  test('宁乡 2021–2022: total stated both years, function 类 sums marked, 三公 by role, YoY and narrative', () => {
    const s = unitSeries(facts, trees, files.filter((f) => f.unit === nx.id), nx.id);
    expect(s.years).toEqual([2021, 2022]);
    const total = s.series.find((x) => x.key === 't')!;
    expect(total.points.map((p) => [p.value, p.derived])).toEqual([[2928.89, false], [969.29, false]]);
    expect(s.series.find((x) => x.key === 'f:206')!.points.every((p) => p.derived)).toBe(true);
    expect(s.series.some((x) => x.key === 'sangong.total')).toBe(true);
    const m = trendModel(s, { subject: nx.name, a: 2022, b: null, money: 'wan' });
    if (m.state !== 'ok') throw new Error(m.state);
    expect(m.b).toBe(2021);
    const row = m.rows.find((r) => r.key === 't')!;
    expect(row).toMatchObject({ change: '−1,959.60', growth: '−66.91%', tone: 'down' });
    expect(m.rows.find((r) => r.key === 'f:206')!.cells[0]).toContain('※');
    expect(m.narrative).toContain('本年支出：2022 年为 969.29 万元，较 2021 年减少 1,959.60 万元（下降 66.91%）');
    expect(m.chart.option).toMatchObject({ xAxis: { data: ['2021', '2022'] } });
  });

  test('the pair can be reversed (any two years)', () => {
    const s = unitSeries(facts, trees, files.filter((f) => f.unit === nx.id), nx.id);
    const m = trendModel(s, { subject: nx.name, a: 2021, b: 2022, money: 'yi' });
    if (m.state !== 'ok') throw new Error(m.state);
    expect(m.rows.find((r) => r.key === 't')!.growth).toBe('+202.17%');
    expect(m.narrative).toContain('较 2022 年增加');
  });

  test('大英 has one spending year: a sentence, no chart', () => {
    const m = trendModel(unitSeries(facts, trees, files.filter((f) => f.unit === dy.id), dy.id), { subject: dy.name, a: 2022, b: null, money: 'wan' });
    expect(m.state).toBe('none');
    if (m.state === 'none') expect(m.message).toContain('至少两年');
  });
});

describe('region trends', () => {
  test('all regions: per year the sum and the number of units behind it', () => {
    const rows = rollup(pair.flatMap((u) => rollupCells(u, facts, trees)), { all: true });
    const s = regionSeries(rows, '', trees);
    const total = s.series.find((x) => x.key === 't')!;
    expect(total.points.map((p) => p.units)).toEqual([1, 2]);
    const m = trendModel(s, { subject: '全部地区', a: 2022, b: 2021, money: 'wan' });
    if (m.state !== 'ok') throw new Error(m.state);
    expect(m.rows[0].cells[0]).toContain('（1个单位）');
    expect(m.note).toContain('单位数');
  });
});
