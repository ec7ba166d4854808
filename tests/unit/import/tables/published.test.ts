/**
 * The nine standard tables as units publish them (tests/fixtures/tables/published: title,
 * 公开0N表 tag, 部门 / 金额单位 line, merged headers, 栏次 row, 行次 columns, 注 lines): every
 * table has ≥ 95 % of its non-zero cells placed as a figure quoting that table and that row, in
 * every form units print them — one table per sheet, in 元 / 千元 / 万元 / 亿元, stacked in one
 * sheet, one table per CSV in UTF-8 and GBK. The restatements between tables agree, and a row or
 * a 类 that does not add up is a finding naming its table, row and numbers.
 */
import { describe, expect, it } from 'vitest';
import { importTables } from '../../../../src/import/tables';
import { reconcile } from '../../../../src/domain/rules';
import type { ImportResult } from '../../../../src/import/types';
import { encodeGbk, inUnit, perSheet, readDesc, stacked, toCsv, toXlsx, type Desc, type MoneyUnit } from '../../../fixtures/tables/build';
import { opts, trees } from './helpers';

const desc = readDesc('tests/fixtures/tables/published');
const TO_WAN: Record<MoneyUnit, number> = { 元: 1e-4, 千元: 0.1, 万元: 1, 亿元: 1e4 };

/** Non-zero amount cells of each table: its id, the sheet row they sit on in a form, and the amount in 万元. */
function cells(d: Desc, rowOffset: (tableIndex: number) => number) {
  return d.tables.flatMap((t, ti) =>
    t.rows.flatMap((row, r) => row.flatMap((v) => (typeof v === 'number' && v !== 0 ? [{ table: t.id, row: r + rowOffset(ti) + 1, wan: v * TO_WAN[d.moneyUnit] }] : []))),
  );
}

/** Share of each table's non-zero cells with a figure quoting that table, that row and that amount. */
function placedShare(d: Desc, results: ImportResult[], rowOffset: (tableIndex: number) => number): Record<string, number> {
  const records = results.flatMap((r) => [...(r.file?.facts ?? []).map((f) => ({ v: f.amount, p: f.provenance })), ...(r.file?.measures ?? []).map((m) => ({ v: m.value, p: m.provenance }))]);
  const pool = records.map((x) => ({ v: x.v, quote: x.p.kind === 'stated' ? x.p.quote : '', used: false }));
  const share: Record<string, number> = {};
  for (const t of d.tables) {
    const mine = cells(d, rowOffset).filter((c) => c.table === t.id);
    let placed = 0;
    for (const c of mine) {
      const hit = pool.find((x) => !x.used && new RegExp(`公开${c.table}表 › [^›]*表 第${c.row}行[ \u3000]`).test(x.quote) && Math.abs(x.v - c.wan) < 1e-6);
      if (hit) {
        hit.used = true;
        placed++;
      }
    }
    share[t.id] = mine.length ? placed / mine.length : 1;
  }
  return share;
}

const stackOffsets = (d: Desc) => {
  const offsets: number[] = [];
  let n = 0;
  for (const t of d.tables) {
    if (n) n += 2;
    offsets.push(n);
    n += t.rows.length;
  }
  return offsets;
};

const importOne = async (bytes: Uint8Array, fileName: string) => importTables(bytes, opts(fileName));

describe('the nine tables in the published layout', () => {
  it.each(['万元', '元', '千元', '亿元'] as const)('one table per sheet, printed in %s: every table ≥ 95 percent placed, quoting its table and row', async (unit) => {
    const d = inUnit(desc, unit);
    const r = await importOne(await toXlsx(perSheet(d)), `published-${unit}.xlsx`);
    expect(r.errors).toEqual([]);
    const share = placedShare(d, [r], () => 0);
    for (const [table, s] of Object.entries(share)) expect({ table, s }).toEqual({ table, s: expect.toSatisfy((x: number) => x >= 0.95) });
    // 04's 总计 of one appropriation and the cells printed in two tables are all checked and agree.
    const findings = reconcile(r.file!, trees, { sourceText: r.sourceText });
    expect(findings.filter((x) => x.status === 'fail' && x.grade === 'error')).toEqual([]);
    expect(findings.filter((x) => x.rule === 'recompute').length).toBeGreaterThanOrEqual(10);
  }, 30_000);

  it('stacked in one sheet: each table runs from its title to the next one and keeps its own rows', async () => {
    const r = await importOne(await toXlsx([stacked(desc)]), 'stacked.xlsx');
    expect(r.errors).toEqual([]);
    const offsets = stackOffsets(desc);
    const share = placedShare(desc, [r], (i) => offsets[i]);
    for (const s of Object.values(share)) expect(s).toBeGreaterThanOrEqual(0.95);
    expect(r.file!.gaps?.map((g) => g.section) ?? []).not.toContain('支出决算表');
  }, 30_000);

  it('a 目录 of the nine titles before the tables (its own sheet, or atop the stacked sheet) is no table', async () => {
    const toc = [['目录'], ...desc.tables.map((t, i) => [`${'一二三四五六七八九'[i]}、${String(t.rows[0][0]).replace(/^\d{4}年度/, '')}`])];
    const sheet = stacked(desc);
    const r = await importOne(await toXlsx([{ name: '目录', rows: toc, merges: [] }, { ...sheet, rows: [...toc, [], ...sheet.rows], merges: sheet.merges.map((m) => ({ ...m, r0: m.r0 + toc.length + 1, r1: m.r1 + toc.length + 1 })) }]), 'toc.xlsx');
    expect(r.errors).toEqual([]);
    const offsets = stackOffsets(desc).map((o) => o + toc.length + 1);
    for (const s of Object.values(placedShare(desc, [r], (i) => offsets[i]))) expect(s).toBeGreaterThanOrEqual(0.95);
    expect(r.review.filter((x) => /都是/.test(x.reason))).toEqual([]);
  }, 30_000);

  it.each([
    ['UTF-8', (s: string) => new TextEncoder().encode(s)],
    ['GBK', encodeGbk],
  ] as const)('one table per CSV in %s: every table ≥ 95 percent placed, 07 alone (a table of measures only) included', async (_, encode) => {
    const results: ImportResult[] = [];
    for (const t of desc.tables) {
      const r = await importOne(encode(toCsv(t)), `公开${t.id}表.csv`);
      expect(r.errors).toEqual([]);
      results.push(r);
    }
    const share = placedShare(desc, results, () => 0);
    for (const s of Object.values(share)) expect(s).toBeGreaterThanOrEqual(0.95);
  }, 30_000);

  it('the 三公 table with 机关运行经费: budget and actual per item, the 栏次 numbers never amounts', async () => {
    const r = await importOne(await toXlsx(perSheet(desc)), 'p.xlsx');
    const m = r.file!.measures.filter((x) => x.provenance.kind === 'stated' && x.provenance.quote.includes('公开07表'));
    const got = m.map((x) => [x.role, x.phase ?? '决算', x.value]);
    expect(got).toEqual(
      expect.arrayContaining([
        ['sangong.total', '年初预算', 12],
        ['sangong.total', '决算', 8],
        ['sangong.item:公务用车购置及运行维护', '年初预算', 8],
        ['sangong.item:公务用车运行维护', '决算', 6.5],
        ['sangong.item:公务接待', '年初预算', 4],
        ['sangong.item:公务接待', '决算', 1.5],
        ['operating.total', '决算', 40],
      ]),
    );
    // Nothing of the 栏次 row (1 … 13) became a figure.
    expect(m.every((x) => x.provenance.kind === 'stated' && !/第7行/.test(x.provenance.quote))).toBe(true);
    const reception = m.find((x) => x.role === 'sangong.item:公务接待' && !x.phase)!;
    expect(reception.provenance).toMatchObject({ quote: expect.stringMatching(/公开07表 › \S*“三公”经费及机关运行经费支出决算表 第8行\u3000决算数 公务接待费：1\.5万元$/) });
    // 06's panel totals are the 人员经费 / 公用经费 measures; its classes feed the economic split.
    const roles = Object.fromEntries(r.file!.measures.filter((x) => x.role?.startsWith('basic.')).map((x) => [x.role, x.value]));
    expect(roles).toEqual({ 'basic.personnel': 320, 'basic.public': 40 });
    const classes = r.file!.facts.filter((f) => f.economic !== null && f.basis === '基本支出' && f.economic.length === 3).map((f) => [f.economic, f.amount]);
    expect(classes.sort()).toEqual([
      ['301', 300],
      ['302', 38],
      ['303', 20],
      ['310', 2],
    ]);
  }, 30_000);
});

describe('figures that do not add up name their table, row and numbers', () => {
  /** The published tables with one cell changed (table id, row index, column index). */
  const changed = (table: string, row: number, col: number, value: number, d: Desc = desc): Desc => ({
    ...d,
    tables: d.tables.map((t) => (t.id !== table ? t : { ...t, rows: t.rows.map((r, i) => (i !== row ? r : r.map((v, j) => (j === col ? value : v)))) })),
  });
  const findings = async (d: Desc) => {
    const r = await importOne(await toXlsx(perSheet(d)), 'x.xlsx');
    return reconcile(r.file!, trees, {}).filter((x) => x.status === 'fail');
  };
  // 03 row index 10 is 2070109 群众文化 (本年支出合计 170 = 项目支出 170); sheet row 11.
  const row = desc.tables.find((t) => t.id === '03')!.rows.findIndex((r) => r[0] === '2070109');

  it('a row whose total is one cent off passes; more than a cent off is a table-rows finding', async () => {
    expect((await findings(changed('03', row, 2, 170.01))).filter((x) => x.rule === 'table-rows')).toEqual([]);
    const f = (await findings(changed('03', row, 2, 170.02))).filter((x) => x.rule === 'table-rows');
    expect(f).toHaveLength(1);
    expect(f[0].message).toBe(`公开03表 第${row + 1}行 2070109 群众文化：本年支出合计 170.02万元，项目支出 170 = 170万元，相差 -0.02万元（容差 0.01）`);
    expect(f[0].numbers).toMatchObject({ expected: 170.02, found: 170, difference: -0.02 });
  }, 30_000);

  it('in 元 the tolerance is one 元 cent: 0.01 元 off passes, 0.02 元 off fails', async () => {
    const yuan = inUnit(desc, '元');
    expect((await findings(changed('03', row, 2, 1_700_000.01, yuan))).filter((x) => x.rule === 'table-rows')).toEqual([]);
    const f = (await findings(changed('03', row, 2, 1_700_000.02, yuan))).filter((x) => x.rule === 'table-rows');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(`公开03表 第${row + 1}行 2070109 群众文化`);
  }, 30_000);

  it('a 款 short of the sum of its 项 rows is a table-levels finding (children-sum reads the gap as 未细分)', async () => {
    // 03's 2070109 群众文化 printed as 169 in the 本年支出合计 column: 20701 (460) is then 1 more than its 项 rows.
    const f = await findings(changed('03', row, 2, 169));
    const levels = f.filter((x) => x.rule === 'table-levels');
    expect(levels.map((x) => x.message)).toEqual([
      expect.stringMatching(new RegExp(`^公开03表 第${row - 1}行 20701 文化和旅游（本年支出合计）460万元，其下 2 个项之和 459万元（第${row}行 2070101 290 \\+ 第${row + 1}行 2070109 169），相差 -1万元`)),
    ]);
    expect(f.filter((x) => x.rule === 'children-sum')).toEqual([]);
  }, 30_000);

  it('a figure printed in two tables that differs is a recompute finding naming both tables and rows', async () => {
    // 01's 本年收入合计 (sheet row 21) printed as 556 against 02's 合计 555.
    const i = desc.tables.find((t) => t.id === '01')!.rows.findIndex((r) => r[0] === '本年收入合计');
    const f = (await findings(changed('01', i, 2, 556))).filter((x) => x.rule === 'recompute');
    expect(f).toHaveLength(1);
    expect(f[0].message).toMatch(new RegExp(`收入支出决算总表（公开01表）第${i + 1}行 本年收入合计 收入/金额（与2022年度收入决算表（公开02表）第7行 合计 本年收入合计为同一数字）`));
    expect(f[0].numbers).toMatchObject({ found: 556, expected: 555 });
  }, 30_000);
});
