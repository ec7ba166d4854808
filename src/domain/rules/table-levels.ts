import type { Fact, RuleResult } from '../../model/types';
import { EPS } from '../check';
import { fmt, groupBy, groupKey, result, sum, type Rule } from './context';
import { printedCell, type PrintedCell } from './table-rows';

/**
 * table-levels:<parent fact id>[:economic] — in a printed standard table every 类 equals the sum of
 * its 款 rows and every 款 the sum of its 项 rows (经济分类: 类 = Σ款), within one cent of the unit
 * the table is printed in. children-sum lets stated children fall short of their parent (a text
 * names only some 款, the rest is 未细分); a standard table prints all of them, so here a shortfall
 * is an error too. Only rows of one table, column and cell are compared with each other.
 */
export const tableLevels: Rule = {
  id: 'table-levels',
  title: '表内类等于各款之和、款等于各项之和',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const placed = ctx.facts.map((f) => ({ f, at: printedCell(f) })).filter((x): x is { f: Fact; at: PrintedCell } => x.at !== null);
    for (const tree of ['functional', 'economic'] as const) {
      const other = tree === 'functional' ? 'economic' : 'functional';
      const columns = groupBy(placed, ({ f, at }) => groupKey(at.sheet, at.table, at.column, f.year, f.phase, f.flow, f.source, f.basis, f[other]));
      for (const column of columns.values()) {
        for (const { f: parent, at } of column) {
          const code = parent[tree];
          if (code === null || code.length >= (tree === 'functional' ? 7 : 5)) continue;
          const kids = column.filter(({ f }) => f[tree]?.length === code.length + 2 && f[tree]!.startsWith(code));
          if (!kids.length) continue;
          const found = sum(kids.map(({ f }) => f.amount));
          const diff = found - parent.amount;
          const tolerance = at.cent;
          const ok = Math.abs(diff) <= tolerance + EPS;
          const level = code.length === 3 ? '款' : '项';
          const list = kids.map(({ f, at: k }) => `第${k.row}行 ${f[tree]} ${fmt(f.amount, 6)}`).join(' + ');
          out.push(
            result(
              this,
              `table-levels:${parent.id}${tree === 'economic' ? ':economic' : ''}`,
              ok,
              { expected: parent.amount, found, difference: diff, tolerance, children: kids.length },
              [parent.id, ...kids.map(({ f }) => f.id)],
              `${at.table} 第${at.row}行 ${at.rowLabel}（${at.column}）${fmt(parent.amount, 6)}万元，其下 ${kids.length} 个${level}之和 ${fmt(found, 6)}万元（${list}）${ok ? '，一致' : `，相差 ${fmt(diff, 6)}万元（容差 ${fmt(tolerance, 6)}）`}`,
            ),
          );
        }
      }
    }
    return out;
  },
};
