/**
 * Single-child chains collapse: a level whose only child holds all of it is passed through in
 * the same click; the breadcrumb still names it; 上一级 returns to the last level with a choice;
 * and on the shipped data every leaf of every unit opens within three clicks from the total.
 */
import { describe, expect, it } from 'vitest';
import { from } from 'arquero';
import { drill, entries, leafReach } from '../../../../src/domain/spending/drill';
import { collapse, resolvePath } from '../../../../src/domain/spending/paths';
import { makeLookup, slice } from '../../../../src/domain/spending/slices';
import { spendingModel, type SpendingView } from '../../../../src/features/spending/model';
import { recordsOf } from '../../../../src/domain/provenance';
import type { DrillStep } from '../../../../src/model/routes';
import { facts, index, trees } from '../../real-data';
import { allFacts, FIRST, shipped } from '../../overview/fixtures';
import { factRow, smallTrees as t } from './fixtures';

// Every fact here is 决算 of all sources and types: only the classifications vary.
const row = (id: string, year: number, functional: string | null, economic: string | null, amount: number) => factRow(id, year, '决算', null, functional, economic, amount);
// 201 → 20103 → 2010301 is a chain (one child at 100 % each time), then 301/302 is a choice.
// 208 has a stated total but only part of it in a child: a remainder, so no pass-through.
const chain = from([
  row('t', 2022, null, null, 100),
  row('f201', 2022, '201', null, 70),
  row('f20103', 2022, '20103', null, 70),
  row('f2010301', 2022, '2010301', null, 70),
  row('e301', 2022, '2010301', '301', 50),
  row('e302', 2022, '2010301', '302', 20),
  row('f208', 2022, '208', null, 30),
  // 2021 states 20103 but not its 项: passing through to 2010301 would hide it.
  row('p20103', 2021, '20103', null, 60),
]);
const ctx = { unit: 'u', year: 2022, compare: null };

describe('collapse', () => {
  it('passes through every level that has one child holding 100 %, and stops at a choice', () => {
    const value = makeLookup(slice(chain, 'u', 2022, '决算'), t);
    expect(collapse(['f:201'], value, t)).toEqual(['f:201', 'f:20103', 'f:2010301']);
    expect(collapse(['f:201', 'f:20103', 'f:2010301'], value, t)).toEqual(['f:201', 'f:20103', 'f:2010301']);
    expect(collapse([], value, t)).toEqual([]);
  });

  it('a child holding less than its parent (a remainder) is a choice: not passed through', () => {
    const r = drill(chain, ctx, [], t);
    const f201 = r.rows.find((x) => x.key === 'f:201')!;
    expect(f201.drill).toEqual(['f:201', 'f:20103', 'f:2010301']);
    expect(r.rows.find((x) => x.key === 'f:208')!.drill).toEqual(['f:208']);
  });

  it('never leaves a comparison-year figure behind', () => {
    expect(resolvePath(chain, { ...ctx, compare: 2021 }, ['f:201'], t)).toEqual(['f:201', 'f:20103']);
    expect(resolvePath(chain, ctx, ['f:201'], t)).toEqual(['f:201', 'f:20103', 'f:2010301']);
  });

  it('the breadcrumb names every level, marks the passed ones, and 上一级 returns to the last choice', () => {
    const r = drill(chain, ctx, ['f:201'], t);
    expect(r.breadcrumbs.map((b) => `${b.label}${b.passed ? '（经过）' : ''}`)).toEqual(['支出合计', '一般公共服务支出（经过）', '政府办公厅（经过）', '行政运行']);
    expect(r.upPath).toEqual([]);
    expect(r.rows.map((x) => x.key)).toEqual(['e:301', 'e:302']);
    // A link into the middle of the chain shows the same level.
    expect(drill(chain, ctx, ['f:201', 'f:20103'], t).path).toEqual(r.path);
  });

  it('entries at the top carry the collapsed path', () => {
    expect(entries(chain, ctx, 'f', t).map((e) => [e.step, e.path])).toEqual([
      ['f:201', ['f:201', 'f:20103', 'f:2010301']],
      ['f:208', ['f:208']],
    ]);
  });
});

describe('three clicks to any leaf, on the shipped data', () => {
  for (const u of index.units)
    for (const year of u.years.map((y) => y.year))
      for (const compare of [null, year - 1])
        it(`${u.id} ${year} (comparison ${compare ?? 'none'}): every leaf within three clicks`, () => {
          const leaves = leafReach(facts, { unit: u.id, year, compare }, trees);
          expect(leaves.length).toBeGreaterThan(0);
          const far = leaves.filter((l) => l.clicks > 3).map((l) => `${l.label} ${l.path.join(',')} (${l.clicks})`);
          expect(far).toEqual([]);
        });

  it('信息网络及软件购置更新 598.34: 项目支出 → 科学技术支出 shows it, a third click opens it', () => {
    const one = drill(facts, { unit: FIRST, year: 2022, compare: 2021 }, ['b:项目支出'], trees);
    const sci = one.rows.find((r) => r.label === '科学技术支出')!;
    const two = drill(facts, { unit: FIRST, year: 2022, compare: 2021 }, sci.drill!, trees);
    expect(two.label).toBe('资本性支出');
    expect(two.rows.find((r) => r.key === 'e:31007')?.amount).toBe(598.34);
    const leaf = leafReach(facts, { unit: FIRST, year: 2022, compare: 2021 }, trees).find((l) => l.path.join(',') === 'b:项目支出,f:206,f:20699,f:2069999,e:310,e:31007');
    expect(leaf?.clicks).toBe(3);
  });
});

describe('spending model: focus from a search hit', () => {
  const base = (path: DrillStep[], focus: string | null) => {
    const u = shipped(FIRST);
    const m = spendingModel({ facts: allFacts, trees, records: recordsOf(u.files), unit: FIRST, unitName: u.entry.name, year: 2022, compare: 2021, path, money: 'wan', focus });
    if (m.state !== 'ok') throw new Error(m.message);
    return m as SpendingView;
  };
  it('a child row is highlighted', () => {
    const v = base(['b:项目支出', 'f:206'], 'e:31007');
    expect(v.focusKey).toBe('e:31007');
    expect(v.focusNode).toBe(false);
  });
  it('a level passed through points at the node card', () => {
    const v = base(['b:项目支出', 'f:206'], 'f:20699');
    expect(v.focusKey).toBeNull();
    expect(v.focusNode).toBe(true);
  });
  it('a step not on the view points at nothing', () => {
    const v = base([], 'e:31007');
    expect([v.focusKey, v.focusNode]).toEqual([null, false]);
  });
  it('each chart carries the embed hash of this view', () => {
    const v = base(['b:项目支出'], null);
    expect(decodeURIComponent(v.charts.hier!.embed!)).toBe('#/chart?c=spending/hier&unit=ningxiang-drc&year=2022&cmp=2021&path=b:项目支出&money=wan');
  });
});
