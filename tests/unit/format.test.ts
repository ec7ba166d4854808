import { describe, expect, it } from 'vitest';
import { count, money, moneyDecimals, moneyWithUnit, pct, signed, signedMoney } from '../../src/ui/format';

describe('zh-CN number formatting', () => {
  it('converts 万元 to 元, 万元 and 亿元 with grouping', () => {
    expect(money(969.29, 'wan')).toBe('969.29');
    expect(money(969.29, 'yuan')).toBe('9,692,900');
    expect(money(969.29, 'yi')).toBe('0.0969');
    expect(money(2685.32, 'wan')).toBe('2,685.32');
    expect(moneyWithUnit(0.71, 'yuan')).toBe('7,100 元');
  });

  it('never shows -0 and shows a dash for non-finite values', () => {
    expect(money(-1e-12)).toBe('0.00');
    expect(money(Number.NaN)).toBe('—');
    expect(pct(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('formats percentages, signed changes and counts', () => {
    expect(pct(64.2857, 2)).toBe('64.29%');
    expect(signed(5.44)).toBe('+5.44');
    expect(signed(-1972.63)).toBe('−1,972.63');
    expect(signed(0)).toBe('0.00');
    expect(count(156351)).toBe('156,351');
    expect(count(49.5)).toBe('49.5');
    // Decimals as the number holds them, also when JavaScript writes it with an exponent.
    expect(count(2.5e-7)).toBe('0.00000025');
    expect(count(3, 1)).toBe('3.0');
  });

  it('prints every money unit to the 元', () => {
    expect(moneyDecimals('yuan')).toBe(0);
    expect(moneyDecimals('wan')).toBe(2);
    expect(moneyDecimals('yi')).toBe(4);
    expect(signedMoney(-1959.6, 'wan')).toBe('−1,959.60');
    expect(signedMoney(-1959.6, 'yuan')).toBe('−19,596,000');
    expect(signedMoney(1959.6, 'yi')).toBe('+0.1960');
  });
});
