import { describe, expect, it } from 'vitest';
import { parseHash, toHash, type ViewState } from '../../src/state/url';

const view: ViewState = {
  route: 'spending',
  unit: 'ningxiang-drc',
  year: 2022,
  compare: 2021,
  path: ['b:项目支出', 'f:206', 'f:20699', 'f:2069999', 'e:310', 'e:31007'],
  money: 'yuan',
  focus: null,
};

describe('URL state', () => {
  it('round-trips the whole view through the hash', () => {
    // No focus is written as an absent parameter; the store fills absent parts from its defaults.
    expect({ focus: null, ...parseHash(toHash(view)) }).toEqual(view);
  });

  it('writes a readable hash with every part of the view', () => {
    const hash = toHash(view);
    expect(hash.startsWith('#/spending?')).toBe(true);
    expect(hash).toContain('unit=ningxiang-drc');
    expect(hash).toContain('year=2022');
    expect(hash).toContain('cmp=2021');
    expect(hash).toContain('path=b:%E9%A1%B9%E7%9B%AE%E6%94%AF%E5%87%BA,f:206,f:20699');
    expect(hash).toContain('money=yuan');
  });

  it('keeps "no comparison" and focus', () => {
    const v = { ...view, compare: null, focus: 'recompute:m-rate-adjust' };
    const back = parseHash(toHash(v));
    expect(back.compare).toBeNull();
    expect(back.focus).toBe('recompute:m-rate-adjust');
  });

  it('drops unknown routes, bad steps, bad years and unknown money units', () => {
    const p = parseHash('#/nowhere?year=20x2&path=f:206,x:1,<script>,e:310&money=usd');
    expect(p.route).toBe('');
    expect(p.year).toBeUndefined();
    expect(p.path).toEqual(['f:206', 'e:310']);
    expect(p.money).toBeUndefined();
  });

  it('treats an empty hash as the overview with nothing else set', () => {
    expect(parseHash('')).toEqual({ route: '' });
    expect(parseHash('#/')).toEqual({ route: '' });
  });
});
