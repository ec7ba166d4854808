/**
 * Function → economic flow of the current node (sankey). Node names are DrillStep keys
 * ('f:206', 'e:310', 'rest:e' = 未细分) so highlight and drill go by key.
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { amountText, categoryColors, inUnit, REST_COLOR, tooltipHTML } from '../../ui/chart/theme';

export interface SankeyNode {
  name: string;
  label: string;
  side: 'f' | 'e';
  drill: string[] | null;
}
export interface SankeyLink {
  source: string;
  target: string;
  /** 万元 */
  value: number;
  sourceText: string;
}

export function sankeyOption(nodes: SankeyNode[], links: SankeyLink[], o: { money: MoneyUnit }): EChartsCoreOption {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const label = (k: string) => byName.get(k)?.label ?? k;
  const totals = new Map<string, number>();
  for (const l of links) {
    totals.set(l.source, (totals.get(l.source) ?? 0) + l.value);
    totals.set(l.target, (totals.get(l.target) ?? 0) + l.value);
  }
  // Each side in its own dimension's colours, as the treemap and the wall colour the same classes.
  const colours = new Map<string, string>();
  for (const side of ['f', 'e'] as const) {
    const names = nodes.filter((n) => n.side === side && !n.name.startsWith('rest')).map((n) => n.name);
    categoryColors(names).forEach((c, i) => colours.set(names[i], c));
  }
  return {
    animation: false,
    tooltip: {
      confine: true,
      formatter: (p: { dataType: string; name: string; data: { source?: string; target?: string; raw?: number; src?: string } }) => {
        if (p.dataType === 'edge') {
          const d = p.data;
          return tooltipHTML(`${label(d.source ?? '')} → ${label(d.target ?? '')}`, [amountText(d.raw ?? 0, o.money)], d.src);
        }
        return tooltipHTML(label(p.name), [amountText(totals.get(p.name) ?? 0, o.money)]);
      },
    },
    series: [
      {
        type: 'sankey',
        name: '功能分类 → 经济分类',
        left: 8,
        right: 140,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        draggable: false,
        layoutIterations: 0,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.45, curveness: 0.5 },
        label: {
          formatter: (p: { name: string }) => `${label(p.name)} ${amountText(totals.get(p.name) ?? 0, o.money)}`,
          width: 180,
          overflow: 'truncate',
        },
        data: nodes.map((n) => ({
          name: n.name,
          key: n.name,
          drill: n.drill,
          itemStyle: { color: n.name.startsWith('rest') ? REST_COLOR : colours.get(n.name) },
        })),
        links: links.map((l) => ({ key: `${l.source}>${l.target}`, source: l.source, target: l.target, value: inUnit(l.value, o.money), raw: l.value, src: l.sourceText })),
      },
    ],
  };
}
