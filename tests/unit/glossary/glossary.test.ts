import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { glossaryProblems, glossaryProblemText, loadGlossary, termNames, type GlossaryFile } from '../../../src/model/glossary';
import type { ClassificationFile } from '../../../src/model/types';

const root = resolve(__dirname, '../../../data');
const raw = JSON.parse(readFileSync(resolve(root, 'reference/glossary.json'), 'utf8')) as GlossaryFile;
const functional = JSON.parse(readFileSync(resolve(root, 'reference/functional-classes.json'), 'utf8')) as ClassificationFile;
const economic = JSON.parse(readFileSync(resolve(root, 'classifications/economic.json'), 'utf8')) as ClassificationFile;

/** The terms a 部门决算 名词解释 and its tables use most; each must be explained under one of its names. */
const REQUIRED = [
  '收入总计', '本年收入', '一般公共预算财政拨款收入', '政府性基金预算财政拨款收入', '国有资本经营预算财政拨款收入', '上级补助收入',
  '事业收入', '经营收入', '附属单位上缴收入', '其他收入', '年初结转和结余', '年末结转和结余', '支出总计', '本年支出', '基本支出',
  '项目支出', '人员经费', '公用经费', '上缴上级支出', '经营支出', '对附属单位补助支出', '“三公”经费', '因公出国（境）费',
  '公务用车购置费', '公务用车运行维护费', '公务接待费', '机关运行经费', '政府采购', '授予中小企业合同金额', '授予小微企业合同金额',
  '国有资产占用', '固定资产', '预算绩效管理', '绩效自评', '年初预算', '调整预算', '决算', '预算完成率', '项目资金执行率', '功能分类',
  '经济分类', '一般公共服务支出', '教育支出', '社会保障和就业支出', '卫生健康支出', '城乡社区支出', '农林水支出', '住房保障支出',
  '工资福利支出', '商品和服务支出', '对个人和家庭的补助', '资本性支出', '财政拨款',
];

/** A valid minimal glossary to break one field at a time. */
function minimal(): GlossaryFile {
  return {
    version: 1,
    title: '名词解释',
    sources: [{ id: 's-a', title: 'XX县2022年部门决算·名词解释', url: 'https://example.gov.cn/a.html' }],
    terms: [
      { id: 'basic', term: '基本支出', aliases: [], category: '支出', definition: '保障机构运转的支出。', roles: ['spending.type:基本支出'], sources: ['s-a'] },
      { id: 'project', term: '项目支出', aliases: ['项目经费'], category: '支出', definition: '完成特定任务的支出。', roles: [], sources: ['s-a'] },
    ],
  };
}

describe('the shipped 名词解释', () => {
  it('has no problems and at least 45 terms, each with a source', () => {
    expect(glossaryProblems(raw)).toEqual([]);
    expect(raw.terms.length).toBeGreaterThanOrEqual(45);
    for (const t of raw.terms) expect(t.sources.length, t.id).toBeGreaterThan(0);
  });

  it('explains every standard term under its name or an alias', () => {
    const names = new Set(raw.terms.flatMap(termNames));
    expect(REQUIRED.filter((n) => !names.has(n))).toEqual([]);
  });

  it('cites each source by a web address or a file that exists in the data root', () => {
    for (const s of raw.sources) {
      if (s.file) expect(existsSync(resolve(root, s.file)), s.file).toBe(true);
      else expect(s.url).toMatch(/^https?:\/\//);
    }
  });

  it('names only classification codes the trees know, and agrees with its own roles', () => {
    const fCodes = new Set(functional.nodes.map((n) => n.code));
    const eCodes = new Set(economic.nodes.map((n) => n.code));
    for (const t of raw.terms) {
      for (const c of t.codes?.functional ?? []) {
        expect(fCodes.has(c), `${t.id} ${c}`).toBe(true);
        // The 类 name in the 2022 tree is the term (or one of its aliases).
        expect(termNames(t)).toContain(functional.nodes.find((n) => n.code === c)!.name);
        expect(t.roles).toContain(`spending.function:${c}`);
      }
      for (const c of t.codes?.economic ?? []) if (c.length === 3) expect(eCodes.has(c), `${t.id} ${c}`).toBe(true);
    }
  });

  it('keeps definitions short: one or two sentences', () => {
    for (const t of raw.terms) {
      expect(t.definition.length, t.id).toBeLessThanOrEqual(140);
      expect(t.definition.split('。').filter(Boolean).length, t.id).toBeLessThanOrEqual(3);
    }
  });
});

describe('glossaryProblems', () => {
  it('accepts the minimal file', () => {
    expect(glossaryProblems(minimal())).toEqual([]);
    expect(loadGlossary(minimal()).terms).toHaveLength(2);
  });

  it('names a role that is not in the vocabulary, and a bad qualifier', () => {
    const g = minimal();
    g.terms[0].roles = ['spending.kind:基本支出', 'spending.type:日常支出'];
    const p = glossaryProblems(g);
    expect(p.map((x) => [x.record, x.field])).toEqual([
      ['basic', 'roles/0'],
      ['basic', 'roles/1'],
    ]);
    expect(p[0].message).toContain('spending.kind');
    expect(p[1].message).toContain('支出类型应为');
  });

  it('takes a qualified role by its name alone (all its parts), but not an unqualified role with a qualifier', () => {
    const g = minimal();
    g.terms[0].roles = ['operating.part', 'spending.function', 'operating.total:机关'];
    expect(glossaryProblems(g).map((x) => x.field)).toEqual(['roles/2']);
  });

  it('refuses a name used by two terms, as term or alias', () => {
    const g = minimal();
    g.terms[1].aliases = ['基本支出'];
    expect(glossaryProblems(g)).toEqual([{ record: 'project', field: 'aliases/0', message: '名称“基本支出”已用于词条“basic”：每个名称只能指向一个词条' }]);
  });

  it('refuses a term without sources, an unknown source and an unused one', () => {
    const none = minimal();
    none.terms[0].sources = [];
    expect(glossaryProblems(none)[0]).toMatchObject({ record: 'basic', field: 'sources' });

    const unknown = minimal();
    unknown.terms[1].sources = ['s-b'];
    expect(glossaryProblems(unknown)).toEqual([{ record: 'project', field: 'sources/0', message: '出处“s-b”不在 sources 中' }]);

    const unused = minimal();
    unused.sources.push({ id: 's-c', title: '另一份', url: 'https://example.gov.cn/c.html' });
    expect(glossaryProblems(unused)).toEqual([{ record: 's-c', field: 'id', message: '出处“s-c”没有词条引用' }]);
  });

  it('wants exactly one of url and file, and a file inside the data root', () => {
    const both = minimal();
    both.sources[0].file = 'reference/functional-classes.json';
    expect(glossaryProblems(both).map((p) => p.field)).toEqual(['url']);
    const outside = minimal();
    outside.sources[0] = { id: 's-a', title: 'x', file: '../secret.json' };
    expect(glossaryProblems(outside).map((p) => p.field)).toEqual(['file']);
  });

  it('reports structural errors by record and field, and loadGlossary lists them all', () => {
    const g = minimal() as unknown as { terms: Record<string, unknown>[] };
    g.terms[1].category = '杂项';
    delete g.terms[0].definition;
    const p = glossaryProblems(g);
    expect(p.some((x) => x.record === 'project' && x.field === 'category')).toBe(true);
    expect(p.filter((x) => x.record === 'basic').map((x) => x.field)).toEqual(['definition']);
    expect(() => loadGlossary(g, 'glossary.json')).toThrow(/glossary\.json › project › category/);
    expect(glossaryProblemText({ record: '', field: 'terms', message: 'x' })).toBe('data/reference/glossary.json › terms：x');
  });
});
