#!/usr/bin/env node
/**
 * `npm run synthetic -- --units <N> --years <Y> --out <dir>`: a SYNTHETIC data folder for tests,
 * the benchmark and the scaling study. Nothing in it is real, and every file says so: the index's
 * `generated` and every unit's name and region carry 合成数据, every report's source is titled
 * “合成数据（仅供测试与基准）” (kind 其他, its text file says the same), every fact and measure has
 * provenance rule "synthetic: 合成数据"; ids start with "synthetic-". It refuses to write into the
 * repository's data/ folder (synthetic figures are never shipped as real data).
 *
 * Shapes (--shape):
 *   report (default) — what a small 单位决算 holds (~40 facts, 5 measures): 本年支出 by spending type,
 *                      by function 项 (six of the tree's) and by economic 类, 本年收入 by source,
 *                      “三公”经费 with its budget, 编制数 and 在编人员; all consistent, so the rules pass.
 *   cube             — the full phase × spending type × functional × economic cube (1,584 facts per
 *                      file with the shipped trees), every aggregate the exact sum of its cells: the
 *                      1 M-row benchmark. `--facts <n>` picks units × years for about n facts.
 * Options: --regions <R> (default ⌈units / 40⌉) · --first-year <Y> (default: so the last year is 2024)
 *          --force (rewrite even when the folder's manifest has the same parameters)
 * The classification trees are copied from data/classifications (real codes, so drills look real).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SYNTHETIC_TITLE = '合成数据（仅供测试与基准）';
const MARK = '合成数据';
const RULE = 'synthetic: 合成数据，非真实报告数字';
const PHASES = ['年初预算', '调整预算', '决算'];
const CUBE_BASES = [null, '基本支出', '项目支出'];
const LAST_YEAR = 2024;

/** Deterministic PRNG so every run produces the same numbers. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const inferred = { kind: 'inferred', rule: RULE };
const cents = (x) => Math.round(x) / 100;

function trees() {
  const realIndex = JSON.parse(readFileSync(join(ROOT, 'data/index.json'), 'utf8'));
  const fTree = JSON.parse(readFileSync(join(ROOT, 'data', realIndex.classifications.functional), 'utf8'));
  const eTree = JSON.parse(readFileSync(join(ROOT, 'data', realIndex.classifications.economic), 'utf8'));
  return { realIndex, fTree, eTree };
}
const leavesOf = (nodes) => nodes.filter((n) => !nodes.some((o) => o.parent === n.code)).map((n) => n.code);

/** One unit-year in the report shape (see the module comment). */
function reportFile(id, year, u, { fTree, eTree }) {
  const rand = mulberry32(u * 7919 + year);
  const fLeaves = leavesOf(fTree.nodes).filter((c) => c.length === 7);
  const eClasses = eTree.nodes.filter((n) => n.level === 1).map((n) => n.code);
  const scale = 80 + (u % 97) * 23 + rand() * 40;
  const growth = 1 + (year - 2015) * 0.03;
  const picked = [];
  for (let i = 0; i < 6; i++) picked.push(fLeaves[(u * 3 + i * 5) % fLeaves.length]);
  const fs = [...new Set(picked)];
  const facts = [];
  const fact = (key, amount100, basis, functional, economic, extra = {}) =>
    facts.push({ id: `f-${key}`, year, phase: '决算', flow: '支出', source: null, basis, functional, economic, amount: cents(amount100), label: `${MARK}`, provenance: inferred, ...extra });
  // Cells in 分 (1/100 万元) so every sum is exact.
  const cell = {};
  for (const b of ['基本支出', '项目支出']) for (const f of fs) cell[`${b}|${f}`] = Math.round(scale * growth * (0.3 + rand()) * (b === '项目支出' ? 120 : 60));
  const sum = (pred) => Object.entries(cell).filter(([k]) => pred(k.split('|'))).reduce((s, [, v]) => s + v, 0);
  const total = sum(() => true);
  fact('total', total, null, null, null);
  for (const b of ['基本支出', '项目支出']) fact(`b-${b === '基本支出' ? 'basic' : 'project'}`, sum(([x]) => x === b), b, null, null);
  for (const f of fs) {
    fact(`fn-${f}`, sum(([, y]) => y === f), null, f, null);
    for (const b of ['基本支出', '项目支出']) fact(`fn-${f}-${b === '基本支出' ? 'b' : 'p'}`, cell[`${b}|${f}`], b, f, null);
  }
  // Economic 类 of the total: split it exactly, the last class taking the rest.
  let left = total;
  eClasses.forEach((e, i) => {
    const v = i === eClasses.length - 1 ? left : Math.round(total * (i === 0 ? 0.35 : 0.5 / (eClasses.length - 1)));
    left -= v;
    fact(`ec-${e}`, v, null, null, e);
  });
  // 本年收入: equal to 本年支出 (no carry-over), from two sources.
  const appropriated = Math.round(total * (0.8 + rand() * 0.15));
  const income = (key, amount100, source) => facts.push({ id: `f-in-${key}`, year, phase: '决算', flow: '收入', source, basis: null, functional: null, economic: null, amount: cents(amount100), label: MARK, provenance: inferred });
  income('total', total, null);
  income('gpb', appropriated, '一般公共预算财政拨款');
  income('other', total - appropriated, '其他');
  const staff = 8 + (u % 60);
  const sangong = cents(Math.round(scale * (3 + rand() * 4)));
  const measure = (key, role, value, unit, extra = {}) => ({ id: `m-${key}`, group: 'overview', role, label: MARK, value, unit, year, approx: null, cumulative: false, parent: null, provenance: inferred, ...extra });
  const measures = [
    measure('sangong', 'sangong.total', sangong, '万元'),
    measure('sangong-budget', 'sangong.total', cents(Math.round(sangong * 100 * 1.1)), '万元', { phase: '调整预算' }),
    measure('staff', 'staff.in-post', staff, '人'),
    measure('quota', 'staff.quota', staff + 2, '人'),
  ];
  return { facts, measures };
}

/** One unit-year in the cube shape (see the module comment). */
function cubeFile(year, u, { fTree, eTree }) {
  const fCodes = fTree.nodes.map((n) => n.code);
  const eCodes = eTree.nodes.map((n) => n.code);
  const fLeaves = leavesOf(fTree.nodes);
  const eLeaves = leavesOf(eTree.nodes);
  const rand = mulberry32(u * 1000 + year);
  const size = 200 + u * 37;
  const leaves = [];
  for (const basis of ['基本支出', '项目支出']) {
    for (const f of fLeaves) {
      for (const e of eLeaves) {
        const plan = Math.round(rand() * size * 100 * (basis === '项目支出' ? 2 : 1));
        const adjusted = Math.round(plan * (0.9 + rand() * 0.2));
        const actual = Math.round(adjusted * (0.85 + rand() * 0.15));
        leaves.push({ basis, f, e, v: [plan, adjusted, actual] });
      }
    }
  }
  const facts = [];
  PHASES.forEach((phase, p) => {
    for (const basis of CUBE_BASES) {
      for (const f of [null, ...fCodes]) {
        for (const e of [null, ...eCodes]) {
          let c = 0;
          for (const l of leaves) if ((basis === null || l.basis === basis) && (f === null || l.f.startsWith(f)) && (e === null || l.e.startsWith(e))) c += l.v[p];
          facts.push({ id: `s${year}-p${p}-b${CUBE_BASES.indexOf(basis)}-${f ?? 'all'}-${e ?? 'all'}`, year, phase, flow: '支出', source: null, basis, functional: f, economic: e, amount: c / 100, label: MARK, provenance: inferred });
        }
      }
    }
  });
  return { facts, measures: [] };
}

/** Facts per cube file with the shipped trees. */
export function cubeSize() {
  const { fTree, eTree } = trees();
  return PHASES.length * CUBE_BASES.length * (fTree.nodes.length + 1) * (eTree.nodes.length + 1);
}

/**
 * Write the synthetic folder `out` (its data under `out` itself: index.json, classifications/,
 * units/, sources/) plus `out/manifest.json`. Skips the work when the manifest has the same
 * parameters (unless force). Returns the manifest.
 */
export function generateSynthetic({ units, years = 10, regions, shape = 'report', facts: target, firstYear, out, force = false }) {
  if (!out) throw new Error('generateSynthetic: out is required');
  const outDir = resolve(out);
  const dataDir = join(ROOT, 'data');
  const rel = relative(dataDir, outDir);
  if (rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep))) throw new Error(`refusing to write synthetic data into ${dataDir} (synthetic figures are never shipped as real data)`);
  const t = trees();
  if (target && !units) units = Math.max(1, Math.ceil(target / (cubeSize() * years)));
  units = Math.max(1, Number(units ?? 10));
  regions = Math.max(1, Math.min(units, Number(regions ?? Math.ceil(units / 40))));
  const y0 = Number(firstYear ?? LAST_YEAR - years + 1);
  const params = { units, years, regions, shape, firstYear: y0, trees: [t.fTree.nodes.length, t.eTree.nodes.length] };
  const manifestPath = join(outDir, 'manifest.json');
  if (!force && existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(old.params) === JSON.stringify(params) && existsSync(join(outDir, 'index.json'))) return { ...old, reused: true };
  }
  for (const sub of ['units', 'classifications', 'sources', 'compiled', 'index.json', 'manifest.json']) rmSync(join(outDir, sub), { recursive: true, force: true });
  mkdirSync(join(outDir, 'classifications'), { recursive: true });
  mkdirSync(join(outDir, 'sources'), { recursive: true });
  writeFileSync(join(outDir, t.realIndex.classifications.functional), JSON.stringify(t.fTree));
  writeFileSync(join(outDir, t.realIndex.classifications.economic), JSON.stringify(t.eTree));
  writeFileSync(join(outDir, 'sources/synthetic.txt'), `${SYNTHETIC_TITLE}\n本目录由 scripts/gen-synthetic.mjs 生成，所有单位、地区和数字都是合成的，不是任何真实报告的内容。\n`);
  const index = {
    generated: `${SYNTHETIC_TITLE}：scripts/gen-synthetic.mjs --units ${units} --years ${years} --shape ${shape}`,
    classifications: t.realIndex.classifications,
    units: [],
    groups: [{ id: 'overview', label: '收支总体', domain: 'finance' }],
  };
  const pad = String(units).length;
  let factCount = 0;
  let bytes = 0;
  let files = 0;
  for (let u = 0; u < units; u++) {
    const id = `synthetic-u${String(u + 1).padStart(pad, '0')}`;
    const region = `合成地区${(u % regions) + 1}（${MARK}）`;
    const entry = { id, name: `合成单位${u + 1}（${MARK}）`, region, currency: '万元', years: [] };
    mkdirSync(join(outDir, 'units', id), { recursive: true });
    for (let y = 0; y < years; y++) {
      const year = y0 + y;
      const body = shape === 'cube' ? cubeFile(year, u, t) : reportFile(id, year, u, t);
      const file = {
        unit: id,
        reportYear: year,
        currency: '万元',
        source: { id: 'synthetic', kind: '其他', title: SYNTHETIC_TITLE, publisher: `scripts/gen-synthetic.mjs（${MARK}）`, date: null, file: 'sources/synthetic.txt' },
        facts: body.facts,
        measures: body.measures,
        indicators: [],
        knownIssues: [],
      };
      const path = `units/${id}/${year}.json`;
      const text = JSON.stringify(file);
      writeFileSync(join(outDir, path), text);
      bytes += Buffer.byteLength(text);
      factCount += body.facts.length;
      files++;
      entry.years.push({ year, file: path });
    }
    index.units.push(entry);
  }
  writeFileSync(join(outDir, 'index.json'), JSON.stringify(index));
  const manifest = { synthetic: true, note: `${SYNTHETIC_TITLE}：scripts/gen-synthetic.mjs 生成，不得进入 data/。`, params, facts: factCount, files, units, regions, years: `${y0}–${y0 + years - 1}`, bytes };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = opt('out');
  if (!out || args.includes('--help')) {
    console.error('usage: npm run synthetic -- --units <N> --years <Y> --out <dir> [--regions <R>] [--shape report|cube] [--facts <n>] [--first-year <Y>] [--force]');
    process.exit(out ? 0 : 2);
  }
  const t0 = performance.now();
  const num = (k) => (opt(k) === undefined ? undefined : Number(opt(k)));
  const m = generateSynthetic({ units: num('units'), years: num('years') ?? 10, regions: num('regions'), shape: opt('shape') ?? 'report', facts: num('facts'), firstYear: num('first-year'), out, force: args.includes('--force') });
  console.log(
    `${SYNTHETIC_TITLE}: ${m.facts.toLocaleString('en')} facts in ${m.files.toLocaleString('en')} files (${m.units} units × ${m.params.years} years, ${m.regions} regions), ${(m.bytes / 1e6).toFixed(1)} MB → ${resolve(out)}${m.reused ? ' (unchanged, reused)' : ''} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
