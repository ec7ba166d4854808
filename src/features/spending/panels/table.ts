/** The spending explorer's table: its columns by year, comparison and plans, and the totals row. */
import type { ChildRow, DrillResult } from '../../../domain/spending/drill';
import { REST_KEY } from '../../../domain/spending/types';
import { growthPct } from '../../../domain/check';
import type { MoneyUnit } from '../../../model/vocabulary';
import type { Column } from '../../../ui/table/columns';
import { MONEY, money, moneyExport, pct, roundTo, signed, signedMoney } from '../../../ui/format';

/** The table's columns: actual and share; comparison year and change when compared; plans when stated. */
export function columnsOf(year: number, compare: number | null, rows: ChildRow[], u: MoneyUnit): Column<ChildRow>[] {
  const unitLabel = MONEY[u].label;
  const conv = (v: number | null) => moneyExport(v, u);
  const cell = (v: number | null) => (v == null ? '—' : money(v, u));
  const cols: Column<ChildRow>[] = [
    { key: 'label', label: '名称', exportValue: (r) => r.label },
    {
      key: 'amount',
      label: `${year}年决算（${unitLabel}）`,
      numeric: true,
      format: (v: number) => money(v, u),
      exportValue: (r) => conv(r.amount),
      source: (r) => ({ ids: r.ids, computed: r.key === REST_KEY ? '本级合计 − 各明细之和' : r.stated ? undefined : '下级明细之和' }),
    },
    { key: 'share', label: '占比（%）', numeric: true, format: (v: number | null) => (v == null ? '—' : pct(v)), exportValue: (r) => roundTo(r.share, 2) },
  ];
  if (compare !== null)
    cols.push(
      {
        key: 'cmpAmount',
        label: `${compare}年决算（${unitLabel}）`,
        numeric: true,
        format: cell,
        exportValue: (r) => conv(r.cmpAmount),
        source: (r) => (r.cmpIds.length && r.cmpAmount !== null ? { ids: r.cmpIds } : null),
      },
      { key: 'change', label: `增减（${unitLabel}）`, numeric: true, format: (v: number | null) => (v == null ? '—' : signedMoney(v, u)), exportValue: (r) => conv(r.change) },
      { key: 'changePct', label: '增减率（%）', numeric: true, format: (v: number | null) => (v == null ? '—' : `${signed(v)}%`), exportValue: (r) => roundTo(r.changePct, 2) },
    );
  if (rows.some((r) => r.planInitial !== null || r.planAdjusted !== null))
    cols.push(
      { key: 'planInitial', label: `年初预算（${unitLabel}）`, numeric: true, format: cell, exportValue: (r) => conv(r.planInitial) },
      { key: 'planAdjusted', label: `调整预算（${unitLabel}）`, numeric: true, format: cell, exportValue: (r) => conv(r.planAdjusted) },
    );
  return cols;
}

/** The totals row of the table: the node itself. */
export function totalsRow(r: DrillResult, rows: ChildRow[]): ChildRow | null {
  if (!r.total) return null;
  const hasPlanRows = rows.some((x) => x.planInitial !== null || x.planAdjusted !== null);
  const cmp = r.cmpTotal;
  return {
    key: '__total',
    label: `合计：${r.label}`,
    code: '',
    dim: 'rest',
    amount: r.total.amount,
    ids: r.total.ids,
    stated: r.total.stated,
    partial: !!r.total.partial,
    share: 100,
    cmpAmount: cmp?.amount ?? null,
    cmpIds: cmp?.ids ?? [],
    change: cmp ? roundTo(r.total.amount - cmp.amount, 6) : null,
    changePct: cmp ? growthPct(r.total.amount, cmp.amount) : null,
    planInitial: hasPlanRows ? (r.planInitial?.amount ?? null) : null,
    planAdjusted: hasPlanRows ? (r.planAdjusted?.amount ?? null) : null,
    planIds: [],
    drill: null,
  };
}
