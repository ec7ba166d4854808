/**
 * table-rows and table-levels, the rules of a printed standard table (公开0N表), on facts whose
 * quotes say where each was printed and in which money unit: each row's total column = its other
 * columns, each 类 = Σ款 and 款 = Σ项, within one unit of the last printed decimal of the table's
 * unit (at least a cent): 0.01 元, 0.01 千元, 0.01 万元, 0.01 亿元, all in 万元.
 */
import { describe, expect, it } from 'vitest';
import { printedCell } from '../../../../src/domain/rules/table-rows';
import type { Fact } from '../../../../src/model/types';
import { byKey, fact, of, run, unit } from '../fixtures';

/** The tables importer's quote of one cell: `<sheet> › 公开0N表 › <title> 第N行 <row>　<column>：<printed>`. */
const cellQuote = (table: string, row: number, rowLabel: string, column: string, printed: string, sheet = 'Sheet1') =>
  `${sheet} › ${table} › 2022年度支出决算表 第${row}行 ${rowLabel}\u3000${column}：${printed}`;
const at = (quote: string) => ({ provenance: { kind: 'stated' as const, quote, section: '表' } });

/** How a value in 万元 is printed in a table of `u`: the importer's form, with the 万元 it comes to. */
const FACTOR: Record<string, number> = { 元: 1e4, 千元: 10, 万元: 1, 亿元: 1e-4 };
const printedIn = (wan: number, u: string, decimals = 2) => {
  const v = (wan * FACTOR[u]).toFixed(decimals);
  return u === '万元' ? `${v}万元` : `${v}${u}（折合${wan}万元）`;
};

describe('printedCell: where a fact was printed, read back from its quote', () => {
  it('reads the sheet, table, row, row label and column', () => {
    const f = fact('x', 170.02, at(cellQuote('公开03表', 11, '2070109 群众文化', '本年支出合计', '170.02万元', '支出决算表')));
    expect(printedCell(f)).toEqual({ sheet: '支出决算表', table: '公开03表', row: 11, rowLabel: '2070109 群众文化', column: '本年支出合计', cent: 0.01 });
  });

  it('one cent of each money unit, in 万元: 元 1e-6, 千元 0.001, 万元 0.01, 亿元 100', () => {
    const cent = (printed: string) => printedCell(fact('x', 1, at(cellQuote('公开03表', 5, '201', '合计', printed))))!.cent;
    expect(cent('1700000.02元（折合170.000002万元）')).toBeCloseTo(1e-6, 15);
    expect(cent('1700.02千元（折合170.002万元）')).toBeCloseTo(0.001, 15);
    expect(cent('170.02万元')).toBeCloseTo(0.01, 15);
    expect(cent('1.70亿元（折合17000万元）')).toBeCloseTo(100, 9);
    // A cell without a printed unit is read in 万元, as the importer did.
    expect(cent('170.02（表中未注明单位，按万元）')).toBeCloseTo(0.01, 15);
  });

  it('more printed decimals narrow the cent; fewer never widen it past a cent', () => {
    const cent = (printed: string) => printedCell(fact('x', 1, at(cellQuote('公开03表', 5, '201', '合计', printed))))!.cent;
    expect(cent('170.125万元')).toBeCloseTo(0.001, 15);
    expect(cent('170万元')).toBeCloseTo(0.01, 15);
    expect(cent('170.1万元')).toBeCloseTo(0.01, 15);
    expect(cent('1700000.125元（折合170.0000125万元）')).toBeCloseTo(1e-7, 16);
  });

  it('is null for a fact from a report\'s text, and for a derived one', () => {
    expect(printedCell(fact('x', 1))).toBeNull();
    expect(printedCell(fact('x', 1, at('2022年支出决算总额为1万元')))).toBeNull();
    expect(printedCell(fact('x', 1, { provenance: { kind: 'derived', formula: { op: 'sum', args: ['a'] } } as never }))).toBeNull();
  });
});

describe('table-rows: a row\'s total column = the sum of its other columns', () => {
  /** 公开03表 row 11: 本年支出合计 = 基本支出 + 项目支出, printed in `u`. */
  const row = (total: number, basic: number, project: number, u = '万元') => [
    fact('t', total, { functional: '2070109', ...at(cellQuote('公开03表', 11, '2070109 群众文化', '本年支出合计', printedIn(total, u))) }),
    fact('b', basic, { functional: '2070109', basis: '基本支出', ...at(cellQuote('公开03表', 11, '2070109 群众文化', '基本支出', printedIn(basic, u))) }),
    fact('p', project, { functional: '2070109', basis: '项目支出', ...at(cellQuote('公开03表', 11, '2070109 群众文化', '项目支出', printedIn(project, u))) }),
  ];

  it('万元: one cent over or under passes, two cents fail, and the finding names table, row, columns and numbers', () => {
    expect(byKey(run(unit({ facts: row(170.01, 100, 70) })), 'table-rows:t').status).toBe('pass');
    expect(byKey(run(unit({ facts: row(169.99, 100, 70) })), 'table-rows:t').status).toBe('pass');
    const r = byKey(run(unit({ facts: row(170.02, 100, 70) })), 'table-rows:t');
    expect(r).toMatchObject({ status: 'fail', grade: 'error', records: ['t', 'b', 'p'], numbers: { expected: 170.02, found: 170, difference: -0.02, tolerance: 0.01, columns: 2 } });
    expect(r.message).toBe('公开03表 第11行 2070109 群众文化：本年支出合计 170.02万元，基本支出 100 + 项目支出 70 = 170万元，相差 -0.02万元（容差 0.01）');
    expect(byKey(run(unit({ facts: row(169.98, 100, 70) })), 'table-rows:t').status).toBe('fail');
    expect(byKey(run(unit({ facts: row(170, 100, 70) })), 'table-rows:t').message).toBe('公开03表 第11行 2070109 群众文化：本年支出合计 170万元，基本支出 100 + 项目支出 70 = 170万元，一致');
  });

  it('元: 0.01 元 off passes, 0.02 元 off fails', () => {
    expect(byKey(run(unit({ facts: row(170, 100, 70.000001, '元') })), 'table-rows:t').status).toBe('pass');
    const r = byKey(run(unit({ facts: row(170, 100, 70.000002, '元') })), 'table-rows:t');
    expect(r).toMatchObject({ status: 'fail', numbers: { tolerance: 0.000001 } });
    expect(r.message).toContain('相差 0.000002万元（容差 0.000001）');
  });

  it('千元: 0.01 千元 off passes, 0.02 千元 off fails', () => {
    expect(byKey(run(unit({ facts: row(170, 100, 70.001, '千元') })), 'table-rows:t').status).toBe('pass');
    expect(byKey(run(unit({ facts: row(170, 100, 70.002, '千元') })), 'table-rows:t')).toMatchObject({ status: 'fail', numbers: { tolerance: 0.001 } });
  });

  it('亿元: 0.01 亿元 (100 万元) off passes, 0.02 亿元 off fails', () => {
    expect(byKey(run(unit({ facts: row(17000, 10000, 7100, '亿元') })), 'table-rows:t').status).toBe('pass');
    expect(byKey(run(unit({ facts: row(17000, 10000, 7200, '亿元') })), 'table-rows:t')).toMatchObject({ status: 'fail', numbers: { tolerance: 100, difference: 200 } });
  });

  /** 公开02表 row 7 (收入): 本年收入合计 and its sources. */
  const income = (cells: Array<[string, number, Fact['source']]>) =>
    cells.map(([id, v, source]) => fact(id, v, { flow: '收入', source, ...at(cellQuote('公开02表', 7, '合计', source ?? '本年收入合计', `${v}万元`)) }));

  it('收入: the total = 财政拨款 + the other sources, the three appropriations (parts of 财政拨款) not counted twice', () => {
    const cells: Array<[string, number, Fact['source']]> = [
      ['t', 100, null],
      ['cz', 80, '财政拨款'],
      ['gen', 80, '一般公共预算财政拨款'],
      ['sy', 20, '事业'],
    ];
    expect(byKey(run(unit({ facts: income(cells) })), 'table-rows:t')).toMatchObject({ status: 'pass', records: ['t', 'cz', 'sy'], numbers: { columns: 2 } });
    cells[3][1] = 20.02;
    expect(byKey(run(unit({ facts: income(cells) })), 'table-rows:t').status).toBe('fail');
  });

  it('收入 without a 财政拨款 column: the total = every source stated', () => {
    const r = byKey(run(unit({ facts: income([['t', 100, null], ['gen', 80, '一般公共预算财政拨款'], ['sy', 20.02, '事业']]) })), 'table-rows:t');
    expect(r).toMatchObject({ status: 'fail', records: ['t', 'gen', 'sy'], numbers: { found: 100.02 } });
  });

  it('公开04表: 财政拨款 = the three appropriations', () => {
    const facts = income([['cz', 100, '财政拨款'], ['gen', 90, '一般公共预算财政拨款'], ['gov', 10.01, '政府性基金预算财政拨款'], ['sy', 5, '事业']]);
    expect(byKey(run(unit({ facts })), 'table-rows:cz')).toMatchObject({ status: 'pass', records: ['cz', 'gen', 'gov'] });
    facts[2].amount = 10.02;
    expect(byKey(run(unit({ facts })), 'table-rows:cz').status).toBe('fail');
  });

  it('a row with one column, or whose only total is another source, has nothing to add up', () => {
    expect(of(run(unit({ facts: income([['sy', 20, '事业']]) })), 'table-rows')).toEqual([]);
    expect(of(run(unit({ facts: income([['t', 100, null]]) })), 'table-rows')).toEqual([]);
    expect(of(run(unit({ facts: income([['sy', 20, '事业'], ['jy', 5, '经营']]) })), 'table-rows')).toEqual([]);
  });

  it('only cells of one table and row are added: the same row number in another table is another row', () => {
    const facts = row(170, 100, 70);
    facts[2] = { ...facts[2], ...at(cellQuote('公开05表', 11, '2070109 群众文化', '项目支出', '75万元')), amount: 75 };
    expect(byKey(run(unit({ facts })), 'table-rows:t')).toMatchObject({ status: 'fail', records: ['t', 'b'], numbers: { found: 100 } });
  });
});

describe('table-levels: in a printed table each 类 = Σ款 and each 款 = Σ项', () => {
  const line = (id: string, code: string, v: number, rowNo: number, u = '万元', column = '本年支出合计') =>
    fact(id, v, { functional: code, ...at(cellQuote('公开03表', rowNo, `${code} 名称`, column, printedIn(v, u))) });
  const levels = (k: number, x1: number, x2: number, u = '万元') => [
    line('c', '207', 460, 5, u),
    line('k', '20701', k, 6, u),
    line('x1', '2070101', x1, 7, u),
    line('x2', '2070109', x2, 8, u),
  ];

  it('a 款 equal to its 项 rows within a cent passes; a 项 short of it by two cents fails, naming the rows', () => {
    expect(byKey(run(unit({ facts: levels(460, 290, 170.01) })), 'table-levels:k').status).toBe('pass');
    expect(byKey(run(unit({ facts: levels(460, 290, 169.99) })), 'table-levels:k').status).toBe('pass');
    const r = byKey(run(unit({ facts: levels(460, 290, 169.98) })), 'table-levels:k');
    expect(r).toMatchObject({ status: 'fail', records: ['k', 'x1', 'x2'], numbers: { expected: 460, found: 459.98, difference: -0.02, tolerance: 0.01, children: 2 } });
    expect(r.message).toBe('公开03表 第6行 20701 名称（本年支出合计）460万元，其下 2 个项之和 459.98万元（第7行 2070101 290 + 第8行 2070109 169.98），相差 -0.02万元（容差 0.01）');
    expect(byKey(run(unit({ facts: levels(460, 290, 170.02) })), 'table-levels:k').status).toBe('fail');
  });

  it('a 类 = Σ its 款 (only the 款, not the 项 below them)', () => {
    const r = byKey(run(unit({ facts: levels(460, 290, 170) })), 'table-levels:c');
    expect(r).toMatchObject({ status: 'pass', records: ['c', 'k'], numbers: { children: 1 } });
    expect(r.message).toContain('其下 1 个款之和 460万元');
    expect(byKey(run(unit({ facts: levels(460.02, 290, 170.02) })), 'table-levels:c').status).toBe('fail');
  });

  it('a 项 has no level below it; the tolerance is the table unit\'s cent (元: 0.01 元)', () => {
    expect(of(run(unit({ facts: levels(460, 290, 170) })), 'table-levels').map((r) => r.key)).toEqual(['table-levels:c', 'table-levels:k']);
    expect(byKey(run(unit({ facts: levels(460, 290, 170.000001, '元') })), 'table-levels:k').status).toBe('pass');
    expect(byKey(run(unit({ facts: levels(460, 290, 170.000002, '元') })), 'table-levels:k')).toMatchObject({ status: 'fail', numbers: { tolerance: 0.000001 } });
  });

  it('rows of another column are not added to this one', () => {
    const facts = [...levels(460, 290, 170), line('x3', '2070102', 5, 9, '万元', '基本支出')];
    expect(byKey(run(unit({ facts })), 'table-levels:k').status).toBe('pass');
  });

  it('经济分类: 类 = Σ款 of the economic rows (key :economic); a 款 has no level below it', () => {
    const econ = (id: string, code: string, v: number, rowNo: number) =>
      fact(id, v, { economic: code, ...at(cellQuote('公开05表', rowNo, `${code} 名称`, '合计', `${v}万元`)) });
    const facts = [econ('e', '301', 100, 5), econ('e1', '30101', 60, 6), econ('e2', '30102', 40.02, 7)];
    const r = byKey(run(unit({ facts })), 'table-levels:e:economic');
    expect(r).toMatchObject({ status: 'fail', records: ['e', 'e1', 'e2'] });
    expect(r.message).toContain('其下 2 个款之和 100.02万元');
    expect(of(run(unit({ facts })), 'table-levels').map((x) => x.key)).toEqual(['table-levels:e:economic']);
  });
});

describe('table rules: edges of reading and of the limit', () => {
  const LIMIT = 0.01 + 1e-9; // one cent of 万元 plus the float allowance every comparison adds

  it('exactly at the limit passes, past it fails (rows and levels)', () => {
    const row = (p: number) => [
      fact('t', 0, at(cellQuote('公开03表', 5, '合计', '本年支出合计', '0.00万元'))),
      fact('b', 0, { basis: '基本支出', ...at(cellQuote('公开03表', 5, '合计', '基本支出', '0.00万元')) }),
      fact('p', p, { basis: '项目支出', ...at(cellQuote('公开03表', 5, '合计', '项目支出', '0.01万元')) }),
    ];
    expect(byKey(run(unit({ facts: row(LIMIT) })), 'table-rows:t')).toMatchObject({ status: 'pass', title: '表内每行合计等于各栏之和' });
    expect(byKey(run(unit({ facts: row(LIMIT + 1e-9) })), 'table-rows:t').status).toBe('fail');
    const levels = (x: number) => [
      fact('k', 0, { functional: '20701', ...at(cellQuote('公开03表', 6, '20701 名称', '合计', '0.00万元')) }),
      fact('x', x, { functional: '2070101', ...at(cellQuote('公开03表', 7, '2070101 名称', '合计', '0.01万元')) }),
    ];
    expect(byKey(run(unit({ facts: levels(LIMIT) })), 'table-levels:k')).toMatchObject({ status: 'pass', title: '表内类等于各款之和、款等于各项之和' });
    expect(byKey(run(unit({ facts: levels(LIMIT + 1e-9) })), 'table-levels:k').status).toBe('fail');
  });

  it('a unit at the end of the cell without 折合 is read too; the row label is trimmed; an inferred fact was not printed', () => {
    const cell = printedCell(fact('x', 170, at(cellQuote('公开03表', 5, '201 一般公共服务支出 ', '合计', '1700000.02元'))))!;
    expect(cell.cent).toBeCloseTo(1e-6, 15);
    expect(cell.rowLabel).toBe('201 一般公共服务支出');
    expect(printedCell(fact('x', 1, { provenance: { kind: 'inferred', rule: '推定', quote: cellQuote('公开03表', 5, '201', '合计', '1万元') } }))).toBeNull();
  });

  const cells = (table: string, rowNo: number, list: Array<[string, number, Partial<Fact>, string]>) =>
    list.map(([id, v, dims, column]) => fact(id, v, { ...dims, ...at(cellQuote(table, rowNo, '合计', column, `${v}万元`)) }));

  it('the total column is the one of all sources and all types, wherever it stands in the row', () => {
    const basisFirst = cells('公开03表', 5, [['b', 60, { basis: '基本支出' }, '基本支出'], ['t', 100, {}, '合计'], ['p', 40.02, { basis: '项目支出' }, '项目支出']]);
    expect(byKey(run(unit({ facts: basisFirst })), 'table-rows:t')).toMatchObject({ status: 'fail', records: ['t', 'b', 'p'] });
    const czFirst = cells('公开02表', 7, [['cz', 80, { flow: '收入', source: '财政拨款' }, '财政拨款'], ['t', 100, { flow: '收入' }, '合计'], ['sy', 20, { flow: '收入', source: '事业' }, '事业']]);
    expect(byKey(run(unit({ facts: czFirst })), 'table-rows:t')).toMatchObject({ status: 'pass', records: ['t', 'cz', 'sy'] });
    const genFirst = cells('公开04表', 7, [['gen', 90, { flow: '收入', source: '一般公共预算财政拨款' }, '一般公共预算'], ['cz', 100, { flow: '收入', source: '财政拨款' }, '合计'], ['gov', 10, { flow: '收入', source: '政府性基金预算财政拨款' }, '政府性基金']]);
    expect(byKey(run(unit({ facts: genFirst })), 'table-rows:cz')).toMatchObject({ status: 'pass', records: ['cz', 'gen', 'gov'] });
  });

  it('a row of one source split by type: that source is the total; types of another source are not its parts', () => {
    const gpb = { source: '一般公共预算财政拨款' as const };
    const facts = cells('公开05表', 6, [
      ['g', 100, gpb, '合计'],
      ['gb', 60, { ...gpb, basis: '基本支出' }, '基本支出'],
      ['gp', 40, { ...gpb, basis: '项目支出' }, '项目支出'],
      ['ob', 7, { source: '事业', basis: '基本支出' }, '其他'],
    ]);
    expect(byKey(run(unit({ facts })), 'table-rows:g')).toMatchObject({ status: 'pass', records: ['g', 'gb', 'gp'] });
    const mixed = cells('公开03表', 5, [['t', 100, {}, '合计'], ['b', 60, { basis: '基本支出' }, '基本支出'], ['p', 40, { basis: '项目支出' }, '项目支出'], ['gb', 30, { ...gpb, basis: '基本支出' }, '其中']]);
    expect(byKey(run(unit({ facts: mixed })), 'table-rows:t')).toMatchObject({ status: 'pass', records: ['t', 'b', 'p'] });
    // Two sources and no total: nothing is the total, even with a type of the first.
    const none = cells('公开02表', 7, [['sy', 20, { source: '事业' }, '事业'], ['jy', 5, { source: '经营' }, '经营'], ['syb', 20, { source: '事业', basis: '基本支出' }, '基本']]);
    expect(of(run(unit({ facts: none })), 'table-rows')).toEqual([]);
  });

  it('levels: rows of another economic class are another column; a 款 without 项 rows and a row without a code are no parent', () => {
    const line = (id: string, v: number, dims: Partial<Fact>, rowNo: number) => fact(id, v, { ...dims, ...at(cellQuote('公开03表', rowNo, id, '合计', `${v}万元`)) });
    const facts = [
      line('all', 999, {}, 4),
      line('c', 460, { functional: '207' }, 5),
      line('k', 460, { functional: '20701' }, 6),
      line('x', 1, { functional: '2070101', economic: '301' }, 7),
      line('k2', 5, { functional: '20702' }, 8),
    ];
    const keys = of(run(unit({ facts })), 'table-levels').map((r) => r.key);
    expect(keys).toEqual(['table-levels:c']);
    expect(byKey(run(unit({ facts })), 'table-levels:c')).toMatchObject({ status: 'fail', records: ['c', 'k', 'k2'], numbers: { found: 465 } });
    const ok = byKey(run(unit({ facts: facts.filter((f) => f.id !== 'k2') })), 'table-levels:c');
    expect(ok.message).toBe('公开03表 第5行 c（合计）460万元，其下 1 个款之和 460万元（第6行 20701 460），一致');
  });
});
