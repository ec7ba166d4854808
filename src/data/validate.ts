/**
 * Validation of the data files, shared by the page and `npm run check:data`: the structure comes
 * from the generated validators of the one schema (structural.ts), the rest from the hand-written
 * checks of what a schema cannot say (semantic.ts). Every problem of a file is collected as a
 * DataError naming file › record › field, what was expected and what was found (plain text,
 * truncated; the UI renders it as text, never as HTML).
 */
import type { ClassificationFile, DataError, DataIndex, UnitYearFile } from '../model/types';
import type { Validated } from './json';
import { brokenRecords, semanticClassification, semanticIndex, semanticUnitYear, type UnitYearContext } from './semantic';
import { structuralErrors } from './structural';

export { parseJson, type Validated } from './json';
export { type UnitYearContext } from './semantic';

function validated<T>(json: unknown, errors: DataError[]): Validated<T> {
  return errors.length ? { errors } : { value: json as T, errors: [] };
}

/** Validate `data/index.json`: shape, unique unit and group ids, years once per unit, confined paths. */
export function validateIndex(json: unknown, file: string): Validated<DataIndex> {
  const errors = structuralErrors('index', json, file);
  return validated(json, [...errors, ...semanticIndex(json, file, brokenRecords(errors, json))]);
}

/** Validate a classification tree: shape, unique codes, levels and code lengths, parents, no cycles. */
export function validateClassification(json: unknown, file: string): Validated<ClassificationFile> {
  const errors = structuralErrors('classification', json, file);
  return validated(json, [...errors, ...semanticClassification(json, file, brokenRecords(errors, json))]);
}

/**
 * Validate one unit-year file: its shape, then ids, references, cycles, codes known to the trees
 * (when given), signs and magnitudes, roles, groups (when given), the unit and year the index
 * lists, a real source date and a source path inside the data root.
 */
export function validateUnitYear(json: unknown, file: string, ctx: UnitYearContext = {}): Validated<UnitYearFile> {
  const errors = structuralErrors('unitYear', json, file);
  return validated(json, [...errors, ...semanticUnitYear(json, file, ctx, brokenRecords(errors, json))]);
}
