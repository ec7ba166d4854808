/** Words for the number keys of rule results, and their display. */
export const NUMBER_LABEL: Record<string, string> = {
  expected: '应为',
  found: '实际',
  difference: '差额',
  tolerance: '容差',
  economicTotal: '经济分类合计',
  functionalTotal: '功能科目合计',
  stated: '报告值',
  recomputed: '复算值',
};

/** A result number: up to 4 decimals, no float noise. */
export function fmtNumber(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return String(Math.round(v * 1e4) / 1e4);
}
