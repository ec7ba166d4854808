import { describe, expect, it } from 'vitest';
import { aboutModel, type AboutInput } from '../../../src/features/about/model';
import { files, index } from '../real-data';

const input = (unit: string, over: Partial<AboutInput> = {}): AboutInput => ({
  index,
  unit,
  files: files.filter((f) => f.unit === unit),
  root: '../',
  siteUrl: 'https://example.org/budget/',
  preview: false,
  ...over,
});

describe('aboutModel on the shipped units', () => {
  it('宁乡市数据资源中心 2022: the dated 绩效自评, its 22 known issues and its downloads under the site root', () => {
    const vm = aboutModel(input('ningxiang-drc'));
    expect(vm.title).toBe('关于数据');
    expect(vm.empty).toBe('');
    expect(vm.years).toHaveLength(1);
    const y = vm.years[0];
    expect(y.heading).toBe('2022年度报告');
    expect(y.document).toBe('《宁乡市数据资源中心2022年部门整体支出绩效自评报告》，部门整体支出绩效自评，宁乡市数据资源中心发布，2023-07-25');
    expect(y.url).toBeNull();
    expect(y.text?.href).toBe('../data/sources/000_fbdbbd6bd88a742c.txt');
    expect(y.years).toBe('数字所属年度：2021、2022（报告也列出往年的数字，作比较用）');
    expect(y.method).toBe('共 163 个数字：137 个照录报告原文，25 个由报告中的数字按公式推算，1 个按写明的规则推定。另有 34 个数字的科目代码报告未印，按科目名称归入。');
    expect(y.issues.summary).toBe('报告本身有 22 处不一致（数字不相符 2 项，口径或基数不一致 8 项，文字、名称或编号问题 12 项），逐项说明见“数据质量”。');
    expect(y.issues.items).toHaveLength(22);
    expect(y.issues.items[0].href).toMatch(/^#\/quality\?unit=ningxiang-drc&year=2022&focus=issue%3A/);
    expect(y.review).toBe('');
    expect(y.downloads.map((d) => d.href)).toEqual([
      '../open-data/v1/units/ningxiang-drc/2022-facts.csv',
      '../open-data/v1/units/ningxiang-drc/2022-measures.csv',
      '../open-data/v1/units/ningxiang-drc/2022.json',
    ]);
    expect(vm.bulk.map((d) => d.href)).toEqual([
      `../open-data/v1/regions/${encodeURIComponent('湖南省长沙市宁乡市')}/2022.zip`,
      '../open-data/v1/years/2022.zip',
      '../open-data/v1/manifest.json',
      '../open-data/v1/README.md',
    ]);
    expect(vm.bulk[0].label).toBe('湖南省长沙市宁乡市 2022年全部单位（ZIP）');
    expect(vm.licence).toContain('CC BY 4.0');
    expect(vm.licenceUrl).toMatch(/^https:\/\/creativecommons\.org\//);
  });

  it('大英县文化广播电视和旅游局: an undated report keeps no date, its address and its ten gaps are listed', () => {
    const y = aboutModel(input('daying-wgl')).years[0];
    expect(y.document).toBe('《2022年度单位决算》，单位决算，县文化广电旅游局发布');
    expect(y.url).toBe('https://dyrmt.com/article-133619-2.html');
    expect(y.gaps).toHaveLength(10);
    expect(y.notCovered).toMatch(/^报告没有（或本站未录入）这些部分的数字：支出功能分类、支出经济分类、/);
    expect(y.years).toBe('数字所属年度：2021、2022（报告也列出往年的数字，作比较用）');
  });

  it('a report whose figures are all of its own year says only that year', () => {
    const f = files.find((x) => x.unit === 'daying-wgl')!;
    const own = { ...f, facts: f.facts.filter((x) => x.year === 2022), measures: f.measures.filter((x) => x.year === 2022), indicators: [] };
    expect(aboutModel(input('daying-wgl', { files: [own] })).years[0].years).toBe('数字所属年度：2022');
  });

  it('a unit with several reports lists each, newest first, each citing its own document', () => {
    const vm = aboutModel(input('qijiang-gonglu-zx'));
    expect(vm.years.map((y) => y.year)).toEqual([2023, 2020]);
    for (const y of vm.years) {
      expect(y.citation).toContain(`${y.year}年数据`);
      expect(y.citation).toContain(`https://example.org/budget/#/?unit=qijiang-gonglu-zx&year=${y.year}`);
      expect(y.downloads[0].href).toBe(`../open-data/v1/units/qijiang-gonglu-zx/${y.year}-facts.csv`);
    }
    // Bulk files per report year, newest first, then the manifest and dictionary.
    expect(vm.bulk.filter((d) => d.href.includes('/years/')).map((d) => d.href)).toEqual(['../open-data/v1/years/2023.zip', '../open-data/v1/years/2020.zip']);
  });

  it('every shipped unit has an about page for each of its listed reports, with no unknown-date words', () => {
    for (const u of index.units) {
      const vm = aboutModel(input(u.id, { root: './' }));
      expect(vm.years.map((y) => y.year).sort()).toEqual(u.years.map((y) => y.year).sort());
      for (const y of vm.years) expect(`${y.document}${y.citation}`).not.toMatch(/未注明|null|undefined/);
    }
  });

  it('a preview unit (imported in this session) offers no files: nothing of it is published', () => {
    const vm = aboutModel(input('daying-wgl', { preview: true }));
    expect(vm.lead).toContain('尚未发布');
    expect(vm.years[0].downloads).toEqual([]);
    expect(vm.years[0].text).toBeNull();
    expect(vm.bulk).toEqual([]);
  });

  it('without the index or with an unknown unit it says so', () => {
    expect(aboutModel(input('nope')).empty).toBe('没有选中的单位。');
    expect(aboutModel(input('ningxiang-drc', { index: undefined })).years).toEqual([]);
    expect(aboutModel(input('ningxiang-drc', { files: [] })).empty).toContain('没有加载成功');
  });

  it('a path part that a URL cannot hold is percent-encoded, segment by segment', () => {
    const f = files.find((x) => x.unit === 'ningxiang-drc')!;
    const y = aboutModel(input('ningxiang-drc', { files: [{ ...f, source: { ...f.source, file: 'sources/报告 #1.txt' } }] })).years[0];
    expect(y.text?.href).toBe(`../data/sources/${encodeURIComponent('报告 #1.txt')}`);
  });
});

describe('the citation before the page knows its address', () => {
  it('names no link (the prerendered page), then the site’s link once known', () => {
    const before = aboutModel(input('ningxiang-drc', { siteUrl: '' })).years[0].citation;
    expect(before).toMatch(/经支出透明看板整理。$/);
    expect(before).not.toContain('#/');
    expect(aboutModel(input('ningxiang-drc')).years[0].citation).toMatch(/经支出透明看板整理，https:\/\/example\.org\/budget\/#\/\?unit=ningxiang-drc&year=2022$/);
  });
});
