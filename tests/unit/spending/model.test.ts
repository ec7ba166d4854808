import { describe, expect, it } from 'vitest';
import { spendingModel, type SpendingView } from '../../../src/features/spending/model';
import { recordsOf, sourceLine } from '../../../src/domain/provenance';
import type { DrillStep } from '../../../src/model/routes';
import type { MoneyUnit } from '../../../src/model/vocabulary';
import { cellText } from '../../../src/ui/table/columns';
import { allFacts, FIRST, fixtureFile, FIXTURE, SECOND, shipped, trees } from '../overview/fixtures';

const TARGET: DrillStep[] = ['b:项目支出', 'f:206', 'f:20699', 'f:2069999', 'e:310'];

function view(unit: string, path: DrillStep[] = [], o: { year?: number; compare?: number | null; money?: MoneyUnit } = {}) {
  const u = unit === FIXTURE ? { entry: { name: '某单位' }, files: [fixtureFile] } : shipped(unit);
  return spendingModel({
    facts: allFacts,
    trees,
    records: recordsOf(u.files),
    unit,
    unitName: u.entry.name,
    year: o.year ?? 2022,
    compare: o.compare === undefined ? 2021 : o.compare,
    path,
    money: o.money ?? 'wan',
  });
}
const ok = (m: ReturnType<typeof view>): SpendingView => {
  if (m.state !== 'ok') throw new Error(m.message);
  return m;
};

describe('spending model, shipped unit', () => {
  const root = ok(view(FIRST));

  it('the top: total, plans, types, entries; 2021 not split by type', () => {
    expect(root.totalText).toBe('969.29 万元');
    expect(root.plans.map((p) => `${p.label} ${p.text}`)).toEqual(['年初预算 235.80 万元', '调整预算 969.29 万元']);
    expect(root.rows.map((r) => r.key)).toEqual(['b:项目支出', 'b:基本支出']);
    expect(root.compareFigure?.text).toBe('2,928.89 万元');
    expect(root.compareFigure?.change).toEqual({ text: '−1,959.60（−66.91%）', tone: 'down' });
    expect(root.compareNote).toBe('2021年数据没有在这一层级拆分（该年未按支出类型拆分）。');
    expect(root.withoutBasis).toBeNull();
    expect(root.entries.map((e) => e.items.map((i) => i.step))).toEqual([
      ['f:201', 'f:206', 'f:208', 'f:210', 'f:221'],
      ['e:301', 'e:302', 'e:310'],
    ]);
    expect(root.upPath).toBeNull();
    expect(root.compareYears).toEqual([2021]);
  });

  it('names the glossary terms of the level, each with its definition, once and in order of first use', () => {
    const text = (v: SpendingView) => v.terms?.map((r) => r.text).join('') ?? null;
    expect(text(root)).toBe('名词：本年支出、项目支出、基本支出、功能分类、经济分类');
    expect(root.terms?.filter((r) => r.term).map((r) => r.term!.name)).toEqual(['本年支出', '项目支出', '基本支出', '功能分类', '经济分类']);
    expect(root.terms?.find((r) => r.term?.name === '项目支出')?.term?.definition).toMatch(/项目/);
    // Function first: the classification and the classes the level shows.
    const byFunction = ok(view(FIRST, ['f:208']));
    expect(text(byFunction)).toContain('社会保障和就业支出');
    // The economic split of a class: the class and the classification by which it is split.
    expect(text(ok(view(FIRST, TARGET)))).toBe('名词：资本性支出、经济分类');
    // A leaf with no rows whose name is no glossary term has no line.
    expect(ok(view(FIRST, ['b:基本支出', 'f:208', 'f:20805', 'f:2080505'])).terms).toBeNull();
  });

  it('charts: keyed items, drill targets for nested cells, descriptions with figures', () => {
    expect(root.charts.hier?.description).toBe('支出合计，2022年决算969.29 万元，分为 2 项：项目支出 745.99 万元，基本支出 223.30 万元。');
    expect(root.targets.get('b:项目支出')).toEqual(['b:项目支出']);
    // A nested cell drills two levels and passes the single-child levels below it in the same click.
    expect(root.targets.get('b:项目支出>f:206')).toEqual(TARGET);
    expect(root.hoverKeys.get('b:项目支出>f:206')).toBe('b:项目支出');
    expect(root.charts.exec?.description).toBe('2022年支出合计：年初预算 235.80 万元，调整预算 969.29 万元，决算 969.29 万元。');
    expect(root.charts.cmp?.title).toBe('2022年决算');
    expect(root.charts.sankey?.description).toContain('科学技术支出 → 资本性支出 712.69 万元');
    expect(root.charts.hier?.pngName).toBe('宁乡市数据资源中心_2022_支出_支出合计_构成');
  });

  it('the target leaf: 信息网络及软件购置更新 598.34, table columns and totals', () => {
    const v = ok(view(FIRST, TARGET));
    expect(v.path).toEqual(TARGET);
    expect(v.nodeLabel).toBe('资本性支出');
    const row = v.rows.find((r) => r.key === 'e:31007')!;
    expect(row.amount).toBe(598.34);
    const cols = v.table!.columns;
    expect(cols.map((c) => c.label)).toEqual(['名称', '2022年决算（万元）', '占比（%）', '2021年决算（万元）', '增减（万元）', '增减率（%）']);
    expect(cols.map((c) => cellText(c, row))).toEqual(['信息网络及软件购置更新', '598.34', '83.96%', '—', '—', '—']);
    expect(v.table!.totals).toMatchObject({ label: '合计：资本性支出', amount: 712.69 });
    expect(v.compareNote).toBe('该层级无2021年数据（该年未按支出类型拆分）。');
    expect(v.live).toContain('当前层级：支出合计 › 项目支出 › 科学技术支出 › 其他科学技术支出 › 其他科学技术支出 › 资本性支出');
    expect(v.breadcrumbs.map((b) => b.label).at(-1)).toBe('资本性支出');
    // 上一级 returns to the last level that had a choice, past the three passed through.
    expect(v.upPath).toEqual(['b:项目支出']);
    expect(v.breadcrumbs.filter((b) => b.passed).map((b) => b.label)).toEqual(['科学技术支出', '其他科学技术支出', '其他科学技术支出']);
  });

  it('function first compares with 2021, in yuan', () => {
    // The 款 has one 项 in both years: the drill opens the 项, whose 2021 figure the card compares.
    const v = ok(view(FIRST, ['f:206', 'f:20699'], { money: 'yuan' }));
    expect(v.path).toEqual(['f:206', 'f:20699', 'f:2069999']);
    expect(v.totalText).toBe('7,126,900 元');
    expect(v.compareFigure?.text).toBe('26,853,200 元');
    expect(v.compareFigure?.change?.text).toBe('−19,726,300（−73.46%）');
    const row = v.rows.find((r) => r.key === 'e:310')!;
    const cols = v.table!.columns;
    expect(cols.map((c) => cellText(c, row))).toEqual(['资本性支出', '7,126,900', '100.00%', '—', '—', '—']);
    expect(cols[1].exportValue!(row)).toBe(7126900);
    expect(v.compareNote).toBe('2021年数据没有在这一层级拆分。');
  });

  it('a level split by type whose comparison year is not offers the same level without the type', () => {
    const v = ok(view(FIRST, ['b:基本支出', 'f:201', 'f:20103']));
    expect(v.path).toEqual(['b:基本支出', 'f:201', 'f:20103', 'f:2010301']);
    expect(v.withoutBasis).toEqual(['f:201', 'f:20103', 'f:2010301']);
  });

  it('a comparison year without data is not compared, and said so', () => {
    const v = ok(view(FIRST, [], { compare: 2019 }));
    expect(v.compare).toBeNull();
    expect(v.compareNote).toBe('2019年没有支出数据，不作对比。');
    expect(v.table!.columns.map((c) => c.label)).not.toContain('2019年决算（万元）');
  });

  it('a leaf without economic split says what the report does not break down', () => {
    const v = ok(view(FIRST, ['b:基本支出', 'f:208', 'f:20805', 'f:2080505']));
    expect(v.rows).toEqual([]);
    expect(v.empty).toBe('报告没有给出机关事业单位基本养老保险缴费支出的经济分类拆分。');
    expect(v.table).toBeNull();
    expect(v.charts.hier).toBeNull();
  });

  it('drops unknown steps; the 2021 figures are the fact year 2021', () => {
    expect(ok(view(FIRST, ['f:999' as DrillStep])).path).toEqual([]);
    const v = ok(view(FIRST, [], { year: 2021, compare: null }));
    expect(v.totalText).toBe('2,928.89 万元');
    expect(v.rows[0].key).toBe('f:206');
    expect(v.compareYears).toEqual([2022]);
  });

  it('sourceLine names one record by its provenance and several by their labels', () => {
    const rec = recordsOf(shipped(FIRST).files);
    expect(sourceLine(['f-2022-final-total'], rec)).toMatch(/^报告原文/);
    expect(sourceLine(['f-2022-final-basic', 'f-2022-final-project'], rec)).toBe('2 条数据相加：基本支出总计、项目支出');
  });
});

describe('spending model, second shipped unit (only totals by spending type)', () => {
  const v = ok(view(SECOND));
  it('renders the levels it has: the five types, no empty axes, no entries, no comparison year', () => {
    expect(v.totalText).toBe('4,143.91 万元');
    expect(v.rows.map((r) => [r.key, r.amount])).toEqual([
      ['b:项目支出', 3003.64],
      ['b:基本支出', 1140.27],
      ['b:上缴上级支出', 0],
      ['b:经营支出', 0],
      ['b:对附属单位补助支出', 0],
    ]);
    expect(v.entries).toEqual([]);
    expect(v.charts.sankey).toBeNull();
    expect(v.charts.exec).toBeNull();
    expect(v.compare).toBeNull();
    expect(v.compareNote).toBe('2021年没有支出数据，不作对比。');
    expect(v.compareYears).toEqual([]);
    expect(v.table!.fileStem).not.toContain('宁乡');
  });
  it('a type has no breakdown: said in words', () => {
    const b = ok(view(SECOND, ['b:基本支出']));
    expect(b.totalText).toBe('1,140.27 万元');
    expect(b.empty).toBe('报告没有给出基本支出按功能分类或经济分类的明细。');
    expect(b.charts.hier).toBeNull();
    expect(b.charts.cmp).toBeNull();
  });
});

describe('spending model, states', () => {
  it('a unit whose report gives spending only by fund source has no all-source drill (never double counted)', () => {
    const m = view(FIXTURE);
    expect(m.state).toBe('no-data');
    expect(m.state !== 'ok' && m.message).toContain('某单位没有2022年的支出决算数据');
  });
  it('an unknown unit', () => {
    const m = spendingModel({ facts: allFacts, trees, records: new Map(), unit: 'nope', unitName: null, year: 2022, compare: null, path: [], money: 'wan' });
    expect(m.state).toBe('no-unit');
  });
});
