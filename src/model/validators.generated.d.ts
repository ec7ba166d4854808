// Types of the generated ajv standalone validators (validators.generated.js, written by
// scripts/gen-schema.ts). Hand-written: the generator emits plain JavaScript.
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  /** Every error of the last call (allErrors, verbose: each carries schema, parentSchema and data). */
  errors?: ErrorObject[] | null;
}

export const index: GeneratedValidator;
export const classification: GeneratedValidator;
export const unitYear: GeneratedValidator;
/** The bundled root schemas the validators were compiled from (the same as data/schema/*.schema.json). */
export const schemas: {
  index: Record<string, unknown>;
  classification: Record<string, unknown>;
  unitYear: Record<string, unknown>;
};
