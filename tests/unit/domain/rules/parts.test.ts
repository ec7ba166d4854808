/** part-of-whole, parts-sum, asset-bounds: parts never exceed, closed lists add up. */
import { describe, expect, it } from 'vitest';
import { byKey, fact, measure, of, run, unit } from '../fixtures';

describe('part-of-whole', () => {
  it('a measure that is part of a fact never exceeds it (机关运行经费 ⊂ 基本支出)', () => {
    const facts = [fact('f-basic', 200, { basis: '基本支出' })];
    const m = measure('m-op', 80, { role: 'operating.total', parent: 'f-basic' });
    const r = byKey(run(unit({ facts, measures: [m] })), 'part-of-whole:m-op');
    expect(r).toMatchObject({ status: 'pass', records: ['m-op', 'f-basic'] });
    m.value = 230;
    expect(byKey(run(unit({ facts, measures: [m] })), 'part-of-whole:m-op')).toMatchObject({
      status: 'fail',
      numbers: { expected: 200, found: 230, difference: 30 },
      message: 'm-op 230万元 大于它所属的 f-basic 200万元（超出 30）',
    });
  });

  it('a part role never exceeds its whole role, found by role not by link', () => {
    const measures = [measure('t', 5, { role: 'sangong.total' }), measure('r', 1.74, { role: 'sangong.item:公务接待' })];
    expect(byKey(run(unit({ measures })), 'part-of-whole:r').status).toBe('pass');
    measures[1].value = 6;
    expect(byKey(run(unit({ measures })), 'part-of-whole:r').status).toBe('fail');
    const counts = [measure('n', 2, { role: 'vehicles.count', unit: '辆' }), measure('idle', 3, { role: 'vehicles.status:闲置', unit: '辆' })];
    expect(byKey(run(unit({ measures: counts })), 'part-of-whole:idle').status).toBe('fail');
  });

  it('compares like with like: same year, phase and stat only', () => {
    const measures = [
      measure('t', 5, { role: 'sangong.total' }),
      measure('budget-item', 8, { role: 'sangong.item:公务接待', phase: '年初预算' }),
      measure('chg', 9, { role: 'sangong.item:公务接待', stat: 'change', base: 'prev-year' }),
      measure('old', 9, { role: 'sangong.item:公务接待', year: 2021 }),
    ];
    expect(of(run(unit({ measures })), 'part-of-whole')).toEqual([]);
  });

  it('leaves pairs to asset-bounds and children-sum when they already check them', () => {
    const measures = [
      measure('fixed', 100, { role: 'assets.fixed' }),
      measure('inuse', 120, { role: 'assets.fixed-in-use', parent: 'fixed' }),
      measure('n', 1, { role: 'vehicles.count', unit: '辆' }),
      measure('inuse-v', 1, { role: 'vehicles.status:在用', unit: '辆', parent: 'n', sumsToParent: true }),
    ];
    const rs = run(unit({ measures }));
    expect(of(rs, 'part-of-whole')).toEqual([]);
    expect(byKey(rs, 'asset-bounds:inuse').status).toBe('fail');
  });
});

describe('parts-sum', () => {
  const sangong = () => [
    measure('t', 5.74, { role: 'sangong.total', decimals: 2 }),
    measure('abroad', 0, { role: 'sangong.item:因公出国（境）' }),
    measure('car', 4, { role: 'sangong.item:公务用车购置及运行维护' }),
    measure('rec', 1.74, { role: 'sangong.item:公务接待' }),
  ];

  it('三公 items sum to the total when all are stated', () => {
    const r = byKey(run(unit({ measures: sangong() })), 'parts-sum:sangong.total:2022');
    expect(r).toMatchObject({ status: 'pass', numbers: { expected: 5.74, found: 5.74, parts: 3 }, records: ['t', 'abroad', 'car', 'rec'] });
    const bad = sangong();
    bad[3].value = 1.8;
    expect(byKey(run(unit({ measures: bad })), 'parts-sum:sangong.total:2022')).toMatchObject({ status: 'fail', message: expect.stringContaining('相差 0.06') });
  });

  it('accepts the car item split into 购置 and 运行维护, and checks a combined item against them', () => {
    const split = [sangong()[0], sangong()[1], sangong()[3], measure('buy', 0, { role: 'sangong.item:公务用车购置' }), measure('run', 4, { role: 'sangong.item:公务用车运行维护' })];
    expect(byKey(run(unit({ measures: split })), 'parts-sum:sangong.total:2022').status).toBe('pass');
    const both = [...sangong(), measure('buy', 1, { role: 'sangong.item:公务用车购置' }), measure('run', 2.5, { role: 'sangong.item:公务用车运行维护' })];
    expect(byKey(run(unit({ measures: both })), 'parts-sum:sangong.item:公务用车购置及运行维护:2022')).toMatchObject({ status: 'fail', numbers: { expected: 4, found: 3.5 } });
  });

  it('says nothing when a part is missing, or when the parts carry sumsToParent (children-sum checks them)', () => {
    expect(of(run(unit({ measures: sangong().slice(0, 3) })), 'parts-sum')).toEqual([]);
    const linked = sangong().map((m, i) => (i === 0 ? m : { ...m, parent: 't', sumsToParent: true }));
    const rs = run(unit({ measures: linked }));
    expect(of(rs, 'parts-sum')).toEqual([]);
    expect(byKey(rs, 'children-sum:t').status).toBe('pass');
  });

  it('政府采购 kinds sum to the total, per phase', () => {
    const kinds = (phase?: '年初预算') => [
      measure(`p${phase ?? ''}`, 709.65, { role: 'procurement.total', phase }),
      measure(`g${phase ?? ''}`, 0, { role: 'procurement.kind:货物', phase }),
      measure(`w${phase ?? ''}`, 39, { role: 'procurement.kind:工程', phase }),
      measure(`s${phase ?? ''}`, 670.65, { role: 'procurement.kind:服务', phase }),
    ];
    const measures = [...kinds(), ...kinds('年初预算')];
    measures[7].value = 600;
    const rs = run(unit({ measures }));
    expect(byKey(rs, 'parts-sum:procurement.total:2022').status).toBe('pass');
    expect(byKey(rs, 'parts-sum:procurement.total:2022:年初预算').status).toBe('fail');
  });
});

describe('asset-bounds', () => {
  it('a money part larger than its money whole, through wrappers in other units', () => {
    const measures = [
      measure('total', 100, { role: 'assets.total' }),
      measure('share', 50, { unit: '%', parent: 'total' }),
      measure('fixed', 90, { role: 'assets.fixed', parent: 'share' }),
    ];
    expect(byKey(run(unit({ measures })), 'asset-bounds:fixed')).toMatchObject({ status: 'pass', records: ['fixed', 'total'] });
    measures[2].value = 120;
    expect(byKey(run(unit({ measures })), 'asset-bounds:fixed')).toMatchObject({
      status: 'fail',
      numbers: { expected: 100, found: 120, difference: 20 },
      message: 'fixed 120万元 大于其所属总额 total 100万元（超出 20）',
    });
  });
});
