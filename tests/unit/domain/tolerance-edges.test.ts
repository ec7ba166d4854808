/**
 * Every tolerance at its edge: a stated figure exactly at its tolerance passes, one printed unit
 * more fails. Money without a recorded precision is ±0.01 万元 (one cent of 万元), a figure with
 * `decimals` ±half a unit of that place, anything else ±half a unit of its last printed decimal;
 * every comparison adds EPS for float noise, so "exactly at the limit" is `tolerance + EPS` too.
 */
import { describe, expect, it } from 'vitest';
import { EPS, compare, exceeds, toleranceOf } from '../../../src/domain/check';
import { byKey, fact, measure, of, run, unit } from './fixtures';

/** The money tolerance: a stated 万元 amount without recorded decimals. */
const MONEY_TOLERANCE = toleranceOf(0);

describe('compare: the one stated-vs-recomputed comparison', () => {
  it('money: exactly one cent passes, two cents fail, in both directions', () => {
    expect(compare(100.01, 100).ok).toBe(true);
    expect(compare(99.99, 100).ok).toBe(true);
    expect(compare(100.02, 100).ok).toBe(false);
    expect(compare(99.98, 100).ok).toBe(false);
    expect(compare(4125.49, 4125.48).ok).toBe(true);
    expect(compare(4125.5, 4125.48).ok).toBe(false);
  });

  it('the limit itself (tolerance + EPS) passes; past it fails', () => {
    expect(compare(MONEY_TOLERANCE + EPS, 0).ok).toBe(true);
    expect(compare(-(MONEY_TOLERANCE + EPS), 0).ok).toBe(true);
    expect(compare(MONEY_TOLERANCE + 2 * EPS, 0).ok).toBe(false);
    expect(compare(0.005 + EPS, 0, { decimals: 2 }).ok).toBe(true);
    expect(compare(0.005 + 2 * EPS, 0, { decimals: 2 }).ok).toBe(false);
  });

  it('reports the tolerance it used and the signed difference', () => {
    expect(compare(100.02, 100)).toMatchObject({ stated: 100.02, expected: 100, tolerance: 0.01, ok: false });
    expect(compare(100.02, 100).difference).toBeCloseTo(0.02, 10);
    expect(compare(99.98, 100).difference).toBeCloseTo(-0.02, 10);
  });

  it('recorded decimals decide over the unit: 2 decimals ±0.005, 0 decimals ±0.5, 1 decimal ±0.05', () => {
    expect(toleranceOf(100, { decimals: 2 })).toBe(0.005);
    expect(toleranceOf(100, { decimals: 0, unit: '万元' })).toBe(0.5);
    expect(toleranceOf(1.5, { decimals: 1, unit: '%' })).toBeCloseTo(0.05, 12);
    expect(compare(100.005, 100, { decimals: 2 }).ok).toBe(true);
    expect(compare(100.006, 100, { decimals: 2 }).ok).toBe(false);
    expect(compare(100.5, 100, { decimals: 0 }).ok).toBe(true);
    expect(compare(100.51, 100, { decimals: 0 }).ok).toBe(false);
  });

  it('money without recorded decimals: one cent of 万元', () => {
    expect(MONEY_TOLERANCE).toBe(0.01);
  });

  it('other units: half a unit of the last decimal the stated number has', () => {
    expect(toleranceOf(97.6, { unit: '%' })).toBeCloseTo(0.05, 12);
    expect(toleranceOf(9, { unit: '人' })).toBe(0.5);
    expect(toleranceOf(64.29, { unit: '%' })).toBeCloseTo(0.005, 12);
    expect(compare(97.6, 97.65, { unit: '%' }).ok).toBe(true);
    expect(compare(97.6, 97.66, { unit: '%' }).ok).toBe(false);
    // Money when no unit is given: 0.01, whatever the number's decimals.
    expect(toleranceOf(97.6)).toBe(0.01);
    expect(toleranceOf(97)).toBe(0.01);
  });

  it('exceeds: a part above its whole by the tolerance does not exceed it; by more does', () => {
    expect(exceeds(100.01, 100)).toBe(false);
    expect(exceeds(100.02, 100)).toBe(true);
    expect(exceeds(MONEY_TOLERANCE + EPS, 0)).toBe(false);
    expect(exceeds(MONEY_TOLERANCE + 2 * EPS, 0)).toBe(true);
    expect(exceeds(0, 100)).toBe(false);
    expect(exceeds(100.005, 100, { decimals: 2 })).toBe(false);
    expect(exceeds(100.006, 100, { decimals: 2 })).toBe(true);
  });
});

describe('children-sum: stated codes below a code never sum to more than it', () => {
  const kids = (a: number, b: number) => [
    fact('p', 100, { functional: '20103' }),
    fact('k1', a, { functional: '2010301' }),
    fact('k2', b, { functional: '2010302' }),
  ];
  it('one cent over passes, two cents over fail', () => {
    expect(byKey(run(unit({ facts: kids(60, 40.01) })), 'children-sum:p').status).toBe('pass');
    const r = byKey(run(unit({ facts: kids(60, 40.02) })), 'children-sum:p');
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/超过上级 0\.02/);
  });

  it('exactly at the limit (parent 0, one child at tolerance + EPS) passes; past it fails', () => {
    const at = [fact('p', 0, { functional: '20103' }), fact('k1', MONEY_TOLERANCE + EPS, { functional: '2010301' })];
    expect(byKey(run(unit({ facts: at })), 'children-sum:p').status).toBe('pass');
    at[1].amount = MONEY_TOLERANCE + 2 * EPS;
    expect(byKey(run(unit({ facts: at })), 'children-sum:p').status).toBe('fail');
  });

  it('children covering every branch may be one cent short, not two', () => {
    expect(byKey(run(unit({ facts: kids(60, 39.99) })), 'children-sum:p')).toMatchObject({ status: 'pass', message: expect.stringContaining('一致') });
    const r = byKey(run(unit({ facts: kids(60, 39.98) })), 'children-sum:p');
    expect(r.status).toBe('fail');
    expect(r.message).toContain('下级已覆盖全部科目却少 0.02');
  });

  it('children that leave a branch unstated may sum to less (the rest is 未细分)', () => {
    const r = byKey(run(unit({ facts: kids(60, 40).slice(0, 2) })), 'children-sum:p');
    expect(r).toMatchObject({ status: 'pass', numbers: { remainder: 40 } });
    expect(r.message).toContain('其余 40 为未细分');
  });

  it('measures that sum to their parent: within the parent\'s printed precision', () => {
    const staff = (a: number) => [
      measure('n', 10, { role: 'staff.in-post', unit: '人' }),
      measure('a', a, { role: 'staff.in-post-kind:行政', unit: '人', parent: 'n', sumsToParent: true }),
      measure('b', 4, { role: 'staff.in-post-kind:事业', unit: '人', parent: 'n', sumsToParent: true }),
    ];
    expect(byKey(run(unit({ measures: staff(6) })), 'children-sum:n').status).toBe('pass');
    expect(byKey(run(unit({ measures: staff(7) })), 'children-sum:n').status).toBe('fail');
    const money = (b: number) => [
      measure('fa', 50.5, { role: 'assets.fixed', decimals: 1 }),
      measure('x', 20, { parent: 'fa', sumsToParent: true }),
      measure('y', b, { parent: 'fa', sumsToParent: true }),
    ];
    // 50.5 printed to 1 decimal: ±0.05.
    expect(byKey(run(unit({ measures: money(30.55) })), 'children-sum:fa').status).toBe('pass');
    expect(byKey(run(unit({ measures: money(30.56) })), 'children-sum:fa').status).toBe('fail');
  });
});

describe('asset-bounds: a money part never exceeds its money whole', () => {
  const assets = (inUse: number, decimals?: number) => [
    measure('fixed', 100, { role: 'assets.fixed', ...(decimals === undefined ? {} : { decimals }) }),
    measure('inuse', inUse, { role: 'assets.fixed-in-use', parent: 'fixed' }),
  ];
  it('one cent over passes (rounding), two cents fail, one 万元 over fails', () => {
    expect(byKey(run(unit({ measures: assets(100.01) })), 'asset-bounds:inuse').status).toBe('pass');
    expect(byKey(run(unit({ measures: assets(100.02) })), 'asset-bounds:inuse')).toMatchObject({ status: 'fail', message: expect.stringContaining('超出 0.02') });
    expect(byKey(run(unit({ measures: assets(101) })), 'asset-bounds:inuse').status).toBe('fail');
  });

  it("the whole's recorded decimals set the slack", () => {
    expect(byKey(run(unit({ measures: assets(100.4, 0) })), 'asset-bounds:inuse').status).toBe('pass');
    expect(byKey(run(unit({ measures: assets(100.6, 0) })), 'asset-bounds:inuse').status).toBe('fail');
    expect(byKey(run(unit({ measures: assets(100.005, 2) })), 'asset-bounds:inuse').status).toBe('pass');
    expect(byKey(run(unit({ measures: assets(100.006, 2) })), 'asset-bounds:inuse').status).toBe('fail');
  });

  it('finds the money whole through a wrapper in another unit', () => {
    const measures = [
      measure('total', 100, { role: 'assets.fixed' }),
      measure('wrap', 3, { unit: '类', parent: 'total' }),
      measure('part', 100.02, { parent: 'wrap' }),
    ];
    expect(byKey(run(unit({ measures })), 'asset-bounds:part')).toMatchObject({ status: 'fail', records: ['part', 'total'] });
  });
});

describe('balance: 收入总计 = 支出总计', () => {
  const income = (id: string, amount: number) => fact(id, amount, { flow: '收入' });
  const carry = (a: number, b: number) => [income('i', 90), fact('open', 10, { flow: '年初结转和结余' }), fact('s', a), fact('close', b, { flow: '年末结转和结余' })];

  it('sides one cent apart balance, two cents apart do not', () => {
    expect(byKey(run(unit({ facts: carry(95, 5.01) })), 'balance:2022').status).toBe('pass');
    expect(byKey(run(unit({ facts: carry(95, 5.02) })), 'balance:2022')).toMatchObject({ status: 'fail', message: expect.stringContaining('两者相差') });
    expect(byKey(run(unit({ facts: carry(94.99, 5) })), 'balance:2022').status).toBe('pass');
    expect(byKey(run(unit({ facts: carry(94.98, 5) })), 'balance:2022').status).toBe('fail');
  });

  it('a stated 支出总计 against 本年收入 with no carry-over stated: one cent over is rounding, two cents need a negative carry-over', () => {
    const grand = (v: number) => [measure('gs', v, { role: 'spending.grand-total' })];
    const at = byKey(run(unit({ facts: [income('i', 100.01)], measures: grand(100) })), 'balance:2022');
    expect(at).toMatchObject({ status: 'pass', message: expect.stringContaining('一致（年初结转和结余应为 0）') });
    const over = byKey(run(unit({ facts: [income('i', 100.02)], measures: grand(100) })), 'balance:2022');
    expect(over).toMatchObject({ status: 'fail', message: expect.stringContaining('即使年初结转和结余为 0 也多出 0.02') });
    const gap = byKey(run(unit({ facts: [income('i', 99.98)], measures: grand(100) })), 'balance:2022');
    expect(gap).toMatchObject({ status: 'pass', message: expect.stringContaining('须为 0.02 才能平衡') });
  });

  it('neither carry-over stated: within one cent is 收支平衡, beyond it the gap they must explain', () => {
    expect(byKey(run(unit({ facts: [income('i', 100), fact('s', 100.01)] })), 'balance:2022').message).toContain('收支平衡');
    expect(byKey(run(unit({ facts: [income('i', 100), fact('s', 100.02)] })), 'balance:2022')).toMatchObject({ status: 'pass', message: expect.stringContaining('差额为 0.02') });
  });
});

describe('parts-sum at the edge and with only some parts', () => {
  const sangong = (rec: number) => [
    measure('t', 5.74, { role: 'sangong.total' }),
    measure('abroad', 0, { role: 'sangong.item:因公出国（境）' }),
    measure('car', 4, { role: 'sangong.item:公务用车购置及运行维护' }),
    measure('rec', rec, { role: 'sangong.item:公务接待' }),
  ];
  it('one cent off passes, two cents fail', () => {
    expect(byKey(run(unit({ measures: sangong(1.75) })), 'parts-sum:sangong.total:2022').status).toBe('pass');
    expect(byKey(run(unit({ measures: sangong(1.73) })), 'parts-sum:sangong.total:2022').status).toBe('pass');
    expect(byKey(run(unit({ measures: sangong(1.76) })), 'parts-sum:sangong.total:2022').status).toBe('fail');
  });

  it('parts of which only some are linked to the whole are still summed by this rule', () => {
    const some = sangong(1.8).map((m, i) => (i === 1 || i === 2 ? { ...m, parent: 't', sumsToParent: true } : m));
    const r = byKey(run(unit({ measures: some })), 'parts-sum:sangong.total:2022');
    expect(r).toMatchObject({ status: 'fail', numbers: { parts: 3 } });
    // All linked: children-sum checks them, and this rule says nothing.
    const all = sangong(1.8).map((m, i) => (i ? { ...m, parent: 't', sumsToParent: true } : m));
    expect(of(run(unit({ measures: all })), 'parts-sum')).toEqual([]);
    // Linked, but without sumsToParent: still this rule's.
    const noSum = sangong(1.8).map((m, i) => (i ? { ...m, parent: 't' } : m));
    expect(byKey(run(unit({ measures: noSum })), 'parts-sum:sangong.total:2022').status).toBe('fail');
  });

  it('a combined item with only one of its members stated: the member may not exceed it (by more than a cent)', () => {
    const partial = (buy: number) => [...sangong(1.74), measure('buy', buy, { role: 'sangong.item:公务用车购置' })];
    const key = 'parts-sum:sangong.item:公务用车购置及运行维护:2022';
    expect(byKey(run(unit({ measures: partial(3) })), key).status).toBe('pass');
    expect(byKey(run(unit({ measures: partial(4.01) })), key).status).toBe('pass');
    expect(byKey(run(unit({ measures: partial(4.02) })), key)).toMatchObject({ status: 'fail', records: ['car', 'buy'] });
  });

  it('with both members stated the combined item must equal them within a cent', () => {
    const both = (run2: number) => [...sangong(1.74), measure('buy', 1, { role: 'sangong.item:公务用车购置' }), measure('run', run2, { role: 'sangong.item:公务用车运行维护' })];
    const key = 'parts-sum:sangong.item:公务用车购置及运行维护:2022';
    expect(byKey(run(unit({ measures: both(3.01) })), key).status).toBe('pass');
    expect(byKey(run(unit({ measures: both(2.99) })), key).status).toBe('pass');
    expect(byKey(run(unit({ measures: both(2.98) })), key).status).toBe('fail');
  });

  it('members stated without the combined item stand for it in the whole', () => {
    const split = [
      measure('t', 5.74, { role: 'sangong.total' }),
      measure('abroad', 0, { role: 'sangong.item:因公出国（境）' }),
      measure('rec', 1.74, { role: 'sangong.item:公务接待' }),
      measure('buy', 1, { role: 'sangong.item:公务用车购置' }),
    ];
    // Only one of the two car members: the family is not complete, nothing to sum.
    expect(of(run(unit({ measures: split })), 'parts-sum')).toEqual([]);
    split.push(measure('run', 3.02, { role: 'sangong.item:公务用车运行维护' }));
    expect(byKey(run(unit({ measures: split })), 'parts-sum:sangong.total:2022')).toMatchObject({ status: 'fail', numbers: { parts: 3 } });
  });

  it('the whole\'s recorded decimals decide: 0 decimals allow half a 万元', () => {
    const whole0 = (rec: number) => [{ ...sangong(rec)[0], value: 6, decimals: 0 }, ...sangong(rec).slice(1)];
    expect(byKey(run(unit({ measures: whole0(2.5) })), 'parts-sum:sangong.total:2022').status).toBe('pass');
    expect(byKey(run(unit({ measures: whole0(2.51) })), 'parts-sum:sangong.total:2022').status).toBe('fail');
  });

  it('政府采购: 货物 + 工程 + 服务 = 政府采购支出, per phase', () => {
    const proc = (svc: number, phase?: '年初预算') => [
      measure('p', 100, { role: 'procurement.total', ...(phase ? { phase } : {}) }),
      measure('g', 50, { role: 'procurement.kind:货物', ...(phase ? { phase } : {}) }),
      measure('w', 30, { role: 'procurement.kind:工程', ...(phase ? { phase } : {}) }),
      measure('s', svc, { role: 'procurement.kind:服务', ...(phase ? { phase } : {}) }),
    ];
    expect(byKey(run(unit({ measures: proc(20.01) })), 'parts-sum:procurement.total:2022').status).toBe('pass');
    expect(byKey(run(unit({ measures: proc(20.02) })), 'parts-sum:procurement.total:2022').status).toBe('fail');
    expect(byKey(run(unit({ measures: proc(20.02, '年初预算') })), 'parts-sum:procurement.total:2022:年初预算').status).toBe('fail');
  });
});

describe('share', () => {
  const shares = (value: number, more: Parameters<typeof measure>[2] = {}) => [
    measure('t', 400, { role: 'spending.total' }),
    measure('b', 110.1, { role: 'spending.type:基本支出' }),
    measure('b-share', value, { role: 'spending.type:基本支出', stat: 'share', unit: '%', ...more }),
  ];
  // 110.1 ÷ 400 × 100 = 27.525 %.
  it("a share's own decimals set its tolerance: 27.5 printed as 27.50 is off by 0.025", () => {
    expect(byKey(run(unit({ measures: shares(27.5) })), 'share:b-share').status).toBe('pass');
    const r = byKey(run(unit({ measures: shares(27.5, { decimals: 2 }) })), 'share:b-share');
    expect(r).toMatchObject({ status: 'fail', numbers: { tolerance: 0.005 } });
    expect(byKey(run(unit({ measures: shares(27.52, { decimals: 2 }) })), 'share:b-share').status).toBe('pass');
    expect(byKey(run(unit({ measures: shares(27.53, { decimals: 2 }) })), 'share:b-share').status).toBe('pass');
    expect(byKey(run(unit({ measures: shares(27.519, { decimals: 3 }) })), 'share:b-share').status).toBe('fail');
  });

  it('at 0 decimals a share is ±0.5 points: 27.525 % prints as 28, not 27', () => {
    expect(byKey(run(unit({ measures: shares(28, { decimals: 0 }) })), 'share:b-share').status).toBe('pass');
    expect(byKey(run(unit({ measures: shares(27, { decimals: 0 }) })), 'share:b-share')).toMatchObject({ status: 'fail', numbers: { tolerance: 0.5 } });
  });

  it('no share of a whole in another unit: a money part over a count whole is not a share', () => {
    const measures = [
      measure('n', 4, { role: 'vehicles.count', unit: '辆' }),
      measure('cost', 2, { role: 'sangong.item:公务接待' }),
      measure('cost-share', 50, { role: 'sangong.item:公务接待', stat: 'share', unit: '%', parent: 'n' }),
    ];
    expect(of(run(unit({ measures })), 'share')).toEqual([]);
    // The same share over a money whole is checked.
    measures[0] = measure('n', 4, { role: 'sangong.total' });
    expect(byKey(run(unit({ measures })), 'share:cost-share').status).toBe('pass');
  });
});

describe('children-sum: which parents are checked, and what the finding says', () => {
  it('a functional parent: the message names the tree and code, the children and their sum', () => {
    const facts = [fact('p', 100, { functional: '20103', label: '政府办公厅' }), fact('k1', 60, { functional: '2010301' }), fact('k2', 40, { functional: '2010302' })];
    expect(byKey(run(unit({ facts })), 'children-sum:p').message).toBe('政府办公厅 100（功能分类·政府办公厅（室）及相关机构事务）的下级 2 项合计 100，一致');
  });

  it('at exactly the limit below the parent, children covering every branch are rounding; past it they are short', () => {
    const facts = (p: number) => [fact('p', p, { functional: '20103' }), fact('k1', 0, { functional: '2010301' }), fact('k2', 0, { functional: '2010302' })];
    expect(byKey(run(unit({ facts: facts(MONEY_TOLERANCE + EPS) })), 'children-sum:p')).toMatchObject({ status: 'pass', numbers: { remainder: 0 } });
    expect(byKey(run(unit({ facts: facts(MONEY_TOLERANCE + 2 * EPS) })), 'children-sum:p').status).toBe('fail');
  });

  it('a fact without stated children, and a roll-up of spending types, are never a parent', () => {
    const alone = run(unit({ facts: [fact('p', 100, { functional: '20103' })] }));
    expect(of(alone, 'children-sum')).toEqual([]);
    // 20103 stated only per spending type: its roll-up (基本 + 项目) stands for it as a child, never as a parent.
    const facts = [
      fact('b', 50, { functional: '20103', basis: '基本支出' }),
      fact('x', 50, { functional: '20103', basis: '项目支出' }),
      fact('k', 120, { functional: '2010301' }),
    ];
    expect(of(run(unit({ facts })), 'children-sum').map((r) => r.key)).toEqual([]);
  });

  it('measures that sum to a parent no record has are left to the validator', () => {
    const measures = [measure('a', 1, { parent: 'gone', sumsToParent: true }), measure('b', 2, { parent: 'gone', sumsToParent: true })];
    expect(of(run(unit({ measures })), 'children-sum')).toEqual([]);
  });

  it('measures that sum to their parent: the message lists each part and the sum in the parent\'s unit', () => {
    const measures = [
      measure('n', 10, { role: 'staff.in-post', unit: '人', label: '在职人员' }),
      measure('a', 6, { unit: '人', label: '行政', parent: 'n', sumsToParent: true }),
      measure('b', 4, { unit: '人', label: '事业', parent: 'n', sumsToParent: true }),
    ];
    expect(byKey(run(unit({ measures })), 'children-sum:n')).toMatchObject({ status: 'pass', message: '在职人员 10人 的组成部分 行政 6 + 事业 4 = 10人，一致' });
    measures[2] = { ...measures[2], value: 5 };
    expect(byKey(run(unit({ measures })), 'children-sum:n')).toMatchObject({ status: 'fail', message: '在职人员 10人 的组成部分 行政 6 + 事业 5 = 11人，相差 1', numbers: { expected: 10, found: 11, difference: 1, children: 2 } });
    // A fact as the parent: its amount, in the file's currency.
    const onFact = run(unit({ facts: [fact('t', 100, { label: '支出合计' })], measures: [measure('c', 99.98, { label: '部分', parent: 't', sumsToParent: true })] }));
    expect(byKey(onFact, 'children-sum:t')).toMatchObject({ status: 'fail', message: '支出合计 100万元 的组成部分 部分 99.98 = 99.98万元，相差 -0.02' });
  });
});

describe('asset-bounds: which measures are bounded, by which whole', () => {
  it('a whole of 0 still bounds its parts; a negative one is no whole, the next one up is', () => {
    const zero = [measure('w', 0, { role: 'assets.fixed' }), measure('p', 0, { parent: 'w' })];
    expect(byKey(run(unit({ measures: zero })), 'asset-bounds:p')).toMatchObject({ status: 'pass', records: ['p', 'w'], message: 'p 0万元 不超过 w 0万元' });
    const negative = [measure('t', 100, { role: 'assets.total' }), measure('chg', -5, { parent: 't' }), measure('p', 50, { parent: 'chg' })];
    expect(byKey(run(unit({ measures: negative })), 'asset-bounds:p')).toMatchObject({ status: 'pass', records: ['p', 't'] });
  });

  it('only money parts of 0 or more with a parent: a count, a decrease or an orphan is not bounded', () => {
    const measures = [
      measure('t', 100, { role: 'assets.total' }),
      measure('cars', 300, { unit: '辆', parent: 't' }),
      measure('down', -200, { parent: 't' }),
      measure('none', 0, { parent: 't' }),
      measure('free', 500),
    ];
    expect(of(run(unit({ measures })), 'asset-bounds').map((r) => r.key)).toEqual(['asset-bounds:none']);
  });

  it('a loop of parents ends without a whole: no finding (the validator reports the loop)', () => {
    const wrappers = [measure('w1', 1, { unit: '类', parent: 'w2' }), measure('w2', 1, { unit: '类', parent: 'w1' }), measure('p', 5, { parent: 'w1' })];
    expect(of(run(unit({ measures: wrappers })), 'asset-bounds')).toEqual([]);
    const self = [measure('x', 5, { parent: 'y' }), measure('y', 1, { unit: '类', parent: 'x' })];
    expect(of(run(unit({ measures: self })), 'asset-bounds')).toEqual([]);
  });
});

describe('parts-sum: what each finding says', () => {
  const sangong = (rec: number, phase?: '年初预算') => [
    measure('t', 5.74, { role: 'sangong.total', label: '三公经费', ...(phase ? { phase } : {}) }),
    measure('abroad', 0, { role: 'sangong.item:因公出国（境）', label: '出国', ...(phase ? { phase } : {}) }),
    measure('car', 4, { role: 'sangong.item:公务用车购置及运行维护', label: '用车', ...(phase ? { phase } : {}) }),
    measure('rec', rec, { role: 'sangong.item:公务接待', label: '接待', ...(phase ? { phase } : {}) }),
  ];
  it('the whole: each part, the sum, the whole, the signed difference', () => {
    expect(byKey(run(unit({ measures: sangong(1.74) })), 'parts-sum:sangong.total:2022').message).toBe('2022年出国 0 + 用车 4 + 接待 1.74 = 5.74，三公经费 5.74，一致');
    const r = byKey(run(unit({ measures: sangong(1.8) })), 'parts-sum:sangong.total:2022');
    expect(r).toMatchObject({ message: '2022年出国 0 + 用车 4 + 接待 1.8 = 5.8，三公经费 5.74，相差 0.06', numbers: { expected: 5.74, found: 5.8, difference: 0.06, parts: 3 } });
    expect(byKey(run(unit({ measures: sangong(1.8, '年初预算') })), 'parts-sum:sangong.total:2022:年初预算').message).toMatch(/^2022年年初预算出国 0 \+ /);
  });

  it('a combined item and its members: each member, their sum, the signed difference; members stand in the whole when the item is not stated', () => {
    const both = [...sangong(1.74), measure('buy', 1, { role: 'sangong.item:公务用车购置', label: '购置' }), measure('run', 3.1, { role: 'sangong.item:公务用车运行维护', label: '运维' })];
    const r = byKey(run(unit({ measures: both })), 'parts-sum:sangong.item:公务用车购置及运行维护:2022');
    expect(r).toMatchObject({ status: 'fail', message: '2022年用车 4，购置 1 + 运维 3.1 = 4.1，相差 0.1', numbers: { expected: 4, found: 4.1, difference: 0.1 } });
    const members = both.filter((m) => m.id !== 'car');
    expect(byKey(run(unit({ measures: members })), 'parts-sum:sangong.total:2022').message).toBe('2022年出国 0 + 购置 1 + 运维 3.1 + 接待 1.74 = 5.84，三公经费 5.74，相差 0.1');
  });

  it("a combined item's recorded decimals set its tolerance, with all members or only one", () => {
    const car = { ...sangong(1.74)[2], value: 4, decimals: 0 };
    const all = (run2: number) => [car, measure('buy', 1, { role: 'sangong.item:公务用车购置' }), measure('run', run2, { role: 'sangong.item:公务用车运行维护' })];
    const key = 'parts-sum:sangong.item:公务用车购置及运行维护:2022';
    expect(byKey(run(unit({ measures: all(3.4) })), key).status).toBe('pass');
    expect(byKey(run(unit({ measures: all(3.6) })), key).status).toBe('fail');
    const one = (buy: number) => [car, measure('buy', buy, { role: 'sangong.item:公务用车购置' })];
    expect(byKey(run(unit({ measures: one(4.4) })), key).status).toBe('pass');
    expect(byKey(run(unit({ measures: one(4.6) })), key).status).toBe('fail');
  });
});

describe('share: the whole it is of, and what the finding says', () => {
  it('a share of its parent measure or fact: the records and the message with the quotient', () => {
    const measures = [
      measure('t', 400, { role: 'spending.total', label: '支出' }),
      measure('b', 110.1, { role: 'spending.type:基本支出', label: '基本支出' }),
      measure('s', 27.53, { role: 'spending.type:基本支出', stat: 'share', unit: '%', label: '基本支出占比', parent: 't' }),
    ];
    const r = byKey(run(unit({ measures })), 'share:s');
    expect(r).toMatchObject({ status: 'pass', records: ['s', 'b', 't'], message: '基本支出占比 27.53%：基本支出 110.1 ÷ 支出 400 × 100 = 27.525%，一致' });
    measures[2] = { ...measures[2], value: 27.6 };
    expect(byKey(run(unit({ measures })), 'share:s').message).toBe('基本支出占比 27.6%：基本支出 110.1 ÷ 支出 400 × 100 = 27.525%，相差 0.075（容差 ±0.05）');
    const onFact = [measures[1], { ...measures[2], value: 27.53, parent: 'f' }];
    expect(byKey(run(unit({ facts: [fact('f', 400, { label: '支出合计' })], measures: onFact })), 'share:s')).toMatchObject({ status: 'pass', records: ['s', 'b', 'f'] });
  });

  it('a zero whole: no quotient, said so; a parent no record has, or a role no rule knows: nothing to check', () => {
    const zero = [measure('t', 0, { role: 'spending.total' }), measure('b', 5, { role: 'spending.type:基本支出' }), measure('s', 10, { role: 'spending.type:基本支出', stat: 'share', unit: '%', parent: 't' })];
    expect(byKey(run(unit({ measures: zero })), 'share:s')).toMatchObject({ status: 'fail', numbers: { found: 10, whole: 0 }, message: expect.stringContaining('总额为 0，占比无从计算') });
    const dangling = [zero[1], { ...zero[2], parent: 'gone' }];
    expect(of(run(unit({ measures: dangling })), 'share')).toEqual([]);
    const unknown = [measure('x', 5, { role: 'custom.thing' }), measure('xs', 10, { role: 'custom.thing', stat: 'share', unit: '%' })];
    expect(of(run(unit({ measures: unknown })), 'share')).toEqual([]);
  });
});
