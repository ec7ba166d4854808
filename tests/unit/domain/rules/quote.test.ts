import { describe, expect, it } from 'vitest';
import { chineseNumber, quoteHasValue } from '../../../../src/domain/rules';
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
