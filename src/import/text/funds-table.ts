/**
 * The funds block of the standard 项目支出绩效自评表, as text copied from the form flattens it:
 * "项目资金（万元） 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0
 * 其中:本年财政拨款 90 89.974 89.974 上年结转资金 其他资金". The header fixes the columns; each row
 * label is followed by its numbers in column order (a row may stop early: the last columns are
 * printed only for the total). The numbers carry no unit in the text: the header says 万元, and
 * 执行率 is a percentage, 分值 and 得分 are points.
 */
import type { Phase } from '../../model/vocabulary';
import type { Claim } from './claim';
import type { Line } from './sections';
import type { Target } from './roles';

const HEADER = /项目资金\s*[(（]?\s*万元\s*[)）]?\s*年初预算数\s*全年预算数\s*全年执行数\s*分值\s*执行率\s*得分/;
const ROWS = ['年度资金总额', '本年财政拨款', '当年财政拨款', '财政拨款', '上年结转资金', '其他资金'];
const NUMBER = /^\s*(-?\d+(?:\.\d+)?)(%?)(?=\s|$)/;

interface Column {
  title: string;
  unit: '万元' | '%' | '分';
  /** The role of the total row's figure, when the model has one. */
  role?: string;
  phase: Phase;
}
const COLUMNS: Column[] = [
  { title: '年初预算数', unit: '万元', role: 'project.budget-initial', phase: '年初预算' },
  { title: '全年预算数', unit: '万元', role: 'project.budget-adjusted', phase: '调整预算' },
  { title: '全年执行数', unit: '万元', role: 'project.spent', phase: '决算' },
  { title: '分值', unit: '分', phase: '决算' },
  { title: '执行率', unit: '%', role: 'project.execution-rate', phase: '决算' },
  { title: '得分', unit: '分', phase: '决算' },
];

/** The claims of a funds block in one line of text; none when the line holds no such block. */
export function fundsTableClaims(line: Line, reportYear: number): Claim[] {
  const h = HEADER.exec(line.folded);
  if (!h) return [];
  const out: Claim[] = [];
  const section = line.section.length ? line.section.join(' / ') : '正文';
  let at = (h.index ?? 0) + h[0].length;
  let totalSeen = false;
  const rowRe = new RegExp(`(?:其中\\s*[:：]?\\s*)?(${ROWS.join('|')})\\s*[:：]?`, 'g');
  for (;;) {
    rowRe.lastIndex = at;
    const r = rowRe.exec(line.folded);
    // Rows follow the header directly; anything else ends the block.
    if (!r || line.folded.slice(at, r.index).trim() !== '') break;
    let pos = r.index + r[0].length;
    const values: Array<{ text: string; value: number; end: number }> = [];
    for (let c = 0; c < COLUMNS.length; c++) {
      const n = NUMBER.exec(line.folded.slice(pos));
      if (!n) break;
      pos += n[0].length;
      values.push({ text: line.text.slice(pos - n[1].length - n[2].length, pos - n[2].length), value: Number(n[1]), end: pos });
    }
    const total = r[1] === '年度资金总额';
    totalSeen ||= total;
    // A part row (本年财政拨款 …) is claimed for the project's figures only beside a stated total:
    // equal to it, it is the same figure; different, it goes to review as a second value, never
    // in place of a total the form does not give.
    const asProject = total || totalSeen;
    const quote = line.text.slice(r.index, pos).trim();
    values.forEach((v, c) => {
      const col = COLUMNS[c];
      const target: Target =
        asProject && col.role
          ? { kind: 'measure', role: col.role, phase: col.phase, label: col.title }
          : { kind: 'measure', role: '', phase: col.phase, label: `${r[1]}${col.title}`, free: true };
      out.push({
        target,
        stat: 'value',
        year: reportYear,
        value: v.value,
        unit: col.unit,
        kind: col.unit === '万元' ? 'money' : col.unit === '%' ? 'percent' : 'count',
        decimals: v.text.includes('.') ? v.text.length - v.text.indexOf('.') - 1 : 0,
        approx: null,
        quote,
        section,
        line: line.no,
        notes: ['绩效自评表“项目资金（万元）”栏：列名取自表头'],
        sentence: line.text.slice(h.index ?? 0, pos).trim(),
        printed: v.text,
      });
    });
    at = pos;
  }
  return out;
}
