import { describe, expect, it } from 'vitest';
import { from } from 'arquero';
import { drill, entries } from '../../../../src/domain/spending/drill';
import { flows } from '../../../../src/domain/spending/flows';
import { makeLookup, slice } from '../../../../src/domain/spending/slices';
import type { Trees } from '../../../../src/domain/spending/types';
import { spendingModel } from '../../../../src/features/spending/model';

/**
 * A unit imported from the standard tables: 公开02表 gives spending by function and type (all
 * fund sources), 公开06表 the 一般公共预算财政拨款 基本支出 by economic category only.
 */
const trees: Trees = {
  functional: [
    { code: '201', name: '一般公共服务支出', parent: null, level: 1 },
    { code: '208', name: '社会保障和就业支出', parent: null, level: 1 },
  ],
  economic: [
    { code: '301', name: '工资福利支出', parent: null, level: 1 },
    { code: '302', name: '商品和服务支出', parent: null, level: 1 },
  ],
};
const row = (id: string, basis: string | null, functional: string | null, economic: string | null, amount: number, source: string | null = null) => ({
  unit: 'u', reportYear: 2022, id, year: 2022, phase: '决算', flow: '支出', source, basis, functional, economic, amount, label: id, provenance: 'stated',
});
const GPB = '一般公共预算财政拨款';
const tables = [
  row('t', null, null, null, 100),
  row('b', '基本支出', null, null, 60),
  row('p', '项目支出', null, null, 40),
  row('b201', '基本支出', '201', null, 50),
  row('b208', '基本支出', '208', null, 10),
  row('p201', '项目支出', '201', null, 40),
  row('g', null, null, null, 90, GPB),
  row('g-b', '基本支出', null, null, 55, GPB),
  row('g301', '基本支出', null, '301', 45, GPB),
  row('g302', '基本支出', null, '302', 10, GPB),
];
const facts = from(tables);
const ctx = { unit: 'u', year: 2022, compare: null };

describe('economic split of one fund source when the report gives no all-source one', () => {
  it('the slice takes the 基本支出 economic facts of 一般公共预算财政拨款, marked partial, and no other fund-source fact', () => {
    const s = slice(facts, 'u', 2022, '决算', true);
    expect(s.filter((r) => r.partial).map((r) => r.id)).toEqual(['g301', 'g302']);
    expect(s.map((r) => r.id)).not.toContain('g');
    expect(s.map((r) => r.id)).not.toContain('g-b');
    // Roll-ups and totals ask without them: fund-source rows never enter a sum across units.
    expect(slice(facts, 'u', 2022, '决算').some((r) => r.partial)).toBe(false);
  });

  it('never builds a non-economic figure from them: 基本支出 stays 60, not 55, and an unstated total is not their sum', () => {
    const v = makeLookup(slice(facts, 'u', 2022, '决算', true), trees);
    expect(v({ basis: '基本支出', functional: null, economic: null })?.amount).toBe(60);
    expect(v({ basis: null, functional: null, economic: '301' })).toMatchObject({ amount: 45, partial: true });
    const onlyPartial = makeLookup([{ id: 'x', basis: '基本支出', functional: null, economic: '301', amount: 45, partial: true }], trees);
    expect(onlyPartial({ basis: '基本支出', functional: null, economic: null })).toBeNull();
    expect(onlyPartial({ basis: null, functional: null, economic: null })).toBeNull();
  });

  it('the economic level at the total and at 基本支出 has the categories; the rest of 基本支出 is 未细分', () => {
    expect(entries(facts, ctx, 'e', trees).map((e) => [e.step, e.amount, e.partial])).toEqual([
      ['e:301', 45, true],
      ['e:302', 10, true],
    ]);
    expect(entries(facts, ctx, 'e', trees, ['b:基本支出']).map((e) => e.path)).toEqual([
      ['b:基本支出', 'e:301'],
      ['b:基本支出', 'e:302'],
    ]);
    // A 基本支出 with no function split goes straight to the economic level.
    const noFunction = from(tables.filter((r) => !r.id.startsWith('b2') && !r.id.startsWith('p2')));
    const b = drill(noFunction, ctx, ['b:基本支出'], trees);
    expect(b.dim).toBe('e');
    expect(b.rows.map((r) => [r.label, r.amount, r.partial])).toEqual([
      ['工资福利支出', 45, true],
      ['商品和服务支出', 10, true],
      ['未细分', 5, false],
    ]);
  });

  it('flows of the total send every function to 未细分 (no fact ties a function to an economic category)', () => {
    const fl = flows(facts, ctx, [], trees);
    expect(fl.links.every((l) => l.target === 'rest:e')).toBe(true);
    expect(fl.links.reduce((s, l) => s + l.value, 0)).toBe(100);
  });

  it('an all-source economic split, when the report has one, is used alone', () => {
    const both = from([...tables, row('b201-301', '基本支出', '201', '301', 30)]);
    const s = slice(both, 'u', 2022, '决算', true);
    expect(s.some((r) => r.partial)).toBe(false);
    expect(entries(both, ctx, 'e', trees).map((e) => [e.step, e.amount])).toEqual([['e:301', 30]]);
  });

  it('the explorer offers the economic categories below 基本支出 and says what they cover', () => {
    const m = spendingModel({ facts, trees, records: new Map(), unit: 'u', unitName: '某单位', year: 2022, compare: null, path: ['b:基本支出'], money: 'wan' });
    if (m.state !== 'ok') throw new Error(m.message);
    expect(m.rows.map((r) => r.key)).toEqual(['f:201', 'f:208']);
    expect(m.entries).toEqual([
      { label: '按经济分类（只含一般公共预算财政拨款基本支出）：', items: [
        { step: 'e:301', path: ['b:基本支出', 'e:301'], label: '工资福利支出' },
        { step: 'e:302', path: ['b:基本支出', 'e:302'], label: '商品和服务支出' },
      ] },
    ]);
    expect(m.partialNote).toBeNull();
    const e = spendingModel({ facts, trees, records: new Map(), unit: 'u', unitName: '某单位', year: 2022, compare: null, path: ['b:基本支出', 'e:301'], money: 'wan' });
    if (e.state !== 'ok') throw new Error(e.message);
    expect(e.totalText).toBe('45.00 万元');
    expect(e.partialNote).toContain('一般公共预算财政拨款的基本支出');
  });
});
