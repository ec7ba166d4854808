/**
 * Lines of a report → headings and body paragraphs, each body line with the heading path it
 * stands under (the `section` of every quote). Report headings follow the official numbering
 * ladder 第一部分 › 一、› （一）› 1． › （1）; a numbered line is a heading only when it is short and
 * states no figure — "1．强化…平台，实现…。" is a numbered paragraph, not a heading.
 */
import { fold } from './fold';

export interface Line {
  /** 1-based line number in the source text. */
  no: number;
  /** Offset of the line in the source text. */
  offset: number;
  text: string;
  /** Width-folded text, with editorial notes 【…】 blanked (same length as `text`). */
  folded: string;
  kind: 'title' | 'heading' | 'body' | 'skip';
  /** Heading path (source wording) the line stands under. */
  section: string[];
}

const CN = '[一二三四五六七八九十]+';
const LEVELS: RegExp[] = [
  new RegExp(`^第${CN}部分`),
  new RegExp(`^${CN}[、.]`),
  new RegExp(`^\\(${CN}\\)`),
  /^\d{1,2}(?:[.、]|\s)(?!\d)/,
  /^\(\d{1,2}\)/,
];

/** Heading level of a folded, trimmed line, or -1. */
function headingLevel(f: string): number {
  if (f.length > 40 || /[。;]/.test(f) || /\d\s*(?:万元|亿元|元|%)/.test(f)) return -1;
  return LEVELS.findIndex((re) => re.test(f));
}

/**
 * Lines that are not report text: comment lines of a transcription ("# 来源网址…"), page
 * separators ("=== 第2页 … ==="), figure placeholders ("(图1:…)") and lines that are one
 * editorial note 【…】.
 */
function isSkip(f: string): boolean {
  return f === '' || f.startsWith('#') || /^=+.*=+$/.test(f) || /^\(图\d+/.test(f) || /^【[^】]*】$/.test(f);
}

/** Blank out editorial notes 【…】 (kept the same length so offsets hold). */
function maskNotes(f: string): string {
  return f.replace(/【[^】]*】/g, (m) => ' '.repeat(m.length));
}

/** Split the text into lines and give every body line its heading path. */
export function splitSections(text: string): Line[] {
  const out: Line[] = [];
  const path: Array<{ level: number; text: string }> = [];
  let offset = 0;
  let sawContent = false;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i].replace(/\r$/, '');
    const folded = maskNotes(fold(t));
    const trimmed = folded.trim();
    let kind: Line['kind'];
    if (isSkip(trimmed)) kind = 'skip';
    else {
      const level = headingLevel(trimmed);
      if (level >= 0) {
        kind = 'heading';
        while (path.length && path[path.length - 1].level >= level) path.pop();
        path.push({ level, text: t.trim() });
      } else if (!sawContent && trimmed.length <= 60 && /报告|决算|预算|说明|情况/.test(trimmed) && !/[。，,]/.test(trimmed)) {
        kind = 'title';
      } else kind = 'body';
      sawContent = true;
    }
    out.push({ no: i + 1, offset, text: t, folded, kind, section: path.map((p) => p.text) });
    offset += raw[i].length + 1;
  }
  return out;
}
