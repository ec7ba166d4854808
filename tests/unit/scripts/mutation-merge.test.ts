/**
 * `npm run mutation` measures the scope in pieces: each run's per-file counts are merged into
 * bench/mutation.json (scripts/mutation-merge.mjs), and bench/mutation.md is written from the union,
 * without the rows whose source changed since they were measured.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { countMutants, mergeRuns, renderMarkdown, rowsFromReport, score, summarize } from '../../../scripts/mutation-merge.mjs';

const at = (commit: string, date: string, tests: string) => ({ commit, date, tests });
const mutants = (...statuses: string[]) => statuses.map((status, i) => ({ id: String(i), status }));

/** A Stryker JSON report of two files of the rules. */
const first = {
  files: {
    'src/domain/rules/share.ts': { mutants: mutants('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError') },
    'src/domain/check.ts': { mutants: mutants('Killed', 'Survived') },
  },
};
/** A later run: share.ts again (better tested now) and a new file. */
const second = {
  files: {
    'src/domain/rules/share.ts': { mutants: mutants('Killed', 'Killed', 'Killed', 'Timeout', 'Ignored') },
    'src/features/assets/panels/balance.ts': { mutants: mutants('Killed', 'Killed', 'Killed', 'Survived') },
  },
};

describe('countMutants', () => {
  it('counts each status Stryker reports, and leaves out compile and runtime errors', () => {
    expect(countMutants(first.files['src/domain/rules/share.ts'].mutants)).toEqual({ killed: 2, timeout: 1, survived: 1, noCoverage: 1, ignored: 1 });
    expect(countMutants(mutants('RuntimeError', 'CompileError'))).toEqual({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 });
  });
});

describe('score', () => {
  it('is detected (killed + timed out) over valid (detected + survived + not covered); ignored mutants do not count', () => {
    expect(score({ killed: 2, timeout: 1, survived: 1, noCoverage: 1, ignored: 7 })).toBe(60);
    expect(score({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 3 })).toBeNull();
  });
});

describe('rowsFromReport', () => {
  it('gives each file its counts and the commit, date and tests it was measured with', () => {
    const rows = rowsFromReport(first, Object.keys(first.files), at('aaa111', '2026-12-08 00:20', 'tests/unit/domain/**/*.test.ts'));
    expect(rows['src/domain/check.ts']).toEqual({
      killed: 1, timeout: 0, survived: 1, noCoverage: 0, ignored: 0, commit: 'aaa111', date: '2026-12-08 00:20', tests: 'tests/unit/domain/**/*.test.ts',
    });
  });

  it('records a file the run was asked to mutate but which has no mutant (types only) as measured, with zeros', () => {
    const rows = rowsFromReport(first, ['src/domain/spending/types.ts', 'src/domain/check.ts'], at('aaa111', 'd', 't'));
    expect(rows['src/domain/spending/types.ts']).toMatchObject({ killed: 0, survived: 0, noCoverage: 0 });
    expect(rows['src/domain/check.ts']).toMatchObject({ killed: 1, survived: 1 });
  });
});

describe('mergeRuns', () => {
  const one = { files: rowsFromReport(first, [], at('aaa111', '2026-12-08 00:20', 'domain')) };
  const two = { files: rowsFromReport(second, [], at('bbb222', '2026-12-08 01:10', 'all')) };

  it('replaces the row of a file measured again and keeps the files the later run did not measure', () => {
    const merged = mergeRuns(one, two);
    expect(Object.keys(merged.files)).toEqual(['src/domain/check.ts', 'src/domain/rules/share.ts', 'src/features/assets/panels/balance.ts']);
    expect(merged.files['src/domain/rules/share.ts']).toMatchObject({ killed: 3, timeout: 1, survived: 0, noCoverage: 0, commit: 'bbb222', tests: 'all' });
    expect(merged.files['src/domain/check.ts']).toMatchObject({ killed: 1, survived: 1, commit: 'aaa111', tests: 'domain' });
  });

  it('starts from nothing when there is no earlier bench/mutation.json', () => {
    expect(mergeRuns(undefined, one)).toEqual({ files: { 'src/domain/check.ts': one.files['src/domain/check.ts'], 'src/domain/rules/share.ts': one.files['src/domain/rules/share.ts'] } });
  });

  it('scores the union, without the stale rows, per folder and overall, and lists the scope not yet measured', () => {
    const merged = mergeRuns(one, two);
    const scope = ['src/domain/check.ts', 'src/domain/figures.ts', 'src/domain/rules/share.ts', 'src/features/assets/panels/balance.ts', 'src/features/assets/model.ts'];
    const all = summarize(merged, { scope });
    // share 4/4, check 1/2, balance 3/4 → 8 of 10.
    expect(score(all.total)).toBe(80);
    expect(all.groups.map((g: { group: string; files: number }) => [g.group, g.files])).toEqual([['src/domain', 1], ['src/domain/rules', 1], ['src/features/assets', 1]]);
    expect(all.unmeasured).toEqual(['src/domain/figures.ts', 'src/features/assets/model.ts']);

    const withoutCheck = summarize(merged, { scope, stale: new Set(['src/domain/check.ts']) });
    expect(score(withoutCheck.total)).toBe(87.5);
    expect(withoutCheck.stale).toEqual(['src/domain/check.ts']);
  });

  it('writes the markdown from the union: the score, each row with its commit and tests, stale rows marked, the files not measured', () => {
    const merged = mergeRuns(one, two);
    const md = renderMarkdown(merged, { scope: [...Object.keys(merged.files), 'src/domain/tree.ts'], stale: new Set(['src/domain/check.ts']), stryker: '9.6.1' });
    expect(md).toContain('**Mutation score: 87.5 %** over 2 of the scope\'s 4 files (7 of 8 mutants detected: 6 killed, 1 timed out; 1 survived, 0 not covered by any test; 1 ignored)');
    expect(md).toContain('| src/domain/check.ts (stale: changed since, not counted) | 50.0 % | 1 | 0 | 1 | 0 | 0 | aaa111 2026-12-08 00:20 | `domain` |');
    expect(md).toContain('| src/domain/rules/share.ts | 100.0 % | 3 | 1 | 0 | 0 | 1 | bbb222 2026-12-08 01:10 | `all` |');
    expect(md).toContain('Not yet measured (1):\n- src/domain/tree.ts');
  });
});
