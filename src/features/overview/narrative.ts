/**
 * A 决算说明-style paragraph generated from the data, never hand-written per year:
 * "2022年支出合计X万元，较上年减少Y万元，下降Z%，主要是……". Pure; the money unit follows the view.
 */
import { makeLookup, slice } from '../../domain/spending/slices';
import { BASES, type Trees } from '../../domain/spending/types';
import { MONEY_SHOWN, sharePct } from '../../domain/check';
import type { ColumnTable } from 'arquero';
import type { MoneyUnit } from '../../model/vocabulary';
import { MONEY, money, pct } from '../../ui/format';

export interface NarrativeInput {
  year: number;
  total: number;
  /** Previous year's total; null when the data has none. */
  prevYear: number | null;
  prevTotal: number | null;
  /** The year's spending by type (基本支出, 项目支出 …), as stated or summed; non-zero only. */
  bases: Array<{ label: string; amount: number }>;
  /** Changes by functional 项 against the previous year (amount in 万元). */
  changes: Array<{ label: string; change: number }>;
  /** Largest economic category of the year, when split. */
  topEconomic?: { label: string; amount: number } | null;
  /** 本年收入合计 and its non-zero sources, when the report states income. */
  income?: { total: number | null; sources: Array<{ label: string; amount: number }> } | null;
  /** Controlled expenses the report states (“三公”经费, or only the items it gives), titled by role. */
  controls?: Array<{ title: string; amount: number }>;
}

const amt = (v: number, u: MoneyUnit) => `${money(Math.abs(v), u)}${MONEY[u].label}`;
const share = (part: number, whole: number) => pct(sharePct(part, whole) ?? 0);

/** The paragraph. */
export function narrative(n: NarrativeInput, unit: MoneyUnit = 'wan'): string {
  const parts: string[] = [];
  let first = `${n.year}年支出合计${amt(n.total, unit)}`;
  if (n.prevTotal !== null && n.prevYear !== null) {
    const d = n.total - n.prevTotal;
    if (Math.abs(d) < MONEY_SHOWN) first += `，与${n.prevYear}年持平`;
    else {
      const up = d > 0;
      first += `，较上年${up ? '增加' : '减少'}${amt(d, unit)}`;
      if (n.prevTotal !== 0) first += `，${up ? '增长' : '下降'}${share(Math.abs(d), n.prevTotal)}`;
      // Drivers: the largest changes in the same direction as the total, until they explain ≥ 80%.
      const same = n.changes.filter((c) => Math.sign(c.change) === Math.sign(d) && Math.abs(c.change) >= MONEY_SHOWN).sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
      const drivers: typeof same = [];
      let covered = 0;
      for (const c of same) {
        if (drivers.length >= 3 || covered >= Math.abs(d) * 0.8) break;
        drivers.push(c);
        covered += Math.abs(c.change);
      }
      if (drivers.length) first += `，主要是${drivers.map((c) => `${c.label}${up ? '增加' : '减少'}${amt(c.change, unit)}`).join('、')}`;
      const against = n.changes.filter((c) => Math.sign(c.change) === -Math.sign(d) && Math.abs(c.change) >= MONEY_SHOWN).sort((a, b) => Math.abs(b.change) - Math.abs(a.change)).slice(0, 2);
      if (against.length) first += `；${against.map((c) => `${c.label}${up ? '减少' : '增加'}${amt(c.change, unit)}`).join('、')}，部分抵消了${up ? '增幅' : '降幅'}`;
    }
  } else {
    first += '（数据中没有上年支出，无法与上年比较）';
  }
  parts.push(first + '。');
  if (n.bases.length > 1 && n.total) {
    parts.push(`其中${n.bases.map((b) => `${b.label}${amt(b.amount, unit)}，占${share(b.amount, n.total)}`).join('；')}。`);
  }
  if (n.topEconomic && n.total) {
    parts.push(`按经济分类，${n.topEconomic.label}最多，为${amt(n.topEconomic.amount, unit)}，占${share(n.topEconomic.amount, n.total)}。`);
  }
  const inc = n.income;
  if (inc && (inc.total !== null || inc.sources.length)) {
    const whole = inc.total;
    const src = inc.sources.map((s) => `${s.label}${amt(s.amount, unit)}${whole ? `，占${share(s.amount, whole)}` : ''}`).join('；');
    parts.push(whole !== null ? `本年收入合计${amt(whole, unit)}${src ? `，其中${src}` : ''}。` : `收入：${src}。`);
  }
  if (n.controls?.length) parts.push(`${n.controls.map((c) => `${c.title}${amt(c.amount, unit)}`).join('，')}。`);
  return parts.join('');
}

/** The spending part of the narrative's input, from the fact table (labels from the classification trees). */
export function spendingNarrative(facts: ColumnTable, unit: string, year: number, trees: Trees): Pick<NarrativeInput, 'year' | 'total' | 'prevYear' | 'prevTotal' | 'bases' | 'changes' | 'topEconomic'> | null {
  const cur = makeLookup(slice(facts, unit, year, '决算'), trees);
  const all = { basis: null, functional: null, economic: null } as const;
  const total = cur(all);
  if (!total) return null;
  const prevRows = slice(facts, unit, year - 1, '决算');
  const prev = prevRows.length ? makeLookup(prevRows, trees) : null;
  const prevTotal = prev?.(all) ?? null;
  const leaves = trees.functional.filter((n) => !trees.functional.some((m) => m.parent === n.code));
  const changes = prev
    ? leaves.flatMap((n) => {
        const a = cur({ ...all, functional: n.code });
        const b = prev({ ...all, functional: n.code });
        return a || b ? [{ label: n.name, change: Math.round(((a?.amount ?? 0) - (b?.amount ?? 0)) * 100) / 100 }] : [];
      })
    : [];
  const econ = trees.economic
    .filter((n) => n.parent === null)
    .flatMap((n) => {
      const a = cur({ ...all, economic: n.code });
      return a ? [{ label: n.name, amount: a.amount }] : [];
    })
    .sort((a, b) => b.amount - a.amount);
  return {
    year,
    total: total.amount,
    prevYear: prevTotal ? year - 1 : null,
    prevTotal: prevTotal?.amount ?? null,
    bases: BASES.flatMap((b) => {
      const a = cur({ ...all, basis: b });
      return a && a.amount !== 0 ? [{ label: b, amount: a.amount }] : [];
    }),
    changes,
    topEconomic: econ[0] ?? null,
  };
}
