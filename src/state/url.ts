/**
 * The whole view lives in the hash so a view can be cited by its URL and reloads exactly.
 * Pure functions (tested in Node); selection.svelte.ts binds them to the page.
 *
 *   #/spending?unit=ningxiang-drc&year=2022&cmp=2021&path=b:项目支出,f:206&money=wan
 */

export const ROUTES = ['', 'spending', 'assets', 'operations', 'quality', 'screen'] as const;
export type Route = (typeof ROUTES)[number];
export type MoneyUnit = 'yuan' | 'wan' | 'yi';
export const MONEY_UNITS: MoneyUnit[] = ['yuan', 'wan', 'yi'];

/**
 * One drill step: `b:<basis>` (基本支出/项目支出), `f:<functional code>`, `e:<economic code>`.
 * The order of steps is the drill order, so function-first and economic-first paths both fit.
 */
export type DrillStep = `${'b' | 'f' | 'e'}:${string}`;

export interface ViewState {
  route: Route;
  unit: string;
  year: number;
  /** Comparison year; null = no comparison. */
  compare: number | null;
  path: DrillStep[];
  money: MoneyUnit;
  /** Focused item of a route (an indicator id, a group, a rule key); null = none. */
  focus: string | null;
}

const STEP = /^[bfe]:[^,]+$/;

/** Parse a location hash ("#/spending?...") into the parts of the view it names; unknown parts are dropped. */
export function parseHash(hash: string): Partial<ViewState> {
  const raw = hash.replace(/^#\/?/, '');
  const [routePart, query = ''] = raw.split('?', 2);
  const out: Partial<ViewState> = {};
  const route = decodeURIComponent(routePart.replace(/\/$/, ''));
  out.route = (ROUTES as readonly string[]).includes(route) ? (route as Route) : '';
  const q = new URLSearchParams(query);
  const unit = q.get('unit');
  if (unit) out.unit = unit;
  const year = Number(q.get('year'));
  if (q.has('year') && Number.isInteger(year)) out.year = year;
  if (q.has('cmp')) {
    const cmp = q.get('cmp');
    out.compare = cmp === '' || cmp === 'none' ? null : Number.isInteger(Number(cmp)) ? Number(cmp) : null;
  }
  if (q.has('path')) {
    out.path = (q.get('path') ?? '')
      .split(',')
      .filter((s) => STEP.test(s)) as DrillStep[];
  }
  const money = q.get('money');
  if (money && (MONEY_UNITS as string[]).includes(money)) out.money = money as MoneyUnit;
  if (q.has('focus')) out.focus = q.get('focus') || null;
  return out;
}

/** Serialise a view to a hash. Every part is written, so a cited URL keeps meaning the same view. */
export function toHash(s: ViewState): string {
  const q = new URLSearchParams();
  q.set('unit', s.unit);
  q.set('year', String(s.year));
  q.set('cmp', s.compare == null ? 'none' : String(s.compare));
  q.set('path', s.path.join(','));
  q.set('money', s.money);
  if (s.focus) q.set('focus', s.focus);
  // URLSearchParams encodes ':' and ','; keep them readable in a cited link.
  const query = q.toString().replace(/%3A/g, ':').replace(/%2C/g, ',');
  return `#/${s.route}?${query}`;
}
