/**
 * `npm run eval:import [-- --heldout]`: the importers measured on a corpus of real reports they
 * were not written for. Every folder `tests/fixtures/reports/<split>/<id>/` (source.txt) and
 * `tests/fixtures/tables/<split>/<id>/` (the .xlsx / .csv files in the folder) with its
 * `meta.json` and hand-made `reference.json` is imported as a user would import it
 * (docs/publishing.md: no --year unless the importer asks for it), then scored against the
 * reference. Writes bench/import.md and bench/import.json. The held-out split is scored only with
 * `--heldout`, and the console shows it only as a total.
 *
 * The definitions (also written at the top of bench/import.md, see DEFINITIONS):
 * - A placed figure is a `stated` fact or measure of the written file. Derived records (formulas)
 *   and review items are not placed figures.
 * - Values are compared in the stored unit: a reference figure in 元 / 千元 / 亿元 is converted to
 *   万元 first; equal means |a − b| ≤ 1e-6 × max(1, |b|).
 * - A reference figure is found when a placed figure has the same value and year and, where the
 *   reference gives a role, the same role, stat and phase (a fact's role is the one its cell
 *   stands for: 本年收入 income.total, 一般公共预算财政拨款收入 income.source:…, 基本支出
 *   spending.type:基本支出, 年初结转和结余 income.carryover, a function spending.function:<code> …).
 *   A reference figure without a role is found by a placed figure of the same value and year whose
 *   quote overlaps the reference quote.
 * - Precision: a placed figure is correct when it is a found match of some reference figure. It is
 *   an error when it carries a number of the reference (same value, the same printed number in
 *   another money unit, or the opposite sign) from an overlapping quote but its role, stat, phase,
 *   year, unit or sign differs; and it is an error too when it matches no reference number at
 *   all (the reference lists every figure its text states, so such a figure is a misread or
 *   invented number). Wrong-year errors are also counted apart.
 * - Inconsistencies: the rules run on each imported file (with its source text). A reference
 *   inconsistency is found when one non-passing rule result names records (or, for a text rule, a
 *   passage) matching at least min(2, n) of its n labels — a record matches a label when its label
 *   or role title contains the label (spaces and quotes ignored) or the label contains it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importFile } from '../src/import/index';
import { normalizeText } from '../src/import/text/normalize';
import type { ImportResult, ReviewItem } from '../src/import/types';
import { reconcile } from '../src/domain/rules';
import { normalizeQuoteText } from '../src/domain/rules/quote';
import { validateUnitYear } from '../src/data/validate';
import type { ClassificationFile, DataIndex, Fact, Indicator, RuleResult, UnitYearFile } from '../src/model/types';
import { parseRole, roleTitle } from '../src/model/vocabulary';
import { Converter } from 'opencc-js/t2cn';

/** References of reports printed in traditional characters name figures as printed: compare in simplified. */
const toSimplified = Converter({ from: 't', to: 'cn' });

export const DEFINITIONS = [
  'Placed figures are the stated facts and measures of the written file; derived records and review items are not placed. A result that fails the structural and semantic checks is not written (as by the CLI) and places nothing.',
  'Values are compared in the stored unit (reference figures in 元 / 千元 / 亿元 converted to 万元), equal within 1e-6 relative.',
  'Recall: a reference figure is found when a placed figure has the same value and year and, where the reference gives a role, the same role, stat and phase (a fact counts as the role its cell stands for). A reference figure without a role is found by a placed figure with the same value and year, without a role or with one whose title (for a qualified role, its qualifier) and the reference label contain one another, whose quote overlaps the reference quote (one contains the other, or both print the number with the same three characters right before it or right after it).',
  'Precision: a placed figure is correct when it is such a match. It is an error when it carries a reference number (same value, the same printed number in another money unit, or the opposite sign) from an overlapping quote with a different role, stat, phase, year, unit or sign; an unmatched placed figure (no reference number at all) also counts as an error, since the reference lists every figure its text states.',
  'Wrong year: placed figures whose value and role match a reference figure of another year (counted within the errors too).',
  'Inconsistencies: a reference inconsistency is found when one non-passing rule result names records (or a text passage) matching at least min(2, n) of its n labels; a record matches a label when its label or role title contains the label or the label contains it, the label taken with and without its note in brackets, both without trailing words that only say spending or amount (支出, 费, 经费, 费用, 决算数, 金额), NFKC width folding, traditional characters read as simplified, spaces and quote marks ignored.',
];

/** What the text importer does not read, and why (written under the tables of bench/import.md). */
export const LIMITS = [
  'Indicator tables of the 绩效自评表 are read when their header names the columns (三级指标, then 年度指标值 / 指标值 / 预期指标值 …, 实际完成值 / 全年实际值 / 实施进度 …, optionally 分值 / 权重 and 得分; or the target in three cells 指标性质 / 指标值 / 度量单位) and the cells are separated by spaces or "|": a target with its unit and comparator ("≥50个", "≤90万元", "95%以上"), an actual value in its own unit or bare in the target’s unit, the scores, and a category’s "(50分)". Not read from such a table, its numbers sent to review with the row: a row with more cells than the form (a name or a reason broken over cells), a target or actual with no unit anywhere ("1 1"), a weight whose category’s words are lost. Not read at all: copies whose cells run together (a .docx read by OCR: "保障人数102370人2370人IO"), targets that are phrases with a date, range or change ("1-12月", "较上年增长5%"), the total row, and other layouts (指标名称 / 计量单位 / 得分系数 of a 部门整体 form; the 部门整体支出绩效自评表’s 年度预算申请 block with 按收入性质分 / 按支出性质分), which only the sentence reader sees. Figures of one unit printed against each other with nothing between ("100%92%100%") are cells whose columns are lost: review.',
  'Wide tables pasted as text ("| 22.00 | 8.77 | 14.00 |"): a cell carries neither its row nor its column, so nothing says what the number is.',
  'Two values for one role in one report (a total row and a part row of a form, "行政编制65人" then "事业编制0人"): the second goes to review with its quote, never in place of the first.',
  'A figure whose sentence names another year without an explicit comparison ("二是2020年下拨了…74.31万元" in a 2021 report): review, as a conflict of years.',
  'A change against last year’s budget ("比上年预算数字下降35.45%"): review; the data format compares with last year’s actual figure or this year’s budget only.',
  'Amounts written in Chinese numerals or with 〇, and numbers with misplaced grouping commas or split by spaces: review, never shortened.',
  'Numbers without a unit the reader knows ("70多年", "4.3m") are not read as figures; figures without a role keep the words around them as their label, which may be shorter than a person would write.',
  'Readings that need judgement beyond the wording (which of several 2179万元 project amounts is the adjusted budget) follow the words only.',
];

export interface RefFigure {
  value: number;
  unit: string;
  year: number;
  role?: string;
  stat?: string;
  phase?: string;
  label?: string;
  quote?: string;
}
export interface RefInconsistency {
  kind: string;
  description: string;
  labels: string[];
}
export interface Reference {
  figures: RefFigure[];
  inconsistencies: RefInconsistency[];
}

/** One placed figure, in the terms of the reference. */
export interface Placed {
  id: string;
  value: number;
  unit: string;
  year: number;
  role: string | null;
  stat: string;
  phase: string;
  label: string;
  quote: string;
}

const MONEY_FACTOR: Record<string, number> = { 万元: 1, 元: 1e-4, 千元: 0.1, 亿元: 1e4, 万亿元: 1e8 };

/** A reference figure in the stored unit: money in 万元, anything else as printed. */
export function storedValue(f: Pick<RefFigure, 'value' | 'unit'>): { value: number; unit: string } {
  const k = MONEY_FACTOR[f.unit];
  return k === undefined ? { value: f.value, unit: f.unit } : { value: Number((f.value * k).toPrecision(12)), unit: '万元' };
}

/** The role a fact's cell stands for, in the reference vocabulary; null for a cell no role names. */
export function factRole(f: Pick<Fact, 'flow' | 'source' | 'basis' | 'functional' | 'economic'>): string | null {
  if (f.functional) return f.economic ? null : `spending.function:${f.functional}`;
  if (f.economic) return `spending.economic:${f.economic}`;
  if (f.flow === '年初结转和结余') return f.source || f.basis ? null : 'income.carryover';
  if (f.flow === '年末结转和结余') return f.source || f.basis ? null : 'spending.carryover';
  if (f.flow === '收入') {
    if (f.basis) return null;
    return f.source ? `income.source:${f.source}` : 'income.total';
  }
  if (f.source && f.basis) return null;
  if (f.basis) return `spending.type:${f.basis}`;
  if (f.source === '一般公共预算财政拨款') return 'gpb.spending';
  return f.source ? null : 'spending.total';
}

/** The stated records of a file as placed figures. */
export function placedFigures(file: UnitYearFile): Placed[] {
  const out: Placed[] = [];
  for (const f of file.facts) {
    if (f.provenance.kind !== 'stated') continue;
    out.push({ id: f.id, value: f.amount, unit: '万元', year: f.year, role: factRole(f), stat: 'value', phase: f.phase, label: f.label, quote: f.provenance.quote });
  }
  for (const m of [...file.measures, ...file.indicators] as Indicator[]) {
    if (m.provenance.kind !== 'stated') continue;
    out.push({ id: m.id, value: m.value, unit: m.unit, year: m.year, role: m.role ?? null, stat: m.stat ?? 'value', phase: m.phase ?? '决算', label: m.label, quote: m.provenance.quote });
  }
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
/** Quotes compared as the importer reads them: layout repaired (normalizeText), width folded, simplified. */
const norm = (s: string) => toSimplified(normalizeQuoteText(normalizeText(s).text)).replace(/[“”"‘’'「」]/g, '');

/** Whether two quotes are about the same passage: one contains the other, or they print the number with the same three characters before it or after it. */
export function quotesOverlap(a: string, b: string, printed: string): boolean {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const p = norm(printed);
  const at = (s: string) => [...s.matchAll(new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index ?? 0);
  // A number followed by more digits ("5" in "50") is not the number.
  const sides = (s: string) =>
    at(s)
      .filter((i) => !/[\d.]/.test(s[i + p.length] ?? '') && !/[\d.]/.test(s[i - 1] ?? ''))
      .flatMap((i) => [`<${s.slice(Math.max(0, i - 3), i)}`, `>${s.slice(i + p.length, i + p.length + 3)}`])
      .filter((w) => w.length === 4);
  const sx = new Set(sides(x));
  return sides(y).some((w) => sx.has(w));
}

/** A label's core: without trailing words that only say spending or amount. */
const labelCore = (x: string) => norm(x).replace(/[（(][^）)]*[）)]/g, '').replace(/(?:支出|费用|经费|费|决算数?|金额|数)+$/, '');

/** Whether a role's title (a qualified role: its qualifier) and a reference label name each other. */
export function roleNamesLabel(role: string, label: string): boolean {
  const { name, qualifier } = parseRole(role);
  const title = labelCore(qualifier ?? roleTitle(name));
  // The label with and without its note in brackets ("决算数大于预算数（一般公共预算财政拨款支出）").
  return [labelCore(label), labelCore(label.replace(/[（()）]/g, ''))].some((l) => title.length >= 2 && l.length >= 2 && (l.includes(title) || title.includes(l)));
}

function fullMatch(r: RefFigure, p: Placed): boolean {
  const v = storedValue(r);
  if (!close(p.value, v.value) || p.year !== r.year) return false;
  // Money and percent must agree; a count may be printed with another counting word (人 / 名).
  const loose = (u: string) => u !== '万元' && u !== '%';
  if (v.unit !== p.unit && !(r.role && r.role === p.role && loose(v.unit) && loose(p.unit))) return false;
  // A figure the reference names only by a label may carry a role only when the role names it too
  // (staff.departments for "内设机构"); a role that names something else is a wrong role.
  if (!r.role) return (p.role === null || roleNamesLabel(p.role, r.label ?? '')) && quotesOverlap(p.quote, r.quote ?? '', String(r.value));
  return p.role === r.role && p.stat === (r.stat ?? 'value') && p.phase === (r.phase ?? '决算');
}

/** A placed figure carrying one of the reference's numbers, for the error count. */
function numberMatch(r: RefFigure, p: Placed): boolean {
  const v = storedValue(r);
  const sameNumber = close(p.value, v.value) || close(p.value, r.value) || close(p.value, -v.value);
  return sameNumber && quotesOverlap(p.quote, r.quote ?? '', String(Math.abs(r.value)));
}

export interface ReportScore {
  figures: number;
  found: number;
  placed: number;
  correct: number;
  errors: Array<{ id: string; why: string }>;
  wrongYear: number;
  review: number;
  inconsistencies: number;
  inconsistenciesFound: number;
  missed: string[];
  foundInconsistencies: string[];
}

/** Score one import against its reference. */
export function scoreReport(ref: Reference, files: UnitYearFile[], review: ReviewItem[], findings: RuleResult[]): ReportScore {
  const placed = files.flatMap(placedFigures);
  const missed: string[] = [];
  let found = 0;
  for (const r of ref.figures) {
    if (placed.some((p) => fullMatch(r, p))) found++;
    else missed.push(`${r.year} ${r.role ?? r.label ?? ''} ${r.stat ?? 'value'} ${r.phase ?? ''} = ${r.value}${r.unit}`.replace(/\s+/g, ' '));
  }
  const errors: ReportScore['errors'] = [];
  let correct = 0;
  let wrongYear = 0;
  for (const p of placed) {
    if (ref.figures.some((r) => fullMatch(r, p))) {
      correct++;
      continue;
    }
    const near = ref.figures.filter((r) => numberMatch(r, p));
    if (near.some((r) => r.year !== p.year && close(p.value, storedValue(r).value) && (!r.role || r.role === p.role))) wrongYear++;
    errors.push({ id: p.id, why: near.length ? `${p.year} ${p.role ?? p.label} ${p.stat} ${p.phase} = ${p.value}${p.unit}; reference: ${near.map((r) => `${r.year} ${r.role ?? r.label} ${r.stat ?? 'value'} ${r.phase ?? ''} = ${r.value}${r.unit}`).join(' | ')}` : `${p.year} ${p.role ?? p.label} ${p.stat} = ${p.value}${p.unit}: no reference figure` });
  }
  const records = new Map<string, string[]>();
  for (const f of files) {
    for (const x of f.facts) records.set(x.id, [x.label, factRole(x) ? roleTitle(factRole(x)!) : ''].filter(Boolean));
    for (const x of [...f.measures, ...f.indicators] as Indicator[]) records.set(x.id, [x.label, x.role ? roleTitle(x.role) : '', x.role ? roleTitle(parseRole(x.role).name) : ''].filter(Boolean));
  }
  const foundInc: string[] = [];
  // A label's core: its notes in brackets and the words that only say "spending" or "amount" dropped
  // ("公务用车购置支出" and "公务用车购置费" name the same figure).
  const core = (x: string) => norm(x).replace(/(?:支出|费用|经费|费|决算数?|金额)+$/, '');
  /** A reference label with and without its note in brackets ("决算数大于预算数（一般公共预算财政拨款支出）"). */
  const variants = (x: string) => [...new Set([core(x.replace(/[（(][^）)]*[）)]/g, '')), core(x.replace(/[（()）]/g, ''))])].filter(Boolean);
  for (const inc of ref.inconsistencies) {
    const labels = inc.labels.map(variants).filter((v) => v.length);
    const need = Math.min(2, labels.length);
    const hit = findings.some((res) => {
      if (res.status === 'pass') return false;
      const names = res.records.flatMap((id) => records.get(id) ?? []).map(core).filter(Boolean);
      const text = res.span ? norm(res.span.text) : '';
      const matched = labels.filter((vs) => vs.some((l) => names.some((n) => n.includes(l) || l.includes(n)) || (text && text.includes(l))));
      return need > 0 && matched.length >= need;
    });
    if (hit) foundInc.push(inc.description);
  }
  return {
    figures: ref.figures.length,
    found,
    placed: placed.length,
    correct,
    errors,
    wrongYear,
    review: review.length,
    inconsistencies: ref.inconsistencies.length,
    inconsistenciesFound: foundInc.length,
    missed,
    foundInconsistencies: foundInc,
  };
}

// ---------------------------------------------------------------------------------------------
// The run over the corpus.

const root = resolve(import.meta.dirname, '..');
const readJson = <T>(p: string): T => JSON.parse(readFileSync(p, 'utf8')) as T;

interface Case {
  id: string;
  split: 'tuned' | 'heldout';
  kind: 'text' | 'tables';
  dir: string;
  inputs: string[];
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [kind, base] of [['text', 'tests/fixtures/reports'], ['tables', 'tests/fixtures/tables']] as const) {
    for (const split of ['tuned', 'heldout'] as const) {
      const d = join(root, base, split);
      if (!existsSync(d)) continue;
      for (const id of readdirSync(d).sort()) {
        const dir = join(d, id);
        if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'reference.json'))) continue;
        const inputs = kind === 'text' ? ['source.txt'] : readdirSync(dir).filter((f) => /\.(xlsx|csv)$/i.test(f)).sort();
        if (inputs.length) out.push({ id, split, kind, dir, inputs });
      }
    }
  }
  return out;
}

interface Row extends ReportScore {
  id: string;
  split: Case['split'];
  kind: Case['kind'];
  yearAsked: boolean;
  error: string | null;
}

async function runCase(c: Case, trees: { functional: ClassificationFile; economic: ClassificationFile }, index: DataIndex): Promise<Row> {
  const meta = readJson<{ unit?: string; year?: number }>(join(c.dir, 'meta.json'));
  const ref = readJson<Reference>(join(c.dir, 'reference.json'));
  const files: UnitYearFile[] = [];
  const review: ReviewItem[] = [];
  const findings: RuleResult[] = [];
  let yearAsked = false;
  let error: string | null = null;
  for (const input of c.inputs) {
    const bytes = new Uint8Array(readFileSync(join(c.dir, input)));
    const opts = { unit: `eval-${c.id}`.toLowerCase().replace(/[^a-z0-9-]+/g, '-').slice(0, 60), name: meta.unit ?? c.id, fileName: input, trees: { functional: trees.functional.nodes, economic: trees.economic.nodes }, groups: index.groups ?? [] };
    let r: ImportResult = await importFile(bytes, opts);
    // As docs/publishing.md tells a user: give --year only when the importer asks for it.
    if (!r.file && r.errors.some((e) => /--year/.test(e.message)) && meta.year) {
      yearAsked = true;
      r = await importFile(bytes, { ...opts, year: meta.year });
    }
    review.push(...r.review);
    if (!r.file) {
      error = r.errors.map((e) => e.message).join('；');
      continue;
    }
    // As the CLI does, the classification files gain the codes the import used that they lacked,
    // and a result that fails the structural and semantic checks is not written: it places nothing.
    const withNew = (t: ClassificationFile, add: ClassificationFile['nodes'] = []) => ({ ...t, nodes: [...t.nodes, ...add.filter((n) => !t.nodes.some((x) => x.code === n.code))] });
    const tr = { functional: withNew(trees.functional, r.newCodes?.functional), economic: withNew(trees.economic, r.newCodes?.economic) };
    const groups = [...(index.groups ?? []), ...(r.newGroups ?? [])].map((g) => g.id);
    const v = validateUnitYear(r.file, `units/${opts.unit}/${r.file.reportYear}.json`, { ...tr, groups, unit: opts.unit, year: r.file.reportYear });
    if (v.errors.length) {
      error = `导入结果未通过结构检查：${v.errors.slice(0, 3).map((e) => e.message).join('；')}`;
      continue;
    }
    files.push(r.file);
    findings.push(...reconcile(r.file, tr, { sourceText: r.sourceText, unitName: meta.unit }));
  }
  return { id: c.id, split: c.split, kind: c.kind, yearAsked, error, ...scoreReport(ref, files, review, findings) };
}

interface Total {
  reports: number;
  figures: number;
  found: number;
  placed: number;
  correct: number;
  errors: number;
  wrongYear: number;
  review: number;
  inconsistencies: number;
  inconsistenciesFound: number;
}
function total(rows: Row[]): Total {
  const t: Total = { reports: rows.length, figures: 0, found: 0, placed: 0, correct: 0, errors: 0, wrongYear: 0, review: 0, inconsistencies: 0, inconsistenciesFound: 0 };
  for (const r of rows) {
    t.figures += r.figures;
    t.found += r.found;
    t.placed += r.placed;
    t.correct += r.correct;
    t.errors += r.errors.length;
    t.wrongYear += r.wrongYear;
    t.review += r.review;
    t.inconsistencies += r.inconsistencies;
    t.inconsistenciesFound += r.inconsistenciesFound;
  }
  return t;
}
const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)} %` : '–');

function markdown(rows: Row[], totals: Record<string, Total | null>): string {
  const lines = ['# Importer evaluation on real reports', '', 'Written by `npm run eval:import` (scripts/eval-import.ts). A benchmark, not a test.', '', '## Definitions', '', ...DEFINITIONS.map((d) => `- ${d}`), ''];
  const kinds = [...new Set(Object.keys(totals).map((k) => k.split(':')[0]))];
  lines.push('## Totals', '', `| | ${kinds.map((k) => `${k}: tuned | ${k}: held-out`).join(' | ')} |`, `| --- |${kinds.map(() => ' --- | --- |').join('')}`);
  const col = (t: Total | null | undefined, f: (t: Total) => string) => (t ? f(t) : 'not run');
  const row = (name: string, f: (t: Total) => string) => lines.push(`| ${name} | ${kinds.map((k) => `${col(totals[`${k}:tuned`], f)} | ${col(totals[`${k}:heldout`], f)}`).join(' | ')} |`);
  row('reports', (t) => String(t.reports));
  row('placed recall', (t) => `${pct(t.found, t.figures)} (${t.found}/${t.figures})`);
  row('precision', (t) => `${pct(t.correct, t.placed)} (${t.correct}/${t.placed})`);
  row('figures under a wrong year', (t) => String(t.wrongYear));
  row('review-list size', (t) => String(t.review));
  row('inconsistencies found by the rules', (t) => `${pct(t.inconsistenciesFound, t.inconsistencies)} (${t.inconsistenciesFound}/${t.inconsistencies})`);
  lines.push('', '## Per report', '', '| split | report | input | recall | precision | wrong year | review | inconsistencies | note |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows)
    lines.push(
      `| ${r.split} | ${r.id} | ${r.kind} | ${pct(r.found, r.figures)} (${r.found}/${r.figures}) | ${pct(r.correct, r.placed)} (${r.correct}/${r.placed}) | ${r.wrongYear} | ${r.review} | ${r.inconsistenciesFound}/${r.inconsistencies} | ${[r.yearAsked ? 'year from --year (not in the title)' : '', r.error ?? ''].filter(Boolean).join('; ').replace(/\|/g, '/')} |`,
    );
  lines.push('', '## What the text importer does not read', '', ...LIMITS.map((l) => `- ${l}`));
  return lines.join('\n') + '\n';
}

async function main() {
  const heldout = process.argv.includes('--heldout');
  const index = readJson<DataIndex>(join(root, 'data/index.json'));
  const trees = { functional: readJson<ClassificationFile>(join(root, 'data', index.classifications.functional)), economic: readJson<ClassificationFile>(join(root, 'data', index.classifications.economic)) };
  const rows: Row[] = [];
  for (const c of cases()) if (c.split === 'tuned' || heldout) rows.push(await runCase(c, trees, index));
  // The text and the tables importers are scored apart: one column pair each.
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const totals: Record<string, Total | null> = {};
  for (const k of kinds) {
    totals[`${k}:tuned`] = total(rows.filter((r) => r.kind === k && r.split === 'tuned'));
    totals[`${k}:heldout`] = heldout ? total(rows.filter((r) => r.kind === k && r.split === 'heldout')) : null;
  }
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench/import.md'), markdown(rows, totals));
  writeFileSync(join(root, 'bench/import.json'), JSON.stringify({ definitions: DEFINITIONS, totals, reports: rows }, null, 2) + '\n');
  for (const r of rows.filter((x) => x.split === 'tuned' && x.kind === 'text'))
    console.log(`${r.id.padEnd(40)} recall ${pct(r.found, r.figures).padStart(8)} (${r.found}/${r.figures})  precision ${pct(r.correct, r.placed).padStart(8)} (${r.correct}/${r.placed})  wrong year ${r.wrongYear}  review ${r.review}  inconsistencies ${r.inconsistenciesFound}/${r.inconsistencies}${r.error ? `  ERROR ${r.error}` : ''}`);
  for (const [split, t] of Object.entries(totals))
    if (t) console.log(`${split.padEnd(8)} reports ${t.reports}  recall ${pct(t.found, t.figures)} (${t.found}/${t.figures})  precision ${pct(t.correct, t.placed)} (${t.correct}/${t.placed})  wrong year ${t.wrongYear}  review ${t.review}  inconsistencies ${pct(t.inconsistenciesFound, t.inconsistencies)} (${t.inconsistenciesFound}/${t.inconsistencies})`);
  console.log('written bench/import.md, bench/import.json');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
