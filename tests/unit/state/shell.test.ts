import { describe, expect, it } from 'vitest';
import { citation, documentTitle, footerItems, navItems, resolveView, toolbarSummary } from '../../../src/state/shell';
import { parseHash } from '../../../src/state/url';
import type { DataIndex } from '../../../src/model/types';

const index: DataIndex = {
  classifications: { functional: 'classifications/functional.json', economic: 'classifications/economic.json' },
  units: [
    { id: 'unit-a', name: '甲单位', region: '某省某市', currency: '万元', indicatorsTitle: '城市运行', years: [{ year: 2022, file: 'units/unit-a/2022.json' }] },
    { id: 'unit-b', name: '乙单位', region: '某省某县', currency: '万元', years: [{ year: 2023, file: 'units/unit-b/2023.json' }] },
  ],
};
const years = (u: string) => (u === 'unit-a' ? [2021, 2022] : [2022, 2023]);
// unit-b's 2022 holds only measures its 2023 report derives: no spending to compare with.
const comparable = (u: string) => (u === 'unit-a' ? [2021, 2022] : [2023]);
const resolve = (hash: string) => resolveView(parseHash(hash), index, { years, comparable });

describe('shell model', () => {
  it('fills a bare link with the first unit, its latest year and the year before as comparison', () => {
    expect(resolve('').view).toEqual({ route: '', unit: 'unit-a', year: 2022, compare: 2021, path: [], money: 'wan', focus: null });
    expect(resolve('').notices).toEqual([]);
  });

  it('replaces an unknown unit by the first one and says so', () => {
    const r = resolve('#/screen?unit=no-such-unit');
    expect(r.view.unit).toBe('unit-a');
    expect(r.view.route).toBe('screen');
    expect(r.notices).toEqual(['链接中的单位“no-such-unit”不在数据中，已显示甲单位。']);
  });

  it('replaces a year the unit has no data for by its latest year, listing the years it has', () => {
    const r = resolve('#/spending?unit=unit-a&year=2019');
    expect(r.view.year).toBe(2022);
    expect(r.notices[0]).toContain('2019');
    expect(r.notices[0]).toContain('2022、2021');
  });

  it('drops a comparison year without spending data, and never compares a year with itself', () => {
    expect(resolve('#/?unit=unit-b&year=2023').view.compare).toBeNull();
    expect(resolve('#/?unit=unit-b&year=2023&cmp=2022').notices[0]).toContain('2022');
    const r = resolve('#/?unit=unit-a&year=2022&cmp=2022');
    expect(r.view.compare).toBeNull();
    expect(r.notices).toHaveLength(1);
  });

  it('keeps URL problems as sentences beside the data checks', () => {
    const r = resolve('#/%?year=abc');
    expect(r.view.route).toBe('');
    expect(r.notices).toHaveLength(2);
  });

  it('names the indicators route after the unit, and hides it for a unit with none', () => {
    expect(navItems(index.units[0], true).find((n) => n.route === 'operations')?.title).toBe('城市运行');
    expect(navItems(index.units[1], false).map((n) => n.route)).not.toContain('operations');
    expect(documentTitle(navItems(index.units[0], true), 'operations', '甲单位')).toBe('城市运行 · 甲单位 · 支出透明看板');
  });

  it('links the about and import pages from the footer, not the main navigation', () => {
    expect(navItems(index.units[0], true).map((n) => n.route)).toEqual(['', 'units', 'spending', 'assets', 'tables', 'operations', 'quality', 'glossary', 'screen']);
    expect(footerItems().map(({ route, title }) => ({ route, title }))).toEqual([
      { route: 'about', title: '关于数据' },
      { route: 'import', title: '导入数据' },
    ]);
    expect(footerItems().every((i) => i.note.length > 10)).toBe(true);
    expect(documentTitle(navItems(index.units[0], true), 'import', '甲单位')).toBe('导入数据 · 甲单位 · 支出透明看板');
  });

  it("cites the selected unit's own report", () => {
    const c = citation({ id: 's', title: '乙单位2023年度单位决算', publisher: '乙单位', date: '2024-09-01', file: 'sources/b.txt' }, 2023);
    expect(c?.text).toBe('乙单位《乙单位2023年度单位决算》（2024-09-01）');
    expect(citation(undefined, undefined)).toBeNull();
  });

  it('a report without a printed date is cited without one (never “未注明”)', () => {
    const c = citation({ id: 's', title: '乙单位2023年度单位决算', publisher: '乙单位', date: null, file: 'sources/b.txt' }, 2023);
    expect(c?.text).toBe('乙单位《乙单位2023年度单位决算》');
    expect(c?.date).toBeNull();
  });

  it('the folded settings on a phone say the year, the comparison and the money unit', () => {
    expect(toolbarSummary({ year: 2022, compare: 2021, money: 'wan' })).toBe('2022年 · 对比2021年 · 万元');
    expect(toolbarSummary({ year: 2022, compare: null, money: 'yi' })).toBe('2022年 · 亿元');
    expect(toolbarSummary({ year: 2023, compare: null, money: 'yuan' })).toBe('2023年 · 元');
  });
});
