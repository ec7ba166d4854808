/**
 * The funnel of a chain of operating indicators, shared by #/operations and the big screen.
 */
import { escapeHTML } from '../escape';
import type { EChartsCoreOption } from './echarts';
import { count } from '../format';
import { figureText, isFocused, type OpItem } from '../../domain/operations';
import { PALETTE } from './theme';

/** The name of the invisible end stage (not an indicator id). */
const END = '__end';

/**
 * The funnel of a chain of counts (each stage a part of the one before), with each stage's share of the first.
 * Other figures of the group are not stages: the view shows them as annotations.
 */
export function funnelOption(chain: OpItem[], state: OpsState = {}): EChartsCoreOption {
  const first = chain[0]?.value ?? 0;
  const fs = state.fontScale ?? 1;
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; marker: string }) => {
        const i = chain.find((x) => x.id === p.name);
        if (!i) return escapeHTML(p.name);
        const share = first ? ` （占第一阶段 ${((i.value / first) * 100).toFixed(2)}%）` : '';
        return `${p.marker}${escapeHTML(i.label)}：<b>${escapeHTML(figureText(i, count))}</b>${escapeHTML(share)}`;
      },
    },
    series: [
      {
        type: 'funnel',
        name: chain.map((i) => i.label).join(' → '),
        sort: 'none',
        left: '8%',
        right: '8%',
        top: 8,
        bottom: 8,
        // Widths in proportion to the first stage's count, from zero: a 2.5 % drop looks like one.
        min: 0,
        max: first || 1,
        minSize: '0%',
        maxSize: '100%',
        gap: 4,
        label: {
          show: true,
          position: 'inside',
          fontSize: 13 * fs,
          color: '#fff',
          formatter: (p: { name: string }) => {
            const i = chain.find((x) => x.id === p.name);
            return i ? `${i.label}\n${figureText(i, count)}` : '';
          },
        },
        data: [
          ...chain.map((i, k) => ({
            key: i.id,
            name: i.id,
            value: i.value,
            itemStyle: {
              color: PALETTE[k === 0 ? 0 : 5],
              opacity: state.focus && !isFocused(i, state.focus) ? 0.55 : 1,
              borderColor: isFocused(i, state.focus ?? null) ? '#c75000' : undefined,
              borderWidth: isFocused(i, state.focus ?? null) ? 3 : 0,
            },
          })),
          // ECharts narrows each stage to the next one's width and the last to zero, which would
          // draw a drop to nothing: an invisible end stage of the last count keeps the last stage
          // as wide as its own count.
          { name: END, value: chain[chain.length - 1]?.value ?? 0, itemStyle: { opacity: 0 }, label: { show: false }, tooltip: { show: false }, emphasis: { disabled: true }, silent: true },
        ],
      },
    ],
  };
}

export interface OpsState {
  /** An indicator id or a group key ("group:grid"). */
  focus?: string | null;
  /** Multiplies font sizes (the big screen passes its stage scale × a reading factor). */
  fontScale?: number;
}
