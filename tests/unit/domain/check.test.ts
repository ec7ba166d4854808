import { describe, expect, it } from 'vitest';
import { checkFormula, compare, decimalsOf, exceeds, growthPct, MONEY_SHOWN, sharePct, toleranceOf } from '../../../src/domain/check';

describe('the one tolerance rule', () => {
  it('is half a unit of the printed place when decimals are known', () => {
    expect(toleranceOf(411, { decimals: 0, unit: '%' })).toBe(0.5);
    expect(toleranceOf(5.74, { decimals: 2, unit: '万元' })).toBe(0.005);
  });

  it('is 0.01 for money without decimals, else half a unit of the digits the number shows', () => {
    expect(toleranceOf(969.29)).toBe(0.01);
    expect(toleranceOf(969.2, { unit: '万元' })).toBe(0.01);
    expect(toleranceOf(97.6, { unit: '%' })).toBeCloseTo(0.05, 12);
    expect(toleranceOf(9, { unit: '人' })).toBe(0.5);
  });

  it('decimalsOf reads the number as JSON prints it', () => {
    expect([decimalsOf(411), decimalsOf(64.29), decimalsOf(-0.5), decimalsOf(1e-7)]).toEqual([0, 2, 1, 7]);
  });

  it('decimalsOf: an exponent shifts the decimals, never below 0; a number JSON cannot print has none', () => {
    expect(decimalsOf(1.5e-7)).toBe(8);
    expect(decimalsOf(1e-10)).toBe(10);
    expect(decimalsOf(-2.25e-8)).toBe(10);
    expect(decimalsOf(1e21)).toBe(0);
    expect(decimalsOf(1.5e22)).toBe(0);
    expect(decimalsOf(Infinity)).toBe(0);
    expect(decimalsOf(NaN)).toBe(0);
  });
});

describe('the smallest money difference that prints', () => {
  it('is half a cent of 万元: 0.005 rounds to a visible 0.01, 0.0049 to 0.00', () => {
    expect(MONEY_SHOWN).toBe(0.005);
    expect((0.005).toFixed(2)).toBe('0.01');
    expect((0.0049).toFixed(2)).toBe('0.00');
  });
});

describe('compare and exceeds', () => {
  it('accepts rounding and float noise, rejects more', () => {
    expect(compare(0.3, 0.1 + 0.2)).toMatchObject({ ok: true, tolerance: 0.01 });
    expect(compare(311.06, 311.0645, { decimals: 2 }).ok).toBe(true);
    expect(compare(411, 311.0645, { decimals: 0 })).toMatchObject({ ok: false, difference: 411 - 311.0645 });
    expect(compare(-38.28, -38.2877, { decimals: 2 }).ok).toBe(false); // truncated, not rounded
  });

  it('exceeds only beyond the whole’s tolerance', () => {
    expect(exceeds(601.6, 601.59)).toBe(false);
    expect(exceeds(927.65, 601.59)).toBe(true);
    expect(exceeds(2, 1, { unit: '辆' })).toBe(true);
  });
});

describe('checkFormula', () => {
  const values = new Map([
    ['a', 9],
    ['b', 14],
    ['z', 0],
  ]);
  it('recomputes a printed rate and names the records it used', () => {
    expect(checkFormula(64.29, { op: 'pct', args: ['a', 'b'] }, values, { decimals: 2, unit: '%' })).toMatchObject({ ok: true, refs: ['a', 'b'], tolerance: 0.005 });
    expect(checkFormula(64.3, { op: 'pct', args: ['a', 'b'] }, values, { decimals: 2, unit: '%' }).ok).toBe(false);
  });
  it('a formula that refers to its own record is a cycle', () => {
    const r = checkFormula(64.29, { op: 'pct', args: ['a', 'self'] }, new Map([...values, ['self', 14]]), { decimals: 2, unit: '%', self: 'self' });
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('公式循环引用') });
    expect(checkFormula(64.29, { op: 'pct', args: ['a', 'self'] }, new Map([...values, ['self', 14]]), { decimals: 2, unit: '%' }).ok).toBe(true);
  });
  it('reports a formula that cannot be evaluated', () => {
    const r = checkFormula(1, { op: 'pct', args: ['a', 'z'] }, values, { unit: '%' });
    expect(r).toEqual({ stated: 1, tolerance: 0.5, refs: ['a', 'z'], error: '除数为零：z = 0', ok: false });
    // The tolerance it would have had: the record's printed decimals.
    expect(checkFormula(1.25, { op: 'pct', args: ['a', 'z'] }, values, { decimals: 2, unit: '%' }).tolerance).toBe(0.005);
  });
});

describe('rates', () => {
  it('share and growth, null on a zero base', () => {
    expect(sharePct(1, 4)).toBe(25);
    expect(sharePct(1, 0)).toBeNull();
    expect(growthPct(110, 100)).toBeCloseTo(10, 12);
    expect(growthPct(0, 0)).toBeNull();
  });
});
