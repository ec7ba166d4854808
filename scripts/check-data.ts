/**
 * `npm run check:data`: validate every data file the index lists and run the reconciliation rules,
 * with the same code the browser uses (src/lib/data/validate.ts and rules.ts); this script only
 * reads files.
 *
 *   tsx scripts/check-data.ts [--data <dir>] [--json] [--verbose]
 *
 * Exit code 1 on any structural error or any unexplained rule failure; 0 otherwise (known issues,
 * documented in the data, do not fail). A missing source text skips the quote rule with a notice.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassificationFile, DataError, RuleResult, UnitYearFile } from '../src/model/types';
import { parseJson, validateClassification, validateIndex, validateUnitYear } from '../src/data/validate';
import { formatReport, reconcile, summarize, unusedKnownIssues } from '../src/domain/rules';

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

function readJson(path: string): { value?: unknown; errors: DataError[] } {
  const name = display(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : String((e as Error).message);
    return { errors: [{ file: name, record: '', field: '', expected: 'a readable file', found: why, message: `${name}: cannot read the file (${why})` }] };
  }
  return parseJson(text, name);
}

interface FileReport {
  unit: string;
  year: number;
  file: string;
  errors: DataError[];
  results: RuleResult[];
  summary: ReturnType<typeof summarize>;
  value?: UnitYearFile;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const notices: string[] = [];
  const globalErrors: DataError[] = [];
  const files: FileReport[] = [];

  const indexPath = resolve(args.dataDir, 'index.json');
  const idxRaw = readJson(indexPath);
  globalErrors.push(...idxRaw.errors);
  const idx = idxRaw.value === undefined ? undefined : validateIndex(idxRaw.value, display(indexPath));
  globalErrors.push(...(idx?.errors ?? []));

  if (idx?.value) {
    const index = idx.value;
    const tree = (rel: string): ClassificationFile | undefined => {
      const p = resolve(args.dataDir, rel);
      const raw = readJson(p);
      globalErrors.push(...raw.errors);
      if (raw.value === undefined) return undefined;
      const v = validateClassification(raw.value, display(p));
      globalErrors.push(...v.errors);
      return v.value;
    };
    const functional = tree(index.classifications.functional);
    const economic = tree(index.classifications.economic);
    if (functional && functional.id !== 'functional') notices.push(`${index.classifications.functional} 的 id 是 "${functional.id}"，应为 "functional"`);
    if (economic && economic.id !== 'economic') notices.push(`${index.classifications.economic} 的 id 是 "${economic.id}"，应为 "economic"`);

    for (const unit of index.units) {
      for (const { year, file } of unit.years) {
        const p = resolve(args.dataDir, file);
        const raw = readJson(p);
        const report: FileReport = { unit: unit.id, year, file: display(p), errors: [...raw.errors], results: [], summary: summarize([]) };
        if (raw.value !== undefined) {
          const v = validateUnitYear(raw.value, display(p), { functional, economic, unit: unit.id, year });
          report.errors.push(...v.errors);
          if (v.value && functional && economic) {
            const sourceText = readSource(v.value, args.dataDir, notices);
            report.results = reconcile(v.value, { functional, economic }, { sourceText });
            report.summary = summarize(report.results);
            report.value = v.value;
            for (const u of unusedKnownIssues(report.results, v.value.knownIssues)) {
              notices.push(`${report.file}：已知问题 ${u.issue} 的 explains "${u.entry}" 没有对应的失败（已修正或键写错？）`);
            }
          } else if (v.value) {
            notices.push(`${report.file}：分类文件无效，未运行规则检查`);
          }
        }
        files.push(report);
      }
    }
  }

  const errorCount = globalErrors.length + files.reduce((s, f) => s + f.errors.length, 0);
  const failCount = files.reduce((s, f) => s + f.summary.total.fail, 0);
  const ok = errorCount === 0 && failCount === 0;

  if (args.json) {
    const out = {
      ok,
      dataDir: display(args.dataDir),
      errors: globalErrors,
      notices,
      files: files.map(({ value: _value, ...f }) => f),
      totals: { errors: errorCount, ...sumTotals(files) },
    };
    console.log(JSON.stringify(out, null, 2));
    return ok ? 0 : 1;
  }

  const lines: string[] = [`数据检查：${display(args.dataDir)}`, ''];
  if (globalErrors.length) lines.push(formatReport([], globalErrors));
  for (const n of notices) lines.push(`注意：${n}`);
  if (notices.length) lines.push('');
  for (const f of files) {
    lines.push(
      formatReport(f.results, f.errors, {
        title: `${f.unit} ${f.year}（${f.file}）`,
        knownIssues: f.value?.knownIssues,
        showPasses: args.verbose,
      }),
    );
  }
  const t = sumTotals(files);
  lines.push(
    `合计：结构错误 ${errorCount}，规则通过 ${t.pass}，未解释失败 ${t.fail}，已知问题 ${t.known}`,
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

/**
 * The source text named by `source.file` (relative to the repository root; for a data folder
 * elsewhere, also tried relative to that folder and its parent). Missing: notice, quote rule skipped.
 */
function readSource(file: UnitYearFile, dataDir: string, notices: string[]): string | undefined {
  const rel = file.source.file;
  const candidates = [resolve(repoRoot, rel), resolve(dataDir, '..', rel), resolve(dataDir, rel)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    notices.push(`来源文本 ${rel} 不存在，跳过引文核对（quote 规则）`);
    return undefined;
  }
  return readFileSync(found, 'utf8');
}

process.exitCode = main();
