/**
 * The view model of #/assets (资产与经费管理): everything the route shows, from the unit's reports
 * and the rule results of the report that states the year. Figures are found by role (never by
 * record id, group or wording); a section the report does not cover is not drawn but named once
 * in a "not covered" line. Pure: Node tests call it with files read from disk.
 */
import type { Fact, Indicator, RuleResult, UnitYearFile } from '../../model/types';
import { SECTION_TITLES, parseRole, roleSection, roleTitle, type RoleSection } from '../../model/vocabulary';
import { resolveFocus } from '../../state/focus';
import { factAt, figureOf, notCoveredSentence, type Figure } from '../../domain/figures';
import { sharePct } from '../../domain/check';
import { PROVENANCE_LABEL } from '../../domain/provenance';
import type { ViewState } from '../../state/url';
import type { Column, TableView } from '../../ui/table/columns';
import type { ChartView } from '../../ui/chart/spec';
import type { EChartsCoreOption } from '../../ui/chart/echarts';
import { MONEY, count, money, moneyWithUnit, pct } from '../../ui/format';
import { checksFor, type CheckView } from '../../domain/findings';
import { FigureBook, type Card, type StatedCheck } from './cards';
import { balanceOption, sharesOption, type BalanceLine, type PartRow } from './assets.option';
import { controlsOption, staffOption, type ControlRow, type StaffChart } from './controls.option';

/** The sections this route draws, in display order. */
const ASSET_SECTIONS: readonly RoleSection[] = ['assets', 'vehicles', 'sangong', 'meeting', 'training', 'operating', 'procurement', 'staff', 'performance'];

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
}

interface MeasureRow {
  key: string;
  label: string;
  title: string;
  /** The part of the report it belongs to (by role). */
  section: string;
  value: number;
  valueText: string;
  unit: string;
  provenance: string;
  reportYear: number;
}

export interface AssetsView {
  title: string;
  /** Set when there is nothing to show for this unit and year (the message says why). */
  empty: string | null;
  /** The report the figures come from, when it is not the year's own. */
  reportNote: string | null;
  nav: Array<{ id: string; label: string }>;
  panels: PanelView[];
  /** "本单位2022年的报告未涉及：车辆、机构与人员。" or null. */
  notCovered: string | null;
  /** Set when the link's focus names no measure of this unit (it is then ignored). */
  focusNotice: string | null;
  measures: TableView<MeasureRow> & { title: string; note: string };
  footnote: string;
  /** The focus after choosing `key` (a chart item, a card): toggles; null = clear; undefined = not a figure of this route. */
  select: (key: string) => string | null | undefined;
}

export interface AssetsInput {
  unitName: string;
  /** Every loaded report of the unit. */
  files: readonly UnitYearFile[];
  /** The report that states the view's (fact) year, with its rule results. */
  report: { year: number; value?: UnitYearFile; results: readonly RuleResult[] } | undefined;
  view: ViewState;
}

const BALANCE_ROLES = ['assets.total', 'assets.liabilities', 'assets.net'];
const FIXED_ROLES = ['assets.fixed', 'assets.fixed-in-use', 'assets.fixed-class', 'assets.buildings-area', 'assets.equipment-500k'];
const SANGONG_ROLES = ['sangong.total', 'sangong.item', 'sangong.vehicles', 'sangong.vehicles-bought', 'sangong.reception-batches', 'sangong.reception-people', 'sangong.abroad-groups', 'sangong.abroad-people'];
const VEHICLE_ROLES = ['vehicles.count', 'vehicles.cost', 'vehicles.book-value', 'vehicles.status', 'vehicles.kind'];
const STAFF_ROLES = ['staff.departments', 'staff.quota', 'staff.in-post', 'staff.in-post-kind', 'staff.other', 'staff.retired', 'staff.control-rate'];
const PERFORMANCE_ROLES = ['performance.projects', 'performance.amount', 'performance.coverage'];

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/** Build the #/assets view. */
export function assetsModel(input: AssetsInput): AssetsView {
  const year = input.view.year;
  // A focus names one of the unit's measures; anything else is dropped with a sentence.
  const keys = new Set(input.files.flatMap((f) => f.measures.map((m) => m.id)));
  const { focus, notice: focusNotice } = resolveFocus(input.view.focus, keys);
  const view = { ...input.view, focus };
  const results = input.report?.results ?? [];
  const book = new FigureBook(input.files, year, view.money, view.focus, results);
  const covered = book.figures.sections(year);
  const issues = input.report?.value?.knownIssues ?? [];
  const stem = `${input.unitName}_${year}`;
  const checks = (ids: string[]) => checksFor(ids, results, issues, view);
  const money = view.money;
  const unitLabel = MONEY[money].label;
  const m = (wan: number) => moneyWithUnit(wan, money);

  const parts: Record<string, boolean> = {
    资产: covered.has('assets') || covered.has('vehicles'),
    经费管理: ['sangong', 'meeting', 'training', 'operating', 'procurement', 'performance'].some((s) => covered.has(s as RoleSection)),
    人员: covered.has('staff'),
  };
  const named = Object.keys(parts).filter((k) => parts[k]);
  const title = `${year}年${named.length ? named.join('、').replace(/、([^、]*)$/, '与$1') : '资产与经费管理'}`;

  const panels: PanelView[] = [];
  const panel = (p: Partial<PanelView> & Pick<PanelView, 'id' | 'section' | 'title'>): PanelView => ({
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
  const chart = (id: string, label: string, description: string, height: string, option: EChartsCoreOption): ChartView => ({ id, label, description, height, option, pngName: `${stem}_${label}` });

  /** Parts of a whole as rows with their share: stated (checked) or, with no stated share, computed. */
  const partRows = (name: string, wholeRole: string | null): Array<PartRow & { check: StatedCheck | null; computed: number | null }> => {
    const whole = wholeRole ? book.get(wholeRole) : null;
    return book.parts(name).map((f) => {
      const shareFig = book.get(f.role!, { stat: 'share' });
      const check = shareFig ? book.check(shareFig) : null;
      const computed = !shareFig && whole ? sharePct(f.value, whole.value) : null;
      const shareText = shareFig
        ? `${pct(shareFig.value, check?.decimals ?? 2)}${check?.recomputed != null ? `（复算 ${pct(check.recomputed, 2)}）` : ''}`
        : computed != null
          ? `${pct(computed, 2)}（计算）`
          : null;
      return { key: f.ids[0], title: f.title, value: f.value, unit: f.unit, shareText, shareKey: shareFig?.ids[0] ?? null, check, computed };
    });
  };
  const partColumns = (): Column<PartRow & { check: StatedCheck | null; computed: number | null }>[] => [
    { key: 'title', label: '项目' },
    {
      key: 'value',
      label: '数值',
      numeric: true,
      format: (v: number, r) => (r.unit === '万元' ? m(v) : `${count(v)} ${r.unit}`),
      exportValue: (r) => (r.unit === '万元' ? Number(money === 'wan' ? r.value : (r.value * MONEY[money].factor).toFixed(4)) : r.value),
      source: (r) => ({ ids: [r.key] }),
    },
    {
      key: 'stated',
      label: '占比（报告）',
      numeric: true,
      value: (r) => r.check?.stated ?? null,
      format: (v: number | null, r) => (v == null ? '未列明' : pct(v, r.check?.decimals ?? 2)),
      source: (r) => (r.shareKey ? { ids: [r.shareKey] } : null),
    },
    {
      key: 'recomputed',
      label: '占比（复算）',
      numeric: true,
      value: (r) => r.check?.recomputed ?? r.computed,
      format: (v: number | null) => (v == null ? '—' : pct(v, 2)),
      exportValue: (r) => {
        const v = r.check?.recomputed ?? r.computed;
        return v == null ? null : Math.round(v * 100) / 100;
      },
      source: (r) => (r.check?.recomputed != null ? { ids: r.check.refs, computed: r.check.how } : r.computed != null ? { ids: [r.key], computed: '各项 ÷ 总额 × 100' } : null),
    },
  ];

  /** A panel of figures whose parts (if two or more) are drawn as bars with their shares. */
  const partsPanel = (id: string, section: RoleSection, title: string, roles: string[], partName: string | null, wholeRole: string | null, extra: Partial<PanelView> = {}): PanelView | null => {
    const rows = partName ? partRows(partName, wholeRole) : [];
    const drawn = rows.length >= 2;
    const figures = book.ofRoles(roles).filter((f) => !drawn || parseRole(f.role!).name !== partName);
    if (!figures.length && !rows.length) return null;
    const cards = figures.map((f) => book.card(f));
    const ids = uniq([...figures.flatMap((f) => f.ids), ...rows.flatMap((r) => [r.key, ...(r.shareKey ? [r.shareKey] : [])])]);
    return panel({
      id,
      section,
      title,
      cards,
      chart: drawn
        ? chart(
            id,
            `${title}构成`,
            `${title}构成：${rows.map((r) => `${r.title} ${r.unit === '万元' ? m(r.value) : `${count(r.value)}${r.unit}`}${r.shareText ? `，占比 ${r.shareText}` : ''}`).join('；')}。`,
            `${Math.max(180, rows.length * 52 + 40)}px`,
            sharesOption(rows, { money, focus: view.focus }),
          )
        : null,
      table: drawn
        ? { id, caption: `${title}构成：数值、报告占比与复算占比`, columns: partColumns(), rows, rowKey: (r) => r.key, open: true, downloadName: `${stem}_${title}` }
        : null,
      checks: checks(ids),
      ...extra,
    });
  };

  // ----- 资产负债与固定资产 -------------------------------------------------------------
  if (covered.has('assets')) {
    const lines = balanceLines(book);
    if (lines.length) {
      const figures = book.ofRoles(BALANCE_ROLES);
      const ids = uniq([...figures.flatMap((f) => f.ids)]);
      const t = `${lines.map((l) => l.title).join('、')}（截至${year}年末）`;
      const cols: Column<BalanceLine>[] = [
        { key: 'title', label: '项目' },
        { key: 'value', label: `本年末（${unitLabel}）`, numeric: true, format: (v: number) => moneyText(v, money), source: (r) => ({ ids: [r.key] }) },
        {
          key: 'prior',
          label: `上年末（${unitLabel}）`,
          numeric: true,
          value: (r) => r.prior?.value ?? null,
          format: (v: number | null, r) => (v == null ? '—' : `${r.prior?.derived ? '≈' : ''}${moneyText(v, money)}`),
          source: (r) => (r.prior ? { ids: [r.prior.key] } : null),
        },
        { key: 'growthText', label: '较上年增长（报告）', value: (r) => r.growthText ?? '—' },
      ];
      panels.push(
        panel({
          id: 'balance',
          section: 'assets',
          title: t,
          navLabel: lines.map((l) => l.title).join('、'),
          cards: figures.map((f) => book.card(f)),
          chart: chart(
            'balance',
            lines.map((l) => l.title).join('、'),
            `本年末${lines.some((l) => l.prior) ? '与上年末' : ''}：${lines.map((l) => `${l.title} ${m(l.value)}${l.prior ? `（上年末 ${m(l.prior.value)}）` : ''}${l.growthText ? `，较上年 ${l.growthText}` : ''}`).join('；')}。`,
            '300px',
            balanceOption(lines, { money, focus: view.focus }),
          ),
          table: { id: 'balance', caption: `${lines.map((l) => l.title).join('、')}：本年末、上年末与较上年增长`, columns: cols, rows: lines, rowKey: (r) => r.key, open: true, downloadName: `${stem}_资产负债` },
          checks: checks(ids),
          checksHeading: '资产数字之间的矛盾',
        }),
      );
    }
    const fixed = partsPanel('fixed', 'assets', roleTitle('assets.fixed'), FIXED_ROLES, 'assets.fixed-class', 'assets.fixed-in-use', { checksHeading: '固定资产与资产总额的口径' });
    if (fixed) panels.push(fixed);
  }

  // ----- 车辆 --------------------------------------------------------------------------
  if (covered.has('vehicles')) {
    const statusFirst = book.parts('vehicles.status').length >= 2 ? 'vehicles.status' : 'vehicles.kind';
    const p = partsPanel('vehicle', 'vehicles', SECTION_TITLES.vehicles, VEHICLE_ROLES, statusFirst, 'vehicles.count');
    if (p) panels.push(p);
  }

  // ----- 三公 / 会议 / 培训 against budget and last year -------------------------------------
  const rows = controlRows(book);
  if (rows.length && (rows.length > 1 || rows.some((r) => r.budget !== null || r.prior !== null))) {
    const rates = book
      .ofRoles([...SANGONG_ROLES, 'meeting.total', 'training.total'])
      .map((f) => ({ f, c: book.check(f) }))
      .filter((x): x is { f: Figure; c: StatedCheck } => x.c !== null)
      .map(({ f, c }) => ({ ...c, title: book.title(f) }));
    const present = (['budget', 'actual', 'prior'] as const).filter((k) => rows.some((r) => r[k] !== null));
    const words = { budget: '年初预算', actual: '决算', prior: '上年' } as const;
    const cols: Column<ControlRow>[] = [
      { key: 'title', label: '项目' },
      ...present.map(
        (k): Column<ControlRow> => ({
          key: k,
          label: `${words[k]}（${unitLabel}）`,
          numeric: true,
          format: (v: number | null, r) => (v == null ? '—' : `${k !== 'actual' && r.derived[k] ? '≈' : ''}${moneyText(v, money)}`),
          source: (r) => (r.keys[k] ? { ids: [r.keys[k]!] } : null),
        }),
      ),
    ];
    type Rate = StatedCheck & { title: string };
    const rateCols: Column<Rate>[] = [
      { key: 'title', label: '比率' },
      { key: 'stated', label: '报告值', numeric: true, format: (v: number, r) => pct(v, r.decimals), source: (r) => ({ ids: [r.key] }) },
      {
        key: 'recomputed',
        label: '复算值',
        numeric: true,
        format: (v: number | null) => (v == null ? '无法复算' : pct(v, 2)),
        exportValue: (r) => (r.recomputed == null ? null : Math.round(r.recomputed * 100) / 100),
        source: (r) => (r.refs.length ? { ids: r.refs, computed: r.how } : null),
      },
      { key: 'ok', label: '一致', value: (r) => (r.ok == null ? '—' : r.ok ? '一致' : '不一致') },
    ];
    const names = rows.map((r) => r.title);
    const what = present.map((k) => words[k]).join('、');
    panels.push(
      panel({
        id: 'controls',
        section: 'controls',
        title: `${names.join('、')}：${what}`,
        navLabel: `${names.join('、')}对比`,
        chart: chart(
          'controls',
          `${names.join('、')}对比`,
          rows.map((r) => `${r.title}：${present.map((k) => `${words[k]} ${r[k] == null ? '—' : `${k !== 'actual' && r.derived[k] ? '约' : ''}${m(r[k]!)}`}`).join('，')}`).join('；'),
          '300px',
          controlsOption(rows, { money, focus: view.focus }),
        ),
        table: { id: 'controls', caption: `${names.join('、')}：${what}${rows.some((r) => r.derived.budget || r.derived.prior) ? '（“≈”为由报告增减额推算）' : ''}`, columns: cols, rows, rowKey: (r) => r.role, open: true, downloadName: `${stem}_${names.join('')}` },
        asideTable: rates.length
          ? { id: 'rates', caption: '报告的比率与按数据复算的比率', columns: rateCols, rows: rates, rowKey: (r) => r.key, open: true, downloadName: `${stem}_比率复算` }
          : null,
        checks: checks(uniq(rows.flatMap((r) => Object.values(r.keys).filter((k): k is string => !!k)).concat(rates.map((r) => r.key)))),
      }),
    );
  }

  // A report stating only some 三公 items gets exactly those, titled by what they are.
  const sangongItems = book.parts('sangong.item');
  const sangongTitle = book.get('sangong.total') || !sangongItems.length ? SECTION_TITLES.sangong : sangongItems.map((f) => f.title).join('、');
  if (covered.has('sangong')) {
    const p = partsPanel('sangong', 'sangong', sangongTitle, SANGONG_ROLES, 'sangong.item', 'sangong.total');
    if (p) panels.push(p);
  }
  for (const s of ['meeting', 'training'] as const) {
    if (!covered.has(s)) continue;
    const p = partsPanel(s, s, SECTION_TITLES[s], [`${s}.total`], null, null);
    if (p) panels.push(p);
  }

  // ----- 机关运行经费 ---------------------------------------------------------------------
  if (covered.has('operating')) {
    const total = book.get('operating.total');
    const basic = total ? basicSpending(input.report?.value, year) : undefined;
    const share = total && basic ? sharePct(total.value, basic.amount) : null;
    const notes = share != null && basic ? [`机关运行经费占${basic.label}（${m(basic.amount)}）的 ${pct(share, 2)}（计算）。`] : [];
    const p = partsPanel('operating', 'operating', SECTION_TITLES.operating, ['operating.total', 'operating.part'], 'operating.part', 'operating.total', { notes });
    if (p) panels.push(p);
  }

  // ----- 政府采购 --------------------------------------------------------------------------
  if (covered.has('procurement')) {
    const p = partsPanel('procurement', 'procurement', SECTION_TITLES.procurement, ['procurement.total', 'procurement.kind', 'procurement.sme', 'procurement.micro'], 'procurement.kind', 'procurement.total');
    if (p) panels.push(p);
  }

  // ----- 机构与人员 ------------------------------------------------------------------------
  if (covered.has('staff')) {
    const st = staffChart(book);
    // Kinds of people are bars of the chart and rows of its table, not cards.
    const figures = book.ofRoles(STAFF_ROLES).filter((f) => f.stat !== 'value' || !['staff.in-post-kind', 'staff.other'].includes(parseRole(f.role!).name));
    type StaffRow = { key: string; title: string; kind: string; value: number; unit: string; ids: string[]; computed?: string };
    const staffRows: StaffRow[] = [
      ...(st.quota ? [{ key: st.quota.key, title: roleTitle('staff.quota'), kind: '编制', value: st.quota.value, unit: st.quota.unit, ids: [st.quota.key] }] : []),
      ...(st.inPost ? [{ key: st.inPost.key, title: roleTitle('staff.in-post'), kind: '在编', value: st.inPost.value, unit: st.inPost.unit, ids: [st.inPost.key] }] : []),
      ...(st.inPost ? st.posts.filter((p) => p.key !== st.inPost!.key) : st.posts).map((p) => ({ key: p.key, title: p.title, kind: '在编构成', value: p.value, unit: '人', ids: [p.key] })),
      ...(st.vacant != null && st.quota && st.inPost
        ? [{ key: `${st.quota.key}:vacant`, title: '空编（编制数 − 在编人员，计算）', kind: '计算', value: st.vacant, unit: st.quota.unit, ids: [st.quota.key, st.inPost.key], computed: '编制数 − 在编人员' }]
        : []),
      ...st.others.map((p) => ({ key: p.key, title: p.title, kind: '编外', value: p.value, unit: '人', ids: [p.key] })),
    ];
    const staffCols: Column<StaffRow>[] = [
      { key: 'title', label: '项目' },
      { key: 'kind', label: '类别' },
      { key: 'value', label: '数量', numeric: true, format: (v: number, r) => `${count(v)} ${r.unit}`, exportValue: (r) => r.value, source: (r) => ({ ids: r.ids, computed: r.computed }) },
    ];
    const rate = book.get('staff.control-rate');
    const rateCheck = rate ? book.check(rate) : null;
    const drawn = st.posts.length + st.others.length > 0 || (st.quota && st.inPost);
    panels.push(
      panel({
        id: 'staff',
        section: 'staff',
        title: SECTION_TITLES.staff,
        cards: figures.map((f) => book.card(f)),
        chart: drawn
          ? chart(
              'staff',
              '编制与人员',
              [
                st.quota ? `${roleTitle('staff.quota')} ${count(st.quota.value)} ${st.quota.unit}` : '',
                st.inPost ? `${roleTitle('staff.in-post')} ${count(st.inPost.value)} ${st.inPost.unit}${st.posts.length ? `（${st.posts.map((p) => `${p.title}${p.value}人`).join('、')}）` : ''}` : '',
                st.others.length ? `编外 ${st.others.map((p) => `${p.title}${p.value}人`).join('、')}` : '',
                rate ? `${roleTitle('staff.control-rate')}：${rateCheck?.text ?? pct(rate.value, 2)}` : '',
              ]
                .filter(Boolean)
                .join('；') + '。',
              '220px',
              staffOption(st, { focus: view.focus }),
            )
          : null,
        table: { id: 'staff', caption: '编制与人员', columns: staffCols, rows: staffRows, rowKey: (r) => r.key, open: true, downloadName: `${stem}_人员` },
        checks: checks(uniq(book.ofRoles(STAFF_ROLES).flatMap((f) => f.ids))),
      }),
    );
  }

  // ----- 预算绩效 --------------------------------------------------------------------------
  if (covered.has('performance')) {
    const p = partsPanel('performance', 'performance', SECTION_TITLES.performance, PERFORMANCE_ROLES, null, null);
    if (p) panels.push(p);
  }

  // ----- everything else: the full list of the year's measures ---------------------------------
  // A measure without a role belongs where its nearest roled parent does (国内公务接待 → 公务接待费).
  const sectionOf = (r: Indicator, depth = 0): string => {
    if (r.role) {
      const sec = roleSection(r.role);
      return sec === 'sangong' ? sangongTitle : sec ? SECTION_TITLES[sec] : '—';
    }
    const parent = r.parent ? book.record(r.parent) : undefined;
    return parent && depth < 8 ? sectionOf(parent, depth + 1) : '—';
  };
  const measureRows: MeasureRow[] = book.figures.measures
    .filter((e) => e.m.year === year)
    .map(({ m: r, reportYear }) => ({
      key: r.id,
      label: r.label,
      title: r.role ? book.title(figureOf(r, reportYear)) : '—',
      section: sectionOf(r),
      value: r.value,
      valueText: book.valueText(figureOf(r, reportYear)),
      unit: r.unit,
      provenance: PROVENANCE_LABEL[r.provenance.kind],
      reportYear,
    }));
  const reports = uniq(measureRows.map((r) => r.reportYear));
  const measureCols: Column<MeasureRow>[] = [
    { key: 'label', label: '指标（报告用语）' },
    { key: 'title', label: '名称' },
    { key: 'section', label: '部分' },
    { key: 'value', label: '数值', numeric: true, format: (_v: number, r) => r.valueText, exportValue: (r) => r.value, source: (r) => ({ ids: [r.key] }) },
    { key: 'unit', label: '单位（数据）' },
    { key: 'provenance', label: '出处' },
    ...(reports.length > 1 ? [{ key: 'reportYear', label: '报告年度', numeric: true } as Column<MeasureRow>] : []),
    { key: 'key', label: '记录' },
  ];

  const notCoveredTitles = ASSET_SECTIONS.filter((s) => !covered.has(s)).map((s) => SECTION_TITLES[s]);
  const hasAny = panels.length > 0 || measureRows.length > 0;
  const reportYear = input.report?.value?.reportYear;

  return {
    title,
    empty: !input.report?.value && !hasAny ? `没有${input.unitName}${year}年的数据。` : null,
    reportNote: reportYear !== undefined && reportYear !== year ? `${year}年的数字来自${reportYear}年的报告（上年数）。` : null,
    nav: [...panels.map((p) => ({ id: `sec-${p.id}`, label: p.navLabel })), ...(measureRows.length ? [{ id: 'sec-all', label: '全部指标' }] : [])],
    panels,
    notCovered: notCoveredSentence(year, notCoveredTitles),
    focusNotice,
    measures: {
      id: 'all-measures',
      title: `全部财务与管理指标（${measureRows.length} 项）`,
      note: '报告中除支出金额外的所有数字，按报告用语列出；点 ⓘ 看原文。',
      caption: '全部指标',
      columns: measureCols,
      rows: measureRows,
      rowKey: (r) => r.key,
      open: true,
      downloadName: `${stem}_全部指标`,
    },
    footnote: `金额单位：${unitLabel}。“推算”数字由报告的增减额或增长率算出，“≈”表示推算值。`,
    select: (key) => (keys.has(key) ? (key === view.focus ? null : key) : undefined),
  };
}

const moneyText = (wan: number, unit: ViewState['money']) => money(wan, unit);


/** 基本支出 of the year (all sources), which 机关运行经费 is a part of. */
function basicSpending(file: UnitYearFile | undefined, year: number): Fact | undefined {
  return file ? factAt(file.facts, year, '决算', { basis: '基本支出' }) : undefined;
}

/** Balance lines by role: 资产总额, 负债总额, 净资产 with last year and the stated change. */
function balanceLines(book: FigureBook): BalanceLine[] {
  return BALANCE_ROLES.flatMap((role) => {
    const f = book.get(role);
    if (!f) return [];
    const prior = book.get(role, { year: book.year - 1 });
    const growth = book.get(role, { stat: 'growth', base: 'prev-year' });
    return [
      {
        role,
        title: f.title,
        value: f.value,
        key: f.ids[0],
        prior: prior ? { value: prior.value, key: prior.ids[0], year: prior.year, derived: prior.provenance !== 'stated' } : null,
        growthText: growth ? book.valueText(growth) : null,
      },
    ];
  });
}

/**
 * The budget-controlled expenses: “三公”经费 (or, when the report states no total, each stated
 * item), 会议费, 培训费, each with its 年初预算 and last year.
 */
function controlRows(book: FigureBook): ControlRow[] {
  const sangong = book.get('sangong.total') ? ['sangong.total'] : book.parts('sangong.item').map((f) => f.role!);
  return [...sangong, 'meeting.total', 'training.total'].flatMap((role) => {
    const actual = book.get(role);
    if (!actual) return [];
    const budget = book.get(role, { phase: '年初预算' });
    const prior = book.get(role, { year: book.year - 1 });
    return [
      {
        role,
        title: actual.title,
        actual: actual.value,
        budget: budget?.value ?? null,
        prior: prior?.value ?? null,
        keys: { actual: actual.ids[0], budget: budget?.ids[0] ?? null, prior: prior?.ids[0] ?? null },
        derived: { budget: !!budget && budget.provenance !== 'stated', prior: !!prior && prior.provenance !== 'stated' },
      },
    ];
  });
}

/** Staffing by role: 编制, 在编 and its kinds, the vacant posts, the people outside the quota. */
function staffChart(book: FigureBook): StaffChart & { inPost: { value: number; key: string; unit: string } | null } {
  const q = book.get('staff.quota');
  const ip = book.get('staff.in-post');
  const kinds = book.parts('staff.in-post-kind');
  const posts = kinds.length ? kinds : ip ? [ip] : [];
  return {
    quota: q ? { value: q.value, key: q.ids[0], unit: q.unit } : null,
    inPost: ip ? { value: ip.value, key: ip.ids[0], unit: ip.unit } : null,
    posts: posts.map((f) => ({ key: f.ids[0], title: f.title, value: f.value })),
    vacant: q && ip ? q.value - ip.value : null,
    others: book.parts('staff.other').map((f) => ({ key: f.ids[0], title: f.title, value: f.value })),
  };
}
