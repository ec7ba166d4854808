/**
 * The search over every loaded figure: money facts, measures, operational indicators and rule
 * findings of all units and years. Each hit carries its value, unit, year and source, and the
 * view that shows it (route, unit, year, drill path and the focus that highlights it).
 *
 * Built once per loaded dataset, queried per keystroke. At a million fact rows the per-keystroke
 * cost must stay far below a frame budget (scripts/bench/search.mjs measures it), so facts are
 * not matched one by one: rows sharing a label, codes, spending type, flow and fund source form
 * one group whose text (and pinyin initials) is matched once; only numeric words (an amount, a
 * year) are checked per row, against typed arrays.
 *
 * A query is split into words; a hit must match every word. A word matches a figure's name, its
 * classification codes and names, its spending type, flow or fund source (case-insensitive
 * substring), the pinyin initials of those names (`xxwl` → 信息网络…), and a numeric word also the
 * amount (`598.34` exactly to its decimals; `598` any amount whose integer part starts 598) or the
 * fact year (`2021`).
 */
import type { ColumnTable } from 'arquero';
import { pinyin } from 'pinyin-pro';
import { PROVENANCE_LABEL } from '../../domain/provenance';
import type { Trees } from '../../domain/spending/types';
import { treeOf } from '../../domain/tree';
import type { DrillStep, Route } from '../../model/routes';
import type { RuleResult, UnitYearFile } from '../../model/types';
import type { MoneyUnit } from '../../model/vocabulary';
import { moneyWithUnit } from '../../ui/format';
import { recordTarget } from '../../domain/findings';

export type HitKind = 'fact' | 'measure' | 'indicator' | 'finding';

export const KIND_LABEL: Record<HitKind, string> = { fact: '金额', measure: '指标', indicator: '运行指标', finding: '核对发现' };

/** The view a hit opens: every part the selection store needs. */
export interface HitView {
  route: Route;
  unit: string;
  year: number;
  path: DrillStep[];
  /** What the opened view highlights: a drill step, a record id or a rule result key. */
  focus: string | null;
}

export interface SearchHit {
  /** Unique among hits (the listbox option's id is made from it). */
  id: string;
  kind: HitKind;
  label: string;
  /** Where in the classification or report it sits: "项目支出 · 206 科学技术支出 › 31007 信息网络及软件购置更新 · 决算". */
  detail: string;
  /** The figure as the page prints it, e.g. "598.34 万元"; '' for a finding without one. */
  value: string;
  unitName: string;
  year: number;
  /** The report it comes from, and how (报告原文 / 推算 …). */
  source: string;
  view: HitView;
}

export interface SearchInput {
  /** All facts of all units (the store's facts table); null when none loaded. */
  facts: ColumnTable | null;
  /** Every validated unit-year file (measures, indicators, report citations). */
  files: readonly UnitYearFile[];
  /** Rule results per loaded report. */
  results: ReadonlyArray<{ unit: string; year: number; results: readonly RuleResult[] }>;
  /** Unit ids and names (the index). */
  units: ReadonlyArray<{ id: string; name: string }>;
  trees: Trees;
}

/** A small record (measure, indicator, finding) with its text and its hit made in advance. */
interface Doc {
  text: string;
  initials: string;
  amount: number | null;
  year: number;
  hit: Omit<SearchHit, 'value'> & { amountUnit: string | null; rawValue: number | null };
}

interface Group {
  text: string;
  initials: string;
  /** The label, lower-cased: an exact or prefix match on it ranks first. */
  name: string;
  /** The group's rows are positions start … end − 1 of the index's row arrays. */
  start: number;
  end: number;
}

/** The built index: opaque to callers, queried with `search`. */
export interface SearchIndex {
  groups: Group[];
  /** Fact columns the hits are made from. */
  cols: {
    unit: ArrayLike<string>;
    reportYear: ArrayLike<number>;
    id: ArrayLike<string>;
    year: ArrayLike<number>;
    phase: ArrayLike<string>;
    flow: ArrayLike<string>;
    source: ArrayLike<string | null>;
    basis: ArrayLike<string | null>;
    functional: ArrayLike<string | null>;
    economic: ArrayLike<string | null>;
    amount: ArrayLike<number>;
    label: ArrayLike<string>;
    provenance: ArrayLike<string>;
  } | null;
  /**
   * Per row, laid out group after group so a group's rows are read in one sequential sweep:
   * the fact row, |amount| rounded to cents, the digit count of its integer part, the year.
   */
  row: Uint32Array;
  abs: Float64Array;
  digits: Uint8Array;
  year: Int32Array;
  docs: Doc[];
  unitNames: Map<string, string>;
  reports: Map<string, string>;
  names: { f: Map<string, string>; e: Map<string, string> };
  trees: Trees;
}

const SEP = '\u0001';

/** Pinyin initials of the Chinese in a text, lower-case; other characters kept as they are. */
export function initialsOf(text: string): string {
  if (!/[\u4e00-\u9fff]/.test(text)) return text.toLowerCase();
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase();
}

const named = (code: string | null, names: Map<string, string>) => (code ? `${code} ${names.get(code) ?? ''}` : '');

type Cols = NonNullable<SearchIndex['cols']>;
type Names = SearchIndex['names'];

/** The facts table's columns, read once as arrays. */
function factColumns(t: ColumnTable): Cols {
  const col = <T>(name: string) => t.array(name) as unknown as ArrayLike<T>;
  return {
    unit: col('unit'),
    reportYear: col('reportYear'),
    id: col('id'),
    year: col('year'),
    phase: col('phase'),
    flow: col('flow'),
    source: col('source'),
    basis: col('basis'),
    functional: col('functional'),
    economic: col('economic'),
    amount: col('amount'),
    label: col('label'),
    provenance: col('provenance'),
  };
}

/**
 * Rows sharing a label, codes, spending type, flow and fund source are matched once, as a group:
 * the groups (their text, initials and name), each row's group and each group's row count.
 */
function groupRows(c: Cols, n: number, names: Names): { groups: Group[]; groupOf: Uint32Array; counts: number[] } {
  const groups: Group[] = [];
  const groupOf = new Uint32Array(n);
  const byKey = new Map<string, number>();
  const counts: number[] = [];
  for (let r = 0; r < n; r++) {
    const key = `${c.label[r]}${SEP}${c.functional[r]}${SEP}${c.economic[r]}${SEP}${c.basis[r]}${SEP}${c.flow[r]}${SEP}${c.source[r]}`;
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      const words = [c.label[r], named(c.functional[r], names.f), named(c.economic[r], names.e), c.basis[r] ?? '', c.flow[r], c.source[r] ?? ''];
      groups.push({
        text: words.join(' ').toLowerCase(),
        initials: initialsOf([c.label[r], names.f.get(c.functional[r] ?? '') ?? '', names.e.get(c.economic[r] ?? '') ?? ''].join(' ')),
        name: String(c.label[r]).toLowerCase(),
        start: 0,
        end: 0,
      });
      counts.push(0);
    }
    groupOf[r] = g;
    counts[g]++;
  }
  return { groups, groupOf, counts };
}

/** Lay the rows out group after group (setting each group's range): row, |amount| to cents, integer digits, year. */
function layOutRows(c: Cols, n: number, grouped: ReturnType<typeof groupRows>): Pick<SearchIndex, 'row' | 'abs' | 'digits' | 'year'> {
  const { groups, groupOf, counts } = grouped;
  let at = 0;
  for (let g = 0; g < groups.length; g++) {
    groups[g].start = groups[g].end = at;
    at += counts[g];
  }
  const row = new Uint32Array(n);
  const abs = new Float64Array(n);
  const digits = new Uint8Array(n);
  const year = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const p = groups[groupOf[r]].end++;
    const a = Math.round(Math.abs(c.amount[r]) * 100) / 100;
    row[p] = r;
    abs[p] = a;
    digits[p] = a < 1 ? 1 : Math.floor(Math.log10(a)) + 1;
    year[p] = c.year[r];
  }
  return { row, abs, digits, year };
}

/** The facts' columns, groups and row layout; empty without facts. */
function indexFacts(t: ColumnTable | null, names: Names): Pick<SearchIndex, 'cols' | 'groups' | 'row' | 'abs' | 'digits' | 'year'> {
  const n = t?.numRows() ?? 0;
  if (!t || !n) return { cols: null, groups: [], row: new Uint32Array(0), abs: new Float64Array(0), digits: new Uint8Array(0), year: new Int32Array(0) };
  const cols = factColumns(t);
  const grouped = groupRows(cols, n, names);
  return { cols, groups: grouped.groups, ...layOutRows(cols, n, grouped) };
}

/** One document per measure and indicator that a view can show. */
function recordDocs(input: SearchInput, reports: Map<string, string>, unitName: (u: string) => string): Doc[] {
  const docs: Doc[] = [];
  for (const f of input.files) {
    const report = reports.get(`${f.unit}${SEP}${f.reportYear}`) ?? '';
    for (const [kind, list] of [['measure', f.measures], ['indicator', f.indicators]] as const)
      for (const m of list) {
        const t = recordTarget(m.id, f, input.trees);
        if (!t) continue;
        docs.push({
          text: [m.label, m.role ?? '', m.unit].join(' ').toLowerCase(),
          initials: initialsOf(m.label),
          amount: m.value,
          year: m.year,
          hit: {
            id: `${kind}:${f.unit}:${f.reportYear}:${m.id}`,
            kind,
            label: m.label,
            detail: m.provenance.kind === 'stated' ? (m.provenance.section ?? '') : '',
            unitName: unitName(f.unit),
            year: m.year,
            source: `${PROVENANCE_LABEL[m.provenance.kind]} · ${report}`,
            view: { route: t.route, unit: f.unit, year: t.year, path: t.path, focus: t.focus },
            amountUnit: m.unit,
            rawValue: m.value,
          },
        });
      }
  }
  return docs;
}

/** One document per check that did not pass, opening it on the quality page. */
function findingDocs(input: SearchInput, reports: Map<string, string>, unitName: (u: string) => string): Doc[] {
  const docs: Doc[] = [];
  for (const rep of input.results) {
    const file = input.files.find((f) => f.unit === rep.unit && f.reportYear === rep.year);
    const report = reports.get(`${rep.unit}${SEP}${rep.year}`) ?? '';
    for (const r of rep.results) {
      if (r.status === 'pass') continue;
      const nums = Object.values(r.numbers);
      docs.push({
        text: [r.title, r.message, r.rule, r.span?.text ?? '', ...nums.map(String)].join(' ').toLowerCase(),
        initials: initialsOf(r.title),
        amount: null,
        year: rep.year,
        hit: {
          id: `finding:${rep.unit}:${rep.year}:${r.key}`,
          kind: 'finding',
          label: r.title,
          detail: r.message,
          unitName: unitName(rep.unit),
          year: rep.year,
          source: `${r.status === 'known' ? '已知不一致' : '核对未通过'} · ${report || file?.source.title || ''}`,
          view: { route: 'quality', unit: rep.unit, year: rep.year, path: [], focus: r.key },
          amountUnit: null,
          rawValue: null,
        },
      });
    }
  }
  return docs;
}

/** Build the index over everything loaded: fact groups and their rows, then record and finding documents. */
export function buildSearchIndex(input: SearchInput): SearchIndex {
  const names: Names = {
    f: new Map(input.trees.functional.map((n) => [n.code, n.name])),
    e: new Map(input.trees.economic.map((n) => [n.code, n.name])),
  };
  const unitNames = new Map(input.units.map((u) => [u.id, u.name]));
  const reports = new Map(input.files.map((f) => [`${f.unit}${SEP}${f.reportYear}`, `${f.source.publisher}《${f.source.title}》`]));
  const unitName = (u: string) => unitNames.get(u) ?? u;

  const docs = [...recordDocs(input, reports, unitName), ...findingDocs(input, reports, unitName)];
  return { ...indexFacts(input.facts, names), docs, unitNames, reports, names, trees: input.trees };
}

// ---------------------------------------------------------------------------------------------
// Matching

interface NumWord {
  /** Integer-prefix match: the integer part's leading digits equal `int` (no decimal point typed). */
  int: number | null;
  intLen: number;
  /** Decimal match: lo ≤ |amount| < hi. */
  lo: number;
  hi: number;
  /** Canonical text of an exact match ("598.34"), for ranking. */
  exact: string;
  decimals: number;
  /** A plausible fact year. */
  year: number | null;
}

interface Word {
  text: string;
  /** Letters only: may be pinyin initials. */
  latin: boolean;
  num: NumWord | null;
}

const POW10 = Array.from({ length: 20 }, (_, i) => 10 ** i);

function parseWord(raw: string): Word {
  const text = raw.toLowerCase();
  let num: NumWord | null = null;
  const plain = text.replace(/,/g, '');
  if (/^\d+(\.\d*)?$/.test(plain) && plain.length <= 15) {
    const [ip, dp] = plain.split('.');
    const decimals = dp === undefined ? 0 : dp.length;
    const v = Number(plain);
    num = {
      int: dp === undefined ? Number(ip) : null,
      intLen: ip.replace(/^0+(?=\d)/, '').length,
      lo: v - 1e-9,
      hi: v + 10 ** -decimals - 1e-9,
      exact: dp === undefined ? ip : plain,
      decimals,
      year: dp === undefined && /^(19|20)\d\d$/.test(ip) ? Number(ip) : null,
    };
  }
  return { text, latin: /^[a-z]+$/.test(text), num };
}

/** Whether a row's amount or year matches a numeric word, and how well (0 exact, 1 year, 2 prefix). */
function numScore(w: NumWord, abs: number, digits: number, year: number): number {
  if (w.int !== null) {
    if (digits >= w.intLen && Math.floor(Math.floor(abs) / POW10[digits - w.intLen]) === w.int) return Math.floor(abs) === w.int ? 0 : 2;
  } else if (abs >= w.lo && abs < w.hi) return abs.toFixed(Math.max(2, w.decimals)).startsWith(w.exact) && w.decimals >= 2 ? 0 : 2;
  if (w.year !== null && year === w.year) return 1;
  return -1;
}

const textHit = (w: Word, text: string, initials: string) => text.includes(w.text) || (w.latin && w.text.length >= 2 && initials.includes(w.text));

/**
 * Ranks, best first: 0 the whole name, 1 the start of the name, 2 the exact amount, 3 a word
 * anywhere in the text, 4 pinyin initials, 5 the year, 6 the start of the amount's digits.
 */
function nameRank(words: Word[], name: string, text: string): number {
  const q = words.map((w) => w.text).join(' ');
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  return words.every((w) => text.includes(w.text)) ? 3 : 4;
}
/** numScore (0 exact, 1 year, 2 prefix) as a rank. */
const NUM_RANK = [2, 5, 6];

const KIND_ORDER: Record<HitKind, number> = { fact: 0, measure: 1, indicator: 2, finding: 3 };

/** A candidate: its score tuple and what it is (a fact row ≥ 0, or −1 − a doc's index). */
interface Cand {
  rank: number;
  kind: number;
  year: number;
  size: number;
  ref: number;
}

/**
 * Keeps the best `limit` candidates seen. Offers take plain numbers and allocate only when they
 * make the cut: a broad query ("支出") offers every row, and a million allocations per
 * keystroke would cost more than the matching.
 */
class Top {
  items: Cand[] = [];
  total = 0;
  constructor(private limit: number) {}
  /** Whether a candidate of this score would be kept (false once the list is full of better ones). */
  wants(rank: number, kind: number, year: number, size: number): boolean {
    const list = this.items;
    if (list.length < this.limit) return true;
    const w = list[list.length - 1];
    return rank !== w.rank ? rank < w.rank : kind !== w.kind ? kind < w.kind : year !== w.year ? year > w.year : size > w.size;
  }
  offer(rank: number, kind: number, year: number, size: number, ref: number): void {
    this.total++;
    if (!this.wants(rank, kind, year, size)) return;
    const c = { rank, kind, year, size, ref };
    const list = this.items;
    let i = list.length;
    while (i > 0 && better(c, list[i - 1])) i--;
    list.splice(i, 0, c);
    if (list.length > this.limit) list.pop();
  }
}

const better = (a: Cand, b: Cand) =>
  a.rank !== b.rank ? a.rank < b.rank : a.kind !== b.kind ? a.kind < b.kind : a.year !== b.year ? a.year > b.year : a.size > b.size;

export interface SearchResult {
  hits: SearchHit[];
  /** Every match, of which `hits` are the best. */
  total: number;
}

/**
 * The best `limit` hits for a query, ranked: whole-name and name-start matches first, then
 * exact amounts, then any match; facts before measures, indicators and findings; latest year
 * first; larger amounts first. Values are printed in `money`.
 */
export function search(index: SearchIndex, query: string, { limit = 12, money = 'wan' as MoneyUnit } = {}): SearchResult {
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8).map(parseWord);
  if (!words.length) return { hits: [], total: 0 };
  const top = new Top(limit);
  const { cols, abs, digits, year, row } = index;

  if (cols) {
    for (const g of index.groups) {
      let rest: NumWord[] | null = null;
      let ok = true;
      for (const w of words) {
        if (textHit(w, g.text, g.initials)) continue;
        if (!w.num) {
          ok = false;
          break;
        }
        (rest ??= []).push(w.num);
      }
      if (!ok) continue;
      const onlyNumbers = !!rest && rest.length === words.length;
      const base = onlyNumbers ? 0 : nameRank(words, g.name, g.text);
      if (!rest) {
        // Every row of the group matches with the same rank: count them all, look at rows only while they can still rank.
        if (!top.wants(base, 0, 99999, Infinity)) {
          top.total += g.end - g.start;
          continue;
        }
        for (let p = g.start; p < g.end; p++) top.offer(base, 0, year[p], abs[p], p);
        continue;
      }
      if (rest.length === 1) {
        // One numeric word left to check per row (the usual case: "598.34", "2010301"): inlined.
        const nw = rest[0];
        for (let p = g.start; p < g.end; p++) {
          const sc = numScore(nw, abs[p], digits[p], year[p]);
          if (sc >= 0) top.offer(Math.max(base, NUM_RANK[sc]), 0, year[p], abs[p], p);
        }
        continue;
      }
      for (let r = g.start; r < g.end; r++) {
        let rank = base;
        {
          let worst = -1;
          for (const nw of rest) {
            const s = numScore(nw, abs[r], digits[r], year[r]);
            if (s < 0) {
              worst = -1;
              break;
            }
            worst = Math.max(worst, s);
          }
          if (worst < 0) continue;
          rank = Math.max(base, NUM_RANK[worst]);
        }
        top.offer(rank, 0, year[r], abs[r], r);
      }
    }
  }

  for (let di = 0; di < index.docs.length; di++) {
    const d = index.docs[di];
    const rest: NumWord[] = [];
    let ok = true;
    for (const w of words) {
      if (textHit(w, d.text, d.initials)) continue;
      if (!w.num) {
        ok = false;
        break;
      }
      rest.push(w.num);
    }
    if (!ok) continue;
    let rank = rest.length === words.length ? 0 : nameRank(words, d.hit.label.toLowerCase(), d.text);
    if (rest.length) {
      const a = d.amount === null ? -1 : Math.round(Math.abs(d.amount) * 100) / 100;
      const scores = rest.map((nw) => (a < 0 ? (nw.year === d.year ? 1 : -1) : numScore(nw, a, a < 1 ? 1 : Math.floor(Math.log10(a)) + 1, d.year)));
      if (scores.some((x) => x < 0)) continue;
      rank = Math.max(rank, NUM_RANK[Math.max(...scores)]);
    }
    top.offer(rank, KIND_ORDER[d.hit.kind], d.year, Math.abs(d.amount ?? 0), -1 - di);
  }

  return { hits: top.items.map((c) => (c.ref >= 0 ? factHit(index, row[c.ref], money) : docHit(index.docs[-1 - c.ref], money))), total: top.total };
}

/** A measure's value as printed: money in the display unit, anything else with its own unit. */
function docHit(d: Doc, money: MoneyUnit): SearchHit {
  const { amountUnit, rawValue, ...hit } = d.hit;
  const value = rawValue === null ? '' : amountUnit === '万元' ? moneyWithUnit(rawValue, money) : `${rawValue}${amountUnit ?? ''}`;
  return { ...hit, value };
}

const SPENDING_FLOW = '支出';

/** The hit of fact row `r`, with the view that shows it highlighted. */
function factHit(index: SearchIndex, r: number, money: MoneyUnit): SearchHit {
  const c = index.cols!;
  const unit = c.unit[r];
  const year = c.year[r];
  const f = c.functional[r];
  const e = c.economic[r];
  const b = c.basis[r];
  const detail = [b, f ? named(f, index.names.f) : null, e ? named(e, index.names.e) : null, c.source[r], c.flow[r] === SPENDING_FLOW ? null : c.flow[r], c.phase[r]]
    .filter((x): x is string => !!x)
    .join(' · ');
  const report = index.reports.get(`${unit}${SEP}${c.reportYear[r]}`) ?? '';
  const prov = PROVENANCE_LABEL[c.provenance[r] as keyof typeof PROVENANCE_LABEL] ?? c.provenance[r];
  return {
    id: `fact:${unit}:${c.reportYear[r]}:${c.id[r]}`,
    kind: 'fact',
    label: c.label[r],
    detail,
    value: moneyWithUnit(c.amount[r], money),
    unitName: index.unitNames.get(unit) ?? unit,
    year,
    source: `${prov} · ${report}`,
    view: factView(index, unit, year, c.flow[r], c.source[r], b, f, e, c.id[r]),
  };
}

/**
 * Where a fact is shown: a spending fact (all fund sources) on #/spending, at the level above
 * its cell with its row highlighted (the drill passes through single-child levels, and the
 * view then highlights its node card instead); any other fact on the overview.
 */
export function factView(index: Pick<SearchIndex, 'trees'>, unit: string, year: number, flow: string, source: string | null, basis: string | null, functional: string | null, economic: string | null, id: string): HitView {
  if (flow !== SPENDING_FLOW || source !== null) return { route: '', unit, year, path: [], focus: id };
  const path: DrillStep[] = [];
  if (basis) path.push(`b:${basis}`);
  if (functional) path.push(...treeOf(index.trees.functional).listedPath(functional).map((x) => `f:${x}` as DrillStep));
  if (economic) path.push(...treeOf(index.trees.economic).listedPath(economic).map((x) => `e:${x}` as DrillStep));
  if (!path.length) return { route: 'spending', unit, year, path: [], focus: null };
  return { route: 'spending', unit, year, path: path.slice(0, -1), focus: path[path.length - 1] };
}
