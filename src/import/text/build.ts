/**
 * Claims → the unit-year file. One record per fact cell and per measure key: a figure the report
 * repeats (行政运行187.17万元 appears in three places) is one record with the first quote; a
 * second, different number for the same cell is not written but listed for review. A figure
 * stated without its spending type that equals the same item stated under 基本支出 or 项目支出
 * is that item (and its economic parts take that type too). Derived records — last year from a
 * stated change or growth, budgets from "比年初预算减少X" or "完成预算X%", 本年支出 from
 * 支出总计 less 年末结转和结余 — carry their formula and never replace a stated figure.
 */
import { groupAssigner } from '../groups';
import type { Fact, Formula, Indicator, UnitYearFile } from '../../model/types';
import {
  ROLES,
  parseRole,
  roleSection,
  type Basis,
  type ChangeBase,
  type Flow,
  type Phase,
  type RoleSection,
  type RoleSpec,
  type Source,
  type Stat,
} from '../../model/vocabulary';
import type { ImportGroup, ReviewItem } from '../types';
import { cellRole, type Claim } from './extract';
import type { Cell, Target } from './roles';

const PHASE_CODE: Record<Phase, string> = { 年初预算: 'initial', 调整预算: 'adjusted', 决算: 'final' };
const FLOW_CODE: Record<Flow, string> = { 收入: 'income', 支出: 'spending', 年初结转和结余: 'carry-begin', 年末结转和结余: 'carry-end' };
const SOURCE_CODE: Record<Source, string> = {
  财政拨款: 'fiscal',
  一般公共预算财政拨款: 'gpb',
  政府性基金预算财政拨款: 'gf',
  国有资本经营预算财政拨款: 'soe',
  上级补助: 'superior',
  事业: 'shiye',
  经营: 'business',
  附属单位上缴: 'affiliated',
  其他: 'other',
};
const BASIS_CODE: Record<Basis, string> = { 基本支出: 'basic', 项目支出: 'project', 上缴上级支出: 'remit', 经营支出: 'business-exp', 对附属单位补助支出: 'subsidy' };

const r2 = (x: number) => Math.round(x * 100) / 100 + 0;
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const cellKey = (c: Cell, year: number, phase: Phase) => JSON.stringify([year, phase, c.flow, c.source, c.basis, c.functional, c.economic]);
const noBasisKey = (c: Cell, year: number, phase: Phase) => JSON.stringify([year, phase, c.flow, c.source, c.functional, c.economic]);

interface FactRec {
  cell: Cell;
  year: number;
  phase: Phase;
  amount: number;
  label: string;
  claim?: Claim;
  derived?: { formula: Formula; text: string };
  id: string;
}

interface MeasureRec {
  role?: string;
  stat: Stat;
  base?: ChangeBase;
  phase: Phase;
  year: number;
  value: number;
  unit: string;
  label: string;
  section: RoleSection;
  claim?: Claim;
  derived?: { formula: Formula; text: string };
  approx: Claim['approx'];
  decimals?: number;
  id: string;
  /** The thing the figure is about, for derivations: a fact cell key or a measure key. */
  about: string;
  completion?: boolean;
}

export interface BuildInput {
  claims: Claim[];
  unit: string;
  reportYear: number;
  source: UnitYearFile['source'];
  gaps: NonNullable<UnitYearFile['gaps']>;
  groups: ImportGroup[];
}

export interface Built {
  file: UnitYearFile;
  review: ReviewItem[];
  newGroups: ImportGroup[];
}

const reviewOf = (c: Claim, reason: string): ReviewItem => ({
  text: c.printed + (c.kind === 'money' ? '万元' : c.unit),
  value: c.value,
  context: c.sentence,
  where: { line: c.line },
  reason,
});

/** What a target is about, independent of phase, stat and year (derivations join on it). */
function aboutOf(t: Target): string {
  if (t.kind === 'fact') return `fact:${JSON.stringify([t.cell.flow, t.cell.source, t.cell.basis, t.cell.functional, t.cell.economic])}`;
  return t.free ? `label:${t.label}` : `role:${t.role}`;
}

/** The dashboard section of a figure without a role, by the words of its label. */
function freeSection(label: string): RoleSection {
  if (/编制|人员|职工|干部|职称|岗位|退休/.test(label)) return 'staff';
  if (/资产|房屋|设备|面积|土地/.test(label)) return 'assets';
  if (/车/.test(label)) return 'vehicles';
  if (/采购/.test(label)) return 'procurement';
  if (/会议/.test(label)) return 'meeting';
  if (/培训/.test(label)) return 'training';
  return 'performance';
}

function statLabel(label: string, stat: Stat, base: ChangeBase | undefined, whole?: string): string {
  if (stat === 'change') return `${label}${base === 'budget' ? '比预算' : '较上年'}增减`;
  if (stat === 'growth') return `${label}${base === 'budget' ? '比预算' : '较上年'}增长率`;
  if (stat === 'share') return `${label}占${whole || '比'}`;
  return label;
}

const measureKey = (about: string, year: number, stat: Stat, base: ChangeBase | undefined, phase: Phase, completion: boolean) =>
  JSON.stringify([about, year, stat, base ?? null, phase, completion]);

/** 1. Facts: one per cell; a second, different number for a cell goes to review. */
function collectFacts(claims: Claim[], review: ReviewItem[]): Map<string, FactRec> {
  const facts = new Map<string, FactRec>();
  for (const c of claims) {
    if (c.target.kind !== 'fact' || c.stat !== 'value' || c.completion) continue;
    const t = c.target;
    const k = cellKey(t.cell, c.year, t.phase);
    const have = facts.get(k);
    if (have) {
      if (!close(have.amount, c.value))
        review.push(reviewOf(c, `同一项目（${t.label}，${c.year}年${t.phase}）在第 ${have.claim?.line} 行已是 ${have.amount} 万元，这里是 ${c.value} 万元：未写入`));
      continue;
    }
    facts.set(k, { cell: t.cell, year: c.year, phase: t.phase, amount: c.value, label: t.label, claim: c, id: '' });
  }
  return facts;
}

/**
 * 2. A figure stated without spending type equal to the same item under one type is that item,
 * and the economic parts of such an item take that type too. Merged cells are removed from
 * `facts`; the returned aliases lead from their keys to the typed cell's.
 */
function mergeUntyped(facts: Map<string, FactRec>): Map<string, string> {
  const alias = new Map<string, string>();
  const wholeBasis = new Map<string, Basis>();
  for (const [k, f] of [...facts]) {
    if (f.cell.basis !== null || (!f.cell.functional && !f.cell.economic)) continue;
    const typed = [...facts.entries()].filter(
      ([k2, g]) => k2 !== k && g.cell.basis !== null && noBasisKey(g.cell, g.year, g.phase) === noBasisKey(f.cell, f.year, f.phase),
    );
    if (typed.length === 1 && close(typed[0][1].amount, f.amount)) {
      facts.delete(k);
      alias.set(k, typed[0][0]);
      if (f.cell.functional && !f.cell.economic) wholeBasis.set(JSON.stringify([f.year, f.phase, f.cell.flow, f.cell.source, f.cell.functional]), typed[0][1].cell.basis!);
    }
  }
  for (const [k, f] of [...facts]) {
    if (f.cell.basis !== null || !f.cell.functional || !f.cell.economic) continue;
    const b = wholeBasis.get(JSON.stringify([f.year, f.phase, f.cell.flow, f.cell.source, f.cell.functional]));
    if (!b) continue;
    const cell = { ...f.cell, basis: b };
    const k2 = cellKey(cell, f.year, f.phase);
    const other = facts.get(k2);
    if (other && !close(other.amount, f.amount)) continue;
    facts.delete(k);
    if (other) alias.set(k, k2);
    else {
      facts.set(k2, { ...f, cell });
      alias.set(k, k2);
    }
  }
  return alias;
}

/** 3. Measures: roles, and the changes, growths, shares and completions of any figure; a second, different number goes to review. */
function collectMeasures(claims: Claim[], review: ReviewItem[]): Map<string, MeasureRec> {
  const measures = new Map<string, MeasureRec>();
  for (const c of claims) {
    const t = c.target;
    const isFactValue = t.kind === 'fact' && c.stat === 'value' && !c.completion;
    if (isFactValue) continue;
    const about = aboutOf(t);
    const role = t.kind === 'measure' ? t.role : cellRole(t);
    const section: RoleSection =
      (role && roleSection(role)) || (t.kind === 'measure' && t.free ? freeSection(t.label) : t.kind === 'fact' && (t.cell.functional || t.cell.economic) ? 'spending' : 'totals');
    const label = c.completion ? `${t.label}完成预算` : statLabel(t.label + (t.phase !== '决算' && c.stat === 'value' && !(t.kind === 'measure' && t.free) && !/预算/.test(t.label) ? t.phase : ''), c.stat, c.base, c.whole);
    // "完成预算X%": the figure as a percentage of its budget (stat completion, against the budget).
    const stat: Stat = c.completion ? 'completion' : c.stat;
    const base: ChangeBase | undefined = c.completion ? 'budget' : c.base;
    const k = measureKey(about, c.year, stat, base, t.phase, Boolean(c.completion));
    const have = measures.get(k);
    if (have) {
      if (!close(have.value, c.value)) review.push(reviewOf(c, `“${label}”在第 ${have.claim?.line} 行已是 ${have.value}${have.unit}，这里是 ${c.value}${c.unit}：未写入`));
      continue;
    }
    measures.set(k, {
      role,
      stat,
      base,
      phase: t.phase,
      year: c.year,
      value: c.value,
      unit: c.unit,
      label,
      section,
      claim: c,
      approx: c.approx,
      decimals: c.kind === 'percent' ? c.decimals : undefined,
      id: '',
      about,
      completion: Boolean(c.completion),
    });
  }
  return measures;
}

/** 4. Ids, so formulas can name records: readable from the record's cell or role, unique within the file. */
function idMinter() {
  const used = new Set<string>();
  const unique = (parts: Array<string | number>) => {
    const baseId = parts
      .map(String)
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '');
    let id = baseId;
    for (let n = 2; used.has(id); n++) id = `${baseId}-${n}`;
    used.add(id);
    return id;
  };
  // A qualifier that is not a number (a project's name) is numbered in the order met: ids stay ASCII.
  const qualifiers = new Map<string, string>();
  return {
    fact: (f: FactRec) =>
      unique(['f', f.year, PHASE_CODE[f.phase], FLOW_CODE[f.cell.flow], f.cell.source ? SOURCE_CODE[f.cell.source] : '', f.cell.basis ? BASIS_CODE[f.cell.basis] : '', f.cell.functional ?? '', f.cell.economic ? `e${f.cell.economic}` : '']),
    measure: (m: MeasureRec) => {
      let slug = 'item';
      if (m.role) {
        const { name, qualifier } = parseRole(m.role);
        slug = name.replace(/\./g, '-');
        if (qualifier !== null) {
          if (/^\d+$/.test(qualifier)) slug += `-${qualifier}`;
          else {
            if (!qualifiers.has(m.role)) qualifiers.set(m.role, `q${qualifiers.size + 1}`);
            slug += `-${qualifiers.get(m.role)}`;
          }
        }
      }
      return unique(['m', m.year, slug, m.completion ? 'completion' : m.stat === 'value' ? '' : m.stat, m.base ?? '', m.phase === '决算' ? '' : PHASE_CODE[m.phase]]);
    },
  };
}

/** The records being built, as the derivation steps read and extend them. */
interface Store {
  facts: Map<string, FactRec>;
  /** Keys of merged cells → the key they were merged into. */
  alias: Map<string, string>;
  measures: Map<string, MeasureRec>;
  ids: ReturnType<typeof idMinter>;
}

/** The fact of a cell key, following a merge (at most two hops: untyped → typed → typed part). */
const factAt = (s: Store, k: string): FactRec | undefined => s.facts.get(s.alias.get(k) ?? k) ?? s.facts.get(s.alias.get(s.alias.get(k) ?? '') ?? '');

/** The plain value (fact amount or measure value) a figure is about, in one year and phase. */
function valueOf(s: Store, about: string, year: number, phase: Phase): { id: string; value: number; label: string; rec: FactRec | MeasureRec } | undefined {
  if (about.startsWith('fact:')) {
    const [flow, source, basis, functional, economic] = JSON.parse(about.slice(5));
    const f = factAt(s, cellKey({ flow, source, basis, functional, economic }, year, phase));
    return f ? { id: f.id, value: f.amount, label: f.label, rec: f } : undefined;
  }
  const m = s.measures.get(measureKey(about, year, 'value', undefined, phase, false));
  return m ? { id: m.id, value: m.value, label: m.label, rec: m } : undefined;
}

/** A derived record of `about` in one year and phase, shaped like `like`; never over a figure already there. */
function derive(s: Store, about: string, year: number, phase: Phase, value: number, formula: Formula, text: string, like: FactRec | MeasureRec): void {
  if (!Number.isFinite(value) || valueOf(s, about, year, phase)) return;
  if ('cell' in like) {
    // The change was stated of the figure as its sentence names it (often without spending
    // type), so last year's figure has that cell, not the merged one's.
    const [flow, source, basis, functional, economic] = JSON.parse(about.slice(5));
    const f: FactRec = { cell: { flow, source, basis, functional, economic }, year, phase, amount: r2(value), label: like.label, derived: { formula, text }, id: '' };
    f.id = s.ids.fact(f);
    s.facts.set(cellKey(f.cell, year, phase), f);
  } else {
    const isCount = (ROLES as Record<string, RoleSpec>)[parseRole(like.role ?? '').name]?.unit === 'count';
    const v = isCount ? Math.round(value) : r2(value);
    if (isCount && Math.abs(v - value) > 1e-9) return;
    const m: MeasureRec = { ...like, stat: 'value', base: undefined, phase, year, value: v, label: `${like.label}${phase === '决算' ? '' : phase}`, claim: undefined, derived: { formula, text }, approx: null, decimals: undefined, id: '', completion: false };
    m.label = `${year}年${like.label.replace(/(年初预算|调整预算)$/, '')}${phase === '决算' ? '' : phase}（推算）`;
    m.id = s.ids.measure(m);
    s.measures.set(measureKey(about, year, 'value', undefined, phase, false), m);
  }
}

/** 5a. Last year's figure from a stated change or growth, the budget from a change against it or a completion rate. */
function deriveFromStats(s: Store): void {
  const stats = [...s.measures.values()].filter((m) => m.claim && (m.stat === 'change' || m.stat === 'growth' || m.completion));
  for (const m of stats) {
    const now = valueOf(s, m.about, m.year, m.claim!.target.phase);
    if (!now) continue;
    const hasChange = (base: ChangeBase) => stats.some((x) => x.about === m.about && x.year === m.year && x.stat === 'change' && x.base === base);
    if (m.completion) {
      if (m.value === 0) continue;
      const phase = m.claim!.completion ?? '年初预算';
      derive(s, m.about, m.year, phase, now.value / (m.value / 100), { op: 'div', args: [now.id, { op: 'div', args: [m.id, 100] }] }, `${m.year}年${now.label} ÷ 完成预算百分比`, now.rec);
      continue;
    }
    const year = m.base === 'prev-year' ? (m.claim!.baseYear ?? m.year - 1) : m.year;
    const phase: Phase = m.base === 'budget' ? (m.claim!.budgetPhase ?? '年初预算') : now.rec.phase;
    const against = m.base === 'budget' ? phase : `${year}年`;
    if (m.stat === 'change') {
      derive(s, m.about, year, phase, now.value - m.value, { op: 'sub', args: [now.id, m.id] }, `${m.year}年${now.label} − 较${against}的增减额`, now.rec);
    } else if (!hasChange(m.base!) && m.value !== -100 && !(now.value === 0 && m.value === 0)) {
      derive(s, m.about, year, phase, now.value / (1 + m.value / 100), { op: 'div', args: [now.id, { op: 'sum', args: [1, { op: 'div', args: [m.id, 100] }] }] }, `${m.year}年${now.label} ÷（1 + 较${against}增长率）`, now.rec);
    }
  }
}

/** 5b. 本年支出 = 支出总计 − 年末结转和结余 (and 本年收入 = 收入总计 − 年初结转和结余), when only the totals are stated. */
function deriveYearTotals(s: Store): void {
  const emptyCell = (flow: Flow): Cell => ({ flow, source: null, basis: null, functional: null, economic: null });
  for (const [role, flow, carry] of [['spending.grand-total', '支出', '年末结转和结余'], ['income.grand-total', '收入', '年初结转和结余']] as const) {
    for (const m of [...s.measures.values()].filter((x) => x.role === role && x.stat === 'value' && x.phase === '决算' && x.claim)) {
      const c = factAt(s, cellKey(emptyCell(carry), m.year, '决算'));
      if (!c || factAt(s, cellKey(emptyCell(flow), m.year, '决算'))) continue;
      const f: FactRec = { cell: emptyCell(flow), year: m.year, phase: '决算', amount: r2(m.value - c.amount), label: flow === '支出' ? '本年支出合计' : '本年收入合计', derived: { formula: { op: 'sub', args: [m.id, c.id] }, text: `${m.label} − ${carry}` }, id: '' };
      f.id = s.ids.fact(f);
      s.facts.set(cellKey(f.cell, f.year, '决算'), f);
    }
  }
}

/** 6. Parents: a part role points at its whole of the same year and phase. */
function parentOf(measures: Map<string, MeasureRec>, m: MeasureRec): string | null {
  if (!m.role || m.stat !== 'value') return null;
  const spec = (ROLES as Record<string, RoleSpec>)[parseRole(m.role).name];
  if (!spec?.partOf) return null;
  const whole = measures.get(measureKey(`role:${spec.partOf}`, m.year, 'value', undefined, m.phase, false));
  return whole ? whole.id : null;
}

const provenanceOf = (claim: Claim | undefined, derived: { formula: Formula; text: string } | undefined): Fact['provenance'] =>
  derived ? { kind: 'derived', formula: derived.formula, text: derived.text } : { kind: 'stated', quote: claim!.quote, section: claim!.section };
const noteOf = (claim: Claim | undefined) => (claim && claim.notes.length ? { note: claim.notes.join('；') } : {});

/** The file's fact records, in the order the cells were first met. */
function factRecords(facts: Map<string, FactRec>): Fact[] {
  return [...facts.values()].map((f) => ({
    id: f.id,
    year: f.year,
    phase: f.phase,
    flow: f.cell.flow,
    source: f.cell.source,
    basis: f.cell.basis,
    functional: f.cell.functional,
    economic: f.cell.economic,
    amount: f.amount,
    label: f.label,
    provenance: provenanceOf(f.claim, f.derived),
    ...noteOf(f.claim),
  }));
}

/** 7. The file's measure records, each in the group of its dashboard section, with its parent. */
function measureRecords(measures: Map<string, MeasureRec>, groupOf: (section: RoleSection) => string): Indicator[] {
  return [...measures.values()].map((m) => ({
    id: m.id,
    group: groupOf(m.section),
    ...(m.role ? { role: m.role } : {}),
    ...(m.stat !== 'value' ? { stat: m.stat } : {}),
    ...(m.base ? { base: m.base } : {}),
    ...(m.phase !== '决算' ? { phase: m.phase } : {}),
    label: m.label,
    value: m.value,
    unit: m.unit,
    year: m.year,
    approx: m.approx,
    cumulative: false,
    parent: parentOf(measures, m),
    ...(m.decimals !== undefined ? { decimals: m.decimals } : {}),
    provenance: provenanceOf(m.claim, m.derived),
    ...noteOf(m.claim),
  }));
}

/** Build the file from the claims, in the numbered steps above (each later one reads what the earlier ones made). */
export function build(input: BuildInput): Built {
  const review: ReviewItem[] = [];
  const facts = collectFacts(input.claims, review);
  const alias = mergeUntyped(facts);
  const measures = collectMeasures(input.claims, review);
  const ids = idMinter();
  for (const f of facts.values()) f.id = ids.fact(f);
  for (const m of measures.values()) m.id = ids.measure(m);
  const store: Store = { facts, alias, measures, ids };
  deriveFromStats(store);
  deriveYearTotals(store);
  const { groupOf, newGroups } = groupAssigner(input.groups);
  const file: UnitYearFile = {
    unit: input.unit,
    reportYear: input.reportYear,
    currency: '万元',
    source: input.source,
    ...(input.gaps.length ? { gaps: input.gaps } : {}),
    facts: factRecords(facts),
    measures: measureRecords(measures, groupOf),
    indicators: [],
    knownIssues: [],
  };
  return { file, review, newGroups };
}
