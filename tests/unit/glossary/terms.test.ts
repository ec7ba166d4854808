import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTerms, GLOSSARY, glossarySections, termForRole, termSources, markTerms, type TermLike } from '../../../src/domain/terms';

const TERMS: TermLike[] = [
  { id: 'fiscal', term: '财政拨款', aliases: ['财政拨款收入'] },
  { id: 'gpb', term: '一般公共预算财政拨款收入', aliases: ['一般公共预算拨款'] },
  { id: 'basic', term: '基本支出', aliases: [] },
  { id: 'sangong', term: '“三公”经费', aliases: ['三公经费', '三公'] },
];

describe('findTerms', () => {
  it('finds the first use of each term with its position, in text order', () => {
    const text = '基本支出1140.27万元，财政拨款收入900万元，基本支出占27.52%';
    const found = findTerms(text, TERMS);
    expect(found).toEqual([
      { id: 'basic', term: '基本支出', match: '基本支出', start: 0, end: 4 },
      { id: 'fiscal', term: '财政拨款', match: '财政拨款收入', start: 14, end: 20 },
    ]);
    for (const m of found) expect(text.slice(m.start, m.end)).toBe(m.match);
  });

  it('takes the longest name at a position and never a shorter term inside it', () => {
    expect(findTerms('一般公共预算财政拨款收入500万元', TERMS).map((m) => m.id)).toEqual(['gpb']);
    // 财政拨款 inside the longer name is used up; its own later use is still its first.
    expect(findTerms('一般公共预算财政拨款收入与财政拨款', TERMS).map((m) => [m.id, m.start])).toEqual([
      ['gpb', 0],
      ['fiscal', 13],
    ]);
    expect(findTerms('“三公”经费、三公经费和三公', TERMS)).toEqual([{ id: 'sangong', term: '“三公”经费', match: '“三公”经费', start: 0, end: 6 }]);
  });

  it('reports a term found first by an alias under its own name', () => {
    expect(findTerms('压缩三公经费', TERMS)).toEqual([{ id: 'sangong', term: '“三公”经费', match: '三公经费', start: 2, end: 6 }]);
  });

  it('finds nothing in an empty or unrelated text', () => {
    expect(findTerms('', TERMS)).toEqual([]);
    expect(findTerms('智慧城市运行指标', TERMS)).toEqual([]);
  });

  it('finds the standard terms in a real report sentence with the shipped glossary', () => {
    const text = readFileSync(resolve(__dirname, '../../../data/sources/daying-wgl-2022.txt'), 'utf8');
    const ids = findTerms(text).map((m) => m.term);
    for (const t of ['基本支出', '项目支出', '“三公”经费', '机关运行经费', '公务接待费', '上缴上级支出', '对附属单位补助支出']) expect(ids).toContain(t);
    // The sentence "基本支出1140.27万元,占27.52%;项目支出3003.64万元" gives both at their places.
    const line = '其中:基本支出1140.27万元,占27.52%;项目支出3003.64万元';
    expect(findTerms(line).map((m) => [m.term, m.start])).toEqual([
      ['基本支出', 3],
      ['项目支出', 25],
    ]);
  });
});

describe('termForRole', () => {
  it('finds the term of an exact role, and of a qualified role by its name', () => {
    expect(termForRole('spending.type:项目支出')?.term).toBe('项目支出');
    expect(termForRole('sangong.total')?.term).toBe('“三公”经费');
    expect(termForRole('operating.part:办公费')?.term).toBe('机关运行经费');
    expect(termForRole('staff.quota')).toBeUndefined();
    expect(GLOSSARY.terms.length).toBeGreaterThanOrEqual(45);
  });
});

describe('glossarySections and termSources', () => {
  it('lists every term once under its heading, headings in display order', () => {
    const sections = glossarySections();
    expect(sections.map((s) => s.category)).toEqual(['报告', '收入', '支出', '结转和结余', '三公与运行经费', '采购与资产', '预算与绩效', '分类科目']);
    expect(sections.flatMap((s) => s.terms).length).toBe(GLOSSARY.terms.length);
    expect(sections.find((s) => s.category === '结转和结余')!.terms.map((t) => t.term)).toEqual(['年初结转和结余', '年末结转和结余']);
  });

  it('leaves out a heading with no terms', () => {
    const g = { ...GLOSSARY, terms: GLOSSARY.terms.filter((t) => t.category === '收入') };
    expect(glossarySections(g).map((s) => s.category)).toEqual(['收入']);
  });

  it('gives a term its sources with title and address', () => {
    const basic = GLOSSARY.terms.find((t) => t.term === '基本支出')!;
    const sources = termSources(basic);
    expect(sources.map((s) => s.id)).toEqual(basic.sources);
    for (const s of sources) expect(s.url).toMatch(/^https?:\/\//);
  });
});

describe('markTerms: a term explains itself at its first use on the page', () => {
  it('marks each term once across the page, in reading order, and keeps every character', () => {
    const texts = ['基本支出与项目支出', '其中基本支出223.30万元，项目支出745.99万元；“三公”经费5.74万元。', ''];
    const runs = markTerms(texts);
    expect(runs.map((r) => r.map((x) => x.text).join(''))).toEqual(texts);
    const marked = runs.map((r) => r.filter((x) => x.term).map((x) => x.term!.name));
    expect(marked[0]).toEqual(['基本支出', '项目支出']);
    // Already explained in the title: plain in the paragraph; the new term is marked there.
    expect(marked[1]).toEqual(['“三公”经费']);
    expect(runs[1].find((x) => x.term)?.term?.definition.length).toBeGreaterThan(10);
    expect(runs[2]).toEqual([{ text: '' }]);
  });

  it('an alias marks the term under its own name', () => {
    const [runs] = markTerms(['本年决算数如下']);
    const t = runs.find((x) => x.term);
    expect(t?.text).toBe('决算数');
    expect(t?.term?.name).toBe('决算');
  });
});
