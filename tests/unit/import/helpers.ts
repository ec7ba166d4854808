/** Shared inputs of the import tests: the shipped trees, groups and report texts. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ClassificationFile, DataIndex, UnitYearFile } from '../../../src/model/types';
import type { ImportOptions } from '../../../src/import/types';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const readJson = <T>(rel: string): T => JSON.parse(readFileSync(resolve(repoRoot, rel), 'utf8')) as T;

const index = readJson<DataIndex>('data/index.json');
export const trees = {
  functional: readJson<ClassificationFile>(`data/${index.classifications.functional}`).nodes,
  economic: readJson<ClassificationFile>(`data/${index.classifications.economic}`).nodes,
};

/** The shipped report of the first unit and its hand-made file. */
export const shipped = readJson<UnitYearFile>('data/units/ningxiang-drc/2022.json');
/** The 功能分类 codes the shipped unit's file uses: what the CLI passes as `unitCodes` when it imports that unit again. */
export const shippedCodes = [...new Set(shipped.facts.map((f) => f.functional).filter((c): c is string => c !== null))];
export const shippedText = readFileSync(resolve(repoRoot, 'data', shipped.source.file), 'utf8');
/** The second unit's 单位决算 text (a transcription with a few editorial lines). */
export const dayingText = readFileSync(resolve(repoRoot, 'data/sources/daying-wgl-2022.txt'), 'utf8');

export const options = (over: Partial<ImportOptions> = {}): ImportOptions => ({
  unit: 'test-unit',
  name: '测试单位',
  fileName: 'report.txt',
  trees,
  groups: index.groups ?? [],
  ...over,
});

let gbkTable: Map<string, number[]> | undefined;
/**
 * Encode text as GBK/GB18030 (two-byte range), for fixtures: Node has no GBK encoder, so the table
 * is built by decoding every two-byte sequence with the platform's decoder.
 */
export function encodeGbk(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const d = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = d.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** A small 单位决算 说明 in the standard wording, for the bad-input cases. */
export const SMALL_REPORT = [
  '某某局2022年度单位决算情况说明',
  '一、收入支出决算总体情况说明',
  '2022年度收、支总计各是120.5,120.5万元。与2021年相比,收、支总计各增加10.5,10.5万元,各增长9.55%、9.55%。',
  '二、收入决算情况说明',
  '2022年本年收入合计120.5万元,其中:一般公共预算财政拨款收入100.5万元,占83.4%;其他收入20万元,占16.6%。',
  '三、支出决算情况说明',
  '2022年本年支出合计120.5万元,其中:基本支出80.5万元,占66.8%;项目支出40万元,占33.2%。',
  '',
].join('\n');
