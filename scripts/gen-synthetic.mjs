#!/usr/bin/env node
/**
 * Generate a SYNTHETIC data folder of about 1 M fact rows for the benchmark (scripts/bench.mjs).
 * Nothing here is real: unit ids start with "synthetic-", names say 合成数据（synthetic）, every
 * fact's provenance rule is "synthetic", each file's total carries a `synthetic: true` note, and
 * bench/synthetic/manifest.json says `"synthetic": true`. It is written to bench/synthetic/data/
 * (gitignored), never into data/.
 *
 * Shape mirrors data/: index.json + classifications/ + units/<unit>/<year>.json, with the codes of
 * the real classification trees (copied from data/classifications). Each unit-year holds a full,
 * internally consistent cube: phase × basis (null/基本/项目) × functional (null + every code of the
 * tree) × economic (null + every code), every aggregate the exact sum of its leaf cells, so the
 * validator's reconciliation rules find nothing and the drill sees realistic totals.
 *
 * Usage: node scripts/gen-synthetic.mjs [--facts 1000000] [--out bench/synthetic] [--force]
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

const PHASES = ['年初预算', '调整预算', '决算'];
const BASES = [null, '基本支出', '项目支出'];
const FIRST_YEAR = 2008;
const YEARS = 17;

/** Deterministic PRNG so every run benchmarks the same numbers. */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Build the synthetic folder. Returns the manifest. Skips the work when a manifest with the same
 * parameters exists (unless force).
 */
export function generateSynthetic({ facts: target = 1_000_000, out = join(ROOT, 'bench/synthetic'), force = false } = {}) {
  const realIndex = JSON.parse(readFileSync(join(ROOT, 'data/index.json'), 'utf8'));
  const fTree = JSON.parse(readFileSync(join(ROOT, 'data', realIndex.classifications.functional), 'utf8'));
  const eTree = JSON.parse(readFileSync(join(ROOT, 'data', realIndex.classifications.economic), 'utf8'));
  const fCodes = fTree.nodes.map((n) => n.code);
  const eCodes = eTree.nodes.map((n) => n.code);
  const isLeaf = (codes) => (c) => !codes.some((o) => o !== c && o.startsWith(c));
  const fLeaves = fCodes.filter(isLeaf(fCodes));
  const eLeaves = eCodes.filter(isLeaf(eCodes));
  const perFile = PHASES.length * BASES.length * (fCodes.length + 1) * (eCodes.length + 1);
  const files = Math.ceil(target / perFile);
  const units = Math.ceil(files / YEARS);
  const params = { target, perFile, files, units, years: YEARS, fCodes, eCodes };

  const manifestPath = join(out, 'manifest.json');
  if (!force && existsSync(manifestPath)) {
    const old = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (JSON.stringify(old.params) === JSON.stringify(params) && existsSync(join(out, 'data/index.json'))) return old;
  }

  const dataDir = join(out, 'data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(join(dataDir, 'classifications'), { recursive: true });
  writeFileSync(join(dataDir, realIndex.classifications.functional), JSON.stringify(fTree));
  writeFileSync(join(dataDir, realIndex.classifications.economic), JSON.stringify(eTree));

  const index = { generated: 'synthetic: true — scripts/gen-synthetic.mjs（合成数据，非真实数字）', classifications: realIndex.classifications, units: [], groups: realIndex.groups };
  let written = 0;
  let bytes = 0;
  let fileCount = 0;
  for (let u = 0; u < units && fileCount < files; u++) {
    const id = `synthetic-u${String(u + 1).padStart(2, '0')}`;
    const unit = { id, name: `合成单位${u + 1}（synthetic 合成数据）`, region: '合成（synthetic）', currency: '万元', years: [] };
    mkdirSync(join(dataDir, 'units', id), { recursive: true });
    for (let y = 0; y < YEARS && fileCount < files; y++, fileCount++) {
      const year = FIRST_YEAR + y;
      const rand = mulberry32(u * 1000 + year);
      const size = 200 + u * 37;
      // Leaf cells in 分 (1/100 万元) so every aggregate is an exact integer sum.
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
        for (const basis of BASES) {
          for (const f of [null, ...fCodes]) {
            for (const e of [null, ...eCodes]) {
              let cents = 0;
              for (const l of leaves) {
                if ((basis === null || l.basis === basis) && (f === null || l.f.startsWith(f)) && (e === null || l.e.startsWith(e))) cents += l.v[p];
              }
              const fact = {
                id: `s${year}-p${p}-b${BASES.indexOf(basis)}-${f ?? 'all'}-${e ?? 'all'}`,
                year,
                phase,
                basis,
                functional: f,
                economic: e,
                amount: cents / 100,
                label: '合成',
                provenance: { kind: 'inferred', rule: 'synthetic' },
              };
              if (p === 0 && basis === null && f === null && e === null) fact.note = 'synthetic: true — 合成数据，仅用于性能基准，非真实数字';
              facts.push(fact);
            }
          }
        }
      });
      const file = {
        unit: id,
        reportYear: year,
        currency: '万元',
        source: {
          id: 'synthetic',
          title: '合成基准数据（synthetic: true，非真实报告）',
          publisher: 'scripts/gen-synthetic.mjs（合成）',
          date: '2026-01-01',
          file: 'scripts/gen-synthetic.mjs',
        },
        facts,
        measures: [],
        indicators: [],
        knownIssues: [],
      };
      const rel = `units/${id}/${year}.json`;
      const text = JSON.stringify(file);
      writeFileSync(join(dataDir, rel), text);
      bytes += Buffer.byteLength(text);
      written += facts.length;
      unit.years.push({ year, file: rel });
    }
    index.units.push(unit);
  }
  writeFileSync(join(dataDir, 'index.json'), JSON.stringify(index, null, 1));
  const manifest = {
    synthetic: true,
    note: '合成数据（synthetic），仅用于 scripts/bench.mjs 的性能基准；不是报告中的数字，不得进入 data/。',
    params,
    facts: written,
    files: fileCount,
    units: index.units.length,
    years: `${FIRST_YEAR}–${FIRST_YEAR + YEARS - 1}`,
    bytes,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const m = generateSynthetic({ facts: Number(opt('facts', 1_000_000)), out: resolve(opt('out', join(ROOT, 'bench/synthetic'))), force: args.includes('--force') });
  console.log(
    `synthetic: ${m.facts.toLocaleString('en')} facts in ${m.files} files (${m.units} units × ${m.params.years} years), ${(m.bytes / 1e6).toFixed(0)} MB → ${resolve(opt('out', 'bench/synthetic'))} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
