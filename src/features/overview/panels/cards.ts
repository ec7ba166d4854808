/**
 * The overview's key-figure cards by role and fact dimension: each card builder reads the
 * unit's figures and fact look-ups (CardContext) and returns the cards it has figures for.
 */
import type { Amount, NodeKey } from '../../../domain/spending/types';
import { compare as checkStated, decimalsOf, growthPct, sharePct } from '../../../domain/check';
import { topItems, type Figure, type UnitFigures } from '../../../domain/figures';
import type { SourceRef } from '../../../domain/provenance';
import type { TermRun } from '../../../domain/terms';
import type { DrillStep, Route } from '../../../model/routes';
import type { FundSource } from '../../../model/types';
import { BASES } from '../../../domain/spending/types';
import { roleTitle, sourceLabel, type Flow, type MoneyUnit, type Phase } from '../../../model/vocabulary';
import { MONEY, count, money, pct, signed, signedMoney } from '../../../ui/format';

/** A run of text in a card line; `tone` picks its style, `source` adds a Source ⓘ after it. */
export interface Seg {
  text: string;
  tone?: 'strong' | 'muted' | 'up' | 'down' | 'stated';
  source?: SourceRef;
  /**
   * A check's detail rather than a figure (the report's own differing value beside the one
   * computed from its figures): shown only when the reader asks for the marks.
   */
  audit?: true;
}

/** One line of a card: `big` the headline figure, `pair` a labelled part, `chg` a change or comparison, `note` a remark. */
export interface CardLine {
  kind: 'big' | 'pair' | 'chg' | 'note' | 'flow';
  segs: Seg[];
  /** Key linked charts highlight while the line is hovered. */
  hoverKey?: string;
}

/** A rate beside the one the report prints. */
interface RateLine {
  name: string;
  segs: Seg[];
}

export interface Card {
  /** data-kpi: a stable name of what the card shows (a role where it is one figure's). */
  kpi: string;
  title: string;
  /** Where the card's link goes; `focus` names the figure the route scrolls to and outlines. */
  link: { route: Route; path: DrillStep[]; label: string; focus?: string };
  hoverKey?: string;
  lines: CardLine[];
  rates: RateLine[];
  /** The title with the first use on the page of each glossary term marked (set by the overview model). */
  titleRuns?: TermRun[];
}

/** One fact of a year, every flow and source. */
export interface FactLite {
  id: string;
  year: number;
  phase: Phase;
  flow: Flow;
  source: FundSource | null;
  basis: string | null;
  functional: string | null;
  economic: string | null;
  amount: number;
}

type Lookup = ((k: NodeKey) => Amount | null) | null;

/** What every card reads: the unit's figures, the year's and last year's facts and look-ups. */
export interface CardContext {
  figures: UnitFigures;
  year: number;
  /** Last year. */
  py: number;
  u: MoneyUnit;
  m: (v: number) => string;
  unitLabel: string;
  rows: FactLite[];
  prevRows: FactLite[];
  cur: Lookup;
  prev: Lookup;
  lookup: (y: number, phase: Phase) => Lookup;
  at: (l: Lookup, k?: Partial<NodeKey>) => Amount | null;
  total: Amount | null;
  prevTotal: Amount | null;
  /** Totals rows (no basis, no codes) of one flow, by source. */
  totalsOf: (flow: Flow, from?: FactLite[]) => FactLite[];
  toSpending: (label: string, path?: DrillStep[]) => Card['link'];
  toAssets: (label: string) => Card['link'];
}

export const tone = (d: number): Seg['tone'] => (d > 0 ? 'up' : d < 0 ? 'down' : undefined);
export const ref = (ids: string[], label: string, computed?: string): SourceRef => ({ ids, label, ...(computed ? { computed } : {}) });
export const uniq = (ids: string[]) => [...new Set(ids)];

/** The spending types (基本支出, 项目支出 …) with their change against last year. */
export function basisCards(ctx: CardContext): Card[] {
  const { year, py, u, at, cur, prev, total, prevTotal, toSpending } = ctx;
  const cards: Card[] = [];
  const bases = BASES.flatMap((b) => {
    const a = at(cur, { basis: b });
    return a ? [{ basis: b, a }] : [];
  });
  if (bases.length) {
    const lines: CardLine[] = [];
    for (const { basis, a } of bases.filter((b) => b.a.amount !== 0)) {
      const p = at(prev, { basis });
      const line = pairLine(basis, a.amount, a.ids, total?.amount ?? null, u, a.stated ? undefined : '下级明细之和');
      if (p) line.segs.push({ text: ` 较上年 ${signedMoney(a.amount - p.amount, u)}`, tone: tone(a.amount - p.amount), source: ref(uniq([...a.ids, ...p.ids]), `${basis}较上年`, `${year}年 − ${py}年`) });
      lines.push({ ...line, hoverKey: `b:${basis}` });
      if (basis === '基本支出') lines.push(...basicParts(ctx, a.amount));
    }
    lines.push(...partLines(bases.filter((b) => b.a.amount === 0).map((b) => ({ label: b.basis, amount: 0, ids: b.a.ids })), null, u));
    if (prevTotal && !bases.some((b) => at(prev, { basis: b.basis }))) lines.push({ kind: 'note', segs: [{ text: `${py}年数据未按支出类型拆分，无法比较`, tone: 'muted' }] });
    const onlyUsual = bases.every((b) => b.basis === '基本支出' || b.basis === '项目支出');
    cards.push({ kpi: 'basis', title: onlyUsual ? '基本支出与项目支出' : '支出类型', link: toSpending('按支出类型下钻'), hoverKey: `b:${bases[0].basis}`, lines, rates: [] });
  }
  return cards;
}

/** Income: 本年收入合计 against last year, its sources, and 收入总计. */
export function incomeCards(ctx: CardContext): Card[] {
  const { figures, year, py, u, m, unitLabel, totalsOf, prevRows, toSpending } = ctx;
  const cards: Card[] = [];
  const income = totalsOf('收入');
  const incomeTotal = income.find((r) => r.source === null) ?? null;
  const incomeSources = income.filter((r) => r.source !== null);
  const incomeGrand = figures.get({ role: 'income.grand-total', year });
  if (income.length || incomeGrand) {
    const lines: CardLine[] = [];
    if (incomeTotal) {
      lines.push({ kind: 'big', segs: [{ text: '本年收入合计 ' }, { text: m(incomeTotal.amount), tone: 'strong' }, { text: ` ${unitLabel}`, source: ref([incomeTotal.id], '本年收入合计') }] });
      const p = totalsOf('收入', prevRows).find((r) => r.source === null);
      if (p) {
        const d = incomeTotal.amount - p.amount;
        lines.push({ kind: 'chg', segs: [{ text: `较${py}年（${m(p.amount)}）` }, { text: `${signedMoney(d, u)}，${signed(growthPct(incomeTotal.amount, p.amount) ?? 0)}%`, tone: tone(d), source: ref([incomeTotal.id, p.id], '本年收入合计较上年', `${year}年 − ${py}年`) }] });
      }
    }
    lines.push(...partLines(incomeSources.map((r) => ({ label: sourceLabel(r.source!, '收入'), amount: r.amount, ids: [r.id] })), incomeTotal?.amount ?? null, u));
    if (incomeGrand) lines.push(grandLine(incomeGrand, figures, year, u, '含年初结转和结余'));
    cards.push({ kpi: 'income', title: '收入', link: toSpending('查看支出构成'), lines, rates: [] });
  }
  return cards;
}

/** Budget execution: 年初预算 → 调整预算 → 决算 and the rates, recomputed beside the stated ones. */
export function executionCards(ctx: CardContext): Card[] {
  const { figures, year, m, at, lookup, total, toSpending } = ctx;
  const cards: Card[] = [];
  const initial = at(lookup(year, '年初预算'));
  const adjusted = at(lookup(year, '调整预算'));
  const stated = (role: string) => figures.get({ role, year });
  const budgetRates = ['budget.completion-rate', 'budget.adjustment-rate', 'project.funds-arrival-rate', 'project.execution-rate'].map(stated);
  if (initial || adjusted || budgetRates.some(Boolean)) {
    const step = (label: string, a: Amount | null): Seg[] => [{ text: `${label} ` }, { text: a ? m(a.amount) : '—', tone: 'strong', source: a ? ref(a.ids, label) : undefined }];
    const lines: CardLine[] = [];
    if (initial || adjusted) lines.push({ kind: 'flow', segs: [...step('年初预算', initial), { text: ' → ' }, ...step('调整预算', adjusted), { text: ' → ' }, ...step('决算', total)] });
    const rate = (num: Amount | null, den: Amount | null, formula: string, minus: Amount | null = null) =>
      num && den && den.amount !== 0 ? { value: ((num.amount - (minus?.amount ?? 0)) / den.amount) * 100, formula, ids: uniq([...num.ids, ...den.ids, ...(minus?.ids ?? [])]) } : null;
    const completion = rate(total, adjusted, '决算 ÷ 调整预算 × 100%');
    const ofInitial = rate(total, initial, '决算 ÷ 年初预算 × 100%');
    const adjustment = rate(adjusted, initial, '（调整预算 − 年初预算）÷ 年初预算 × 100%', initial);
    const rates: RateLine[] = [];
    const rateLine = (name: string, r: typeof completion, s: Figure | null, other: typeof completion = null) => {
      if (!r && !s) return;
      const segs: Seg[] = [];
      if (r) segs.push({ text: pct(r.value), tone: 'strong', source: ref(r.ids, name, r.formula) });
      if (s && (!r || !checkStated(s.value, r.value, { unit: '%' }).ok)) {
        const same = other && checkStated(s.value, other.value, { unit: '%' }).ok ? `（与“${other.formula.replace(' × 100%', '')}”一致）` : '';
        segs.push({ text: `${r ? ' 报告所列 ' : ''}${pct(s.value, decimalsOf(s.value))}${same}`, tone: r ? 'stated' : 'strong', source: ref(s.ids, `报告所列${name}`), ...(r ? { audit: true as const } : {}) });
      }
      rates.push({ name, segs });
    };
    rateLine('预算完成率', completion, budgetRates[0], ofInitial);
    rateLine('决算 / 年初预算', ofInitial, null);
    rateLine('预算调整率', adjustment, budgetRates[1], ofInitial);
    rateLine('项目资金到位率', null, budgetRates[2]);
    rateLine('项目资金执行率', null, budgetRates[3]);
    cards.push({ kpi: 'execution', title: '预算执行', link: toSpending('查看预算与决算'), lines, rates });
  }
  return cards;
}

/** Staff: 编制 and 在编 with the 在编率 and the change of the quota. */
export function staffCards(ctx: CardContext): Card[] {
  const { figures, year, py, toAssets } = ctx;
  const cards: Card[] = [];
  const quota = figures.get({ role: 'staff.quota', year });
  const inPost = figures.get({ role: 'staff.in-post', year });
  if (quota || inPost) {
    const lines: CardLine[] = [];
    const big: Seg[] = [];
    if (quota) big.push({ text: '编制 ' }, { text: count(quota.value), tone: 'strong', source: ref(quota.ids, quota.title) });
    if (inPost) big.push({ text: quota ? ' · 在编 ' : '在编 ' }, { text: count(inPost.value), tone: 'strong', source: ref(inPost.ids, inPost.title) });
    lines.push({ kind: 'big', segs: big });
    const control = figures.get({ role: 'staff.control-rate', year });
    const ratio = quota && inPost ? sharePct(inPost.value, quota.value) : null;
    if (ratio !== null) {
      const segs: Seg[] = [{ text: `在编率 ${pct(ratio)}`, source: ref([...inPost!.ids, ...quota!.ids], '在编率', '在编人员 ÷ 编制数 × 100%') }];
      if (control && !checkStated(control.value, ratio, { unit: '%' }).ok) segs.push({ text: ` 报告所列${control.title} ${pct(control.value, decimalsOf(control.value))}`, tone: 'stated', source: ref(control.ids, control.title), audit: true });
      lines.push({ kind: 'chg', segs });
    } else if (control) lines.push({ kind: 'chg', segs: [{ text: `${control.title} ${pct(control.value, decimalsOf(control.value))}`, source: ref(control.ids, control.title) }] });
    if (quota) {
      const pq = figures.get({ role: 'staff.quota', year: py });
      const cq = figures.get({ role: 'staff.quota', year, stat: 'change', base: 'prev-year' });
      if (pq) lines.push({ kind: 'chg', segs: [{ text: `编制较${py}年 ${signed(quota.value - pq.value, 0)}`, source: ref([...quota.ids, ...pq.ids], '编制较上年', `${year}年 − ${py}年`) }] });
      else if (cq) lines.push({ kind: 'chg', segs: [{ text: `编制较上年 ${signed(cq.value, 0)}`, source: ref(cq.ids, cq.label) }] });
    }
    const landing = (quota ?? inPost)?.ids[0];
    cards.push({ kpi: 'staff', title: '人员编制', link: { ...toAssets('查看机构与人员'), ...(landing ? { focus: landing } : {}) }, lines, rates: [] });
  }
  return cards;
}

/** "一般公共预算财政拨款收入 3,859.16（93.54%）ⓘ" */
function pairLine(label: string, amount: number, ids: string[], whole: number | null, u: MoneyUnit, computed?: string): CardLine {
  const share = whole ? sharePct(amount, whole) : null;
  return {
    kind: 'pair',
    segs: [
      { text: `${label} `, tone: 'muted' },
      { text: money(amount, u), tone: 'strong' },
      { text: share === null ? '' : `（${pct(share)}）`, tone: 'muted', source: ref(ids, label, computed) },
    ],
  };
}

/** Parts of a whole as pair lines; the parts stated as zero share one note line ("上级补助收入、事业收入：0"). */
export function partLines(parts: Array<{ label: string; amount: number; ids: string[] }>, whole: number | null, u: MoneyUnit): CardLine[] {
  const zero = parts.filter((p) => p.amount === 0);
  const lines = parts.filter((p) => p.amount !== 0).map((p) => pairLine(p.label, p.amount, p.ids, whole, u));
  if (zero.length) {
    const names = zero.map((z) => z.label).join('、');
    lines.push({ kind: 'note', segs: [{ text: `${names}：0`, tone: 'muted', source: ref(zero.flatMap((z) => z.ids), names) }] });
  }
  return lines;
}

/** 收入总计 / 支出总计 as a line, with the change against last year the report states. */
export function grandLine(f: Figure, figures: UnitFigures, year: number, u: MoneyUnit, what: string): CardLine {
  const segs: Seg[] = [{ text: `${f.title}（${what}） `, tone: 'muted' }, { text: money(f.value, u), tone: 'strong', source: ref(f.ids, f.title) }];
  const change = figures.get({ role: f.role!, year, stat: 'change', base: 'prev-year' });
  const growth = figures.get({ role: f.role!, year, stat: 'growth', base: 'prev-year' });
  if (change) segs.push({ text: ` 较上年 ${signedMoney(change.value, u)}${growth ? `，${signed(growth.value)}%` : ''}`, tone: tone(change.value), source: ref([...change.ids, ...(growth?.ids ?? [])], `${f.title}较上年`) });
  return { kind: 'chg', segs };
}

/**
 * A card of one money figure by role: the amount, against its budget (年初预算 or 调整预算 of the
 * same role) and against last year (the same role in `year − 1`, else the change the report states).
 */
function moneyCard(role: string, f: Figure, figures: UnitFigures, year: number, u: MoneyUnit, route: Route): Card {
  const title = roleTitle(role);
  // On #/assets the link lands on this figure (its record is a figure there), not at the top.
  const link = { route, path: [], label: `查看${title}`, ...(route === 'assets' ? { focus: f.ids[0] } : {}) };
  const lines: CardLine[] = [{ kind: 'big', segs: [{ text: money(f.value, u), tone: 'strong' }, { text: ` ${MONEY[u].label}`, source: ref(f.ids, title) }] }];
  const budget = figures.get({ role, year, phase: '年初预算' }) ?? figures.get({ role, year, phase: '调整预算' });
  if (budget) {
    const d = f.value - budget.value;
    const g = growthPct(f.value, budget.value);
    lines.push({
      kind: 'chg',
      segs: [
        { text: `预算 ${money(budget.value, u)}，` },
        { text: d === 0 ? '与预算持平' : `${d < 0 ? '少用' : '超出'} ${money(Math.abs(d), u)}${g === null ? '' : `（${signed(g)}%）`}`, tone: tone(d), source: ref([...f.ids, ...budget.ids], `${title}与预算比较`, '决算 − 预算') },
      ],
    });
  } else {
    const vs = figures.get({ role, year, stat: 'growth', base: 'budget' });
    if (vs) lines.push({ kind: 'chg', segs: [{ text: `较预算 ${signed(vs.value)}%`, source: ref(vs.ids, vs.label) }] });
  }
  const prev = figures.get({ role, year: year - 1 });
  if (prev) {
    lines.push({
      kind: 'chg',
      segs: [{ text: `较${year - 1}年（${prev.approx ? `${prev.approx} ` : prev.provenance === 'derived' ? '约 ' : ''}${money(prev.value, u)}）${signedMoney(f.value - prev.value, u)}`, source: ref([...f.ids, ...prev.ids], `${title}较上年`, `${year}年 − ${year - 1}年`) }],
    });
  } else {
    const change = figures.get({ role, year, stat: 'change', base: 'prev-year' });
    const growth = figures.get({ role, year, stat: 'growth', base: 'prev-year' });
    if (change || growth)
      lines.push({
        kind: 'chg',
        segs: [{ text: `较上年 ${change ? signedMoney(change.value, u) : ''}${change && growth ? '，' : ''}${growth ? `${signed(growth.value)}%` : ''}`, tone: tone((change ?? growth)!.value), source: ref([...(change?.ids ?? []), ...(growth?.ids ?? [])], `${title}较上年`) }],
      });
  }
  return { kpi: role, title, link, lines, rates: [] };
}

/** 基本支出's 人员经费 and 公用经费, when the report states them, as shares of 基本支出. */
function basicParts(ctx: CardContext, basic: number): CardLine[] {
  return ['basic.personnel', 'basic.public'].flatMap((role) => {
    const f = ctx.figures.get({ role, year: ctx.year });
    if (!f) return [];
    const line = pairLine(`其中${f.title}`, f.value, f.ids, basic, ctx.u);
    return [{ ...line, hoverKey: 'b:基本支出' }];
  });
}

/** 年初 / 年末结转和结余, when the report states them. */
export function carryCards(ctx: CardContext, carry: FactLite[]): Card[] {
  if (!carry.length) return [];
  return [
    {
      kpi: 'carryover',
      title: '结转和结余',
      link: ctx.toSpending('查看支出构成'),
      lines: carry.map((r) => ({
        kind: 'pair' as const,
        segs: [
          { text: `${r.flow}${r.source ? `（${r.source}）` : ''} `, tone: 'muted' as const },
          { text: ctx.m(r.amount), tone: 'strong' as const, source: ref([r.id], r.flow) },
        ],
      })),
      rates: [],
    },
  ];
}

/**
 * “三公”经费 (the total when stated, else exactly the items stated), 机关运行经费 and 政府采购;
 * `controls` names the 三公 figures for the narrative.
 */
export function controlCards(ctx: CardContext): { cards: Card[]; controls: Array<{ title: string; amount: number }> } {
  const { figures, year, u } = ctx;
  const cards: Card[] = [];
  const controls: Array<{ title: string; amount: number }> = [];
  const sangong = figures.get({ role: 'sangong.total', year });
  const items = topItems(figures.parts('sangong.item', year));
  if (sangong) {
    const card = moneyCard('sangong.total', sangong, figures, year, u, 'assets');
    for (const it of items) card.lines.push(pairLine(it.title, it.value, it.ids, sangong.value, u));
    cards.push(card);
    controls.push({ title: sangong.title, amount: sangong.value });
  } else
    for (const it of items) {
      cards.push(moneyCard(it.role!, it, figures, year, u, 'assets'));
      controls.push({ title: it.title, amount: it.value });
    }
  for (const role of ['operating.total', 'procurement.total']) {
    const f = figures.get({ role, year });
    if (f) cards.push(moneyCard(role, f, figures, year, u, 'assets'));
  }
  return { cards, controls };
}
