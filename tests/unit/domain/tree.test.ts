import { describe, expect, it } from 'vitest';
import { Tree, treeOf } from '../../../src/domain/tree';
import { economic, functional } from './fixtures';

const ft = treeOf(functional);

describe('Tree', () => {
  it('children, level and name', () => {
    expect(ft.children(null).map((n) => n.code)).toEqual(['201', '206']);
    expect(ft.children('20103').map((n) => n.code)).toEqual(['2010301', '2010302']);
    expect([ft.level('201'), ft.level('20103'), ft.level('2010301'), ft.level('2130101')]).toEqual([1, 2, 3, 3]);
    expect([ft.name('2010301'), ft.name(null), ft.name('9999999')]).toEqual(['行政运行', '全部', '9999999']);
  });

  it('ancestry by the tree, and by code prefix for codes the tree lacks', () => {
    expect(ft.ancestors('2010301')).toEqual(['20103', '201']);
    expect(ft.path('2069999')).toEqual(['206', '20699', '2069999']);
    expect(ft.ancestors('2130101')).toEqual(['21301', '213']);
    expect(ft.isBelow('2010301', '201')).toBe(true);
    expect(ft.isBelow('2010301', '206')).toBe(false);
    expect(ft.isBelow('201', null)).toBe(true);
  });

  it('a listed path names only codes the tree lists (a drill path or a search link)', () => {
    expect(ft.listedPath('2010301')).toEqual(['201', '20103', '2010301']);
    expect(ft.listedPath('201')).toEqual(['201']);
    expect(ft.listedPath('2130101')).toEqual([]);
  });

  it('survives a cycle in a malformed tree', () => {
    const t = new Tree([
      { code: '201', parent: '20101' },
      { code: '20101', parent: '201' },
    ]);
    expect(t.ancestors('201')).toEqual(['20101']);
  });

  it('finds a code by its name or an alias, width-folded', () => {
    const et = treeOf(economic);
    expect(et.byName('商品与服务支出')?.code).toBe('302');
    expect(et.byName(' 商品和服务支出 ')?.code).toBe('302');
    expect(et.byName('资本性支出')?.code).toBe('310');
    expect(et.byName('不存在')).toBeUndefined();
  });

  it('nearestBelow skips unstated levels; covers sees complete splits', () => {
    const items = ['2010301', '2010302', '201', '2069999'];
    expect(ft.nearestBelow(null, items, (x) => x)).toEqual(['201', '2069999']);
    expect(ft.nearestBelow('201', items, (x) => x)).toEqual(['2010301', '2010302']);
    expect(ft.covers('201', new Set(['2010301', '2010302']))).toBe(true);
    expect(ft.covers('201', new Set(['2010301']))).toBe(false);
  });

  it('treeOf caches per input and accepts node lists', () => {
    expect(treeOf(functional)).toBe(ft);
    expect(treeOf(functional.nodes).path('2010302')).toEqual(['201', '20103', '2010302']);
    expect(treeOf(undefined).children(null)).toEqual([]);
  });
});
