/**
 * Domain keys on chart items. Option builders put `key` on every data item (a drill step, a
 * role, a record key); the wrapper reads it back on click and hover, and finds the item to
 * highlight by it, so views speak in domain keys and never in series or data indices.
 */

interface ItemEvent {
  name?: unknown;
  data?: unknown;
}

/** The domain key of the item an ECharts event is about: its `key`, else its name; null if none. */
export function itemKey(p: ItemEvent): string | null {
  const data = p.data as { key?: unknown } | null | undefined;
  if (data && typeof data === 'object' && typeof data.key === 'string' && data.key) return data.key;
  return typeof p.name === 'string' && p.name ? p.name : null;
}

type Item = { key?: unknown; children?: unknown };
const hasKey = (d: unknown, key: string) => typeof d === 'object' && d !== null && (d as Item).key === key;

/**
 * Hierarchical series (treemap, sunburst) number their items depth-first from a virtual root
 * at 0, so the first top-level item is 1 and a node's children follow it: the items in that order.
 */
export function treeOrder(items: unknown[]): unknown[] {
  const out: unknown[] = [];
  const walk = (list: unknown[]) => {
    for (const d of list) {
      out.push(d);
      const kids = (d as Item | null)?.children;
      if (Array.isArray(kids)) walk(kids);
    }
  };
  walk(items);
  return out;
}

const treeIndex = (items: unknown[], key: string): number => {
  const i = treeOrder(items).findIndex((d) => hasKey(d, key));
  return i < 0 ? -1 : i + 1;
};

/** Where the item with `key` sits in an option: its series and data index, or null. */
export function itemIndex(option: unknown, key: string): { seriesIndex: number; dataIndex: number } | null {
  const series = (option as { series?: unknown })?.series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  for (let s = 0; s < list.length; s++) {
    const ser = list[s] as { type?: unknown; data?: unknown; nodes?: unknown };
    const data = Array.isArray(ser?.data) ? ser.data : Array.isArray(ser?.nodes) ? ser.nodes : [];
    const i = ser.type === 'treemap' || ser.type === 'sunburst' ? treeIndex(data, key) : data.findIndex((d: unknown) => hasKey(d, key));
    if (i >= 0) return { seriesIndex: s, dataIndex: i };
  }
  return null;
}
