/**
 * The overview's key figures, read from the data (facts by key, measures by id), with the
 * record ids behind each so every card can show its source. Rates are computed by the
 * standard formulas and shown beside the rates the report states.
 */
import type { ColumnTable } from 'arquero';
import { makeLookup, slice, type Amount, type Trees } from '../../domain/drill';
import type { Indicator } from '../../model/types';

export interface Figure {
  value: number;
  ids: string[];
}

export interface Rate {
  /** Computed by the standard formula, in %. */
  computed: number;
  formula: string;
  ids: string[];
  /** What the report prints, when it has a measure for this rate. */
  stated: Figure | null;
}

export interface OverviewFigures {
  year: number;
  prevYear: number | null;
  total: Figure | null;
  prevTotal: Figure | null;
  basic: Figure | null;
  project: Figure | null;
  prevBasic: Figure | null;
  prevProject: Figure | null;
  initial: Figure | null;
  adjusted: Figure | null;
  /** 决算 / 调整预算 */
  completion: Rate | null;
  /** 决算 / 年初预算 */
  completionOfInitial: Rate | null;
  /** (调整预算 − 年初预算) / 年初预算 */
  adjustment: Rate | null;
  sangong: Figure | null;
  sangongBudget: Figure | null;
  prevSangong: Figure | null;
  staffQuota: Figure | null;
  staffInPost: Figure | null;
  prevStaffQuota: Figure | null;
}

/** Stated measures behind the cards, by id (the data's stable record ids). */
export const MEASURE_IDS = {
  completionRate: 'm-budget-completion-rate',
  adjustRate: 'm-budget-adjust-rate',
  sangong: 'm-sangong-total',
  sangongBudget: 'm-sangong-budget',
  staffQuota: 'm-staff-quota',
  staffInPost: 'm-staff-inpost',
} as const;

const fig = (a: Amount | null | undefined): Figure | null => (a ? { value: a.amount, ids: a.ids } : null);
const mfig = (m: Indicator | undefined): Figure | null => (m ? { value: m.value, ids: [m.id] } : null);

/**
 * Key figures of one unit and year. `measures` are all the unit's measures (any report);
 * a previous-year measure is the one of the same group, unit and parent with the previous year.
 */
export function overviewFigures(
  facts: ColumnTable,
  measures: Indicator[],
  unit: string,
  year: number,
  trees: Trees,
  prevYear: number | null = year - 1,
): OverviewFigures {
  const all = { basis: null, functional: null, economic: null } as const;
  const cur = makeLookup(slice(facts, unit, year, '决算'), trees);
  const prevRows = prevYear === null ? [] : slice(facts, unit, prevYear, '决算');
  const prev = prevRows.length ? makeLookup(prevRows, trees) : () => null;
  const initial = fig(makeLookup(slice(facts, unit, year, '年初预算'), trees)(all));
  const adjusted = fig(makeLookup(slice(facts, unit, year, '调整预算'), trees)(all));
  const total = fig(cur(all));

  const byId = (id: string) => measures.find((m) => m.id === id && m.year === year);
  const prevOf = (m: Indicator | undefined) =>
    m && prevYear !== null ? measures.find((p) => p.year === prevYear && p.group === m.group && p.unit === m.unit && p.parent === m.parent && p.id !== m.id && !p.id.includes('-pct') && sameKind(p, m)) : undefined;

  const rate = (num: Figure | null, den: Figure | null, formula: string, stated: Indicator | undefined, minus?: Figure | null): Rate | null =>
    num && den && den.value !== 0
      ? {
          computed: (((num.value - (minus?.value ?? 0)) / den.value) * 100),
          formula,
          ids: [...num.ids, ...den.ids, ...(minus?.ids ?? [])].filter((v, i, a) => a.indexOf(v) === i),
          stated: mfig(stated),
        }
      : null;

  const sangong = byId(MEASURE_IDS.sangong);
  const quota = byId(MEASURE_IDS.staffQuota);
  return {
    year,
    prevYear: prevRows.length ? prevYear : null,
    total,
    prevTotal: fig(prev(all)),
    basic: fig(cur({ ...all, basis: '基本支出' })),
    project: fig(cur({ ...all, basis: '项目支出' })),
    prevBasic: fig(prev({ ...all, basis: '基本支出' })),
    prevProject: fig(prev({ ...all, basis: '项目支出' })),
    initial,
    adjusted,
    completion: rate(total, adjusted, '决算 ÷ 调整预算 × 100%', byId(MEASURE_IDS.completionRate)),
    completionOfInitial: rate(total, initial, '决算 ÷ 年初预算 × 100%', undefined),
    adjustment: rate(adjusted, initial, '（调整预算 − 年初预算）÷ 年初预算 × 100%', byId(MEASURE_IDS.adjustRate), initial),
    sangong: mfig(sangong),
    sangongBudget: mfig(byId(MEASURE_IDS.sangongBudget)),
    prevSangong: mfig(prevOf(sangong)),
    staffQuota: mfig(quota),
    staffInPost: mfig(byId(MEASURE_IDS.staffInPost)),
    prevStaffQuota: mfig(prevOf(quota)),
  };
}

/** Two measures speak of the same quantity when their labels share the key noun (e.g. 三公, 编制). */
function sameKind(a: Indicator, b: Indicator): boolean {
  const keys = ['三公', '编制', '在编', '会议', '培训', '资产'];
  return keys.some((k) => a.label.includes(k) && b.label.includes(k));
}

export interface StructureRow {
  key: string;
  code: string;
  label: string;
  basic: number | null;
  project: number | null;
  total: number;
  share: number;
  ids: string[];
}

/** Spending by top-level functional category, split by basis where the data splits it. */
export function functionStructure(facts: ColumnTable, unit: string, year: number, trees: Trees): StructureRow[] {
  const v = makeLookup(slice(facts, unit, year, '决算'), trees);
  const all = { basis: null, functional: null, economic: null } as const;
  const total = v(all)?.amount ?? 0;
  return trees.functional
    .filter((n) => n.parent === null)
    .flatMap((n) => {
      const t = v({ ...all, functional: n.code });
      if (!t) return [];
      return [
        {
          key: `f:${n.code}`,
          code: n.code,
          label: n.name,
          basic: v({ ...all, basis: '基本支出', functional: n.code })?.amount ?? null,
          project: v({ ...all, basis: '项目支出', functional: n.code })?.amount ?? null,
          total: t.amount,
          share: total ? (t.amount / total) * 100 : 0,
          ids: t.ids,
        },
      ];
    })
    .sort((a, b) => b.total - a.total);
}
