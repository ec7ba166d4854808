import { describe, expect, it } from 'vitest';
import { from } from 'arquero';
import { drill, entries } from '../../../../src/domain/spending/drill';
import { flows } from '../../../../src/domain/spending/flows';
import { extendPath, keyOf, normalizePath, pathToFunction } from '../../../../src/domain/spending/paths';
import { makeLookup, spendingYears } from '../../../../src/domain/spending/slices';
import { REST_KEY } from '../../../../src/domain/spending/types';
import type { DrillStep } from '../../../../src/state/url';
import { facts, trees, UNIT } from '../../real-data';
import { factRow as row, smallTrees as small } from './fixtures';

const smallFacts = from([
  row('t', 2022, '决算', null, null, null, 100),
  row('plan', 2022, '年初预算', null, null, null, 80),
  row('b1', 2022, '决算', '基本支出', null, null, 60),
  row('b2', 2022, '决算', '项目支出', null, null, 40),
  row('a', 2022, '决算', '基本支出', '2010301', null, 50),
  row('a301', 2022, '决算', '基本支出', '2010301', '301', 45),
  row('p', 2022, '决算', '项目支出', '2010302', null, 40),
  row('prev-a', 2021, '决算', null, '2010301', null, 40),
  row('prev-p', 2021, '决算', null, '2010302', null, 50),
  row('prev-t', 2021, '决算', null, null, null, 90),
  // Not spending of all sources: never part of the drill.
  row('carry', 2022, '决算', null, null, null, 7, '年末结转和结余'),
  row('income', 2022, '决算', null, null, null, 107, '收入'),
  row('gpb', 2022, '决算', null, null, null, 95, '支出', '一般公共预算财政拨款'),
  row('gpb-a', 2022, '决算', '基本支出', '2010301', null, 48, '支出', '一般公共预算财政拨款'),
  row('plan-2020', 2020, '年初预算', null, null, null, 70),
]);
const ctx = { unit: 'u', year: 2022, compare: 2021 };

describe('drill on a small table', () => {
  it('root splits by basis and carries node-level plan amounts separately', () => {
    const r = drill(smallFacts, ctx, [], small);
    expect(r.total?.amount).toBe(100);
    expect(r.cmpTotal?.amount).toBe(90);
    expect(r.planInitial?.amount).toBe(80);
    expect(r.planAdjusted).toBeNull();
    expect(r.dim).toBe('b');
    expect(r.rows.map((x) => [x.key, x.amount, x.share])).toEqual([
      ['b:基本支出', 60, 60],
      ['b:项目支出', 40, 40],
    ]);
    // 2021 has no basis split: no comparison invented.
    expect(r.rows[0].cmpAmount).toBeNull();
    expect(r.rows[0].change).toBeNull();
  });

  it('adds a 未细分 remainder when children do not cover the stated total', () => {
    const r = drill(smallFacts, ctx, ['b:基本支出'], small);
    expect(r.dim).toBe('f');
    expect(r.rows.map((x) => [x.key, x.amount])).toEqual([
      ['f:201', 50],
      [REST_KEY, 10],
    ]);
    expect(r.rows[1].drill).toBeNull();
    expect(r.rows[0].share! + r.rows[1].share!).toBeCloseTo(100);
  });

  it('sums finer facts where no node fact is stated and compares years without basis', () => {
    const r = drill(smallFacts, ctx, ['f:201'], small);
    expect(r.total?.amount).toBe(90);
    expect(r.total?.stated).toBe(false);
    expect(r.cmpTotal?.amount).toBe(90);
    const d = drill(smallFacts, ctx, ['f:201', 'f:20103'], small);
    const a = d.rows.find((x) => x.key === 'f:2010301')!;
    expect(a.cmpAmount).toBe(40);
    expect(a.change).toBe(10);
    expect(a.changePct).toBeCloseTo(25);
    const p = d.rows.find((x) => x.key === 'f:2010302')!;
    expect(p.change).toBe(-10);
  });

  it('goes on to economic categories after the last functional level, with a remainder', () => {
    const r = drill(smallFacts, ctx, ['b:基本支出', 'f:201', 'f:20103', 'f:2010301'], small);
    expect(r.dim).toBe('e');
    expect(r.rows.map((x) => [x.key, x.amount])).toEqual([
      ['e:301', 45],
      [REST_KEY, 5],
    ]);
    expect(r.rows[0].drill).toEqual(['b:基本支出', 'f:201', 'f:20103', 'f:2010301', 'e:301']);
    expect(r.rows[1].drill).toBeNull();
  });

  it('drops unknown or out-of-order steps', () => {
    expect(normalizePath(['f:20103'] as DrillStep[], small)).toEqual([]);
    expect(normalizePath(['f:201', 'f:999', 'f:20103'] as DrillStep[], small)).toEqual(['f:201']);
    expect(normalizePath(['b:其他' as DrillStep], small)).toEqual([]);
    expect(keyOf(['b:项目支出', 'f:201', 'e:301'])).toEqual({ basis: '项目支出', functional: '201', economic: '301' });
  });

  it('drills spending of all fund sources only: carry-over, income and fund-source rows never count', () => {
    const r = drill(smallFacts, ctx, [], small);
    expect(r.total?.ids).toEqual(['t']);
    const b = drill(smallFacts, ctx, ['b:基本支出'], small);
    expect(b.rows.find((x) => x.key === 'f:201')?.ids).toEqual(['a']);
    expect(spendingYears(smallFacts, 'u')).toEqual([2021, 2022]);
    expect(spendingYears(smallFacts, 'u', '年初预算')).toEqual([2020, 2022]);
  });

  it('splits by any of the five spending types; a report of type totals only stops there', () => {
    const t = from([
      row('t', 2022, '决算', null, null, null, 100),
      row('b', 2022, '决算', '基本支出', null, null, 30),
      row('o', 2022, '决算', '经营支出', null, null, 70),
      row('z', 2022, '决算', '上缴上级支出', null, null, 0),
    ]);
    const r = drill(t, { unit: 'u', year: 2022, compare: null }, [], small);
    expect(r.rows.map((x) => [x.key, x.amount])).toEqual([
      ['b:经营支出', 70],
      ['b:基本支出', 30],
      ['b:上缴上级支出', 0],
    ]);
    const leaf = drill(t, { unit: 'u', year: 2022, compare: null }, ['b:经营支出'], small);
    expect(leaf.total?.amount).toBe(70);
    expect(leaf.dim).toBeNull();
    expect(normalizePath(['b:对附属单位补助支出'], small)).toEqual(['b:对附属单位补助支出']);
  });

  it('prefers the most complete decomposition', () => {
    const v = makeLookup(
      [
        { id: 'x', basis: '基本支出', functional: '2010301', economic: null, amount: 5 },
        { id: 'y', basis: null, functional: '2010301', economic: null, amount: 8 },
      ],
      small,
    );
    expect(v({ basis: null, functional: '201', economic: null })?.amount).toBe(8);
  });
});

describe('drill on the shipped report', () => {
  const c = { unit: UNIT, year: 2022, compare: 2021 };

  it('total 969.29 splits into 基本支出 223.3 and 项目支出 745.99 with plan totals 235.8 / 969.29', () => {
    const r = drill(facts, c, [], trees);
    expect(r.total?.amount).toBe(969.29);
    expect(r.planInitial?.amount).toBe(235.8);
    expect(r.planAdjusted?.amount).toBe(969.29);
    expect(r.rows.map((x) => [x.key, x.amount])).toEqual([
      ['b:项目支出', 745.99],
      ['b:基本支出', 223.3],
    ]);
  });

  it('[b:项目支出, f:206, f:20699, f:2069999, e:310] has children 31003 / 31007 / 31099', () => {
    const r = drill(facts, c, ['b:项目支出', 'f:206', 'f:20699', 'f:2069999', 'e:310'], trees);
    expect(r.total?.amount).toBe(712.69);
    expect(r.dim).toBe('e');
    const got = Object.fromEntries(r.rows.map((x) => [x.key, x.amount]));
    expect(got).toEqual({ 'e:31003': 21.51, 'e:31007': 598.34, 'e:31099': 92.84 });
    expect(r.rows[0]).toMatchObject({ key: 'e:31007', label: '信息网络及软件购置更新' });
    expect(r.breadcrumbs.map((b) => b.label)).toEqual(['支出合计', '项目支出', '科学技术支出', '其他科学技术支出', '其他科学技术支出', '资本性支出']);
  });

  it('basic spending splits by function with no remainder; 社会保障 sums its 项', () => {
    const r = drill(facts, c, ['b:基本支出'], trees);
    expect(r.rows.find((x) => x.key === REST_KEY)).toBeUndefined();
    expect(r.rows.find((x) => x.key === 'f:208')?.amount).toBeCloseTo(21.17, 6);
    expect(r.rows.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(223.3, 6);
  });

  it('function-first path (no basis) compares with 2021: 其他科学技术支出 −1972.63', () => {
    const path = pathToFunction('2069999', trees);
    expect(path).toEqual(['f:206', 'f:20699', 'f:2069999']);
    // 其他科学技术支出 (款) has one 项 in both years: passed through to the 项, which 2021 states
    // without an economic split, so the drill stops there rather than leave 2021 behind.
    const r = drill(facts, c, path.slice(0, 2), trees);
    expect(r.path).toEqual(path);
    expect(r.total?.amount).toBe(712.69);
    expect(r.cmpTotal?.amount).toBe(2685.32);
    expect(r.rows.map((x) => [x.key, x.amount, x.cmpAmount])).toEqual([['e:310', 712.69, null]]);
    expect(r.breadcrumbs.map((b) => [b.label, b.passed])).toEqual([
      ['支出合计', false],
      ['科学技术支出', true],
      ['其他科学技术支出', true],
      ['其他科学技术支出', false],
    ]);
  });

  it('economic-first path: 资本性支出 → 款 → functions', () => {
    const r = drill(facts, c, ['e:310'], trees);
    expect(r.total?.amount).toBe(715.69);
    expect(r.dim).toBe('e');
    const got = Object.fromEntries(r.rows.map((x) => [x.key, x.amount]));
    expect(got).toEqual({ 'e:31003': 21.51, 'e:31007': 598.34, 'e:31099': 95.84 });
    // 信息网络及软件购置更新 is all 科学技术支出 › 其他 › 其他: one click opens the 项, a leaf.
    const f = drill(facts, c, ['e:310', 'e:31007'], trees);
    expect(f.path).toEqual(['e:310', 'e:31007', 'f:206', 'f:20699', 'f:2069999']);
    expect(f.rows).toEqual([]);
    expect(f.total?.amount).toBe(598.34);
    expect(f.upPath).toEqual(['e:310']);
  });

  it('a function without an economic split is a leaf; flows send it to 未细分', () => {
    const r = drill(facts, c, ['b:基本支出', 'f:208', 'f:20805', 'f:2080505'], trees);
    expect(r.dim).toBeNull();
    expect(r.rows).toEqual([]);
    const fl = flows(facts, c, [], trees);
    const toRest = fl.links.filter((l) => l.target === 'rest:e');
    expect(toRest.map((l) => l.source).sort()).toEqual(['f:208', 'f:210', 'f:221']);
    const total = fl.links.reduce((s, l) => s + l.value, 0);
    expect(total).toBeCloseTo(969.29, 6);
    expect(fl.links.find((l) => l.source === 'f:206' && l.target === 'e:310')?.value).toBe(712.69);
  });

  it('extends a path with missing ancestors and lists entries', () => {
    expect(extendPath([], 'f:2069999', trees)).toEqual(['f:206', 'f:20699', 'f:2069999']);
    expect(extendPath(['b:项目支出', 'f:206'], 'f:2069999', trees)).toEqual(['b:项目支出', 'f:206', 'f:20699', 'f:2069999']);
    expect(entries(facts, c, 'e', trees).map((e) => e.step)).toEqual(['e:301', 'e:302', 'e:310']);
  });
});
