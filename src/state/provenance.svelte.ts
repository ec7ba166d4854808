import { recordIndex, type AnyRecord } from '../domain/provenance';
import type { ProvenanceScope } from '../ui/provenance';
import { data } from './data.svelte';
import { selection } from './selection.svelte';
import { toHash } from './url';
import { audit } from './audit.svelte';

/** The provenance of the selected unit-year (its first loaded year when the selected one is absent). */
export function currentProvenance(): ProvenanceScope {
  const uy = data.unitYear(selection.unit, selection.year) ?? data.dataset.unitYears.find((u) => u.unit === selection.unit);
  return {
    file: uy?.value,
    records: uy?.value ? recordIndex(uy.value) : new Map<string, AnyRecord>(),
    results: uy?.results ?? [],
    checkLink: (key) => toHash({ ...selection.view, route: 'quality', focus: key }),
    marks: audit.marks,
  };
}
