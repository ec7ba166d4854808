/**
 * Evaluation of the JSON formulas carried by derived records and `recompute` fields.
 *
 * Formulas are plain JSON trees ({ op, args }) whose string arguments are record ids; they are
 * interpreted here by a small recursive evaluator, never turned into code (no eval / Function), so a
 * data file cannot run anything in the browser.
 */
import type { Formula, FormulaArg, FormulaOp } from '../model/types';

/** All operators, with their arity: a fixed count, or the minimum for variadic ones. */
export const FORMULA_OPS: Record<FormulaOp, { min: number; max: number; symbol: string }> = {
  sum: { min: 1, max: Infinity, symbol: '+' },
  sub: { min: 2, max: 2, symbol: '−' },
  mul: { min: 1, max: Infinity, symbol: '×' },
  div: { min: 2, max: 2, symbol: '÷' },
  pct: { min: 2, max: 2, symbol: '÷' },
  growth_pct: { min: 2, max: 2, symbol: '' },
};

/** Nesting deeper than this is rejected: it guards the recursion against hostile or broken files. */
export const MAX_FORMULA_DEPTH = 32;

type FormulaErrorKind = 'missing-ref' | 'division-by-zero' | 'cycle' | 'invalid';

export type FormulaResult =
  | { ok: true; value: number }
  | { ok: false; kind: FormulaErrorKind; error: string; ref?: string };

export interface EvaluateOptions {
  /**
   * Formulas of derived records. When a referenced id has an entry here and no value in `values`,
   * it is evaluated from its formula (recursively), and a reference chain that returns to a record
   * being evaluated is reported as a cycle.
   */
  formulas?: ReadonlyMap<string, Formula>;
  /** Id of the record the formula belongs to: a reference to itself is a cycle. */
  self?: string;
}

class FormulaError extends Error {
  constructor(
    readonly kind: FormulaErrorKind,
    message: string,
    readonly ref?: string,
  ) {
    super(message);
  }
}

/** True for a plain object shaped like a formula node (the validator checks the details). */
export function isFormula(x: unknown): x is Formula {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && 'op' in x && 'args' in x;
}

/**
 * Evaluate a formula against record values.
 *
 * @param formula the JSON formula
 * @param values  record id → number (the stated or stored value of every record)
 * @returns the value, or a clear error: missing reference, division by zero, cycle, invalid node
 */
export function evaluateFormula(
  formula: Formula,
  values: ReadonlyMap<string, number>,
  options: EvaluateOptions = {},
): FormulaResult {
  const stack: string[] = options.self ? [options.self] : [];
  try {
    return { ok: true, value: evalNode(formula, values, options.formulas, stack, 0) };
  } catch (e) {
    if (e instanceof FormulaError) return { ok: false, kind: e.kind, error: e.message, ref: e.ref };
    throw e;
  }
}

function evalArg(
  arg: FormulaArg,
  values: ReadonlyMap<string, number>,
  formulas: ReadonlyMap<string, Formula> | undefined,
  stack: string[],
  depth: number,
): number {
  if (typeof arg === 'number') {
    if (!Number.isFinite(arg)) throw new FormulaError('invalid', `公式中的数字无效：${String(arg)}`);
    return arg;
  }
  if (typeof arg === 'string') {
    if (stack.includes(arg)) {
      const path = [...stack.slice(stack.indexOf(arg)), arg].join(' → ');
      throw new FormulaError('cycle', `公式循环引用：${path}`, arg);
    }
    const v = values.get(arg);
    if (v !== undefined) return v;
    const f = formulas?.get(arg);
    if (f) {
      stack.push(arg);
      const r = evalNode(f, values, formulas, stack, depth + 1);
      stack.pop();
      return r;
    }
    throw new FormulaError('missing-ref', `公式引用的记录不存在：${arg}`, arg);
  }
  if (isFormula(arg)) return evalNode(arg, values, formulas, stack, depth + 1);
  throw new FormulaError('invalid', '公式参数必须是记录 id、数字或嵌套公式');
}

function evalNode(
  f: Formula,
  values: ReadonlyMap<string, number>,
  formulas: ReadonlyMap<string, Formula> | undefined,
  stack: string[],
  depth: number,
): number {
  if (depth > MAX_FORMULA_DEPTH) throw new FormulaError('invalid', `公式嵌套超过 ${MAX_FORMULA_DEPTH} 层`);
  const spec = Object.prototype.hasOwnProperty.call(FORMULA_OPS, f.op) ? FORMULA_OPS[f.op] : undefined;
  if (!spec) throw new FormulaError('invalid', `未知的公式运算：${String(f.op)}`);
  if (!Array.isArray(f.args) || f.args.length < spec.min || f.args.length > spec.max) {
    const want = spec.min === spec.max ? `${spec.min}` : `至少 ${spec.min}`;
    throw new FormulaError('invalid', `运算 ${f.op} 需要 ${want} 个参数`);
  }
  const a = f.args.map((x) => evalArg(x, values, formulas, stack, depth));
  switch (f.op) {
    case 'sum':
      return a.reduce((s, x) => s + x, 0);
    case 'mul':
      return a.reduce((s, x) => s * x, 1);
    case 'sub':
      return a[0] - a[1];
    case 'div':
      if (a[1] === 0) throw new FormulaError('division-by-zero', `除数为零：${describeArg(f.args[1])} = 0`);
      return a[0] / a[1];
    case 'pct':
      if (a[1] === 0) throw new FormulaError('division-by-zero', `除数为零：${describeArg(f.args[1])} = 0`);
      return (a[0] / a[1]) * 100;
    case 'growth_pct':
      if (a[1] === 0) throw new FormulaError('division-by-zero', `上年基数为零：${describeArg(f.args[1])} = 0`);
      return ((a[0] - a[1]) / a[1]) * 100;
  }
}

function describeArg(arg: FormulaArg): string {
  if (typeof arg === 'string' || typeof arg === 'number') return String(arg);
  return formulaToText(arg);
}

/** Every record id a formula refers to, in order of appearance (duplicates removed). */
export function formulaRefs(f: Formula): string[] {
  const out = new Set<string>();
  const walk = (x: FormulaArg, depth: number) => {
    if (depth > MAX_FORMULA_DEPTH) return;
    if (typeof x === 'string') out.add(x);
    else if (isFormula(x) && Array.isArray(x.args)) x.args.forEach((a) => walk(a, depth + 1));
  };
  walk(f, 0);
  return [...out];
}

/**
 * A readable one-line form of a formula, e.g. "(a − b) ÷ b × 100"; `label` names the records
 * (ids by default, the records' labels in the page).
 */
export function formulaToText(f: Formula, label: (id: string) => string = (id) => id, depth = 0): string {
  if (depth > MAX_FORMULA_DEPTH || !Array.isArray(f.args)) return '…';
  const s = f.args.map((a) =>
    typeof a === 'string' ? label(a) : typeof a === 'number' ? String(a) : `(${formulaToText(a, label, depth + 1)})`,
  );
  switch (f.op) {
    case 'pct':
      return `${s[0]} ÷ ${s[1]} × 100`;
    case 'growth_pct':
      return `(${s[0]} − ${s[1]}) ÷ ${s[1]} × 100`;
    default:
      return s.join(` ${FORMULA_OPS[f.op]?.symbol ?? '?'} `);
  }
}
