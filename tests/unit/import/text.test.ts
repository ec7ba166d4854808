/** The text importer on small reports: one behaviour per case. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClassNode } from '../../../src/model/types';
import { importText } from '../../../src/import/text/index';
import { SMALL_REPORT, options, trees } from './helpers';

const run = (text: string, over = {}) => importText(text, options(over));

describe('importText', () => {
  it('imports the standard 单位决算 wording: totals, sources, types and shares', () => {
    const r = run(SMALL_REPORT);
    expect(r.errors).toEqual([]);
    const f = r.file!;
    expect(f.facts.find((x) => x.source === '一般公共预算财政拨款')).toMatchObject({ amount: 100.5, flow: '收入', provenance: { section: '二、收入决算情况说明' } });
    expect(f.facts.find((x) => x.basis === '项目支出')?.amount).toBe(40);
    expect(f.measures.find((m) => m.role === 'income.grand-total' && m.stat === 'growth')?.value).toBe(9.55);
  });

  it('reads full-width digits and punctuation, quoting the source as printed', () => {
    const text = SMALL_REPORT.replace('2022年本年收入合计120.5万元', '２０２２年本年收入合计１２０．５万元');
    const f = run(text).file!;
    const total = f.facts.find((x) => x.flow === '收入' && x.source === null)!;
    expect(total.amount).toBe(120.5);
    expect(total.provenance).toMatchObject({ quote: '２０２２年本年收入合计１２０．５万元' });
  });

  it('converts 元 and 亿元 to 万元, keeps the printed number in the quote and says so in a note', () => {
    const text = SMALL_REPORT.replace('其他收入20万元', '其他收入200000元').replace('项目支出40万元', '项目支出0.004亿元');
    const f = run(text).file!;
    const other = f.facts.find((x) => x.source === '其他')!;
    expect(other).toMatchObject({ amount: 20, provenance: { quote: '其他收入200000元' } });
    expect(other.note).toMatch(/“元”.*换算为万元/);
    expect(f.facts.find((x) => x.basis === '项目支出')).toMatchObject({ amount: 40, provenance: { quote: '项目支出0.004亿元' } });
  });

  it('takes the year from the options when given, and refuses a report with no year', () => {
    const noYear = SMALL_REPORT.replace(/2022年度?/g, '本年');
    expect(run(noYear).errors[0].message).toMatch(/找不到报告年度/);
    expect(run(noYear, { year: 2021 }).file?.reportYear).toBe(2021);
  });

  it('matches functional and economic items by name and alias, parts in parentheses included', () => {
    const text = '2022年度决算说明\n2022年基本支出总计187.17万元，其中行政运行187.17万元（工资福利支出157.25万元，商品与服务支出29.92万元）。\n';
    // The unit's file in the data places its 行政运行 under 政府办公厅（室）及相关机构事务.
    const f = run(text, { unitCodes: ['2010301'] }).file!;
    expect(f.facts.find((x) => x.functional === '2010301' && !x.economic)).toMatchObject({ amount: 187.17, basis: '基本支出' });
    const goods = f.facts.find((x) => x.economic === '302')!;
    expect(goods).toMatchObject({ functional: '2010301', basis: '基本支出', amount: 29.92, label: '商品和服务支出' });
    expect(goods.note).toMatch(/别名/);
  });

  it('gives no code to an item the trees do not hold, and lists it for review', () => {
    const r = run('2022年度决算说明\n2022年本年支出合计50万元，其中群众文化30万元，文物保护20万元。\n');
    expect(r.file!.facts.map((x) => x.functional)).toEqual([null]);
    expect(r.review.map((x) => [x.text, x.where.line])).toEqual([
      ['30万元', 2],
      ['20万元', 2],
    ]);
    expect(r.review[0].reason).toMatch(/群众文化/);
  });

  it('does not guess between two items of the same name on different branches', () => {
    const more: ClassNode[] = [
      { code: '207', name: '文化旅游体育与传媒支出', parent: null, level: 1 },
      { code: '20701', name: '文化和旅游', parent: '207', level: 2 },
      { code: '2070101', name: '行政运行', parent: '20701', level: 3 },
    ];
    const r = importText('2022年度决算说明\n2022年本年支出合计60万元，其中行政运行60万元。\n', options({ trees: { ...trees, functional: [...trees.functional, ...more] } }));
    expect(r.file!.facts.some((x) => x.functional)).toBe(false);
    expect(r.review[0].reason).toMatch(/2010301.*2070101|2070101.*2010301/);
  });

  it('codes a 项 printed under many 款 (行政运行) only under a 款 the report or the unit’s files name', () => {
    const alone = run('2022年度决算说明\n2022年本年支出合计60万元，其中行政运行60万元。\n');
    expect(alone.file!.facts.some((x) => x.functional)).toBe(false);
    expect(alone.review.map((x) => [x.text, x.reason])).toEqual([['60万元', expect.stringMatching(/行政运行.*许多款.*2010301.*2050101/)]]);
    // The 款 named elsewhere in the report, by name or by its printed code (a table row).
    for (const named of ['一般公共服务支出60万元，全部为政府办公厅（室）及相关机构事务支出。', '20103 政府办公厅（室）及相关机构事务 60.00']) {
      const r = run(`2022年度决算说明\n${named}\n2022年本年支出合计60万元，其中行政运行60万元。\n`);
      expect(r.file!.facts.find((x) => x.functional === '2010301')?.amount).toBe(60);
    }
    const school = run('2022年度决算说明\n教育支出（类）教育管理事务（款）支出60万元。\n2022年本年支出合计60万元，其中行政运行60万元。\n');
    expect(school.file!.facts.filter((x) => x.functional?.length === 7).map((x) => [x.functional, x.amount])).toEqual([['2050101', 60]]);
    // Another 款's path is no evidence for a 行政运行 of the 款 named elsewhere.
    const other = run('2022年度决算说明\n政府办公厅（室）及相关机构事务情况说明。\n一般公共服务支出（类）人大事务（款）行政运行（项）:支出决算为60万元。\n');
    expect(other.file?.facts.some((x) => x.functional === '2010301') ?? false).toBe(false);
  });

  it('resolves a 类/款/项 path to its item', () => {
    const more: ClassNode[] = [
      { code: '207', name: '文化旅游体育与传媒支出', parent: null, level: 1 },
      { code: '20701', name: '文化和旅游', parent: '207', level: 2 },
      { code: '2070101', name: '行政运行', parent: '20701', level: 3 },
    ];
    const r = importText(
      '2022年度决算说明\n文化旅游体育与传媒支出（类）文化和旅游（款）行政运行（项）:支出决算为60万元。\n',
      options({ trees: { ...trees, functional: [...trees.functional, ...more] } }),
    );
    expect(r.file?.facts.find((x) => x.functional === '2070101')?.amount).toBe(60);
  });

  it('puts a number it cannot place in review with its sentence, never in a role; a count no role fits keeps its own words', () => {
    const r = run(`${SMALL_REPORT}四、其他\n全年接待游客120万人次，实现旅游收入3.5亿元。\n`);
    expect(r.review.map((x) => x.text)).toEqual(['3.5亿元']);
    expect(r.review[0].context).toBe('全年接待游客120万人次，实现旅游收入3.5亿元。');
    expect(r.file!.measures.find((m) => m.unit === '万人次')).toMatchObject({ label: '接待游客', value: 120 });
    expect(r.file!.measures.find((m) => m.unit === '万人次')?.role).toBeUndefined();
  });

  // Time belongs in the bench; here only that a long text completes and a repeated statement stays one figure.
  it('imports a long text, a statement repeated 20000 times giving one figure', { timeout: 180_000 }, () => {
    const big = SMALL_REPORT + '二、其他\n全年开展活动12次，服务群众3000人次，完成任务的100%。\n'.repeat(20000);
    const r = run(big);
    expect(r.file?.measures.filter((m) => m.label === '开展活动' && m.value === 12)).toHaveLength(1);
  });

  describe('the 部门决算 情况说明 wording (a made-up report in the standard phrasing)', () => {
    const r = importText(readFileSync(new URL('./fixtures/bumen-juesuan-standard.txt', import.meta.url), 'utf8'), options());
    const f = r.file!;

    it('places the 财政拨款 totals as such, never as the unit’s 收入总计 / 支出总计', () => {
      expect(f.measures.some((m) => m.role === 'income.grand-total' || m.role === 'spending.grand-total')).toBe(false);
      const fiscal = (role: string, stat = 'value') => f.measures.find((m) => m.role === role && (m.stat ?? 'value') === stat)?.value;
      expect([fiscal('fiscal.income-total'), fiscal('fiscal.spending-total'), fiscal('fiscal.income-total', 'change'), fiscal('fiscal.spending-total', 'change')]).toEqual([500, 500, 20, 20]);
    });

    it('reads 类/款/项 items under the 一般公共预算财政拨款 heading, with last year from 比上年决算', () => {
      expect(f.facts.find((x) => x.functional === '2010301' && x.year === 2023)).toMatchObject({ amount: 300, source: '一般公共预算财政拨款' });
      expect(f.facts.find((x) => x.functional === '2210201' && x.year === 2022)).toMatchObject({ amount: 21, provenance: { kind: 'derived' } });
    });

    it('reads 三公 with 完成预算 into budgets, and 人员经费 / 公用经费 into their places', () => {
      expect(f.measures.find((m) => m.role === 'sangong.total' && m.phase === '年初预算')).toMatchObject({ value: 8, provenance: { kind: 'derived' } });
      expect(f.measures.find((m) => m.role === 'sangong.item:公务接待' && !m.phase)?.value).toBe(2.2);
      expect(f.measures.find((m) => m.role === 'sangong.total' && m.stat === 'completion')).toMatchObject({ value: 77.5, base: 'budget' });
      expect(['basic.personnel', 'basic.public'].map((role) => f.measures.find((m) => m.role === role)?.value)).toEqual([280, 40.5]);
    });

    it('reads 一般公共预算财政拨款支出 as its own figure, with its share and change', () => {
      expect(f.measures.filter((m) => m.role === 'gpb.spending' && m.provenance.kind === 'stated').map((m) => [m.stat ?? 'value', m.value])).toEqual([
        ['value', 480],
        ['share', 96],
        ['change', 15],
        ['growth', 3.23],
      ]);
    });

    it('reads vehicles, equipment and 绩效自评', () => {
      expect(f.measures.find((m) => m.role === 'vehicles.kind:一般公务用车')?.value).toBe(2);
      expect(f.measures.find((m) => m.role === 'assets.equipment-500k')?.value).toBe(0);
      expect(f.measures.find((m) => m.role === 'performance.projects')?.value).toBe(5);
    });
  });
});
