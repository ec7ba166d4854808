/** The registry: rule ids, known issues, summary, text report, and the shipped reports. */
import { describe, expect, it } from 'vitest';
import { RULE_IDS, RULE_TITLES, explainsKey, formatReport, summarize, unusedKnownIssues } from '../../../../src/domain/rules';
import type { KnownIssue } from '../../../../src/model/types';
import { byKey, run, set, shipped, spendingFacts, unit } from '../fixtures';

const issue = (id: string, explains: string[]): KnownIssue => ({ id, explains, records: [], kind: 'arithmetic', title: `${id} 标题`, explanation: '报告原文如此' });
const broken = () => set(spendingFacts(), 'f-project', 69.5); // basis-sum and children-sum:f-project fail

describe('registry', () => {
  it('lists every rule once, each with a title', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const id of ['recompute', 'children-sum', 'basis-sum', 'functional-economic', 'economic-scope', 'derived', 'quote', 'asset-bounds', 'unique-cell', 'balance', 'income-sources', 'fund-sources', 'part-of-whole', 'parts-sum', 'share', 'change'])
      expect(RULE_TITLES[id], id).toBeTruthy();
  });
});

describe('known issues', () => {
  it('turn a matching failure into known, with the issue id; others still fail', () => {
    const rs = run(unit({ facts: broken(), knownIssues: [issue('ki-basis', ['basis-sum:2022'])] }));
    expect(byKey(rs, 'basis-sum:2022:决算')).toMatchObject({ status: 'known', knownIssue: 'ki-basis' });
    expect(byKey(rs, 'children-sum:f-project').status).toBe('fail');
  });

  it('match exact keys, prefixes at ":" and bare rule ids only', () => {
    expect(explainsKey('recompute', 'recompute:m-1')).toBe(true);
    expect(explainsKey('recompute:m-1', 'recompute:m-1')).toBe(true);
    expect(explainsKey('recompute:m-1', 'recompute:m-10')).toBe(false);
    expect(explainsKey('economic-scope:2021', 'economic-scope:2021:决算')).toBe(true);
    expect(explainsKey('balance:2022', 'balance:2022:income')).toBe(true);
    expect(explainsKey('balance:202', 'balance:2022')).toBe(false);
  });

  it('list explains entries that match no failure', () => {
    const ki = [issue('ki-basis', ['basis-sum']), issue('ki-stale', ['recompute:m-rate'])];
    const rs = run(unit({ facts: broken(), knownIssues: ki }));
    expect(unusedKnownIssues(rs, ki)).toEqual([{ issue: 'ki-stale', entry: 'recompute:m-rate' }]);
  });
});

describe('summary and report', () => {
  it('summarize counts by rule and status in registry order; formatReport lists failures and known issues', () => {
    const ki = [issue('ki-basis', ['basis-sum'])];
    const rs = run(unit({ facts: broken(), knownIssues: ki }));
    const s = summarize(rs);
    expect(Object.keys(s.byRule)).toEqual(RULE_IDS.filter((id) => rs.some((r) => r.rule === id)));
    expect(s.byRule['basis-sum']).toEqual({ pass: 0, fail: 0, known: 1 });
    expect(s.byRule['children-sum'].fail).toBe(1);
    expect(s.total.fail + s.total.pass + s.total.known).toBe(rs.length);
    const text = formatReport(rs, [{ file: 'x.json', record: 'f-1', field: 'amount', message: '' }], { knownIssues: ki, title: 'demo 2022' });
    expect(text).toContain('结构错误 1 个：\n  ✗ x.json › f-1 › amount');
    expect(text).toContain('[basis-sum] 各支出类型之和等于支出合计 — 通过 0，失败 0，已知 1');
    expect(text).toContain('已知问题 ki-basis：ki-basis 标题');
    expect(text).toContain('✗ 失败 children-sum:f-project');
    expect(text).toContain('数值：expected=69.5 found=70 difference=0.5 remainder=0 children=2');
  });
});

describe('the shipped reports', () => {
  const all = shipped();

  it('the first unit has no unexplained failure and no stale known issue', () => {
    const first = all.find((u) => u.unit === 'ningxiang-drc' && u.year === 2022)!;
    expect(first.results.filter((r) => r.status === 'fail')).toEqual([]);
    expect(unusedKnownIssues(first.results, first.file.knownIssues)).toEqual([]);
    // The three problems the rules find by themselves stay found.
    for (const key of ['recompute:m-budget-adjust-rate', 'economic-scope:2021:决算', 'asset-bounds:m-fa-selfuse']) expect(byKey(first.results, key).status).toBe('known');
    // The totals balance: 收入总计 969.29 = 支出 969.29 + 年末结转和结余 0.
    expect(byKey(first.results, 'balance:2022')).toMatchObject({ status: 'pass', numbers: { income: 969.29, spending: 969.29 } });
  });

  it('finds the second unit’s imbalance: 收入总计 4125.49 against 支出总计 4143.91', () => {
    const second = all.find((u) => u.unit === 'daying-wgl' && u.year === 2022);
    expect(second).toBeDefined();
    const r = byKey(second!.results, 'balance:2022');
    expect(r.status).not.toBe('pass');
    expect(r.numbers).toMatchObject({ income: 4125.49, spending: 4143.91 });
    expect(r.numbers.difference).toBeCloseTo(-18.42, 6);
  });
});
