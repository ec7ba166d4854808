import type { RuleResult } from '../../model/types';
import type { Phase } from '../../model/vocabulary';
import { compare, toleranceOf, EPS } from '../check';
import { fmt, measuresWith, result, totalOf, type Rule, type RuleContext } from './context';

/** One side of the 收入支出决算总表: 收入总计 or 支出总计, stated or assembled from its parts. */
interface Side {
  value: number;
  ids: string[];
  /** How the value was found, for the message. */
  text: string;
  /** False when the carry-over that belongs in it is not stated (the value is then a lower bound). */
  complete: boolean;
}

const SIDES = {
  income: { grand: 'income.grand-total', grandTitle: '收入总计', flow: '收入', flowTitle: '本年收入', carry: '年初结转和结余' },
  spending: { grand: 'spending.grand-total', grandTitle: '支出总计', flow: '支出', flowTitle: '本年支出', carry: '年末结转和结余' },
} as const;
type SideName = keyof typeof SIDES;

/** The side as the flow total plus its carry-over (no stated grand total involved). */
function assembled(ctx: RuleContext, side: SideName, year: number, phase: Phase): Side | null {
  const s = SIDES[side];
  const flow = totalOf(ctx, year, phase, s.flow);
  if (!flow) return null;
  const carry = totalOf(ctx, year, phase, s.carry);
  if (!carry) return { value: flow.amount, ids: [flow.id], text: `${s.flowTitle} ${fmt(flow.amount)}（${s.carry}未列明）`, complete: false };
  return { value: flow.amount + carry.amount, ids: [flow.id, carry.id], text: `${s.flowTitle} ${fmt(flow.amount)} + ${s.carry} ${fmt(carry.amount)} = ${fmt(flow.amount + carry.amount)}`, complete: true };
}

function stated(ctx: RuleContext, side: SideName, year: number, phase: Phase): Side | null {
  const m = measuresWith(ctx, SIDES[side].grand, year, 'value', phase)[0];
  return m ? { value: m.value, ids: [m.id], text: `${SIDES[side].grandTitle}（${m.label}）${fmt(m.value)}`, complete: true } : null;
}

/**
 * Compare what a total must be (`whole`, complete) with what its parts give (`part`). When the
 * part lacks its carry-over, the carry-over is the gap; it cannot be negative, so only a part
 * larger than the whole fails. Returns ok, the gap, and the sentence ending.
 */
function judge(whole: Side, part: Side, missing: string): { ok: boolean; gap: number; text: string } {
  const gap = whole.value - part.value;
  if (part.complete) {
    const { ok } = compare(whole.value, part.value);
    return { ok, gap, text: ok ? '一致' : `相差 ${fmt(gap)}` };
  }
  const tol = toleranceOf(whole.value) + EPS;
  if (gap < -tol) return { ok: false, gap, text: `即使${missing}为 0 也多出 ${fmt(-gap)}，结转和结余不能为负` };
  return { ok: true, gap, text: Math.abs(gap) <= tol ? `一致（${missing}应为 0）` : `${missing}未列明，须为 ${fmt(gap)} 才能平衡` };
}

/**
 * balance:<year>[:<phase>] — 收入总计 = 支出总计, where 收入总计 = 本年收入 + 年初结转和结余 and
 * 支出总计 = 本年支出 + 年末结转和结余 (stated grand totals are used as printed). When a
 * carry-over is not stated, the gap it would have to explain is reported; only a gap no
 * carry-over can explain (a negative one) fails.
 *
 * balance:<year>[:<phase>]:income and :spending — a stated 收入总计 (支出总计) against 本年收入
 * (本年支出) plus its carry-over.
 */
export const balance: Rule = {
  id: 'balance',
  title: '收入总计等于支出总计',
  family: 'arithmetic',
  grade: 'error',
  run(ctx) {
    const out: RuleResult[] = [];
    const periods = new Map<string, { year: number; phase: Phase }>();
    for (const f of ctx.facts) if (f.source === null && f.basis === null && f.functional === null && f.economic === null) periods.set(`${f.year}|${f.phase}`, f);
    for (const m of ctx.file.measures) if (m.role === SIDES.income.grand || m.role === SIDES.spending.grand) periods.set(`${m.year}|${m.phase ?? '决算'}`, { year: m.year, phase: m.phase ?? '决算' });

    for (const { year, phase } of [...periods.values()].sort((a, b) => a.year - b.year)) {
      const base = `balance:${year}${phase === '决算' ? '' : `:${phase}`}`;
      const when = `${year}年${phase}`;
      const built = { income: assembled(ctx, 'income', year, phase), spending: assembled(ctx, 'spending', year, phase) };
      const grand = { income: stated(ctx, 'income', year, phase), spending: stated(ctx, 'spending', year, phase) };

      const inc = grand.income ?? built.income;
      const spe = grand.spending ?? built.spending;
      if (inc && spe) {
        let ok: boolean;
        let gap = spe.value - inc.value;
        let text: string;
        if (inc.complete && spe.complete) {
          ok = compare(inc.value, spe.value).ok;
          text = ok ? '收支平衡' : `两者相差 ${fmt(gap)}`;
        } else if (inc.complete) {
          ({ ok, gap, text } = judge(inc, spe, '年末结转和结余'));
        } else if (spe.complete) {
          ({ ok, gap, text } = judge(spe, inc, '年初结转和结余'));
        } else {
          ok = true;
          text = Math.abs(gap) <= toleranceOf(inc.value) + EPS ? '收支平衡' : `结转和结余均未列明，须由其解释的差额为 ${fmt(Math.abs(gap))}`;
        }
        out.push(
          result(
            this,
            base,
            ok,
            { income: inc.value, spending: spe.value, difference: inc.value - spe.value, ...(inc.complete && spe.complete ? {} : { carryOverNeeded: Math.abs(gap) }) },
            [...inc.ids, ...spe.ids],
            `${when}：收入方 ${inc.text}，支出方 ${spe.text}，${text}`,
          ),
        );
      }

      for (const side of ['income', 'spending'] as const) {
        const g = grand[side];
        const b = built[side];
        if (!g || !b) continue;
        const j = judge(g, b, SIDES[side].carry);
        out.push(
          result(
            this,
            `${base}:${side}`,
            j.ok,
            { expected: g.value, found: b.value, difference: b.value - g.value, ...(b.complete ? {} : { carryOverNeeded: j.gap }) },
            [...g.ids, ...b.ids],
            `${when}：${g.text}，${b.text}，${j.text}`,
          ),
        );
      }
    }
    return out;
  },
};
