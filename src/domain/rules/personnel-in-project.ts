import type { RuleResult } from '../../model/types';
import { PERSONNEL_CLASSES } from '../../model/vocabulary';
import { fmt, groupBy, groupKey, result, type Rule } from './context';

/**
 * personnel-in-project:<fact id> — personnel economic classes (人员经费: 工资福利支出, 对个人和
 * 家庭的补助; vocabulary PERSONNEL_CLASSES) booked as 项目支出. 人员经费 belongs in 基本支出; in
 * 项目支出 it needs a reason (and it makes 基本支出 and 人员经费 look smaller than they are).
 * personnel-in-project:<year>:<phase> — the year's 项目支出 split by economic class holds none.
 */
export const personnelInProject: Rule = {
  id: 'personnel-in-project',
  title: '项目支出中的人员经费',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    const project = ctx.facts.filter((f) => f.flow === '支出' && f.basis === '项目支出' && f.economic !== null);
    for (const group of groupBy(project, (f) => groupKey(f.year, f.phase)).values()) {
      const found = group.filter((f) => PERSONNEL_CLASSES.includes(ctx.et.path(f.economic!)[0]) && f.amount > 0);
      // One finding per booking: the class row, not again its 款 below it.
      const outer = found.filter((f) => !found.some((o) => o !== f && o.functional === f.functional && ctx.et.isBelow(f.economic, o.economic)));
      for (const f of outer)
        out.push(
          result(this, `personnel-in-project:${f.id}`, false, { found: f.amount }, [f.id],
            `${f.year}年${f.phase}项目支出${f.functional ? `·${ctx.ft.name(f.functional)}` : ''}中列有${ctx.et.name(f.economic)}（${f.economic}）${fmt(f.amount)}万元：人员经费（${PERSONNEL_CLASSES.map((c) => ctx.et.name(c)).join('、')}）应在基本支出中列支`),
        );
      if (outer.length === 0) {
        const g0 = group[0];
        out.push(result(this, `personnel-in-project:${g0.year}:${g0.phase}`, true, { facts: group.length }, group.map((f) => f.id), `${g0.year}年${g0.phase}项目支出的经济分类中没有人员经费`));
      }
    }
    return out;
  },
};
