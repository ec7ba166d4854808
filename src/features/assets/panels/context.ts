/**
 * What every panel of #/assets is built from: the unit's figures (the FigureBook) and the view,
 * with the few helpers all panels share (a chart, the findings about some records, money text).
 */
import type { RoleSection } from '../../../model/vocabulary';
import type { ViewState } from '../../../state/url';
import type { CheckView } from '../../../domain/findings';
import type { ChartView } from '../../../ui/chart/spec';
import type { EChartsCoreOption } from '../../../ui/chart/echarts';
import type { TableView } from '../../../ui/table/columns';
import type { Card, FigureBook } from '../cards';
import type { TermRun } from '../../../domain/terms';

/** One panel: a heading, its figures, a chart with its table, and the findings about them. */
export interface PanelView {
  id: string;
  section: RoleSection | 'controls';
  title: string;
  /** Short name in the page's jump list. */
  navLabel: string;
  cards: Card[];
  chart: ChartView | null;
  // Rows differ per panel; the table component is generic over them.
  table: TableView<any> | null;
  /** A second table beside the chart (the stated rates with their recomputation). */
  asideTable: TableView<any> | null;
  checks: CheckView[];
  checksHeading: string;
  notes: string[];
  /** The title with the first use on the page of each glossary term marked (set by the route model). */
  titleRuns?: TermRun[];
}

/** The figures and the view every panel reads. */
export interface PanelContext {
  book: FigureBook;
  year: number;
  view: ViewState;
  money: ViewState['money'];
  unitLabel: string;
  /** File name stem of the downloads: unit and year. */
  stem: string;
  checks: (ids: string[]) => CheckView[];
  /** Money with its unit label, in the view's unit. */
  m: (wan: number) => string;
  chart: (id: string, label: string, description: string, height: string, option: EChartsCoreOption) => ChartView;
}

export const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** A panel with the defaults filled in. */
export const panel = (p: Partial<PanelView> & Pick<PanelView, 'id' | 'section' | 'title'>): PanelView => ({
  navLabel: p.title,
  cards: [],
  chart: null,
  table: null,
  asideTable: null,
  checks: [],
  checksHeading: '口径与一致性核对',
  notes: [],
  ...p,
});
