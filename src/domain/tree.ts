/**
 * Classification-tree helpers, written once: children, ancestry, level, lookup by name (with
 * `aliases`) and the path to a code. Both trees (支出功能分类, 部门预算支出经济分类) nest by code
 * prefix (类 3 digits, 款 5, 项 7), so a code a tree lacks still finds its ancestors by prefix:
 * a report may use a 项 the shipped tree does not list, and its amount still belongs to its 类.
 */
import type { ClassificationFile, ClassNode } from '../model/types';

/** The least a node needs; `name`, `level` and `aliases` are used when present. */
export type TreeNode = Pick<ClassNode, 'code' | 'parent'> & Partial<Pick<ClassNode, 'name' | 'level' | 'aliases'>>;
export type TreeInput = ClassificationFile | readonly TreeNode[] | Tree | undefined;

/** Code prefix lengths per level (类, 款, 项). */
const LEVEL_LENGTHS = [3, 5, 7] as const;

/** Names compare after width folding and without spaces (“商品和服务支出 ” = “商品和服务支出”). */
const normName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

/** An indexed classification tree. Build it once per tree (`treeOf` caches by input). */
export class Tree {
  private readonly nodes = new Map<string, TreeNode>();
  private readonly kids = new Map<string | null, TreeNode[]>();
  private readonly names = new Map<string, TreeNode>();

  constructor(nodes: readonly TreeNode[] = []) {
    for (const n of nodes) {
      this.nodes.set(n.code, n);
      const list = this.kids.get(n.parent) ?? [];
      list.push(n);
      this.kids.set(n.parent, list);
    }
    // Official names win over aliases: an alias never shadows another code's own name.
    for (const n of nodes) if (n.name && !this.names.has(normName(n.name))) this.names.set(normName(n.name), n);
    for (const n of nodes) for (const a of n.aliases ?? []) if (!this.names.has(normName(a))) this.names.set(normName(a), n);
  }

  /** The node of a code, if the tree lists it. */
  node(code: string): TreeNode | undefined {
    return this.nodes.get(code);
  }

  has(code: string): boolean {
    return this.nodes.has(code);
  }

  /** The tree's name of a code; the code itself when the tree lacks it; 全部 for null (the root). */
  name(code: string | null): string {
    return code === null ? '全部' : this.nodes.get(code)?.name ?? code;
  }

  /** Children of a code (null = the 类 at the top), in tree order. */
  children(code: string | null): readonly TreeNode[] {
    return this.kids.get(code) ?? [];
  }

  /** Level of a code: 1 类, 2 款, 3 项 (from the tree, else from the code length). */
  level(code: string): number {
    const n = this.nodes.get(code);
    if (n?.level) return n.level;
    const i = LEVEL_LENGTHS.indexOf(code.length as 3 | 5 | 7);
    return i < 0 ? 0 : i + 1;
  }

  /**
   * Ancestors of a code, nearest first: by the tree's parents when it lists the code, else by
   * code prefix. Guarded against cycles in a malformed tree.
   */
  ancestors(code: string): string[] {
    const out: string[] = [];
    const n = this.nodes.get(code);
    if (n) {
      let cur = n.parent;
      while (cur !== null && cur !== code && !out.includes(cur)) {
        out.push(cur);
        cur = this.nodes.get(cur)?.parent ?? null;
      }
      return out;
    }
    for (const len of [...LEVEL_LENGTHS].reverse()) if (len < code.length) out.push(code.slice(0, len));
    return out;
  }

  /** The chain from the 类 down to the code itself: a 项 → [its 类, its 款, the 项]. */
  path(code: string): string[] {
    return [...this.ancestors(code).reverse(), code];
  }

  /** The chain from the 类 down to a code the tree lists; [] for a code it lacks (a drill path names listed codes only). */
  listedPath(code: string): string[] {
    return this.nodes.has(code) ? this.path(code) : [];
  }

  /** True when `code` lies strictly below `parent` (null = the root above every 类). */
  isBelow(code: string | null, parent: string | null): boolean {
    if (code === null) return false;
    if (parent === null) return true;
    return this.ancestors(code).includes(parent);
  }

  /** The node a report's name refers to: its official name or one of its aliases. */
  byName(name: string): TreeNode | undefined {
    return this.names.get(normName(name));
  }

  /**
   * The items nearest below `parent`: below it, with no other item's code in between. Missing
   * intermediate levels are skipped (a 项 counts directly under its 类 when the 款 is not stated).
   */
  nearestBelow<T>(parent: string | null, items: readonly T[], codeOf: (x: T) => string | null): T[] {
    const below = items.filter((x) => this.isBelow(codeOf(x), parent));
    const codes = new Set(below.map(codeOf));
    return below.filter((x) => !this.ancestors(codeOf(x)!).some((a) => codes.has(a) && this.isBelow(a, parent)));
  }

  /** True when the stated codes account for every branch of the tree below `parent`. */
  covers(parent: string | null, stated: ReadonlySet<string>): boolean {
    const memo = new Map<string, boolean>();
    const covered = (code: string, depth: number): boolean => {
      if (stated.has(code)) return true;
      if (memo.has(code)) return memo.get(code)!;
      const kids = this.children(code);
      const ok = depth < LEVEL_LENGTHS.length && kids.length > 0 && kids.every((k) => covered(k.code, depth + 1));
      memo.set(code, ok);
      return ok;
    };
    const kids = this.children(parent);
    return kids.length > 0 && kids.every((k) => covered(k.code, 0));
  }
}

const cache = new WeakMap<object, Tree>();

/** The indexed tree of a classification file or node list (cached per input object). */
export function treeOf(input: TreeInput): Tree {
  if (input instanceof Tree) return input;
  if (!input) return new Tree();
  let t = cache.get(input);
  if (!t) {
    t = new Tree(Array.isArray(input) ? input : (input as ClassificationFile).nodes);
    cache.set(input, t);
  }
  return t;
}
