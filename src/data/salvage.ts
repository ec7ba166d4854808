/**
 * Keep what validates of a partly broken unit-year file, so views that do not need the broken
 * part keep working.
 */
import type { DataError, UnitYearFile } from '../model/types';

const LISTS = ['facts', 'measures', 'indicators', 'knownIssues'] as const;

/**
 * Keep what validates when a file's errors sit inside its record lists: empty the broken
 * lists and validate again; a list whose records now cite emptied records breaks in turn.
 * Facts that were valid themselves but cite a dropped record (a 2021 figure derived from a
 * stated change, say) take only their own year with them: a year is kept whole or not at all,
 * so no total is ever shown beside a partial set of its parts. Errors outside the lists
 * (header, source) lose the whole file. `broken` names what was left out ("indicators",
 * "facts:2021", "all").
 */
export function salvage(
  json: unknown,
  errors: DataError[],
  revalidate: (json: unknown) => DataError[],
): { value?: UnitYearFile; broken: string[] } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { broken: ['all'] };
  const file = json as Record<string, unknown>;
  const facts = Array.isArray(file.facts) ? (file.facts as Array<{ id?: unknown; year?: unknown }>) : [];
  const factsValid = !errors.some((e) => e.section === 'facts');
  const yearOf = (id: string) => facts.find((f) => f.id === id)?.year;
  const broken = new Set<string>();
  const droppedYears = new Set<unknown>();
  // An emptied fact list is reported at file level; that one is expected once facts are dropped.
  const expected = (e: DataError) => broken.has('facts') && e.record === '' && e.field === 'facts';
  let pending = errors;
  for (let pass = 0; pass < LISTS.length + 3; pass++) {
    for (const e of pending) {
      if (expected(e)) continue;
      if (!e.section || !(LISTS as readonly string[]).includes(e.section)) return { broken: ['all'] };
      const year = e.section === 'facts' && factsValid ? yearOf(e.record) : undefined;
      if (typeof year === 'number') droppedYears.add(year);
      else broken.add(e.section);
    }
    const pruned = {
      ...file,
      facts: broken.has('facts') ? [] : facts.filter((f) => !droppedYears.has(f.year)),
      ...Object.fromEntries([...broken].filter((s) => s !== 'facts').map((s) => [s, []])),
    };
    pending = revalidate(pruned).filter((e) => !expected(e));
    if (pending.length === 0) {
      const years = broken.has('facts') ? [] : [...droppedYears].map((y) => `facts:${y}`);
      return { value: pruned as unknown as UnitYearFile, broken: [...broken, ...years] };
    }
  }
  return { broken: ['all'] };
}
