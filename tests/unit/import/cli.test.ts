/**
 * `npm run import` on bad and awkward input, in temporary data folders. Each case: a clear
 * message, the right exit code, and nothing half-written (the folder is byte-for-byte unchanged
 * after a refusal).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SMALL_REPORT, encodeGbk, repoRoot } from './helpers';
import { bundled } from '../cli-bundle';

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A data folder with the shipped trees, groups and first unit. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
  temps.push(dir);
  const index = JSON.parse(readFileSync(resolve(repoRoot, 'data/index.json'), 'utf8'));
  index.units = index.units.filter((u: { id: string }) => u.id === 'ningxiang-drc');
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2));
  cpSync(resolve(repoRoot, 'data/classifications'), join(dir, 'classifications'), { recursive: true });
  mkdirSync(join(dir, 'units/ningxiang-drc'), { recursive: true });
  cpSync(resolve(repoRoot, 'data/units/ningxiang-drc/2022.json'), join(dir, 'units/ningxiang-drc/2022.json'));
  mkdirSync(join(dir, 'sources'));
  return dir;
}

function input(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, '..', `${dir.split('/').pop()}-${name}`);
  writeFileSync(p, content);
  temps.push(p);
  return p;
}

const run = (...args: string[]) => spawnSync(process.execPath, [bundled('scripts/import.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });

/** Every file under `dir` with its content, to show a refusal changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const n of readdirSync(join(dir, rel))) {
      const p = rel ? `${rel}/${n}` : n;
      if (statSync(join(dir, p)).isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), 'base64');
    }
  };
  walk('');
  return out;
}

/** Run an import that must be refused: exit 1, the message, and the data folder untouched. */
function refused(content: string | Uint8Array, message: RegExp, ...extra: string[]) {
  const dir = dataDir();
  const before = snapshot(dir);
  const file = input(dir, extra.includes('--name-file') ? 'x.txt' : 'report.txt', content);
  const r = run(file, '--unit', 'new-unit', '--name', '某某局', '--data', dir, ...extra.filter((x) => x !== '--name-file'));
  expect(r.stderr).toMatch(message);
  expect(r.status).toBe(1);
  expect(snapshot(dir)).toEqual(before);
  return r;
}

describe('npm run import (text)', () => {
  it('imports a report: writes the unit-year file, the source copy and the index, and prints the check', () => {
    const dir = dataDir();
    const file = input(dir, 'report.txt', SMALL_REPORT);
    const r = run(file, '--unit', 'new-unit', '--name', '某某局', '--region', '某省某县', '--data', dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('new-unit 2022 检查报告');
    expect(r.stdout).toMatch(/规则检查：通过 [1-9]\d*，未解释(?:失败|错误) 0/);
    const written = JSON.parse(readFileSync(join(dir, 'units/new-unit/2022.json'), 'utf8'));
    expect(written.source).toMatchObject({ file: 'sources/new-unit-2022.txt', kind: '单位决算', publisher: '某某局' });
    expect(readFileSync(join(dir, 'sources/new-unit-2022.txt'), 'utf8')).toBe(SMALL_REPORT);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.units.find((u: { id: string }) => u.id === 'new-unit')).toMatchObject({ name: '某某局', region: '某省某县', years: [{ year: 2022, file: 'units/new-unit/2022.json' }] });
    expect(readdirSync(join(dir, 'units/new-unit'))).toEqual(['2022.json']);
  }, 60_000);

  it('writes the numbers it could not place into the file as its review list, each with its line', () => {
    const dir = dataDir();
    const file = input(dir, 'report.txt', readFileSync(join(repoRoot, 'data/sources/000_fbdbbd6bd88a742c.txt'), 'utf8'));
    const r = run(file, '--unit', 'review-unit', '--name', '某中心', '--data', dir);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'units/review-unit/2022.json'), 'utf8'));
    expect(written.review.length).toBeGreaterThan(0);
    const source = readFileSync(join(dir, 'sources/review-unit-2022.txt'), 'utf8').split('\n');
    for (const saved of written.review as Array<{ text: string; context: string; where: { line: number } }>) {
      expect(source[saved.where.line - 1]).toContain(saved.context);
      expect(saved.context).toContain(saved.text.replace(/万元$/, ''));
    }
    expect(r.stdout).toContain(`待核对 ${written.review.length} 个数字`);
  }, 60_000);

  it('reads a GBK text, copies it as UTF-8 and quotes it verbatim', () => {
    const dir = dataDir();
    const file = input(dir, 'gbk.txt', encodeGbk(SMALL_REPORT));
    const r = run(file, '--unit', 'gbk-unit', '--name', '某某局', '--data', dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('（GB18030）');
    expect(r.stdout).toMatch(/\[quote\] 引文核对[^\n]*通过 [1-9]\d*，(?:失败|错误) 0/);
    expect(readFileSync(join(dir, 'sources/gbk-unit-2022.txt'), 'utf8')).toBe(SMALL_REPORT);
  }, 60_000);

  it('refuses GBK declared as UTF-8, naming the line and suggesting the encoding', () => {
    refused(encodeGbk(SMALL_REPORT), /第 1 行不是有效的 UTF-8.*gb18030/, '--encoding', 'utf-8');
  }, 60_000);

  it('refuses an empty file', () => {
    refused('', /文件是空的/);
  }, 60_000);

  it('refuses a workbook (zip) named .txt', () => {
    refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), /ZIP.*\.xlsx/);
  }, 60_000);

  it('refuses binary data', () => {
    refused(new Uint8Array([0x32, 0x30, 0x32, 0x32, 0x0a, 0x00, 0x01, 0x02]), /二进制数据/);
  }, 60_000);

  it('refuses a report with no year, and says how to give one', () => {
    refused(SMALL_REPORT.replace(/2022年度?/g, '本年'), /找不到报告年度.*--year/);
  }, 60_000);

  it('refuses a badly formed unit id and a bad year before reading anything', () => {
    refused(SMALL_REPORT, /单位 id“New_Unit”格式不对/, '--unit', 'New_Unit');
    refused(SMALL_REPORT, /--year 应为四位年份/, '--year', '22');
  }, 60_000);

  it('refuses a 20 MB text by its size', () => {
    refused(new Uint8Array(20 * 1024 * 1024).fill(0xff), /文件过大（20\.0 MB）/);
  }, 60_000);

  it('never overwrites without --force, and overwrites with it', () => {
    const dir = dataDir();
    const file = input(dir, 'report.txt', SMALL_REPORT);
    expect(run(file, '--unit', 'new-unit', '--name', '某某局', '--data', dir).status).toBe(0);
    const before = snapshot(dir);
    const again = run(file, '--unit', 'new-unit', '--name', '某某局', '--data', dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/已存在 .*units\/new-unit\/2022\.json.*--force/);
    expect(snapshot(dir)).toEqual(before);
    const forced = run(file, '--unit', 'new-unit', '--name', '某某局', '--data', dir, '--force');
    expect(forced.status).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
    expect(index.units.filter((u: { id: string }) => u.id === 'new-unit')[0].years).toHaveLength(1);
  }, 60_000);

  it('reads full-width digits and 元 amounts, stating the conversion', () => {
    const dir = dataDir();
    const text = SMALL_REPORT.replace('其他收入20万元', '其他收入２０００００元').replace('2022年本年收入合计120.5万元', '２０２２年本年收入合计１２０．５万元');
    const file = input(dir, 'fw.txt', text);
    const r = run(file, '--unit', 'fw-unit', '--name', '某某局', '--data', dir);
    expect(r.status).toBe(0);
    const facts = JSON.parse(readFileSync(join(dir, 'units/fw-unit/2022.json'), 'utf8')).facts as Array<{ source: string | null; flow: string; amount: number; note?: string; provenance: { quote: string } }>;
    expect(facts.find((f) => f.source === '其他')).toMatchObject({ amount: 20, provenance: { quote: '其他收入２０００００元' } });
    expect(facts.find((f) => f.source === '其他')?.note).toMatch(/换算为万元/);
    expect(facts.find((f) => f.flow === '收入' && f.source === null)?.amount).toBe(120.5);
  }, 60_000);

  it('says clearly when the tables importer is asked for a file that is not a workbook', () => {
    const dir = dataDir();
    const before = snapshot(dir);
    const file = input(dir, 'fake.xlsx', SMALL_REPORT);
    const r = run(file, '--unit', 'new-unit', '--name', '某某局', '--data', dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/无法导入/);
    expect(snapshot(dir)).toEqual(before);
  }, 60_000);
});
