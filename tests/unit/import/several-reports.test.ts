/**
 * One unit with several reports, each printing its money in another unit (tests/fixtures/
 * reports-money: a 2021 report text in 元, a 2022 one in 千元 restating 2021, 2023 决算 tables in
 * 亿元), imported one after another with `npm run import` into a copy of tests/fixtures/data-good:
 * every file is written in 万元, check:data accepts the folder with every quote found in its report,
 * and where two reports state the same year the year's own report wins.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitYearFile } from '../../../src/model/types';
import { fsReader } from '../../../src/data/fs-reader';
import { loadDataset } from '../../../src/data/load';
import { factsTable, preferOwnReport } from '../../../src/data/tables';
import { UnitFigures } from '../../../src/domain/figures';
import { repoRoot } from './helpers';
import { bundled } from '../cli-bundle';

const FIXTURES = resolve(repoRoot, 'tests/fixtures/reports-money');
const dir = mkdtempSync(join(tmpdir(), 'several-reports-'));
const imports: Array<{ file: string; status: number | null; out: string }> = [];
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  cpSync(resolve(repoRoot, 'tests/fixtures/data-good'), dir, { recursive: true });
  for (const file of ['money-demo-2021-yuan.txt', 'money-demo-2022-qianyuan.txt', 'money-demo-2023-yi.csv']) {
    const r = spawnSync(process.execPath, [bundled('scripts/import.ts'), join(FIXTURES, file), '--unit', 'money-demo', '--name', '某某局', '--region', '测试市', '--data', dir], { cwd: repoRoot, encoding: 'utf8' });
    imports.push({ file, status: r.status, out: r.stdout + r.stderr });
  }
});

const unitFile = (year: number) => JSON.parse(readFileSync(join(dir, `units/money-demo/${year}.json`), 'utf8')) as UnitYearFile;

describe('several reports of one unit, in 元, 千元 and 亿元', () => {
  it('each import succeeds', () => {
    for (const i of imports) expect(i.status, `${i.file}\n${i.out}`).toBe(0);
  });

  it('every file holds 万元, whatever unit its report printed', () => {
    const total = (f: UnitYearFile, year: number) => f.facts.find((x) => x.year === year && x.phase === '决算' && x.flow === '支出' && x.source === null && x.basis === null && x.functional === null && x.economic === null)?.amount;
    expect(unitFile(2021).currency).toBe('万元');
    expect(total(unitFile(2021), 2021)).toBe(109.99);
    expect(unitFile(2021).facts.find((x) => x.basis === '基本支出')!.amount).toBe(69.99);
    expect(total(unitFile(2022), 2022)).toBe(120.53);
    expect(unitFile(2022).facts.find((x) => x.flow === '收入' && x.source === '一般公共预算财政拨款')!.amount).toBe(100.53);
    expect(total(unitFile(2023), 2023)).toBe(131);
    expect(unitFile(2023).facts.find((x) => x.functional === '2010301' && x.basis === null)!.amount).toBe(111);
  });

  it('check:data accepts the folder, and every quote is found in its report', () => {
    const r = spawnSync(process.execPath, [bundled('scripts/check-data.ts'), '--data', dir, '--json'], { cwd: repoRoot, encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as { ok: boolean; errors: unknown[]; files: Array<{ unit: string; year: number; results: Array<{ key: string; status: string; message: string }> }> };
    expect(report.errors).toEqual([]);
    expect(r.status).toBe(0);
    const mine = report.files.filter((f) => f.unit === 'money-demo');
    expect(mine.map((f) => f.year)).toEqual([2021, 2022, 2023]);
    const quotes = mine.flatMap((f) => f.results.filter((x) => x.key.startsWith('quote:')));
    expect(quotes.length).toBeGreaterThan(10);
    expect(quotes.filter((q) => q.status !== 'pass').map((q) => q.message)).toEqual([]);
  });

  it("the year's own report wins over another report that restates it", async () => {
    const ds = await loadDataset(fsReader(dir, (p) => `data/${p}`));
    const files = ds.unitYears.filter((u) => u.unit === 'money-demo').map((u) => u.value!);
    expect(files.map((f) => f.reportYear).sort()).toEqual([2021, 2022, 2023]);
    // The 2022 report gives 2021 as 120.53 − 10.53 = 110; the 2021 report states 109.99.
    const grand = new UnitFigures(files).get({ role: 'spending.grand-total', year: 2021 });
    expect(grand).toMatchObject({ value: 109.99, reportYear: 2021 });
    expect(new UnitFigures(files.filter((f) => f.reportYear !== 2021)).get({ role: 'spending.grand-total', year: 2021 })).toMatchObject({ value: 110, reportYear: 2022 });
    const facts = preferOwnReport(factsTable(files)).objects() as Array<{ year: number; reportYear: number; flow: string; basis: string | null; source: string | null; functional: string | null; economic: string | null; amount: number; phase: string }>;
    const total2021 = facts.filter((f) => f.year === 2021 && f.flow === '支出' && f.phase === '决算' && f.basis === null && f.source === null && f.functional === null && f.economic === null);
    expect(total2021.map((f) => [f.amount, f.reportYear])).toEqual([[109.99, 2021]]);
  });
});
