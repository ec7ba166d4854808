import type { Fact, Indicator, RuleResult } from '../../model/types';
import { formulaRefs } from '../formula';
import { fmt, result, type Rule } from './context';

/**
 * assumed-input:<derived id> — a derived figure whose formula uses an inferred value (one the
 * report does not print, set by a rule such as "上年无数据按0计"): the figure is only as good as
 * that assumption, and a reader should know it is not the report's.
 */
export const assumedInput: Rule = {
  id: 'assumed-input',
  title: '推算值依赖推定数',
  family: 'definition',
  grade: 'note',
  run(ctx) {
    const out: RuleResult[] = [];
    const byId = new Map<string, Fact | Indicator>([...ctx.file.facts.map((f) => [f.id, f] as const), ...ctx.indicators.map((x) => [x.id, x] as const)]);
    const value = (x: Fact | Indicator) => ('amount' in x ? x.amount : x.value);
    for (const x of byId.values()) {
      if (x.provenance.kind !== 'derived') continue;
      // Follow derived inputs down to the stated and inferred ones.
      const seen = new Set<string>();
      const inferred: Array<Fact | Indicator> = [];
      const walk = (id: string) => {
        if (seen.has(id)) return;
        seen.add(id);
        const r = byId.get(id);
        if (!r) return;
        if (r.provenance.kind === 'inferred') inferred.push(r);
        else if (r.provenance.kind === 'derived') formulaRefs(r.provenance.formula).forEach(walk);
      };
      formulaRefs(x.provenance.formula).forEach(walk);
      if (inferred.length === 0) continue;
      out.push(
        result(this, `assumed-input:${x.id}`, false, { found: value(x), assumed: inferred.length }, [x.id, ...inferred.map((r) => r.id)],
          `${x.label} ${fmt(value(x))} 由公式推算，其中用到报告未印出的推定数：${inferred.map((r) => `${r.label} ${fmt(value(r))}（${r.provenance.kind === 'inferred' ? r.provenance.rule : ''}）`).join('；')}`),
      );
    }
    return out;
  },
};
