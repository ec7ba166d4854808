import type { RuleResult } from '../../model/types';
import { chineseNumber } from './quote';
import { result, type Rule } from './context';
import { linesOf, spanOf, type TextLine } from './text';

/**
 * The heading styles of a Chinese report, outermost first: 第一部分, 一、, （一）, 1．/1., （1）,
 * 1.1. A heading resets the numbering of every style inside it.
 */
const STYLES: Array<{ name: string; re: RegExp; num: (m: RegExpMatchArray) => number; punct?: (m: RegExpMatchArray) => string }> = [
  { name: '第X部分', re: /^第([一二三四五六七八九十]+)部分/, num: (m) => chineseNumber(m[1]) },
  { name: '一、', re: /^([一二三四五六七八九十]+)、/, num: (m) => chineseNumber(m[1]) },
  { name: '（一）', re: /^[（(]([一二三四五六七八九十]+)[）)]/, num: (m) => chineseNumber(m[1]) },
  { name: '1.1', re: /^(\d{1,2})\.(\d{1,2})(?=\s|[\u4e00-\u9fff])/, num: (m) => Number(m[1]) * 100 + Number(m[2]) },
  { name: '1．', re: /^(\d{1,2})(．|、|\.(?!\d))/, num: (m) => Number(m[1]), punct: (m) => m[2] },
  { name: '（1）', re: /^[（(](\d{1,2})[）)]/, num: (m) => Number(m[1]) },
];
/** Nesting rank of the styles: 1.1 sits inside 1．, though it is matched first. */
const RANK: Record<string, number> = { 第X部分: 0, '一、': 1, '（一）': 2, '1．': 3, '（1）': 4, '1.1': 5 };

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number) => (n <= 10 ? CN[n] : n < 20 ? `十${CN[n - 10]}` : String(n));
/** A number written in a style: (一、, 3) → "三、". */
function label(style: string, n: number): string {
  switch (style) {
    case '第X部分':
      return `第${cn(n)}部分`;
    case '一、':
      return `${cn(n)}、`;
    case '（一）':
      return `（${cn(n)}）`;
    case '（1）':
      return `（${n}）`;
    case '1.1':
      return `${Math.floor(n / 100)}.${n % 100}`;
    default:
      return `${n}．`;
  }
}

/**
 * section-numbers:L<line> — headings of one level are numbered 1, 2, 3 … without a repeat or a gap:
 * a number used twice, skipped, or a list that starts again at 1 inside the same section (a
 * nested list numbered like its parent) leaves the reader unsure which part is which. Headings of
 * one level also use one punctuation (“5．” and “6. ” mixed). A skip across a 【未能获取】 gap is
 * the transcription's, not the report's.
 */
export const sectionNumbers: Rule = {
  id: 'section-numbers',
  title: '章节编号连续',
  family: 'wording',
  grade: 'note',
  run(ctx) {
    const lines = linesOf(ctx);
    if (!lines) return [];
    const out: RuleResult[] = [];
    const last = new Map<string, { n: number; line: TextLine; punct?: string }>();
    // Styles whose numbering a 【未能获取】 gap interrupted: a skip there is not the report's.
    let afterGap = new Set<string>();
    const find = (l: TextLine) => {
      for (const s of STYLES) {
        const m = l.text.trim().match(s.re);
        if (m) return { s, m, n: s.num(m) };
      }
      return null;
    };
    for (const l of lines) {
      if (l.gap) {
        afterGap = new Set(Object.keys(RANK));
        continue;
      }
      const h = find(l);
      if (!h || !Number.isFinite(h.n)) continue;
      const rank = RANK[h.s.name];
      for (const [name, r] of Object.entries(RANK)) if (r > rank) last.delete(name);
      const prev = last.get(h.s.name);
      const at = l.text.indexOf(h.m[0]);
      const punct = h.s.punct?.(h.m);
      const push = (message: string) =>
        out.push(result(this, `section-numbers:L${l.line}`, false, { number: h.n, previous: prev?.n ?? 0 }, [], message, { span: spanOf(l, at, at + h.m[0].length, 16) }));
      const here = label(h.s.name, h.n);
      if (prev && h.n === prev.n) push(`编号“${here}”与第 ${prev.line.line} 行重复`);
      else if (prev && h.n === 1 && prev.n > 1) push(`同一级编号在第 ${prev.line.line} 行的“${label(h.s.name, prev.n)}”之后又从“${here}”开始：内层列表与外层用了相同的编号样式`);
      else if (prev && h.n < prev.n) push(`编号“${here}”出现在第 ${prev.line.line} 行的“${label(h.s.name, prev.n)}”之后：编号倒退，与前面的“${here}”重复`);
      else if (!afterGap.has(h.s.name) && h.n > (prev?.n ?? 0) + 1 && h.s.name !== '1.1') push(`编号“${here}”之前缺少“${label(h.s.name, (prev?.n ?? 0) + 1)}”`);
      else if (prev && punct && prev.punct && punct !== prev.punct) push(`编号“${h.m[0]}”与同级的“${prev.line.text.trim().match(h.s.re)?.[0] ?? ''}”标点不同（全角“．”与半角“.”混用）`);
      last.set(h.s.name, { n: h.n, line: l, punct });
      afterGap.delete(h.s.name);
    }
    if (out.length === 0) out.push(result(this, 'section-numbers:text', true, { lines: lines.length }, [], '章节编号连续，没有重复或缺号'));
    return out;
  },
};
