/**
 * Figures found by role, as the assets route shows them: a title from the role (with its stat,
 * base, phase and year), the value in the display unit, the stated-vs-recomputed check of rates
 * and shares, and the record ids behind each. Pure; the route model composes these into panels.
 */
import type { Indicator, RuleResult, UnitYearFile } from '../../model/types';
import { parseRole } from '../../model/vocabulary';
import { UnitFigures, type Figure } from '../../domain/figures';
import { decimalsOf } from '../../domain/check';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY, count, moneyWithUnit, pct, signed } from '../../ui/format';

/** The rules whose results recompute one stated figure (their key is `<rule>:<record id>`). */
const CHECK_RULES = new Set(['recompute', 'share', 'change']);

/** A stated rate or share beside its recomputation from other figures. */
export interface StatedCheck {
  /** Record id of the stated figure. */
  key: string;
  stated: number;
  decimals: number;
  /** null when the data gives nothing to recompute it from. */
  recomputed: number | null;
  ok: boolean | null;
  /** Records the recomputation uses. */
  refs: string[];
  /** How it was recomputed (the rule's sentence), for the source note. */
  how: string;
  /** Key of the rule result (its entry on #/quality). */
  result: string;
  /** "报告 97.6% · 复算 97.62% ✓". */
  text: string;
}

/** One figure as a card: what it is, the value as shown, its markers and the records behind it. */
export interface Card {
  key: string;
  title: string;
  value: string;
  note?: string;
  badges: string[];
  ids: string[];
  focused: boolean;
}

const SIGNED_DECIMALS: Record<MoneyUnit, number> = { yuan: 0, wan: 2, yi: 4 };

/** The unit's measures with the files that state them (recompute formulas, record values). */
export class FigureBook {
  readonly figures: UnitFigures;
  private readonly records = new Map<string, { m: Indicator; file: UnitYearFile }>();
  /** Record id → the rule result that recomputes it. */
  private readonly checks = new Map<string, RuleResult>();

  constructor(
    readonly files: readonly UnitYearFile[],
    readonly year: number,
    readonly money: MoneyUnit,
    readonly focus: string | null,
    results: readonly RuleResult[] = [],
  ) {
    this.figures = new UnitFigures(files);
    for (const r of results) {
      const [rule, id] = [r.key.slice(0, r.key.indexOf(':')), r.key.slice(r.key.indexOf(':') + 1)];
      if (CHECK_RULES.has(rule) && r.records.includes(id)) this.checks.set(id, r);
    }
    for (const file of files) for (const m of file.measures) if (!this.records.has(m.id) || file.reportYear === m.year) this.records.set(m.id, { m, file });
  }

  record(id: string): Indicator | undefined {
    return this.records.get(id)?.m;
  }

  /** The figure of a role this year (决算 value unless told otherwise). */
  get(role: string, q: Omit<Parameters<UnitFigures['get']>[0], 'role' | 'year'> & { year?: number } = {}): Figure | null {
    return this.figures.get({ ...q, role, year: q.year ?? this.year });
  }

  /** Qualified figures of a role name this year (`sangong.item` → 公务接待 …), in report order. */
  parts(name: string): Figure[] {
    return this.figures.parts(name, this.year);
  }

  /**
   * Every figure whose role belongs to one of `names` (any stat, base or phase), this year and
   * the year before, one per distinct quantity, in report order.
   */
  ofRoles(names: readonly string[]): Figure[] {
    const set = new Set(names);
    const seen = new Set<string>();
    const out: Figure[] = [];
    for (const { m } of this.figures.measures) {
      if (!m.role || !set.has(parseRole(m.role).name) || (m.year !== this.year && m.year !== this.year - 1)) continue;
      const q = { role: m.role, year: m.year, stat: m.stat ?? 'value', base: m.base, phase: m.phase ?? '决算' } as const;
      const k = JSON.stringify(q);
      if (seen.has(k)) continue;
      seen.add(k);
      const f = this.figures.get(q);
      if (f) out.push(f);
    }
    return out;
  }

  /**
   * The check of a stated rate, share, change or growth, exactly as the rules made it (their
   * `recompute`, `share` and `change` results for this record), so a figure is marked consistent
   * here exactly when #/quality says it is. null when no rule checks it (nothing to recompute it
   * from, or a base that was itself worked out from this figure).
   */
  check(f: Figure): StatedCheck | null {
    const id = f.ids[0];
    const r = this.checks.get(id);
    if (!r) return null;
    const decimals = this.record(id)?.decimals ?? decimalsOf(f.value);
    const recomputed = r.numbers.expected ?? null;
    const ok = recomputed === null ? null : r.status === 'pass';
    const shown = this.valueText(f);
    const re = recomputed === null ? '' : f.unit === '%' ? pct(recomputed, 2) : f.unit === '万元' ? moneyWithUnit(recomputed, this.money) : `${count(Math.round(recomputed * 100) / 100)} ${f.unit}`;
    const text = recomputed === null ? `报告 ${shown} · 无法复算` : `报告 ${shown} · 复算 ${re}${ok ? ' ✓' : ' ≠'}`;
    return { key: id, stated: f.value, decimals, recomputed, ok, refs: r.records.filter((x) => x !== id), how: r.message, text, result: r.key };
  }

  /** People-facing name: the role's title, then what the number is relative to it. */
  title(f: Figure): string {
    let t = f.title;
    if (f.year !== this.year) t = `${f.year}年${t}`;
    if (f.phase !== '决算') t = `${t}（${f.phase}）`;
    const against = f.base === 'budget' ? '较预算' : '较上年';
    if (f.stat === 'change') t += `${against}增减`;
    if (f.stat === 'growth') t += `${against}增长率`;
    if (f.stat === 'share') t += '占比';
    if (f.stat === 'completion') t += '完成预算比例';
    return t;
  }

  /** The value with its unit in the display unit; changes and growths signed. */
  valueText(f: Pick<Figure, 'value' | 'unit' | 'stat' | 'approx' | 'ids'>): string {
    const signedStat = f.stat === 'change' || f.stat === 'growth';
    const d = this.record(f.ids[0])?.decimals ?? decimalsOf(f.value);
    let text: string;
    if (f.unit === '万元')
      text = signedStat ? `${signed(f.value * MONEY[this.money].factor, SIGNED_DECIMALS[this.money])} ${MONEY[this.money].label}` : moneyWithUnit(f.value, this.money);
    else if (f.unit === '%') text = signedStat ? `${signed(f.value, d)}%` : pct(f.value, d);
    else text = `${signedStat ? signed(f.value, d) : count(f.value)} ${f.unit}`;
    if (f.approx === '余') return `${text}（余）`;
    return f.approx ? `${f.approx}${text}` : text;
  }

  /** A figure as a card, its check (if any) as the note. */
  card(f: Figure, extra: { note?: string } = {}): Card {
    const c = this.check(f);
    const badges = f.provenance === 'derived' ? ['推算'] : f.provenance === 'inferred' ? ['推定'] : [];
    const note = [extra.note, c?.text].filter(Boolean).join('；') || undefined;
    return { key: f.ids[0], title: this.title(f), value: this.valueText(f), note, badges, ids: f.ids, focused: f.ids.includes(this.focus ?? '') };
  }
}
