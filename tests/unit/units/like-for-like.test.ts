/**
 * Comparisons that never mislead: a change between two years over the units present in both
 * years only, the region's trend drawn per unit, and the like-for-like figures of each unit
 * (share and rank in the region, per staff member, 三公 against its budget phase, 机关运行经费 per
 * person), over the two shipped real units and small hand-made summaries.
 */
import { describe, expect, test } from 'vitest';
import { changeSentence, CELL_CHARS, unitsModel, type UnitsInput } from '../../../src/features/units/model';
import { regionTrend } from '../../../src/features/units/trends';
import { likeForLike, type UnitYearSummary } from '../../../src/domain/region/summary';
import type { ViewState } from '../../../src/model/routes';
import { trees } from '../real-data';
import { dy, nx, rows, summaries, unitsInput, view as pairView } from './fixtures';

// 全部地区 named in the link ('*'), as the region menu writes it.
const view: ViewState = { ...pairView, focus: '*' };
const input = (patch: Partial<UnitsInput> = {}): UnitsInput => unitsInput({ view, ...patch });

/** A hand-made summary: only what a test sets differs from "nothing stated". */
const sum = (unit: string, year: number, patch: Partial<UnitYearSummary> = {}): UnitYearSummary => ({
  unit, name: `单位${unit}`, region: '某县', year, total: null, totalStated: true, prev: null, basic: null, project: null,
  incomeTotal: null, income: '[]', sangong: null, sangongBudget: null, sangongBudgetPhase: null, sangongItems: '[]',
  staff: null, quota: null, operating: null, reports: 1, ...patch,
});

describe('全部地区 with the two shipped units: 2 units in 2022, 1 in 2021', () => {
  test('the region total changes set (+74.58 % over different units): the change is over the 1 unit with both years, −66.91 %', () => {
    const total = (y: number) => rows.find((r) => r.region === '' && r.dim === 't' && r.year === y)!;
    // What the old headline compared: 2 units against 1.
    expect([total(2022).units, total(2021).units]).toEqual([2, 1]);
    expect(((total(2022).amount - total(2021).amount) / total(2021).amount) * 100).toBeCloseTo(74.58, 2);

    const c = likeForLike(summaries, 2022, 2021);
    expect(c).toMatchObject({ units: [nx.id], unitsA: 2, unitsB: 1, sumA: 969.29, sumB: 2928.89 });
    const s = changeSentence(summaries, 2022, null, '全部地区', 'wan');
    expect(s).toContain('1 个单位两年均有数据');
    expect(s).toContain('下降 66.91%');
    expect(s).toContain('2,928.89 万元 变为 969.29 万元');
    expect(s).not.toContain('74.58');
    expect(unitsModel(input()).change).toBe(s);
  });

  test('the region trend: narrative and 本年支出 row like for like, classes not compared over different units, one line per unit', () => {
    const t = regionTrend({ rollup: rows, summaries, region: '', trees }, { subject: '全部地区', a: 2022, b: null, money: 'wan' });
    if (t.state !== 'ok') throw new Error(t.message);
    expect(t.narrative).toContain('下降 66.91%');
    expect(t.narrative).toContain('1 个单位两年均有数据');
    expect(t.narrative).not.toMatch(/74\.58|增长/);
    const totalRow = t.rows.find((r) => r.key === 't')!;
    expect(totalRow).toMatchObject({ change: '−1,959.60（1个单位）', growth: '−66.91%', tone: 'down' });
    // Each year's total still says how many units it covers.
    expect(totalRow.cells).toEqual(['2,928.89（1个单位）', '5,113.20（2个单位）']);
    expect(t.rows.filter((r) => r.key !== 't').every((r) => r.change === '—' && r.growth === '—')).toBe(true);
    const series = (t.chart.option as { series: Array<{ name: string }> }).series.map((x) => x.name);
    expect(series.sort()).toEqual([nx.name, dy.name].sort());
    expect(t.chart.description).toContain(`${dy.name}：2021 —，2022`);
  });

  test('money units: the same change in 元 and 亿元', () => {
    expect(changeSentence(summaries, 2022, 2021, '全部地区', 'yuan')).toContain('减少 19,596,000 元');
    expect(changeSentence(summaries, 2022, 2021, '全部地区', 'yi')).toContain('减少 0.1960 亿元');
  });
});

describe('like-for-like changes', () => {
  test('the same units in both years: the whole region compared, and classes too', () => {
    const s = [sum('a', 2021, { total: 100 }), sum('a', 2022, { total: 110 }), sum('b', 2021, { total: 50 }), sum('b', 2022, { total: 40 })];
    expect(likeForLike(s, 2022, 2021)).toMatchObject({ units: ['a', 'b'], sumA: 150, sumB: 150 });
    expect(changeSentence(s, 2022, 2021, '某县', 'wan')).toContain('2 个单位两年均有数据（2022 年 2 个、2021 年 2 个单位有数据），合计由 150.00 万元 变为 150.00 万元，持平');
  });

  test('no unit in both years: no change at all, saying why', () => {
    const s = [sum('a', 2021, { total: 100 }), sum('b', 2022, { total: 300 })];
    expect(likeForLike(s, 2022, 2021)).toMatchObject({ units: [], sumA: null, sumB: null });
    const text = changeSentence(s, 2022, 2021, '某县', 'wan');
    expect(text).toContain('没有单位两年均有数据');
    expect(text).not.toMatch(/增长|下降|增加|减少/);
  });

  test('a unit whose total is not stated in a year is not in that year', () => {
    const s = [sum('a', 2021, { total: 100 }), sum('a', 2022, { total: null }), sum('b', 2021, { total: 10 }), sum('b', 2022, { total: 20 })];
    expect(likeForLike(s, 2022, 2021)).toMatchObject({ units: ['b'], unitsA: 1, unitsB: 2, sumA: 20, sumB: 10 });
  });

  test('the compared year: the link’s, else the latest before; none before says so', () => {
    const s = [sum('a', 2019, { total: 80 }), sum('a', 2021, { total: 100 }), sum('a', 2022, { total: 120 })];
    expect(changeSentence(s, 2022, null, '某县', 'wan')).toContain('2022 年较 2021 年');
    expect(changeSentence(s, 2022, 2019, '某县', 'wan')).toContain('2022 年较 2019 年');
    expect(changeSentence(s, 2019, null, '某县', 'wan')).toBe('某县没有早于 2019 年的本年支出数据，无法比较。');
  });
});

describe('like-for-like figures of each unit', () => {
  const units = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: `单位${id}`, region: '某县' }));
  const model = (s: UnitYearSummary[], money: ViewState['money'] = 'wan') =>
    unitsModel(input({ regions: [{ region: '某县', units: 4 }], region: '某县', units, summaries: s, rollup: [], view: { ...view, money, focus: '某县' } }));
  const cells = (m: ReturnType<typeof model>, id: string) => m.rows.find((r) => r.unit === id)!.cells;

  test('share of the region and rank, over the units with a total (ties share a rank)', () => {
    const m = model([sum('a', 2022, { total: 300 }), sum('b', 2022, { total: 100 }), sum('c', 2022, { total: 100 })]);
    expect(cells(m, 'a').share).toMatchObject({ text: '60.00%', derived: true });
    expect(cells(m, 'a').share.note).toContain('3 个有本年支出的单位合计 500.00 万元');
    expect(cells(m, 'b').share.text).toBe('20.00%');
    expect([cells(m, 'a').rank.text, cells(m, 'b').rank.text, cells(m, 'c').rank.text]).toEqual(['1 / 3', '2 / 3', '2 / 3']);
    expect(cells(m, 'd').share.text).toBe('—');
    expect(cells(m, 'd').rank.text).toBe('—');
  });

  test('spending and 机关运行经费 per staff member, in every money unit; none without staff', () => {
    const s = [sum('a', 2022, { total: 300, staff: 12, operating: 18 }), sum('b', 2022, { total: 100, operating: 7.5 })];
    expect(cells(model(s), 'a').perPost.text).toBe('25.00');
    expect(cells(model(s), 'a').operatingPerPost).toMatchObject({ text: '1.50', value: 1.5, derived: true });
    expect(cells(model(s, 'yuan'), 'a').operatingPerPost.text).toBe('15,000');
    expect(cells(model(s, 'yi'), 'a').operatingPerPost.text).toBe('0.0002');
    expect(cells(model(s), 'b').operatingPerPost).toMatchObject({ text: '—', value: null });
    expect(cells(model(s), 'b').operatingPerPost.note).toContain('报告未列在编人员');
  });

  test('三公 against its budget names the phase the report states', () => {
    const s = [
      sum('a', 2022, { total: 1, sangong: 5.74, sangongBudget: 6, sangongBudgetPhase: '调整预算' }),
      sum('b', 2022, { total: 1, sangong: 3, sangongBudget: 2, sangongBudgetPhase: '年初预算' }),
      sum('c', 2022, { total: 1, sangong: 3 }),
    ];
    const m = model(s);
    expect(cells(m, 'a').sangong.text).toBe('5.74（调整预算 6.00，95.67%）');
    expect(cells(m, 'b').sangong.text).toBe('3.00（年初预算 2.00，150.00%）');
    expect(cells(m, 'c').sangong.text).toBe('3.00');
    expect(cells(m, 'c').sangong.note).toContain('未列');
  });

  test('宁乡 2022 states its 三公 budget as 调整预算 or 年初预算, and the summary says which', () => {
    const s = summaries.find((x) => x.unit === nx.id && x.year === 2022)!;
    expect(s.sangongBudget).toBe(6);
    expect(['调整预算', '年初预算']).toContain(s.sangongBudgetPhase);
    expect(unitsModel(input()).rows.find((r) => r.unit === nx.id)!.cells.sangong.text).toContain(`${s.sangongBudgetPhase} 6.00`);
  });

  test('a long cell is shortened to CELL_CHARS with the whole text in its note; a short one is kept whole', () => {
    const income = JSON.stringify([['财政拨款', 1234.56], ['事业', 234.5], ['经营', 34.5], ['其他', 4.5]]);
    const m = model([sum('a', 2022, { total: 1, incomeTotal: 1508.06, income }), sum('b', 2022, { total: 1, incomeTotal: 5 })]);
    const long = cells(m, 'a').income;
    expect([...long.text]).toHaveLength(CELL_CHARS);
    expect(long.text.endsWith('…')).toBe(true);
    expect(long.note).toContain('其他收入 4.50');
    expect(long.note!.startsWith(long.text.slice(0, -1))).toBe(true);
    expect(cells(m, 'b').income).toMatchObject({ text: '5.00' });
    expect(cells(m, 'b').income.note).toBeUndefined();
  });

  test('the units chart: one bar per unit with a total, largest on top, each opening its unit', () => {
    const m = model([sum('a', 2022, { total: 100 }), sum('b', 2022, { total: 300 }), sum('c', 2022, { total: 200 })]);
    const option = m.chart!.option as { yAxis: { data: string[] }; series: Array<{ data: Array<{ key: string; value: number }> }> };
    // ECharts draws the last category on top.
    expect(option.yAxis.data).toEqual(['u:a', 'u:c', 'u:b']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([100, 200, 300]);
    expect(Object.keys(m.links).sort()).toEqual(['u:a', 'u:b', 'u:c']);
    expect(m.links['u:b']).toBe(m.rows.find((r) => r.unit === 'b')!.href);
    expect(m.links['u:b']).toMatch(/^#\/\?unit=b&/);
    expect(model([sum('d', 2022)]).chart).toBeNull();
  });
});
