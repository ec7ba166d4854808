/**
 * `npm run check:data` on every bad-input case of tests/e2e/bad-fixtures.ts: each broken copy of
 * data/ exits 1 with a message naming the file, the record and the field (and what was expected
 * and found). The browser test holds the page to the same messages. Cases that only exist as an
 * HTTP answer (500, 404 from the server, a slow response) have no CLI form and are skipped here.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { CASES, PAYLOADS, REPO, tempRoot, writeCase } from '../e2e/bad-fixtures';
import { bundled } from './cli-bundle';

const root = tempRoot('bad-input-cli-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function check(dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bundled('scripts/check-data.ts'), '--data', dataDir], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}


const cliCases = CASES.filter((c) => c.cli);

describe('bad input: the check-data CLI', () => {
  test('there are at least 45 bad-input cases with a CLI form, each id once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(cliCases.length).toBeGreaterThanOrEqual(45);
    const ids = CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe.concurrent.for(cliCases.map((c) => [c.id, c] as const))('%s', ([, c]) => {
    test(`${c.what}: exit ${c.cli!.exit} and a message naming file › record › field`, async () => {
      const dir = writeCase(c, root);
      const r = await check(dir);
      const out = r.stdout + r.stderr;
      for (const s of c.cli!.contains) expect(out, `output of check-data for ${c.id}`).toContain(s);
      expect(r.status, out.slice(0, 2000)).toBe(c.cli!.exit);
      // The CLI never crashes on bad input: no stack trace, only the report.
      expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      expect(out).toContain('结果：失败');
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);
  });

  test('payloads are printed as plain text, verbatim', async () => {
    // A terminal shows text: the CLI neither escapes nor drops the markup, so a reviewer sees it.
    const c = CASES.find((x) => x.payload === PAYLOADS[0])!;
    const dir = writeCase(c, root);
    const r = await check(dir);
    expect(r.stdout).toContain(PAYLOADS[0]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
