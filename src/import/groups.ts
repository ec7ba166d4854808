/**
 * The display group of an imported measure, from its role's dashboard section — never a unit's
 * own group ids: an index group with that section's id or title when there is one, else a new
 * group named by the section, returned so the index can list it. One rule for every importer.
 */
import { SECTION_TITLES, type RoleSection } from '../model/vocabulary';
import type { ImportGroup } from './types';

export function groupAssigner(existing: readonly ImportGroup[] = []): { groupOf: (section: RoleSection) => string; newGroups: ImportGroup[] } {
  const groups = [...existing];
  const newGroups: ImportGroup[] = [];
  const groupOf = (section: RoleSection): string => {
    const title = SECTION_TITLES[section];
    const g = groups.find((x) => x.id === section) ?? groups.find((x) => x.label === title);
    if (g) return g.id;
    const made: ImportGroup = { id: section, label: title, domain: 'finance' };
    groups.push(made);
    newGroups.push(made);
    return made.id;
  };
  return { groupOf, newGroups };
}
