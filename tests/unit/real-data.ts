/** The shipped data, read from data/ for tests that check transforms against the real report. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { factsTable, preferOwnReport } from '../../src/data/tables';
import type { ClassificationFile, DataIndex, UnitYearFile } from '../../src/model/types';
import type { Trees } from '../../src/domain/spending/types';

const root = resolve(__dirname, '../../data');
const read = <T>(p: string): T => JSON.parse(readFileSync(resolve(root, p), 'utf8')) as T;

export const index = read<DataIndex>('index.json');
export const trees: Trees = {
  functional: read<ClassificationFile>(index.classifications.functional).nodes,
  economic: read<ClassificationFile>(index.classifications.economic).nodes,
};
export const files: UnitYearFile[] = index.units.flatMap((u) => u.years.map((y) => read<UnitYearFile>(y.file)));
export const facts = preferOwnReport(factsTable(files));
export const UNIT = index.units[0].id;

/**
 * The two units the view tests were written against — 宁乡 (with its 上年 column) and 大英 (a
 * partial report), in two regions — so that those tests keep their exact figures as more real
 * units are shipped. Tests of properties every unit must have iterate over `index.units`.
 */
const PAIR_IDS = ['ningxiang-drc', 'daying-wgl'] as const;
export const pair = PAIR_IDS.map((id) => {
  const u = index.units.find((x) => x.id === id);
  if (!u) throw new Error(`data/index.json no longer lists ${id}`);
  return u;
});
export const pairFiles = files.filter((f) => (PAIR_IDS as readonly string[]).includes(f.unit));
