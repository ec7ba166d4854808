import { describe, expect, it } from 'vitest';
import { screenModel, type ScreenView } from '../../../src/features/screen/model';
import { allFacts, allIndicators, FIRST, fixtureEntry, fixtureFile, FIXTURE, index, SECOND, shipped, trees } from '../overview/fixtures';

function view(unit: string, year = 2022, reportYear = 2022) {
  const u = unit === FIXTURE ? { entry: fixtureEntry, files: [fixtureFile] } : shipped(unit);
  const report = u.files.find((f) => f.reportYear === reportYear)?.source ?? null;
  const m = screenModel({ unit, entry: u.entry, report, files: u.files, facts: allFacts, indicators: allIndicators, groups: index.groups ?? [], trees, year, money: 'wan', scale: 1, reading: 1 });
  if (m.state !== 'ok') throw new Error(m.message);
  return m;
}
const ids = (v: ScreenView) => [v.spend?.id, v.ops?.funnel?.id, ...v.side.map((c) => c.id)].filter(Boolean);

describe('screen model', () => {
  it('the shipped unit: headline and source line cite its own report; four panels', () => {
    const v = view(FIRST);
    expect(v.headline).toBe('宁乡市数据资源中心 · 2022年部门整体支出与运行');
    expect(v.sourceLine).toBe('数据来源：宁乡市数据资源中心《宁乡市数据资源中心2022年部门整体支出绩效自评报告》（报告日期 2023-07-25） · 金额单位：万元');
    expect(v.kpis.map((k) => k.key)).toEqual(['total', 'b:基本支出', 'b:项目支出', 'sangong.total', 'assets.total', 'staff']);
    expect(v.kpis[0]).toMatchObject({ label: '决算支出合计', value: '969.29' });
    expect(v.kpis[3].label).toBe('“三公”经费（预算 6.00）');
    expect(v.kpis[5]).toMatchObject({ value: '9 / 14', unit: '人 / 个 · 控制率 64.29%' });
    expect(ids(v)).toEqual(['screen-spending', 'screen-funnel', 'screen-controls', 'screen-basis']);
    expect(v.notCovered).toBeNull();
  });

  it('spending by functional 项, largest first, summing to the total, keyed by drill step', () => {
    const s = view(FIRST).spend!;
    expect(s.title).toBe('支出功能科目（决算）');
    expect(s.items).toHaveLength(9);
    expect(s.items[0]).toEqual({ key: 'f:2069999', label: '其他科学技术支出', amount: 712.69 });
    expect(s.items.reduce((t, r) => t + r.amount, 0)).toBeCloseTo(969.29, 6);
    expect(s.captions[0]).toBe('其他科学技术支出 712.69 万元（73.5%）');
  });

  it('operational indicators: the unit’s own title, one figure per group, a funnel titled by its stages', () => {
    const o = view(FIRST).ops!;
    expect(o.title).toBe(shipped(FIRST).entry.indicatorsTitle);
    expect(o.figures.length).toBe((index.groups ?? []).filter((g) => g.domain === 'operations').length);
    expect(o.funnel?.title).toMatch(/ → /);
  });

  it('controls by role: “三公”经费, 会议费, 培训费 with budget and last year', () => {
    const c = view(FIRST).side[0];
    expect(c.title).toBe('“三公”经费、会议费、培训费');
    expect(c.description).toBe('“三公”经费：预算 6.00，决算 5.74，上年 5.71；会议费：预算 2.00，决算 0.00，上年 1.41；培训费：预算 3.00，决算 0.43，上年 1.00');
  });

  it('2021 for the shipped unit: the 2021 figures, cited from the 2022 report that derives them', () => {
    const v = view(FIRST, 2021);
    expect(v.headline).toContain('2021年');
    expect(v.sourceLine).toContain('2023-07-25');
    expect(v.kpis[0].value).toBe('2,928.89');
    expect(v.spend!.items[0]).toMatchObject({ key: 'f:2069999', amount: 2685.32 });
  });

  it('the second unit: its own report, panels for what it has, the rest named', () => {
    const v = view(SECOND);
    expect(v.headline).toBe(`${shipped(SECOND).entry.name} · 2022年部门整体支出`);
    expect(v.sourceLine).toContain('县文化广电旅游局《2022年度单位决算》');
    expect(JSON.stringify(v)).not.toContain('宁乡');
    expect(v.spend!.title).toBe('支出类型（决算）');
    expect(v.spend!.items.map((i) => i.key)).toEqual(['b:项目支出', 'b:基本支出']);
    expect(v.ops).toBeNull();
    expect(ids(v)).toEqual(['screen-spending', 'screen-controls', 'screen-income']);
    expect(v.side[0].title).toBe('公务接待费');
    expect(v.kpis.find((k) => k.key === 'sangong.item:公务接待')?.label).toBe('公务接待费');
    expect(v.kpis.find((k) => k.key === 'income')?.value).toBe('4,125.49');
    expect(v.notCovered).toBe('本单位2022年的报告未涉及：支出功能科目、业务运行指标。');
  });

  it('a unit with no all-source spending: no spending panel, items as stated', () => {
    const v = view(FIXTURE);
    expect(v.spend).toBeNull();
    expect(v.kpis.map((k) => k.key)).toEqual(['sangong.item:公务接待']);
    expect(v.side[0].title).toBe('因公出国（境）费、公务用车购置及运行维护费、公务接待费');
  });

  it('an unknown unit is an explicit state that never echoes the link', () => {
    const m = screenModel({ unit: 'evil-name', entry: undefined, report: null, files: [], facts: allFacts, indicators: allIndicators, groups: [], trees, year: 2022, money: 'wan', scale: 1, reading: 1 });
    expect(m.state).toBe('no-unit');
    expect(JSON.stringify(m)).not.toContain('evil-name');
  });
});
