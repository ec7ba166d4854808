/**
 * A small table copied from a page one cell per line ("项 目 |", "预 算 数 |", "决 算 数 |",
 * "合 计 |", "18 |", "6.28 |", "因公出国(境)费 |", "0 |", "0 |", …), as 三公 tables of a 决算 often
 * reach the importer. It is read only when every part says what a number is: the header row is
 * 项目 followed by phase columns (预算数 / 决算数 / 全年预算数 …), a 单位 line just above names the
 * money unit, each row is a label followed by one number (or an empty cell) per column, and the label (or, for the
 * 合计 row, the table's title) names a role. Anything else in the run ends the table. A row may also
 * come whole on one line ("公务接待费 | 1.8 | 1.52 |"), and each phase may be split by fund under a
 * second header row ("合计 | 一般公共预算 | 政府性基金 | 合计 | …"): then only the 合计 columns are read.
 */
import type { Phase } from '../../model/vocabulary';
import type { Claim } from './claim';
import { phaseOf, resolveSubject, type Target } from './roles';
import type { Line } from './sections';

interface Cell {
  /** The cell's words without spaces (folded), and where it is. */
  text: string;
  line: number;
}

const CELL = /^\s*([^|]*?)\s*\|\s*$/;
/** A row of several cells on one line, each ended by |. */
const ROW = /^\s*((?:[^|]*\|){2,})\s*$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const COLUMN = /^(?:年初|全年|调整后?)?(?:预算|决算)数?$/;
const UNIT_LINE = /单位\s*[:：]\s*(万元|元)/;

/** Runs of one-cell lines: [first line index, cells]. */
function cellRuns(lines: Line[]): Cell[][] {
  const runs: Cell[][] = [];
  let run: Cell[] = [];
  lines.forEach((l, i) => {
    const m = l.kind === 'skip' && l.folded.trim() === '' ? null : CELL.exec(l.folded);
    // A whole row on one line ("公务接待费 | 1.8 | 1.52 |") is the same cells, one after another.
    const row = m ? null : ROW.exec(l.folded);
    if (m) run.push({ text: m[1].replace(/\s+/g, ''), line: i });
    else if (row) for (const c of row[1].split('|').slice(0, -1)) run.push({ text: c.replace(/\s+/g, ''), line: i });
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  });
  if (run.length) runs.push(run);
  return runs;
}

/** The claims of every such table in the text. */
export function cellTableClaims(lines: Line[], reportYear: number, genre?: string): Claim[] {
  const out: Claim[] = [];
  for (const run of cellRuns(lines)) {
    if (run.length < 4 || run[0].text !== '项目') continue;
    const columns: Phase[] = [];
    while (columns.length + 1 < run.length && COLUMN.test(run[columns.length + 1].text)) columns.push(phaseOf(run[columns.length + 1].text));
    if (columns.length < 1) continue;
    // The unit and the title: the lines just above the header.
    const above = lines.slice(Math.max(0, run[0].line - 3), run[0].line).map((l) => l.folded);
    const unit = above.map((t) => UNIT_LINE.exec(t)?.[1]).find(Boolean);
    if (!unit) continue;
    const title = above.find((t) => /表\s*$/.test(t.trim())) ?? '';
    let k = skipEmpty(run, columns.length + 1);
    // "预算数 | 决算数" over "合计 | 一般公共预算 | 政府性基金 | 合计 | …": each phase split by fund;
    // only each phase's 合计 column is the role's figure, the funds' columns have no place.
    const sub = subColumns(run, k, columns.length);
    if (sub > 1) k = skipEmpty(run, k + sub * columns.length);
    const width = columns.length * sub;
    while (k + width < run.length) {
      const label = run[k];
      const row = run.slice(k + 1, k + 1 + width);
      const cells = columns.map((_, j) => row[j * sub]);
      // An empty cell ("因公出国(境)费 |", " |", " |") states nothing: the row goes on being read.
      if (NUMBER.test(label.text) || label.text === '' || !row.every((c) => NUMBER.test(c.text) || c.text === '')) break;
      // A row printed on one line with more cells than the header has columns: its columns are not the header's.
      if (run.slice(k + 1 + width).some((c) => c.line === label.line && c.text !== '')) break;
      const target = rowTarget(label.text, title, genre);
      if (target) {
        const quoteLines = lines.slice(label.line, row[row.length - 1].line + 1);
        cells.forEach((c, j) => {
          if (c.text === '') return;
          const printed = c.text;
          const raw = Number(printed);
          const quote = quoteLines.slice(0, c.line - label.line + 1).map((l) => l.text).join('\n').trim();
          out.push({
            target: { ...target, phase: columns[j] } as Target,
            stat: 'value',
            year: reportYear,
            value: unit === '元' ? Number((raw / 1e4).toPrecision(12)) : raw,
            unit: '万元',
            kind: 'money',
            decimals: printed.includes('.') ? printed.length - printed.indexOf('.') - 1 : 0,
            approx: null,
            quote,
            section: lines[label.line].section.join(' / ') || '正文',
            line: lines[c.line].no,
            notes: [`表格逐格列示：列名“${run[j + 1].text}${sub > 1 ? '·合计' : ''}”取自表头${unit === '元' ? '，按“单位：元”换算为万元' : ''}`],
            sentence: quote,
            printed,
          });
        });
      }
      k += 1 + width;
    }
  }
  return out;
}

/** The index of the first non-empty cell from `k` ("项目 | 预算数 | 决算数 | ||||": a spanned header's filler cells). */
function skipEmpty(run: Cell[], k: number): number {
  while (k < run.length && run[k].text === '') k++;
  return k;
}

/**
 * How many columns each phase is split into by a second header row starting at `k`: n when the
 * next n × `phases` cells are names (no number) and each group of n starts with 合计; else 1.
 */
function subColumns(run: Cell[], k: number, phases: number): number {
  for (let n = 2; n <= 4; n++) {
    const names = run.slice(k, k + n * phases);
    if (names.length < n * phases || names.some((c) => c.text === '' || NUMBER.test(c.text))) return 1;
    if (names.every((c, i) => (i % n === 0 ? /^(?:合计|小计)$/.test(c.text) : !/^(?:合计|小计)$/.test(c.text) && !COLUMN.test(c.text)))) {
      const after = run[k + n * phases];
      if (!after || after.text === '' || !NUMBER.test(after.text)) return n;
    }
  }
  return 1;
}

/** What a row names: a money role or fact by its label; the 合计 row by the table's title. */
function rowTarget(label: string, title: string, genre?: string): Target | null {
  const subject = /^(?:合计|总计)$/.test(label) ? title.replace(/(?:支出)?(?:决算|预算)?表\s*$/, '') : label;
  const r = resolveSubject(subject, { kind: 'money', unit: '万元', sentence: `${title}${label}`, tail: '', seen: new Set(), genre });
  if (!r || r.kind === 'none' || r.kind === 'phase') return null;
  if (r.kind === 'measure' && !r.role) return null;
  return r;
}
