/**
 * The view model of #/glossary (名词解释): the standard terms of 部门决算公开 by section, each
 * with its plain definition, the other names reports use for it, and the public texts its
 * wording summarises. Pure and unit-free: the same page for every unit, prerendered.
 */
import { GLOSSARY, glossarySections, termSources } from '../../domain/terms';
import type { GlossaryFile } from '../../model/glossary';

interface GlossaryEntry {
  /** The anchor of the term (#term-<id>): inline definitions link here. */
  anchor: string;
  term: string;
  /** "也写作：商品与服务支出" when reports use other names; null otherwise. */
  aliases: string | null;
  definition: string;
  sources: Array<{ title: string; url: string | null }>;
}

export interface GlossaryView {
  title: string;
  lead: string;
  sections: Array<{ id: string; title: string; terms: GlossaryEntry[] }>;
  count: number;
}

const termAnchor = (id: string) => `term-${id}`;

export function glossaryModel(g: GlossaryFile = GLOSSARY): GlossaryView {
  const sections = glossarySections(g).map((s, i) => ({
    id: `glossary-${i + 1}`,
    title: s.category,
    terms: s.terms.map((t) => ({
      anchor: termAnchor(t.id),
      term: t.term,
      aliases: t.aliases.length ? `也写作：${t.aliases.join('、')}` : null,
      definition: t.definition,
      sources: termSources(t, g).map((src) => ({ title: src.title, url: src.url ?? null })),
    })),
  }));
  return {
    title: '名词解释',
    lead: '部门决算公开中常用名词的含义。每条释义用平实的话概括公开的定义，并注明出处。',
    sections,
    count: sections.reduce((n, s) => n + s.terms.length, 0),
  };
}
