import type { Fact, Indicator, RuleResult } from '../../model/types';
import { OPERATING_CLASSES, parseRole } from '../../model/vocabulary';
import { normalizeQuoteText } from './quote';
import { fmt, result, type Rule, type RuleContext } from './context';

const OPERATING = '机关运行经费';

/** The economic code a record is about: a fact's class, a spending.economic role, an operating.part named by a class. */
function codeOf(ctx: RuleContext, x: Fact | Indicator): string | null {
  if ('amount' in x) return x.economic;
  if (!x.role) return null;
  const { name, qualifier } = parseRole(x.role);
  if (name === 'spending.economic') return qualifier;
  if (name === 'operating.part' && qualifier) return ctx.et.byName(qualifier)?.code ?? null;
  return null;
}

/**
 * operating-scope:<id> — 机关运行经费 is the 日常公用经费 of 基本支出 (the 公用经费 classes, vocabulary OPERATING_CLASSES); a part
 * of it (operating.part:<name>) that is another class, or a figure the report itself calls
 * "机关运行经费中<class>" for a class outside that definition (工资福利支出 …), widens the scope
 * beyond the definition, and its changes cannot be compared with other units' 机关运行经费.
 */
export const operatingScope: Rule = {
  id: 'operating-scope',
  title: '机关运行经费的口径',
  family: 'definition',
  grade: 'warning',
  run(ctx) {
    const out: RuleResult[] = [];
    for (const x of [...ctx.file.facts, ...ctx.file.measures]) {
      const code = codeOf(ctx, x);
      if (!code) continue;
      const isPart = 'role' in x && !!x.role && parseRole(x.role).name === 'operating.part';
      const quote = x.provenance.kind === 'stated' ? normalizeQuoteText(x.provenance.quote) : '';
      const names = [ctx.et.name(code), ...(ctx.et.node(code)?.aliases ?? []), x.label].map(normalizeQuoteText);
      const said = quote.includes(OPERATING) && names.some((n) => n && quote.indexOf(n) > quote.indexOf(OPERATING));
      if (!isPart && !said) continue;
      const cls = ctx.et.path(code)[0];
      const inside = OPERATING_CLASSES.includes(cls);
      const value = 'amount' in x ? x.amount : x.value;
      out.push(
        result(this, `operating-scope:${x.id}`, inside, { found: value }, [x.id],
          inside
            ? `${x.label}（${ctx.et.name(cls)}）属于机关运行经费的口径`
            : `${x.label} ${fmt(value)}：报告把${ctx.et.name(cls)}（${cls}）计入机关运行经费，而机关运行经费只含基本支出中的公用经费（${OPERATING_CLASSES.map((c) => ctx.et.name(c)).join('、')}）`),
      );
    }
    return out;
  },
};
