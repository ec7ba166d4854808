/**
 * The big screen's view model (#/screen, the 1920×1080 wall): the headline and source line citing
 * the selected unit's own report, the key figures, and the panels the unit's data can fill —
 * spending by function (else by economic class, else by spending type), the operational
 * indicators, the controlled expenses by role, the spending-type and income-source rings. A
 * panel without data is left out and named once; an unknown unit is an explicit state, never a
 * headline. Pure: the component passes the data and the stage scale.
 */
import { notCoveredSentence } from '../../domain/figures';
import type { ColumnTable } from 'arquero';
import { BASES, type Amount, type NodeKey, type Trees } from '../../domain/spending/types';
import { makeLookup, slice } from '../../domain/spending/slices';
import { decimalsOf } from '../../domain/check';
import { UnitFigures, type Figure } from '../../domain/figures';
import { topItems } from '../../domain/figures';
import type { FundSource, Source as SourceDoc, UnitEntry, UnitYearFile } from '../../model/types';
import { sourceLabel, type MoneyUnit } from '../../model/vocabulary';
import { MONEY, count, money, pct } from '../../ui/format';
import { badges, chartableOps, figureText, funnelChain, groupOperations, operationRows, type OpGroup, type OpItem } from '../../domain/operations';
import { funnelOption } from '../../ui/chart/funnel.option';
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { highlightCaption, screenControlsOption, screenPieOption, screenSpendingOption, type ScreenControl, type ScreenItem } from './screen.option';

export interface ScreenInput {
  unit: string;
  /** The unit's index entry; undefined when the index has no such unit. */
  entry: UnitEntry | undefined;
  /** The report that states the year's figures (own report first, else the latest that holds them). */
  report: SourceDoc | null;
  /** Every loaded report of the unit. */
  files: readonly UnitYearFile[];
  facts: ColumnTable | null;
  indicators: ColumnTable | null;
  /** The index's display groups (operational indicator groups in order). */
  groups: ReadonlyArray<{ id: string; label: string; domain?: string }>;
  trees: Trees;
  year: number;
  money: MoneyUnit;
  /** Stage scale and reading factor: every font of every option is multiplied by them. */
  scale: number;
  reading: number;
}

interface ScreenKpi {
  key: string;
  label: string;
  value: string;
  unit: string;
}

interface ScreenChart {
  id: string;
  title: string;
  option: EChartsCoreOption;
  label: string;
  description: string;
  /** Design height in stage pixels (the component scales it). */
  height: number;
}

export interface ScreenView {
  state: 'ok';
  headline: string;
  sourceLine: string;
  kpis: ScreenKpi[];
  /** The rotating panel: its items (in chart order) and one caption per item. */
  spend: (ScreenChart & { items: ScreenItem[]; captions: string[] }) | null;
  ops: { title: string; figures: Array<{ key: string; label: string; value: string; badges: string[] }>; funnel: ScreenChart | null } | null;
  side: ScreenChart[];
  /** Panels this unit's data cannot fill, in words; null when every panel is drawn. */
  notCovered: string | null;
}

export type ScreenModel = { state: 'no-unit'; message: string } | ScreenView;

const ALL: NodeKey = { basis: null, functional: null, economic: null };

/** The wall for one unit and fact year. */
export function screenModel(i: ScreenInput): ScreenModel {
  // The unknown text is never echoed: the shell names the problem.
  if (!i.entry) return { state: 'no-unit', message: '数据中没有这个单位，无法显示大屏。' };
  const u = i.money;
  const unitLabel = MONEY[u].label;
  const figures = new UnitFigures(i.files);
  const rows = i.facts ? slice(i.facts, i.unit, i.year, '决算') : [];
  const cur = rows.length ? makeLookup(rows, i.trees) : () => null;
  const at = (k: Partial<NodeKey> = {}): Amount | null => cur({ ...ALL, ...k });
  const opts = { scale: i.scale, money: u, reading: i.reading };
  const missing: string[] = [];

  // ---- key figures ----
  const kpis: ScreenKpi[] = [];
  const total = at();
  if (total) kpis.push({ key: 'total', label: '决算支出合计', value: money(total.amount, u), unit: unitLabel });
  const bases = BASES.flatMap((b) => {
    const a = at({ basis: b });
    return a && a.amount > 0 ? [{ key: `b:${b}`, label: b, amount: a.amount }] : [];
  });
  for (const b of bases.slice(0, 2)) kpis.push({ key: b.key, label: b.label, value: money(b.amount, u), unit: unitLabel });
  const income = incomeRows(i.facts, i.unit, i.year);
  const incomeTotal = income.find((r) => r.source === null);
  if (incomeTotal) kpis.push({ key: 'income', label: '本年收入合计', value: money(incomeTotal.amount, u), unit: unitLabel });
  const controls = controlRows(figures, i.year);
  // The 三公 figure the report states (the total, else its largest item) heads the wall.
  const headControl = controls.filter((c) => c.primary).sort((a, b) => b.actual - a.actual)[0];
  if (headControl) {
    const budget = headControl.budget === null ? '' : `（预算 ${money(headControl.budget, u)}）`;
    kpis.push({ key: headControl.key, label: `${headControl.title}${budget}`, value: money(headControl.actual, u), unit: unitLabel });
  }
  const assets = figures.get({ role: 'assets.total', year: i.year });
  if (assets) {
    const g = figures.get({ role: 'assets.total', year: i.year, stat: 'growth', base: 'prev-year' });
    kpis.push({ key: 'assets.total', label: assets.title, value: money(assets.value, u), unit: `${unitLabel}${g ? ` · 较上年 ${pct(g.value, decimalsOf(g.value))}` : ''}` });
  }
  const inPost = figures.get({ role: 'staff.in-post', year: i.year });
  const quota = figures.get({ role: 'staff.quota', year: i.year });
  if (inPost && quota) {
    const rate = figures.get({ role: 'staff.control-rate', year: i.year });
    kpis.push({ key: 'staff', label: '在编 / 编制', value: `${count(inPost.value)} / ${count(quota.value)}`, unit: `${inPost.unit} / ${quota.unit}${rate ? ` · 控制率 ${pct(rate.value, decimalsOf(rate.value))}` : ''}` });
  }

  // ---- the rotating spending panel: the finest split the report gives ----
  const leaves = i.trees.functional.filter((n) => !i.trees.functional.some((m) => m.parent === n.code));
  const byFunction = leaves.flatMap((n) => item(`f:${n.code}`, n.name, at({ functional: n.code })));
  const byEconomic = i.trees.economic.filter((n) => n.parent === null).flatMap((n) => item(`e:${n.code}`, n.name, at({ economic: n.code })));
  const [spendTitle, spendItems] = byFunction.length
    ? ['支出功能科目（决算）', byFunction]
    : byEconomic.length
      ? ['支出经济分类（决算）', byEconomic]
      : ['支出类型（决算）', bases];
  if (!byFunction.length) missing.push('支出功能科目');
  const items = [...spendItems].sort((a, b) => b.amount - a.amount);
  const itemsTotal = items.reduce((s, r) => s + r.amount, 0);
  const spend = items.length
    ? {
        id: 'screen-spending',
        title: spendTitle,
        option: screenSpendingOption(items, opts),
        label: `${spendTitle.replace(/（.*）$/, '')}条形图`,
        description: items.map((r) => `${r.label} ${money(r.amount, u)}${unitLabel}`).join('；'),
        height: 640,
        items,
        captions: items.map((r) => highlightCaption(r, itemsTotal, u)),
      }
    : null;

  // ---- operational indicators ----
  const ops = opsPanel(i);
  if (!ops) missing.push(i.entry.indicatorsTitle ?? '业务运行指标');

  // ---- side panel: controlled expenses, spending types, income sources ----
  const side: ScreenChart[] = [];
  if (controls.length) {
    const title = controls.map((c) => c.title).join('、');
    side.push({
      id: 'screen-controls',
      title,
      option: screenControlsOption(controls, { ...opts, year: i.year }),
      label: `${title}：年初预算、本年决算、上年决算`,
      description: controls.map((r) => `${r.title}：预算 ${r.budget === null ? '—' : money(r.budget, u)}，决算 ${money(r.actual, u)}，上年 ${r.prior === null ? '—' : money(r.prior, u)}`).join('；'),
      height: 400,
    });
  } else missing.push('“三公”经费、会议费、培训费');
  if (bases.length > 1 && spendItems !== bases)
    side.push({
      id: 'screen-basis',
      title: '支出类型',
      option: screenPieOption(bases, { ...opts, name: '支出类型' }),
      label: '支出类型环形图',
      description: bases.map((b) => `${b.label} ${money(b.amount, u)}${unitLabel}`).join('；'),
      height: 330,
    });
  const sources = income.filter((r) => r.source !== null && r.amount > 0).map((r) => ({ key: `income:${r.source}`, label: sourceLabel(r.source!, '收入'), amount: r.amount }));
  if (sources.length > 1)
    side.push({
      id: 'screen-income',
      title: '收入来源',
      option: screenPieOption(sources, { ...opts, name: '收入来源' }),
      label: '收入来源环形图',
      description: sources.map((s) => `${s.label} ${money(s.amount, u)}${unitLabel}`).join('；'),
      height: 330,
    });

  const r = i.report;
  const withOps = ops ? '与运行' : '';
  return {
    state: 'ok',
    headline: `${i.entry.name} · ${i.year}年部门整体支出${withOps}`,
    sourceLine: `数据来源：${r ? `${r.publisher}《${r.title}》${r.date ? `（报告日期 ${r.date}）` : ''}` : '—'} · 金额单位：${unitLabel}`,
    kpis: kpis.slice(0, 6),
    spend,
    ops,
    // Two charts fill the side column at the wall's size; a third would be cut off.
    side: side.slice(0, 2),
    notCovered: notCoveredSentence(i.year, missing),
  };
}

const item = (key: string, label: string, a: Amount | null): ScreenItem[] => (a && a.amount > 0 ? [{ key, label, amount: a.amount }] : []);


/** Income totals of the year (no basis, no codes), by source; source null = 本年收入合计. */
function incomeRows(facts: ColumnTable | null, unit: string, year: number): Array<{ source: FundSource | null; amount: number }> {
  if (!facts) return [];
  return facts
    .params({ unit, year })
    .filter((d: any, $: any) => d.unit === $.unit && d.year === $.year && d.phase === '决算' && d.flow === '收入' && d.basis === null && d.functional === null && d.economic === null)
    .select('source', 'amount')
    .objects() as Array<{ source: FundSource | null; amount: number }>;
}

/**
 * The controlled expenses the report states, by role: “三公”经费 (or, when only items are stated,
 * exactly those items), 会议费, 培训费 — each with its 年初预算 and last year's 决算.
 */
function controlRows(figures: UnitFigures, year: number): Array<ScreenControl & { primary: boolean }> {
  const total = figures.get({ role: 'sangong.total', year });
  const sangong: Figure[] = total ? [total] : topItems(figures.parts('sangong.item', year));
  const others = ['meeting.total', 'training.total'].flatMap((role) => figures.get({ role, year }) ?? []);
  return [...sangong, ...others].map((f, n) => ({
    primary: n < sangong.length,
    key: f.role!,
    title: f.title,
    actual: f.value,
    budget: (figures.get({ role: f.role!, year, phase: '年初预算' }) ?? figures.get({ role: f.role!, year, phase: '调整预算' }))?.value ?? null,
    prior: figures.get({ role: f.role!, year: year - 1 })?.value ?? null,
  }));
}

/** One key figure per operational group: its largest stated count (levels and rates skipped). */
function keyFigures(groups: OpGroup[]): Array<{ group: OpGroup; item: OpItem }> {
  return groups.flatMap((g) => {
    const c = chartableOps(g.items).filter((i) => i.unit !== '级');
    const item = [...c].sort((a, b) => b.base - a.base)[0];
    return item ? [{ group: g, item }] : [];
  });
}

function opsPanel(i: ScreenInput): ScreenView['ops'] {
  const rows = i.indicators ? operationRows(i.indicators, i.unit, i.year) : [];
  if (!rows.length) return null;
  const groups = groupOperations(rows, [...i.groups]);
  const figures = keyFigures(groups).map(({ group, item }) => ({
    key: item.id,
    // The group's heading names its theme before "：" (优政：数字政府); the wall has room for the rest only.
    label: `${group.label.replace(/^.*：/, '')} · ${item.label}`,
    value: figureText(item, count),
    badges: badges(item)
      .filter((b) => b !== '推算')
      .map((b) => b.replace(/（.*）/, '')),
  }));
  const chain = groups.map((g) => funnelChain(g.items)).find((c) => c.length > 1) ?? [];
  const title = `${chain[0]?.label ?? ''} → ${chain[chain.length - 1]?.label ?? ''}`;
  return {
    title: i.entry?.indicatorsTitle ?? '业务运行指标',
    figures,
    funnel:
      chain.length > 1
        ? {
            id: 'screen-funnel',
            title,
            option: funnelOption(chain, { fontScale: i.scale * i.reading }),
            label: `${title}漏斗图`,
            description: chain.map((c) => `${c.label} ${figureText(c, count)}`).join(' → '),
            height: 320,
          }
        : null,
  };
}
