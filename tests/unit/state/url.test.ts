import { describe, expect, it } from 'vitest';
import { parseHash, problemText, toHash, type ViewState } from '../../../src/state/url';

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
  it('round-trips the whole view through the hash with no problems', () => {
    const back = parseHash(toHash(view));
    // No focus is written as an absent parameter; the store fills absent parts from its defaults.
    expect({ focus: null, ...back.view }).toEqual(view);
    expect(back.problems).toEqual([]);
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
    const back = parseHash(toHash(v)).view;
    expect(back.compare).toBeNull();
    expect(back.focus).toBe('recompute:m-rate-adjust');
  });

  it('names every part it cannot use and keeps the rest', () => {
    const p = parseHash('#/nowhere?year=20x2&path=f:206,x:1,<script>,e:310&money=usd&unit=ningxiang-drc');
    expect(p.view.route).toBe('');
    expect(p.view.year).toBeUndefined();
    expect(p.view.path).toEqual(['f:206', 'e:310']);
    expect(p.view.money).toBeUndefined();
    expect(p.view.unit).toBe('ningxiang-drc');
    expect(p.problems.map((x) => x.param)).toEqual(['页面', 'year', 'path', 'money']);
    expect(problemText(p.problems[1])).toContain('year');
    expect(problemText(p.problems[1])).toContain('20x2');
  });

  it('never throws on malformed escapes, and reports them', () => {
    // Each malformed part is named, and the parts that parse are kept.
    const cases: Array<[string, string, string[]]> = [
      ['#/%', '', ['页面']],
      ['#/spending%ZZ', '', ['页面']],
      ['#/spending?unit=%E0%A4%A', 'spending', ['unit']],
      ['#/?year=%', '', ['year']],
      ['#/%%%?%=%', '', ['页面', '%']],
    ];
    for (const [h, route, params] of cases) {
      const p = parseHash(h);
      expect(p.view.route, h).toBe(route);
      expect(p.problems.map((x) => x.param), h).toEqual(params);
    }
    expect(parseHash('#/spending?unit=%E0%A4%A').view.unit).toBeUndefined();
  });

  it('accepts only four-digit years', () => {
    for (const y of ['', '0', '1e21', '20220', '-2022', '2022.5', ' 2022']) {
      const p = parseHash(`#/?year=${encodeURIComponent(y)}`);
      expect(p.view.year, y).toBeUndefined();
      expect(p.problems[0]?.param, y).toBe('year');
    }
    expect(parseHash('#/?year=2021&cmp=none').view).toMatchObject({ year: 2021, compare: null });
    expect(parseHash('#/?cmp=abc').problems[0].param).toBe('cmp');
  });

  it('refuses unit texts that are not unit ids, unknown and over-long parameters', () => {
    const p = parseHash('#/screen?unit=%3Cimg%20src%3Dx%3E');
    expect(p.view.unit).toBeUndefined();
    expect(p.problems[0]).toMatchObject({ param: 'unit', found: '<img src=x>' });
    expect(parseHash('#/?colour=red').problems[0].param).toBe('colour');
    const long = parseHash(`#/?focus=${'x'.repeat(500)}`);
    expect(long.view.focus).toBeNull();
    expect(long.problems[0].found.length).toBeLessThanOrEqual(60);
  });

  it('treats an empty hash as the overview with nothing else set', () => {
    expect(parseHash('')).toEqual({ view: { route: '' }, problems: [] });
    expect(parseHash('#/')).toEqual({ view: { route: '' }, problems: [] });
  });
});
