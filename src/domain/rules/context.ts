/**
 * What every rule receives: the file's records indexed once (cells, roll-ups, values, roles) and
 * the small helpers that make a RuleResult. Rules are pure functions `(ctx) => RuleResult[]`.
 */
import type { Fact, Indicator, RuleFamily, RuleGrade, RuleResult, UnitYearFile } from '../../model/types';
import { parseRole, type Phase } from '../../model/vocabulary';
import { formulaRefs } from '../formula';
import { treeOf, type Tree, type TreeInput } from '../tree';

export interface Trees {
  functional?: TreeInput;
  economic?: TreeInput;
}

export interface ReconcileOptions {
  /** The full text of the source document; enables the `quote` rule and the wording rules that read the text. */
  sourceText?: string;
  /** The unit's name as the index gives it; the report's title should name it (else `source.publisher` is used). */
  unitName?: string;
}

/** A fact, or a roll-up standing for the basis-specific facts it sums (`parts`). */
export interface RuleFact extends Fact {
  parts?: string[];
}

export interface RuleContext {
  file: UnitYearFile;
  ft: Tree;
  et: Tree;
  /** One fact per cell (the first stated); later duplicates are left to unique-cell. */
  facts: Fact[];
  /** Every fact of each cell, duplicates included. */
  cells: Map<string, Fact[]>;
  /** `facts` plus basis roll-ups (see basisRollups). */
  withRollups: RuleFact[];
  /** Measures and operational indicators together. */
  indicators: Indicator[];
  /** id → value of every fact, measure and indicator: what formulas refer to. */
  values: Map<string, number>;
  byId: Map<string, Indicator>;
  factById: Map<string, Fact>;
  sourceText?: string;
  unitName?: string;
}

/**
 * A record's name for a formula in words: its label, with its year when that is not the
 * report's ("公务接待费（2021年）"); the id only when no record has it (the validator reports that).
 */
export function recordName(ctx: RuleContext, id: string): string {
  const r = ctx.byId.get(id) ?? ctx.factById.get(id);
  if (!r) return id;
  return r.year !== ctx.file.reportYear ? `${r.label}（${r.year}年）` : r.label;
}

/** Round away float noise for the numbers stored in results. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0;

/** Display a number with at most `d` decimals ("311.07", "0", "-0.2"). */
export function fmt(x: number, d = 2): string {
  const s = Number(x.toFixed(d)).toString();
  return s === '-0' ? '0' : s;
}

export const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
export const groupKey = (...parts: unknown[]) => JSON.stringify(parts);

export function groupBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The full cell of a fact: one amount per cell. */
const cellKey = (f: Fact) => groupKey(f.year, f.phase, f.flow, f.source, f.basis, f.functional, f.economic);
export const idsOf = (f: RuleFact) => f.parts ?? [f.id];
export const statOf = (m: Indicator) => m.stat ?? 'value';
export const phaseOf = (m: Indicator): Phase => m.phase ?? '决算';

/**
 * One rule: its id (the first part of every key it makes), its title for people, its family, the
 * grade of its findings (a result may say otherwise), and the check.
 */
export interface Rule {
  id: string;
  title: string;
  family: RuleFamily;
  grade: RuleGrade;
  run(ctx: RuleContext): RuleResult[];
}

/** A result of `rule`; numbers are rounded to 6 decimals and record ids de-duplicated. */
export function result(
  rule: Pick<Rule, 'id' | 'title' | 'family' | 'grade'>,
  key: string,
  ok: boolean,
  numbers: Record<string, number>,
  records: string[],
  message: string,
  extra: { grade?: RuleGrade; span?: RuleResult['span'] } = {},
): RuleResult {
  const rounded: Record<string, number> = {};
  for (const [k, v] of Object.entries(numbers)) rounded[k] = r6(v);
  return {
    rule: rule.id,
    key,
    title: rule.title,
    status: ok ? 'pass' : 'fail',
    numbers: rounded,
    records: [...new Set(records)],
    message,
    grade: extra.grade ?? rule.grade,
    family: rule.family,
    ...(extra.span ? { span: extra.span } : {}),
  };
}

/**
 * Roll-ups for "all spending types together": a cell stated only per basis (e.g. 行政运行 only
 * under 基本支出) gets a basis-null stand-in worth the sum of its basis facts, so totals stated
 * without a basis can be checked against parts stated with one. Roll-ups are only ever children
 * or members of a sum, never the parent of a check.
 */
function basisRollups(facts: Fact[]): RuleFact[] {
  const out: RuleFact[] = [];
  for (const group of groupBy(facts, (f) => groupKey(f.year, f.phase, f.flow, f.source, f.functional, f.economic)).values()) {
    if (group.some((f) => f.basis === null)) continue;
    const g0 = group[0];
    out.push({
      ...g0,
      id: group.map((f) => f.id).join('+'),
      basis: null,
      amount: sum(group.map((f) => f.amount)),
      label: group.length === 1 ? g0.label : `${g0.label}（${group.map((f) => f.basis).join('+')}）`,
      parts: group.map((f) => f.id),
    });
  }
  return out;
}

export function buildContext(file: UnitYearFile, trees: Trees, opts: ReconcileOptions): RuleContext {
  const cells = groupBy(file.facts, cellKey);
  const facts = [...cells.values()].map((xs) => xs[0]);
  const indicators = [...file.measures, ...file.indicators];
  const values = new Map<string, number>();
  for (const f of file.facts) values.set(f.id, f.amount);
  for (const x of indicators) values.set(x.id, x.value);
  return {
    file,
    ft: treeOf(trees.functional),
    et: treeOf(trees.economic),
    facts,
    cells,
    withRollups: [...facts, ...basisRollups(facts)],
    indicators,
    values,
    byId: new Map(indicators.map((x) => [x.id, x])),
    factById: new Map(file.facts.map((f) => [f.id, f])),
    sourceText: opts.sourceText,
    unitName: opts.unitName,
  };
}

/** A total cell of a flow: every other dimension "all" (source, basis, functional, economic null). */
export function totalOf(ctx: RuleContext, year: number, phase: Phase, flow: Fact['flow']): Fact | undefined {
  return ctx.facts.find(
    (f) => f.year === year && f.phase === phase && f.flow === flow && f.source === null && f.basis === null && f.functional === null && f.economic === null,
  );
}

/** Measures with exactly this role, year, stat and phase (file order). */
export function measuresWith(ctx: RuleContext, role: string, year: number, stat = 'value', phase: Phase = '决算'): Indicator[] {
  return ctx.file.measures.filter((m) => m.role === role && m.year === year && statOf(m) === stat && phaseOf(m) === phase);
}

/** Qualified measures of a role name (`sangong.item` → every `sangong.item:…`) of one year/stat/phase. */
export function partsWith(ctx: RuleContext, name: string, year: number, phase: Phase = '决算'): Indicator[] {
  return ctx.file.measures.filter(
    (m) => m.role && parseRole(m.role).name === name && parseRole(m.role).qualifier !== null && m.year === year && statOf(m) === 'value' && phaseOf(m) === phase,
  );
}

/** True when `x` is derived by a formula that refers to `id` (checking one against the other is circular). */
export function derivedFrom(x: Fact | Indicator, id: string): boolean {
  return x.provenance.kind === 'derived' && formulaRefs(x.provenance.formula).includes(id);
}

/** A quantity of a role in one year and phase, with the records behind it. */
export interface RoleValue {
  value: number;
  unit: string;
  label: string;
  records: Array<Fact | Indicator>;
}

/** The money cell a fact-backed role names (vocabulary: "the amount is the fact"), or null. */
function cellOfRole(role: string): { flow: Fact['flow']; source: Fact['source']; basis: Fact['basis']; functional: string | null; economic: string | null } | null {
  const { name, qualifier } = parseRole(role);
  const cell = { flow: '支出' as Fact['flow'], source: null, basis: null, functional: null, economic: null };
  switch (name) {
    case 'income.total':
      return { ...cell, flow: '收入' };
    case 'income.source':
      return qualifier ? { ...cell, flow: '收入', source: qualifier as Fact['source'] } : null;
    case 'spending.total':
      return cell;
    case 'spending.type':
      return qualifier ? { ...cell, basis: qualifier as Fact['basis'] } : null;
    case 'spending.function':
      return qualifier ? { ...cell, functional: qualifier } : null;
    case 'spending.economic':
      return qualifier ? { ...cell, economic: qualifier } : null;
    default:
      return null;
  }
}

/**
 * The value of a role (stat `value`): its measure, else — for the roles whose quantity is a money
 * fact (本年收入合计, income by source, 本年支出合计, spending by type, function or economic class)
 * — that fact, or for a cell stated only per spending type, the sum of those facts.
 */
export function roleValue(ctx: RuleContext, role: string, year: number, phase: Phase): RoleValue | undefined {
  const m = measuresWith(ctx, role, year, 'value', phase)[0];
  if (m) return { value: m.value, unit: m.unit, label: m.label, records: [m] };
  const c = cellOfRole(role);
  if (!c) return undefined;
  const f = ctx.withRollups.find(
    (x) => x.year === year && x.phase === phase && x.flow === c.flow && x.source === c.source && x.basis === c.basis && x.functional === c.functional && x.economic === c.economic,
  );
  if (!f) return undefined;
  const records = (f.parts ?? [f.id]).map((id) => ctx.factById.get(id)!);
  return { value: f.amount, unit: ctx.file.currency, label: f.label, records };
}
