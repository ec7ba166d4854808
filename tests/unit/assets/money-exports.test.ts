/**
 * The #/assets downloads hold the amounts the tables show, in the display unit: the balance table
 * (本年末 / 上年末) and the 三公 budget-vs-actual table converted to 元 or 亿元 and rounded as shown,
 * never the stored 万元 under a 元 header. 宁乡 2022: 资产总额 601.59 万元, 上年末 735.35 万元.
 */
import { describe, expect, test } from 'vitest';
import { assetsModel, type AssetsView, type PanelView } from '../../../src/features/assets/model';
import { cellExport, cellText, type Column } from '../../../src/ui/table/columns';
import type { MoneyUnit } from '../../../src/model/vocabulary';
import { reportOf, unitFiles, view } from './units';

const files = unitFiles('ningxiang-drc');
const model = (money: MoneyUnit): AssetsView => assetsModel({ unitName: '单位', files, report: reportOf(files.find((f) => f.reportYear === 2022)!), view: view({ unit: 'ningxiang-drc', money }) });
const panel = (vm: AssetsView, id: string): PanelView => vm.panels.find((x) => x.id === id)!;
/** Header → exported value for one row of a panel's table. */
function exported(p: PanelView, match: (row: Record<string, unknown>) => boolean): Record<string, unknown> {
  const t = p.table!;
  const row = (t.rows as Record<string, unknown>[]).find(match)!;
  return Object.fromEntries((t.columns as Column<Record<string, unknown>>[]).map((c) => [c.label, cellExport(c, row)]));
}

describe('assets downloads in the display unit', () => {
  test.each([
    ['yuan', '元', 6015900, 7353500],
    ['wan', '万元', 601.59, 735.35],
    ['yi', '亿元', 0.0602, 0.0735],
  ] as const)('balance table in %s', (money, label, now, prior) => {
    const row = exported(panel(model(money), 'balance'), (r) => r.role === 'assets.total');
    expect(row[`本年末（${label}）`]).toBe(now);
    expect(row[`上年末（${label}）`]).toBe(prior);
  });

  test.each(['yuan', 'wan', 'yi'] as const)('三公 budget and actual table in %s: every money cell exports the number it shows', (money) => {
    const p = panel(model(money), 'controls');
    const t = p.table!;
    const cols = (t.columns as Column<Record<string, unknown>>[]).filter((c) => c.numeric);
    expect(cols.length).toBeGreaterThan(0);
    let checked = 0;
    for (const row of t.rows as Record<string, unknown>[]) {
      for (const c of cols) {
        const v = cellExport(c, row);
        if (v === null) continue;
        // The shown text without grouping commas and the 推算 mark is the exported number.
        expect(Number(cellText(c, row).replace(/[≈,]/g, '')), `${c.label}`).toBe(v);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
  });
});
