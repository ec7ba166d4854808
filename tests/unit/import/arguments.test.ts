/**
 * The import's arguments get one check before any file is read (importArgumentsProblem in
 * src/import/options.ts), the same as check:data applies to what they become: a real date, the
 * unit id's format, a year in range; and a name or region as a person types it (length, no markup).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Id } from '../../../src/model/schema';
import { isRealDate } from '../../../src/data/semantic';
import { MAX_NAME_CHARS, UNIT_ID, dateProblem, importArgumentsProblem, regionProblem, unitNameProblem } from '../../../src/import/options';
import { SMALL_REPORT, repoRoot } from './helpers';
import { bundled } from '../cli-bundle';

const ok = { unit: 'new-unit', name: '某某局' };

describe('importArgumentsProblem', () => {
  it('accepts what check:data accepts', () => {
    expect(importArgumentsProblem({ ...ok, year: '2022', region: '湖南省长沙市宁乡市', date: '2024-02-29' })).toBeNull();
    expect(importArgumentsProblem(ok)).toBeNull();
  });

  it.each(['2023-13-45', '2023-02-30', '2023-00-10', '2023-04-31', '2100-02-29', '2023-7-25', '23-07-25', '2023/07/25', ''])('refuses --date %s, as check:data refuses it in source.date', (date) => {
    expect(isRealDate(date)).toBe(false);
    expect(importArgumentsProblem({ ...ok, date })).toMatch(/^--date 应为真实的日期 YYYY-MM-DD/);
  });

  it('names the field as the page calls it when told', () => {
    expect(importArgumentsProblem({ ...ok, date: '2023-13-45', year: '22' }, { year: '年度', date: '发布日期' })).toMatch(/^年度 应为四位年份/);
    expect(importArgumentsProblem({ ...ok, date: '2023-13-45' }, { year: '年度', date: '发布日期' })).toMatch(/^发布日期 应为真实的日期/);
  });

  it('refuses a region at one character over the limit, accepts it at the limit', () => {
    expect(regionProblem('县'.repeat(MAX_NAME_CHARS))).toBeNull();
    expect(importArgumentsProblem({ ...ok, region: '县'.repeat(MAX_NAME_CHARS + 1) })).toBe(`地区有 ${MAX_NAME_CHARS + 1} 个字，超过 ${MAX_NAME_CHARS} 字：请只填地区本身`);
    expect(regionProblem(` ${'县'.repeat(MAX_NAME_CHARS)} `)).toBeNull();
  });

  it.each(['某县<script>alert(1)</script>', '<b>某县</b>', '某县>', '某县\u0000', '某\n县', '某县\u007f'])('refuses markup and control characters in a region (%j) and a unit name', (text) => {
    expect(regionProblem(text)).toMatch(/^地区“.*”含有 < > 或控制字符/s);
    expect(unitNameProblem(text)).toMatch(/^单位名称“.*”含有 < > 或控制字符/s);
  });

  it('quotes a long value shortened, never whole', () => {
    const long = `<img src=x onerror=alert(1)>${'地'.repeat(600)}`;
    expect(importArgumentsProblem({ ...ok, region: long })).toMatch(/超过 100 字/);
    expect(regionProblem(`<${'地'.repeat(50)}`)).toBe(`地区“<${'地'.repeat(19)}…”含有 < > 或控制字符：请只填地区本身`);
    expect(dateProblem('9'.repeat(600), '--date')!.length).toBeLessThan(100);
  });

  it('an empty region or name is refused; a region is optional', () => {
    expect(importArgumentsProblem({ ...ok, region: '  ' })).toBe('缺少地区');
    expect(importArgumentsProblem({ ...ok, name: ' ' })).toBe('缺少单位名称');
  });

  it('checks the unit id with the pattern of the data schema', () => {
    expect(UNIT_ID.source).toBe((Id as unknown as { pattern: string }).pattern);
    expect(importArgumentsProblem({ ...ok, unit: 'New_Unit' })).toMatch(/单位 id“New_Unit”格式不对/);
    expect(importArgumentsProblem({ ...ok, unit: 'a--b' })).toMatch(/格式不对/);
    expect(importArgumentsProblem({ ...ok, unit: '-a' })).toMatch(/格式不对/);
  });

  it('checks in order: unit, name, year, region, date (the first problem)', () => {
    expect(importArgumentsProblem({ unit: 'X', name: '', year: '1', region: '<', date: 'x' })).toMatch(/^单位 id/);
    expect(importArgumentsProblem({ ...ok, name: '', year: '1', region: '<', date: 'x' })).toBe('缺少单位名称');
    expect(importArgumentsProblem({ ...ok, year: '1899', region: '<', date: 'x' })).toMatch(/^--year/);
    expect(importArgumentsProblem({ ...ok, year: '2100', region: '<', date: 'x' })).toMatch(/^地区/);
    expect(importArgumentsProblem({ ...ok, year: '1900', region: '某县', date: 'x' })).toMatch(/^--date/);
  });
});

describe('npm run import refuses bad arguments before reading or writing anything', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-args-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const data = join(dir, 'data');
  cpSync(resolve(repoRoot, 'data/classifications'), join(data, 'classifications'), { recursive: true });
  writeFileSync(join(data, 'index.json'), readFileSync(resolve(repoRoot, 'data/index.json')));
  const report = join(dir, 'report.txt');
  writeFileSync(report, SMALL_REPORT);
  const files = () => readdirSync(data, { recursive: true }).map(String).filter((p) => statSync(join(data, p)).isFile()).sort();
  const before = files();
  const indexBefore = readFileSync(join(data, 'index.json'), 'utf8');

  it.each([
    [['--date', '2023-13-45'], /错误：--date 应为真实的日期 YYYY-MM-DD（如 2023-07-25），这里是“2023-13-45”/],
    [['--region', `<script>alert(1)</script>${'某'.repeat(600)}`], /错误：地区有 625 个字，超过 100 字/],
    [['--region', '某县<b>'], /错误：地区“某县<b>”含有 < > 或控制字符/],
  ])('%j', (extra, message) => {
    const r = spawnSync(process.execPath, [bundled('scripts/import.ts'), report, '--unit', 'new-unit', '--name', '某某局', '--data', data, ...extra], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(1);
    expect(files()).toEqual(before);
    expect(readFileSync(join(data, 'index.json'), 'utf8')).toBe(indexBefore);
  });
});
