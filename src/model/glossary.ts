/**
 * The 名词解释 (glossary) contract: `data/reference/glossary.json`. Every 部门决算公开 must carry a
 * 名词解释; the dashboard's one explains the standard terms in plain words, says which figures
 * (roles, dimensions, classification codes) each term names, and cites the public texts the
 * wording summarises. The file is reference data shared by every unit, so it is checked here
 * rather than by the unit-year pipeline: the schema says the shape, `glossaryProblems` what a
 * schema cannot (roles in the vocabulary, unique names, known sources).
 */
import { Type, type Static, type TUnsafe } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { GLOSSARY_CATEGORIES } from './glossary-categories';
import { BASES, FLOWS, PHASES, ROLES, SOURCES, roleProblem, type RoleSpec } from './vocabulary';

const Text = Type.String({ minLength: 1, pattern: '\\S' });
const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' });
// A union of literals (Value checks it; an Unsafe enum it cannot), typed as the list's members.
const Enum = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnsafe<T[number]>;

export const GlossarySource = Type.Object(
  {
    id: Id,
    /** The document and its part, e.g. "XX县财政局2022年部门决算·名词解释". */
    title: Text,
    /** Where it was read (for people; never fetched). */
    url: Type.Optional(Type.String({ pattern: '^https?://\\S+$' })),
    /** Or a file of this project's data root (the classification names it ships). */
    file: Type.Optional(Text),
  },
  { additionalProperties: false },
);
export type GlossarySource = Static<typeof GlossarySource>;

export const GlossaryTerm = Type.Object(
  {
    id: Id,
    /** The name as the standard tables print it. */
    term: Text,
    /** Other spellings reports use for the same thing (商品与服务支出, 上年结转 …). */
    aliases: Type.Array(Text),
    category: Enum(GLOSSARY_CATEGORIES),
    /** One or two plain sentences, summarising the cited definitions in the project's own words. */
    definition: Text,
    /**
     * Roles (docs/data-format.md) whose figures this term names; may be empty. A role that takes a
     * qualifier may be given by its name alone (`operating.part`): every part it qualifies.
     */
    roles: Type.Array(Text),
    /** Fact dimensions the term names (a 决算 phase, a flow, a fund source, a spending type). */
    dims: Type.Optional(
      Type.Object(
        {
          phase: Type.Optional(Type.Array(Enum(PHASES), { minItems: 1 })),
          flow: Type.Optional(Type.Array(Enum(FLOWS), { minItems: 1 })),
          source: Type.Optional(Type.Array(Enum(SOURCES), { minItems: 1 })),
          basis: Type.Optional(Type.Array(Enum(BASES), { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Classification codes the term is the name of (类 3 digits, 款 5, 项 7). */
    codes: Type.Optional(
      Type.Object(
        {
          functional: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{3}([0-9]{2}([0-9]{2})?)?$' }), { minItems: 1 })),
          economic: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{3}([0-9]{2})?$' }), { minItems: 1 })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Ids of `sources` the definition comes from: at least one. */
    sources: Type.Array(Id, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type GlossaryTerm = Static<typeof GlossaryTerm>;

export const GlossaryFile = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    title: Text,
    note: Type.Optional(Text),
    sources: Type.Array(GlossarySource, { minItems: 1 }),
    terms: Type.Array(GlossaryTerm, { minItems: 1 }),
  },
  { additionalProperties: false, title: 'GlossaryFile', description: 'data/reference/glossary.json: the 名词解释.' },
);
export type GlossaryFile = Static<typeof GlossaryFile>;

/** One problem, named by file › record › field like every other data error. */
export interface GlossaryProblem {
  /** Term or source id, `#<index>` when it has none, "" for the file. */
  record: string;
  field: string;
  message: string;
}

/** Every term name (the term and its aliases), for matching. Quotes are kept as printed. */
export function termNames(t: Pick<GlossaryTerm, 'term' | 'aliases'>): string[] {
  return [t.term, ...t.aliases];
}

/** Whether a bare role name is one that takes a qualifier (so the name alone means all of them). */
function qualified(name: string): boolean {
  return Boolean((ROLES as Record<string, RoleSpec>)[name]?.qualifier);
}

/** Everything wrong with a parsed glossary file; empty when it is usable. */
export function glossaryProblems(raw: unknown): GlossaryProblem[] {
  if (!Value.Check(GlossaryFile, raw)) {
    const seen = new Set<string>();
    return [...Value.Errors(GlossaryFile, raw)].flatMap((e) => {
      // One line per place: a missing field is also "not a string"; say it once.
      if (seen.has(e.path)) return [];
      seen.add(e.path);
      // "/terms/3/roles/0" → record "#3" (or its id when it has one), field "roles/0".
      const m = /^\/(terms|sources)\/(\d+)(?:\/(.*))?$/.exec(e.path);
      const list = m ? ((raw as Record<string, unknown[]>)[m[1]] ?? []) : [];
      const rec = m ? (list[Number(m[2])] as { id?: unknown } | undefined) : undefined;
      return [
        {
          record: m ? (typeof rec?.id === 'string' ? rec.id : `#${m[2]}`) : '',
          field: m ? (m[3] ?? '') : e.path.replace(/^\//, ''),
          message: `${e.message}（位置 ${e.path || '/'}）`,
        },
      ];
    });
  }
  const file = raw as GlossaryFile;
  const problems: GlossaryProblem[] = [];
  const sourceIds = new Set<string>();
  file.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) problems.push({ record: s.id, field: 'id', message: `出处编号“${s.id}”重复` });
    sourceIds.add(s.id);
    if (!s.url === !s.file) problems.push({ record: s.id || `#${i}`, field: 'url', message: '出处应给出网址（url）或本项目数据文件（file）之一，且只给一个' });
    if (s.file && (s.file.startsWith('/') || s.file.split('/').includes('..')))
      problems.push({ record: s.id, field: 'file', message: `文件“${s.file}”应是数据目录内的相对路径` });
  });
  const used = new Set<string>();
  const termIds = new Set<string>();
  const names = new Map<string, string>();
  for (const t of file.terms) {
    if (termIds.has(t.id)) problems.push({ record: t.id, field: 'id', message: `词条编号“${t.id}”重复` });
    termIds.add(t.id);
    termNames(t).forEach((n, i) => {
      const field = i === 0 ? 'term' : `aliases/${i - 1}`;
      if (n !== n.trim()) problems.push({ record: t.id, field, message: `名称“${n}”首尾有空白` });
      const owner = names.get(n);
      if (owner !== undefined) problems.push({ record: t.id, field, message: `名称“${n}”已用于词条“${owner}”：每个名称只能指向一个词条` });
      else names.set(n, t.id);
    });
    t.roles.forEach((r, i) => {
      const why = !r.includes(':') && qualified(r) ? null : roleProblem(r);
      if (why) problems.push({ record: t.id, field: `roles/${i}`, message: `角色“${r}”不在角色表中：${why}` });
    });
    if (new Set(t.roles).size !== t.roles.length) problems.push({ record: t.id, field: 'roles', message: '角色重复列出' });
    t.sources.forEach((s, i) => {
      used.add(s);
      if (!sourceIds.has(s)) problems.push({ record: t.id, field: `sources/${i}`, message: `出处“${s}”不在 sources 中` });
    });
  }
  for (const s of file.sources) if (!used.has(s.id)) problems.push({ record: s.id, field: 'id', message: `出处“${s.id}”没有词条引用` });
  return problems;
}

/** A problem as one line: `glossary.json › <record> › <field>：<message>`. */
export function glossaryProblemText(p: GlossaryProblem, file = 'data/reference/glossary.json'): string {
  return [file, p.record, p.field].filter(Boolean).join(' › ') + `：${p.message}`;
}

/** The glossary, or an error listing every problem (a broken 名词解释 is never shown half-checked). */
export function loadGlossary(raw: unknown, file = 'data/reference/glossary.json'): GlossaryFile {
  const problems = glossaryProblems(raw);
  if (problems.length) throw new Error(`名词解释文件有 ${problems.length} 处问题：\n${problems.map((p) => glossaryProblemText(p, file)).join('\n')}`);
  return raw as GlossaryFile;
}
