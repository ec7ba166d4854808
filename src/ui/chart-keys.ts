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

/** Where the item with `key` sits in an option: its series and data index, or null. */
export function itemIndex(option: unknown, key: string): { seriesIndex: number; dataIndex: number } | null {
  const series = (option as { series?: unknown })?.series;
  const list = Array.isArray(series) ? series : series ? [series] : [];
  for (let s = 0; s < list.length; s++) {
    const ser = list[s] as { data?: unknown; nodes?: unknown };
    const data = Array.isArray(ser?.data) ? ser.data : Array.isArray(ser?.nodes) ? ser.nodes : [];
    const i = data.findIndex((d: unknown) => typeof d === 'object' && d !== null && (d as { key?: unknown }).key === key);
    if (i >= 0) return { seriesIndex: s, dataIndex: i };
  }
  return null;
}
