/**
 * The pure half of `npm run mutation` (scripts/mutation.mjs): a run on part of the scope is merged
 * into bench/mutation.json file by file, and bench/mutation.md is written from the union, so the
 * scope can be measured in pieces on a shared machine. No file system or git here: the caller
 * says which rows are stale and which files the scope holds.
 *
 * A row per file: { killed, timeout, survived, noCoverage, ignored, commit, date, tests }.
 * Score = detected / valid, as Stryker counts it: detected = killed + timeout; valid = detected +
 * survived + no coverage (compile errors and ignored mutants are not valid mutants).
 */

const STATUS_FIELD = { Killed: 'killed', Timeout: 'timeout', Survived: 'survived', NoCoverage: 'noCoverage', Ignored: 'ignored' };

/** Counts a Stryker JSON report's mutants of one file by status (compile and runtime errors are not counted). */
export function countMutants(mutants) {
  const row = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const m of mutants) {
    const field = STATUS_FIELD[m.status];
    if (field) row[field] += 1;
  }
  return row;
}

/**
 * The rows a Stryker report gives: one per file it mutated, plus a zero row for each file the run
 * was asked to mutate in which Stryker found no mutant (a file of types only), so that such a file
 * counts as measured. `measured` = { commit, date, tests } of the run.
 */
export function rowsFromReport(report, mutatedFiles, measured) {
  const rows = {};
  for (const name of mutatedFiles) rows[name] = { ...countMutants([]), ...measured };
  for (const [name, file] of Object.entries(report.files)) rows[name] = { ...countMutants(file.mutants), ...measured };
  return rows;
}

/** The union of two { files } reports: a file measured again in `next` replaces its row in `previous`. */
export function mergeRuns(previous, next) {
  const files = { ...(previous?.files ?? {}), ...next.files };
  return { files: Object.fromEntries(Object.keys(files).sort().map((name) => [name, files[name]])) };
}

const detectedOf = (r) => r.killed + r.timeout;
const validOf = (r) => detectedOf(r) + r.survived + r.noCoverage;
const sum = (rows) =>
  rows.reduce(
    (t, r) => ({
      killed: t.killed + r.killed,
      timeout: t.timeout + r.timeout,
      survived: t.survived + r.survived,
      noCoverage: t.noCoverage + r.noCoverage,
      ignored: t.ignored + r.ignored,
    }),
    countMutants([]),
  );

/** Percentage of valid mutants detected, or null when there is no valid mutant. */
export function score(row) {
  const valid = validOf(row);
  return valid ? (100 * detectedOf(row)) / valid : null;
}

const pct = (x) => (x === null ? '–' : `${x.toFixed(1)} %`);

/** The folder a file is reported under: src/domain/rules, src/features/assets, … (panels with their route). */
const groupOf = (name) => name.replace(/(\/panels)?\/[^/]+$/, '');

/**
 * Summary over the measured rows that are not stale: overall, per folder, per file. `stale` = the
 * names whose source changed since the commit of their row; `scope` = every file the default
 * configuration mutates.
 */
export function summarize(merged, { stale = new Set(), scope = [] } = {}) {
  const names = Object.keys(merged.files);
  const current = names.filter((n) => !stale.has(n));
  const total = sum(current.map((n) => merged.files[n]));
  const groups = [...new Set(current.map(groupOf))].sort().map((group) => {
    const rows = current.filter((n) => groupOf(n) === group).map((n) => merged.files[n]);
    return { group, files: rows.length, ...sum(rows) };
  });
  const unmeasured = scope.filter((n) => !(n in merged.files)).sort();
  return { total, groups, current, stale: names.filter((n) => stale.has(n)), unmeasured, scopeSize: scope.length };
}

/** bench/mutation.md from the merged rows. `stryker` = the version that measured the last run. */
export function renderMarkdown(merged, { stale = new Set(), scope = [], stryker = '' } = {}) {
  const s = summarize(merged, { stale, scope });
  const t = s.total;
  const row = (name) => {
    const r = merged.files[name];
    const mark = stale.has(name) ? ' (stale: changed since, not counted)' : '';
    return `| ${name}${mark} | ${pct(score(r))} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.commit.slice(0, 7)} ${r.date} | \`${r.tests}\` |`;
  };
  return `# Mutation testing

Written by \`npm run mutation\` (scripts/mutation.mjs, Stryker ${stryker} with the Vitest runner) from
bench/mutation.json, which holds one row per source file as last measured: a run on part of the scope
(\`--mutate <files>\`) replaces the rows of the files it measured and keeps the others. A row whose
source file changed since the commit it was measured at is stale and not counted. Not run in CI.

**Mutation score: ${pct(score(t))}** over ${s.current.length} of the scope's ${s.scopeSize} files (${detectedOf(t)} of ${validOf(t)} mutants detected: ${t.killed} killed, ${t.timeout} timed out; ${t.survived} survived, ${t.noCoverage} not covered by any test; ${t.ignored} ignored). Target ≥ 85 %.${s.stale.length ? ` ${s.stale.length} stale row(s) not counted.` : ''}${s.unmeasured.length ? ` ${s.unmeasured.length} file(s) of the scope not yet measured (listed below).` : ''}

A score measured with fewer tests than the full set (the *Tests* column) is a lower bound: a mutant
those tests miss may be killed by another.

To measure (or remeasure) a piece, e.g. the rules on one core with the domain tests, keeping one
incremental file per piece so that a rerun only tests the mutants whose code or tests changed:

\`\`\`sh
MUTATION_TESTS='tests/unit/domain/**/*.test.ts' npm run mutation -- --concurrency 1 \\
  --incrementalFile reports/stryker-incremental-rules.json --mutate 'src/domain/rules/balance.ts,src/domain/rules/share.ts'
\`\`\`

Add \`--force\` after adding tests of a file's module-level constants (a label table, a tolerance):
their mutants are covered by no test by name, so an incremental run keeps their old result.

| Folder | Files | Score | Killed | Timeout | Survived | No coverage |
|---|---|---|---|---|---|---|
${s.groups.map((g) => `| ${g.group} | ${g.files} | ${pct(score(g))} | ${g.killed} | ${g.timeout} | ${g.survived} | ${g.noCoverage} |`).join('\n')}

| File | Score | Killed | Timeout | Survived | No coverage | Ignored | Measured at | Tests |
|---|---|---|---|---|---|---|---|---|
${Object.keys(merged.files).map(row).join('\n')}
${
  s.unmeasured.length
    ? `
Not yet measured (${s.unmeasured.length}):
${s.unmeasured.map((n) => `- ${n}`).join('\n')}
`
    : ''
}
The surviving mutants of the last run, with their places, are in reports/mutation/mutation.html (not committed).
`;
}
