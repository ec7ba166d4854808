/** The #/operations view model and its transforms, on the shipped units and a unit of another domain. */
import { describe, expect, test } from 'vitest';
import { operationsModel, NO_INDICATORS } from '../../../src/features/operations/model';
import { badges, figureText, focusGroup, funnelChain, groupOperations, isFocused, opItem, toBase } from '../../../src/domain/operations';
import { barLabel } from '../../../src/features/operations/operations.option';
import type { Indicator, UnitYearFile } from '../../../src/model/types';
import { groups, index, smallUnit, unitFiles, view } from '../assets/units';

const shipped = unitFiles('ningxiang-drc');
const entry = index.units.find((u) => u.id === 'ningxiang-drc')!;
const model = (files: UnitYearFile[], patch: Parameters<typeof view>[0] = {}, title?: string, g = groups) =>
  operationsModel({ unitName: '单位', indicatorsTitle: title, files, report: files[0], groups: g, view: view({ route: 'operations', ...patch }) });

describe('transforms', () => {
  const items = shipped[0].indicators.map(opItem);
  const grouped = groupOperations(items, groups);
  test('every indicator of the year, grouped in the index order', () => {
    expect(grouped.map((g) => g.id)).toEqual(['youzheng', 'huimin', 'grid', 'iot', 'video', 'gov-cloud', 'egov-network', 'epidemic']);
    expect(grouped.find((g) => g.id === 'grid')!.items.filter((i) => i.unit === '个').map((i) => i.value)).toEqual([29, 278, 2534]);
  });
  test('万-units come to base units; approximations and running totals are worded', () => {
    expect(toBase(126, '万条')).toEqual({ base: 1_260_000, baseUnit: '条' });
    expect(toBase(800, '万元')).toEqual({ base: 800, baseUnit: '万元' });
    expect(figureText(items.find((i) => i.id === 'i-cloud-savings')!)).toBe('近800万元');
    expect(figureText(items.find((i) => i.id === 'i-hm-apps')!)).toBe('60余项');
    expect(badges(items.find((i) => i.id === 'i-epi-scans')!)).toContain('累计');
    expect(barLabel(items.find((i) => i.id === 'i-yz-pushed-records')!)).toBe('227.7万件 [累计]');
  });
  test('focus by indicator or by group', () => {
    const vms = items.find((i) => i.id === 'i-cloud-vms')!;
    expect(isFocused(vms, 'i-cloud-vms')).toBe(true);
    expect(isFocused(vms, 'group:gov-cloud')).toBe(true);
    expect(isFocused(vms, 'group:grid')).toBe(false);
    expect(focusGroup(items, 'i-cloud-vms')).toBe('gov-cloud');
  });
  test('a funnel is a chain of counts in one unit, each a part of the one before', () => {
    const epi = grouped.find((g) => g.id === 'epidemic')!;
    expect(funnelChain(epi.items).map((i) => i.value)).toEqual([149154, 145383]);
  });
});

describe('the shipped unit', () => {
  const vm = model(shipped, {}, entry.indicatorsTitle);

  test('the title is the index\'s title for the unit; every group by its label', () => {
    expect(vm.title).toBe(`2022年${entry.indicatorsTitle}`);
    expect(vm.empty).toBeNull();
    expect(vm.groups.map((g) => g.label)).toEqual(groups.filter((g) => g.domain === 'operations').map((g) => g.label));
    expect(vm.table.rows).toHaveLength(shipped[0].indicators.length);
  });

  test('the funnel is titled by its stages, the other figures named as annotations', () => {
    const g = vm.groups.find((x) => x.funnel)!;
    expect(g.funnel!.title).toBe('全市申请场所码 → 乡镇审核通过场所码');
    expect(g.funnel!.note).toContain('漏斗只含同一单位（个）的逐级计数');
    expect(g.funnel!.note).toContain('完成长沙市下发任务');
    expect(g.chart).toBeNull();
  });

  test('figures in different units never share an axis: no overview bars, no mixed group bars, and the intro says why', () => {
    expect(vm.overview).toBeNull();
    expect(vm.intro).toMatch(/^各项指标的计量单位不同（.*人次.*），不放在同一条数轴上比较长短/);
    // A group is drawn only as a funnel, or as bars of three or more figures in one unit: here none is.
    expect(vm.groups.filter((g) => g.chart).map((g) => g.id)).toEqual([]);
    expect(vm.groups.filter((g) => g.funnel).length).toBe(1);
  });

  test('figures as worded', () => {
    const cards = vm.groups.flatMap((g) => g.cards);
    expect(cards.find((c) => c.key === 'i-cloud-savings')?.value).toBe('近800万元');
    expect(cards.find((c) => c.key === 'i-epi-venue-task-pct')?.value).toBe('140.3%');
    expect(cards.find((c) => c.key === 'i-epi-venue-approval-share')?.badges).toEqual(['推算']);
  });

  test('choosing a group or an indicator toggles the focus; the chips and the focus line follow it', () => {
    expect(vm.select('group:gov-cloud')).toBe('group:gov-cloud');
    expect(vm.select('nope')).toBeUndefined();
    expect(vm.select(null)).toBeNull();
    const f = model(shipped, { focus: 'i-grid-l4' }, entry.indicatorsTitle);
    expect(f.select('i-grid-l4')).toBeNull();
    expect(f.focusLine).toBe('已选：四级单元格 2,534个');
    expect(f.highlight).toBe('i-grid-l4');
    expect(f.chips.find((c) => c.key === 'group:grid')).toMatchObject({ related: true, pressed: false });
    expect(f.groups.find((g) => g.id === 'grid')?.cards.find((c) => c.key === 'i-grid-l4')?.focused).toBe(true);
    // An unknown focus does not put an empty "已选：" on the page.
    expect(model(shipped, { focus: 'i-gone' }, entry.indicatorsTitle).focusLine).toBeNull();
  });

  test('year 2021 (no indicators of that year) says so in words', () => {
    expect(model(shipped, { year: 2021 }, entry.indicatorsTitle).empty).toBe(`本单位报告中没有2021年的${entry.indicatorsTitle}。`);
  });
});

describe('units without indicators, and another domain', () => {
  test('the second shipped unit and the test unit have none: one clear sentence', () => {
    expect(model(unitFiles('daying-wgl')).empty).toBe(NO_INDICATORS);
    const vm = model([smallUnit()]);
    expect(vm.empty).toBe('本单位报告未包含业务运行指标。');
    expect(vm.title).toBe('2022年业务运行指标');
  });

  test('a hospital\'s indicators: titles from its data, groups unknown to the index by their id', () => {
    const ind = (id: string, group: string, value: number, unit: string, parent: string | null = null): Indicator => ({
      id, group, label: id, value, unit, year: 2022, approx: null, cumulative: false, parent, provenance: { kind: 'stated', quote: `${id}${value}`, section: '二' },
    });
    const file: UnitYearFile = {
      ...smallUnit(),
      indicators: [ind('visits', 'clinic', 120, '万人次'), ind('beds', 'wards', 400, '张'), ind('admitted', 'wards', 300, '张', 'beds')],
    };
    const vm = model([file], {}, '医疗服务', [{ id: 'clinic', label: '门诊', domain: 'operations' }]);
    expect(vm.title).toBe('2022年医疗服务');
    expect(vm.groups.map((g) => [g.id, g.label])).toEqual([
      ['clinic', '门诊'],
      ['wards', 'wards'],
    ]);
    expect(vm.groups[1].funnel?.title).toBe('beds → admitted');
    // 万人次 and 张 are not drawn on one axis; figures in one unit (万人次 folded to 人次) are.
    expect(vm.overview).toBeNull();
    const visits = [ind('visits', 'clinic', 120, '万人次'), ind('calls', 'clinic', 3500, '人次')];
    const two = model([{ ...file, indicators: visits }], {}, '医疗服务');
    // Two figures are read as figures; three in one unit are drawn.
    expect(two.overview).toBeNull();
    expect(two.groups[0].chart).toBeNull();
    const three = model([{ ...file, indicators: [...visits, ind('online', 'clinic', 800, '人次')] }], {}, '医疗服务');
    expect(three.overview?.label).toBe('全部医疗服务条形图（对数刻度）');
    expect(three.intro).toMatch(/^量级从 800人次 到 120万人次，横轴用对数刻度；“万人次”折合为基本单位/);
    expect(three.groups[0].chart?.label).toBe('clinic条形图');
    expect(vm.table.downloadName).toBe('单位_2022_医疗服务');
  });
});
