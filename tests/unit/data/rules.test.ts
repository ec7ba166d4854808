import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  decimalsOf,
  explainsKey,
  formatReport,
  quoteHasValue,
  reconcile,
  summarize,
  unusedKnownIssues,
} from '../../../src/domain/rules';
import type { RuleResult, UnitYearFile } from '../../../src/model/types';
import { goodUnit, looseUnit, sourceText, trees } from './fixtures';

const run = (u: UnitYearFile, withSource = true) => reconcile(u, trees(), withSource ? { sourceText: sourceText() } : {});
const byKey = (rs: RuleResult[], key: string) => {
  const r = rs.find((x) => x.key === key);
  if (!r) throw new Error(`no result ${key}; have ${rs.map((x) => x.key).join(', ')}`);
  return r;
};
const fact = (u: UnitYearFile, id: string) => u.facts.find((f) => f.id === id)!;
const measure = (u: UnitYearFile, id: string) => [...u.measures, ...u.indicators].find((f) => f.id === id)!;

describe('reconcile on consistent data', () => {
  const results = run(goodUnit());

  it('passes every rule', () => {
    expect(results.filter((r) => r.status !== 'pass')).toEqual([]);
    expect(Object.keys(summarize(results).byRule)).toEqual([
      'children-sum', 'basis-sum', 'functional-economic', 'economic-scope', 'recompute', 'derived', 'quote', 'asset-bounds',
    ]);
  });

  it('checks totals against parts stated per basis (roll-ups)', () => {
    const r = byKey(results, 'children-sum:f-total');
    expect(r.numbers).toMatchObject({ expected: 100, found: 100, difference: 0 });
    expect(r.records).toEqual(['f-total', 'f-2010301', 'f-2010302', 'f-2069999']);
  });

  it('reports an uncovered remainder as 未细分 and passes', () => {
    const r = byKey(results, 'children-sum:f-basic');
    expect(r.status).toBe('pass');
    expect(r.numbers).toMatchObject({ expected: 30, found: 30, remainder: 0 });
    const u = goodUnit();
    fact(u, 'f-basic').amount = 35; // 206 has no 基本支出 part: 5 is 未细分, not an error here
    fact(u, 'f-total').amount = 105;
    fact(u, 'f-2010301').amount = 30;
    const rs = run(u, false);
    const basic = byKey(rs, 'children-sum:f-basic');
    expect(basic.status).toBe('pass');
    expect(basic.numbers).toMatchObject({ expected: 35, found: 30, difference: -5, remainder: 5 });
    expect(basic.message).toContain('其余 5 为未细分');
  });
});

describe('each rule fails on a crafted inconsistency', () => {
  it('children-sum: children exceeding the parent fail', () => {
    const u = goodUnit();
    fact(u, 'f-2069999-31007').amount = 61;
    const r = byKey(run(u, false), 'children-sum:f-2069999-310:economic');
    expect(r.status).toBe('fail');
    expect(r.numbers).toMatchObject({ expected: 60, found: 61, difference: 1, remainder: 0 });
    expect(r.message).toBe('资本性支出 60（经济分类·资本性支出）的下级 1 项合计 61，超过上级 1');
  });

  it('children-sum: a complete cover that falls short fails', () => {
    const u = goodUnit();
    fact(u, 'f-total').amount = 101; // all of 201 and 206 are stated: nothing can be 未细分
    const r = byKey(run(u, false), 'children-sum:f-total');
    expect(r.status).toBe('fail');
    expect(r.numbers).toMatchObject({ expected: 101, found: 100, difference: -1 });
  });

  it('children-sum: indicator parts (exact for counts)', () => {
    const u = goodUnit();
    measure(u, 'm-staff-b').value = 5;
    const r = byKey(run(u, false), 'children-sum:m-staff');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 7, found: 8, difference: 1, children: 2 });
    expect(r.records).toEqual(['m-staff', 'm-staff-a', 'm-staff-b']);
  });

  it('basis-sum', () => {
    const u = goodUnit();
    fact(u, 'f-project').amount = 69.5;
    const r = byKey(run(u, false), 'basis-sum:2022:决算');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 100, found: 99.5, difference: -0.5, basic: 30, project: 69.5 });
    expect(r.message).toBe('2022年决算：基本支出 30 + 项目支出 69.5 = 99.5，合计（决算支出总计）100，相差 -0.5');
  });

  it('functional-economic', () => {
    const u = goodUnit();
    fact(u, 'f-2010301-302').amount = 9;
    const r = byKey(run(u, false), 'functional-economic:f-2010301');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 30, found: 29, difference: -1 });
  });

  it('economic-scope', () => {
    const u = goodUnit();
    fact(u, 'f-econ-310').amount = 59.8;
    const rs = run(u, false);
    const r = byKey(rs, 'economic-scope:2022:决算');
    expect(r.status).toBe('fail');
    expect(r.numbers).toMatchObject({ economicTotal: 89.8, functionalTotal: 90, difference: -0.2 });
    expect(byKey(rs, 'derived:f-econ-310').status).toBe('fail');
  });

  it('recompute: beyond half a unit of the last printed decimal', () => {
    const u = goodUnit();
    const m = measure(u, 'm-rate');
    m.value = 50.4;
    m.decimals = 0;
    expect(byKey(run(u, false), 'recompute:m-rate').status).toBe('pass'); // 50 vs 50.4 at 0 decimals
    m.value = 50.6;
    const r = byKey(run(u, false), 'recompute:m-rate');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 50, found: 50.6, difference: 0.6, tolerance: 0.5 });
    // default decimals come from the JSON number: 50.06 → 2 decimals → ±0.005
    delete m.decimals;
    m.value = 50.01;
    expect(byKey(run(u, false), 'recompute:m-rate').numbers.tolerance).toBe(0.005);
    expect(byKey(run(u, false), 'recompute:m-rate').status).toBe('fail');
  });

  it('recompute: 预算调整率 411 vs 311.07 fails', () => {
    const u = goodUnit();
    u.facts.push(
      { ...fact(u, 'f-total'), id: 'f-initial', phase: '年初预算', amount: 235.8 },
      { ...fact(u, 'f-total'), id: 'f-adjusted', phase: '调整预算', amount: 969.29 },
    );
    u.measures.push({ ...measure(u, 'm-rate'), id: 'm-adjust-rate', value: 411, decimals: undefined, recompute: { op: 'growth_pct', args: ['f-adjusted', 'f-initial'] } });
    const r = byKey(run(u, false), 'recompute:m-adjust-rate');
    expect(r.status).toBe('fail');
    expect(r.numbers.expected).toBeCloseTo(311.0645, 4);
    expect(r.numbers.tolerance).toBe(0.5);
  });

  it('derived', () => {
    const u = goodUnit();
    fact(u, 'f-2021-2010301').amount = 24;
    const r = byKey(run(u, false), 'derived:f-2021-2010301');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 25, found: 24, difference: -1, tolerance: 0.01 });
    expect(r.records).toEqual(['f-2021-2010301', 'f-2010301', 'm-chg-2010301']);
  });

  it('quote: not in the source, or without the value', () => {
    const u = goodUnit();
    const f = fact(u, 'f-2010302');
    f.provenance = { kind: 'stated', quote: '一般行政管理事务11万元', section: '二' };
    const m = measure(u, 'm-assets');
    m.provenance = { kind: 'stated', quote: '资产总额', section: '三' };
    const rs = run(u);
    expect(byKey(rs, 'quote:f-2010302')).toMatchObject({ status: 'fail', message: '一般行政管理事务：引文在来源文本中找不到（自第 10 字起不符：「1万元」）' });
    expect(byKey(rs, 'quote:m-assets')).toMatchObject({ status: 'fail', message: '资产总额：引文中没有数值 100' });
    expect(byKey(rs, 'quote:i-grid-levels').status).toBe('pass'); // "四级" states 4
    expect(run(u, false).some((r) => r.rule === 'quote')).toBe(false); // no source text: rule skipped
  });

  it('asset-bounds: a part larger than its 万元 total', () => {
    const u = goodUnit();
    measure(u, 'm-fixed').value = 120;
    const r = byKey(run(u, false), 'asset-bounds:m-fixed');
    expect(r.status).toBe('fail');
    expect(r.numbers).toEqual({ expected: 100, found: 120, difference: 20 });
    expect(r.message).toBe('固定资产 120万元 大于其所属总额 资产总额 100万元（超出 20）');
  });

  it('unique-cell: two amounts for one cell', () => {
    const u = goodUnit();
    u.facts.push({ ...fact(u, 'f-2010302'), id: 'f-2010302-again', amount: 11 });
    const rs = run(u, false);
    const r = byKey(rs, 'unique-cell:f-2010302');
    expect(r.status).toBe('fail');
    expect(r.records).toEqual(['f-2010302', 'f-2010302-again']);
    expect(byKey(rs, 'children-sum:f-project').numbers.found).toBe(70); // the duplicate is not summed
  });
});

describe('known issues', () => {
  it('turn a matching failure into known, with the issue id', () => {
    const u = looseUnit();
    u.facts.find((f: { id: string }) => f.id === 'f-project').amount = 69.5;
    u.knownIssues.push({ id: 'ki-basis', explains: ['basis-sum:2022'], records: ['f-project'], kind: 'arithmetic', title: '基本＋项目不等于合计', explanation: '报告原文如此' });
    const rs = run(u, false);
    expect(byKey(rs, 'basis-sum:2022:决算')).toMatchObject({ status: 'known', knownIssue: 'ki-basis' });
    expect(byKey(rs, 'children-sum:f-project').status).toBe('fail'); // not explained: still fails
    expect(unusedKnownIssues(rs, u.knownIssues)).toEqual([]);
  });

  it('match exact keys, prefixes at ":" and bare rule ids only', () => {
    expect(explainsKey('recompute', 'recompute:m-1')).toBe(true);
    expect(explainsKey('recompute:m-1', 'recompute:m-1')).toBe(true);
    expect(explainsKey('recompute:m-1', 'recompute:m-10')).toBe(false);
    expect(explainsKey('economic-scope:2021', 'economic-scope:2021:决算')).toBe(true);
  });

  it('list explains entries that match no failure', () => {
    const u = looseUnit();
    u.knownIssues.push({ id: 'ki-stale', explains: ['recompute:m-rate'], records: [], kind: 'arithmetic', title: 't', explanation: 'e' });
    expect(unusedKnownIssues(run(u, false), u.knownIssues)).toEqual([{ issue: 'ki-stale', entry: 'recompute:m-rate' }]);
  });
});

describe('helpers and report', () => {
  it('decimals, numerals and quote values', () => {
    expect([decimalsOf(411), decimalsOf(64.29), decimalsOf(0.5), decimalsOf(1e-7)]).toEqual([0, 2, 1, 7]);
    expect([chineseNumber('四'), chineseNumber('十二'), chineseNumber('一百零五'), chineseNumber('二三')]).toEqual([4, 12, 105, NaN]);
    expect(quoteHasValue('因公出国（境）费0万元', 0)).toBe(true);
    expect(quoteHasValue('占账面固定资产总额的100.00%', 100)).toBe(true);
    expect(quoteHasValue('3万余条视频监控数据', 30000)).toBe(true);
    expect(quoteHasValue('较上年增长-18.19%', -18.19)).toBe(true);
    expect(quoteHasValue('政务云通过等级保护３级测评', 3)).toBe(true);
    expect(quoteHasValue('2022年会议费', 0)).toBe(false);
  });

  it('summarize counts by rule and status; formatReport lists failures and known issues', () => {
    const u = looseUnit();
    u.facts.find((f: { id: string }) => f.id === 'f-project').amount = 69.5;
    u.knownIssues.push({ id: 'ki-basis', explains: ['basis-sum'], records: [], kind: 'arithmetic', title: '基本＋项目不等于合计', explanation: 'e' });
    const rs = run(u, false);
    const s = summarize(rs);
    expect(s.byRule['basis-sum']).toEqual({ pass: 0, fail: 0, known: 1 });
    expect(s.byRule['children-sum'].fail).toBe(1);
    expect(s.total.fail + s.total.pass + s.total.known).toBe(rs.length);
    const text = formatReport(rs, [{ file: 'x.json', record: '', field: '', message: 'x.json: broken' }], { knownIssues: u.knownIssues, title: 'demo 2022' });
    expect(text).toContain('结构错误 1 个：\n  ✗ x.json: broken');
    expect(text).toContain('[basis-sum] 基本支出＋项目支出＝合计 — 通过 0，失败 0，已知 1');
    expect(text).toContain('已知问题 ki-basis：基本＋项目不等于合计');
    expect(text).toContain('✗ 失败 children-sum:f-project');
    expect(text).toContain('数值：expected=69.5 found=70 difference=0.5 remainder=0 children=2');
  });
});
