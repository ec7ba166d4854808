/**
 * The whole view lives in the hash so a view can be cited by its URL and reloads exactly.
 * `parseHash` is total: whatever the hash holds, it returns the parts it could read and one
 * problem per part it could not (naming the parameter and what was expected), never a throw.
 * Whether a unit or year exists is the shell's question (it knows the data).
 *
 *   #/spending?unit=ningxiang-drc&year=2022&cmp=2021&path=b:项目支出,f:206&money=wan
 */
import { DRILL_STEP, ROUTES, type DrillStep, type Route, type ViewState } from '../model/routes';
import { MONEY_UNITS, type MoneyUnit } from '../model/vocabulary';

export type { DrillStep, Route, ViewState };

/** A part of the link that could not be used, in words for the page. */
export interface UrlProblem {
  param: string;
  found: string;
  expected: string;
}

export interface ParsedHash {
  view: Partial<ViewState>;
  problems: UrlProblem[];
}

const KNOWN = new Set(['unit', 'year', 'cmp', 'path', 'money', 'focus']);
const MAX_PARAM = 200;
const YEAR = /^\d{4}$/;

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** Parse a location hash ("#/spending?...") into the view parts it names and the problems it has. */
export function parseHash(hash: string): ParsedHash {
  const problems: UrlProblem[] = [];
  const view: Partial<ViewState> = {};
  const bad = (param: string, found: string, expected: string) =>
    problems.push({ param, found: found.length > 60 ? `${found.slice(0, 59)}…` : found, expected });
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const routePart = q < 0 ? raw : raw.slice(0, q);
  const query = q < 0 ? '' : raw.slice(q + 1);

  const route = decode(routePart.replace(/\/$/, ''));
  if (route !== null && (ROUTES as readonly string[]).includes(route)) view.route = route as Route;
  else {
    view.route = '';
    bad('页面', routePart, `${ROUTES.map((r) => `#/${r}`).join('、')} 之一`);
  }

  // URLSearchParams keeps malformed escapes as text instead of throwing.
  const params = new URLSearchParams(query);
  for (const [name, value] of params) {
    if (!KNOWN.has(name)) bad(name, value, `已知参数（${[...KNOWN].join('、')}）`);
    else if (value.length > MAX_PARAM) bad(name, value, `不超过 ${MAX_PARAM} 个字符`);
  }
  const get = (name: string) => {
    const v = params.get(name);
    return v !== null && v.length <= MAX_PARAM ? v : null;
  };

  const unit = get('unit');
  if (unit !== null) {
    if (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(unit)) view.unit = unit;
    else bad('unit', unit, '单位代码（小写字母、数字和连字符）');
  }
  const year = get('year');
  if (year !== null) {
    if (YEAR.test(year)) view.year = Number(year);
    else bad('year', year, '四位数年份，如 2022');
  }
  const cmp = get('cmp');
  if (cmp !== null) {
    if (cmp === '' || cmp === 'none') view.compare = null;
    else if (YEAR.test(cmp)) view.compare = Number(cmp);
    else bad('cmp', cmp, '四位数年份或 none');
  }
  const path = get('path');
  if (path !== null) {
    const steps = path.split(',').filter((s) => s !== '');
    const ok = steps.filter((s) => DRILL_STEP.test(s)) as DrillStep[];
    if (ok.length < steps.length) bad('path', path, '以逗号分隔的下钻步骤，如 b:项目支出,f:206');
    view.path = ok;
  }
  const money = get('money');
  if (money !== null) {
    if ((MONEY_UNITS as readonly string[]).includes(money)) view.money = money as MoneyUnit;
    else bad('money', money, MONEY_UNITS.join('、'));
  }
  if (params.has('focus')) view.focus = get('focus') || null;
  return { view, problems };
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

/** A problem as one sentence for the page. */
export function problemText(p: UrlProblem): string {
  return `链接参数 ${p.param} 的值“${p.found}”无法使用（应为${p.expected}），已改用默认值。`;
}
