/**
 * `npm test` (scripts/test-all.mjs) runs the end-to-end suite even when the unit suite fails, reports
 * both, and fails when either failed. `npm` is replaced by a stand-in on PATH that records which
 * script it was asked to run and exits as told.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = resolve(import.meta.dirname, '../../../scripts/test-all.mjs');
const bin = mkdtempSync(join(tmpdir(), 'test-all-'));
const calls = join(bin, 'calls.txt');
writeFileSync(
  join(bin, 'npm'),
  `#!/bin/sh\necho "$2" >> "${calls}"\ncase "$2" in test:unit) exit "$UNIT_EXIT";; test:e2e) exit "$E2E_EXIT";; esac\nexit 99\n`,
);
chmodSync(join(bin, 'npm'), 0o755);
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function npmTest(unit: number, e2e: number) {
  writeFileSync(calls, '');
  const r = spawnSync(process.execPath, [SCRIPT], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}`, UNIT_EXIT: String(unit), E2E_EXIT: String(e2e) },
  });
  return { status: r.status, out: r.stdout, ran: readFileSync(calls, 'utf8').trim().split('\n') };
}

describe.skipIf(process.platform === 'win32')('npm test', () => {
  it('runs the e2e suite after a failing unit suite and fails, naming the failed suite', () => {
    const r = npmTest(1, 0);
    expect(r.ran).toEqual(['test:unit', 'test:e2e']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/unit: FAILED \(1\)/);
    expect(r.out).toMatch(/e2e: passed/);
  });

  it('fails when only the e2e suite fails', () => {
    const r = npmTest(0, 1);
    expect(r.ran).toEqual(['test:unit', 'test:e2e']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/unit: passed/);
    expect(r.out).toMatch(/e2e: FAILED \(1\)/);
  });

  it('passes when both pass', () => {
    const r = npmTest(0, 0);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/unit: passed\ne2e: passed/);
  });
});
