/**
 * Finding 名词解释 terms in a text, for inline definitions: a term's first use on a page explains
 * itself. Pure: the page, the prerender and the tests call it the same way.
 */
import glossary from '../../data/reference/glossary.json';
import type { GlossaryFile, GlossarySource, GlossaryTerm } from '../model/glossary';
import { GLOSSARY_CATEGORIES, type GlossaryCategory } from '../model/glossary-categories';

/** The shipped glossary (checked by the unit tests, so the page does not carry the validator). */
export const GLOSSARY = glossary as GlossaryFile;

export type TermLike = Pick<GlossaryTerm, 'id' | 'term' | 'aliases'>;

/** One term found in a text: `text.slice(start, end) === match`. */
export interface TermMatch {
  /** The glossary term's id. */
  id: string;
  /** The term's own name (the heading of its definition). */
  term: string;
  /** The name as it stands in the text: the term or one of its aliases. */
  match: string;
  start: number;
  end: number;
}

interface Name {
  name: string;
  id: string;
  term: string;
}

/** Names by their first character, longest first, so each position tries the longest name first. */
function buildIndex(terms: readonly TermLike[]): Map<string, Name[]> {
  const index = new Map<string, Name[]>();
  for (const t of terms)
    for (const name of [t.term, ...t.aliases]) {
      if (!name) continue;
      const list = index.get(name[0]) ?? [];
      list.push({ name, id: t.id, term: t.term });
      index.set(name[0], list);
    }
  for (const list of index.values()) list.sort((a, b) => b.name.length - a.name.length);
  return index;
}

const cache = new WeakMap<readonly TermLike[], Map<string, Name[]>>();

/**
 * The first occurrence of every term (by its name or any alias) in `text`, in text order.
 * At each position the longest name wins and its characters are used up, so 一般公共预算财政拨款收入
 * is one term, never also 财政拨款 inside it; a later repeat of a term already found is used up
 * the same way but not reported again.
 */
export function findTerms(text: string, terms: readonly TermLike[] = GLOSSARY.terms): TermMatch[] {
  let index = cache.get(terms);
  if (!index) cache.set(terms, (index = buildIndex(terms)));
  const seen = new Set<string>();
  const found: TermMatch[] = [];
  for (let i = 0; i < text.length; ) {
    const hit = index.get(text[i])?.find((n) => text.startsWith(n.name, i));
    if (!hit) {
      i++;
      continue;
    }
    if (!seen.has(hit.id)) {
      seen.add(hit.id);
      found.push({ id: hit.id, term: hit.term, match: hit.name, start: i, end: i + hit.name.length });
    }
    i += hit.name.length;
  }
  return found;
}

/**
 * The glossary term a figure's role names, for linking a figure to its definition: a term that
 * lists the exact role first, else one that lists the role's name alone (all its qualifiers).
 */
export function termForRole(role: string, terms: readonly GlossaryTerm[] = GLOSSARY.terms): GlossaryTerm | undefined {
  const name = role.split(':')[0];
  return terms.find((t) => t.roles.includes(role)) ?? (name !== role ? terms.find((t) => t.roles.includes(name)) : undefined);
}

/** The terms under their headings, in the order of `GLOSSARY_CATEGORIES`, each in file order; empty headings left out. */
export function glossarySections(g: GlossaryFile = GLOSSARY): { category: GlossaryCategory; terms: GlossaryTerm[] }[] {
  return GLOSSARY_CATEGORIES.map((category) => ({ category, terms: g.terms.filter((t) => t.category === category) })).filter((s) => s.terms.length > 0);
}

/** The sources a term cites, in its order (the file's check guarantees each exists). */
export function termSources(term: GlossaryTerm, g: GlossaryFile = GLOSSARY): GlossarySource[] {
  return term.sources.map((id) => g.sources.find((s) => s.id === id)!);
}

/** A piece of a text: plain, or the first use on the page of a glossary term, with its definition. */
export interface TermRun {
  text: string;
  term?: { id: string; name: string; definition: string };
}

/**
 * The texts of one page in reading order, each cut into runs so that the first use of every
 * term on the page explains itself (a later use, in the same text or another, stays plain).
 */
export function markTerms(texts: readonly string[], terms: readonly GlossaryTerm[] = GLOSSARY.terms): TermRun[][] {
  const seen = new Set<string>();
  const byId = new Map(terms.map((t) => [t.id, t]));
  return texts.map((text) => {
    const runs: TermRun[] = [];
    let at = 0;
    for (const m of findTerms(text, terms)) {
      if (seen.has(m.id)) continue;
      seen.add(m.id);
      if (m.start > at) runs.push({ text: text.slice(at, m.start) });
      runs.push({ text: m.match, term: { id: m.id, name: m.term, definition: byId.get(m.id)!.definition } });
      at = m.end;
    }
    if (at < text.length || !runs.length) runs.push({ text: text.slice(at) });
    return runs;
  });
}
