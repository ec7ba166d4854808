/**
 * The reference vocabulary (data/reference/): the 功能分类 类 and common 款/项 with their older
 * names, the 部门预算 经济分类 类, and the wordings reports use for each role. The text importer
 * matches item names against the data's own classification trees and these lists; a code it takes
 * from the lists that the data's trees lack comes back as a new code for the classification files.
 */
import type { ClassNode } from '../../model/types';
import economic from '../../../data/reference/economic-classes.json';
import functionalClasses from '../../../data/reference/functional-classes.json';
import functionalItems from '../../../data/reference/functional-items.json';
import terms from '../../../data/reference/report-terms.json';
import { fold } from './fold';
import { stripAsides } from './sentences';

export interface Trees {
  functional: ClassNode[];
  economic: ClassNode[];
}

/** Reference nodes by tree: older names of a 类 become its aliases. */
function referenceNodes(): Trees {
  const renames = new Map<string, string[]>();
  for (const r of functionalItems.renames) renames.set(r.code, [...(renames.get(r.code) ?? []), r.name]);
  const functional = [...(functionalClasses.nodes as ClassNode[]), ...(functionalItems.nodes as ClassNode[])].map((n) =>
    renames.has(n.code) ? { ...n, aliases: [...(n.aliases ?? []), ...renames.get(n.code)!] } : n,
  );
  // Reports print the 部门预算 classes (301 …); the 政府预算 classes (501 …) share their names, so
  // matching them too would make every 工资福利支出 ambiguous.
  return { functional, economic: (economic.nodes as ClassNode[]).filter((n) => n.code.startsWith('3')) };
}

/**
 * 项 names printed under many 款 (行政运行 under every 款 of 一般公共服务支出, under 教育管理事务 …):
 * the name alone does not say which 款 the unit's spending is under.
 */
export const REPEATED_ITEMS: ReadonlySet<string> = new Set(functionalItems.repeatedItems);

/** The data's trees with the reference nodes they lack (the data's own names and aliases first). */
export function withReference(trees: Trees): Trees {
  const ref = referenceNodes();
  const merge = (own: ClassNode[], more: ClassNode[]) => {
    const byCode = new Map(own.map((n) => [n.code, n]));
    const out = [...own];
    // Names as matching sees them (asides dropped): a reference node whose name another code already
    // has ("资本性支出（基本建设）" beside 310 资本性支出) would make both ambiguous, so it is left out.
    const key = (x: string) => stripAsides(fold(x)).replace(/\s+/g, '');
    const taken = new Map<string, string>();
    for (const n of [...own, ...more]) for (const name of [n.name, ...(n.aliases ?? [])]) if (!taken.has(key(name))) taken.set(key(name), n.code);
    for (const n of more) {
      const have = byCode.get(n.code);
      // A repeated 项 (行政运行) joins under each of its 款: which one is meant is the document's to say.
      if (!have && !REPEATED_ITEMS.has(n.name) && [n.name, ...(n.aliases ?? [])].some((name) => taken.get(key(name)) !== n.code)) continue;
      if (!have) out.push(n);
      else if (n.aliases?.length) {
        const add = [n.name, ...n.aliases].filter((a) => a !== have.name && !(have.aliases ?? []).includes(a));
        if (add.length) out[out.indexOf(have)] = { ...have, aliases: [...(have.aliases ?? []), ...add] };
      }
    }
    return out;
  };
  return { functional: merge(trees.functional, ref.functional), economic: merge(trees.economic, ref.economic) };
}

/** Codes the file uses that `own` lacks, with their ancestors, as nodes of `all`. */
export function missingCodes(used: Iterable<string>, own: ClassNode[], all: ClassNode[]): ClassNode[] {
  const have = new Set(own.map((n) => n.code));
  const byCode = new Map(all.map((n) => [n.code, n]));
  const out = new Map<string, ClassNode>();
  for (const code of used) {
    for (let c: string | null = code; c && !have.has(c); c = byCode.get(c)?.parent ?? null) {
      const n = byCode.get(c);
      if (!n) break;
      const { aliases, ...plain } = n;
      out.set(c, aliases ? { ...plain, aliases } : plain);
    }
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const norm = (s: string) => fold(s).replace(/[\s“”"]/g, '');
/** Role wordings, longest first, folded as the text is. */
const ROLE_TERMS: Array<[string, string]> = Object.entries(terms.roles as Record<string, string[]>)
  .flatMap(([role, words]) => words.map((w) => [norm(w), role] as [string, string]))
  .sort((a, b) => b[0].length - a[0].length);

/** The role a (folded) subject names by one of its listed wordings, as its last words; null if none. */
export function termRole(subject: string): string | null {
  const s = norm(subject);
  for (const [w, role] of ROLE_TERMS) if (s.endsWith(w)) return role;
  return null;
}
