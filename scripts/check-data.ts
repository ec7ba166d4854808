/**
 * `npm run check:data`: check every data file with the page's own pipeline (src/data/load.ts:
 * read → parse → validate → salvage → reconcile, then the quote checks against each report's
 * source), reading through a reader confined to the data folder. Files under units/ and
 * classifications/ that the index does not list are checked too, and named as unlisted.
 *
 *   tsx scripts/check-data.ts [--data <dir>] [--json] [--verbose]
 *
 * Exit code 1 on any structural error (an unlisted file's too) or any unexplained rule failure;
 * 0 otherwise (known issues, documented in the data, do not fail). `--json` prints every rule
 * result, and every known issue with the result keys it explains.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DataError, KnownIssue, RuleResult } from '../src/model/types';
import { fsReader } from '../src/data/fs-reader';
import { checkQuotes, loadDataset, type UnitYearResult } from '../src/data/load';
import { resolveDataPath } from '../src/data/paths';
import { parseJson, validateIndex } from '../src/data/validate';
import { explainsKey, formatReport, summarize, unusedKnownIssues } from '../src/domain/rules';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Args {
  dataDir: string;
  json: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dataDir: resolve(repoRoot, 'data'), json: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--verbose' || a === '-v') args.verbose = true;
    else if (a === '--data') {
      const dir = argv[++i];
      if (!dir) usage('--data needs a directory');
      args.dataDir = resolve(process.cwd(), dir);
    } else if (a.startsWith('--data=')) args.dataDir = resolve(process.cwd(), a.slice('--data='.length));
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown argument ${a}`);
  }
  return args;
}

function usage(problem?: string): never {
  if (problem) console.error(problem);
  console.error('usage: tsx scripts/check-data.ts [--data <dir>] [--json] [--verbose]');
  process.exit(2);
}

/** Path as reports name it: relative to the repository when inside it ("data/index.json"). */
function display(path: string): string {
  const rel = relative(repoRoot, path);
  return rel && !rel.startsWith('..') ? rel.split('\\').join('/') : path;
}

/** Every file under `dir`/`sub`, as paths relative to `dir` with "/" separators. */
function filesUnder(dir: string, sub: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let names: string[];
    try {
      names = readdirSync(join(dir, rel));
    } catch {
      return;
    }
    for (const n of names.sort()) {
      const p = `${rel}/${n}`;
      const st = statSync(join(dir, p), { throwIfNoEntry: false });
      if (st?.isDirectory()) walk(p);
      else if (st?.isFile()) out.push(p);
    }
  };
  walk(sub);
  return out;
}

interface FileReport {
  unit: string;
  year: number;
  file: string;
  listed: boolean;
  broken: string[];
  errors: DataError[];
  results: RuleResult[];
  summary: ReturnType<typeof summarize>;
  knownIssues: Array<Pick<KnownIssue, 'id' | 'kind' | 'title' | 'explains' | 'records'> & { explainsKeys: string[] }>;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const name = (p: string) => display(resolve(args.dataDir, p));
  const reader = fsReader(args.dataDir, name);
  const notices: string[] = [];

  // First the index alone, to learn which files it lists; then the one pipeline over everything.
  const got = await reader('index.json');
  const raw = 'text' in got ? parseJson(got.text, name('index.json')).value : undefined;
  const probe = raw === undefined ? undefined : validateIndex(raw, name('index.json')).value;
  const listed = new Set<string>(['index.json']);
  if (probe) {
    const idx = probe;
    for (const p of [idx.classifications.functional, idx.classifications.economic, ...idx.units.flatMap((u) => u.years.map((y) => y.file))]) {
      const r = resolveDataPath(p);
      if (r.ok) listed.add(r.path);
    }
  }
  const unlisted = [...filesUnder(args.dataDir, 'units'), ...filesUnder(args.dataDir, 'classifications')].filter((p) => !listed.has(p));

  const ds = await loadDataset(reader, { name, unlisted });
  const quotes = await checkQuotes(ds, reader);
  const unitYears = quotes.unitYears;
  const own = new Set(ds.unitYears.flatMap((u) => u.errors));
  const globalErrors = [...ds.errors.filter((e) => !own.has(e)), ...quotes.errors];

  const idx = ds.index;
  if (idx && ds.functional && ds.functional.id !== 'functional') notices.push(`${idx.classifications.functional} 的 id 是 "${ds.functional.id}"，应为 "functional"`);
  if (idx && ds.economic && ds.economic.id !== 'economic') notices.push(`${idx.classifications.economic} 的 id 是 "${ds.economic.id}"，应为 "economic"`);
  for (const f of ds.unlisted ?? []) notices.push(`${f} 未列入 index.json（已一并检查）`);

  const files: FileReport[] = unitYears.map((uy: UnitYearResult) => {
    const issues = uy.value?.knownIssues ?? [];
    for (const u of unusedKnownIssues(uy.results, issues)) notices.push(`${uy.file}：已知问题 ${u.issue} 的 explains "${u.entry}" 没有对应的失败（已修正或键写错？）`);
    if (uy.value && !(ds.functional && ds.economic)) notices.push(`${uy.file}：分类文件无效，未运行规则检查`);
    if (uy.broken.length && uy.value) notices.push(`${uy.file}：已略去无效部分 ${uy.broken.join('、')}，其余照常检查`);
    return {
      unit: uy.unit,
      year: uy.year,
      file: uy.file,
      listed: uy.listed !== false,
      broken: uy.broken,
      errors: uy.errors,
      results: uy.results,
      summary: summarize(uy.results),
      knownIssues: issues.map(({ id, kind, title, explains, records }) => ({
        id,
        kind,
        title,
        explains,
        records,
        explainsKeys: uy.results.filter((r) => r.knownIssue === id && explains.some((e) => explainsKey(e, r.key))).map((r) => r.key),
      })),
    };
  });

  const errorCount = globalErrors.length + files.reduce((s, f) => s + f.errors.length, 0);
  const totals = sumTotals(files);
  const ok = errorCount === 0 && totals.fail === 0;

  if (args.json) {
    const out = {
      ok,
      dataDir: display(args.dataDir),
      errors: globalErrors,
      notices,
      unlisted: ds.unlisted ?? [],
      files,
      totals: { errors: errorCount, ...totals },
    };
    console.log(JSON.stringify(out, null, 2));
    return ok ? 0 : 1;
  }

  const lines: string[] = [`数据检查：${display(args.dataDir)}`, ''];
  if (globalErrors.length) lines.push(formatReport([], globalErrors));
  for (const n of notices) lines.push(`注意：${n}`);
  if (notices.length) lines.push('');
  for (const [i, f] of files.entries()) {
    const title = f.listed ? `${f.unit} ${f.year}（${f.file}）` : `未列入 index.json：${f.file}`;
    lines.push(formatReport(f.results, f.errors, { title, knownIssues: unitYears[i].value?.knownIssues, showPasses: args.verbose }));
  }
  lines.push(
    `合计：结构错误 ${errorCount}，规则通过 ${totals.pass}，未解释失败 ${totals.fail}，已知问题 ${totals.known}`,
    ok ? '结果：通过' : '结果：失败（结构错误或未解释的规则失败）',
  );
  console.log(lines.join('\n'));
  return ok ? 0 : 1;
}

function sumTotals(files: FileReport[]) {
  const t = { pass: 0, fail: 0, known: 0 };
  for (const f of files) {
    t.pass += f.summary.total.pass;
    t.fail += f.summary.total.fail;
    t.known += f.summary.total.known;
  }
  return t;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(`check-data: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
