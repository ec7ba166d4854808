import { describe, expect, it } from 'vitest';
import { narrative, spendingNarrative } from '../../../src/features/overview/narrative';
import { allFacts, FIRST, trees } from './fixtures';

describe('narrative', () => {
  it('is generated from the shipped data', () => {
    const text = narrative(spendingNarrative(allFacts, FIRST, 2022, trees)!);
    expect(text).toContain('2022年支出合计969.29万元，较上年减少1,959.60万元，下降66.91%，主要是其他科学技术支出减少1,972.63万元');
    expect(text).toContain('其中基本支出223.30万元，占23.04%；项目支出745.99万元，占76.96%');
    expect(text).toContain('资本性支出最多');
  });
  it('follows the money unit', () => {
    expect(narrative(spendingNarrative(allFacts, FIRST, 2022, trees)!, 'yi')).toContain('0.0969亿元');
  });
  it('handles a missing previous year', () => {
    const input = spendingNarrative(allFacts, FIRST, 2021, trees)!;
    expect(input.prevTotal).toBeNull();
    expect(narrative(input)).toContain('2021年支出合计2,928.89万元（数据中没有上年支出');
  });
  it('handles an increase with offsetting decreases', () => {
    const t = narrative({ year: 2023, total: 110, prevYear: 2022, prevTotal: 100, bases: [], changes: [{ label: 'A', change: 15 }, { label: 'B', change: -5 }] });
    expect(t).toBe('2023年支出合计110.00万元，较上年增加10.00万元，增长10.00%，主要是A增加15.00万元；B减少5.00万元，部分抵消了增幅。');
  });
  it('names any spending types, income sources and the controlled expenses stated', () => {
    const t = narrative({
      year: 2022,
      total: 100,
      prevYear: null,
      prevTotal: null,
      bases: [{ label: '基本支出', amount: 60 }, { label: '经营支出', amount: 40 }],
      changes: [],
      income: { total: 80, sources: [{ label: '事业收入', amount: 80 }] },
      controls: [{ title: '公务接待费', amount: 1.5 }],
    });
    expect(t).toContain('其中基本支出60.00万元，占60.00%；经营支出40.00万元，占40.00%。');
    expect(t).toContain('本年收入合计80.00万元，其中事业收入80.00万元，占100.00%。');
    expect(t).toContain('公务接待费1.50万元。');
  });
  it('returns null when the year has no total', () => {
    expect(spendingNarrative(allFacts, FIRST, 1999, trees)).toBeNull();
  });
});
