import type { RuleResult } from '../../model/types';
import type { Tree } from '../tree';
import { fmt, groupBy, groupKey, result, type Rule } from './context';

/**
 * split-levels:<class fact id> — one amount stated in two places of the report at two levels of a
 * classification with two names: a code and its only stated child carry the same amount but are
 * quoted from different sections ("资本性支出3万元" in one, "其他资本性支出3万元" in another). A
 * reader sees two items where there is one; totals must count only one of them.
 */
export const splitLevels: Rule = {
  id: 'split-levels',
  title: '同一笔钱在两处按不同层级列示',
  family: 'wording',
  grade: 'note',
  run(ctx) {
    const out: RuleResult[] = [];
    const sectionOf = (p: (typeof ctx.facts)[number]['provenance']) => (p.kind === 'derived' ? null : (p.section ?? null));
    const check = (t: Tree, code: (f: (typeof ctx.facts)[number]) => string | null, treeName: string, groups: Iterable<(typeof ctx.facts)>) => {
      for (const group of groups) {
        for (const p of group) {
          const c = code(p);
          if (c === null) continue;
          const kids = t.nearestBelow(c, group, code);
          if (kids.length !== 1) continue;
          const k = kids[0];
          const sp = sectionOf(p.provenance);
          const sk = sectionOf(k.provenance);
          if (k.amount !== p.amount || sp === null || sk === null || sp === sk) continue;
          out.push(
            result(this, `split-levels:${p.id}`, false, { found: p.amount }, [p.id, k.id],
              `同一笔 ${fmt(p.amount)}万元 在“${sp}”记为${p.label}（${treeName} ${c}），在“${sk}”记为${k.label}（${code(k)}）：同一支出在两处按不同层级、不同名称列示，合计时只能取一处`),
          );
        }
      }
    };
    const spend = ctx.facts.filter((f) => f.flow === '支出');
    check(ctx.et, (f) => f.economic, '经济分类', groupBy(spend, (f) => groupKey(f.year, f.phase, f.source, f.basis, f.functional)).values());
    check(ctx.ft, (f) => f.functional, '功能分类', groupBy(spend, (f) => groupKey(f.year, f.phase, f.source, f.basis, f.economic)).values());
    return out;
  },
};
