import type { RuleResult } from '../../model/types';
import { parseRole } from '../../model/vocabulary';
import type { Tree } from '../tree';
import { result, type Rule } from './context';
import { reportLines, spanOf } from './text';

/**
 * The name a record gives its code: the label without a year in front, a parenthesised remark
 * ("（推算）") or what follows the name in a change or share label ("行政运行与2021年度相比增加").
 */
function nameOfLabel(label: string): string {
  return label
    .replace(/^\d{4}年(度)?(末)?/, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/(与|较|比)(上年|上年度|年初|\d{4}年).*$/, '')
    .replace(/(同比|占).*$/, '')
    .trim();
}

/** Occurrences of each name in the text, longer names first so a shorter one is not counted inside it. */
function countIn(text: string, names: string[]): Map<string, { count: number; first: number }> {
  let masked = text;
  const out = new Map<string, { count: number; first: number }>();
  for (const n of [...names].sort((a, b) => b.length - a.length)) {
    let count = 0;
    let first = -1;
    let i = masked.indexOf(n);
    while (i >= 0) {
      count++;
      if (first < 0) first = i;
      masked = masked.slice(0, i) + '\u0000'.repeat(n.length) + masked.slice(i + n.length);
      i = masked.indexOf(n, i + n.length);
    }
    out.set(n, { count, first });
  }
  return out;
}

/**
 * code-names:<functional|economic>:<code> — one classification code goes by one name in one
 * report. The names are the labels of the records with that code (facts, and measures whose role
 * names the code); with the report's text, every name the records or the tree give the code is
 * looked for in the text, and two or more of them found is a finding (商品与服务支出 and
 * 商品和服务支出 for one class). The tree's aliases say a name is known, not that using two is right.
 */
export const codeNames: Rule = {
  id: 'code-names',
  title: '同一科目不同名称',
  family: 'wording',
  grade: 'note',
  run(ctx) {
    const out: RuleResult[] = [];
    const lines = ctx.sourceText === undefined ? null : reportLines(ctx.sourceText);
    const text = lines ? lines.map((l) => l.text).join('\n') : null;
    const dims: Array<{ dim: 'functional' | 'economic'; tree: Tree; role: string }> = [
      { dim: 'functional', tree: ctx.ft, role: 'spending.function' },
      { dim: 'economic', tree: ctx.et, role: 'spending.economic' },
    ];
    for (const { dim, tree, role } of dims) {
      const byCode = new Map<string, Map<string, string[]>>();
      const add = (code: string, label: string, id: string) => {
        const n = nameOfLabel(label);
        if (!n) return;
        const names = byCode.get(code) ?? new Map<string, string[]>();
        names.set(n, [...(names.get(n) ?? []), id]);
        byCode.set(code, names);
      };
      for (const f of ctx.file.facts) if (f[dim] !== null && (dim === 'economic' || f.economic === null)) add(f[dim]!, f.label, f.id);
      for (const m of ctx.file.measures) if (m.role && parseRole(m.role).name === role && parseRole(m.role).qualifier) add(parseRole(m.role).qualifier!, m.label, m.id);
      for (const [code, names] of byCode) {
        let used = [...names.keys()];
        let span: RuleResult['span'];
        if (text !== null && lines) {
          const candidates = [...new Set([...used, tree.node(code)?.name ?? '', ...(tree.node(code)?.aliases ?? [])].filter(Boolean))];
          const counts = countIn(text, candidates);
          const found = candidates.filter((n) => (counts.get(n)?.count ?? 0) > 0);
          if (found.length) used = found;
          if (used.length > 1) {
            // Point to the first occurrence of the least used name: the odd one out.
            const odd = [...used].sort((a, b) => counts.get(a)!.count - counts.get(b)!.count)[0];
            const l = lines.find((x) => x.text.includes(odd));
            if (l) span = spanOf(l, l.text.indexOf(odd), l.text.indexOf(odd) + odd.length);
          }
        }
        const ok = used.length <= 1;
        const ids = [...names.values()].flat();
        out.push(
          result(this, `code-names:${dim}:${code}`, ok, { names: used.length }, ids,
            ok
              ? `${tree.name(code)}（${code}）在报告中只用一个名称`
              : `同一${dim === 'functional' ? '功能分类' : '经济分类'}科目 ${code}（${tree.name(code)}）在报告中有 ${used.length} 个名称：${used.map((n) => `“${n}”`).join('、')}`,
            span ? { span } : {}),
        );
      }
    }
    return out;
  },
};
