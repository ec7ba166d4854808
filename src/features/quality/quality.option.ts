/**
 * Pure option builder for #/quality: pass / fail / known results per reconciliation rule as
 * stacked horizontal bars (labels carry the counts, so colour is never the only cue).
 */
import { escapeHTML } from '../../ui/escape';
import { AXIS_TOOLTIP } from '../../ui/chart/theme';
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { STATUS_COLOR, tipLine } from '../../ui/chart/palette';

export interface RuleCountRow {
  rule: string;
  title: string;
  pass: number;
  fail: number;
  known: number;
}

export const STATUS_LABEL = { pass: '通过', fail: '失败', known: '已知不一致' } as const;

/** Stacked bars of pass / known / fail per rule; every item's key is its rule id. */
export function ruleStatusOption(rows: readonly RuleCountRow[], state: { focusRule?: string | null } = {}): EChartsCoreOption {
  const keys = ['pass', 'known', 'fail'] as const;
  return {
    legend: { top: 0, data: keys.map((k) => STATUS_LABEL[k]) },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    tooltip: {
      ...AXIS_TOOLTIP,
      formatter: (ps: Array<{ dataIndex: number; marker: string; seriesName: string; value: number }>) => {
        const r = rows[ps[0]?.dataIndex ?? 0];
        return `${escapeHTML(r?.title)}（${escapeHTML(r?.rule)}）<br>${ps.map((p) => tipLine(p.marker, p.seriesName, p.value ?? 0)).join('<br>')}`;
      },
    },
    xAxis: { type: 'value', name: '项', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.rule),
      axisLabel: { formatter: (id: string) => rows.find((r) => r.rule === id)?.title ?? id, width: 170, overflow: 'truncate' },
    },
    series: keys.map((k) => ({
      type: 'bar',
      name: STATUS_LABEL[k],
      stack: 'status',
      barMaxWidth: 28,
      itemStyle: { color: STATUS_COLOR[k] },
      label: { show: true, color: '#fff', fontWeight: 'bold', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: rows.map((r) => ({
        key: r.rule,
        name: r.rule,
        value: r[k] || null,
        itemStyle: { opacity: state.focusRule && state.focusRule !== r.rule ? 0.35 : 1 },
      })),
    })),
  };
}
