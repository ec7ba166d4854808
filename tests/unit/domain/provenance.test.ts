/** Where a figure comes from (src/domain/provenance.ts): the lines tooltips, tables and downloads cite. */
import { describe, expect, it } from 'vitest';
import { checksInvolving, knownIssueOf, PROVENANCE_LABEL, provenanceSummary, recordIndex, recordsOf, sourceLine } from '../../../src/domain/provenance';
import type { RuleResult, UnitYearFile } from '../../../src/model/types';
import { fact, measure, unit } from './fixtures';

const derived = { kind: 'derived' as const, formula: { op: 'sum' as const, args: ['a', 'b'] }, text: '基本支出 + 项目支出' };
const inferred = { kind: 'inferred' as const, rule: '按科目名称推定代码' };

describe('provenanceSummary', () => {
  it('quotes a stated figure with its section, says how a derived one was computed and by which rule an inferred one was assigned', () => {
    expect(provenanceSummary({ kind: 'stated', quote: '支出总额为969.29万元', section: '二、收支情况' })).toBe('报告原文（二、收支情况）：“支出总额为969.29万元”');
    expect(provenanceSummary(derived)).toBe('推算：基本支出 + 项目支出');
    expect(provenanceSummary(inferred)).toBe('推定：按科目名称推定代码');
    expect(PROVENANCE_LABEL).toEqual({ stated: '报告原文', derived: '推算', inferred: '推定' });
  });
});

describe('records by id', () => {
  const r2021: UnitYearFile = { ...unit({ facts: [fact('f', 1)], measures: [measure('m', 2)], indicators: [measure('i', 3, { unit: '个' })] }), reportYear: 2021 };
  const r2022: UnitYearFile = { ...unit({ facts: [fact('f', 10, { label: '2022年的 f' })], measures: [measure('m2', 4)] }), reportYear: 2022 };

  it('each record of a file with its kind', () => {
    const idx = recordIndex(r2021);
    expect([...idx].map(([id, r]) => [id, r.kind, r.record.label])).toEqual([['f', 'fact', 'f'], ['m', 'measure', 'm'], ['i', 'indicator', 'i']]);
  });

  it('across a unit\'s reports; a later file\'s record replaces one of the same id', () => {
    const all = recordsOf([r2021, r2022]);
    expect([...all.keys()]).toEqual(['f', 'm', 'i', 'm2']);
    expect(all.get('f')?.record.label).toBe('2022年的 f');
  });

  it('sourceLine: one record by its provenance, several as a sum naming up to six, an unknown id as itself', () => {
    const records = recordsOf([unit({ facts: [fact('a', 1, { label: '甲' }), fact('b', 2, { label: '乙', provenance: derived })] })]);
    expect(sourceLine([], records)).toBe('');
    expect(sourceLine(['a'], records)).toBe('报告原文（一）：“报告原文”');
    expect(sourceLine(['b'], records)).toBe('推算：基本支出 + 项目支出');
    expect(sourceLine(['gone'], records)).toBe('gone');
    expect(sourceLine(['a', 'b', 'gone'], records)).toBe('3 条数据相加：甲、乙、gone');
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(sourceLine(six, records)).toBe('6 条数据相加：甲、乙、c、d、e、f');
    expect(sourceLine([...six, 'g'], records)).toBe('7 条数据相加：甲、乙、c、d、e、f等');
  });
});

describe('checks of a record', () => {
  const res = (key: string, status: RuleResult['status'], records: string[], knownIssue?: string): RuleResult => ({
    rule: 'r', key, title: 't', status, numbers: {}, records, message: 'm', grade: 'error', family: 'arithmetic', ...(knownIssue ? { knownIssue } : {}),
  });

  it('checksInvolving: the results that did not pass and name any of the records', () => {
    const rs = [res('1', 'fail', ['a']), res('2', 'pass', ['a']), res('3', 'known', ['x', 'b']), res('4', 'fail', ['c'])];
    expect(checksInvolving(['a', 'b'], rs).map((r) => r.key)).toEqual(['1', '3']);
    expect(checksInvolving([], rs)).toEqual([]);
  });

  it('knownIssueOf: the issue a result points to, in the file given', () => {
    const file = unit({ knownIssues: [{ id: 'ki', explains: ['r'], records: ['a'], kind: 'arithmetic', title: '已知', explanation: '解释' }] });
    expect(knownIssueOf(res('1', 'known', ['a'], 'ki'), file)?.title).toBe('已知');
    expect(knownIssueOf(res('1', 'known', ['a'], 'other'), file)).toBeUndefined();
    expect(knownIssueOf(res('1', 'fail', ['a']), file)).toBeUndefined();
    expect(knownIssueOf(res('1', 'known', ['a'], 'ki'), undefined)).toBeUndefined();
  });
});
