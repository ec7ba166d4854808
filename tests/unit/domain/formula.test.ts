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
