/**
 * A small table copied from a page one cell per line ("项 目 |", "预 算 数 |", "决 算 数 |",
 * "合 计 |", "18 |", "6.28 |", "因公出国(境)费 |", "0 |", "0 |", …), as 三公 tables of a 决算 often
 * reach the importer. It is read only when every part says what a number is: the header row is
 * 项目 followed by phase columns (预算数 / 决算数 / 全年预算数 …), a 单位 line just above names the
 * money unit, each row is a label followed by one number (or an empty cell) per column, and the label (or, for the
 * 合计 row, the table's title) names a role. Anything else in the run ends the table.
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
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const COLUMN = /^(?:年初|全年|调整后?)?(?:预算|决算)数?$/;
const UNIT_LINE = /单位\s*[:：]\s*(万元|元)/;

/** Runs of one-cell lines: [first line index, cells]. */
function cellRuns(lines: Line[]): Cell[][] {
  const runs: Cell[][] = [];
  let run: Cell[] = [];
  lines.forEach((l, i) => {
    const m = l.kind === 'skip' && l.folded.trim() === '' ? null : CELL.exec(l.folded);
    if (m) run.push({ text: m[1].replace(/\s+/g, ''), line: i });
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
    let k = columns.length + 1;
    while (k + columns.length < run.length) {
      const label = run[k];
      const cells = run.slice(k + 1, k + 1 + columns.length);
      // An empty cell ("因公出国(境)费 |", " |", " |") states nothing: the row goes on being read.
      if (NUMBER.test(label.text) || label.text === '' || !cells.every((c) => NUMBER.test(c.text) || c.text === '')) break;
      const target = rowTarget(label.text, title, genre);
      if (target) {
        const quoteLines = lines.slice(label.line, cells[cells.length - 1].line + 1);
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
            notes: [`表格逐格列示：列名“${run[j + 1].text}”取自表头${unit === '元' ? '，按“单位：元”换算为万元' : ''}`],
            sentence: quote,
            printed,
          });
        });
      }
      k += 1 + columns.length;
    }
  }
  return out;
}

/** What a row names: a money role or fact by its label; the 合计 row by the table's title. */
function rowTarget(label: string, title: string, genre?: string): Target | null {
  const subject = /^(?:合计|总计)$/.test(label) ? title.replace(/(?:支出)?(?:决算|预算)?表\s*$/, '') : label;
  const r = resolveSubject(subject, { kind: 'money', unit: '万元', sentence: `${title}${label}`, tail: '', seen: new Set(), genre });
  if (!r || r.kind === 'none' || r.kind === 'phase') return null;
  if (r.kind === 'measure' && !r.role) return null;
  return r;
}
