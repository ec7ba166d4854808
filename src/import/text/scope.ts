/**
 * The scope a heading gives its paragraphs. Under "五、一般公共预算财政拨款支出决算情况说明" or
 * "二、2018年度一般公共预算收入支出决算情况" the figures are about that fund source: there
 * "本年支出1070.67万元" is the 一般公共预算财政拨款 spending and "年末结转和结余30.65万元" that
 * source's carry-over, never the unit's totals. A total the data format has no place for under a
 * source ("一般公共预算收入总计") goes to review.
 */
import type { Source } from '../../model/vocabulary';
import type { Resolved, Target } from './roles';

/** The fund source a heading names: the default of its items. */
export function sectionSource(section: string[]): Source | null {
  const path = section.join(' ');
  if (/一般公共(?:预算)?(?:财政拨款|收入|支出)/.test(path)) return '一般公共预算财政拨款';
  if (/政府性基金预算(?:财政拨款|收入|支出)/.test(path)) return '政府性基金预算财政拨款';
  if (/国有资本经营预算(?:财政拨款|收入|支出)/.test(path)) return '国有资本经营预算财政拨款';
  return null;
}

const UNIT_TOTALS = new Set(['income.grand-total', 'spending.grand-total']);

/** A target read from words that name the unit's totals, as it stands under a heading scoped to `source`. */
export function scopedTo(t: Target, source: Source): Resolved {
  if (t.kind === 'measure') {
    if (!UNIT_TOTALS.has(t.role)) return t;
    return { kind: 'none', reason: `这一段在“${source}”的标题下，这里的“${t.label}”是${source}的总计，数据格式中没有它的位置` };
  }
  const c = t.cell;
  if (c.source || c.functional || c.economic || c.basis) return t;
  if (c.flow === '支出' && source === '一般公共预算财政拨款')
    return { kind: 'measure', role: 'gpb.spending', phase: t.phase, label: '一般公共预算财政拨款支出' };
  const label = c.flow === '收入' ? `${source}收入` : `${source}${c.flow}`;
  return { ...t, cell: { ...c, source }, label };
}
