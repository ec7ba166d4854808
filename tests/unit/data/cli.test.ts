/** scripts/check-data.ts, run as `npm run check:data` runs it (bundled once: tests/unit/cli-bundle.ts). */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { goodDir, repoRoot } from './fixtures';
import { bundled } from '../cli-bundle';

// The --json report of every shipped unit passes 1 MB with a few dozen units (spawnSync keeps 1 MB by default).
const check = (...args: string[]) => spawnSync(process.execPath, [bundled('scripts/check-data.ts'), ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
const tmp = mkdtempSync(join(tmpdir(), 'check-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('check-data CLI', () => {
  it('exits 0 on the consistent fixture, quote checks included', () => {
    const r = check('--data', 'tests/fixtures/data-good');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('[quote] 引文核对 — 通过 20，失败 0，已知 0');
    expect(r.stdout).toContain('结果：通过');
    expect(r.status).toBe(0);
  }, 60_000);

  it('exits 1 on an unexplained rule failure and names it with its numbers', () => {
    const r = check('--data', 'tests/fixtures/data-fail');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ 失败 basis-sum:2022:决算/);
    expect(r.stdout).toMatch(/数值：expected=100 found=105 difference=5/);
    expect(r.stdout).toContain('结果：失败');
  }, 60_000);

  it('--json gives every rule result and every known issue with the keys it explains', () => {
    const r = check('--data', 'tests/fixtures/data-fail', '--json');
    const out = JSON.parse(r.stdout);
    expect(r.status).toBe(1);
    expect(out.ok).toBe(false);
    expect(out.totals).toMatchObject({ errors: 0, fail: 1 });
    const f = out.files[0];
    expect(f).toMatchObject({ unit: 'demo-unit', year: 2022, listed: true, broken: [] });
    expect(f.results.find((x: { key: string }) => x.key === 'basis-sum:2022:决算').status).toBe('fail');
    expect(f.results.filter((x: { status: string }) => x.status === 'pass').length).toBe(f.summary.total.pass);
    expect(f.knownIssues).toEqual([]);
    // The real data documents its own inconsistencies: each known issue lists the results it explains.
    const real = JSON.parse(check('--json').stdout);
    const ki = real.files.flatMap((x: { knownIssues: unknown[] }) => x.knownIssues).find((k: { id: string }) => k.id === 'ki-budget-adjust-rate');
    expect(ki.explains).toEqual(expect.arrayContaining(['recompute:m-budget-adjust-rate', 'copied-rate:m-budget-adjust-rate']));
    expect(ki.explainsKeys).toEqual(expect.arrayContaining(ki.explains));
  }, 60_000);

  it('exits 1 with a clear message when the data folder has no index', () => {
    const r = check('--data', 'tests/fixtures/does-not-exist');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('index.json: cannot read the file (file not found)');
  }, 60_000);

  it('checks a broken file the index does not list, and names it as unlisted', () => {
    const dir = join(tmp, 'unlisted');
    cpSync(goodDir, dir, { recursive: true });
    writeFileSync(join(dir, 'units/demo-unit/2021.json'), '{"unit": "demo-unit",');
    writeFileSync(join(dir, 'classifications/functional-2019.json'), '{"id": "functional", "title": "t", "edition": "e", "nodes": []}');
    const r = check('--data', dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`注意：${dir}/units/demo-unit/2021.json 未列入 index.json（已一并检查）`);
    expect(r.stdout).toContain(`未列入 index.json：${dir}/units/demo-unit/2021.json`);
    expect(r.stdout).toContain(`${dir}/units/demo-unit/2021.json: invalid JSON: the text ends at line 1`);
    expect(r.stdout).toContain(`${dir}/classifications/functional-2019.json › nodes: expected a non-empty array, found an empty array`);
    const out = JSON.parse(check('--data', dir, '--json').stdout);
    expect(out.unlisted).toEqual([`${dir}/units/demo-unit/2021.json`, `${dir}/classifications/functional-2019.json`]);
    expect(out.files.map((f: { listed: boolean }) => f.listed)).toEqual([true, false]);
  }, 60_000);

  it('passes on the real data: every unit, no structural error, no unexplained error', () => {
    const r = check('--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.totals.errors).toBe(0);
    expect(out.totals.fail).toBe(0);
    expect(out.unlisted).toEqual([]);
    const index = JSON.parse(readIndex());
    expect(out.files.map((f: { unit: string }) => f.unit)).toEqual(index.units.flatMap((u: { id: string; years: unknown[] }) => u.years.map(() => u.id)));
    expect(out.files.every((f: { results: unknown[] }) => f.results.length > 0)).toBe(true);
  }, 60_000);
});

function readIndex(): string {
  return readFileSync(resolve(repoRoot, 'data/index.json'), 'utf8');
}
