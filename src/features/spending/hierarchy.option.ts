/**
 * The hierarchy chart of the current drill node: a treemap of its children with their own
 * children nested inside (two levels), named by DrillStep keys so highlight and drill work by
 * key; labels come from the classification trees.
 */
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import type { MoneyUnit } from '../../model/vocabulary';
import { amountText, inUnit, categoryColors, pct, REST_COLOR, tooltipHTML } from '../../ui/chart/theme';

export interface HierItem {
  /** DrillStep key (or 'rest' for the remainder); unique within the chart. */
  key: string;
  label: string;
  /** Amount in 万元. */
  amount: number;
  share: number | null;
  /** Path to drill into when clicked; null = not drillable. */
  drill: string[] | null;
  /** One-line provenance for the tooltip. */
  source: string;
  children?: HierItem[];
}

export interface HierOptions {
  money: MoneyUnit;
  /** Name of the node shown (for the accessible title). */
  nodeLabel: string;
}

/** Below this share of the whole chart a cell shows no label (the route lists such items in words). */
const MIN_LABEL_SHARE = 0.03;

/** Treemap option; every data item carries its `key` (also its `name`) and custom `drill` = path. */
export function hierarchyOption(items: HierItem[], o: HierOptions): EChartsCoreOption {
  const labels = new Map<string, HierItem>();
  const whole = items.reduce((s, it) => s + Math.max(it.amount, 0), 0);
  const toData = (it: HierItem, i: number, depth: number): Record<string, unknown> => {
    labels.set(it.key, it);
    const rest = it.key === 'rest' || it.key.startsWith('rest');
    // A cell under 3 % of the chart is too narrow for its name: ECharts would print a cut stub
    // ("3"); it keeps its tooltip, and the page lists the small items in words.
    const tiny = whole > 0 && Math.max(it.amount, 0) / whole < MIN_LABEL_SHARE;
    return {
      name: it.key,
      key: it.key,
      value: inUnit(Math.max(it.amount, 0), o.money),
      drill: it.drill,
      ...(tiny ? { label: { show: false }, upperLabel: { show: false } } : {}),
      ...(depth === 0 ? { itemStyle: { color: rest ? REST_COLOR : colours[i] } } : {}),
      ...(it.children?.length ? { children: it.children.map((c, j) => toData(c, j, depth + 1)) } : {}),
    };
  };
  const shown = items.filter((it) => it.amount > 0);
  const colours = categoryColors(shown.map((it) => it.key));
  const data = shown.map((it, i) => toData(it, i, 0));
  const label = (key: string) => labels.get(key)?.label ?? key;
  return {
    // No animation: drills redraw at once (and motion-sensitive readers are spared).
    animation: false,
    tooltip: {
      confine: true,
      formatter: (p: { name: string }) => {
        const it = labels.get(p.name);
        if (!it) return '';
        return tooltipHTML(it.label, [amountText(it.amount, o.money), it.share == null ? '' : `占上级 ${pct(it.share)}`].filter(Boolean), it.source);
      },
    },
    series: [
      {
        type: 'treemap',
        animation: false,
        animationDurationUpdate: 0,
        name: o.nodeLabel,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        leafDepth: 2,
        label: {
          show: true,
          formatter: (p: { name: string; value: number }) => `${label(p.name)}\n${amountText(labels.get(p.name)?.amount ?? 0, o.money)}`,
          overflow: 'truncate',
        },
        upperLabel: { show: true, height: 22, formatter: (p: { name: string }) => label(p.name), color: '#fff' },
        itemStyle: { borderColor: '#fff', borderWidth: 1, gapWidth: 2 },
        levels: [
          { itemStyle: { borderWidth: 0, gapWidth: 3 } },
          { itemStyle: { borderColor: '#ffffff', borderWidth: 3, gapWidth: 1 }, upperLabel: { show: true } },
          { colorSaturation: [0.35, 0.6], itemStyle: { borderColorSaturation: 0.7, gapWidth: 1, borderWidth: 1 } },
        ],
        emphasis: { itemStyle: { borderColor: '#c75000', borderWidth: 3 } },
        data,
      },
    ],
  };
}
