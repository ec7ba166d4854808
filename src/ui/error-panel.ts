/**
 * What the error panel shows: every load and validation error (each message already names
 * file › record › field), the first LIMIT of them listed, and which parts of each file were
 * left out, in words.
 */
import type { DataError } from '../model/types';

const LIMIT = 50;
const PART: Record<string, string> = {
  all: '整个文件',
  facts: '收支数据（支出分析、概览不可用）',
  measures: '资产、三公、人员等指标',
  indicators: '业务运行指标',
  knownIssues: '已知问题说明',
};

/** A file part left out, in words; "facts:2021" is that year's money facts (dropped whole, see salvage in load.ts). */
export function partText(b: string): string {
  return PART[b] ?? (b.startsWith('facts:') ? `${b.slice(6)}年收支数据（该年的对比不可用）` : b);
}

export interface ErrorPanelView {
  count: number;
  /** The messages listed, at most LIMIT. */
  shown: string[];
  /** How many more there are beyond those listed. */
  more: number;
  /** Files with parts left out: the file and the parts, in words. */
  dropped: Array<{ file: string; parts: string }>;
}

export function errorPanelModel(errors: readonly Pick<DataError, 'message'>[], unitYears: readonly { file: string; broken: readonly string[] }[]): ErrorPanelView {
  return {
    count: errors.length,
    shown: errors.slice(0, LIMIT).map((e) => e.message),
    more: Math.max(0, errors.length - LIMIT),
    dropped: unitYears.filter((u) => u.broken.length > 0).map((u) => ({ file: u.file, parts: u.broken.map(partText).join('、') })),
  };
}
