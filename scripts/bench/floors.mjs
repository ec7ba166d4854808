/**
 * The two anchors the project is measured against (issue 21), built at bench time from the
 * committed sources in bench/floors/:
 *   - naive floor: bench/floors/naive, a separate minimal Svelte + ECharts + Arquero app, one
 *     bundle from its own vite config, fetching one unit-year JSON file and drawing three charts;
 *   - static floor: bench/floors/static/generate.mjs, the same three charts (same Arquero tables,
 *     same ECharts options) as inline SVG in one HTML page without script.
 * Both use the shipped first unit's first year file (data/index.json), copied as it is.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './util.mjs';

/** The first unit's first unit-year file of data/ (what the floors draw). */
export function floorDataFile(dataDir = join(ROOT, 'data')) {
  const index = JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'));
  const unit = index.units?.[0];
  const year = unit?.years?.[0];
  if (!year?.file) throw new Error(`${join(dataDir, 'index.json')}: units[0].years[0].file is missing — the floors need one unit-year file`);
  return { unit: unit.id, year: year.year, file: join(dataDir, year.file) };
}

/** Build both floors under `outBase` (naive/ and static/); returns their folders and the data used. */
export async function buildFloors(outBase) {
  const data = floorDataFile();
  const naive = join(outBase, 'naive');
  const stat = join(outBase, 'static');
  rmSync(outBase, { recursive: true, force: true });
  try {
    await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'bench/floors/naive/vite.config.mjs'), '--outDir', naive, '--emptyOutDir'], { env: { VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } });
  } catch (e) {
    console.error(e.output ?? e);
    throw new Error('vite build of the naive floor (bench/floors/naive) failed');
  }
  mkdirSync(join(naive, 'data'), { recursive: true });
  copyFileSync(data.file, join(naive, 'data/unit-year.json'));
  const { writeStaticFloor } = await import('../../bench/floors/static/generate.mjs');
  writeStaticFloor(data.file, stat);
  // The project's robots.txt next to both, so Lighthouse's SEO audit reads the same file on all three.
  const robots = join(ROOT, 'public/robots.txt');
  if (existsSync(robots)) for (const dir of [naive, stat]) copyFileSync(robots, join(dir, 'robots.txt'));
  return { naive, static: stat, data: { unit: data.unit, year: data.year, file: data.file.slice(ROOT.length + 1) } };
}
