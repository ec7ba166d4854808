/**
 * The spending explorer's node card (the level's total, its comparison year and plans, and what
 * the figures cover) and the other ways into the drill.
 */
import type { ColumnTable } from 'arquero';
import { entries, type DrillResult } from '../../../domain/spending/drill';
import { PARTIAL_SOURCE } from '../../../domain/spending/slices';
import type { Amount, DrillContext, Trees } from '../../../domain/spending/types';
import { growthPct } from '../../../domain/check';
import type { SourceRef } from '../../../domain/provenance';
import type { DrillStep } from '../../../model/routes';
import type { MoneyUnit } from '../../../model/vocabulary';
import { moneyWithUnit, signed, signedMoney } from '../../../ui/format';

/** A figure of the node card: label, formatted amount and where it comes from. */
export interface NodeFigure {
  label: string;
  text: string;
  source: SourceRef;
  /** Change against the comparison year, e.g. "−1,959.60（−66.91%）". */
  change?: { text: string; tone: 'up' | 'down' | null };
}

const figure = (label: string, amount: Amount, u: MoneyUnit, srcLabel: string): NodeFigure => ({
  label,
  text: moneyWithUnit(amount.amount, u),
  source: { ids: amount.ids, computed: amount.stated ? undefined : '下级明细之和', label: srcLabel },
});

const tone = (d: number): 'up' | 'down' | null => (d > 0 ? 'up' : d < 0 ? 'down' : null);

/** The change text "−1,959.60（−66.91%）" of `a` against `b`. */
function changeOf(a: number, b: number, u: MoneyUnit): { text: string; tone: 'up' | 'down' | null } {
  const g = growthPct(a, b);
  return { text: `${signedMoney(a - b, u)}${g === null ? '' : `（${signed(g)}%）`}`, tone: tone(a - b) };
}

/** What the economic figures of a level cover when they are one fund source's split only. */
const PARTIAL_NOTE = `报告只按经济分类列出了${PARTIAL_SOURCE}的基本支出，这一层级的经济分类数字只含这一部分，其余列为未细分。`;

interface CardOptions {
  year: number;
  /** The comparison year asked for (it may have no data). */
  asked: number | null;
  /** The comparison year used. */
  compare: number | null;
  money: MoneyUnit;
}

/** The node card of a level. */
export function nodeCard(r: DrillResult, o: CardOptions) {
  const u = o.money;
  const total = r.total ? figure(`${o.year}年决算`, r.total, u, `${r.label}决算`) : null;
  const basisNote = r.key.basis ? '（该年未按支出类型拆分）' : '';
  let compareFigure: NodeFigure | null = null;
  let compareNote: string | null = null;
  if (o.asked !== null && o.compare === null) compareNote = `${o.asked}年没有支出数据，不作对比。`;
  else if (o.compare !== null && r.cmpTotal) {
    compareFigure = {
      ...figure(`${o.compare}年决算`, r.cmpTotal, u, `${r.label}${o.compare}年决算`),
      change: r.total ? changeOf(r.total.amount, r.cmpTotal.amount, u) : undefined,
    };
  } else if (o.compare !== null) compareNote = `该层级无${o.compare}年数据${basisNote}。`;
  const hasCmp = r.rows.some((x) => x.cmpAmount !== null);
  if (o.compare !== null && r.cmpTotal && r.rows.length && !hasCmp) compareNote = `${o.compare}年数据没有在这一层级拆分${r.dim === 'b' ? '（该年未按支出类型拆分）' : basisNote}。`;
  const plans = [
    r.planInitial ? figure('年初预算', r.planInitial, u, '年初预算') : null,
    r.planAdjusted ? figure('调整预算', r.planAdjusted, u, '调整预算') : null,
  ].filter((x): x is NodeFigure => x !== null);
  const partial = !!r.total?.partial || r.rows.some((x) => x.partial);
  return { total, totalText: r.total ? moneyWithUnit(r.total.amount, u) : '无数据', compareFigure, compareNote, plans, partialNote: partial ? PARTIAL_NOTE : null };
}

type Entry = { label: string; items: Array<{ step: DrillStep; path: DrillStep[]; label: string }> };

/**
 * Other ways in. At the top (no level above offers a choice; a unit whose total has one child
 * starts below it): function-first and economic-first. At a spending type whose level splits by
 * function: its economic categories, when the report gives them only for one fund source (so
 * the function levels can never reach them).
 */
export function entryList(facts: ColumnTable, ctx: DrillContext, r: DrillResult, trees: Trees): Entry[] {
  const partialWord = (items: Array<{ partial: boolean }>) => (items.some((x) => x.partial) ? `（只含${PARTIAL_SOURCE}基本支出）` : '');
  const list = (label: string, items: ReturnType<typeof entries>): Entry => ({ label, items: items.map((x) => ({ step: x.step, path: x.path, label: x.label })) });
  if (!r.upPath) {
    const e = entries(facts, ctx, 'e', trees);
    return [list('不分支出类型，直接按功能分类：', entries(facts, ctx, 'f', trees)), list(`按经济分类${partialWord(e)}：`, e)].filter((x) => x.items.length);
  }
  const base = r.path.length === 1 && r.path[0].startsWith('b:') && r.dim !== 'e' ? r.path : null;
  const e = base ? entries(facts, ctx, 'e', trees, base) : [];
  return e.some((x) => x.partial) ? [list(`按经济分类${partialWord(e)}：`, e)] : [];
}
