/**
 * Trends over the years a unit's (or a region's) reports cover: year series of spending in total,
 * by function 类 and by economic 类, and of key roles (本年收入, “三公”经费, 在编人员); for any two
 * years the change in a table and in one paragraph. Pure, Node-tested.
 *
 * Stated figures come first: a year's value is the fact (or measure) the report states, else the
 * sum of its finer stated facts, marked as computed. A region's series sums, per year, only the
 * units whose reports give that figure, and says how many: the count can differ between years.
 */
import type { ColumnTable } from 'arquero';
import { makeLookup, slice, spendingYears } from '../../domain/spending/slices';
import { type NodeKey, type Trees } from '../../domain/spending/types';
import { UnitFigures } from '../../domain/figures';
import { growthPct } from '../../domain/check';
import type { UnitYearFile } from '../../model/types';
import { roleTitle, type MoneyUnit } from '../../model/vocabulary';
import { MONEY, count, money, signed, signedMoney } from '../../ui/format';
import type { ChartSpec } from '../../ui/chart/spec';
import { trendOption, type Point, type Series } from './trend.option';
import { likeForLike, type RollupRow, type UnitYearSummary } from '../../domain/region/summary';
import { DERIVED_MARK, changeSentence } from './model';

interface TrendRow {
  key: string;
  label: string;
  group: Series['group'];
  /** Text per year, in `years` order. */
  cells: string[];
  /** Change from year B to year A (text), or "—". */
  change: string;
  growth: string;
  tone: 'up' | 'down' | null;
}

interface TrendView {
  state: 'ok';
  subject: string;
  years: number[];
  a: number;
  b: number;
  rows: TrendRow[];
  narrative: string;
  chart: ChartSpec;
  /** What the marks and counts mean. */
  note: string;
}

export type TrendModel = { state: 'none'; message: string } | TrendView;

const TOTAL: NodeKey = { basis: null, functional: null, economic: null };

/** The series of one unit, from its facts (决算 spending, all fund sources) and its measures by role. */
export function unitSeries(facts: ColumnTable | null, trees: Trees, files: readonly UnitYearFile[], unit: string): { years: number[]; series: Series[] } {
  const years = facts ? spendingYears(facts, unit) : [];
  const lookups = new Map(years.map((y) => [y, makeLookup(slice(facts!, unit, y, '决算'), trees)]));
  const series: Series[] = [];
  const fromFacts = (key: string, label: string, group: Series['group'], k: NodeKey) => {
    const points = years.map((year) => {
      const a = lookups.get(year)!(k);
      return { year, value: a?.amount ?? null, derived: a ? !a.stated : false };
    });
    if (points.some((p) => p.value !== null)) series.push({ key, label, unit: 'money', group, points });
  };
  fromFacts('t', '本年支出', '合计', TOTAL);
  for (const n of trees.functional.filter((x) => x.level === 1)) fromFacts(`f:${n.code}`, `${n.code} ${n.name}`, '功能分类', { ...TOTAL, functional: n.code });
  for (const n of trees.economic.filter((x) => x.level === 1)) fromFacts(`e:${n.code}`, `${n.code} ${n.name}`, '经济分类', { ...TOTAL, economic: n.code });
  const figures = new UnitFigures(files);
  const roleYears = new Set(years);
  for (const role of ['income.total', 'sangong.total', 'staff.in-post']) for (const y of figures.years(role)) roleYears.add(y);
  const all = [...roleYears].sort((a, b) => a - b);
  for (const [role, unitName] of [['income.total', 'money'], ['sangong.total', 'money'], ['staff.in-post', '人']] as const) {
    const points = all.map((year) => {
      const f = figures.get({ role, year });
      return { year, value: f?.value ?? null, derived: f ? f.provenance !== 'stated' : false };
    });
    if (points.filter((p) => p.value !== null).length) series.push({ key: role, label: roleTitle(role), unit: unitName, group: '主要指标', points });
  }
  // Series over different year sets: align every series to the union.
  const union = [...new Set([...years, ...all])].sort((a, b) => a - b);
  for (const s of series) s.points = union.map((y) => s.points.find((p) => p.year === y) ?? { year: y, value: null, derived: false });
  return { years: union, series };
}

/** The series of a region from its roll-up rows (region "" = all regions). */
export function regionSeries(rows: readonly RollupRow[], region: string, trees: Trees): { years: number[]; series: Series[] } {
  const mine = rows.filter((r) => r.region === region);
  const years = [...new Set(mine.map((r) => r.year))].sort((a, b) => a - b);
  const series: Series[] = [];
  const add = (key: string, label: string, group: Series['group'], dim: RollupRow['dim'], code: string) => {
    const points = years.map((year) => {
      const r = mine.find((x) => x.year === year && x.dim === dim && x.code === code);
      return { year, value: r?.amount ?? null, derived: r ? r.stated < r.units : false, units: r?.units ?? 0 };
    });
    if (points.some((p) => p.value !== null)) series.push({ key, label, unit: 'money', group, points });
  };
  add('t', '本年支出', '合计', 't', '');
  for (const n of trees.functional.filter((x) => x.level === 1)) add(`f:${n.code}`, `${n.code} ${n.name}`, '功能分类', 'f', n.code);
  for (const n of trees.economic.filter((x) => x.level === 1)) add(`e:${n.code}`, `${n.code} ${n.name}`, '经济分类', 'e', n.code);
  return { years, series };
}

/**
 * The trend view for years A (shown) and B (compared; default the year before A that has data).
 * Fewer than two years: a sentence instead of an empty chart.
 */
export function trendModel(
  input: { years: number[]; series: Series[] },
  o: { subject: string; a: number; b: number | null; money: MoneyUnit },
): TrendModel {
  const { years, series } = input;
  if (years.length < 2) return { state: 'none', message: `${o.subject}的报告只涵盖 ${years.join('、') || '—'} 年，至少两年才有趋势。` };
  const a = years.includes(o.a) ? o.a : years[years.length - 1];
  const b = o.b !== null && years.includes(o.b) && o.b !== a ? o.b : ([...years].reverse().find((y) => y < a) ?? years.find((y) => y !== a)!);
  const m = o.money;
  const fmt = (s: Series, p: Point | undefined) => {
    if (!p || p.value === null) return '—';
    const t = s.unit === 'money' ? money(p.value, m) : count(p.value);
    return `${t}${p.derived ? DERIVED_MARK : ''}${p.units !== undefined ? `（${p.units}个单位）` : ''}`;
  };
  const at = (s: Series, y: number) => s.points.find((p) => p.year === y);
  const rows: TrendRow[] = series.map((s) => {
    const pa = at(s, a)?.value ?? null;
    const pb = at(s, b)?.value ?? null;
    const both = pa !== null && pb !== null;
    const g = both ? growthPct(pa, pb) : null;
    return {
      key: s.key,
      label: `${s.label}${s.unit === 'money' ? `（${MONEY[m].label}）` : `（${s.unit}）`}`,
      group: s.group,
      cells: years.map((y) => fmt(s, at(s, y))),
      change: both ? (s.unit === 'money' ? signedMoney(pa - pb, m) : signed(pa - pb, 0)) : '—',
      growth: g === null ? '—' : `${signed(g)}%`,
      tone: both && pa !== pb ? (pa > pb ? 'up' : 'down') : null,
    };
  });
  const total = series.find((s) => s.key === 't');
  const sentences: string[] = [];
  const phrase = (s: Series) => {
    const pa = at(s, a)?.value ?? null;
    const pb = at(s, b)?.value ?? null;
    if (pa === null || pb === null) return null;
    const d = pa - pb;
    const g = growthPct(pa, pb);
    const unitText = s.unit === 'money' ? ` ${MONEY[m].label}` : s.unit;
    const v = (x: number) => (s.unit === 'money' ? money(x, m) : count(x));
    if (d === 0) return `${s.label}：${a} 年为 ${v(pa)}${unitText}，与 ${b} 年持平`;
    return `${s.label}：${a} 年为 ${v(pa)}${unitText}，较 ${b} 年${d > 0 ? '增加' : '减少'} ${v(Math.abs(d))}${unitText}${g === null ? '' : `（${d > 0 ? '增长' : '下降'} ${Math.abs(g).toFixed(2)}%）`}`;
  };
  if (total) {
    const p = phrase(total);
    if (p) sentences.push(p);
  }
  // The function 类 that moved most, in either direction.
  const moved = series
    .filter((s) => s.group === '功能分类')
    .map((s) => ({ s, d: (at(s, a)?.value ?? NaN) - (at(s, b)?.value ?? NaN) }))
    .filter((x) => Number.isFinite(x.d) && x.d !== 0)
    .sort((x, y) => Math.abs(y.d) - Math.abs(x.d))[0];
  if (moved) sentences.push(`变动最大的功能分类 ${phrase(moved.s)}`);
  for (const s of series.filter((x) => x.group === '主要指标')) {
    const p = phrase(s);
    if (p) sentences.push(p);
  }
  const lines = series.filter((s) => s.unit === 'money' && s.group !== '经济分类' && s.group !== '主要指标');
  return {
    state: 'ok',
    subject: o.subject,
    years,
    a,
    b,
    rows,
    narrative: sentences.length ? `${sentences.join('；')}。` : `${a} 年与 ${b} 年没有可以对比的同一口径数字。`,
    chart: {
      id: 'units-trend',
      title: `${o.subject}：本年支出与功能分类（${years[0]}–${years[years.length - 1]}）`,
      option: trendOption(lines, years, { money: m }),
      label: `${o.subject}各年决算支出`,
      description: lines.map((s) => `${s.label}：${s.points.map((p) => `${p.year} ${fmt(s, p)}`).join('，')}`).join('；'),
      height: '320px',
      pngName: `趋势-${o.subject}`,
    },
    note: `只比较决算、本年支出、全部资金来源的同一口径数字。标 ${DERIVED_MARK} 的年份数字由报告所列细项相加（计算），其余为报告所列${series.some((s) => s.points.some((p) => p.units !== undefined)) ? '；括号内是给出该数字的单位数，各年可能不同' : ''}。`,
  };
}

/** At most this many units get their own line in a region's trend chart (the largest of the latest year). */
const UNIT_LINES = 10;

/**
 * A region's trend, never a total over changing units read as a change: the table keeps each
 * year's total with the number of units it covers; 本年支出's change from B to A is summed over
 * the units with both years only ("n 个单位两年均有数据"), and a class's change is given only when
 * the same units report in both years; the chart draws each unit's own line (a sum over a
 * changing set of units is no line).
 */
export function regionTrend(
  input: { rollup: readonly RollupRow[]; summaries: readonly UnitYearSummary[]; region: string; trees: Trees },
  o: { subject: string; a: number; b: number | null; money: MoneyUnit },
): TrendModel {
  const base = trendModel(regionSeries(input.rollup, input.region, input.trees), o);
  if (base.state !== 'ok') return base;
  const { a, b } = base;
  const m = o.money;
  const c = likeForLike(input.summaries, a, b);
  const same = c.units.length > 0 && c.unitsA === c.units.length && c.unitsB === c.units.length;
  const g = c.sumA !== null && c.sumB !== null ? growthPct(c.sumA, c.sumB) : null;
  const rows = base.rows.map((r) => {
    if (r.key === 't') {
      if (c.sumA === null || c.sumB === null) return { ...r, change: '—', growth: '—', tone: null };
      const d = c.sumA - c.sumB;
      return { ...r, change: `${signed(d * MONEY[m].factor, m === 'yuan' ? 0 : 2)}（${c.units.length}个单位）`, growth: g === null ? '—' : `${signed(g)}%`, tone: d > 0 ? ('up' as const) : d < 0 ? ('down' as const) : null };
    }
    return same ? r : { ...r, change: '—', growth: '—', tone: null };
  });
  const lines = unitLines(input.summaries, base.years);
  return {
    ...base,
    rows,
    narrative: same ? `${c.units.length} 个单位两年均有数据。${base.narrative}` : changeSentence(input.summaries, a, b, o.subject, m),
    chart: {
      ...base.chart,
      title: `${o.subject}：各单位本年支出（${base.years[0]}–${base.years[base.years.length - 1]}）`,
      option: trendOption(lines, base.years, { money: m }),
      label: `${o.subject}各单位各年本年支出`,
      description: lines.map((s) => `${s.label}：${s.points.map((p) => `${p.year} ${p.value === null ? '—' : money(p.value, m)}`).join('，')}`).join('；'),
    },
    note: `${base.note}地区合计的单位数各年不同，不画成一条趋势线：图中每条线是一个单位${lines.length < new Set(input.summaries.map((x) => x.unit)).size ? `（本年支出最大的 ${lines.length} 个）` : ''}；本年支出的增减只对两年均有数据的单位计算${same ? '' : '，各分类的增减在两年单位不同时不列出'}。`,
  };
}

/** One 本年支出 line per unit (the largest UNIT_LINES of the latest year they report). */
function unitLines(summaries: readonly UnitYearSummary[], years: number[]): Series[] {
  const by = new Map<string, { label: string; values: Map<number, UnitYearSummary> }>();
  for (const s of summaries) {
    if (s.total === null) continue;
    const u = by.get(s.unit) ?? { label: s.name, values: new Map() };
    u.values.set(s.year, s);
    by.set(s.unit, u);
  }
  const latest = (u: { values: Map<number, UnitYearSummary> }) => u.values.get(Math.max(...u.values.keys()))!.total!;
  return [...by]
    .sort(([, x], [, y]) => latest(y) - latest(x))
    .slice(0, UNIT_LINES)
    .map(([unit, u]) => ({
      key: `u:${unit}`,
      label: u.label,
      unit: 'money',
      group: '合计' as const,
      points: years.map((year) => {
        const v = u.values.get(year);
        return { year, value: v?.total ?? null, derived: v ? !v.totalStated : false };
      }),
    }));
}
