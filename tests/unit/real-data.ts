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
