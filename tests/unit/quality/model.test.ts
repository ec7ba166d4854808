/** The #/quality view model: families, counts as the CLI prints them, record links, any unit and year. */
import { describe, expect, test } from 'vitest';
import { qualityModel, ruleRows } from '../../../src/features/quality/model';
import { orderResults, recordTarget } from '../../../src/domain/findings';
import { ruleStatusOption } from '../../../src/features/quality/quality.option';
import { summarize } from '../../../src/domain/rules';
import type { DataError, UnitYearFile } from '../../../src/model/types';
import { reportOf, smallUnit, trees, unitFiles, view } from '../assets/units';

const shipped = unitFiles('ningxiang-drc')[0];
const report = reportOf(shipped);
const model = (r: ReturnType<typeof reportOf> | undefined, patch: Parameters<typeof view>[0] = {}, errors: DataError[] = []) =>
  qualityModel({ unitName: '单位', report: r, errors, trees, quotes: 'no', view: view({ route: 'quality', ...patch }) });

describe('the shipped report', () => {
  const vm = model(report);

  test('totals are the rules\' summary (what check:data prints for the file)', () => {
    const s = summarize(report.results);
    expect(vm.totals).toEqual({ ...s.total, errors: 0 });
    expect(vm.totals.known).toBeGreaterThanOrEqual(3);
    expect(vm.families.flatMap((f) => f.rules).reduce((n, r) => n + r.open.length + r.passed.length, 0)).toBe(report.results.length);
  });

  test('results are grouped by the rules\' family, then rule; the chart and the table list the same rules', () => {
    expect(vm.families.map((f) => f.id)).toContain('arithmetic');
    for (const f of vm.families) for (const r of f.rules) for (const x of [...r.open, ...r.passed]) expect(report.results.find((y) => y.key === x.key)?.family).toBe(f.id);
    const ruleIds = vm.families.flatMap((f) => f.rules.map((r) => r.rule));
    expect([...ruleIds].sort()).toEqual(vm.rules.rows.map((r) => r.rule).sort());
  });

  test('open findings carry their grade; a family sums them by grade', () => {
    const open = vm.families.flatMap((f) => f.rules).flatMap((r) => r.open);
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(['错误', '警告', '提示']).toContain(r.gradeText);
    const f = vm.families.find((x) => x.rules.some((r) => r.open.length))!;
    const n = f.rules.flatMap((r) => r.open).length;
    expect(f.grades!.split(' · ').reduce((s, x) => s + Number(x.split(' ')[1]), 0)).toBe(n);
  });

  test('a known inconsistency shows its numbers, its explanation and links to its records', () => {
    const r = vm.families.flatMap((f) => f.rules).flatMap((x) => x.open).find((x) => x.key === 'asset-bounds:m-fa-selfuse')!;
    expect(r.status).toBe('known');
    expect(r.numbers).toEqual(expect.arrayContaining([{ label: '应为', value: '601.59' }, { label: '实际', value: '927.65' }]));
    expect(r.explanation?.title).toBe('自用固定资产927.65万元大于资产总额601.59万元');
    const link = r.records.find((l) => l.id === 'm-fa-selfuse')!;
    expect(link.href).toMatch(/^#\/assets\?.*year=2022.*focus=m-fa-selfuse/);
  });

  test('known issues, each with its explains keys and record links', () => {
    expect(vm.issues).toHaveLength(shipped.knownIssues.length);
    const k = vm.issues.find((x) => x.key === 'issue:ki-fixed-assets-exceed-total')!;
    expect(k.kind).toBe('口径');
    expect(k.explains[0].href).toContain('focus=asset-bounds:m-fa-selfuse');
  });

  test('focus on a result opens its rule; the chart selects rules', () => {
    const f = model(report, { focus: 'asset-bounds:m-fa-selfuse' });
    expect(f.focusRule).toBe('asset-bounds');
    expect(f.select('asset-bounds')).toBe('asset-bounds');
    expect(f.select('m-fa-selfuse')).toBeUndefined();
    const passKey = report.results.find((r) => r.status === 'pass')!;
    const p = model(report, { focus: passKey.key }).families.flatMap((x) => x.rules).find((r) => r.rule === passKey.rule)!;
    expect(p.passedOpen).toBe(true);
  });

  test('year 2021 checks the report that states 2021 (the 2022 report), not an empty page', () => {
    const vm21 = model(report, { year: 2021 });
    expect(vm21.empty).toBeNull();
    expect(vm21.totals.pass + vm21.totals.known).toBe(vm.totals.pass + vm.totals.known);
    expect(vm21.reportLine).toContain('2021年的数字由2022年的报告陈述');
    // A 2021 record links to the 2021 view.
    const link = vm21.families.flatMap((f) => f.rules).flatMap((r) => [...r.open, ...r.passed]).flatMap((r) => r.records).find((l) => l.id === 'f-2021-final-2069999')!;
    expect(link.href).toMatch(/^#\/spending\?.*year=2021.*path=f:206,f:20699,f:2069999/);
  });

  test('load errors are listed with file › record › field', () => {
    const e = model(report, {}, [{ file: 'data/units/x/2022.json', record: 'm-1', field: 'value', expected: 'a number', found: '"1"', message: 'value must be a number' }]);
    expect(e.totals.errors).toBe(1);
    expect(e.errors[0].text).toBe('data/units/x/2022.json › m-1 › value：value must be a number（应为 a number，实为 "1"）');
  });
});

describe('record links', () => {
  test('a record is linked by what it is', () => {
    expect(recordTarget('f-2022-final-2069999-31007', shipped, trees)).toMatchObject({ route: 'spending', path: ['f:206', 'f:20699', 'f:2069999', 'e:310', 'e:31007'], year: 2022 });
    expect(recordTarget('f-2022-final-basic', shipped, trees)?.path).toEqual(['b:基本支出']);
    expect(recordTarget('m-fa-selfuse', shipped, trees)).toMatchObject({ route: 'assets', focus: 'm-fa-selfuse' });
    expect(recordTarget('m-budget-adjust-rate', shipped, trees)).toMatchObject({ route: '', focus: 'm-budget-adjust-rate' });
    expect(recordTarget('m-chg-2069999', shipped, trees)).toMatchObject({ route: 'spending', path: ['f:206', 'f:20699', 'f:2069999'] });
    expect(recordTarget('m-sangong-2021', shipped, trees)).toMatchObject({ route: 'assets', year: 2021 });
    expect(recordTarget('i-epi-venue-applied', shipped, trees)).toMatchObject({ route: 'operations', focus: 'i-epi-venue-applied' });
    expect(recordTarget('nope', shipped, trees)).toBeNull();
  });
  test('income facts go to the overview', () => {
    const daying = unitFiles('daying-wgl')[0];
    expect(recordTarget('f-2022-final-income-other', daying, trees)).toMatchObject({ route: '', year: 2022 });
  });
});

describe('other units', () => {
  test('the second shipped unit: its own report and findings', () => {
    const daying = unitFiles('daying-wgl')[0];
    const vm = model(reportOf(daying), { unit: 'daying-wgl' });
    expect(vm.reportLine).toContain(daying.source.title);
    expect(vm.totals.fail + vm.totals.known).toBeGreaterThan(0);
    const keys = vm.families.flatMap((f) => f.rules).flatMap((r) => r.open).map((r) => r.key);
    expect(keys).toContain('recompute:m-sangong-reception-growth');
  });

  test('a unit made for the test: the one rate that does not recompute is a failure', () => {
    const file: UnitYearFile = smallUnit();
    const vm = model(reportOf(file));
    expect(vm.issues).toEqual([]);
    expect(vm.totals).toMatchObject(summarize(reportOf(file).results).total);
  });

  test('no report for the year: a sentence, no rules', () => {
    const vm = model(undefined, { year: 2019 });
    expect(vm.empty).toBe('没有单位2019年的有效报告，无法核对。');
    expect(vm.families).toEqual([]);
    expect(vm.chart).toBeNull();
  });
});

describe('helpers and option', () => {
  test('per-rule counts add up to all results; failures and known issues come first', () => {
    const rows = ruleRows(report.results);
    expect(rows.reduce((s, r) => s + r.pass + r.fail + r.known, 0)).toBe(report.results.length);
    expect(orderResults(report.results)[0].status).not.toBe('pass');
    const o = ruleStatusOption(rows, { focusRule: rows[0].rule }) as { series: Array<{ name: string; data: Array<{ key: string; itemStyle: { opacity: number } }> }> };
    expect(o.series.map((s) => s.name)).toEqual(['通过', '已知不一致', '失败']);
    expect(o.series[0].data.map((d) => d.key)).toEqual(rows.map((r) => r.rule));
    expect(o.series[0].data[1]?.itemStyle.opacity ?? 0.35).toBe(0.35);
  });
  test('tooltip escapes rule titles', () => {
    const o = ruleStatusOption([{ rule: 'x', title: '<i>t', pass: 1, fail: 0, known: 0 }]) as unknown as { tooltip: { formatter: (ps: unknown[]) => string } };
    expect(o.tooltip.formatter([{ dataIndex: 0, marker: '', seriesName: '通过', value: 1 }])).toContain('&lt;i&gt;t');
  });
});
