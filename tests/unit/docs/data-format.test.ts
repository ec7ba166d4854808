/**
 * docs/data-format.md is the contract for people who write data by hand; it drifts silently when
 * the vocabulary, the schema or the rule registry grows. These checks fail when the page leaves
 * out a name the code accepts (each must appear as `code`), or states a rule's family and grade,
 * or a role's title and section, other than the code does.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES, RULE_IDS } from '../../../src/domain/rules';
import { Fact, Indicator, UnitYearFile } from '../../../src/model/schema';
import { BASES, BASES_OF_CHANGE, FLOWS, PHASES, ROLES, SOURCES, STATS, type RoleSpec } from '../../../src/model/vocabulary';

const doc = readFileSync(new URL('../../../docs/data-format.md', import.meta.url), 'utf8');
/** Every `code` span of the page. */
const codes = new Set([...doc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]));
const missing = (names: readonly string[]) => names.filter((n) => !codes.has(n));
/** The lines under a heading, up to the next heading of the same or a higher level. */
function section(heading: string): string[] {
  const lines = doc.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `heading ${heading}`).toBeGreaterThanOrEqual(0);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}
/** The table row of a section whose first cell is `name`. */
const rowIn = (lines: string[], name: string) => lines.find((l) => l.startsWith(`| \`${name}\` |`));

describe('docs/data-format.md names everything the code accepts', () => {
  it('every role of the vocabulary, with its title, section and part-of', () => {
    expect(missing(Object.keys(ROLES))).toEqual([]);
    const roles = section('### The role vocabulary');
    const wrong = Object.entries(ROLES as Record<string, RoleSpec>).filter(([name, spec]) => {
      const cells = rowIn(roles, name)?.split('|').map((c) => c.trim());
      return !cells || cells[2] !== spec.title || !cells[3].startsWith(`\`${spec.section}\``) || cells[5] !== (spec.partOf ? `\`${spec.partOf}\`` : '–');
    });
    expect(wrong.map(([name]) => name)).toEqual([]);
  });

  it('every rule of the registry, with its family and grade', () => {
    expect(RULE_IDS.length).toBeGreaterThan(30);
    expect(missing(RULE_IDS)).toEqual([]);
    const rules = section('## Rules and their keys');
    const wrong = RULES.filter((r) => rowIn(rules, r.id)?.split('|')[2].trim() !== `${r.family} / ${r.grade}`);
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it('every stat, base of change, phase, flow, source and spending type', () => {
    expect(missing([...STATS, ...BASES_OF_CHANGE, ...PHASES, ...FLOWS, ...SOURCES, ...BASES])).toEqual([]);
  });

  it('every top-level field of unit-year files, facts and measures', () => {
    const fields = [UnitYearFile, Fact, Indicator].flatMap((s) => Object.keys(s.properties));
    expect(fields).toContain('review');
    expect(missing(fields)).toEqual([]);
  });
});
