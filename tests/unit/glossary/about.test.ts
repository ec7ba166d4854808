import { describe, expect, it } from 'vitest';
import { aboutData, aboutUnitYear, citationText, licenceText, methodSentence, notCoveredParts, unitYearLink } from '../../../src/domain/about';
import type { UnitYearFile } from '../../../src/model/types';
import { files, index } from '../real-data';

const opts = { siteUrl: 'https://example.org/budget/', licence: null };
const file = (unit: string) => files.find((f) => f.unit === unit)!;

describe('aboutUnitYear on the shipped units', () => {
  it('宁乡市数据资源中心 2022: a dated 绩效自评 with no address, no gaps, 22 known issues', () => {
    const a = aboutUnitYear(index, file('ningxiang-drc'), opts);
    expect(a.unit).toEqual({ id: 'ningxiang-drc', name: '宁乡市数据资源中心', region: '湖南省长沙市宁乡市' });
    expect(a.year).toBe(2022);
    expect(a.file).toBe('units/ningxiang-drc/2022.json');
    expect(a.source).toEqual({
      title: '宁乡市数据资源中心2022年部门整体支出绩效自评报告',
      kind: '部门整体支出绩效自评',
      publisher: '宁乡市数据资源中心',
      date: '2023-07-25',
      url: null,
      text: 'sources/000_fbdbbd6bd88a742c.txt',
    });
    expect(a.years).toEqual([2021, 2022]);
    // 41 facts + 86 measures + 36 indicators, as the file holds them.
    expect(a.method).toEqual({ stated: 137, derived: 25, inferred: 1, total: 163, codesInferred: 34 });
    expect(a.knownIssues.total).toBe(22);
    expect(a.knownIssues.byKind).toEqual({ arithmetic: 2, definition: 8, wording: 12 });
    expect(a.gaps).toEqual([]);
    expect(a.review).toBe(0);
    const parts = Object.fromEntries(a.parts.map((p) => [p.title, p.covered]));
    // docs/data-format.md: no income by source, no 年初结转和结余, no 机关运行经费 total, no 政府采购.
    expect(parts).toMatchObject({ '收入（按来源）': false, 支出功能分类: true, 支出经济分类: true, 年初结转和结余: false, 政府采购: false, '“三公”经费': true, 智慧城市运行: true });
  });

  it('大英县文化广播电视和旅游局 2022: an undated 单位决算 with an address and ten gaps', () => {
    const a = aboutUnitYear(index, file('daying-wgl'), opts);
    expect(a.source.date).toBeNull();
    expect(a.source.kind).toBe('单位决算');
    expect(a.source.url).toBe('https://dyrmt.com/article-133619-2.html');
    expect(a.gaps).toHaveLength(10);
    expect(a.gaps[0].section).toBe('报告标题、发布单位与发布日期');
    expect(a.method).toEqual({ stated: 58, derived: 4, inferred: 0, total: 62, codesInferred: 0 });
    expect(a.knownIssues.byKind).toEqual({ arithmetic: 3, definition: 2, wording: 1 });
    const parts = Object.fromEntries(a.parts.map((p) => [p.title, p.covered]));
    expect(parts).toMatchObject({ '收入（按来源）': true, '支出（按基本支出、项目支出等类型）': true, 支出功能分类: false, 政府采购: true, 机关运行经费: true, 年末结转和结余: false });
    // No operational indicators route for this unit, so no part for it.
    expect(a.parts.map((p) => p.title)).not.toContain('智慧城市运行');
  });

  it('cites unit, year, document, address and link, and leaves an unknown date out', () => {
    const d = aboutUnitYear(index, file('daying-wgl'), opts);
    expect(d.citation).toBe(
      '大英县文化广播电视和旅游局2022年数据，据《2022年度单位决算》（单位决算，县文化广电旅游局发布），原文 https://dyrmt.com/article-133619-2.html；经支出透明看板整理，https://example.org/budget/#/?unit=daying-wgl&year=2022',
    );
    expect(d.citation).not.toMatch(/未注明|null|undefined/);
    const n = aboutUnitYear(index, file('ningxiang-drc'), opts);
    expect(n.citation).toContain('（部门整体支出绩效自评，宁乡市数据资源中心发布，2023-07-25）；');
    expect(n.citation).not.toContain('原文');
  });

  it('refuses a file the index does not list', () => {
    const stray = { ...file('daying-wgl'), reportYear: 2019 } as UnitYearFile;
    expect(() => aboutUnitYear(index, stray, opts)).toThrow('index.json 没有列出单位 daying-wgl 的 2019 年文件');
  });

  it('counts review items and an inferred code', () => {
    const base = file('daying-wgl');
    const f: UnitYearFile = {
      ...base,
      review: [{ text: '227.7万件', value: 227.7, context: '累计推送227.7万件', where: { line: 3 }, reason: '不认识“累计推送”指的是什么' }],
      facts: [{ ...base.facts[0], codeProvenance: { kind: 'inferred', rule: '按名称归入' } }, ...base.facts.slice(1)],
    };
    const a = aboutUnitYear(index, f, opts);
    expect(a.review).toBe(1);
    expect(a.method.codesInferred).toBe(1);
  });
});

describe('aboutData, links and licence', () => {
  it('lists the files in index order whatever order they come in, a unit’s years in its entry’s order', () => {
    const got = aboutData(index, [...files].reverse(), opts).map((a) => `${a.unit.id} ${a.year}`);
    expect(got).toEqual(index.units.flatMap((u) => u.years.map((y) => `${u.id} ${y.year}`)));
    // The shipped data has a unit with two years (重庆市綦江区公路事务中心), so the order within a unit is exercised.
    expect(got.filter((x) => x.startsWith('qijiang-gonglu-zx ')).length).toBeGreaterThanOrEqual(2);
  });

  it('links relative to the page when no site address is known', () => {
    expect(unitYearLink('', 'ningxiang-drc', 2022)).toBe('#/?unit=ningxiang-drc&year=2022');
  });

  it('says no licence is declared rather than implying one, and names one when given', () => {
    expect(licenceText(null)).toContain('尚未声明许可协议');
    expect(licenceText({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' })).toBe(
      '本站整理的数据按 CC BY 4.0（https://creativecommons.org/licenses/by/4.0/） 发布；原始报告由各发布单位依政府信息公开的规定公开。',
    );
    const a = aboutUnitYear(index, file('daying-wgl'), { siteUrl: '', licence: { name: 'X' } });
    expect(a.licence).toEqual({ name: 'X' });
    expect(citationText({ ...a, source: { ...a.source, kind: null } })).toContain('《2022年度单位决算》（县文化广电旅游局发布）');
  });
});

describe('sentences for the page', () => {
  it('says how the figures were entered, leaving out kinds with none', () => {
    expect(methodSentence(aboutUnitYear(index, file('ningxiang-drc'), opts).method)).toBe(
      '共 163 个数字：137 个照录报告原文，25 个由报告中的数字按公式推算，1 个按写明的规则推定。另有 34 个数字的科目代码报告未印，按科目名称归入。',
    );
    expect(methodSentence(aboutUnitYear(index, file('daying-wgl'), opts).method)).toBe('共 62 个数字：58 个照录报告原文，4 个由报告中的数字按公式推算。');
  });

  it('lists the parts a report does not cover', () => {
    expect(notCoveredParts(aboutUnitYear(index, file('daying-wgl'), opts))).toEqual([
      '支出功能分类',
      '支出经济分类',
      '年初结转和结余',
      '年末结转和结余',
      '年初预算与调整预算',
      '预算执行',
      '会议费',
      '培训费',
      '资产负债与固定资产',
      '车辆',
      '机构与人员',
      '预算绩效管理',
    ]);
  });
});
