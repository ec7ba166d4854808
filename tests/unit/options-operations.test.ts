/** Operational indicator transforms, option builders and quality helpers, against the shipped data. */
import { describe, expect, test } from 'vitest';
import {
  badges,
  figureText,
  focusGroup,
  functionalPath,
  fundingFact,
  funnelChain,
  groupOperations,
  isFocused,
  operationRows,
  toBase,
} from '../../src/features/operations/operations';
import { barLabel, chartable, funnelOption, indicatorBarsOption, needsLog } from '../../src/features/operations/operations.option';
import { orderResults, recordTarget, ruleRows } from '../../src/features/quality/quality';
import { ruleStatusOption } from '../../src/features/quality/quality.option';
import { reconcile } from '../../src/domain/rules';
import { files, index, indicators, trees, UNIT } from './real-data';

const file = files[0];
const items = operationRows(indicators, UNIT, 2022);
const groups = groupOperations(items, index.groups ?? []);

describe('operations transforms', () => {
  test('every operational indicator of the file, grouped in the index order', () => {
    expect(items).toHaveLength(file.indicators.length);
    expect(groups.map((g) => g.id)).toEqual(['youzheng', 'huimin', 'grid', 'iot', 'video', 'gov-cloud', 'egov-network', 'epidemic']);
    const grid = groups.find((g) => g.id === 'grid')!;
    expect(grid.items.filter((i) => i.unit === '个').map((i) => i.value)).toEqual([29, 278, 2534]);
  });
  test('万-units come to base units; approximations and running totals are worded', () => {
    expect(toBase(126, '万条')).toEqual({ base: 1_260_000, baseUnit: '条' });
    expect(toBase(800, '万元')).toEqual({ base: 800, baseUnit: '万元' });
    const savings = items.find((i) => i.id === 'i-cloud-savings')!;
    expect(figureText(savings)).toBe('近800万元');
    expect(figureText(items.find((i) => i.id === 'i-hm-apps')!)).toBe('60余项');
    expect(badges(items.find((i) => i.id === 'i-epi-scans')!)).toContain('累计');
    expect(barLabel(items.find((i) => i.id === 'i-yz-pushed-records')!)).toBe('227.7万件 [累计]');
  });
  test('focus by indicator or by group', () => {
    const vms = items.find((i) => i.id === 'i-cloud-vms')!;
    expect(isFocused(vms, 'i-cloud-vms')).toBe(true);
    expect(isFocused(vms, 'group:gov-cloud')).toBe(true);
    expect(isFocused(vms, 'group:grid')).toBe(false);
    expect(focusGroup(items, 'i-cloud-vms')).toBe('gov-cloud');
  });
  test('the 场所码 funnel is the chain of counts applied → approved only', () => {
    const epi = groups.find((g) => g.id === 'epidemic')!;
    expect(funnelChain(epi.items).map((i) => i.value)).toEqual([149154, 145383]);
  });
  test('the funding link points to 其他科学技术支出 through its classification ancestors', () => {
    const f = fundingFact(file.facts, 2022)!;
    expect([f.label, f.amount, f.functional]).toEqual(['其他科学技术支出', 712.69, '2069999']);
    expect(functionalPath('2069999', trees.functional ?? [])).toEqual(['f:206', 'f:20699', 'f:2069999']);
  });
});

describe('operations options', () => {
  test('overview bars are on a log axis and leave out rates and derived helpers', () => {
    const shown = chartable(items);
    expect(shown.some((i) => i.unit === '%' || i.derived)).toBe(false);
    expect(needsLog(shown)).toBe(true);
    const o = indicatorBarsOption(items, groups, { focus: 'group:grid' }) as {
      xAxis: { type: string };
      series: Array<{ data: Array<{ name: string; value: number; itemStyle: { opacity: number } }> }>;
    };
    expect(o.xAxis.type).toBe('log');
    const pop = o.series[0].data.find((d) => d.name === 'i-grid-population')!;
    expect(pop.value).toBe(1_260_000);
    expect(pop.itemStyle.opacity).toBe(1);
    expect(o.series[0].data.find((d) => d.name === 'i-cloud-vms')!.itemStyle.opacity).toBeLessThan(1);
  });
  test('a small same-magnitude group stays linear', () => {
    const net = groups.find((g) => g.id === 'video')!;
    expect(needsLog(chartable(net.items))).toBe(false);
  });
  test('funnel option escapes names in its tooltip', () => {
    const chain = funnelChain(groups.find((g) => g.id === 'epidemic')!.items).map((i) => ({ ...i, label: '<img src=x>' }));
    const o = funnelOption(chain) as { tooltip: { formatter: (p: { name: string; marker: string }) => string } };
    const html = o.tooltip.formatter({ name: chain[0].id, marker: '' });
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});

describe('quality helpers', () => {
  const results = reconcile(file, {
    functional: { id: 'functional', title: '', edition: '', nodes: trees.functional as never },
    economic: { id: 'economic', title: '', edition: '', nodes: trees.economic as never },
  });
  test('records link to where they are shown', () => {
    expect(recordTarget('f-2022-final-2069999-31007', file, trees)).toMatchObject({
      route: 'spending',
      path: ['f:206', 'f:20699', 'f:2069999', 'e:310', 'e:31007'],
    });
    expect(recordTarget('f-2022-final-basic', file, trees)?.path).toEqual(['b:基本支出']);
    expect(recordTarget('m-fa-selfuse', file, trees)).toMatchObject({ route: 'assets', focus: 'm-fa-selfuse' });
    expect(recordTarget('i-epi-venue-applied', file, trees)).toMatchObject({ route: 'operations', focus: 'i-epi-venue-applied' });
    expect(recordTarget('nope', file, trees)).toBeNull();
  });
  test('per-rule counts add up to all results; failures and known issues come first', () => {
    const rows = ruleRows(results);
    expect(rows.reduce((s, r) => s + r.pass + r.fail + r.known, 0)).toBe(results.length);
    expect(orderResults(results)[0].status).not.toBe('pass');
    const o = ruleStatusOption(rows) as { series: Array<{ name: string }> };
    expect(o.series.map((s) => s.name)).toEqual(['通过', '已知不一致', '失败']);
  });
});
