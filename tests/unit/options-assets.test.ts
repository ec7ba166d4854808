/** Asset and control transforms and their option builders, against the shipped report data. */
import { describe, expect, test } from 'vitest';
import { balanceLines, contradictions, fixedAssets, vehicles } from '../../src/features/assets/assets';
import { controlItems, controlRows, rateCheck, staffing, tolerance, valuesOf } from '../../src/features/assets/controls';
import { reconcile } from '../../src/domain/rules';
import { balanceOption, shareText, sharesOption } from '../../src/features/assets/assets.option';
import { controlsOption, inUnit, partsOption, staffingOption } from '../../src/features/assets/controls.option';
import { files, index } from './real-data';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClassificationFile } from '../../src/model/types';

const file = files[0];
const groups = index.groups ?? [];
const tree = (p: string) => JSON.parse(readFileSync(resolve(__dirname, '../../data', p), 'utf8')) as ClassificationFile;
const results = reconcile(file, { functional: tree(index.classifications.functional), economic: tree(index.classifications.economic) });

describe('balance sheet', () => {
  const lines = balanceLines(file);
  test('assets, liabilities and net assets with last year and the stated change', () => {
    const total = lines.find((l) => l.id === 'm-assets-total')!;
    expect(total.value).toBe(601.59);
    expect(total.prior?.value).toBe(735.35);
    expect(total.growth?.stated).toBe(-18.19);
    expect(lines.find((l) => l.id === 'm-liab-total')?.growth?.stated).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['m-assets-total', 'm-liab-total', 'm-assets-net']);
  });
  test('option: two bar series, money converted to the display unit', () => {
    const o = balanceOption(lines, { money: 'yuan' }) as { series: Array<{ data: Array<{ value: number }> }> };
    expect(o.series).toHaveLength(2);
    expect(o.series[1].data[0].value).toBe(6_015_900);
    expect(o.series[0].data[0].value).toBe(7_353_500);
  });
  test('focus dims the other lines', () => {
    const o = balanceOption(lines, { money: 'wan', focus: 'm-liab-total' }) as { series: Array<{ data: Array<{ itemStyle: { opacity: number } }> }> };
    expect(o.series[1].data.map((d) => d.itemStyle.opacity)).toEqual([0.28, 1, 0.28]);
  });
});

describe('fixed assets', () => {
  const fa = fixedAssets(file);
  test('classes carry stated and recomputed shares', () => {
    expect(fa.classes.map((c) => [c.label, c.value, c.stated])).toEqual([
      ['通用设备', 905.56, 97.6],
      ['专用设备', 19.98, 2.2],
      ['配置家具、用具、装具及动植物', 2.11, 0.2],
    ]);
    expect(fa.classes[0].recomputed).toBeCloseTo((905.56 / 927.65) * 100, 6);
    expect(fa.classes.every((c) => c.matches)).toBe(true);
    expect(shareText(fa.classes[0])).toBe('97.6%（复算 97.62%）');
  });
  test('the 自用 level has a stated share but no denominator to recompute it', () => {
    const self = fa.levels.find((l) => l.id === 'm-fa-selfuse')!;
    expect(self.stated).toBe(100);
    expect(self.recomputed).toBeNull();
  });
  test('the contradiction 927.65 > 601.59 comes from the validator with its known issue', () => {
    const c = contradictions(['m-fa-selfuse', 'm-assets-total'], results, file.knownIssues);
    const bound = c.find((x) => x.key === 'asset-bounds:m-fa-selfuse')!;
    expect(bound.status).toBe('known');
    expect(bound.numbers).toMatchObject({ expected: 601.59, found: 927.65 });
    expect(bound.issue?.id).toBe('ki-fixed-assets-exceed-total');
  });
  test('option labels every class with value and share', () => {
    const o = sharesOption(fa.classes, { money: 'wan' }) as { yAxis: { axisLabel: { formatter: (id: string) => string } }; series: Array<{ data: Array<{ value: number }> }> };
    expect(o.series[0].data.map((d) => d.value)).toEqual([905.56, 19.98, 2.11]);
    expect(o.yAxis.axisLabel.formatter('m-fa-special')).toContain('2.2%（复算 2.15%）');
  });
});

describe('vehicle', () => {
  test('count, values and status breakdown', () => {
    const v = vehicles(file);
    expect(v.figures.map((f) => f.value)).toEqual([1, 20.98, 8.3]);
    expect(v.status.map((s) => [s.value, s.stated])).toEqual([
      [1, 100],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('三公 / 会议 / 培训', () => {
  const items = controlItems(file, groups);
  const rows = controlRows(items);
  test('actual, budget and last year by role', () => {
    expect(rows.map((r) => [r.group, r.actual, r.budget, r.prior])).toEqual([
      ['sangong', 5.74, 6, 5.71],
      ['meeting', 0, 2, 1.41],
      ['training', 0.43, 3, 1],
    ]);
    expect(rows[0].priorApprox).toBe(true);
  });
  test('三公 parts and counts', () => {
    const s = items[0];
    expect(s.parts.map((p) => p.value)).toEqual([4, 1.74, 0]);
    expect(s.counts.map((c) => c.value).sort((a, b) => a - b)).toEqual([1, 38, 388]);
  });
  test('stated rates are recomputed from the data', () => {
    const rates = items.flatMap((i) => i.rates);
    const r = (id: string) => rates.find((x) => x.id === id)!;
    expect(r('m-sangong-vs-budget-pct').recomputed).toBeCloseTo(-4.3333, 3);
    expect(r('m-training-vs-budget-pct').recomputed).toBeCloseTo(-85.6667, 3);
    expect(r('m-training-yoy-pct').recomputed).toBeCloseTo(-57, 6);
    expect(r('m-sangong-yoy-pct').recomputed).toBeNull();
    expect(rates.filter((x) => x.recomputed !== null).every((x) => x.matches)).toBe(true);
  });
  test('option: budget / actual / prior series in the display unit', () => {
    const o = controlsOption(rows, { money: 'wan' }) as { series: Array<{ name: string; data: Array<{ value: number | null }> }>; xAxis: { data: string[] } };
    expect(o.series.map((s) => s.name)).toEqual(['年初预算', '本年实际', '上年实际（推算）']);
    expect(o.series[1].data.map((d) => d.value)).toEqual([5.74, 0, 0.43]);
    expect(o.xAxis.data).toEqual(['“三公”经费', '会议费', '培训费']);
  });
  test('parts option keeps zero parts', () => {
    const o = partsOption(items[0].parts.map((p) => ({ id: p.id, label: p.label, value: p.value })), { money: 'wan' }) as { series: Array<{ data: unknown[] }> };
    expect(o.series[0].data).toHaveLength(3);
  });
});

describe('staffing', () => {
  const st = staffing(file);
  test('quota, people in post and their posts, outside staff, control rate recomputed', () => {
    expect(st.quota?.value).toBe(14);
    expect(st.inPost?.value).toBe(9);
    expect(st.posts.map((p) => p.value)).toEqual([3, 6]);
    expect(st.outside.map((p) => p.value)).toEqual([2, 1]);
    expect(st.vacant).toBe(5);
    expect(st.rates[0].id).toBe('m-staff-control-rate');
    expect(st.rates[0].recomputed).toBeCloseTo(64.2857, 3);
    expect(st.rates[0].matches).toBe(true);
  });
  test('option stacks posts, vacant posts and outside staff', () => {
    const o = staffingOption(st) as { series: Array<{ name: string; data: Array<{ value: number | null }> }> };
    expect(o.series.map((s) => s.name)).toEqual(['管理岗位', '专业技术岗位', '空编（计算）', '编外合同制人员', '劳务派遣人员']);
    expect(o.series[2].data[0].value).toBe(5);
  });
});

describe('helpers', () => {
  test('tolerance follows printed decimals; inUnit rounds like the display', () => {
    expect(tolerance(2)).toBeCloseTo(0.005, 8);
    expect(inUnit(969.29, 'yi')).toBe(0.0969);
    expect(inUnit(null, 'wan')).toBeNull();
  });
  test('rateCheck without a recompute formula', () => {
    const m = file.measures.find((x) => x.id === 'm-assets-total-growth')!;
    expect(rateCheck(m, valuesOf(file))).toMatchObject({ stated: -18.19, recomputed: null, matches: null });
  });
});
