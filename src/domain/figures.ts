/**
 * Figures by role: how views, cards, the narrative and the rules find a measure without knowing
 * its record id, label, group or unit code. A unit's measures come from all its loaded reports;
 * where two reports state the same figure (a 2023 report restating 2022 as its 上年), the year's
 * own report wins, then the latest one.
 */
import type { Fact, Indicator, UnitYearFile } from '../model/types';
import {
  parseRole,
  roleSection,
  SANGONG_ITEM_PARTS,
  roleTitle,
  type ChangeBase,
  type Flow,
  type Phase,
  type RoleSection,
  type Source,
  type Basis,
  type Stat,
} from '../model/vocabulary';

/** One figure as a view shows it: the number, what it is, and the record behind it. */
export interface Figure {
  value: number;
  unit: string;
  year: number;
  /** The people-facing name of the quantity (from the role; the report's wording is `label`). */
  title: string;
  label: string;
  role: string | null;
  stat: Stat;
  base: ChangeBase | null;
  phase: Phase;
  approx: Indicator['approx'];
  /** Record ids behind the figure (one for a measure; several for a sum). */
  ids: string[];
  provenance: 'stated' | 'derived' | 'inferred';
  /** The report year of the file that states it. */
  reportYear: number;
}

export interface FigureQuery {
  role: string;
  year: number;
  /** Default 'value'. */
  stat?: Stat;
  /** For change/growth; default: any. */
  base?: ChangeBase;
  /** Default 决算. */
  phase?: Phase;
}

interface Entry {
  m: Indicator;
  reportYear: number;
}

const statOf = (m: Indicator): Stat => m.stat ?? 'value';
const phaseOf = (m: Indicator): Phase => m.phase ?? '决算';

/** A measure as a Figure, as the report of `reportYear` states it. */
export function figureOf(m: Indicator, reportYear: number): Figure {
  return {
    value: m.value,
    unit: m.unit,
    year: m.year,
    title: m.role ? roleTitle(m.role) : m.label,
    label: m.label,
    role: m.role ?? null,
    stat: statOf(m),
    base: m.base ?? null,
    phase: phaseOf(m),
    approx: m.approx,
    ids: [m.id],
    provenance: m.provenance.kind,
    reportYear,
  };
}
const toFigure = ({ m, reportYear }: Entry): Figure => figureOf(m, reportYear);

/** Own report first, then the latest report. */
const preference = (year: number) => (a: Entry, b: Entry) =>
  Number(b.reportYear === year) - Number(a.reportYear === year) || b.reportYear - a.reportYear;

/**
 * The measures of one unit, across every report of that unit that loaded. Pass only that unit's
 * files; the order does not matter.
 */
export class UnitFigures {
  private readonly byRole = new Map<string, Entry[]>();
  readonly measures: Entry[];

  constructor(files: readonly UnitYearFile[]) {
    this.measures = files.flatMap((f) => f.measures.map((m) => ({ m, reportYear: f.reportYear })));
    for (const e of this.measures) {
      if (!e.m.role) continue;
      const list = this.byRole.get(e.m.role) ?? [];
      list.push(e);
      this.byRole.set(e.m.role, list);
    }
  }

  private matches(q: FigureQuery): Entry[] {
    const stat = q.stat ?? 'value';
    const phase = q.phase ?? '决算';
    return (this.byRole.get(q.role) ?? [])
      .filter((e) => e.m.year === q.year && statOf(e.m) === stat && phaseOf(e.m) === phase && (q.base === undefined || e.m.base === q.base))
      .sort(preference(q.year));
  }

  /** The figure with exactly this role, year, stat and phase; null when no report states it. */
  get(q: FigureQuery): Figure | null {
    const hit = this.matches(q)[0];
    return hit ? toFigure(hit) : null;
  }

  /**
   * Every qualified figure of a role name (`sangong.item` → 公务接待, 因公出国（境）…), one per
   * qualifier, in the order the reports list them.
   */
  parts(name: string, year: number, opts: Omit<FigureQuery, 'role' | 'year'> = {}): Figure[] {
    const out: Figure[] = [];
    for (const role of this.byRole.keys()) {
      const p = parseRole(role);
      if (p.name !== name || p.qualifier === null) continue;
      const f = this.get({ ...opts, role, year });
      if (f) out.push(f);
    }
    return out;
  }

  /** Years for which any report states a figure of this role. */
  years(role: string): number[] {
    return [...new Set((this.byRole.get(role) ?? []).map((e) => e.m.year))].sort((a, b) => a - b);
  }

  /** The sections (三公, 资产 …) of which some figure of `year` is stated. */
  sections(year: number): Set<RoleSection> {
    const out = new Set<RoleSection>();
    for (const [role, list] of this.byRole) {
      const s = roleSection(role);
      if (s && list.some((e) => e.m.year === year)) out.add(s);
    }
    return out;
  }

  /** Measures of `year` that carry no role: shown in the full list only, never on a card. */
  unroled(year: number): Figure[] {
    return this.measures.filter((e) => !e.m.role && e.m.year === year).map(toFigure);
  }
}

/** A money fact's dimensions; `null` = all. Omitted fields default to the spending total's. */
export interface CellKey {
  flow?: Flow;
  source?: Source | null;
  basis?: Basis | null;
  functional?: string | null;
  economic?: string | null;
}

/** The stated fact with exactly this cell, or undefined. */
export function factAt(facts: readonly Fact[], year: number, phase: Phase, key: CellKey = {}): Fact | undefined {
  const k = { flow: '支出', source: null, basis: null, functional: null, economic: null, ...key };
  return facts.find(
    (f) =>
      f.year === year &&
      f.phase === phase &&
      f.flow === k.flow &&
      f.source === k.source &&
      f.basis === k.basis &&
      f.functional === k.functional &&
      f.economic === k.economic,
  );
}

/**
 * The one sentence every route uses for what a unit's report does not cover, instead of
 * drawing empty sections; null when nothing is missing.
 */
export function notCoveredSentence(year: number, titles: readonly string[]): string | null {
  const unique = [...new Set(titles)];
  return unique.length ? `本单位${year}年的报告未涉及：${unique.join('、')}。` : null;
}

/** Items of 三公 to show: a combined item hides its parts when both are stated (公务用车购置及运行维护). */
export function topItems(items: Figure[]): Figure[] {
  const names = new Set(items.map((f) => parseRole(f.role!).qualifier));
  const hidden = new Set(Object.entries(SANGONG_ITEM_PARTS).flatMap(([whole, parts]) => (names.has(whole) ? parts : [])));
  return items.filter((f) => !hidden.has(parseRole(f.role!).qualifier ?? ''));
}
