/**
 * What a field must hold, in words, where the sign and unit conventions say more than the schema:
 * shared by the structural messages (a wrong type) and the semantic ones (a wrong sign), so both
 * read the same.
 */
import { COUNT_UNITS, SIGNED_UNITS } from '../model/vocabulary';

type Json = Record<string, unknown>;
const isObj = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** What a measure's or indicator's `value` must be, given its unit, stat and provenance. */
export function valueExpectation(x: Json): string {
  const unit = typeof x.unit === 'string' ? x.unit : '';
  const change = x.stat === 'change' || x.stat === 'growth';
  const signed = SIGNED_UNITS.has(unit) || change;
  const stated = isObj(x.provenance) && x.provenance.kind === 'stated';
  if (COUNT_UNITS.has(unit) && stated) return signed ? `a whole number (a ${String(x.stat)} of a count in ${unit})` : `a whole number ≥ 0 (a count in ${unit})`;
  if (signed) return `a finite number (negative allowed ${change ? `for a ${String(x.stat)}` : `in ${unit}`})`;
  return `a finite number ≥ 0 (${unit} cannot be negative)`;
}

/** The expectation of a record field with a convention, or undefined to use the schema's words. */
export function fieldExpectation(list: string, field: string, record: Json): string | undefined {
  if (list === 'facts' && field === 'amount') return 'a finite number ≥ 0';
  if ((list === 'measures' || list === 'indicators') && field === 'value') return valueExpectation(record);
  return undefined;
}
