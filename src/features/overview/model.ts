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
import type { ColumnTable } from 'arquero';
import { notCoveredSentence, UnitFigures } from '../../domain/figures';
import type { Amount, NodeKey, Trees } from '../../domain/spending/types';
import { makeLookup, slice, yearFacts } from '../../domain/spending/slices';
import { recordsOf } from '../../domain/provenance';
import type { DrillStep, Route } from '../../model/routes';
import type { RuleResult, UnitYearFile } from '../../model/types';
import type { ViewState } from '../../model/routes';
import { findingKeys, findingsLine, type FindingsLine } from '../../domain/findings';
import { markTerms, type TermRun } from '../../domain/terms';
import { ROLE_SECTIONS, SECTION_TITLES, sourceLabel, type Flow, type MoneyUnit, type Phase, type RoleSection } from '../../model/vocabulary';
import { growthPct } from '../../domain/check';
import { MONEY, money, signed, signedMoney } from '../../ui/format';
import type { ChartSpec } from '../../ui/chart/spec';
import { narrative, spendingNarrative } from './narrative';
import { basisCards, carryCards, controlCards, executionCards, grandLine, incomeCards, partLines, ref, staffCards, tone, uniq, type Card, type CardContext, type CardLine, type FactLite } from './panels/cards';
import { functionStructure, type StructureEntry } from './panels/structure';

export type { Card, Seg } from './panels/cards';

const ALL: NodeKey = { basis: null, functional: null, economic: null };

/** The report a year's figures come from: its own, else the first later one that compares with it. */
function reportOfYear(files: readonly UnitYearFile[], year: number): UnitYearFile | undefined {
  return files.find((f) => f.reportYear === year) ?? [...files].filter((f) => f.reportYear > year).sort((a, b) => a.reportYear - b.reportYear)[0];
}

/**
 * The overview's heading names the kind of document the year's figures come from (a 决算 is not a
 * 绩效自评); a report of no stated kind gets the plain 收支概览.
 */
export function overviewTitle(year: number, kind: UnitYearFile['source']['kind']): string {
  if (kind === '部门整体支出绩效自评') return `${year}年部门整体支出概览`;
  if (kind && kind !== '其他') return `${year}年${kind}概览`;
  return `${year}年收支概览`;
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
  /** The shown report's check results and the view, for the page's one line of findings. */
  results?: readonly RuleResult[];
  view?: ViewState;
}

export interface OverviewView {
  state: 'ok';
  title: string;
  cards: Card[];
  /** "…的报告没有涉及：…" — said once instead of drawing empty sections; null when everything is covered. */
  notCovered: string | null;
  narrative: string | null;
  structure: { chart: ChartSpec; list: StructureEntry[] } | null;
  /** "本页 N 项数字与报告存在出入": the findings about the figures shown; null when none. */
  findings: FindingsLine | null;
  /** notCovered and narrative with each glossary term's first use on the page marked (the cards' titles carry theirs). */
  notCoveredRuns: TermRun[] | null;
  narrativeRuns: TermRun[] | null;
}

export type OverviewModel = { state: 'no-unit'; message: string } | { state: 'no-data'; message: string } | OverviewView;

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
  const totalsOf = (flow: Flow, from: FactLite[] = rows) => from.filter((r) => r.phase === '决算' && r.flow === flow && r.basis === null && r.functional === null && r.economic === null);
  const ctx: CardContext = { figures, year, py, u, m, unitLabel, rows, prevRows, cur, prev, lookup, at, total, prevTotal, totalsOf, toSpending, toAssets };

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

  cards.push(...basisCards(ctx));

  const income = totalsOf('收入');
  const incomeTotal = income.find((r) => r.source === null) ?? null;
  const incomeSources = income.filter((r) => r.source !== null);
  cards.push(...incomeCards(ctx));


  const carry = [...totalsOf('年初结转和结余'), ...totalsOf('年末结转和结余')];
  cards.push(...carryCards(ctx, carry));

  cards.push(...executionCards(ctx));

  const { cards: controlList, controls } = controlCards(ctx);
  cards.push(...controlList);

  cards.push(...staffCards(ctx));

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

  // ---- the findings about what the page shows, as one line ----
  const shownIds = [...cards.flatMap((c) => [...c.lines.flatMap((l) => l.segs), ...c.rates.flatMap((r) => r.segs)]), ...(structure?.list ?? [])].flatMap((x) => x.source?.ids ?? []);
  const findings = i.view ? findingsLine(findingKeys(shownIds, i.results ?? []), i.view) : null;

  // ---- a term's first use on the page explains itself, in reading order ----
  const runs = markTerms([notCovered ?? '', ...cards.map((c) => c.title), story ?? '']);
  cards.forEach((c, k) => (c.titleRuns = runs[k + 1]));

  return { state: 'ok', title: overviewTitle(year, reportOfYear(i.files, year)?.source.kind), cards, notCovered, narrative: story, structure, findings, notCoveredRuns: notCovered ? runs[0] : null, narrativeRuns: story ? runs[runs.length - 1] : null };
}
