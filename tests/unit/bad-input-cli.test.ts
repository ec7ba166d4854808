/**
 * `npm run check:data` on every bad-input case of tests/e2e/bad-fixtures.ts: each broken copy of
 * data/ exits 1 with a message naming the file, the record and the field (and what was expected
 * and found). The browser test holds the page to the same messages. Cases that only exist as an
 * HTTP answer (500, 404 from the server, a slow response) have no CLI form and are skipped here.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CASES, PAYLOADS, REPO, UNIT, INDEX, readJson, tempRoot, writeCase, writeJson, type BadCase } from '../e2e/bad-fixtures';

const tsx = resolve(REPO, 'node_modules/.bin/tsx');
const root = tempRoot('bad-input-cli-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function check(dataDir: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(tsx, ['scripts/check-data.ts', '--data', dataDir], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const U = UNIT;
const editUnit = (fn: (u: any) => void) => (dir: string) => {
  const u = readJson(dir, UNIT);
  fn(u);
  writeJson(dir, UNIT, u);
};

/**
 * The cases of issue 12 that belong to the data layer (paths, limits, dates, keys): CLI forms here;
 * tests/unit/data/load.test.ts holds the loader (page) forms.
 */
const HARDENING: BadCase[] = [
  {
    id: 'index-path-encoded-dots',
    what: 'an index path written with encoded dots (%2e%2e) that leaves data/',
    mutate: (dir) => {
      writeFileSync(join(dir, '..', 'outside.json'), readFileSync(join(dir, UNIT)));
      const i = readJson(dir, INDEX);
      i.units[0].years[0].file = '%2e%2e/outside.json';
      writeJson(dir, INDEX, i);
    },
    cli: { exit: 1, contains: ['index.json › units#0 (ningxiang-drc) › years[0].file: expected a relative path to a .json file inside the data folder (data/), found "%2e%2e/outside.json" (string): it leaves the data folder ("..") (decoded: "../outside.json")'] },
    page: { contains: [] },
  },
  {
    id: 'source-outside-root',
    what: 'source.file pointing outside the data folder',
    mutate: editUnit((u) => (u.source.file = '../../../etc/passwd')),
    cli: { exit: 1, contains: [`${U} › source.file: expected a relative path inside the data folder (data/), found "../../../etc/passwd" (string): it leaves the data folder ("..")`] },
    page: { contains: [] },
  },
  {
    id: 'source-other-host',
    what: 'source.file naming another host (//host/…)',
    mutate: editUnit((u) => (u.source.file = '//evil.example/report.txt')),
    cli: { exit: 1, contains: [`${U} › source.file: expected a relative path inside the data folder (data/), found "//evil.example/report.txt" (string): it names another host`] },
    page: { contains: [] },
  },
  {
    id: 'duplicate-json-key',
    what: 'a fact with its amount written twice (last-wins would show 1000)',
    mutate: (dir) => {
      const t = readFileSync(join(dir, UNIT), 'utf8');
      writeFileSync(join(dir, UNIT), t.replace('"amount": 969.29,', '"amount": 969.29,\n      "amount": 1000,'));
    },
    cli: { exit: 1, contains: [`${U}: invalid JSON at line`, 'the key "amount" appears twice in one object (first at line'] },
    page: { contains: [] },
  },
  {
    id: 'amount-1e308',
    what: 'an amount of 1e308 (finite, absurd)',
    mutate: editUnit((u) => (u.facts[0].amount = 1e308)),
    cli: { exit: 1, contains: ['› facts#0 (f-2022-final-total) › amount: expected an amount of at most 10000000000 万元 (100 万亿元), found 1e+308 (number)'] },
    page: { contains: [] },
  },
  {
    id: 'quote-whitespace',
    what: 'a stated quote of spaces only',
    mutate: editUnit((u) => (u.facts[0].provenance.quote = ' \u3000 ')),
    cli: { exit: 1, contains: ['› facts#0 (f-2022-final-total) › provenance.quote: expected a text with at least one non-space character, found " \u3000 " (string)'] },
    page: { contains: [] },
  },
  {
    id: 'date-2023-13-45',
    what: 'a source date 2023-13-45',
    mutate: editUnit((u) => (u.source.date = '2023-13-45')),
    cli: { exit: 1, contains: [`${U} › source.date: expected a real date like "2023-07-25", found "2023-13-45" (string)`] },
    page: { contains: [] },
  },
  {
    id: 'group-unknown',
    what: 'an indicator in a group the index does not list',
    mutate: editUnit((u) => (u.indicators[0].group = 'no-such-group')),
    cli: { exit: 1, contains: ['› indicators#0 (', '› group: expected a group listed in data/index.json ('] },
    page: { contains: [] },
  },
  {
    id: 'unlisted-broken-file',
    what: 'a broken unit file under units/ that the index does not list',
    mutate: (dir) => writeFileSync(join(dir, 'units/ningxiang-drc/2019.json'), '{"unit": '),
    cli: { exit: 1, contains: ['units/ningxiang-drc/2019.json 未列入 index.json（已一并检查）', 'units/ningxiang-drc/2019.json: invalid JSON: the text ends at line 1'] },
    page: { contains: [] },
  },
];

const cliCases = [...CASES.filter((c) => c.cli), ...HARDENING];

describe('bad input: the check-data CLI', () => {
  test('there are at least 45 bad-input cases with a CLI form, each id once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(cliCases.length).toBeGreaterThanOrEqual(45);
    const ids = [...CASES, ...HARDENING].map((c) => c.id);
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
