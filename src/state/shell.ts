/**
 * The shell's view model: which view a link really names once the data is known (an unknown
 * unit or year becomes a message and a usable default, never empty cards), the navigation with
 * titles from the data, and the citation of the selected unit's own report for the footer,
 * the print line and the document title.
 */
import { ROUTE_TITLES, ROUTES, type Route, type ViewState } from '../model/routes';
import type { DataIndex, SourceDoc, UnitEntry } from '../model/schema';
import { problemText, type ParsedHash } from './url';
import { MONEY } from '../ui/format';

export interface Resolved {
  view: ViewState;
  /** One sentence per part of the link that was not used. */
  notices: string[];
}

/** What the resolver needs to know of the data. */
export interface YearsOf {
  /** The fact years of a unit (any record). */
  years: (unit: string) => number[];
  /** The years a unit's spending can be compared in (決算 spending facts); default: `years`. */
  comparable?: (unit: string) => number[];
}

/**
 * Complete a parsed link against the data: the unit must exist, the year must be one the
 * unit's reports hold, and the comparison year one whose spending can be compared.
 */
export function resolveView(parsed: ParsedHash, index: DataIndex | undefined, of: YearsOf, base?: ViewState): Resolved {
  const { years } = of;
  const comparable = of.comparable ?? years;
  const notices = parsed.problems.map(problemText);
  const units = index?.units ?? [];
  const p = { ...base, ...parsed.view };
  let unit = units.find((u) => u.id === p.unit);
  if (!unit && units.length) {
    if (p.unit) notices.push(`链接中的单位“${p.unit}”不在数据中，已显示${units[0].name}。`);
    unit = units[0];
  }
  const ys = unit ? years(unit.id) : [];
  const latest = ys.length ? Math.max(...ys) : 0;
  let year = p.year ?? latest;
  if (unit && !ys.includes(year)) {
    if (p.year !== undefined) notices.push(`${unit.name}没有 ${p.year} 年的数据，已显示 ${latest} 年${ys.length > 1 ? `（可选：${[...ys].sort((a, b) => b - a).join('、')}）` : ''}。`);
    year = latest;
  }
  // The default comparison is the year before, when the unit's spending can be compared in it.
  const cs = unit ? comparable(unit.id) : [];
  let compare = p.compare === undefined ? (cs.includes(year - 1) ? year - 1 : null) : p.compare;
  if (compare !== null && (!cs.includes(compare) || compare === year)) {
    if (p.compare !== undefined) notices.push(`对比年度 ${compare} 没有${unit?.name ?? ''}的数据，已取消对比。`);
    compare = null;
  }
  return {
    view: {
      route: p.route ?? '',
      unit: unit?.id ?? '',
      year,
      compare,
      path: p.path ?? [],
      money: p.money ?? 'wan',
      focus: p.focus ?? null,
    },
    notices,
  };
}

/** The folded view settings' button on a phone: the year, the comparison and the money unit in use. */
export function toolbarSummary(view: Pick<ViewState, 'year' | 'compare' | 'money'>): string {
  return [view.year ? `${view.year}年` : '', view.compare ? `对比${view.compare}年` : '', MONEY[view.money].label].filter(Boolean).join(' · ');
}

export interface NavItem {
  route: Route;
  title: string;
}

/** Routes about the data rather than a unit's figures: linked from the footer, not the main navigation, each with what it is for. */
const FOOTER_ROUTES: Partial<Record<Route, string>> = {
  about: '每份报告的来源、涵盖范围、录入方式和已知问题，引用方式、许可与数据下载',
  import: '把本单位的报告正文或决算表变成本看板的数据（只在本页处理，不上传）',
};

/** The footer's links (about the data, the import page). */
export function footerItems(): Array<NavItem & { note: string }> {
  return (Object.entries(FOOTER_ROUTES) as Array<[Route, string]>).map(([route, note]) => ({ route, title: ROUTE_TITLES[route], note }));
}

/** Navigation: the indicators route carries the unit's own title, and only units that have indicators show it. */
export function navItems(unit: UnitEntry | undefined, hasIndicators: boolean): NavItem[] {
  return ROUTES.filter((r) => !(r in FOOTER_ROUTES) && (r !== 'operations' || hasIndicators)).map((route) => ({
    route,
    title: route === 'operations' ? (unit?.indicatorsTitle ?? ROUTE_TITLES.operations) : ROUTE_TITLES[route],
  }));
}

export interface Citation {
  /** "某单位《某单位2022年度部门决算》（2023-09-20）" */
  text: string;
  /** The report's date; null when the report does not print one (then it is simply not shown). */
  date: string | null;
  reportYear: number;
  url: string | null;
}

/** The report behind the shown figures, in words; null when no report of the unit loaded. */
export function citation(source: SourceDoc | undefined, reportYear: number | undefined): Citation | null {
  if (!source || reportYear === undefined) return null;
  const date = source.date;
  return { text: `${source.publisher}《${source.title}》${date ? `（${date}）` : ''}`, date, reportYear, url: source.url ?? null };
}

/** The document title: route · unit · product. */
export function documentTitle(nav: NavItem[], route: Route, unitName: string | undefined): string {
  const title = nav.find((n) => n.route === route)?.title ?? ROUTE_TITLES[route];
  return `${title} · ${unitName || '部门预算公开'} · 支出透明看板`;
}
