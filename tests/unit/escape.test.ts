import { describe, expect, it } from 'vitest';
import { format } from 'echarts/core';
import { escapeHTML } from '../../src/ui/escape';

const payloads = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  `"><svg onload=alert(1)>`,
  "it's & <b>bold</b>",
  '宁乡市数据资源中心',
  '',
];

describe('escapeHTML', () => {
  it.each(payloads)('agrees with ECharts format.encodeHTML on %s', (s) => {
    expect(escapeHTML(s)).toBe(format.encodeHTML(s));
  });

  it('leaves no markup characters', () => {
    for (const s of payloads) expect(escapeHTML(s)).not.toMatch(/[<>"']/);
  });

  it('turns null and undefined into an empty string and numbers into text', () => {
    expect(escapeHTML(null)).toBe('');
    expect(escapeHTML(undefined)).toBe('');
    expect(escapeHTML(969.29)).toBe('969.29');
  });
});
