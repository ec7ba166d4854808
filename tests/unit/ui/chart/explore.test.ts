/**
 * Keyboard exploration of charts, the pure part (src/ui/chart/explore.ts): the items of the real
 * option builders in reading order, the words announced for each (the tooltip's, in the reader's
 * unit, without the 出处 line), and the steps of the arrow, Home, End and Escape keys.
 */
import { describe, expect, it } from 'vitest';
import { number } from 'echarts/core';
import { announcement, exploreItems, exploreStep, percentSeats, tooltipLines } from '../../../../src/ui/chart/explore';
import { hierarchyOption, type HierItem } from '../../../../src/features/spending/hierarchy.option';
import { compareOption, type CompareItem } from '../../../../src/features/spending/compare.option';
import { sankeyOption } from '../../../../src/features/spending/sankey.option';
import { screenPieOption } from '../../../../src/features/screen/screen.option';
import { trendOption } from '../../../../src/features/units/trend.option';
import { balanceOption } from '../../../../src/features/assets/assets.option';
import { ruleStatusOption } from '../../../../src/features/quality/quality.option';
import { funnelOption } from '../../../../src/ui/chart/funnel.option';
import { funnelChain, groupOperations, opItem } from '../../../../src/domain/operations';
import { groups, unitFiles } from '../../assets/units';
import type { MoneyUnit } from '../../../../src/model/vocabulary';

const leaf = (key: string, label: string, amount: number, share: number): HierItem => ({ key, label, amount, share, drill: null, source: `表3 ${label}` });
const tree: HierItem[] = [
  { ...leaf('b:基本支出', '基本支出', 600, 97.56), children: [leaf('f:201', '一般公共服务支出', 500, 83.33), leaf('f:208', '社会保障和就业支出', 100, 16.67)] },
  // Under 3 % of the chart (15 of 615): no label in the picture, so the keyboard is the only way to it besides the table.
  { ...leaf('b:项目支出', '项目支出', 15, 2.44), children: [leaf('f:206', '科学技术支出', 15, 100)] },
];

describe('items of an option, in reading order', () => {
  it('a treemap: parents before their children, numbered depth-first as ECharts does, named in words', () => {
    const option = hierarchyOption(tree, { money: 'wan', nodeLabel: '本年支出' }) as { series: Array<{ data: Array<{ label?: { show: boolean } }> }> };
    expect(option.series[0].data[1].label?.show, 'the small cell has no label in the picture').toBe(false);
    const items = exploreItems(option);
    expect(items.map((i) => [i.key, i.seriesIndex, i.dataIndex])).toEqual([
      ['b:基本支出', 0, 1],
      ['f:201', 0, 2],
      ['f:208', 0, 3],
      ['b:项目支出', 0, 4],
      ['f:206', 0, 5],
    ]);
    // The tooltip's words less its 出处 line: the name, then the values.
    expect(items[0].text).toBe('基本支出 600.00 万元，占上级 97.56%');
    expect(items[4].text).toBe('科学技术支出 15.00 万元，占上级 100.00%');
    expect(items.some((i) => i.text.includes('出处') || i.text.includes('表3'))).toBe(false);
  });

  it.each<[MoneyUnit, string]>([
    ['yuan', '一般公共服务支出 5,000,000 元'],
    ['wan', '一般公共服务支出 500.00 万元'],
    ['yi', '一般公共服务支出 0.0500 亿元'],
  ])('speaks in the reader\'s money unit (%s)', (money, text) => {
    const items = exploreItems(hierarchyOption(tree, { money, nodeLabel: '本年支出' }));
    expect(items[1].text.startsWith(text)).toBe(true);
  });

  it('grouped bars on a vertical category axis: top to bottom, one stop per category when the tooltip lists every series', () => {
    const rows: CompareItem[] = [
      { key: 'f:201', label: '一般公共服务支出', amount: 500, cmpAmount: 450, planInitial: null, planAdjusted: null, source: '表3' },
      { key: 'f:208', label: '社会保障和就业支出', amount: 100, cmpAmount: null, planInitial: null, planAdjusted: null, source: '表3' },
      { key: 'f:206', label: '科学技术支出', amount: 20, cmpAmount: 30, planInitial: null, planAdjusted: null, source: '表3' },
    ];
    const option = compareOption(rows, { money: 'wan', year: 2023, compare: 2022 });
    const items = exploreItems(option);
    // Largest on top: the first row is read first although the axis lists it last.
    expect(items.map((i) => i.key)).toEqual(['f:201', 'f:208', 'f:206']);
    expect(items[0]).toMatchObject({ seriesIndex: 0, dataIndex: 2, text: '一般公共服务支出 2022年决算：450.00 万元，2023年决算：500.00 万元' });
    // 2022 has no figure for this one: its stop is the 2023 bar (the 2022 series draws nothing there).
    expect(items[1]).toMatchObject({ seriesIndex: 1, dataIndex: 1 });
    expect(items[1].text).toBe('社会保障和就业支出 2022年决算：无数据，2023年决算：100.00 万元');
  });

  it('bars on a horizontal category axis: left to right, series by series within a category', () => {
    const lines = [
      { role: 'assets.total', title: '资产总额', value: 1200, key: 'r-assets', prior: { value: 1000, key: 'r-assets-2022', year: 2022, derived: false }, growthText: '20.00%' },
      { role: 'assets.fixed', title: '固定资产', value: 300, key: 'r-fixed', prior: null, growthText: null },
    ];
    const items = exploreItems(balanceOption(lines, { money: 'wan' }));
    expect(items.map((i) => [i.key, i.seriesIndex, i.dataIndex])).toEqual([
      ['r-assets-2022', 0, 0],
      ['r-assets', 1, 0],
      ['r-fixed', 1, 1],
    ]);
    expect(items[0].text).toBe('资产总额 2022年末：1000 万元，较上年增长（报告）：20.00%');
    expect(items[1].text).toBe('资产总额 本年末：1200 万元，较上年增长（报告）：20.00%');
  });

  it('an inverted category axis reads in index order; empty stacked parts are no stop', () => {
    const rows = [
      { rule: 'R1', title: '收支平衡', pass: 3, fail: 0, known: 1 },
      { rule: 'R2', title: '表间一致', pass: 0, fail: 2, known: 0 },
    ];
    const items = exploreItems(ruleStatusOption(rows));
    expect(items.map((i) => [i.key, i.seriesIndex])).toEqual([
      ['R1', 0],
      ['R1', 1],
      ['R2', 2],
    ]);
    expect(items[1].text).toBe('收支平衡（R1） 已知不一致：1');
  });

  it('lines: year by year, a year a series has no figure for is skipped', () => {
    const option = trendOption(
      [
        { key: 't', label: '本年支出', unit: 'money', group: '合计', points: [{ year: 2022, value: 900, derived: false }, { year: 2023, value: 1000, derived: false }] },
        { key: 'f:201', label: '一般公共服务支出', unit: 'money', group: '功能分类', points: [{ year: 2022, value: null, derived: false }, { year: 2023, value: 500, derived: true }] },
      ],
      [2022, 2023],
      { money: 'wan' },
    );
    const items = exploreItems(option);
    expect(items.map((i) => i.key)).toEqual(['t@2022', 't@2023', 'f:201@2023']);
    expect(items[2].text).toBe('2023 年 一般公共服务支出 500.00 万元（计算）');
  });

  it('sankey nodes as listed, each with its flow total', () => {
    const option = sankeyOption(
      [
        { name: 'f:201', label: '一般公共服务支出', side: 'f', drill: null },
        { name: 'e:301', label: '工资福利支出', side: 'e', drill: null },
        { name: 'e:302', label: '商品和服务支出', side: 'e', drill: null },
      ],
      [
        { source: 'f:201', target: 'e:301', value: 300, sourceText: '表3' },
        { source: 'f:201', target: 'e:302', value: 200, sourceText: '表3' },
      ],
      { money: 'wan' },
    );
    expect(exploreItems(option).map((i) => [i.key, i.dataIndex, i.text])).toEqual([
      ['f:201', 0, '一般公共服务支出 500.00 万元'],
      ['e:301', 1, '工资福利支出 300.00 万元'],
      ['e:302', 2, '商品和服务支出 200.00 万元'],
    ]);
  });

  it('a pie: slices as listed, with the share ECharts shows in its tooltip', () => {
    const parts = [
      { key: 'b:基本支出', label: '基本支出', amount: 1 },
      { key: 'b:项目支出', label: '项目支出', amount: 1 },
      { key: 'b:其他', label: '其他', amount: 1 },
    ];
    const items = exploreItems(screenPieOption(parts, { scale: 1, money: 'wan', name: '支出类型' }));
    // Thirds that add up to 100: one of them carries the extra hundredth, as in ECharts.
    expect(items.map((i) => i.text)).toEqual(['基本支出：1.00 万元（33.34%）', '项目支出：1.00 万元（33.33%）', '其他：1.00 万元（33.33%）']);
  });

  it('a funnel of real indicators: stages in order, worded as the report words them', () => {
    const items = opItems();
    const chain = funnelChain(groupOperations(items, groups).find((g) => g.id === 'epidemic')!.items);
    expect(exploreItems(funnelOption(chain)).map((i) => [i.key, i.text])).toEqual([
      ['i-epi-venue-applied', '全市申请场所码：149,154个 （占第一阶段 100.00%）'],
      ['i-epi-venue-approved', '乡镇审核通过场所码：145,383个 （占第一阶段 97.47%）'],
    ]);
  });

  it('no series, no items; an option without a tooltip formatter speaks its names and values', () => {
    expect(exploreItems({})).toEqual([]);
    expect(exploreItems(null)).toEqual([]);
    expect(exploreItems({ series: { type: 'pie', data: [{ name: '甲', key: 'a', value: 2 }] } })).toEqual([{ key: 'a', seriesIndex: 0, dataIndex: 0, text: '甲 2' }]);
  });
});

const opItems = () => unitFiles('ningxiang-drc')[0].indicators.map(opItem);

describe('shares as ECharts computes them', () => {
  it.each([[[1, 1, 1]], [[5, 0, 3.3, 12]], [[0, 0]], [[7]], [[1, 2, 3, 4, 5, 6, 7]]])('%j', (values) => {
    expect(percentSeats(values)).toEqual(values.map((_, i) => number.getPercentWithPrecision(values, i, 2)));
  });
});

describe('tooltip HTML as words', () => {
  it('breaks lines at <br> and <div>, drops tags and decodes what escapeHTML encoded', () => {
    expect(tooltipLines('<strong>A &amp; B &lt;甲&gt;</strong><div>1 万元</div><br/><b>&quot;x&quot; &#39;y&#39;</b>')).toEqual(['A & B <甲>', '1 万元', '"x" \'y\'']);
  });
});

describe('the announcement', () => {
  it('is the item in words, then its place among all', () => {
    expect(announcement({ key: 'f:206', seriesIndex: 0, dataIndex: 5, text: '科学技术支出 20.00 万元' }, 4, 5)).toBe('科学技术支出 20.00 万元（第 5 项，共 5 项）');
  });
});

describe('keys', () => {
  it('→ and ↓ step forward, ← and ↑ back, wrapping around at both ends', () => {
    expect(exploreStep('ArrowRight', 0, 3)).toBe(1);
    expect(exploreStep('ArrowDown', 1, 3)).toBe(2);
    expect(exploreStep('ArrowRight', 2, 3)).toBe(0);
    expect(exploreStep('ArrowLeft', 2, 3)).toBe(1);
    expect(exploreStep('ArrowUp', 0, 3)).toBe(2);
  });
  it('the first press lands on the first item (forward) or the last (back)', () => {
    expect(exploreStep('ArrowRight', null, 3)).toBe(0);
    expect(exploreStep('ArrowLeft', null, 3)).toBe(2);
    expect(exploreStep('ArrowRight', 0, 1)).toBe(0);
  });
  it('Home and End go to the ends', () => {
    expect(exploreStep('Home', 2, 3)).toBe(0);
    expect(exploreStep('End', null, 3)).toBe(2);
  });
  it('Escape leaves only when an item is shown; other keys and empty charts are not the explorer\'s', () => {
    expect(exploreStep('Escape', 1, 3)).toBe('leave');
    expect(exploreStep('Escape', null, 3)).toBeNull();
    for (const key of ['Tab', 'Enter', ' ', 'a']) expect(exploreStep(key, 0, 3)).toBeNull();
    expect(exploreStep('ArrowRight', null, 0)).toBeNull();
    expect(exploreStep('End', null, 0)).toBeNull();
  });
});
