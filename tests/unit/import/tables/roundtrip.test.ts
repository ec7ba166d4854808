/**
 * The template parses, and the round trip holds: a shipped unit exported into the template and
 * imported back under another id gives the same money facts and the same role measures, every
 * quote found in the rendered source, and a file the validator accepts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importTables, TABLES } from '../../../../src/import/tables';
import { layout } from '../../../../src/import/tables/layout';
import { writeWorkbook } from '../../../../src/import/tables/workbook';
import { readXlsx } from '../../../../src/import/tables/read';
import { validateUnitYear } from '../../../../src/data/validate';
import { normalizeQuoteText } from '../../../../src/domain/rules/quote';
import type { ClassificationFile, DataIndex, Fact, Indicator, UnitYearFile } from '../../../../src/model/types';
import { opts, trees } from './helpers';
import { bundled } from '../../cli-bundle';

const index = JSON.parse(readFileSync('data/index.json', 'utf8')) as DataIndex;
const classification = (id: 'functional' | 'economic'): ClassificationFile => JSON.parse(readFileSync(`data/classifications/${id}.json`, 'utf8'));
const factKey = (f: Fact) => JSON.stringify([f.year, f.phase, f.flow, f.source, f.basis, f.functional, f.economic, f.amount]);
const measureKey = (m: Indicator) => JSON.stringify([m.role, m.stat ?? 'value', m.base ?? null, m.phase ?? '决算', m.year, m.value]);
const tmp = mkdtempSync(join(tmpdir(), 'tables-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('template', () => {
  it('the committed template is what scripts/make-template.ts writes: every standard table, official headers', async () => {
    const committed = await readXlsx(new Uint8Array(readFileSync('docs/templates/juesuan-tables-template.xlsx')), 'template.xlsx');
    const fresh = await readXlsx(await writeWorkbook({ trees: { functional: [], economic: [] } }), 'fresh.xlsx');
    expect(committed.map((s) => s.rows)).toEqual(fresh.map((s) => s.rows));
    const titles = committed.map((s) => String(s.rows[0][0]).replace(/["“”]/g, ''));
    expect(titles).toEqual(TABLES.map((t) => t.title.replace(/["“”]/g, '')));
    const text = JSON.stringify(committed.map((s) => s.rows));
    for (const header of ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '对附属单位补助支出', '财政拨款收入', '人员经费', '公用经费', '因公出国（境）费', '公务用车购置费', '公务用车运行维护费', '公务接待费', '年初结转和结余', '编制数', '控制率'])
      expect(text).toContain(header);
  });

  it('imports as every table recognised and nothing to place', async () => {
    const r = await importTables(new Uint8Array(readFileSync('docs/templates/juesuan-tables-template.xlsx')), opts('template.xlsx', { year: 2022 }));
    expect(r.errors).toHaveLength(1);
    for (const t of TABLES) expect(r.errors[0].message).toContain(t.title);
    expect(r.errors[0].message).toContain('没有读到任何金额');
    expect(r.review).toEqual([]);
  });
});

describe.each(index.units.map((u) => [u.id, u.name, u.years[0].file] as const))('round trip of %s', (unit, name, path) => {
  const file = JSON.parse(readFileSync(join('data', path), 'utf8')) as UnitYearFile;

  it('export → import under another id gives the same facts and role measures', async () => {
    const bytes = await writeWorkbook({ file, unitName: name, trees });
    const r = await importTables(bytes, opts(`${unit}.xlsx`, { unit: 'round-trip', name }));
    expect(r.errors).toEqual([]);
    // A unit whose page printed only indicators (a “三公” table, say) imports as a file of measures;
    // rows of the supplementary table the importer cannot name (因公出国(境)费调整预算) go to review.
    if (file.facts.length === 0) {
      expect(r.file!.facts).toEqual([]);
      expect(r.file!.measures.length).toBeGreaterThan(0);
      return;
    }
    expect(r.review).toEqual([]);
    const back = r.file!;
    expect(back.unit).toBe('round-trip');
    expect(back.reportYear).toBe(file.reportYear);
    expect(back.facts.map(factKey).sort()).toEqual(file.facts.map(factKey).sort());
    // The template prints some cells in two tables (01 and 02/03, 04 and 01/08/09, 07 and the 绩效
    // table): the second printing is a restatement pointing at the first, with the same amount; the
    // rest round-trips.
    const restated = back.measures.filter((m) => m.recompute);
    for (const m of restated) {
      const [id] = m.recompute!.args as string[];
      const first = back.facts.find((f) => f.id === id)?.amount ?? back.measures.find((x) => x.id === id)?.value;
      expect(first).toBe(m.value);
    }
    expect(back.measures.filter((m) => !m.recompute).map(measureKey).sort()).toEqual(file.measures.filter((m) => m.role).map(measureKey).sort());
    // Every quote is in the source text the importer hands over, with its value.
    const source = normalizeQuoteText(r.sourceText!);
    for (const x of [...back.facts, ...back.measures]) {
      expect(x.provenance.kind).toBe('stated');
      if (x.provenance.kind === 'stated') expect(source).toContain(normalizeQuoteText(x.provenance.quote));
    }
    // The file is valid in the one format, with the codes and groups the importer says it needs.
    const functional = classification('functional');
    const economic = classification('economic');
    const v = validateUnitYear(back, 'units/round-trip/2022.json', {
      functional: { ...functional, nodes: [...functional.nodes, ...r.newCodes!.functional] },
      economic: { ...economic, nodes: [...economic.nodes, ...r.newCodes!.economic] },
      groups: [...index.groups!, ...(r.newGroups ?? [])].map((g) => g.id),
    });
    expect(v.errors).toEqual([]);
  });

  it('places what the standard tables hold there, the rest in the supplementary sheets', () => {
    const { placedFacts, placedMeasures } = layout({ file, unitName: name, trees });
    if (file.facts.length > 0) expect(placedFacts.size).toBeGreaterThan(0);
    expect(placedMeasures.size).toBeGreaterThan(0);
  });
});

describe('npm run export', () => {
  const run = (...args: string[]) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [bundled('scripts/export.ts'), ...args], { encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      const x = e as { status: number; stderr: string };
      return { code: x.status, out: x.stderr };
    }
  };

  it('writes the workbook, refuses to overwrite it, and keeps paths inside the data directory', async () => {
    const out = join(tmp, 'nx.xlsx');
    const ok = run('--unit', 'ningxiang-drc', '--year', '2022', '--out', out);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('已写出');
    expect(existsSync(out)).toBe(true);
    const r = await importTables(new Uint8Array(readFileSync(out)), opts('nx.xlsx'));
    expect(r.file!.facts).toHaveLength(JSON.parse(readFileSync('data/units/ningxiang-drc/2022.json', 'utf8')).facts.length);
    expect(run('--unit', 'ningxiang-drc', '--year', '2022', '--out', out)).toMatchObject({ code: 1, out: expect.stringContaining('已存在') });
    expect(run('--unit', '../../etc', '--year', '2022', '--out', join(tmp, 'x.xlsx'))).toMatchObject({ code: 1, out: expect.stringContaining('单位 id') });
    expect(run('--unit', 'nobody', '--year', '2022', '--out', join(tmp, 'y.xlsx'))).toMatchObject({ code: 1, out: expect.stringContaining('读不到单位 nobody 2022 年的数据文件') });
    expect(run('--unit', 'ningxiang-drc', '--year', '2022', '--out', join(tmp, 'z.xlsx'), '--data', join(tmp, 'none'))).toMatchObject({ code: 1, out: expect.stringContaining('数据目录') });
  }, 60_000);
});
