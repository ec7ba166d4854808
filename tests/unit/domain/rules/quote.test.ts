import { describe, expect, it } from 'vitest';
import { chineseNumber, quoteHasValue } from '../../../../src/domain/rules';
import { normalizeQuoteText } from '../../../../src/domain/rules/quote';
import { byKey, fact, measure, of, run, unit } from '../fixtures';

const stated = (quote: string) => ({ kind: 'stated' as const, quote, section: '一' });
const source = '二、支出\n一般行政管理事务10万元。资产总额100万元。建立“市-乡-村-网格”四级垂直治理体系。';

describe('quote', () => {
  it('finds quotes in the source (width-folded) and their values', () => {
    const facts = [fact('f', 10, { provenance: stated('一般行政管理事务１０万元') })];
    const measures = [measure('m', 100, { provenance: stated('资产总额100万元') }), measure('levels', 4, { unit: '级', provenance: stated('四级垂直治理体系') })];
    const rs = run(unit({ facts, measures }), { sourceText: source });
    expect(rs.filter((r) => r.rule === 'quote' && r.status !== 'pass')).toEqual([]);
    expect(of(rs, 'quote')).toHaveLength(3);
  });

  it('a quote not in the source, or one without the value, fails and says where', () => {
    const facts = [fact('f', 10, { label: '一般行政管理事务', provenance: stated('一般行政管理事务11万元') })];
    const measures = [measure('m', 100, { label: '资产总额', provenance: stated('资产总额') })];
    const rs = run(unit({ facts, measures }), { sourceText: source });
    expect(byKey(rs, 'quote:f')).toMatchObject({ status: 'fail', message: '一般行政管理事务：引文在来源文本中找不到（自第 10 字起不符：「1万元」）', numbers: { matchedChars: 9 } });
    expect(byKey(rs, 'quote:m')).toMatchObject({ status: 'fail', message: '资产总额：引文中没有以万元计的数值 100' });
  });

  it('is skipped without a source text', () => {
    expect(of(run(unit({ facts: [fact('f', 10, { provenance: stated('x') })] })), 'quote')).toEqual([]);
  });

  it('numerals and value forms', () => {
    expect([chineseNumber('四'), chineseNumber('十二'), chineseNumber('一百零五'), chineseNumber('二三')]).toEqual([4, 12, 105, NaN]);
    expect(quoteHasValue('因公出国（境）费0万元', 0)).toBe(true);
    expect(quoteHasValue('占账面固定资产总额的100.00%', 100)).toBe(true);
    expect(quoteHasValue('3万余条视频监控数据', 30000)).toBe(true);
    expect(quoteHasValue('较上年增长-18.19%', -18.19)).toBe(true);
    expect(quoteHasValue('政务云通过等级保护３级测评', 3)).toBe(true);
    expect(quoteHasValue('2022年会议费', 0)).toBe(false);
  });

  it('compares the number in the unit the record states: a scaled match only where the units say so', () => {
    // 万元 in 万元, and the conversions an importer makes from 元 and 亿元.
    expect(quoteHasValue('“三公”经费总支出5.74万元', 5.74, '万元')).toBe(true);
    expect(quoteHasValue('“三公”经费总支出5.74万元', 57400, '万元')).toBe(false);
    expect(quoteHasValue('会议费200000元', 20, '万元')).toBe(true);
    expect(quoteHasValue('会议费200,000元', 200000, '万元')).toBe(false);
    expect(quoteHasValue('支出1.2亿元', 12000, '万元')).toBe(true);
    // Counts: 万件 as 万件, 万人次 as 人次, and no unit crossing (万元 is not 万人次).
    expect(quoteHasValue('累计推送227.7万件办件数据', 227.7, '万件')).toBe(true);
    expect(quoteHasValue('已实现扫码7250万人次', 72_500_000, '人次')).toBe(true);
    expect(quoteHasValue('已实现扫码7250万人次', 7250, '人次')).toBe(false);
    expect(quoteHasValue('已实现扫码7250万人次', 7250, '万元')).toBe(false);
    expect(quoteHasValue('3万余条视频监控数据', 30000, '条')).toBe(true);
    // A bare number carries the sentence's unit.
    expect(quoteHasValue('其中行政运行187.17（工资福利支出', 187.17, '万元')).toBe(true);
  });
});

describe('quote: each record with a quote, and the numbers and words of its finding', () => {
  const src = '一、概况\n本年支出合计98765400元。项目支出30万元。功能科目为一般公共服务支出。';

  it('a fact\'s stated quote must hold its amount; its code\'s quote need not; a record without a quote has no finding', () => {
    const facts = [
      fact('f', 9876.54, { label: '支出合计', provenance: stated('本年支出合计98765400元') }),
      fact('g', 31, { label: '项目支出', provenance: stated('项目支出30万元') }),
      fact('c', 30, { label: '一般公共服务', provenance: stated('项目支出30万元'), codeProvenance: stated('一般公共服务支出') }),
      fact('d', 1, { provenance: { kind: 'derived', formula: { op: 'sum', args: ['f'] }, text: '同上' } }),
      fact('n', 2, { provenance: { kind: 'inferred', rule: '推定' } }),
    ];
    const rs = run(unit({ facts }), { sourceText: src });
    expect(of(rs, 'quote').map((r) => r.key)).toEqual(['quote:f', 'quote:g', 'quote:c']);
    expect(byKey(rs, 'quote:f')).toMatchObject({ status: 'pass', records: ['f'], numbers: { found: 9876.54 }, message: '支出合计：引文见于来源，含数值 9876.54' });
    expect(byKey(rs, 'quote:f').numbers).toEqual({ found: 9876.54 });
    expect(byKey(rs, 'quote:g')).toMatchObject({ status: 'fail', message: '项目支出：引文中没有以万元计的数值 31' });
    expect(byKey(rs, 'quote:c').status).toBe('pass');
  });

  it('a quote that departs at its first character: 0 characters matched; the excerpt shown stops after 20 characters', () => {
    const long = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥';
    const rs = run(unit({ facts: [fact('f', 1, { label: '某项', provenance: stated(long) })] }), { sourceText: src });
    expect(byKey(rs, 'quote:f')).toMatchObject({
      status: 'fail', numbers: { found: 1, matchedChars: 0 }, message: `某项：引文在来源文本中找不到（自第 1 字起不符：「${long.slice(0, 20)}」）`,
    });
  });

  it('both problems of one record are named, joined', () => {
    const facts = [fact('f', 5, { label: '某项', provenance: stated('项目支出30万元'), codeProvenance: stated('不在来源中') })];
    expect(byKey(run(unit({ facts }), { sourceText: src }), 'quote:f').message).toBe('某项：引文中没有以万元计的数值 5；引文在来源文本中找不到（自第 1 字起不符：「不在来源中」）');
  });
});

describe('quoteHasValue: reading the number a quote states', () => {
  it('width-folds and drops whitespace on both sides', () => {
    expect(normalizeQuoteText('１２ ３\u3000万元\n')).toBe('123万元');
  });

  it('a number of 2 or 3 digits before its first grouping comma is one number', () => {
    expect(quoteHasValue('合计12,345元', 1.2345, '万元')).toBe(true);
    expect(quoteHasValue('合计123,456,789元', 12345.6789, '万元')).toBe(true);
  });

  it('a scale word without a unit word still scales: 3万 is 30000', () => {
    expect(quoteHasValue('服务群众3万', 30000)).toBe(true);
    expect(quoteHasValue('服务群众3万', 3)).toBe(false);
  });

  it('the unit words must agree: 万人次 never states 元', () => {
    expect(quoteHasValue('已实现扫码7250万人次', 72_500_000, '元')).toBe(false);
    expect(quoteHasValue('会议费200000元', 200000, '元')).toBe(true);
    expect(quoteHasValue('“三公”经费5.74万元', 57400, '元')).toBe(true);
  });

  it('a large amount in 元 matches its 万元 value despite float noise (9876.54 × 10000)', () => {
    expect(quoteHasValue('本年支出合计98765400元', 9876.54, '万元')).toBe(true);
    expect(quoteHasValue('本年支出合计98765401元', 9876.54, '万元')).toBe(false);
  });

  it('Chinese numerals of several characters, and 百分之百 for 100 only', () => {
    expect(quoteHasValue('共建成十二个站点', 12)).toBe(true);
    expect(quoteHasValue('共建成十二个站点', 2)).toBe(false);
    expect(quoteHasValue('完成率达到百分之百', 100)).toBe(true);
    expect(quoteHasValue('完成率达到百分之百', 50)).toBe(false);
    expect(quoteHasValue('完成率达到', 100)).toBe(false);
  });
});
