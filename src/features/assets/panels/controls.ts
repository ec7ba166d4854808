/** The budget-controlled expenses (三公, 会议费, 培训费) against 年初预算 and last year, with the stated rates rechecked. */
import type { Column } from '../../../ui/table/columns';
import { money as moneyText, moneyExport, pct } from '../../../ui/format';
import type { Figure } from '../../../domain/figures';
import { controlsOption, type ControlRow } from '../controls.option';
import type { FigureBook, StatedCheck } from '../cards';
import { panel, uniq, type PanelContext, type PanelView } from './context';

export const SANGONG_ROLES = ['sangong.total', 'sangong.item', 'sangong.vehicles', 'sangong.vehicles-bought', 'sangong.reception-batches', 'sangong.reception-people', 'sangong.abroad-groups', 'sangong.abroad-people'];

/** The controls panel, when there is something to compare (more than one expense, or a budget or last year). */
export function controlPanels(ctx: PanelContext): PanelView[] {
  const { book, view, money, unitLabel, stem, checks, m, chart } = ctx;
  const panels: PanelView[] = [];
  const rows = controlRows(book);
  if (!(rows.length && (rows.length > 1 || rows.some((r) => r.budget !== null || r.adjusted !== null || r.prior !== null)))) return panels;
  const rates = book
    .ofRoles([...SANGONG_ROLES, 'meeting.total', 'training.total'])
    .map((f) => ({ f, c: book.check(f) }))
    .filter((x): x is { f: Figure; c: StatedCheck } => x.c !== null)
    .map(({ f, c }) => ({ ...c, title: book.title(f) }));
  const present = (['budget', 'adjusted', 'actual', 'prior'] as const).filter((k) => rows.some((r) => r[k] !== null));
  const words = { budget: '年初预算', adjusted: '调整预算', actual: '决算', prior: '上年' } as const;
  const cols: Column<ControlRow>[] = [
    { key: 'title', label: '项目' },
    ...present.map(
      (k): Column<ControlRow> => ({
        key: k,
        label: `${words[k]}（${unitLabel}）`,
        numeric: true,
        format: (v: number | null, r) => (v == null ? '—' : `${k !== 'actual' && r.derived[k] ? '≈' : ''}${moneyText(v, money)}`),
        exportValue: (r) => moneyExport(r[k], money),
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
      table: { id: 'controls', caption: `${names.join('、')}：${what}${rows.some((r) => r.derived.budget || r.derived.adjusted || r.derived.prior) ? '（“≈”为由报告增减额推算）' : ''}`, columns: cols, rows, rowKey: (r) => r.role, open: true, downloadName: `${stem}_${names.join('')}` },
      asideTable: rates.length
        ? { id: 'rates', caption: '报告的比率与按数据复算的比率', columns: rateCols, rows: rates, rowKey: (r) => r.key, open: true, downloadName: `${stem}_比率复算` }
        : null,
      checks: checks(uniq(rows.flatMap((r) => Object.values(r.keys).filter((k): k is string => !!k)).concat(rates.map((r) => r.key)))),
    }),
  );
  return panels;
}

/**
 * The budget-controlled expenses: “三公”经费 (or, when the report states no total, each stated
 * item), 会议费, 培训费, each with its 年初预算, 调整预算 and last year.
 */
function controlRows(book: FigureBook): ControlRow[] {
  const sangong = book.get('sangong.total') ? ['sangong.total'] : book.parts('sangong.item').map((f) => f.role!);
  return [...sangong, 'meeting.total', 'training.total'].flatMap((role) => {
    const actual = book.get(role);
    if (!actual) return [];
    const budget = book.get(role, { phase: '年初预算' });
    const adjusted = book.get(role, { phase: '调整预算' });
    const prior = book.get(role, { year: book.year - 1 });
    return [
      {
        role,
        title: actual.title,
        actual: actual.value,
        budget: budget?.value ?? null,
        adjusted: adjusted?.value ?? null,
        prior: prior?.value ?? null,
        keys: { actual: actual.ids[0], budget: budget?.ids[0] ?? null, adjusted: adjusted?.ids[0] ?? null, prior: prior?.ids[0] ?? null },
        derived: { budget: !!budget && budget.provenance !== 'stated', adjusted: !!adjusted && adjusted.provenance !== 'stated', prior: !!prior && prior.provenance !== 'stated' },
      },
    ];
  });
}
