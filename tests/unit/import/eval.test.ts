/** The corpus evaluator itself (scripts/eval-import.ts), on two tiny reports with hand-made references. */
import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../src/domain/rules';
import { importText } from '../../../src/import/text/index';
import type { UnitYearFile } from '../../../src/model/types';
import { factRole, quotesOverlap, scoreReport, storedValue, type Reference } from '../../../scripts/eval-import';
import { options, trees } from './helpers';

const A = ['某某局2022年度单位决算', '2022年本年收入合计1200000元，其中：事业收入20万元，占16.67%。基本支出60万元，人员经费50万元，公用经费12万元。'].join('\n');
const refA: Reference = {
  figures: [
    { value: 1200000, unit: '元', year: 2022, role: 'income.total', quote: '本年收入合计1200000元' },
    { value: 20, unit: '万元', year: 2022, role: 'income.source:事业', quote: '事业收入20万元' },
    { value: 16.67, unit: '%', year: 2022, role: 'income.source:事业', stat: 'share', quote: '占16.67%' },
    { value: 60, unit: '万元', year: 2022, role: 'spending.type:基本支出', quote: '基本支出60万元' },
    { value: 50, unit: '万元', year: 2022, role: 'basic.personnel', quote: '人员经费50万元' },
    { value: 12, unit: '万元', year: 2022, role: 'basic.public', quote: '公用经费12万元' },
  ],
  inconsistencies: [{ kind: 'arithmetic', description: '人员经费 + 公用经费 = 62 ≠ 基本支出 60', labels: ['人员经费', '公用经费', '基本支出'] }],
};

describe('the import evaluator', () => {
  it('converts money units and maps fact cells to roles', () => {
    expect(storedValue({ value: 1200000, unit: '元' })).toEqual({ value: 120, unit: '万元' });
    expect(storedValue({ value: 0.5, unit: '亿元' })).toEqual({ value: 5000, unit: '万元' });
    expect(storedValue({ value: 7, unit: '人' })).toEqual({ value: 7, unit: '人' });
    const cell = { flow: '收入' as const, source: null, basis: null, functional: null, economic: null };
    expect(factRole(cell)).toBe('income.total');
    expect(factRole({ ...cell, flow: '年初结转和结余' })).toBe('income.carryover');
    expect(factRole({ ...cell, flow: '支出', basis: '项目支出' })).toBe('spending.type:项目支出');
    expect(factRole({ ...cell, flow: '支出', functional: '2080505', economic: '301' })).toBeNull();
  });

  it('scores a report read whole: full recall and precision, the inconsistency found by the rules', () => {
    const r = importText(A, options());
    const s = scoreReport(refA, [r.file!], r.review, reconcile(r.file!, trees, { sourceText: r.sourceText }));
    expect(s).toMatchObject({ figures: 6, found: 6, placed: 6, correct: 6, errors: [], wrongYear: 0, inconsistencies: 1, inconsistenciesFound: 1 });
  });

  it('counts a figure under a wrong year, a wrong role and an unmatched figure as errors, and a review item as not found', () => {
    const refB: Reference = {
      figures: [
        { value: 5, unit: '万元', year: 2022, role: 'sangong.total', quote: '“三公”经费支出5万元' },
        { value: 9, unit: '万元', year: 2022, role: 'operating.total', quote: '机关运行经费9万元' },
        { value: 3, unit: '万元', year: 2022, label: '其他', quote: '印刷费3万元' },
      ],
      inconsistencies: [{ kind: 'wording', description: 'x', labels: ['会议费', '培训费'] }],
    };
    const stated = (quote: string) => ({ kind: 'stated' as const, quote, section: '一' });
    const file: UnitYearFile = {
      unit: 'u',
      reportYear: 2022,
      currency: '万元',
      source: { id: 's', title: 't', publisher: 'p', date: null, file: 'sources/s.txt' },
      facts: [],
      measures: [
        { id: 'm1', group: 'g', role: 'sangong.total', label: '三公', value: 5, unit: '万元', year: 2021, approx: null, cumulative: false, parent: null, provenance: stated('“三公”经费支出5万元') },
        { id: 'm2', group: 'g', role: 'meeting.total', label: '会议费', value: 9, unit: '万元', year: 2022, approx: null, cumulative: false, parent: null, provenance: stated('机关运行经费9万元') },
        { id: 'm3', group: 'g', label: '差旅', value: 4, unit: '万元', year: 2022, approx: null, cumulative: false, parent: null, provenance: stated('差旅费4万元') },
        { id: 'm4', group: 'g', label: '印刷费', value: 3, unit: '万元', year: 2022, approx: null, cumulative: false, parent: null, provenance: stated('印刷费3万元') },
      ],
      indicators: [],
      knownIssues: [],
    };
    const s = scoreReport(refB, [file], [{ text: '1万元', value: 1, context: '', where: { line: 1 }, reason: '' }], []);
    expect(s).toMatchObject({ figures: 3, found: 1, placed: 4, correct: 1, wrongYear: 1, review: 1, inconsistenciesFound: 0 });
    expect(s.errors.map((e) => e.id)).toEqual(['m1', 'm2', 'm3']);
    expect(s.errors[2].why).toMatch(/no reference figure/);
  });

  it('matches quotes that print the same number with the same words before it', () => {
    expect(quotesOverlap('本年收入合计120万元', '2022年本年收入合计120万元，其中', '120')).toBe(true);
    expect(quotesOverlap('留言板等28个', '留言板等28个展区', '28')).toBe(true);
    expect(quotesOverlap('事业收入28万元', '其他收入28万元', '28')).toBe(false);
  });
});
