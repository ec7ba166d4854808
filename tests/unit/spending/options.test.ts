import { describe, expect, it } from 'vitest';
import { hierarchyOption } from '../../../src/features/spending/hierarchy.option';
import { compareOption, compareSeriesNames, executionOption } from '../../../src/features/spending/compare.option';
import { sankeyOption } from '../../../src/features/spending/sankey.option';

const EVIL = '<img src=x onerror=alert(1)>';
type Any = any;

describe('hierarchyOption', () => {
  const items = [
    { key: 'f:206', label: '科学技术支出', amount: 712.69, share: 95.5, drill: ['f:206'], source: '报告原文', children: [{ key: 'f:206>f:20699', label: EVIL, amount: 712.69, share: 100, drill: ['f:206', 'f:20699'], source: EVIL }] },
    { key: 'rest', label: '未细分', amount: 10, share: 1.3, drill: null, source: '' },
    { key: 'f:0', label: 'zero', amount: 0, share: 0, drill: null, source: '' },
  ];
  const opt = hierarchyOption(items, { money: 'yuan', nodeLabel: '项目支出' }) as Any;
  it('names items by key, converts to the display unit, keeps drill paths, skips empty cells', () => {
    const data = opt.series[0].data;
    expect(data.map((d: Any) => d.name)).toEqual(['f:206', 'rest']);
    expect(data.map((d: Any) => d.key)).toEqual(['f:206', 'rest']);
    expect(data[0].value).toBeCloseTo(7126900);
    expect(data[0].drill).toEqual(['f:206']);
    expect(data[0].children[0].name).toBe('f:206>f:20699');
    expect(opt.series[0].nodeClick).toBe(false);
  });
  it('hides the label of a cell under 3 % of the chart, at any depth, and keeps the one at exactly 3 %', () => {
    const shown = (o: Any) => o.series[0].data.flatMap((d: Any) => [d, ...(d.children ?? [])]).map((d: Any) => [d.name, d.label?.show !== false]);
    const at = (small: number) =>
      hierarchyOption(
        [
          { key: 'b:项目支出', label: '项目支出', amount: 100 - small, share: null, drill: null, source: '', children: [{ key: 'p>c', label: '子项', amount: small, share: null, drill: null, source: '' }] },
          { key: 'b:基本支出', label: '基本支出', amount: small, share: null, drill: null, source: '' },
        ],
        { money: 'wan', nodeLabel: '支出' },
      );
    // Whole = 100: exactly 3 keeps its label, 2.99 does not (nested child and top cell alike).
    expect(shown(at(3))).toEqual([['b:项目支出', true], ['p>c', true], ['b:基本支出', true]]);
    expect(shown(at(2.99))).toEqual([['b:项目支出', true], ['p>c', false], ['b:基本支出', false]]);
    expect(shown(opt)).toEqual([['f:206', true], ['f:206>f:20699', true], ['rest', false]]);
  });

  it('escapes labels and provenance in the tooltip', () => {
    const html = opt.tooltip.formatter({ name: 'f:206>f:20699' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
    expect(html).toContain('7,126,900 元');
  });
  it('labels show names, not keys', () => {
    expect(opt.series[0].label.formatter({ name: 'f:206', value: 1 })).toContain('科学技术支出');
  });
});

describe('compareOption', () => {
  const items = [
    { key: 'f:2069999', label: EVIL, amount: 712.69, cmpAmount: 2685.32, planInitial: null, planAdjusted: null, source: EVIL },
    { key: 'f:2010301', label: '行政运行', amount: 187.17, cmpAmount: 181.73, planInitial: null, planAdjusted: null, source: 's' },
  ];
  const o = { money: 'wan' as const, year: 2022, compare: 2021 };
  it('has a series per year, categories by key (largest at the top), values never summed', () => {
    const opt = compareOption(items, o) as Any;
    expect(opt.series.map((s: Any) => s.name)).toEqual(['2021年决算', '2022年决算']);
    expect(opt.yAxis.data).toEqual(['f:2010301', 'f:2069999']);
    expect(opt.series[1].data.map((d: Any) => d.value)).toEqual([187.17, 712.69]);
    expect(opt.series.every((s: Any) => s.stack === undefined)).toBe(true);
    expect(opt.yAxis.axisLabel.formatter('f:2010301')).toBe('行政运行');
    expect(opt.series[0].data.map((d: Any) => d.key)).toEqual(['f:2010301', 'f:2069999']);
  });
  it('adds plan series only where the data has plan amounts', () => {
    expect(compareSeriesNames(items, o)).not.toContain('2022年年初预算');
    const withPlan = [{ ...items[1], planInitial: 200, planAdjusted: null }];
    expect(compareSeriesNames(withPlan, o)).toEqual(['2021年决算', '2022年决算', '2022年年初预算']);
  });
  it('escapes the tooltip', () => {
    const html = (compareOption(items, o) as Any).tooltip.formatter([{ name: 'f:2069999' }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('2,685.32 万元');
  });
  it('execution shows plan and actual as separate bars', () => {
    const opt = executionOption({ initial: 235.8, adjusted: 969.29, actual: 969.29, sources: { initial: EVIL } }, { money: 'wan', year: 2022 }) as Any;
    expect(opt.series[0].data.map((d: Any) => d.value)).toEqual([235.8, 969.29, 969.29]);
    expect(opt.tooltip.formatter({ name: 'plan:initial' })).not.toContain('<img');
  });
});

describe('sankeyOption', () => {
  const nodes = [
    { name: 'f:206', label: '科学技术支出', side: 'f' as const, drill: ['f:206'] },
    { name: 'e:310', label: EVIL, side: 'e' as const, drill: ['e:310'] },
    { name: 'rest:e', label: '未细分', side: 'e' as const, drill: null },
  ];
  const links = [
    { source: 'f:206', target: 'e:310', value: 712.69, sourceText: EVIL },
    { source: 'f:206', target: 'rest:e', value: 1, sourceText: '' },
  ];
  const opt = sankeyOption(nodes, links, { money: 'yi' }) as Any;
  it('keys nodes, converts values and keeps raw amounts for tooltips', () => {
    expect(opt.series[0].data.map((d: Any) => d.name)).toEqual(['f:206', 'e:310', 'rest:e']);
    expect(opt.series[0].links[0].value).toBeCloseTo(0.071269);
    expect(opt.series[0].emphasis.focus).toBe('adjacency');
    expect(opt.series[0].data.map((d: Any) => d.key)).toEqual(['f:206', 'e:310', 'rest:e']);
    expect(opt.series[0].links[0].key).toBe('f:206>e:310');
  });
  it('escapes edge and node tooltips', () => {
    const edge = opt.tooltip.formatter({ dataType: 'edge', name: '', data: opt.series[0].links[0] });
    expect(edge).not.toContain('<img');
    expect(edge).toContain('0.0713 亿元');
    expect(opt.tooltip.formatter({ dataType: 'node', name: 'e:310', data: {} })).not.toContain('<img');
  });
});

