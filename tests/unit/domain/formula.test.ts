import { describe, expect, it } from 'vitest';
import { evaluateFormula, formulaRefs, formulaToText } from '../../../src/domain/formula';
import type { Formula } from '../../../src/model/types';

const values = new Map([
  ['a', 969.29],
  ['b', 235.8],
  ['z', 0],
]);
const ev = (f: Formula, opts = {}) => evaluateFormula(f, values, opts);

describe('evaluateFormula', () => {
  it('evaluates every operator over ids, numbers and nested formulas', () => {
    expect(ev({ op: 'sum', args: ['a', 'b', 1] })).toEqual({ ok: true, value: 969.29 + 235.8 + 1 });
    expect(ev({ op: 'sub', args: ['a', 'b'] })).toEqual({ ok: true, value: 969.29 - 235.8 });
    expect(ev({ op: 'mul', args: ['b', 2, 0.5] })).toEqual({ ok: true, value: 235.8 });
    expect(ev({ op: 'div', args: ['a', 'b'] })).toEqual({ ok: true, value: 969.29 / 235.8 });
    const pct = ev({ op: 'pct', args: ['a', 'b'] });
    expect(pct.ok && pct.value).toBeCloseTo(411.0645, 4);
    const growth = ev({ op: 'growth_pct', args: ['a', 'b'] });
    expect(growth.ok && growth.value).toBeCloseTo(311.0645, 4);
    const nested = ev({ op: 'pct', args: [{ op: 'sub', args: ['a', 'b'] }, 'b'] });
    expect(nested.ok && nested.value).toBeCloseTo(311.0645, 4);
  });

  it('reports a missing reference', () => {
    expect(ev({ op: 'sum', args: ['a', 'nope'] })).toEqual({ ok: false, kind: 'missing-ref', error: '公式引用的记录不存在：nope', ref: 'nope' });
  });

  it('reports division by zero for div, pct and growth_pct', () => {
    for (const op of ['div', 'pct', 'growth_pct'] as const) {
      const r = ev({ op, args: ['a', 'z'] });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.kind).toBe('division-by-zero');
    }
  });

  it('reports cycles through derived formulas and self references', () => {
    const formulas = new Map<string, Formula>([
      ['x', { op: 'sum', args: ['y', 1] }],
      ['y', { op: 'sum', args: ['x'] }],
    ]);
    expect(ev(formulas.get('x')!, { formulas, self: 'x' })).toMatchObject({ ok: false, kind: 'cycle', error: '公式循环引用：x → y → x' });
    expect(ev({ op: 'sum', args: ['me', 1] }, { self: 'me' })).toMatchObject({ ok: false, kind: 'cycle' });
    // resolvable chains evaluate
    const chain = new Map<string, Formula>([['w', { op: 'sum', args: ['a', 1] }]]);
    expect(ev({ op: 'sub', args: ['w', 1] }, { formulas: chain })).toEqual({ ok: true, value: 969.29 });
  });

  it('rejects invalid nodes without evaluating any code', () => {
    expect(ev({ op: 'eval' as never, args: ['a'] })).toMatchObject({ ok: false, kind: 'invalid' });
    expect(ev({ op: 'sub', args: ['a'] })).toMatchObject({ ok: false, kind: 'invalid', error: '运算 sub 需要 2 个参数' });
    let deep: Formula = { op: 'sum', args: [1] };
    for (let i = 0; i < 40; i++) deep = { op: 'sum', args: [deep] };
    expect(ev(deep)).toMatchObject({ ok: false, kind: 'invalid' });
  });
});

describe('formula helpers', () => {
  it('lists references and renders text', () => {
    const f: Formula = { op: 'growth_pct', args: [{ op: 'sum', args: ['a', 'b'] }, 'a'] };
    expect(formulaRefs(f)).toEqual(['a', 'b']);
    expect(formulaToText(f)).toBe('((a + b) − a) ÷ a × 100');
  });
});

describe('formula errors and text at their edges', () => {
  it('names the divisor that is zero, a nested one by its text', () => {
    expect(ev({ op: 'div', args: ['a', 'z'] })).toMatchObject({ error: '除数为零：z = 0' });
    expect(ev({ op: 'pct', args: ['a', 0] })).toMatchObject({ error: '除数为零：0 = 0' });
    expect(ev({ op: 'growth_pct', args: ['a', { op: 'sub', args: ['b', 'b'] }] })).toMatchObject({ kind: 'division-by-zero', error: '上年基数为零：b − b = 0' });
  });

  it('refuses a number that is not finite and an argument of another type, saying which', () => {
    expect(ev({ op: 'sum', args: ['a', Infinity] })).toEqual({ ok: false, kind: 'invalid', error: '公式中的数字无效：Infinity' });
    expect(ev({ op: 'sum', args: ['a', NaN] })).toMatchObject({ kind: 'invalid', error: '公式中的数字无效：NaN' });
    expect(ev({ op: 'sum', args: ['a', true as never] })).toMatchObject({ kind: 'invalid', error: '公式参数必须是记录 id、数字或嵌套公式' });
    expect(ev({ op: 'sum', args: ['a', ['b'] as never] })).toMatchObject({ kind: 'invalid' });
    expect(ev({ op: 'sum', args: 'a' as never })).toMatchObject({ kind: 'invalid', error: '运算 sum 需要 至少 1 个参数' });
    expect(ev({ op: 'sum', args: [] })).toMatchObject({ kind: 'invalid', error: '运算 sum 需要 至少 1 个参数' });
    expect(ev({ op: 'div', args: ['a', 'b', 'b'] })).toMatchObject({ kind: 'invalid', error: '运算 div 需要 2 个参数' });
    expect(ev({ op: 'toString' as never, args: ['a'] })).toMatchObject({ kind: 'invalid', error: '未知的公式运算：toString' });
  });

  it('nests up to 32 levels; the 33rd is refused', () => {
    const nest = (n: number) => {
      let f: Formula = { op: 'sum', args: [1] };
      for (let i = 0; i < n; i++) f = { op: 'sum', args: [f] };
      return f;
    };
    expect(ev(nest(32))).toEqual({ ok: true, value: 1 });
    expect(ev(nest(33))).toMatchObject({ ok: false, kind: 'invalid', error: '公式嵌套超过 32 层' });
  });

  it('a single factor and a single term are themselves', () => {
    expect(ev({ op: 'mul', args: ['b'] })).toEqual({ ok: true, value: 235.8 });
    expect(ev({ op: 'sum', args: ['b'] })).toEqual({ ok: true, value: 235.8 });
  });

  it('references once each, in order, at any depth up to the limit', () => {
    expect(formulaRefs({ op: 'sum', args: ['a', { op: 'sub', args: ['b', 'a'] }, 3, 'c'] })).toEqual(['a', 'b', 'c']);
    let deep: Formula = { op: 'sum', args: ['inner'] };
    for (let i = 0; i < 40; i++) deep = { op: 'sum', args: [deep, `l${i}`] };
    expect(formulaRefs(deep)).not.toContain('inner');
    expect(formulaRefs(deep)).toContain('l39');
  });

  it('text of each operator with labels; a formula too deep or malformed shows as …', () => {
    const label = (id: string) => `〈${id}〉`;
    expect(formulaToText({ op: 'sum', args: ['a', 2] }, label)).toBe('〈a〉 + 2');
    expect(formulaToText({ op: 'sub', args: ['a', 'b'] })).toBe('a − b');
    expect(formulaToText({ op: 'mul', args: ['a', 'b'] })).toBe('a × b');
    expect(formulaToText({ op: 'div', args: ['a', 'b'] })).toBe('a ÷ b');
    expect(formulaToText({ op: 'pct', args: ['a', { op: 'sum', args: ['b', 'c'] }] })).toBe('a ÷ (b + c) × 100');
    expect(formulaToText({ op: 'nope' as never, args: ['a', 'b'] })).toBe('a ? b');
    expect(formulaToText({ op: 'sum', args: 'a' as never })).toBe('…');
    expect(formulaToText({ op: 'sum', args: ['a'] }, undefined, 33)).toBe('…');
    expect(formulaToText({ op: 'sum', args: ['a'] }, undefined, 32)).toBe('a');
  });
});
