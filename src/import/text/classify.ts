/**
 * Item names → classification codes, by the trees the data already holds (official names and
 * their `aliases`, e.g. 商品与服务支出 for 302). A name that is not in the trees gets no code: the
 * importer never invents one. A name found on two branches (行政运行 sits under every 款) is
 * ambiguous and goes to review with its candidates; a name repeated down one branch
 * (an "其他…支出" 款 and its "其他…支出" 项) is the deepest node, as reports name the 项.
 */
import type { ClassNode } from '../../model/types';
import { fold } from './fold';
import { stripAsides } from './sentences';

export type TreeId = 'functional' | 'economic';

export interface ClassMatch {
  tree: TreeId;
  node: ClassNode;
  /** The wording that matched, when it was an alias rather than the official name. */
  alias: string | null;
}
export type Classified = { ok: true; match: ClassMatch } | { ok: false; candidates: ClassMatch[] } | null;

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
}

export function treeIndex(trees: { functional: ClassNode[]; economic: ClassNode[] }): TreeIndex {
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

  return {
    node: (tree, code) => byCode[tree].get(code),
    classify(subject, raw) {
      if (raw) {
        const p = byPath(raw);
        if (p) return p;
      }
      for (const c of candidates(norm(subject))) {
        const k = keys.find((key) => c.endsWith(key));
        if (k) return pick(names.get(k)!);
      }
      return null;
    },
  };
}
