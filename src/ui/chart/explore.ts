/**
 * Keyboard exploration of a chart, the pure part: the items of an option in reading order, what
 * is announced for each, and where a key press moves. The chart wrapper (EChart.svelte) only
 * wires its explore button's keys to these and dispatches highlight / showTip for the item.
 *
 * The behaviour follows the libraries that do this well: Highcharts' accessibility module in its
 * "serialize" mode (one list of points; ←/→ step, ↑/↓ behave like them; the end wraps around;
 * null points are skipped) and Data Navigator's "enter the chart, arrow through, Escape out".
 *
 * What is announced for an item is the chart's own tooltip for it, as text: the builders'
 * formatters already name the item in words (options carry domain keys as names, never shown)
 * and format its values in the reader's unit, so the spoken text and the tooltip a pointer shows
 * never disagree. The provenance line (出处) is left out: it is long, and the table has it.
 */
import { treeOrder } from './keys';

/** One item a keyboard reader steps to. */
export interface ExploreItem {
  /** The domain key `onselect` gets (the item's `key`, else its name or category); null = none. */
  key: string | null;
  seriesIndex: number;
  /** ECharts' data index: the depth-first position for treemap and sunburst (see keys.ts). */
  dataIndex: number;
  /** The item's name and values in words, from the tooltip: "科学技术支出 712.69 万元，占上级 73.5%". */
  text: string;
}

type Obj = Record<string, unknown>;
type Formatter = (params: unknown) => unknown;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const first = (v: unknown): Obj => (Array.isArray(v) ? (isObj(v[0]) ? v[0] : {}) : isObj(v) ? v : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

const TREE = new Set(['treemap', 'sunburst', 'tree']);
const NODES = new Set(['sankey', 'graph']);
const CARTESIAN = new Set(['bar', 'line', 'scatter', 'effectScatter', 'pictorialBar']);

/** The category axis a cartesian series is drawn on: its categories and whether index 0 is read first. */
function categoryAxis(option: Obj, s: Obj): { values: unknown[]; forward: boolean } | null {
  const pick = (axes: unknown, i: unknown): Obj => (Array.isArray(axes) ? (isObj(axes[Number(i) || 0]) ? (axes[Number(i) || 0] as Obj) : {}) : first(axes));
  const x = pick(option.xAxis, s.xAxisIndex);
  const y = pick(option.yAxis, s.yAxisIndex);
  // A vertical category axis draws index 0 at the bottom: read from the top unless it is inverted.
  if (y.type === 'category') return { values: Array.isArray(y.data) ? y.data : [], forward: y.inverse === true };
  if (x.type === 'category') return { values: Array.isArray(x.data) ? x.data : [], forward: x.inverse !== true };
  return null;
}

/** A category as ECharts names it: the string itself or an item's `value`. */
const categoryName = (c: unknown): string => String(isObj(c) ? (c.value ?? '') : (c ?? ''));

/**
 * The shares of a pie as ECharts computes `percent` for its tooltips: whole-number hundredths
 * that add up to exactly 100, by the largest remainder method (echarts/lib/util/number
 * getPercentSeats, precision 2; tests check they agree).
 */
export function percentSeats(values: readonly number[], precision = 2): number[] {
  const clean = values.map((v) => (Number.isNaN(v) ? 0 : v));
  const sum = clean.reduce((a, v) => a + v, 0);
  if (sum === 0) return values.map(() => 0);
  const digits = 10 ** precision;
  const votes = clean.map((v) => (v / sum) * digits * 100);
  const seats = votes.map(Math.floor);
  const remainder = votes.map((v, i) => v - seats[i]);
  for (let total = seats.reduce((a, v) => a + v, 0); total < digits * 100; total++) {
    const at = remainder.indexOf(Math.max(...remainder));
    seats[at] += 1;
    remainder[at] = 0;
  }
  return seats.map((s) => s / digits);
}

/** Tooltip HTML (escaped text, <br>, <div>, <b>) as lines of plain text. */
export function tooltipLines(html: string): string[] {
  const text = html
    .replace(/<br\s*\/?>|<\/?div\b[^>]*>|<\/?p\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|nbsp|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ', amp: '&' })[e] ?? '');
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** "<name> <values>" from a tooltip: its first line names the item, the rest (less 出处) are its values. */
function tooltipText(html: string): string {
  const [name = '', ...values] = tooltipLines(html).filter((l) => !l.startsWith('出处：'));
  return values.length ? `${name} ${values.join('，')}` : name;
}

interface Raw {
  si: number;
  di: number;
  data: unknown;
  name: string;
  extra?: Obj;
}

/** What a pointer's tooltip would say about one item: the option's formatter with ECharts' params. */
function itemText(option: Obj, s: Obj, r: Raw, axisTrigger: boolean): string {
  const value = isObj(r.data) ? r.data.value : r.data;
  const params = {
    componentType: 'series',
    componentSubType: s.type,
    seriesType: s.type,
    seriesIndex: r.si,
    seriesName: str(s.name) ?? '',
    name: r.name,
    dataIndex: r.di,
    data: r.data,
    value,
    color: '',
    // The marker is a coloured dot in HTML: nothing to say.
    marker: '',
    ...(NODES.has(String(s.type)) ? { dataType: 'node' } : {}),
    ...r.extra,
  };
  const formatter = first(option.tooltip).formatter;
  if (typeof formatter !== 'function') return [r.name, value == null ? '' : String(value)].filter(Boolean).join(' ');
  // An axis tooltip gets every series at the category; given this item alone it speaks of this item.
  const out = (formatter as Formatter)(axisTrigger ? [params] : params);
  return tooltipText(typeof out === 'string' ? out : '');
}

const keyOf = (data: unknown, name: string): string | null => (isObj(data) ? (str(data.key) ?? str(data.name)) : null) ?? str(name);

/** The items of a treemap / sunburst, numbered as ECharts does (keys.ts). */
const treeItems = (list: unknown[], si: number): Raw[] => treeOrder(list).map((d, i) => ({ si, di: i + 1, data: d, name: isObj(d) ? String(d.name ?? '') : '' }));

/** Pie, funnel, sankey nodes …: the data in order; a pie's items carry ECharts' `percent`. */
function listItems(s: Obj, si: number): Raw[] {
  const data = Array.isArray(s.data) ? s.data : Array.isArray(s.nodes) ? s.nodes : [];
  const values = data.map((d) => Number(isObj(d) ? d.value : d));
  const seats = s.type === 'pie' ? percentSeats(values, typeof s.percentPrecision === 'number' ? s.percentPrecision : 2) : null;
  return data.map((d, di) => ({ si, di, data: d, name: isObj(d) ? String(d.name ?? '') : '', ...(seats ? { extra: { percent: seats[di] } } : {}) }));
}

/**
 * Whether an item draws nothing (a gap in a line, a series without this category) or is no item
 * of the data (a silent one, as the funnel's invisible end): not a stop.
 */
const empty = (s: Obj, data: unknown): boolean =>
  (isObj(data) && data.silent === true) || (!TREE.has(String(s.type)) && !NODES.has(String(s.type)) && (isObj(data) ? data.value : data) == null);

/**
 * The items of an option in reading order. Trees: parents before their children, as listed.
 * Pie, funnel, sankey nodes: as listed. Bars and lines: category by category in the order the
 * eye reads the axis (top to bottom, left to right), and within a category series by series;
 * where an axis tooltip says the same for every series of a category (it lists them all), the
 * category is one stop. Items that draw nothing are skipped.
 */
export function exploreItems(option: unknown): ExploreItem[] {
  if (!isObj(option)) return [];
  const list = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  const series = list.map((s) => (isObj(s) ? s : {}));
  const axisTrigger = first(option.tooltip).trigger === 'axis';
  const out: ExploreItem[] = [];
  const push = (s: Obj, r: Raw, axis: boolean) => {
    if (empty(s, r.data)) return;
    out.push({ key: keyOf(r.data, r.name), seriesIndex: r.si, dataIndex: r.di, text: itemText(option, s, r, axis) });
  };
  const cartesian: Array<[Obj, number]> = [];
  series.forEach((s, si) => {
    const type = String(s.type ?? '');
    if (CARTESIAN.has(type)) cartesian.push([s, si]);
    else for (const r of TREE.has(type) ? treeItems(Array.isArray(s.data) ? s.data : [], si) : listItems(s, si)) push(s, r, false);
  });
  if (!cartesian.length) return out;
  const axis = categoryAxis(option, cartesian[0][0]);
  const count = Math.max(axis?.values.length ?? 0, ...cartesian.map(([s]) => (Array.isArray(s.data) ? s.data.length : 0)));
  const order = Array.from({ length: count }, (_, i) => (axis && !axis.forward ? count - 1 - i : i));
  for (const di of order) {
    const category = axis ? categoryName(axis.values[di]) : '';
    const start = out.length;
    for (const [s, si] of cartesian) {
      const data = Array.isArray(s.data) ? s.data[di] : undefined;
      const name = (isObj(data) && str(data.name)) || category;
      const before = out.length;
      push(s, { si, di, data, name, extra: { axisValue: category, axisValueLabel: category } }, axisTrigger);
      // The axis tooltip already spoke of every series at this category: one stop is enough.
      if (out.length > before && out.length - 1 > start && out[out.length - 1].text === out[start].text) out.pop();
    }
  }
  return out;
}

/** The live region's text for the item at `index` of `count`: "<name> <values>（第 i 项，共 n 项）". */
export function announcement(item: ExploreItem, index: number, count: number): string {
  return `${item.text}（第 ${index + 1} 项，共 ${count} 项）`;
}

/** What a key does: move to an index, leave the chart, or nothing (the key is not the explorer's). */
export type ExploreStep = number | 'leave' | null;

/**
 * Where a key moves from `at` (null = no item yet) among `count` items: →/↓ next and ←/↑
 * previous, wrapping around at the ends (the first press lands on the first or the last item);
 * Home and End the ends; Escape leaves when an item is shown. Enter and Space are the button's
 * own click (select), so they are not handled here; nor is Tab, so the reader can always go on.
 */
export function exploreStep(key: string, at: number | null, count: number): ExploreStep {
  if (key === 'Escape') return at === null ? null : 'leave';
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return at === null ? 0 : (at + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return at === null ? count - 1 : (at - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
