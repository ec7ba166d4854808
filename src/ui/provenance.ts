/**
 * What a Source panel reads, handed down by the page through Svelte context rather than read
 * from the stores: the unit-year on the page (its records and check results) and where a check
 * is shown. The page's root sets it (state/provenance.svelte.ts builds it from the selection).
 */
import { getContext, setContext } from 'svelte';
import type { RuleResult, UnitYearFile } from '../model/types';
import type { AnyRecord } from '../domain/provenance';

export interface ProvenanceScope {
  /** The unit-year file on the page, when one is loaded. */
  file: UnitYearFile | undefined;
  /** Its records by id. */
  records: ReadonlyMap<string, AnyRecord>;
  /** Its check results. */
  results: RuleResult[];
  /** The link to one check on the quality page. */
  checkLink(key: string): string;
  /** Whether the reader asked for the checks' marks beside the figures (state/audit.svelte.ts). */
  marks: boolean;
}

const KEY = Symbol('provenance');

/** Called by a page's root component: `scope` is read inside reactive code, so it may read stores. */
export function setProvenance(scope: () => ProvenanceScope): void {
  setContext(KEY, scope);
}

export function getProvenance(): () => ProvenanceScope {
  const scope = getContext<(() => ProvenanceScope) | undefined>(KEY);
  if (!scope) throw new Error('Source: no provenance scope; the page root must call setProvenance');
  return scope;
}
