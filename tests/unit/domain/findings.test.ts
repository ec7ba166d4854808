/**
 * Rule results as a page shows them (src/domain/findings.ts): the numbers of a finding with their
 * words, the findings beside a chart of some records, the one line a page gives them, and the
 * order #/quality reads them in.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksFor, findingKeys, findingsLine, fmtNumber, NUMBER_LABEL, numberPairs, orderResults, recordTarget } from '../../../src/domain/findings';
import { economic, fact, functional, measure, shippedReport, unit } from './fixtures';
import type { KnownIssue, RuleResult } from '../../../src/model/types';
import type { ViewState } from '../../../src/model/routes';

const view: ViewState = { route: 'spending', unit: 'demo', year: 2022, compare: null, path: ['f:201'], money: 'wan', focus: null };
const res = (key: string, status: RuleResult['status'], records: string[], more: Partial<RuleResult> = {}): RuleResult => ({
  rule: key.split(':')[0], key, title: `${key} 的标题`, status, numbers: {}, records, message: `${key} 的说明`, grade: 'error', family: 'arithmetic', ...more,
});
const issue = (id: string, records: string[], more: Partial<KnownIssue> = {}): KnownIssue => ({
  id, explains: [], records, kind: 'arithmetic', title: `${id} 标题`, explanation: `${id} 解释`, ...more,
});

describe('fmtNumber: a finding\'s number as people read it', () => {
  it('two decimals from 1 up (either sign), four below 1 so a small tolerance does not show as 0', () => {
    expect(fmtNumber(969.294)).toBe('969.29');
    expect(fmtNumber(969.295)).toBe('969.3');
    expect(fmtNumber(1)).toBe('1');
    expect(fmtNumber(1.005)).toBe('1');
    expect(fmtNumber(0.99999)).toBe('1');
    expect(fmtNumber(0.12345)).toBe('0.1235');
    expect(fmtNumber(0.005)).toBe('0.005');
    expect(fmtNumber(0.000001)).toBe('0');
    expect(fmtNumber(-18.424)).toBe('−18.42');
    expect(fmtNumber(-1)).toBe('−1');
    expect(fmtNumber(-0.02)).toBe('−0.02');
  });
  it('a number that is not finite shows as a dash', () => {
    expect([fmtNumber(Infinity), fmtNumber(-Infinity), fmtNumber(NaN)]).toEqual(['—', '—', '—']);
  });
});

describe('the words for a finding\'s numbers', () => {
  it('every number key has its own words, none blank and no two alike', () => {
    const labels = Object.values(NUMBER_LABEL);
    for (const [key, label] of Object.entries(NUMBER_LABEL)) expect(label, key).toMatch(/^\S+$/);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).not.toContain('数值'.repeat(2));
  });

  it('every number the rules give on the shipped reports is labelled (never shown as 数值)', () => {
    const index = JSON.parse(readFileSync(resolve(__dirname, '../../../data/index.json'), 'utf8')) as { units: Array<{ id: string; years: Array<{ year: number }> }> };
    const keys = new Set(index.units.flatMap((u) => u.years.flatMap((y) => shippedReport(u.id, y.year).results.flatMap((r) => Object.keys(r.numbers)))));
    expect(keys.size).toBeGreaterThan(10);
    for (const k of keys) expect(NUMBER_LABEL, k).toHaveProperty(k);
    // 其中 items of which only the first few make the total, and the parts of a closed family.
    expect([NUMBER_LABEL.prefix, NUMBER_LABEL.parts]).toEqual(['之和等于总数的前几项', '分项数']);
  }, 60_000);
});

describe('numberPairs', () => {
  it('labels each number by its key, in order, and an unknown key as 数值 (never the key itself)', () => {
    expect(numberPairs({ expected: 100, found: 100.02, difference: 0.02, tolerance: 0.01, carryOverNeeded: 20, mystery: 3 })).toEqual([
      { label: '应为', value: '100' },
      { label: '实际', value: '100.02' },
      { label: '差额', value: '0.02' },
      { label: '容差', value: '0.01' },
      { label: '应有的结转和结余', value: '20' },
      { label: '数值', value: '3' },
    ]);
  });
});

describe('checksFor: the findings beside a chart of some records', () => {
  const results = [
    res('children-sum:a', 'fail', ['a', 'a1'], { numbers: { expected: 10, found: 10.5, difference: 0.5 } }),
    res('share:b', 'known', ['x', 'b'], { knownIssue: 'ki-b' }),
    res('balance:2022', 'pass', ['a']),
    res('quote:c', 'fail', ['c']),
  ];
  const issues = [
    issue('ki-b', ['b'], { explanation: '报告的占比按调整预算计' }),
    issue('ki-a', ['a', 'z']),
    issue('ki-second', ['z', 'a']),
    issue('ki-wording', ['a'], { kind: 'wording' }),
    issue('ki-none', []),
  ];

  it('a failing or known result touching any of the records, with its numbers in words and its link on #/quality', () => {
    const out = checksFor(['a1', 'b'], results, issues, view);
    expect(out.map((c) => c.key)).toEqual(['children-sum:a', 'share:b']);
    expect(out[0]).toEqual({
      key: 'children-sum:a', status: 'fail', statusText: '未通过', title: 'children-sum:a 的标题',
      numbers: [{ label: '应为', value: '10' }, { label: '实际', value: '10.5' }, { label: '差额', value: '0.5' }],
      message: 'children-sum:a 的说明', explanation: null, records: ['a', 'a1'],
      href: '#/quality?unit=demo&year=2022&cmp=none&path=&money=wan&focus=children-sum:a',
    });
    // A known finding takes its issue's title and shows the explanation beside the message.
    expect(out[1]).toMatchObject({ status: 'known', statusText: '已知不一致', title: 'ki-b 标题', explanation: '报告的占比按调整预算计' });
  });

  it('an explanation that only repeats the message is not shown twice', () => {
    const out = checksFor(['b'], results, [issue('ki-b', ['b'], { explanation: 'share:b 的说明' })], view);
    expect(out[0].explanation).toBeNull();
  });

  it('adds the known issues whose first record is one of them, unless a finding already explains it, a wording issue, or one without records', () => {
    const out = checksFor(['a'], results, issues, view);
    expect(out.map((c) => c.key)).toEqual(['children-sum:a', 'issue:ki-a']);
    expect(out[1]).toEqual({
      key: 'issue:ki-a', status: 'known', statusText: '已知不一致', title: 'ki-a 标题', numbers: [], message: 'ki-a 解释', explanation: null, records: ['a', 'z'],
      href: '#/quality?unit=demo&year=2022&cmp=none&path=&money=wan&focus=issue:ki-a',
    });
    // ki-b is explained by share:b when b is shown.
    expect(checksFor(['b'], results, issues, view).map((c) => c.key)).toEqual(['share:b']);
    expect(checksFor(['nothing'], results, issues, view)).toEqual([]);
  });
});

describe('the one line a page gives its findings', () => {
  it('counts distinct findings and links to #/quality without a focus or path', () => {
    expect(findingsLine(['a', 'b', 'a'], { ...view, focus: 'x' })).toEqual({
      count: 2, text: '本页 2 项数字与报告存在出入', href: '#/quality?unit=demo&year=2022&cmp=none&path=&money=wan',
    });
    expect(findingsLine([], view)).toBeNull();
  });

  it('findingKeys: the failing or known results touching the records, not the passes', () => {
    const results = [res('a:1', 'fail', ['a']), res('a:2', 'pass', ['a']), res('b:1', 'known', ['q', 'b']), res('c:1', 'fail', ['c'])];
    expect(findingKeys(['a', 'b'], results)).toEqual(['a:1', 'b:1']);
    expect(findingKeys(new Set(['c']), results)).toEqual(['c:1']);
  });
});

describe('orderResults', () => {
  it('failures, then known, then passes; errors before warnings before notes; otherwise as given', () => {
    const rs = [
      res('p-err', 'pass', []),
      res('k-note', 'known', [], { grade: 'note' }),
      res('f-note', 'fail', [], { grade: 'note' }),
      res('f-warn', 'fail', [], { grade: 'warning' }),
      res('k-err', 'known', []),
      res('f-err1', 'fail', []),
      res('f-err2', 'fail', []),
      res('p-warn', 'pass', [], { grade: 'warning' }),
    ];
    expect(orderResults(rs).map((r) => r.key)).toEqual(['f-err1', 'f-err2', 'f-warn', 'f-note', 'k-err', 'k-note', 'p-err', 'p-warn']);
    // The input is left as it was.
    expect(rs[0].key).toBe('p-err');
  });
});

describe('recordTarget: where a record is shown', () => {
  const trees = { functional, economic };
  const file = unit({
    facts: [
      fact('total', 100),
      fact('income', 90, { flow: '收入' }),
      fact('gpb', 80, { source: '一般公共预算财政拨款' }),
      fact('basic', 30, { basis: '基本支出' }),
      fact('fn', 10, { functional: '2010301', year: 2021, label: '行政运行' }),
      fact('fn-basic', 10, { functional: '2010301', basis: '基本支出' }),
      fact('fn-econ', 6, { functional: '2010301', economic: '301' }),
      fact('econ', 5, { economic: '31003' }),
    ],
    measures: [
      measure('m-fn', 1, { role: 'spending.function:2010302', year: 2021, label: '一般行政管理事务' }),
      measure('m-ec', 1, { role: 'spending.economic:31099' }),
      measure('m-total', 1, { role: 'spending.total' }),
      measure('m-asset', 1, { role: 'assets.fixed' }),
      measure('m-free', 1, { role: undefined }),
    ],
    indicators: [measure('i', 3, { unit: '个', year: 2021, label: '指标' })],
  });
  const at = (id: string) => recordTarget(id, file, trees);

  it('a spending fact: #/spending drilled to its cell (type, then functional codes from the 类, then economic codes)', () => {
    expect(at('total')).toEqual({ route: 'spending', path: [], focus: null, year: 2022, label: 'total' });
    expect(at('basic')?.path).toEqual(['b:基本支出']);
    expect(at('fn')).toEqual({ route: 'spending', path: ['f:201', 'f:20103', 'f:2010301'], focus: null, year: 2021, label: '行政运行' });
    expect(at('fn-basic')?.path).toEqual(['f:201', 'f:20103', 'f:2010301']);
    expect(at('fn-econ')?.path).toEqual(['f:201', 'f:20103', 'f:2010301', 'e:301']);
    expect(at('econ')?.path).toEqual(['e:310', 'e:31003']);
  });

  it('income, or spending of one source: the overview', () => {
    expect(at('income')).toEqual({ route: '', path: [], focus: null, year: 2022, label: 'income' });
    expect(at('gpb')).toEqual({ route: '', path: [], focus: null, year: 2022, label: 'gpb' });
  });

  it('a measure: #/spending at its code for spending roles, the overview for totals, else #/assets, focused on it', () => {
    expect(at('m-fn')).toEqual({ route: 'spending', path: ['f:201', 'f:20103', 'f:2010302'], focus: null, year: 2021, label: '一般行政管理事务' });
    expect(at('m-ec')).toEqual({ route: 'spending', path: ['e:310', 'e:31099'], focus: null, year: 2022, label: 'm-ec' });
    expect(at('m-total')).toEqual({ route: '', path: [], focus: 'm-total', year: 2022, label: 'm-total' });
    expect(at('m-asset')).toEqual({ route: 'assets', path: [], focus: 'm-asset', year: 2022, label: 'm-asset' });
    expect(at('m-free')).toEqual({ route: 'assets', path: [], focus: 'm-free', year: 2022, label: 'm-free' });
  });

  it('an indicator: #/operations focused on it; an unknown id: nowhere', () => {
    expect(at('i')).toEqual({ route: 'operations', path: [], focus: 'i', year: 2021, label: '指标' });
    expect(at('nope')).toBeNull();
  });
});

describe('checksFor: a known issue is explained only by a finding shown with it', () => {
  it('a known finding elsewhere does not hide the issue of a record shown here', () => {
    const results = [res('share:b', 'known', ['b'], { knownIssue: 'ki-a' }), res('x:1', 'pass', ['a'], { knownIssue: 'ki-a' })];
    expect(checksFor(['a'], results, [issue('ki-a', ['a'])], view).map((c) => c.key)).toEqual(['issue:ki-a']);
  });
});

describe('orderResults among equals', () => {
  it('keeps the given order among findings of one status and grade; a grade it does not know reads last', () => {
    const rs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k) => res(k, 'fail', []));
    expect(orderResults([res('odd', 'fail', [], { grade: 'other' as never }), ...rs, res('n', 'fail', [], { grade: 'note' })]).map((r) => r.key)).toEqual([
      'a', 'b', 'c', 'd', 'e', 'f', 'g', 'n', 'odd',
    ]);
  });
});
