import { describe, expect, it } from 'vitest';
import { overviewModel, overviewTitle, type Card, type OverviewView } from '../../../src/features/overview/model';
import type { MoneyUnit } from '../../../src/model/vocabulary';
import { allFacts, FIRST, fixtureEntry, fixtureFile, FIXTURE, SECOND, shipped, trees } from './fixtures';
import { factsTable, preferOwnReport } from '../../../src/data/tables';

const view = (unit: string, year = 2022, money: MoneyUnit = 'wan', hover: string | null = null): OverviewView => {
  const u = unit === FIXTURE ? { entry: fixtureEntry, files: [fixtureFile] } : shipped(unit);
  const m = overviewModel({ facts: allFacts, trees, files: u.files, unit, unitName: u.entry.name, year, money, hover });
  if (m.state !== 'ok') throw new Error(m.message);
  return m;
};
/** A card's visible text, segments joined as the markup joins them. */
const text = (c: Card | undefined) =>
  c ? [...c.lines.map((l) => l.segs.map((s) => s.text).join('')), ...c.rates.map((r) => `${r.name} ${r.segs.map((s) => s.text).join('')}`)].join('\n') : '';
const card = (v: OverviewView, kpi: string) => v.cards.find((c) => c.kpi === kpi);

describe('overview of the shipped unit (2022)', () => {
  const v = view(FIRST);

  it('spending total against last year, from the facts', () => {
    const t = text(card(v, 'total'));
    expect(t).toContain('969.29 万元');
    expect(t).toContain('较2021年（2,928.89）−1,959.60，−66.91%');
  });

  it('spending types with shares; 2021 has no split, said so', () => {
    const c = card(v, 'basis')!;
    expect(c.title).toBe('基本支出与项目支出');
    const t = text(c);
    expect(t).toContain('基本支出 223.30（23.04%）');
    expect(t).toContain('项目支出 745.99（76.96%）');
    expect(t).toContain('2021年数据未按支出类型拆分');
    expect(c.lines.map((l) => l.hoverKey).filter(Boolean)).toEqual(['b:基本支出', 'b:项目支出']);
  });

  it('budget execution: computed rates, the stated 411% only as a check detail', () => {
    const c = card(v, 'execution')!;
    expect(text(c)).toContain('年初预算 235.80 → 调整预算 969.29 → 决算 969.29');
    const rate = (n: string, marks: boolean) =>
      c.rates
        .find((r) => r.name === n)!
        .segs.filter((s) => marks || !s.audit)
        .map((s) => s.text)
        .join('');
    // The public reading: one figure per rate.
    expect(rate('预算完成率', false)).toBe('100.00%');
    expect(rate('预算调整率', false)).toBe('311.06%');
    // With the marks asked for, the report's own differing figure beside it.
    expect(rate('预算完成率', true)).toBe('100.00% 报告所列 411%（与“决算 ÷ 年初预算”一致）');
    expect(rate('决算 / 年初预算', true)).toBe('411.06%');
    expect(rate('预算调整率', true)).toBe('311.06% 报告所列 411%（与“决算 ÷ 年初预算”一致）');
    expect(rate('项目资金到位率', false)).toBe('100%');
  });

  it('explains each glossary term at its first use on the page: card titles, then the paragraph', () => {
    const titled = v.cards.flatMap((c) => (c.titleRuns ?? []).filter((r) => r.term).map((r) => r.term!.name));
    expect(titled).toEqual(expect.arrayContaining(['基本支出', '项目支出', '“三公”经费']));
    const inStory = (v.narrativeRuns ?? []).filter((r) => r.term).map((r) => r.term!.name);
    // Each term once on the page: nothing the titles explained is explained again below.
    expect(inStory.filter((n) => titled.includes(n))).toEqual([]);
    expect(new Set([...titled, ...inStory]).size).toBe(titled.length + inStory.length);
    expect((v.narrativeRuns ?? []).map((r) => r.text).join('')).toBe(v.narrative);
    expect(v.cards.every((c) => (c.titleRuns ?? []).map((r) => r.text).join('') === c.title)).toBe(true);
  });

  it('a card that opens #/assets lands on its own figure there (the link names it as the focus)', () => {
    const sangong = card(v, 'sangong.total')!;
    const file = shipped(FIRST).files.find((f) => f.reportYear === 2022)!;
    const target = file.measures.find((m) => m.id === sangong.link.focus);
    expect(sangong.link.route).toBe('assets');
    expect(target?.role).toBe('sangong.total');
    expect(target?.year).toBe(2022);
    const staff = card(v, 'staff')!;
    expect(file.measures.find((m) => m.id === staff.link.focus)?.role).toBe('staff.quota');
    // Links into #/spending keep no focus (the drill path says where they land).
    expect(card(v, 'total')!.link.focus).toBeUndefined();
  });

  it('one line counts the findings about the figures shown, and links them on #/quality', () => {
    const u = shipped(FIRST);
    const results = [
      { key: 'a', rule: 'r', family: 'arithmetic', grade: 'error', title: 't', status: 'fail', message: '', numbers: {}, records: [card(v, 'execution')!.rates[0].segs[0].source!.ids[0]] },
      { key: 'b', rule: 'r', family: 'arithmetic', grade: 'error', title: 't', status: 'known', message: '', numbers: {}, records: [card(v, 'total')!.lines[0].segs.find((s) => s.source)!.source!.ids[0]] },
      { key: 'c', rule: 'r', family: 'arithmetic', grade: 'error', title: 't', status: 'pass', message: '', numbers: {}, records: [card(v, 'total')!.lines[0].segs.find((s) => s.source)!.source!.ids[0]] },
      { key: 'd', rule: 'r', family: 'arithmetic', grade: 'error', title: 't', status: 'fail', message: '', numbers: {}, records: ['not-on-this-page'] },
    ] as never[];
    const sel = { route: '' as const, unit: FIRST, year: 2022, compare: 2021, path: [], money: 'wan' as const, focus: null };
    const m = overviewModel({ facts: allFacts, trees, files: u.files, unit: FIRST, unitName: u.entry.name, year: 2022, money: 'wan', results, view: sel });
    if (m.state !== 'ok') throw new Error(m.message);
    expect(m.findings).toMatchObject({ count: 2, text: '本页 2 项数字与报告存在出入' });
    expect(m.findings?.href).toMatch(/^#\/quality\?unit=ningxiang-drc&year=2022&cmp=2021(&|$)/);
    const none = overviewModel({ facts: allFacts, trees, files: u.files, unit: FIRST, unitName: u.entry.name, year: 2022, money: 'wan', results: results.slice(2), view: sel });
    expect(none.state === 'ok' && none.findings).toBeNull();
  });

  it('三公 total with budget, 2021 and items, found by role', () => {
    const c = card(v, 'sangong.total')!;
    expect(c.title).toBe('“三公”经费');
    const t = text(c);
    expect(t).toContain('5.74 万元');
    expect(t).toContain('预算 6.00，少用 0.26（−4.33%）');
    expect(t).toMatch(/较2021年（约 5\.71）\+0\.03/);
    expect(t).toContain('公务接待费 1.74');
    expect(t).toContain('因公出国（境）费');
  });

  it('staffing from roles, with the previous year by the same role', () => {
    const t = text(card(v, 'staff'));
    expect(t).toContain('编制 14 · 在编 9');
    expect(t).toContain('在编率 64.29%');
    expect(t).not.toContain('报告所列'); // 64.29% as stated: the same figure
    expect(t).toContain('编制较2021年 +2');
  });

  it('income card shows the stated 收入总计; carry-over the stated year-end 0', () => {
    expect(text(card(v, 'income'))).toContain('收入总计（含年初结转和结余） 969.29');
    expect(text(card(v, 'carryover'))).toContain('年末结转和结余 0.00');
  });

  it('names once what the report does not cover', () => {
    expect(v.notCovered).toBe('本单位2022年的报告未涉及：机关运行经费、政府采购、收入决算（按来源）。');
  });

  it('narrative and structure chart', () => {
    expect(v.narrative).toMatch(/^2022年支出合计969\.29万元，较上年减少1,959\.60万元，下降66\.91%，主要是其他科学技术支出减少1,972\.63万元/);
    expect(v.narrative).toContain('“三公”经费5.74万元');
    const s = v.structure!;
    expect(s.list[0]).toMatchObject({ key: 'f:206', label: '科学技术支出', text: '712.69 万元（73.53%）' });
    expect(s.chart.description).toMatch(/^2022年支出按功能分类：科学技术支出 712\.69 万元（73\.53%）/);
    const opt = s.chart.option as any;
    expect(opt.series.map((x: any) => x.name)).toEqual(['基本支出', '项目支出']);
    expect(opt.series[1].data.every((d: any) => d.key === d.name && d.key.startsWith('f:'))).toBe(true);
  });

  it('follows the money unit and the hovered spending type', () => {
    const y = view(FIRST, 2022, 'yi', 'b:项目支出');
    expect(text(card(y, 'total'))).toContain('0.0969 亿元');
    const opt = y.structure!.chart.option as any;
    expect(opt.series.map((x: any) => x.itemStyle.opacity)).toEqual([0.25, 1]);
  });
});

describe('overview of the shipped unit in 2021 (the fact year its 2022 report derives)', () => {
  const v = view(FIRST, 2021);
  it('shows the 2021 figures, with no comparison invented', () => {
    expect(v.title).toBe('2021年部门整体支出概览');
    const t = text(card(v, 'total'));
    expect(t).toContain('2,928.89');
    expect(t).toContain('数据中没有2020年支出合计');
    expect(card(v, 'basis')).toBeUndefined();
    expect(text(card(v, 'sangong.total'))).toContain('5.71');
    expect(text(card(v, 'staff'))).toContain('编制 12');
    expect(v.narrative).toContain('2021年支出合计2,928.89万元（数据中没有上年支出');
    expect(v.notCovered).toContain('预算执行');
  });
});

describe('overview of the second shipped unit (income by source, only spending-type totals, only 公务接待费)', () => {
  const v = view(SECOND);
  it('spending total and types (zero types in one line)', () => {
    expect(text(card(v, 'total'))).toContain('4,143.91');
    const t = text(card(v, 'basis'));
    expect(card(v, 'basis')!.title).toBe('支出类型');
    expect(t).toContain('基本支出 1,140.27（27.52%）');
    expect(t).toContain('上缴上级支出、经营支出、对附属单位补助支出：0');
    expect(text(card(v, 'total'))).toContain('政府性基金预算财政拨款、国有资本经营预算财政拨款：0');
  });
  it('income by source with shares', () => {
    const t = text(card(v, 'income'));
    expect(t).toContain('本年收入合计 4,125.49');
    expect(t).toContain('一般公共预算财政拨款收入 3,859.16（93.54%）');
    expect(t).toContain('其他收入 266.33（6.46%）');
    expect(t).toContain('收入总计（含年初结转和结余） 4,125.49 较上年 −1,267.86，−23.51%');
  });
  it('公务接待费 is titled by its role, never 三公经费', () => {
    expect(card(v, 'sangong.total')).toBeUndefined();
    const c = card(v, 'sangong.item:公务接待')!;
    expect(c.title).toBe('公务接待费');
    expect(text(c)).toContain('7.80 万元');
    expect(text(c)).toMatch(/较2021年（约 9\.04）−1\.24/);
    expect(JSON.stringify(v.cards)).not.toContain('三公');
  });
  it('机关运行经费 and 政府采购 cards; no execution or staffing cards', () => {
    expect(text(card(v, 'operating.total'))).toContain('73.73');
    expect(text(card(v, 'procurement.total'))).toContain('709.65');
    expect(card(v, 'execution')).toBeUndefined();
    expect(card(v, 'staff')).toBeUndefined();
  });
  it('no functional split: no structure chart, said once', () => {
    expect(v.structure).toBeNull();
    expect(v.notCovered).toContain('支出功能分类');
    expect(v.notCovered).toContain('资产负债与固定资产');
    expect(v.notCovered).toContain('机构与人员');
    expect(v.notCovered).not.toContain('政府采购');
    expect(v.narrative).toContain('本年收入合计4,125.49万元，其中一般公共预算财政拨款收入3,859.16万元，占93.54%');
    expect(v.narrative).toContain('公务接待费7.80万元');
    expect(v.narrative).not.toContain('宁乡');
  });
});

describe('overview of a fixture unit (spending only by fund source, 三公 only as items)', () => {
  const v = view(FIXTURE);
  it('fund-source spending, carry-over by source; no all-source total invented', () => {
    const t = text(card(v, 'total'));
    expect(t).toContain('财政拨款 766.60');
    expect(t).toContain('一般公共预算财政拨款 762.90');
    expect(t).not.toContain('数据中没有'); // there is no all-source total to compare
    expect(text(card(v, 'carryover'))).toContain('年初结转和结余（财政拨款） 156.33');
    expect(text(card(v, 'income'))).toContain('财政拨款收入 610.42');
    expect(card(v, 'basis')).toBeUndefined();
    expect(v.narrative).toBeNull();
  });
  it('exactly the stated 三公 items, each its own card; a combined item hides its parts', () => {
    expect(v.cards.filter((c) => c.kpi.startsWith('sangong')).map((c) => c.title)).toEqual(['因公出国（境）费', '公务用车购置及运行维护费', '公务接待费']);
    expect(text(card(v, 'sangong.item:公务用车购置及运行维护'))).toContain('较上年 +1.25，+125.00%');
  });
  it('unknown unit and empty year are explicit states', () => {
    expect(overviewModel({ facts: allFacts, trees, files: [], unit: 'nope', unitName: null, year: 2022, money: 'wan' }).state).toBe('no-unit');
    expect(overviewModel({ facts: allFacts, trees, files: [fixtureFile], unit: FIXTURE, unitName: '某单位', year: 1999, money: 'wan' }).state).toBe('no-data');
  });
});

describe('人员经费 and 公用经费 of 基本支出, when stated', () => {
  const basis = (id: string, b: string, amount: number) => ({ ...fixtureFile.facts[0], id, flow: '支出' as const, source: null, basis: b as '基本支出', amount, label: id });
  const stated = { kind: 'stated', quote: 'q', section: 's' } as const;
  const m = (id: string, role: string, value: number) => ({ id, group: 'g', role, label: id, value, unit: '万元', year: 2022, approx: null, cumulative: false, parent: null, provenance: stated });
  const file = {
    ...fixtureFile,
    unit: 'basic-parts',
    facts: [basis('t', '', 0), basis('b', '基本支出', 200), basis('p', '项目支出', 100)].map((f) => (f.id === 't' ? { ...f, basis: null, amount: 300 } : f)),
    measures: [m('m-pers', 'basic.personnel', 150), m('m-pub', 'basic.public', 50)],
  };
  const facts = preferOwnReport(factsTable([file]));
  const v = overviewModel({ facts, trees, files: [file], unit: 'basic-parts', unitName: '某单位', year: 2022, money: 'wan' });

  it('follow 基本支出 as its parts, each with its share of 基本支出 and its source', () => {
    if (v.state !== 'ok') throw new Error(v.message);
    const c = card(v, 'basis')!;
    const t = text(c).split('\n');
    expect(t.slice(0, 3)).toEqual(['基本支出 200.00（66.67%）', '其中人员经费 150.00（75.00%）', '其中公用经费 50.00（25.00%）']);
    expect(c.lines[1].segs.find((s) => s.source)?.source?.ids).toEqual(['m-pers']);
  });

  it('are left out when the report does not state them', () => {
    const bare = overviewModel({ facts, trees, files: [{ ...file, measures: [] }], unit: 'basic-parts', unitName: '某单位', year: 2022, money: 'wan' });
    if (bare.state !== 'ok') throw new Error(bare.message);
    expect(text(card(bare, 'basis'))).not.toContain('其中');
  });
});

describe('overviewTitle', () => {
  it('names the kind of document the figures come from', () => {
    expect(overviewTitle(2022, '部门整体支出绩效自评')).toBe('2022年部门整体支出概览');
    expect(overviewTitle(2020, '部门决算')).toBe('2020年部门决算概览');
    expect(overviewTitle(2022, '单位决算')).toBe('2022年单位决算概览');
    expect(overviewTitle(2023, '项目支出绩效自评')).toBe('2023年项目支出绩效自评概览');
    expect(overviewTitle(2019, '其他')).toBe('2019年收支概览');
    expect(overviewTitle(2019, undefined)).toBe('2019年收支概览');
  });

  it('heads the second shipped unit’s overview with its 单位决算', () => {
    expect(view(SECOND, 2022).title).toBe('2022年单位决算概览');
  });
});
