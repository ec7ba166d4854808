import { describe, expect, it } from 'vitest';
import { narrative, narrativeInput } from '../../src/features/overview/narrative';
import { overviewFigures, functionStructure } from '../../src/features/overview/figures';
import { facts, files, trees, UNIT } from './real-data';

describe('narrative', () => {
  it('is generated from the shipped data', () => {
    const input = narrativeInput(facts, UNIT, 2022, trees)!;
    const text = narrative(input);
    expect(text).toContain('2022年支出合计969.29万元，较上年减少1,959.60万元，下降66.91%，主要是其他科学技术支出减少1,972.63万元');
    expect(text).toContain('基本支出223.30万元，占23.04%；项目支出745.99万元，占76.96%');
    expect(text).toContain('资本性支出最多');
  });
  it('follows the money unit', () => {
    expect(narrative(narrativeInput(facts, UNIT, 2022, trees)!, 'yi')).toContain('0.0969亿元');
  });
  it('handles a missing previous year', () => {
    const input = narrativeInput(facts, UNIT, 2021, trees)!;
    expect(input.prevTotal).toBeNull();
    expect(narrative(input)).toContain('2021年支出合计2,928.89万元（数据中没有上年支出');
  });
  it('handles an increase with offsetting decreases', () => {
    const t = narrative({ year: 2023, total: 110, prevYear: 2022, prevTotal: 100, basic: null, project: null, changes: [{ label: 'A', change: 15 }, { label: 'B', change: -5 }] });
    expect(t).toBe('2023年支出合计110.00万元，较上年增加10.00万元，增长10.00%，主要是A增加15.00万元；B减少5.00万元，部分抵消了增幅。');
  });
  it('returns null when the year has no total', () => {
    expect(narrativeInput(facts, UNIT, 1999, trees)).toBeNull();
  });
});

describe('overview figures', () => {
  const measures = files.flatMap((f) => f.measures);
  const f = overviewFigures(facts, measures, UNIT, 2022, trees);
  it('reads totals and the basis split from facts', () => {
    expect(f.total?.value).toBe(969.29);
    expect(f.prevTotal?.value).toBe(2928.89);
    expect(f.basic?.value).toBe(223.3);
    expect(f.project?.value).toBe(745.99);
    expect(f.prevBasic).toBeNull();
  });
  it('computes rates by the standard formulas and keeps the stated ones beside them', () => {
    expect(f.initial?.value).toBe(235.8);
    expect(f.adjusted?.value).toBe(969.29);
    expect(f.completion?.computed).toBeCloseTo(100, 6);
    expect(f.completion?.stated?.value).toBe(411);
    expect(f.completionOfInitial?.computed).toBeCloseTo(411.064, 2);
    expect(f.adjustment?.computed).toBeCloseTo(311.064, 2);
    expect(f.adjustment?.stated?.value).toBe(411);
  });
  it('reads 三公 and staffing measures with the previous year', () => {
    expect([f.sangong?.value, f.sangongBudget?.value, f.prevSangong?.value]).toEqual([5.74, 6, 5.71]);
    expect([f.staffQuota?.value, f.staffInPost?.value, f.prevStaffQuota?.value]).toEqual([14, 9, 12]);
  });
  it('structures spending by functional 类 with the basis split', () => {
    const s = functionStructure(facts, UNIT, 2022, trees);
    expect(s[0]).toMatchObject({ key: 'f:206', total: 712.69, project: 712.69, basic: null });
    expect(s.find((x) => x.key === 'f:201')).toMatchObject({ basic: 187.17, project: 33.3 });
  });
});
