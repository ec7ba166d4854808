/**
 * The overview's view model (#/): key-figure cards by role, the generated 决算说明 paragraph, the
 * spending structure by function, and one sentence naming what this unit's report does not
 * cover. Pure: the component passes the facts table, the trees, the unit's files and the view
 * state. Cards exist only for what the report states: a report that gives only 公务接待费 gets a
 * 公务接待费 card, never a “三公”经费 one; a section it does not cover is named once, not drawn.
 *
 * Money facts are read by their dimensions (flow, source, basis, codes); measures by role
 * (UnitFigures), the previous year by the same role with `year − 1`.
 */
import { notCoveredSentence } from '../../domain/figures';
import type { ColumnTable } from 'arquero';
import { BASES, type Amount, type NodeKey, type Trees } from '../../domain/spending/types';
import { makeLookup, slice } from '../../domain/spending/slices';
import { compare as checkStated, decimalsOf, growthPct, sharePct } from '../../domain/check';
import { topItems, UnitFigures, type Figure } from '../../domain/figures';
import type { DrillStep, Route } from '../../model/routes';
import type { FundSource, UnitYearFile } from '../../model/types';
import {
  ROLE_SECTIONS,
  SECTION_TITLES,
  roleTitle,
  sourceLabel,
  type Flow,
  type MoneyUnit,
  type Phase,
  type RoleSection,
} from '../../model/vocabulary';
import { MONEY, count, money, moneyWithUnit, pct, signed, signedMoney } from '../../ui/format';
import { recordsOf, sourceLine, type SourceRef } from '../../domain/provenance';
import type { ChartSpec } from '../../ui/chart/spec';
import { narrative, spendingNarrative } from './narrative';
import { structureOption, type StructureItem } from './structure.option';


/** A run of text in a card line; `tone` picks its style, `source` adds a Source ⓘ after it. */
export interface Seg {
  text: string;
  tone?: 'strong' | 'muted' | 'up' | 'down' | 'stated';
  source?: SourceRef;
}

/** One line of a card: `big` the headline figure, `pair` a labelled part, `chg` a change or comparison, `note` a remark. */
interface CardLine {
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
  link: { route: Route; path: DrillStep[]; label: string };
  hoverKey?: string;
  lines: CardLine[];
  rates: RateLine[];
}

export interface OverviewInput {
  facts: ColumnTable | null;
  trees: Trees;
  /** Every loaded report of the unit. */
  files: readonly UnitYearFile[];
  unit: string;
  /** The unit's name from the index; null when the index has no such unit. */
  unitName: string | null;
  /** The fact year. */
  year: number;
  money: MoneyUnit;
  /** Key under the pointer (a spending-type key dims the other types in the structure chart). */
  hover?: string | null;
}

interface StructureEntry {
  key: DrillStep;
  label: string;
  text: string;
  source: SourceRef;
}

export interface OverviewView {
  state: 'ok';
  title: string;
  cards: Card[];
  /** "…的报告没有涉及：…" — said once instead of drawing empty sections; null when everything is covered. */
  notCovered: string | null;
  narrative: string | null;
  structure: { chart: ChartSpec; list: StructureEntry[] } | null;
}

export type OverviewModel = { state: 'no-unit'; message: string } | { state: 'no-data'; message: string } | OverviewView;

interface FactLite {
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

const ALL: NodeKey = { basis: null, functional: null, economic: null };

/** The unit's facts of one year, every flow and source (the drill slice holds spending only). */
function yearFacts(facts: ColumnTable, unit: string, year: number): FactLite[] {
  return facts
    .params({ unit, year })
    .filter((d: any, $: any) => d.unit === $.unit && d.year === $.year)
    .select('id', 'year', 'phase', 'flow', 'source', 'basis', 'functional', 'economic', 'amount')
    .objects() as FactLite[];
}

const tone = (d: number): Seg['tone'] => (d > 0 ? 'up' : d < 0 ? 'down' : undefined);
const ref = (ids: string[], label: string, computed?: string): SourceRef => ({ ids, label, ...(computed ? { computed } : {}) });
const uniq = (ids: string[]) => [...new Set(ids)];

/** The overview of one unit and fact year. */
export function overviewModel(i: OverviewInput): OverviewModel {
  if (i.unitName === null) return { state: 'no-unit', message: `数据中没有单位“${i.unit}”。` };
  const figures = new UnitFigures(i.files);
  const u = i.money;
  const year = i.year;
  const py = year - 1;
  const rows = i.facts ? yearFacts(i.facts, i.unit, year) : [];
  const prevRows = i.facts ? yearFacts(i.facts, i.unit, py) : [];
  const sections = figures.sections(year);
  if (!rows.length && !sections.size) return { state: 'no-data', message: `${i.unitName}没有${year}年的数据。` };

  const lookup = (y: number, phase: Phase) => {
    const s = i.facts ? slice(i.facts, i.unit, y, phase) : [];
    return s.length ? makeLookup(s, i.trees) : null;
  };
  const cur = lookup(year, '决算');
  const prev = lookup(py, '决算');
  const at = (l: ReturnType<typeof lookup>, k: Partial<NodeKey> = {}): Amount | null => l?.({ ...ALL, ...k }) ?? null;
  const m = (v: number) => money(v, u);
  const unitLabel = MONEY[u].label;
  const records = recordsOf(i.files);

  const total = at(cur);
  const prevTotal = at(prev);
  const cards: Card[] = [];
  const toSpending = (label: string, path: DrillStep[] = []) => ({ route: 'spending' as Route, path, label });
  const toAssets = (label: string) => ({ route: 'assets' as Route, path: [], label });
  /** Totals rows (no basis, no codes) of one flow, by source. */
  const totalsOf = (flow: Flow, from = rows) => from.filter((r) => r.phase === '决算' && r.flow === flow && r.basis === null && r.functional === null && r.economic === null);

  // ---- spending total, by fund source, and 支出总计 ----
  const spendBySource = totalsOf('支出').filter((r) => r.source !== null);
  const spendGrand = figures.get({ role: 'spending.grand-total', year });
  if (total || spendBySource.length || spendGrand) {
    const lines: CardLine[] = [];
    if (total) {
      lines.push({ kind: 'big', segs: [{ text: m(total.amount), tone: 'strong' }, { text: ` ${unitLabel}`, source: ref(total.ids, '支出合计', total.stated ? undefined : '下级明细之和') }] });
      if (prevTotal) {
        const d = total.amount - prevTotal.amount;
        lines.push({
          kind: 'chg',
          segs: [
            { text: `较${py}年（${m(prevTotal.amount)}）` },
            { text: `${signedMoney(d, u)}，${signed(growthPct(total.amount, prevTotal.amount) ?? 0)}%`, tone: tone(d), source: ref(uniq([...total.ids, ...prevTotal.ids]), '支出合计较上年变动', `${year}年 − ${py}年`) },
          ],
        });
      } else lines.push({ kind: 'note', segs: [{ text: `数据中没有${py}年支出合计`, tone: 'muted' }] });
    }
    lines.push(...partLines(spendBySource.map((r) => ({ label: sourceLabel(r.source!, '支出'), amount: r.amount, ids: [r.id] })), total?.amount ?? null, u));
    if (spendGrand) lines.push(grandLine(spendGrand, figures, year, u, '含年末结转和结余'));
    cards.push({ kpi: 'total', title: '支出合计', link: toSpending('查看支出构成'), lines, rates: [] });
  }

  // ---- spending types ----
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
    }
    lines.push(...partLines(bases.filter((b) => b.a.amount === 0).map((b) => ({ label: b.basis, amount: 0, ids: b.a.ids })), null, u));
    if (prevTotal && !bases.some((b) => at(prev, { basis: b.basis }))) lines.push({ kind: 'note', segs: [{ text: `${py}年数据未按支出类型拆分，无法比较`, tone: 'muted' }] });
    const onlyUsual = bases.every((b) => b.basis === '基本支出' || b.basis === '项目支出');
    cards.push({ kpi: 'basis', title: onlyUsual ? '基本支出与项目支出' : '支出类型', link: toSpending('按支出类型下钻'), hoverKey: `b:${bases[0].basis}`, lines, rates: [] });
  }

  // ---- income ----
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

  // ---- carry-over ----
  const carry = [...totalsOf('年初结转和结余'), ...totalsOf('年末结转和结余')];
  if (carry.length) {
    cards.push({
      kpi: 'carryover',
      title: '结转和结余',
      link: toSpending('查看支出构成'),
      lines: carry.map((r) => ({
        kind: 'pair' as const,
        segs: [
          { text: `${r.flow}${r.source ? `（${r.source}）` : ''} `, tone: 'muted' as const },
          { text: m(r.amount), tone: 'strong' as const, source: ref([r.id], r.flow) },
        ],
      })),
      rates: [],
    });
  }

  // ---- budget execution ----
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
        segs.push({ text: `${r ? '报告所列 ' : ''}${pct(s.value, decimalsOf(s.value))}${same}`, tone: r ? 'stated' : 'strong', source: ref(s.ids, `报告所列${name}`) });
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

  // ---- 三公: the total when stated, else exactly the items stated ----
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

  // ---- 机关运行经费 and 政府采购, when stated ----
  for (const role of ['operating.total', 'procurement.total']) {
    const f = figures.get({ role, year });
    if (f) cards.push(moneyCard(role, f, figures, year, u, 'assets'));
  }

  // ---- staff ----
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
      if (control && !checkStated(control.value, ratio, { unit: '%' }).ok) segs.push({ text: ` 报告所列${control.title} ${pct(control.value, decimalsOf(control.value))}`, tone: 'stated', source: ref(control.ids, control.title) });
      lines.push({ kind: 'chg', segs });
    } else if (control) lines.push({ kind: 'chg', segs: [{ text: `${control.title} ${pct(control.value, decimalsOf(control.value))}`, source: ref(control.ids, control.title) }] });
    if (quota) {
      const pq = figures.get({ role: 'staff.quota', year: py });
      const cq = figures.get({ role: 'staff.quota', year, stat: 'change', base: 'prev-year' });
      if (pq) lines.push({ kind: 'chg', segs: [{ text: `编制较${py}年 ${signed(quota.value - pq.value, 0)}`, source: ref([...quota.ids, ...pq.ids], '编制较上年', `${year}年 − ${py}年`) }] });
      else if (cq) lines.push({ kind: 'chg', segs: [{ text: `编制较上年 ${signed(cq.value, 0)}`, source: ref(cq.ids, cq.label) }] });
    }
    cards.push({ kpi: 'staff', title: '人员编制', link: toAssets('查看机构与人员'), lines, rates: [] });
  }

  // ---- what the report does not cover ----
  const covered = new Set<RoleSection>(sections);
  if (income.length || spendBySource.length || carry.length) covered.add('totals');
  const missing: string[] = ROLE_SECTIONS.filter((s) => !covered.has(s)).map((s) => SECTION_TITLES[s]);
  const spendRows = rows.filter((r) => r.flow === '支出' && r.source === null);
  if (!income.length) missing.push('收入决算（按来源）');
  if (spendRows.length && !spendRows.some((r) => r.functional !== null)) missing.push('支出功能分类');
  if (spendRows.length && !spendRows.some((r) => r.economic !== null)) missing.push('支出经济分类');
  const notCovered = notCoveredSentence(year, missing);

  // ---- narrative ----
  const sp = i.facts ? spendingNarrative(i.facts, i.unit, year, i.trees) : null;
  const story = sp
    ? narrative(
        {
          ...sp,
          income: income.length
            ? { total: incomeTotal?.amount ?? null, sources: incomeSources.filter((r) => r.amount !== 0).map((r) => ({ label: sourceLabel(r.source!, '收入'), amount: r.amount })) }
            : null,
          controls,
        },
        u,
      )
    : null;

  // ---- structure by function ----
  const structure = total ? functionStructure(cur!, total, i.trees, records, year, u, i.hover ?? null, `${i.unitName}_${year}_支出结构`) : null;

  return { state: 'ok', title: `${year}年部门整体支出概览`, cards, notCovered, narrative: story, structure };
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
function partLines(parts: Array<{ label: string; amount: number; ids: string[] }>, whole: number | null, u: MoneyUnit): CardLine[] {
  const zero = parts.filter((p) => p.amount === 0);
  const lines = parts.filter((p) => p.amount !== 0).map((p) => pairLine(p.label, p.amount, p.ids, whole, u));
  if (zero.length) {
    const names = zero.map((z) => z.label).join('、');
    lines.push({ kind: 'note', segs: [{ text: `${names}：0`, tone: 'muted', source: ref(zero.flatMap((z) => z.ids), names) }] });
  }
  return lines;
}

/** 收入总计 / 支出总计 as a line, with the change against last year the report states. */
function grandLine(f: Figure, figures: UnitFigures, year: number, u: MoneyUnit, what: string): CardLine {
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
  const link = { route, path: [], label: `查看${title}` };
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

/** Spending by functional 类, split by spending type where the data splits it, largest first. */
function functionStructure(
  cur: (k: NodeKey) => Amount | null,
  total: Amount,
  trees: Trees,
  records: ReturnType<typeof recordsOf>,
  year: number,
  u: MoneyUnit,
  hover: string | null,
  pngName: string,
): { chart: ChartSpec; list: StructureEntry[] } | null {
  const tops = trees.functional.filter((n) => n.parent === null);
  const items: Array<StructureItem & { ids: string[] }> = tops
    .flatMap((n) => {
      const t = cur({ ...ALL, functional: n.code });
      if (!t) return [];
      const parts = Object.fromEntries(BASES.map((b) => [b, cur({ ...ALL, basis: b, functional: n.code })?.amount ?? null]));
      return [{ key: `f:${n.code}`, label: n.name, parts, total: t.amount, share: sharePct(t.amount, total.amount) ?? 0, source: sourceLine(t.ids, records), ids: t.ids }];
    })
    .sort((a, b) => b.total - a.total);
  if (!items.length) return null;
  const bases = BASES.filter((b) => items.some((it) => it.parts[b] !== null && it.parts[b] !== 0));
  const focus = hover?.startsWith('b:') ? hover.slice(2) : null;
  const list = items.map((it) => ({ key: it.key as DrillStep, label: it.label, text: `${moneyWithUnit(it.total, u)}（${pct(it.share)}）`, source: ref(it.ids, it.label) }));
  return {
    chart: {
      id: 'structure',
      title: '支出结构：按功能分类',
      option: structureOption(items, { money: u, year, bases, focusBasis: focus }),
      label: '按功能分类的支出结构条形图',
      description: `${year}年支出按功能分类：${list.map((s) => `${s.label} ${s.text}`).join('，')}。点击类别进入支出分析。`,
      height: `${Math.max(220, items.length * 44 + 60)}px`,
      pngName,
    },
    list,
  };
}
