#!/usr/bin/env node
/**
 * `npm run mutation [-- --mutate <files> --concurrency 1]`: runs Stryker (stryker.config.mjs; any
 * argument is passed on; MUTATION_TESTS=<glob> narrows the tests run against each mutant, see
 * vitest.mutation.config.ts), then merges the run's per-file counts into bench/mutation.json (a file
 * measured again replaces its row, the others stay) and rewrites bench/mutation.md from the union
 * (scripts/mutation-merge.mjs). So the scope can be measured in pieces: a full run takes hours on two
 * shared cores. Not run in CI.
 *
 * `npm run mutation -- --merge-only` merges the last report (reports/mutation/mutation.json) without
 * running Stryker, e.g. after a run started with `npx stryker run`; MUTATION_TESTS must then be what it
 * was for that run.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mergeRuns, renderMarkdown, rowsFromReport } from './mutation-merge.mjs';
import config from '../stryker.config.mjs';

const ROOT = join(import.meta.dirname, '..');
const REPORT = join(ROOT, 'reports/mutation/mutation.json');
const BENCH_JSON = join(ROOT, 'bench/mutation.json');
const args = process.argv.slice(2);
const mergeOnly = args.includes('--merge-only');

const git = (...a) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' });
// The commit the sources were read at: taken before the run, which may take hours while work goes on.
const commit = git('rev-parse', 'HEAD').trim();

if (!mergeOnly) {
  const run = spawnSync('npx', ['stryker', 'run', ...args], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`stryker exited with ${run.status ?? run.signal}: bench/mutation.md and .json left as they were`);
    process.exit(1);
  }
}

/** The tracked files a list of Stryker mutate patterns names ('!' excludes), by git's glob pathspecs. */
const filesOf = (patterns) => {
  for (const p of patterns) {
    // A line range measures part of a file, which a per-file row cannot hold.
    if (/:\d/.test(p)) throw new Error(`mutate pattern ${p}: a line range cannot be merged into per-file rows; mutate whole files`);
  }
  const specs = patterns.map((p) => (p.startsWith('!') ? `:(exclude,glob)${p.slice(1)}` : `:(glob)${p}`));
  return git('ls-files', '-z', '--', ...specs).split('\0').filter(Boolean);
};

const report = JSON.parse(readFileSync(REPORT, 'utf8'));
const measured = {
  commit,
  date: statSync(REPORT).mtime.toISOString().slice(0, 16).replace('T', ' '),
  tests: process.env.MUTATION_TESTS ?? 'every unit test but those that start CLIs and servers (vitest.mutation.config.ts)',
};
const uncommitted = Object.keys(report.files).filter((f) => spawnSync('git', ['diff', '--quiet', commit, '--', f], { cwd: ROOT }).status !== 0);
if (uncommitted.length) console.warn(`changed since ${commit.slice(0, 7)}, so measured on other sources than that commit's (their rows read as stale): ${uncommitted.join(', ')}`);

const previous = existsSync(BENCH_JSON) ? JSON.parse(readFileSync(BENCH_JSON, 'utf8')) : { files: {} };
const merged = mergeRuns(previous, { files: rowsFromReport(report, filesOf(report.config?.mutate ?? config.mutate), measured) });
const stale = new Set(
  Object.entries(merged.files)
    .filter(([file, row]) => !existsSync(join(ROOT, file)) || spawnSync('git', ['diff', '--quiet', row.commit, '--', file], { cwd: ROOT }).status !== 0)
    .map(([file]) => file),
);
const md = renderMarkdown(merged, { stale, scope: filesOf(config.mutate), stryker: report.framework?.version ?? '' });
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(BENCH_JSON, `${JSON.stringify(merged, null, 2)}\n`);
writeFileSync(join(ROOT, 'bench/mutation.md'), md);
console.log(md.match(/\*\*Mutation score: [^*]+\*\*[^.]*/)?.[0] ?? '', '→ bench/mutation.md, bench/mutation.json');
