/**
 * The quote check reads a stated figure in every money unit a report prints it in (元, 千元, 万元,
 * 亿元), and a list of amounts ("收、支总计各是1099900,1099900元") as its members, never as one
 * number run together from both.
 */
import { describe, expect, it } from 'vitest';
import { quoteHasValue } from '../../../src/domain/rules/quote';

describe('quoteHasValue in every money unit', () => {
  it.each([
    ['本年支出合计1205000元', 120.5],
    ['本年支出合计1,205,000.00元', 120.5],
    ['本年支出合计1205千元', 120.5],
    ['本年支出合计1,205.3千元', 120.53],
    ['本年支出合计120.5万元', 120.5],
    ['本年支出合计0.01205亿元', 120.5],
    ['本年支出合计1.2亿元', 12000],
  ])('%s states %d 万元', (quote, wan) => {
    expect(quoteHasValue(quote, wan, '万元')).toBe(true);
  });

  it.each([
    ['本年支出合计1205千元', 1205],
    ['本年支出合计1205千元', 12050],
    ['本年支出合计1205元', 1205],
    ['本年支出合计120.5万元', 1205],
    ['本年支出合计0.01205亿元', 1.205],
  ])('%s does not state %d 万元', (quote, wan) => {
    expect(quoteHasValue(quote, wan, '万元')).toBe(false);
  });

  it('reads each member of a list of amounts', () => {
    expect(quoteHasValue('2021年度收、支总计各是1099900,1099900元', 109.99, '万元')).toBe(true);
    expect(quoteHasValue('收、支总计各增加99900,99900元', 9.99, '万元')).toBe(true);
    expect(quoteHasValue('收、支总计各是4125.49,4143.91万元', 4143.91, '万元')).toBe(true);
    // Run together, the list is no figure of the report.
    expect(quoteHasValue('2021年度收、支总计各是1099900,1099900元', 109990010.99, '万元')).toBe(false);
    expect(quoteHasValue('2021年度收、支总计各是1099900,1099900元', 0.99, '万元')).toBe(false);
  });

  it('grouping commas in threes still make one number', () => {
    expect(quoteHasValue('合计1,099,900元', 109.99, '万元')).toBe(true);
    expect(quoteHasValue('合计1,099,900元', 0.01, '万元')).toBe(false);
  });

  it('a 千 before another unit scales it too (3千人 is 3000 人)', () => {
    expect(quoteHasValue('服务群众3千人', 3000, '人')).toBe(true);
    expect(quoteHasValue('服务群众3千人', 3, '人')).toBe(false);
  });
});
