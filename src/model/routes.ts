/**
 * The view vocabulary: the routes, the drill steps and the state a URL names. The parsing and
 * writing of URLs lives in src/state/url.ts; the route titles shown in the page come from here
 * (except the indicators route, which each unit's index entry names).
 */
import type { MoneyUnit } from './vocabulary';

export const ROUTES = ['', 'units', 'spending', 'assets', 'tables', 'operations', 'quality', 'glossary', 'screen', 'about', 'import'] as const;
export type Route = (typeof ROUTES)[number];

/** Navigation titles; `operations` is a fallback for units whose index entry names none. */
export const ROUTE_TITLES: Record<Route, string> = {
  '': '概览',
  units: '单位对比',
  spending: '支出分析',
  assets: '资产与三公',
  tables: '决算公开表',
  operations: '业务运行指标',
  quality: '数据质量',
  glossary: '名词解释',
  screen: '大屏',
  about: '关于数据',
  import: '导入数据',
};

/**
 * One drill step: `b:<spending type>` (基本支出/项目支出 …), `f:<functional code>`,
 * `e:<economic code>`. The order of steps is the drill order, so function-first and
 * economic-first paths both fit.
 */
export type DrillStep = `${'b' | 'f' | 'e'}:${string}`;
export const DRILL_STEP = /^[bfe]:[^,]+$/;

export interface ViewState {
  route: Route;
  unit: string;
  /** The fact year shown (the report that states it is looked up). */
  year: number;
  /** Comparison year; null = no comparison. */
  compare: number | null;
  path: DrillStep[];
  money: MoneyUnit;
  /** Focused item of a route (an indicator id, a group, a rule key); null = none. */
  focus: string | null;
}
