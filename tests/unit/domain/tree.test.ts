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

  it('edges: a code of no level length, an unlisted 款, a node\'s own level, has and node', () => {
    expect([ft.level('20'), ft.level('2010'), ft.level('201030101')]).toEqual([0, 0, 0]);
    expect(new Tree([{ code: '2', parent: null, level: 2 }]).level('2')).toBe(2);
    expect(ft.ancestors('21301')).toEqual(['213']);
    expect(ft.ancestors('213')).toEqual([]);
    expect(ft.path('21301')).toEqual(['213', '21301']);
    expect([ft.has('20103'), ft.has('20104')]).toEqual([true, false]);
    expect(ft.node('20103')?.name).toBe('政府办公厅（室）及相关机构事务');
    expect(ft.node('20104')).toBeUndefined();
    expect(ft.isBelow(null, null)).toBe(false);
    expect(ft.isBelow('201', '201')).toBe(false);
  });

  it('an alias never shadows another code\'s own name; the first alias wins', () => {
    const t = new Tree([
      { code: '301', parent: null, name: '工资福利支出', aliases: ['商品和服务支出', '人员支出'] },
      { code: '302', parent: null, name: '商品和服务支出', aliases: ['人员支出'] },
    ]);
    expect(t.byName('商品和服务支出')?.code).toBe('302');
    expect(t.byName('人员支出')?.code).toBe('301');
  });

  it('covers: every branch stated at some level below; a parent with no children covers nothing', () => {
    expect(ft.covers('20103', new Set(['2010301', '2010302']))).toBe(true);
    expect(ft.covers('20103', new Set(['2010301']))).toBe(false);
    expect(ft.covers('2010301', new Set())).toBe(false);
    expect(ft.covers(null, new Set(['201', '206']))).toBe(true);
    expect(ft.covers(null, new Set(['2010301', '2010302', '2069999']))).toBe(true);
    expect(ft.covers(null, new Set(['2010301', '2069999']))).toBe(false);
    // The search stops a few levels down (a malformed tree may loop): a code five levels below is not reached.
    const deep = new Tree([
      { code: 'a', parent: null }, { code: 'b', parent: 'a' }, { code: 'c', parent: 'b' }, { code: 'd', parent: 'c' }, { code: 'e', parent: 'd' }, { code: 'f', parent: 'e' },
    ]);
    expect(deep.covers('a', new Set(['e']))).toBe(true);
    expect(deep.covers('a', new Set(['f']))).toBe(false);
  });

  it('nearestBelow keeps a stated code whose stated ancestor is above the parent', () => {
    expect(ft.nearestBelow('20103', ['201', '2010301'], (x) => x)).toEqual(['2010301']);
    expect(ft.nearestBelow('20103', ['206', '2069999'], (x) => x)).toEqual([]);
  });

  it('treeOf caches per input and accepts node lists', () => {
    expect(treeOf(functional)).toBe(ft);
    expect(treeOf(functional.nodes).path('2010302')).toEqual(['201', '20103', '2010302']);
    expect(treeOf(undefined).children(null)).toEqual([]);
  });
});
