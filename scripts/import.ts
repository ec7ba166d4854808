/**
 * `npm run import -- <file> --unit <id> --name <单位名称> [--year <YYYY>] [--data <dir>] [--force]
 *                    [--region <地区>] [--date <YYYY-MM-DD>] [--encoding auto|utf-8|gb18030]`
 *
 * A report text (.txt) or the standard 决算 tables (.xlsx/.xls/.ods/.csv) become `<dir>/units/<id>/<year>.json`,
 * with the source copied under `<dir>/sources/`, the unit and year registered in `<dir>/index.json`
 * (codes the file needs added to the trees, groups its measures use added to the index), then the
 * written data is checked with the project's own pipeline (src/data/load.ts: validate, rules,
 * quotes) and the report printed: findings, and the review list of numbers that were not placed.
 *
 * Exit 0 when the written file is structurally valid (a report's own inconsistencies are
 * findings, not errors); 1 when the input cannot be read or the result would not be valid; 2 on
 * bad arguments. Nothing is overwritten without --force, and nothing is half-written: every file
 * is prepared and checked in memory, written to a temporary name and renamed, the index last.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassificationFile, DataIndex, UnitYearFile } from '../src/model/types';
import { ENCODINGS, MAX_TEXT_BYTES, type Encoding } from '../src/import/decode';
import { formatOf, importFile, type ImportResult, type ReviewItem } from '../src/import/index';
import { importArgumentsProblem, MAX_INPUT_BYTES, sourcePaths, withNodes } from '../src/import/options';
import { fsReader } from '../src/data/fs-reader';
import { checkQuotes, checkUnitYear, loadDataset } from '../src/data/load';
import { resolveDataPath } from '../src/data/paths';
import { validateClassification } from '../src/data/validate';
import { formatReport } from '../src/domain/rules';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

class Exit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
const fail = (message: string): never => {
  throw new Exit(1, message);
};

interface Args {
  file: string;
  unit: string;
  name: string;
  year?: number;
  dataDir: string;
  force: boolean;
  region?: string;
  date?: string;
  encoding: Encoding;
}

const USAGE =
  '用法：npm run import -- <文件.txt|.xlsx|.xls|.ods|.csv> --unit <id> --name <单位名称> [--year <YYYY>] [--data <目录>] [--force] [--region <地区>] [--date <YYYY-MM-DD>] [--encoding auto|utf-8|gb18030]';

function parseArgs(argv: string[]): Args {
  const opts: Record<string, string> = {};
  const files: string[] = [];
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--force') force = true;
    else if (a === '--help' || a === '-h') throw new Exit(0, USAGE);
    else if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split(/=(.*)/s);
      if (!['unit', 'name', 'year', 'data', 'region', 'date', 'encoding'].includes(k)) throw new Exit(2, `未知参数 ${a}\n${USAGE}`);
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Exit(2, `--${k} 需要一个值\n${USAGE}`);
      opts[k] = v;
    } else files.push(a);
  }
  if (files.length !== 1) throw new Exit(2, `${files.length ? '只能导入一个文件' : '缺少要导入的文件'}\n${USAGE}`);
  if (!opts.unit) throw new Exit(2, `缺少 --unit <id>\n${USAGE}`);
  if (!opts.name) throw new Exit(2, `缺少 --name <单位名称>\n${USAGE}`);
  const problem = importArgumentsProblem({ unit: opts.unit, name: opts.name, year: opts.year, region: opts.region, date: opts.date });
  if (problem) fail(problem);
  const year = opts.year === undefined ? undefined : Number(opts.year.trim());
  const encoding = (opts.encoding ?? 'auto').toLowerCase().replace(/^gbk$/, 'gb18030').replace(/^utf8$/, 'utf-8') as Encoding;
  if (!ENCODINGS.includes(encoding)) fail(`--encoding 应为 ${ENCODINGS.join('、')} 之一（gbk 即 gb18030）`);
  return {
    file: resolve(process.cwd(), files[0]),
    unit: opts.unit,
    name: opts.name.trim(),
    year,
    dataDir: resolve(process.cwd(), opts.data ?? resolve(repoRoot, 'data')),
    force,
    region: opts.region?.trim(),
    date: opts.date,
    encoding,
  };
}

/** A path inside the data folder for a data-relative path; anything leaving it is refused. */
function inData(dataDir: string, rel: string): string {
  const r = resolveDataPath(rel);
  if (!r.ok) fail(`路径“${rel}”不在数据目录内（${r.problem}）`);
  const p = resolve(dataDir, r.ok ? r.path : '');
  const back = relative(dataDir, p);
  if (!back || back.startsWith('..') || isAbsolute(back)) fail(`路径“${rel}”不在数据目录内`);
  return p;
}

function readJsonFile<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (e) {
    return fail(`无法读取${what} ${path}：${(e as Error).message}`);
  }
}

/** 功能分类 codes the unit's files already in the data use (none for a unit imported for the first time). */
function unitCodes(dataDir: string, unit: string): string[] {
  const dir = inData(dataDir, `units/${unit}`);
  if (!existsSync(dir)) return [];
  const codes = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = readJsonFile<UnitYearFile>(resolve(dir, name), `单位数据文件`);
    for (const f of file.facts ?? []) if (f.functional) codes.add(f.functional);
  }
  return [...codes];
}

interface Write {
  path: string;
  content: string | Uint8Array;
}

/** Write every file to a temporary name, then rename them all (index last); on failure remove the temporaries. */
function commit(writes: Write[]): void {
  const temps: Array<{ tmp: string; path: string }> = [];
  try {
    for (const w of writes) {
      mkdirSync(dirname(w.path), { recursive: true });
      const tmp = `${w.path}.import-${process.pid}.tmp`;
      writeFileSync(tmp, w.content);
      temps.push({ tmp, path: w.path });
    }
    for (const t of temps) renameSync(t.tmp, t.path);
  } catch (e) {
    for (const t of temps) if (existsSync(t.tmp)) unlinkSync(t.tmp);
    fail(`写入失败：${(e as Error).message}`);
  }
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
/** A path as messages show it: relative to the working folder when inside it. */
function shown(p: string): string {
  const rel = relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p;
}

function printReview(review: ReviewItem[]): string[] {
  if (review.length === 0) return ['待核对：无（每个数字都已归位）'];
  const lines = [`待核对 ${review.length} 个数字（未写入数据，请人工确认）：`];
  for (const r of review) {
    const where = r.where.line ? `第 ${r.where.line} 行` : [r.where.sheet, r.where.row && `第 ${r.where.row} 行`, r.where.column].filter(Boolean).join(' › ');
    lines.push(`  ? ${where}：${r.text} —— ${r.reason}`, `      「${r.context.length > 120 ? `${r.context.slice(0, 120)}…` : r.context}」`);
  }
  return lines;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { dataDir } = args;
  const format = formatOf(args.file);
  if (!format) fail(`不支持的文件类型“${basename(args.file)}”：可导入 .txt（报告正文）、.xlsx、.xls、.ods 或 .csv（决算表）`);
  const st = statSync(args.file, { throwIfNoEntry: false });
  if (!st) fail(`找不到文件 ${args.file}`);
  if (!st!.isFile()) fail(`${args.file} 不是文件`);
  if (st!.size > MAX_INPUT_BYTES || (format === 'text' && st!.size > MAX_TEXT_BYTES))
    fail(`文件过大（${(st!.size / 1048576).toFixed(1)} MB）：报告正文上限 ${MAX_TEXT_BYTES / 1048576} MB，表格上限 ${MAX_INPUT_BYTES / 1048576} MB`);

  const indexPath = resolve(dataDir, 'index.json');
  if (!existsSync(indexPath)) fail(`数据目录 ${dataDir} 里没有 index.json`);
  const index = readJsonFile<DataIndex>(indexPath, '索引');
  const fPath = inData(dataDir, index.classifications.functional);
  const ePath = inData(dataDir, index.classifications.economic);
  const functional = readJsonFile<ClassificationFile>(fPath, '功能分类');
  const economic = readJsonFile<ClassificationFile>(ePath, '经济分类');

  const bytes = new Uint8Array(readFileSync(args.file));
  const result: ImportResult = await importFile(bytes, {
    unit: args.unit,
    name: args.name,
    year: args.year,
    fileName: basename(args.file),
    trees: { functional: functional.nodes, economic: economic.nodes },
    groups: index.groups ?? [],
    unitCodes: unitCodes(dataDir, args.unit),
    date: args.date,
    encoding: args.encoding,
  });
  const out: string[] = [];
  for (const w of result.warnings ?? []) out.push(`注意：${w}`);
  if (result.errors.length || !result.file) {
    const msg = result.errors.map((e) => (e.where?.line ? `第 ${e.where.line} 行：${e.message}` : e.where?.sheet ? `${e.where.sheet}${e.where.row ? ` 第 ${e.where.row} 行` : ''}${e.where.column ? ` ${e.where.column} 列` : ''}：${e.message}` : e.message));
    if (result.review.length) out.push(...printReview(result.review));
    if (out.length) console.log(out.join('\n'));
    return fail(`无法导入 ${basename(args.file)}：${msg.join('；') || '没有结果'}`);
  }

  const file: UnitYearFile = result.file;
  const year = file.reportYear;
  const unitRel = `units/${args.unit}/${year}.json`;
  const unitPath = inData(dataDir, unitRel);
  // The source copy: the decoded text (UTF-8, what the quote check reads), and the workbook itself.
  const paths = sourcePaths(args.unit, year, format!, basename(args.file), result);
  file.source.file = paths.sourceFile;
  const writes: Write[] = [];
  if (result.sourceText !== undefined) writes.push({ path: inData(dataDir, paths.sourceFile), content: result.sourceText });
  if (paths.original) writes.push({ path: inData(dataDir, paths.original), content: bytes });

  const existing = [unitPath, ...writes.map((w) => w.path)].filter((p) => existsSync(p));
  if (existing.length && !args.force)
    fail(`已存在 ${existing.map(shown).join('、')}：未写入任何文件。要覆盖请加 --force`);

  // Trees and index, in memory.
  const fNew = withNodes(functional, result.newCodes?.functional ?? []);
  const eNew = withNodes(economic, result.newCodes?.economic ?? []);
  const nextIndex: DataIndex = structuredClone(index);
  const groups = [...(nextIndex.groups ?? [])];
  for (const g of result.newGroups ?? []) if (!groups.some((x) => x.id === g.id)) groups.push(g);
  if (groups.length) nextIndex.groups = groups;
  let unit = nextIndex.units.find((u) => u.id === args.unit);
  if (!unit) {
    unit = { id: args.unit, name: args.name, region: args.region || '未填写', currency: '万元', years: [] };
    nextIndex.units.push(unit);
    if (!args.region) out.push(`注意：没有给 --region，index.json 里该单位的地区暂填“未填写”`);
  } else if (unit.name !== args.name) out.push(`注意：index.json 里该单位名为“${unit.name}”，与 --name“${args.name}”不同，保留原名`);
  if (args.region && unit.region !== args.region) unit.region = args.region;
  if (!unit.years.some((y) => y.year === year)) unit.years = [...unit.years, { year, file: unitRel }].sort((a, b) => a.year - b.year);
  else unit.years = unit.years.map((y) => (y.year === year ? { year, file: unitRel } : y));

  // The trees with the codes the file adds are checked as check:data checks them: a code whose parent
  // the tree lacks would make the tree invalid, and with it every unit's rules.
  for (const [tree, path, rel] of [[fNew, fPath, index.classifications.functional], [eNew, ePath, index.classifications.economic]] as const) {
    if (!tree) continue;
    const bad = validateClassification(tree, `data/${rel}`).errors;
    if (bad.length) {
      out.push(formatReport([], bad, { title: `${shown(path)}：补充科目后未通过结构检查（未写入任何文件）` }));
      console.log(out.join('\n'));
      return fail(`导入需要在 ${shown(path)} 中补充科目 ${bad.map((e) => e.record).filter(Boolean).join('、')}，但分类表缺少其上级科目：请先补全分类表再导入`);
    }
  }

  // The file is checked before anything is written: an importer never writes an invalid file.
  const fileName = `data/${unitRel}`;
  const pre = checkUnitYear(file, fileName, {
    functional: fNew ?? functional,
    economic: eNew ?? economic,
    groups: groups.map((g) => g.id),
    unit: args.unit,
    year,
  });
  if (pre.errors.length) {
    out.push(formatReport([], pre.errors, { title: `${args.unit} ${year}：导入结果未通过结构检查（未写入任何文件）` }));
    console.log(out.join('\n'));
    return fail('导入结果不符合数据格式：这是导入程序的问题，请把上面的错误报告给维护者');
  }

  writes.push({ path: unitPath, content: json(file) });
  if (fNew) writes.push({ path: fPath, content: json(fNew) });
  if (eNew) writes.push({ path: ePath, content: json(eNew) });
  writes.push({ path: indexPath, content: json(nextIndex) });
  commit(writes);

  // The written data, through the page's own pipeline.
  const name = (p: string) => {
    const abs = resolve(dataDir, p);
    const rel = relative(repoRoot, abs);
    return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : abs;
  };
  const reader = fsReader(dataDir, name);
  const ds = await loadDataset(reader);
  const quotes = await checkQuotes(ds, reader);
  const mine = quotes.unitYears.find((u) => u.unit === args.unit && u.year === year);
  const errors = [...(mine?.errors ?? []), ...ds.errors.filter((e) => !quotes.unitYears.some((u) => u.errors.includes(e)))];
  out.push(
    `已导入 ${basename(args.file)}${result.encoding ? `（${result.encoding.toUpperCase()}）` : ''} → ${name(unitRel)}`,
    `  事实 ${file.facts.length} 条，度量 ${file.measures.length} 条（其中推算 ${[...file.facts, ...file.measures].filter((x) => x.provenance.kind === 'derived').length} 条），待核对 ${result.review.length} 个`,
    `  来源副本 ${name(file.source.file)}；索引 ${name('index.json')}${fNew || eNew ? '；分类表已补充科目' : ''}${result.newGroups?.length ? `；新增分组 ${result.newGroups.map((g) => g.id).join('、')}` : ''}`,
    '',
    formatReport(mine?.results ?? [], errors, { title: `${args.unit} ${year} 检查报告`, knownIssues: file.knownIssues }),
    ...printReview(result.review),
  );
  console.log(out.join('\n'));
  const valid = (mine?.errors.length ?? 1) === 0 && (mine?.broken.length ?? 1) === 0;
  if (!valid) console.error('写入的文件未通过结构检查（见上）');
  return valid ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    if (e instanceof Exit) {
      (e.code === 0 ? console.log : console.error)(e.code === 0 ? e.message : `错误：${e.message}`);
      process.exitCode = e.code;
    } else {
      console.error(`错误：${(e as Error).stack ?? e}`);
      process.exitCode = 1;
    }
  },
);
