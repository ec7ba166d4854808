/**
 * Item names → classification codes, by the trees the data already holds (official names and
 * their `aliases`, e.g. 商品与服务支出 for 302). A name that is not in the trees gets no code: the
 * importer never invents one. A name found on two branches (行政运行 sits under every 款) is
 * ambiguous and goes to review with its candidates; a name repeated down one branch
 * (an "其他…支出" 款 and its "其他…支出" 项) is the deepest node, as reports name the 项.
 * A 功能分类 item printed with its code ("20104-发展与改革事务") is that code: the report states it,
 * so a 款 or 项 the trees lack is taken under its printed name when its parent is in the trees, and a
 * code whose name in the trees is another item goes to review.
 * A 项 printed under many 款 (行政运行) and named alone is coded only when the document (or the
 * unit's files already in the data) names its 款: the report's other 款 say nothing of it.
 */
import type { ClassNode } from '../../model/types';
import { fold } from './fold';
import { stripAsides } from './sentences';
import { REPEATED_ITEMS } from './vocabulary';

export type TreeId = 'functional' | 'economic';

export interface ClassMatch {
  tree: TreeId;
  node: ClassNode;
  /** The wording that matched, when it was an alias rather than the official name. */
  alias: string | null;
}
export type Classified = { ok: true; match: ClassMatch } | { ok: false; candidates: ClassMatch[]; why?: string } | null;

const norm = (s: string) => stripAsides(fold(s)).replace(/\s+/g, '');

/**
 * The name without the words reports add after it, most literal first:
 * "一般行政管理事务支出费用" → "一般行政管理事务支出" → "一般行政管理事务".
 */
function candidates(s: string): string[] {
  const out = [s];
  let c = s;
  for (;;) {
    const next = c.replace(/(?:的)?(?:决算数?|费用|经费)$/, '');
    if (next === c) break;
    out.push((c = next));
  }
  for (const re of [/支出$/, /(?:支出)?(?:情况)?$/]) {
    c = c.replace(re, '');
    out.push(c);
  }
  return [...new Set(out)].filter(Boolean);
}

export interface TreeIndex {
  classify(subject: string, raw?: string): Classified;
  node(tree: TreeId, code: string): ClassNode | undefined;
  /** Items the text named by a printed code that the trees lacked (new codes for the classification file). */
  printed(): ClassNode[];
}

/** "20104-发展与改革事务", "201 一般公共服务支出": a 功能分类 code (类 3, 款 5, 项 7 digits) and the name after it. */
// The separator is required: "22017年预算数" is a page number glued to a year, not code 22017.
const PRINTED_CODE = /(?:^|[^\d])(2\d{2}(?:\d{2}){0,2})(?:\s*[-－—–.．、]\s*|\s+)([^\d\s\-－—–.．、年月日].*)$/;

/**
 * `branches`: the 功能分类 codes the document names (a 款 by its name or printed code) and the
 * codes the unit's files in the data use — where a repeated 项 named alone may be placed.
 */
export function treeIndex(trees: { functional: ClassNode[]; economic: ClassNode[] }, branches: ReadonlySet<string> = new Set()): TreeIndex {
  const names = new Map<string, ClassMatch[]>();
  const byCode: Record<TreeId, Map<string, ClassNode>> = { functional: new Map(), economic: new Map() };
  for (const tree of ['functional', 'economic'] as const) {
    for (const node of trees[tree]) {
      byCode[tree].set(node.code, node);
      for (const [name, alias] of [[node.name, null], ...(node.aliases ?? []).map((a) => [a, a] as const)] as Array<[string, string | null]>) {
        const k = norm(name);
        if (!k) continue;
        const list = names.get(k) ?? [];
        list.push({ tree, node, alias });
        names.set(k, list);
      }
    }
  }
  const keys = [...names.keys()].sort((a, b) => b.length - a.length);
  const isAncestor = (tree: TreeId, a: ClassNode, b: ClassNode): boolean => {
    for (let p = b.parent; p; p = byCode[tree].get(p)?.parent ?? null) if (p === a.code) return true;
    return false;
  };

  /** One node for a name, or the ambiguous candidates. */
  const pick = (list: ClassMatch[]): Classified => {
    const uniq = list.filter((x, i) => list.findIndex((y) => y.tree === x.tree && y.node.code === x.node.code) === i);
    const deepest = uniq.filter((x) => !uniq.some((y) => y !== x && y.tree === x.tree && isAncestor(x.tree, x.node, y.node)));
    return deepest.length === 1 ? { ok: true, match: deepest[0] } : { ok: false, candidates: deepest };
  };

  /** "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)": resolve by the path. */
  const byPath = (raw: string): Classified => {
    const m = /([^()]+?)\(类\)(.+?)\(款\)(.+?)\(项\)/.exec(fold(raw));
    if (!m) return null;
    const item = names.get(norm(m[3])) ?? [];
    const fit = item.filter((x) => x.tree === 'functional' && x.node.level === 3 && norm(byCode.functional.get(x.node.parent ?? '')?.name ?? '') === norm(m[2]));
    return fit.length ? pick(fit) : null;
  };

  /** The node a name alone gives (the tail of the subject, as reports add words before it). */
  const byName = (subject: string): Classified => {
    for (const c of candidates(norm(subject))) {
      const k = keys.find((key) => c.endsWith(key));
      if (k) return pick(names.get(k)!);
    }
    return null;
  };

  /** 行政运行 named alone: the node under a 款 the document names, else no code. */
  const byBranch = (found: Classified): Classified => {
    const list = found === null ? [] : found.ok ? [found.match] : found.candidates;
    if (!list.length || !list.every((x) => x.tree === 'functional' && x.node.level === 3 && REPEATED_ITEMS.has(x.node.name))) return found;
    const fit = list.filter((x) => branches.has(x.node.code) || branches.has(x.node.parent ?? ''));
    if (fit.length === 1) return { ok: true, match: fit[0] };
    return { ok: false, candidates: list, why: `“${list[0].node.name}”在许多款下都有（${list.map((x) => x.node.code).join('、')}……），文中没有写明它属于哪个款（如“政府办公厅（室）及相关机构事务”），未定代码` };
  };

  const printed = new Map<string, ClassNode>();
  /** "20104-发展与改革事务": the printed code, checked against the name printed with it. */
  const byCode_ = (subject: string): Classified => {
    const m = PRINTED_CODE.exec(stripAsides(fold(subject)).trim());
    if (!m) return null;
    const code = m[1];
    const name = norm(m[2]);
    const named = byName(name);
    const known = byCode.functional.get(code) ?? printed.get(code);
    if (known) {
      if (named?.ok && named.match.tree === 'functional' && named.match.node.code === code) return named;
      if (!byCode.functional.has(code) && norm(known.name) === norm(name)) return { ok: true, match: { tree: 'functional', node: known, alias: null } };
      // The code's own name is another item, or the name is another code's: the two disagree.
      const other = named?.ok ? [named.match] : named ? named.candidates : [];
      return { ok: false, candidates: [{ tree: 'functional', node: known, alias: null }, ...other] };
    }
    const parent = code.length > 3 ? code.slice(0, -2) : null;
    if (parent && !byCode.functional.has(parent) && !printed.has(parent)) return null;
    if (named) return { ok: false, candidates: [...(named.ok ? [named.match] : named.candidates), { tree: 'functional', node: { code, name, parent, level: code.length === 3 ? 1 : code.length === 5 ? 2 : 3 }, alias: null }] };
    const node: ClassNode = { code, name, parent, level: code.length === 3 ? 1 : code.length === 5 ? 2 : 3 };
    printed.set(code, node);
    return { ok: true, match: { tree: 'functional', node, alias: null } };
  };

  return {
    node: (tree, code) => byCode[tree].get(code) ?? (tree === 'functional' ? printed.get(code) : undefined),
    printed: () => [...printed.values()],
    classify(subject, raw) {
      if (raw) {
        const p = byPath(raw);
        if (p) return p;
      }
      const c = byCode_(subject);
      if (c) return c;
      // "人大事务(款)行政运行(项)" when the trees know only 政府办公厅…事务's 行政运行: the printed
      // 款 is not the found 项's parent, so the name alone does not say which 行政运行 it is.
      const path = raw ? /\(类\)(.+?)\(款\)(.+?)\(项\)/.exec(fold(raw)) : null;
      if (path) {
        const named = byName(subject);
        const list = named === null ? [] : named.ok ? [named.match] : named.candidates;
        const elsewhere = list.filter((x) => x.tree === 'functional' && x.node.level === 3 && norm(byCode.functional.get(x.node.parent ?? '')?.name ?? '') !== norm(path[1]));
        if (elsewhere.length && elsewhere.length === list.length) return { ok: false, candidates: elsewhere };
      }
      return byBranch(byName(subject));
    },
  };
}

/**
 * The 款 a document names — by its name anywhere in the text ("政府办公厅（室）及相关机构事务",
 * a path "…(款)", a table row) or by its printed code ("20103 政府办公厅…") — among `functional`.
 */
export function branchesNamed(text: string, functional: ClassNode[]): Set<string> {
  const flat = fold(text).replace(/\s+/g, '');
  const out = new Set<string>();
  for (const node of functional) {
    if (node.level !== 2) continue;
    const forms = [node.name, ...(node.aliases ?? [])].flatMap((n) => [norm(n), fold(n).replace(/\s+/g, '')]).filter((f) => f.length >= 4);
    if (forms.some((f) => flat.includes(f))) out.add(node.code);
  }
  const codes = new Set(functional.filter((n) => n.level === 2).map((n) => n.code));
  for (const m of fold(text).matchAll(/(?<![\d.])(2\d{4})(?![\d.])\s*[-－—–.．、]?\s*[\u4e00-\u9fff]/g)) if (codes.has(m[1])) out.add(m[1]);
  return out;
}
