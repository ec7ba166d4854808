import type { Indicator, RuleResult } from '../../model/types';
import { PROCUREMENT_KINDS, SANGONG_ITEM_PARTS, parseRole, type Phase } from '../../model/vocabulary';
import { compare, exceeds } from '../check';
import { fmt, measuresWith, partsWith, phaseOf, result, sum, type Rule, type RuleContext } from './context';

/**
 * Role families whose parts are a closed list: when the report states every part, they must add
 * up to the whole. `groups` lists the parts; a group with several members may be stated as one
 * combined item or as its members (公务用车购置及运行维护 = 购置 + 运行维护).
 */
const FAMILIES: Array<{ part: string; whole: string; groups: Array<{ combined?: string; members: readonly string[] }> }> = [
  {
    part: 'sangong.item',
    whole: 'sangong.total',
    groups: [
      { members: ['因公出国（境）'] },
      ...Object.entries(SANGONG_ITEM_PARTS).map(([combined, members]) => ({ combined, members })),
      { members: ['公务接待'] },
    ],
  },
  { part: 'procurement.kind', whole: 'procurement.total', groups: PROCUREMENT_KINDS.map((k) => ({ members: [k] })) },
];

interface Term {
  text: string;
  value: number;
  records: Indicator[];
}

/**
 * parts-sum:<whole role>:<year>[:<phase>] — the parts of a closed role family sum to its whole
 * when the report states all of them (三公: 因公出国（境）+ 公务用车购置及运行维护 + 公务接待 =
 * “三公”经费; 政府采购: 货物 + 工程 + 服务 = 政府采购支出). Where the parts already carry
 * `sumsToParent` to the whole, children-sum checks the sum and this rule stays silent.
 *
 * parts-sum:<part role>:<combined item>:<year>[:<phase>] — a combined item equals its members
 * when both are stated, and is never less than one member stated alone.
 */
export const partsSum: Rule = {
  id: 'parts-sum',
  title: '分项之和等于总额',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const periods = new Set(ctx.file.measures.filter((m) => m.role).map((m) => `${m.year}|${phaseOf(m)}`));
    for (const p of periods) {
      const [y, phase] = p.split('|') as [string, Phase];
      const year = Number(y);
      const suffix = `${year}${phase === '决算' ? '' : `:${phase}`}`;
      for (const fam of FAMILIES) out.push(...family(this, ctx, fam, year, phase, suffix));
    }
    return out;
  },
};

function family(rule: Rule, ctx: RuleContext, fam: (typeof FAMILIES)[number], year: number, phase: Phase, suffix: string): RuleResult[] {
  const out: RuleResult[] = [];
  const parts = partsWith(ctx, fam.part, year, phase);
  if (parts.length === 0) return out;
  const byItem = new Map(parts.map((m) => [parseRole(m.role!).qualifier!, m]));
  const when = `${year}年${phase === '决算' ? '' : phase}`;

  const terms: Term[] = [];
  let complete = true;
  for (const g of fam.groups) {
    const members = g.members.map((q) => byItem.get(q)).filter((m): m is Indicator => m !== undefined);
    const combined = g.combined ? byItem.get(g.combined) : undefined;
    if (combined && members.length) {
      const found = sum(members.map((m) => m.value));
      const all = members.length === g.members.length;
      const ok = all ? compare(combined.value, found, { decimals: combined.decimals, unit: combined.unit }).ok : !exceeds(found, combined.value, { decimals: combined.decimals, unit: combined.unit });
      out.push(
        result(rule, `parts-sum:${fam.part}:${g.combined}:${suffix}`, ok, { expected: combined.value, found, difference: found - combined.value }, [combined.id, ...members.map((m) => m.id)],
          `${when}${combined.label} ${fmt(combined.value)}，${members.map((m) => `${m.label} ${fmt(m.value)}`).join(' + ')} = ${fmt(found)}${ok ? '，一致' : `，相差 ${fmt(found - combined.value)}`}`),
      );
    }
    if (combined) terms.push({ text: `${combined.label} ${fmt(combined.value)}`, value: combined.value, records: [combined] });
    else if (members.length === g.members.length) terms.push({ text: members.map((m) => `${m.label} ${fmt(m.value)}`).join(' + '), value: sum(members.map((m) => m.value)), records: members });
    else complete = false;
  }
  const whole = measuresWith(ctx, fam.whole, year, 'value', phase)[0];
  if (!whole || !complete) return out;
  const records = terms.flatMap((t) => t.records);
  if (records.every((m) => m.parent === whole.id && m.sumsToParent)) return out;
  const found = sum(terms.map((t) => t.value));
  const c = compare(whole.value, found, { decimals: whole.decimals, unit: whole.unit });
  out.push(
    result(rule, `parts-sum:${fam.whole}:${suffix}`, c.ok, { expected: whole.value, found, difference: found - whole.value, parts: terms.length }, [whole.id, ...records.map((m) => m.id)],
      `${when}${terms.map((t) => t.text).join(' + ')} = ${fmt(found)}，${whole.label} ${fmt(whole.value)}${c.ok ? '，一致' : `，相差 ${fmt(found - whole.value)}`}`),
  );
  return out;
}
