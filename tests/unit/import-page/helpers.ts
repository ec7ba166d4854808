/** Shared inputs of the #/import tests: the shipped data folder loaded as the page loads it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fsReader } from '../../../src/data/fs-reader';
import { loadDataset, type Dataset } from '../../../src/data/load';
import type { ImportOptions } from '../../../src/import/types';

const repoRoot = resolve(import.meta.dirname, '../../..');
export const dataDir = resolve(repoRoot, 'data');
/** The first unit's shipped report text (its total spending is 969.29 万元). */
export const REPORT = '000_fbdbbd6bd88a742c.txt';
export const reportBytes = () => new Uint8Array(readFileSync(resolve(dataDir, 'sources', REPORT)));

let loaded: Promise<Dataset> | undefined;
/** The shipped dataset through the one load pipeline (once per test file). */
function dataset(): Promise<Dataset> {
  loaded ??= loadDataset(fsReader(dataDir, (p) => `data/${p}`));
  return loaded;
}

/** Importer options as the page builds them from the loaded dataset. */
export async function pageOptions(over: Partial<ImportOptions> & { fileName: string }): Promise<ImportOptions> {
  const ds = await dataset();
  return {
    unit: 'new-unit',
    name: '新单位',
    trees: { functional: ds.functional!.nodes, economic: ds.economic!.nodes },
    groups: ds.index!.groups ?? [],
    ...over,
  };
}
