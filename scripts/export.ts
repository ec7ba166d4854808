/**
 * npm run export -- --unit <id> --year <YYYY> --out <file.xlsx> [--data <dir>] [--force]
 *
 * Writes a unit's figures into the template workbook (docs/templates/), the same layout the
 * importer reads, so a unit can publish its tables and importing them back gives the same data.
 * Reads the unit-year JSON directly; every path is confined to the data directory.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ClassNode, DataIndex, UnitYearFile } from '../src/model/types';
import { layout } from '../src/import/tables/layout';
import { writeWorkbook } from '../src/import/tables/workbook';

function die(message: string): never {
  console.error(`export: ${message}`);
  process.exit(1);
}

/** `rel` under `root`, or an error when it would leave it (also through a symlink). */
function inside(root: string, rel: string): string {
  const p = resolve(root, rel);
  const r = relative(root, p);
  if (r.startsWith('..') || isAbsolute(r)) die(`路径 ${rel} 不在数据目录 ${root} 内`);
  if (existsSync(p)) {
    const real = relative(realpathSync(root), realpathSync(p));
    if (real.startsWith('..') || isAbsolute(real)) die(`路径 ${rel} 经符号链接指向数据目录之外`);
  }
  return p;
}

function readJson<T>(path: string, what: string): T {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    die(`读不到${what}：${path}`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    die(`${what}不是有效的 JSON（${path}）：${e instanceof Error ? e.message : String(e)}`);
  }
}

let args;
try {
  args = parseArgs({
    options: { unit: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, data: { type: 'string', default: 'data' }, force: { type: 'boolean', default: false } },
    strict: true,
  }).values;
} catch (e) {
  die(`${e instanceof Error ? e.message : String(e)}\n用法：npm run export -- --unit <id> --year <YYYY> --out <file.xlsx> [--data <dir>] [--force]`);
}
const { unit, year, out, data, force } = args;
if (!unit || !year || !out) die('需要 --unit、--year 和 --out。用法：npm run export -- --unit <id> --year <YYYY> --out <file.xlsx> [--data <dir>]');
if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(unit)) die(`单位 id “${unit}”应为小写字母、数字和连字符`);
if (!/^\d{4}$/.test(year)) die(`年度“${year}”应为四位数字`);
if (!/\.xlsx$/i.test(out)) die(`输出文件 ${out} 应以 .xlsx 结尾`);
if (existsSync(out) && !force) die(`${out} 已存在；用 --force 覆盖`);

const root = resolve(data!);
if (!existsSync(root)) die(`数据目录 ${root} 不存在`);
const file = readJson<UnitYearFile>(inside(root, `units/${unit}/${year}.json`), `单位 ${unit} ${year} 年的数据文件`);
if (file.unit !== unit || String(file.reportYear) !== year) die(`units/${unit}/${year}.json 写的是单位 ${file.unit} 的 ${file.reportYear} 年报告`);
const indexPath = inside(root, 'index.json');
const index = existsSync(indexPath) ? readJson<DataIndex>(indexPath, '索引 index.json') : undefined;
const tree = (which: 'functional' | 'economic'): ClassNode[] => {
  const p = inside(root, index?.classifications?.[which] ?? `classifications/${which}.json`);
  return existsSync(p) ? (readJson<{ nodes: ClassNode[] }>(p, `${which} 分类文件`).nodes ?? []) : [];
};
const trees = { functional: tree('functional'), economic: tree('economic') };
const unitName = index?.units.find((u) => u.id === unit)?.name ?? file.source.publisher;

const { placedFacts, placedMeasures } = layout({ file, unitName, trees });
writeFileSync(out, await writeWorkbook({ file, unitName, trees }));
const roled = file.measures.filter((m) => m.role);
const inStandard = (ids: Set<string>, n: number) => `${ids.size} 在标准表，${n - ids.size} 在补充表`;
console.log(`已写出 ${out}：${unitName} ${year} 年，金额 ${file.facts.length} 项（${inStandard(placedFacts, file.facts.length)}），有角色的指标 ${roled.length} 项（${inStandard(placedMeasures, roled.length)}）`);
const unroled = file.measures.length - roled.length;
if (unroled || file.indicators.length) console.log(`未导出：没有角色的指标 ${unroled} 项、业务指标 ${file.indicators.length} 项（模板没有它们的位置）`);
