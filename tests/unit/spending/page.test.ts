/**
 * What the spending route's markup takes from ./page: the model's input read off the stores, the
 * charts paired side by side, the download's rows in the on-screen order, and the keys a hover or
 * a search highlights.
 */
import { describe, expect, it } from 'vitest';
import { spendingModel, type SpendingView } from '../../../src/features/spending/model';
import { downloadRows, highlightKey, hoverKey, pairedCharts, spendingInput, type SpendingData } from '../../../src/features/spending/page';
import { recordsOf } from '../../../src/domain/provenance';
import { REST_KEY } from '../../../src/domain/spending/types';
import type { DrillStep } from '../../../src/model/routes';
import { allFacts, FIRST, SECOND, shipped, trees } from '../overview/fixtures';

const store: SpendingData = { facts: allFacts, unitEntry: (u) => (u === FIRST || u === SECOND ? shipped(u).entry : undefined) };
const records = recordsOf(shipped(FIRST).files);
const at = (path: DrillStep[], compare: number | null = 2021) => ({ unit: FIRST, year: 2022, compare, path, money: 'wan' as const });
const ok = (path: DrillStep[], compare: number | null = 2021, focus?: string | null): SpendingView => {
  const m = spendingModel(spendingInput(store, trees, records, at(path, compare), focus));
  if (m.state !== 'ok') throw new Error(m.message);
  return m;
};

describe('spending page: the model input from the stores', () => {
  it('carries the view, the unit’s name from the index and the focus', () => {
    const input = spendingInput(store, trees, records, at(['b:项目支出']), 'f:206');
    expect(input).toEqual({ facts: allFacts, trees, records, unit: FIRST, unitName: '宁乡市数据资源中心', year: 2022, compare: 2021, path: ['b:项目支出'], money: 'wan', focus: 'f:206' });
    expect(ok(['b:项目支出'], 2021, 'f:206').focusKey).toBe('f:206');
  });

  it('an embedded chart points nothing out; a unit not in the index has no name (the model says so)', () => {
    expect(spendingInput(store, trees, records, at([])).focus).toBeNull();
    const missing = spendingInput(store, trees, records, { ...at([]), unit: 'nowhere' });
    expect(missing.unitName).toBeNull();
    expect(spendingModel(missing)).toEqual({ state: 'no-unit', message: '数据中没有单位“nowhere”。' });
  });
});

describe('spending page: what the markup draws', () => {
  const root = ok([]);

  it('pairs composition and comparison, only those the level has', () => {
    expect(pairedCharts(root).map((c) => c.id)).toEqual(['hier', 'cmp']);
    expect(pairedCharts({ ...root, charts: { ...root.charts, cmp: null } }).map((c) => c.id)).toEqual(['hier']);
    const typeWithoutBreakdown = spendingModel(spendingInput(store, trees, recordsOf(shipped(SECOND).files), { ...at(['b:基本支出']), unit: SECOND }));
    if (typeWithoutBreakdown.state !== 'ok') throw new Error(typeWithoutBreakdown.message);
    expect(pairedCharts(typeWithoutBreakdown)).toEqual([]);
    expect(pairedCharts(null)).toEqual([]);
  });

  it('downloads the rows in the order on screen, 未细分 last in either direction', () => {
    const rest = { ...root.rows[0], key: REST_KEY, label: '未细分', amount: 10_000, drill: null };
    const v = { ...root, rows: [rest, ...root.rows] };
    expect(downloadRows(v, null).map((r) => r.key)).toEqual(['b:项目支出', 'b:基本支出', REST_KEY]);
    expect(downloadRows(v, { key: 'amount', dir: 'asc' }).map((r) => r.key)).toEqual(['b:基本支出', 'b:项目支出', REST_KEY]);
    expect(downloadRows(v, { key: 'amount', dir: 'desc' }).map((r) => r.key)).toEqual(['b:项目支出', 'b:基本支出', REST_KEY]);
    expect(downloadRows(null, null)).toEqual([]);
    expect(downloadRows({ ...root, table: null }, null)).toEqual([]);
  });

  it('a hover on a chart’s own key highlights the row it belongs to; other keys pass through', () => {
    expect(hoverKey(root, 'b:项目支出>f:206')).toBe('b:项目支出');
    expect(hoverKey(root, 'b:基本支出')).toBe('b:基本支出');
    expect(hoverKey(root, null)).toBeNull();
    expect(hoverKey(null, 'x')).toBe('x');
  });

  it('the item under the pointer wins over the figure a search opened', () => {
    const focused = ok(['b:项目支出'], 2021, 'f:206');
    expect(highlightKey('f:207', focused)).toBe('f:207');
    expect(highlightKey(null, focused)).toBe('f:206');
    expect(highlightKey(null, root)).toBeNull();
    expect(highlightKey(null, null)).toBeNull();
  });
});
