/** The #/assets view model, on the shipped units and on a small unit made for the test. */
import { describe, expect, test } from 'vitest';
import { assetsModel, type AssetsView, type PanelView } from '../../../src/features/assets/model';
import { reportOf, smallUnit, unitFiles, view } from './units';
import type { UnitYearFile } from '../../../src/model/types';

function model(files: UnitYearFile[], patch: Parameters<typeof view>[0] = {}, name = '单位'): AssetsView {
  const v = view(patch);
  const own = files.find((f) => f.reportYear === v.year) ?? files[0];
  return assetsModel({ unitName: name, files, report: own ? reportOf(own) : undefined, view: v });
}
const panel = (vm: AssetsView, id: string): PanelView => {
  const p = vm.panels.find((x) => x.id === id);
  if (!p) throw new Error(`no panel ${id} (have ${vm.panels.map((x) => x.id).join(', ')})`);
  return p;
};
const card = (p: PanelView, key: string) => p.cards.find((c) => c.key === key);

describe('the shipped report (ningxiang-drc 2022)', () => {
  const files = unitFiles('ningxiang-drc');
  const vm = model(files, { unit: 'ningxiang-drc' });

  test('every section it states is drawn, in order; what it does not state is named once', () => {
    expect(vm.panels.map((p) => p.id)).toEqual(['balance', 'fixed', 'vehicle', 'controls', 'sangong', 'meeting', 'training', 'staff', 'performance']);
    expect(vm.notCovered).toBe('本单位2022年的报告未涉及：机关运行经费、政府采购。');
    expect(vm.title).toBe('2022年资产、经费管理与人员');
    expect(vm.empty).toBeNull();
  });

  test('balance: this year, last year (derived) and the stated growth, by role', () => {
    const p = panel(vm, 'balance');
    const rows = p.table!.rows as Array<{ role: string; value: number; prior: { value: number; derived: boolean } | null; growthText: string | null }>;
    expect(rows.map((r) => [r.role, r.value, r.prior?.value ?? null, r.growthText])).toEqual([
      ['assets.total', 601.59, 735.35, '−18.19%'],
      ['assets.liabilities', 0, null, '0.00%'],
      ['assets.net', 601.59, 735.35, '−18.19%'],
    ]);
    expect(rows[0].prior?.derived).toBe(true);
    expect(p.chart?.description).toContain('资产总额 601.59 万元（上年末 735.35 万元），较上年 −18.19%');
  });

  test('the contradiction 927.65 > 601.59 is shown beside the balance, from the rules, linked to #/quality', () => {
    const c = panel(vm, 'balance').checks.find((x) => x.key === 'asset-bounds:m-fa-selfuse')!;
    expect(c.status).toBe('known');
    expect(c.numbers).toEqual(expect.arrayContaining([{ label: '应为', value: '601.59' }, { label: '实际', value: '927.65' }]));
    expect(c.title).toBe('自用固定资产927.65万元大于资产总额601.59万元');
    expect(c.href).toContain('#/quality?');
    expect(c.href).toContain('focus=asset-bounds:m-fa-selfuse');
  });

  test('fixed-asset classes carry the stated share and its recomputation', () => {
    const p = panel(vm, 'fixed');
    const rows = p.table!.rows as Array<{ title: string; value: number; shareText: string; check: { ok: boolean } }>;
    expect(rows.map((r) => [r.title, r.value, r.shareText])).toEqual([
      ['通用设备', 905.56, '97.6%（复算 97.62%）'],
      ['专用设备', 19.98, '2.2%（复算 2.15%）'],
      ['家具、用具、装具及动植物', 2.11, '0.2%（复算 0.23%）'],
    ]);
    expect(rows.every((r) => r.check.ok)).toBe(true);
    // 自用固定资产's 100% names no denominator in the data: stated, not recomputed.
    expect(card(p, 'm-fa-selfuse-share')?.note).toBeUndefined();
    expect(card(p, 'm-fa-inuse-share')?.note).toBe('报告 100% · 复算 100.00% ✓');
  });

  test('the vehicle: count and values as figures, the statuses as parts of the count', () => {
    const p = panel(vm, 'vehicle');
    expect(p.cards.map((c) => c.value)).toEqual(['1 辆', '20.98 万元', '8.30 万元']);
    expect((p.table!.rows as Array<{ value: number }>).map((r) => r.value)).toEqual([1, 0, 0, 0]);
  });

  test('三公 / 会议 / 培训: 决算, 年初预算 and last year, derived bars marked', () => {
    const rows = panel(vm, 'controls').table!.rows as Array<{ role: string; actual: number; budget: number; prior: number; derived: { budget: boolean; prior: boolean } }>;
    expect(rows.map((r) => [r.role, r.actual, r.budget, r.prior])).toEqual([
      ['sangong.total', 5.74, 6, 5.71],
      ['meeting.total', 0, 2, 1.41],
      ['training.total', 0.43, 3, 1],
    ]);
    expect(rows.map((r) => r.derived)).toEqual([
      { budget: false, adjusted: false, prior: true },
      { budget: true, adjusted: false, prior: true },
      { budget: true, adjusted: false, prior: true },
    ]);
  });

  test('“三公”经费: 调整预算 beside 年初预算 and 决算 when the report states it', () => {
    const budget = files[0].measures.find((m) => m.id === 'm-sangong-budget')!;
    const withAdjusted = files.map((f) => (f.reportYear === 2022 ? { ...f, measures: [...f.measures, { ...budget, id: 'm-sangong-adjusted', phase: '调整预算' as const, value: 5.9 }] } : f));
    const p = panel(model(withAdjusted, { unit: 'ningxiang-drc' }), 'controls');
    const row = (p.table!.rows as Array<{ role: string; budget: number; adjusted: number | null; actual: number; keys: { adjusted: string | null } }>)[0];
    expect([row.role, row.budget, row.adjusted, row.actual, row.keys.adjusted]).toEqual(['sangong.total', 6, 5.9, 5.74, 'm-sangong-adjusted']);
    expect(p.table!.columns.map((c) => c.label)).toEqual(['项目', '年初预算（万元）', '调整预算（万元）', '决算（万元）', '上年（万元）']);
    expect(p.title).toContain('年初预算、调整预算、决算');
  });

  test('stated rates are recomputed; one that cannot be is said so', () => {
    const rates = panel(vm, 'controls').asideTable!.rows as Array<{ key: string; recomputed: number | null; ok: boolean | null }>;
    const r = (k: string) => rates.find((x) => x.key === k)!;
    expect(r('m-sangong-vs-budget-pct').recomputed).toBeCloseTo(-4.3333, 3);
    expect(r('m-training-vs-budget-pct').recomputed).toBeCloseTo(-85.6667, 3);
    expect(r('m-training-yoy-pct').recomputed).toBeCloseTo(-57, 6);
    expect(rates.filter((x) => x.recomputed !== null).every((x) => x.ok)).toBe(true);
    // 2021's 三公 is itself derived from the stated +0.5%: recomputing the 0.5% from it proves nothing.
    expect(rates.some((x) => x.key === 'm-sangong-yoy-pct')).toBe(false);
    expect(card(panel(vm, 'sangong'), 'm-sangong-yoy-pct')?.value).toBe('+0.5%');
  });

  test('三公 is titled “三公”经费 when the total is stated, with its items drawn', () => {
    const p = panel(vm, 'sangong');
    expect(p.title).toBe('“三公”经费');
    expect((p.table!.rows as Array<{ title: string; value: number }>).map((r) => [r.title, r.value])).toEqual([
      ['公务用车购置及运行维护费', 4],
      ['公务接待费', 1.74],
      ['因公出国（境）费', 0],
    ]);
    expect(p.cards.map((c) => c.value)).toEqual(expect.arrayContaining(['5.74 万元', '6.00 万元', '38 次', '388 人', '−4.33%']));
  });

  test('staffing: quota, people in post by kind, vacant posts computed, people outside the quota', () => {
    const p = panel(vm, 'staff');
    const rows = p.table!.rows as Array<{ title: string; kind: string; value: number }>;
    expect(rows.map((r) => [r.kind, r.value])).toEqual([
      ['编制', 14],
      ['在编', 9],
      ['在编构成', 3],
      ['在编构成', 6],
      ['计算', 5],
      ['编外', 2],
      ['编外', 1],
    ]);
    expect(card(p, 'm-staff-control-rate')?.note).toBe('报告 64.29% · 复算 64.29% ✓');
    expect(p.cards.map((c) => c.value)).toEqual(expect.arrayContaining(['14 个', '9 人']));
  });

  test('the full list holds every measure of the year, and only those', () => {
    const ids = files[0].measures.filter((m) => m.year === 2022).map((m) => m.id);
    expect(vm.measures.rows.map((r) => r.key)).toEqual(ids);
    expect(vm.measures.rows.find((r) => r.key === 'm-staff-epidemic-posted')?.title).toBe('—');
  });

  test('the full list is folded, with its count on the fold, and open only when the link focuses one of its rows', () => {
    const n = files[0].measures.filter((m) => m.year === 2022).length;
    expect(vm.measures.summary).toBe(`展开全部 ${n} 项指标的表格`);
    expect(vm.measures.open).toBe(false);
    expect(model(files, { focus: 'm-staff-control-rate' }).measures.open).toBe(true);
    expect(model(files, { focus: 'sangong.total:prior' }).measures.open).toBe(false);
  });

  test('focus: a figure is toggled, an unknown key is ignored, the focused card is marked', () => {
    expect(vm.select('m-veh-count')).toBe('m-veh-count');
    expect(vm.select('sangong.total:prior')).toBeUndefined();
    const focused = model(files, { focus: 'm-staff-control-rate' });
    expect(focused.select('m-staff-control-rate')).toBeNull();
    expect(card(panel(focused, 'staff'), 'm-staff-control-rate')?.focused).toBe(true);
  });

  test('money in 元: cards and tables follow the display unit', () => {
    const yuan = model(files, { money: 'yuan' });
    expect(card(panel(yuan, 'balance'), 'm-assets-total')?.value).toBe('6,015,900 元');
    expect(yuan.footnote).toContain('元');
  });

  test('year 2021 is the fact year: its figures come from the 2022 report, not an empty page', () => {
    const vm21 = assetsModel({ unitName: '单位', files, report: reportOf(files[0]), view: view({ year: 2021 }) });
    expect(vm21.empty).toBeNull();
    expect(vm21.reportNote).toBe('2021年的数字来自2022年的报告（上年数）。');
    expect(card(panel(vm21, 'balance'), 'm-assets-total-2021')?.value).toBe('735.35 万元');
    expect(vm21.notCovered).toContain('车辆');
  });
});

describe('the second shipped unit (daying-wgl 2022)', () => {
  const files = unitFiles('daying-wgl');
  const vm = model(files, { unit: 'daying-wgl' });

  test('only what its report states: 公务接待费, 机关运行经费, 政府采购; the rest named as not covered', () => {
    expect(vm.panels.map((p) => p.id)).toEqual(['controls', 'sangong', 'operating', 'procurement']);
    expect(vm.notCovered).toBe('本单位2022年的报告未涉及：资产负债与固定资产、车辆、会议费、培训费、机构与人员、预算绩效管理。');
  });

  test('公务接待费 is never called “三公”经费', () => {
    expect(panel(vm, 'sangong').title).toBe('公务接待费');
    expect(panel(vm, 'controls').title).toBe('公务接待费：决算、上年');
    expect(JSON.stringify(vm.panels.map((p) => [p.title, p.navLabel, p.cards.map((c) => c.title), p.chart?.label, p.chart?.description]))).not.toContain('三公');
    // The full list names each measure's part by role, so 国内公务接待支出 (no role, part of 公务接待费) is under 公务接待费 too.
    expect(vm.measures.rows.map((r) => r.section)).not.toContain('“三公”经费');
    expect(vm.measures.rows.find((r) => r.key === 'm-reception-domestic')?.section).toBe('公务接待费');
  });

  test('the growth printed truncated (−13.71% for −13.72%) is shown beside the figure', () => {
    const p = panel(vm, 'sangong');
    expect(card(p, 'm-sangong-reception-growth')?.note).toBe('报告 −13.71% · 复算 −13.72% ≠');
    // The finding is shown once on the page: in the first panel whose figures it concerns.
    const shownIn = vm.panels.filter((x) => x.checks.some((c) => c.key === 'recompute:m-sangong-reception-growth')).map((x) => x.id);
    expect(shownIn).toHaveLength(1);
    expect(vm.findings!.count).toBeGreaterThanOrEqual(new Set(vm.panels.flatMap((x) => x.checks.map((c) => c.key))).size);
  });

  test('no finding is listed in two panels, and the page line counts each once', () => {
    const keys = vm.panels.flatMap((x) => x.checks.map((c) => c.key));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(vm.findings?.text).toBe(`本页 ${vm.findings?.count} 项数字与报告存在出入`);
    expect(vm.findings!.count).toBeGreaterThanOrEqual(keys.length);
  });

  test('政府采购 by kind with shares of the total, SME shares checked', () => {
    const p = panel(vm, 'procurement');
    expect((p.table!.rows as Array<{ title: string; value: number; shareText: string }>).map((r) => [r.title, r.value, r.shareText])).toEqual([
      ['货物', 0, '0.00%（计算）'],
      ['工程', 39, '5.50%（计算）'],
      ['服务', 670.65, '94.50%（计算）'],
    ]);
    expect(card(p, 'm-procurement-sme-share')?.note).toBe('报告 0% · 复算 0.00% ✓');
  });

  test('机关运行经费 as a part of 基本支出', () => {
    expect(panel(vm, 'operating').notes).toEqual(['机关运行经费占基本支出（1,140.27 万元）的 6.47%（计算）。']);
  });
});

describe('a small unit made for the test', () => {
  const vm = model([smallUnit()], { unit: 'small-unit' });

  test('公务接待费 alone: its own title, its budget and last year in the comparison', () => {
    expect(panel(vm, 'sangong').title).toBe('公务接待费');
    const rows = panel(vm, 'controls').table!.rows as Array<{ title: string; actual: number; budget: number; prior: number }>;
    expect(rows.map((r) => [r.title, r.actual, r.budget, r.prior])).toEqual([['公务接待费', 3.43, 4, 8.12]]);
    expect(panel(vm, 'controls').title).toBe('公务接待费：年初预算、决算、上年');
  });

  test('机关运行经费 parts are drawn with their computed shares', () => {
    const p = panel(vm, 'operating');
    expect(p.chart?.description).toBe('机关运行经费构成：办公费 30.00 万元，占比 60.00%（计算）；差旅费 20.00 万元，占比 40.00%（计算）。');
    expect(p.notes[0]).toContain('25.00%');
  });

  test('stated shares are marked as the rules check them: the one that does not recompute is a finding beside the chart', () => {
    const p = panel(vm, 'procurement');
    expect(p.checks.map((c) => [c.key, c.status])).toEqual([['share:m-proc-micro-share', 'fail']]);
    expect(card(p, 'm-proc-sme-share')?.note).toBe('报告 60% · 复算 60.00% ✓');
    expect(card(p, 'm-proc-micro-share')?.note).toBe('报告 26% · 复算 25.00% ≠');
  });

  test('no assets, vehicles, staff or indicators: none drawn, all named once', () => {
    expect(vm.panels.map((p) => p.section)).not.toContain('assets');
    expect(vm.notCovered).toBe('本单位2022年的报告未涉及：资产负债与固定资产、车辆、会议费、培训费、机构与人员、预算绩效管理。');
    expect(vm.title).toBe('2022年经费管理');
  });

  test('a measure with no role is in the full list only', () => {
    expect(vm.measures.rows.find((r) => r.key === 'm-loose')).toMatchObject({ title: '—', valueText: '7.00 万元' });
    expect(vm.panels.some((p) => p.cards.some((c) => c.key === 'm-loose'))).toBe(false);
  });

  test('a year no report states gives a clear message', () => {
    const none = assetsModel({ unitName: '某单位', files: [smallUnit()], report: undefined, view: view({ year: 2019 }) });
    expect(none.empty).toBe('没有某单位2019年的数据。');
  });
});

describe('terms in the panel titles', () => {
  test('each glossary term in the titles is explained once, at its first panel, and the titles read as before', () => {
    for (const u of ['ningxiang-drc', 'daying-wgl']) {
      const v = model(unitFiles(u), { unit: u });
      const marked = v.panels.flatMap((p) => (p.titleRuns ?? []).filter((r) => r.term).map((r) => r.term!.id));
      expect(new Set(marked).size).toBe(marked.length);
      expect(v.panels.every((p) => (p.titleRuns ?? []).map((r) => r.text).join('') === p.title)).toBe(true);
    }
    const names = model(unitFiles('ningxiang-drc'), { unit: 'ningxiang-drc' }).panels.flatMap((p) => (p.titleRuns ?? []).filter((r) => r.term).map((r) => r.term!.name));
    expect(names).toEqual(expect.arrayContaining(['“三公”经费']));
  });
});
