/** Loads the small fixture data set under tests/fixtures/data-good (fresh deep copies per call). */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassificationFile, DataIndex, UnitYearFile } from '../../../src/model/types';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const goodDir = resolve(repoRoot, 'tests/fixtures/data-good');
export const UNIT_FILE = 'data/units/demo-unit/2022.json';

const read = (rel: string): unknown => JSON.parse(readFileSync(resolve(goodDir, rel), 'utf8'));

export const goodIndex = () => read('index.json') as DataIndex;
export const goodFunctional = () => read('classifications/functional.json') as ClassificationFile;
export const goodEconomic = () => read('classifications/economic.json') as ClassificationFile;
export const goodUnit = () => read('units/demo-unit/2022.json') as UnitYearFile;
export const trees = () => ({ functional: goodFunctional(), economic: goodEconomic() });

/** A mutable, loosely typed copy of the good unit-year file for crafting bad inputs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const looseUnit = (): any => goodUnit();
