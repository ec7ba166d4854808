/**
 * Pure transforms behind the "controls" part of #/assets: 三公经费, 会议费, 培训费 (actual vs
 * budget vs last year, with every stated rate recomputed from the data) and staffing
 * (编制 vs 在编, control rate). Also the small record helpers the asset transforms share.
 *
 * Roles (actual, budget, last year …) are found from the records' structure and wording, not
 * from ids, so another unit's or year's file works without code changes.
 */
import { evaluateFormula, formulaRefs } from '../../domain/formula';
import type { Formula, Indicator, UnitYearFile } from '../../model/types';

/** id → value of every fact, measure and indicator of a file (what formulas refer to). */
export function valuesOf(file: Pick<UnitYearFile, 'facts' | 'measures' | 'indicators'>): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of file.facts) m.set(f.id, f.amount);
  for (const r of file.measures) m.set(r.id, r.value);
  for (const r of file.indicators) m.set(r.id, r.value);
  return m;
}

/** A stated rate/share beside the same figure recomputed from its parts. */
export interface RateCheck {
  id: string;
  label: string;
  /** The figure as printed. */
  stated: number;
  /** Recomputed from the data by the record's `recompute` formula; null when the report gives no parts. */
  recomputed: number | null;
  /** Decimals as printed (rounding tolerance). */
  decimals: number;
  /** true / false when recomputable: does the printed figure match the recomputation after rounding? */
  matches: boolean | null;
  /** Record ids the recomputation uses. */
  refs: string[];
}

/** Half a unit of the last printed decimal (plus float slack): the rounding tolerance of a stated rate. */
export function tolerance(decimals: number): number {
  return 0.5 * 10 ** -decimals + 1e-9;
}

/** Recompute one stated rate from its `recompute` formula. */
export function rateCheck(m: Indicator, values: ReadonlyMap<string, number>): RateCheck {
  const decimals = m.decimals ?? decimalsOf(m.value);
  let recomputed: number | null = null;
  if (m.recompute) {
    const r = evaluateFormula(m.recompute, values, { self: m.id });
    recomputed = r.ok ? r.value : null;
  }
  return {
    id: m.id,
    label: m.label,
    stated: m.value,
    recomputed,
    decimals,
    matches: recomputed === null ? null : Math.abs(recomputed - m.value) <= tolerance(decimals),
    refs: m.recompute ? formulaRefs(m.recompute) : [],
  };
}

/** Decimals a number was printed with, e.g. 97.6 → 1. */
export function decimalsOf(n: number): number {
  const s = String(n);
  return s.includes('.') ? s.split('.')[1].length : 0;
}

/** Record ids a measure's recompute formula (or, for derived records, its provenance formula) refers to. */
export function refsOf(m: Indicator): string[] {
  const f: Formula | undefined = m.recompute ?? (m.provenance.kind === 'derived' ? m.provenance.formula : undefined);
  return f ? formulaRefs(f) : [];
}

/** Strip a trailing parenthetical ("资产总额（账面净值）" → "资产总额"). */
export function baseLabel(label: string): string {
  return label.replace(/[（(].*?[）)]\s*$/, '').trim();
}

// ---------------------------------------------------------------------------------------------
// 三公经费 / 会议费 / 培训费

/** One controlled expense (三公经费, 会议费, 培训费) with its budget, last year and stated rates. */
export interface ControlItem {
  group: string;
  /** Display name from the group label, e.g. "“三公”经费". */
  name: string;
  actual: Indicator | null;
  budget: Indicator | null;
  prior: Indicator | null;
  /** Parts of the actual that sum to it (公务用车, 公务接待, 因公出国). */
  parts: Indicator[];
  /** Stated changes in money (比年初预算减少 2 万元 …). */
  changes: Indicator[];
  /** Stated rates with their recomputation. */
  rates: RateCheck[];
  /** Other quantities of the group (车辆保有量, 接待批次/人数 …). */
  counts: Indicator[];
}

const IS_CHANGE = /(比|较|与).*(增加|减少|下降|增长)/;
const IS_BUDGET = /预算(数|（推算）)?$|年初预算（推算）/;

/**
 * Split a control group's records into roles. The actual is the money record the others are
 * measured against; the budget and last-year records are recognised by wording ("预算",
 * "<year−1>年"); rates are the % records.
 */
export function controlItem(group: string, name: string, measures: Indicator[], values: ReadonlyMap<string, number>): ControlItem {
  const rows = measures.filter((m) => m.group === group);
  const money = rows.filter((m) => m.unit === '万元');
  const changes = money.filter((m) => IS_CHANGE.test(m.label));
  const plain = money.filter((m) => !IS_CHANGE.test(m.label));
  const year = rows[0]?.year ?? 0;
  const budget = plain.find((m) => IS_BUDGET.test(m.label)) ?? null;
  const prior = plain.find((m) => m.label.startsWith(`${year - 1}年`)) ?? null;
  const actual = plain.find((m) => m !== budget && m !== prior && m.parent === null) ?? null;
  const parts = actual ? plain.filter((m) => m.parent === actual.id) : [];
  const rates = rows.filter((m) => m.unit === '%').map((m) => rateCheck(m, values));
  const counts = rows.filter((m) => m.unit !== '万元' && m.unit !== '%');
  return { group, name, actual, budget, prior, parts, changes, rates, counts };
}

/** Every finance group with a budget-controlled expense, in the index's display order. */
export function controlItems(
  file: UnitYearFile,
  groups: Array<{ id: string; label: string }>,
  ids = ['sangong', 'meeting', 'training'],
): ControlItem[] {
  const values = valuesOf(file);
  return ids
    .filter((g) => file.measures.some((m) => m.group === g))
    .map((g) => controlItem(g, groups.find((x) => x.id === g)?.label ?? g, file.measures, values));
}

/** Rows for the actual / budget / last-year chart and table (one row per expense). */
export interface ControlRow {
  group: string;
  name: string;
  actual: number | null;
  budget: number | null;
  prior: number | null;
  /** The last-year figure is itself an approximation (derived from a rounded rate). */
  priorApprox: boolean;
  ids: string[];
}

export function controlRows(items: ControlItem[]): ControlRow[] {
  return items.map((it) => ({
    group: it.group,
    name: it.name,
    actual: it.actual?.value ?? null,
    budget: it.budget?.value ?? null,
    prior: it.prior?.value ?? null,
    priorApprox: !!it.prior && /近似/.test(it.prior.label),
    ids: [it.actual, it.budget, it.prior].flatMap((m) => (m ? [m.id] : [])),
  }));
}

// ---------------------------------------------------------------------------------------------
// Staffing

export interface Staffing {
  quota: Indicator | null;
  inPost: Indicator | null;
  /** Posts of the people in post (管理岗位, 专业技术岗位) that sum to it. */
  posts: Indicator[];
  /** People outside the quota (编外合同制, 劳务派遣). */
  outside: Indicator[];
  /** Other staffing figures (内设部室, 新增编制, 2021年编制, 驻守防疫 …). */
  other: Indicator[];
  /** Vacant posts = quota − in post (computed here). */
  vacant: number | null;
  /** Rates that refer to staffing records (编制内在职人员控制率), recomputed. */
  rates: RateCheck[];
}

export function staffing(file: UnitYearFile, group = 'staffing'): Staffing {
  const values = valuesOf(file);
  const rows = file.measures.filter((m) => m.group === group);
  const ids = new Set(rows.map((m) => m.id));
  const inPost = rows.find((m) => rows.some((c) => c.parent === m.id && c.sumsToParent)) ?? null;
  const posts = inPost ? rows.filter((m) => m.parent === inPost.id) : [];
  // The quota is what the control rate divides by; fall back to the wording.
  const rateRecs = file.measures.filter((m) => m.unit === '%' && m.recompute && formulaRefs(m.recompute).some((r) => ids.has(r)));
  const quotaId = rateRecs.map((m) => formulaRefs(m.recompute!)).find((r) => r.length === 2)?.[1];
  const quota = rows.find((m) => m.id === quotaId) ?? rows.find((m) => m.label === '编制数') ?? null;
  const outside = rows.filter((m) => m.unit === '人' && m !== inPost && !posts.includes(m) && /编外|派遣|合同/.test(m.label));
  const used = new Set([quota, inPost, ...posts, ...outside].filter(Boolean).map((m) => m!.id));
  return {
    quota,
    inPost,
    posts,
    outside,
    other: rows.filter((m) => !used.has(m.id)),
    vacant: quota && inPost ? quota.value - inPost.value : null,
    rates: rateRecs.map((m) => rateCheck(m, values)),
  };
}
