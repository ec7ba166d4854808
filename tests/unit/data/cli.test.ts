/** scripts/check-data.ts, spawned with tsx as `npm run check:data` runs it. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './fixtures';

const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');
const check = (...args: string[]) =>
  spawnSync(tsx, ['scripts/check-data.ts', ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });

describe('check-data CLI', () => {
  it('exits 0 on the consistent fixture', () => {
    const r = check('--data', 'tests/fixtures/data-good');
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('结果：通过');
    expect(r.status).toBe(0);
  }, 60_000);

  it('exits 1 on an unexplained rule failure and names it with its numbers', () => {
    const r = check('--data', 'tests/fixtures/data-fail');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✗ 失败 basis-sum:2022:决算');
    expect(r.stdout).toContain('数值：expected=100 found=105 difference=5 basic=35 project=70');
    expect(r.stdout).toContain('结果：失败');
  }, 60_000);

  it('prints JSON with --json', () => {
    const r = check('--data', 'tests/fixtures/data-fail', '--json');
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(false);
    expect(out.totals).toMatchObject({ errors: 0, fail: 1 });
    expect(out.files[0].results.find((x: { key: string }) => x.key === 'basis-sum:2022:决算').status).toBe('fail');
  }, 60_000);

  it('exits 1 with a clear message when the data folder has no index', () => {
    const r = check('--data', 'tests/fixtures/does-not-exist');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('index.json: cannot read the file (file not found)');
  }, 60_000);

  it.skipIf(!existsSync(resolve(repoRoot, 'data/index.json')))('exits 0 on the real data', () => {
    const r = check();
    expect(r.stdout).toContain('结果：通过');
    expect(r.status).toBe(0);
  }, 60_000);
});
