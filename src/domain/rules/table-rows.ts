import type { Fact, RuleResult } from '../../model/types';
import { EPS } from '../check';
import { fmt, groupBy, groupKey, result, sum, type Rule } from './context';

/**
 * Where a fact imported from a standard table was printed, read back from its quote
 * (`<sheet> › 公开0N表 › <title> 第N行 <row>　<column>：<value as printed>`, the tables importer's form:
 * an ideographic space between the row and the column headers),
 * with the money unit it was printed in. Facts from a report's text have no such quote.
 */
export interface PrintedCell {
  sheet: string;
  table: string;
  row: number;
  rowLabel: string;
  column: string;
  /** One unit of the last printed decimal (at least a cent) of the printed unit, in 万元: the rounding a printed figure carries. */
  cent: number;
}

const CELL = /^(.*?) › (公开0\d表) › .*?第(\d+)行 ([^\u3000]*)\u3000([^：]*)：(.*)$/;
const TO_WAN: Record<string, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };

export function printedCell(f: Fact): PrintedCell | null {
  if (f.provenance.kind !== 'stated') return null;
  const m = CELL.exec(f.provenance.quote);
  if (!m) return null;
  const unit = /(亿元|千元|万元|元)(?:（折合|$)/.exec(m[6])?.[1] ?? '万元';
  const printed = /^[^元万千亿（]*/.exec(m[6])![0];
  const decimals = Math.max(2, /\.(\d+)/.exec(printed)?.[1].length ?? 0);
  return { sheet: m[1], table: m[2], row: Number(m[3]), rowLabel: m[4].trim(), column: m[5], cent: 10 ** -decimals * TO_WAN[unit] };
}

const APPROPRIATIONS = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'];

/** The columns of one printed row that make up its total column: the spending types, or the sources. */
function split(row: Fact[]): { total: Fact; parts: Fact[] } | null {
  const wide = row.filter((f) => f.basis === null);
  const total = wide.find((f) => f.source === null) ?? wide.find((f) => f.source === '财政拨款') ?? (wide.length === 1 ? wide[0] : undefined);
  if (!total) return null;
  const byBasis = row.filter((f) => f.basis !== null && f.source === total.source);
  if (byBasis.length) return { total, parts: byBasis };
  const narrower =
    total.source === '财政拨款'
      ? (s: string | null) => s !== null && APPROPRIATIONS.includes(s)
      : total.source === null
        ? row.some((f) => f.source === '财政拨款')
          ? (s: string | null) => s !== null && !APPROPRIATIONS.includes(s)
          : (s: string | null) => s !== null
        : () => false;
  const bySource = wide.filter((f) => f !== total && narrower(f.source));
  return bySource.length ? { total, parts: bySource } : null;
}

/**
 * table-rows:<total fact id> — in a printed standard table (03/05/09 合计 = 基本支出 + 项目支出 + …,
 * 02 本年收入合计 = Σ sources, 04 合计 = Σ appropriations, 08 小计 = 基本 + 项目), each row's total
 * column equals the sum of its other columns, an empty cell counting as nothing, within one cent
 * of the unit the table is printed in. The finding names the table, the row, each column and its number.
 */
export const tableRows: Rule = {
  id: 'table-rows',
  title: '表内每行合计等于各栏之和',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const placed = ctx.facts.map((f) => ({ f, at: printedCell(f) })).filter((x): x is { f: Fact; at: PrintedCell } => x.at !== null);
    for (const row of groupBy(placed, ({ f, at }) => groupKey(at.sheet, at.table, at.row, f.year, f.phase, f.flow, f.functional, f.economic)).values()) {
      const s = split(row.map((x) => x.f));
      if (!s) continue;
      const cell = (f: Fact) => row.find((x) => x.f === f)!.at;
      const at = cell(s.total);
      const found = sum(s.parts.map((f) => f.amount));
      const diff = found - s.total.amount;
      const tolerance = at.cent;
      const ok = Math.abs(diff) <= tolerance + EPS;
      const parts = s.parts.map((f) => `${cell(f).column} ${fmt(f.amount, 6)}`).join(' + ');
      out.push(
        result(
          this,
          `table-rows:${s.total.id}`,
          ok,
          { expected: s.total.amount, found, difference: diff, tolerance, columns: s.parts.length },
          [s.total.id, ...s.parts.map((f) => f.id)],
          `${at.table} 第${at.row}行 ${at.rowLabel}：${at.column} ${fmt(s.total.amount, 6)}万元，${parts} = ${fmt(found, 6)}万元${ok ? '，一致' : `，相差 ${fmt(diff, 6)}万元（容差 ${fmt(tolerance, 6)}）`}`,
        ),
      );
    }
    return out;
  },
};
