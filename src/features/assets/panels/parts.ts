/**
 * The panel most sections are: the figures of some roles as cards and, when two or more parts
 * are stated, the parts as bars with their stated and recomputed shares.
 */
import type { RoleSection } from '../../../model/vocabulary';
import { parseRole } from '../../../model/vocabulary';
import { sharePct } from '../../../domain/check';
import type { ViewState } from '../../../state/url';
import type { Column } from '../../../ui/table/columns';
import { count, moneyExport, pct } from '../../../ui/format';
import { sharesOption, type PartRow } from '../assets.option';
import type { FigureBook, StatedCheck } from '../cards';
import { panel, uniq, type PanelContext, type PanelView } from './context';

type ShareRow = PartRow & { check: StatedCheck | null; computed: number | null };

/** The parts of a role with their share of the whole: stated (and rechecked) or computed. */
function partRows(book: FigureBook, name: string, wholeRole: string | null): ShareRow[] {
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
}

function partColumns(m: (wan: number) => string, money: ViewState['money']): Column<ShareRow>[] {
  return [
  { key: 'title', label: '项目' },
  {
    key: 'value',
    label: '数值',
    numeric: true,
    format: (v: number, r) => (r.unit === '万元' ? m(v) : `${count(v)} ${r.unit}`),
    exportValue: (r) => (r.unit === '万元' ? moneyExport(r.value, money) : r.value),
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
}

/** A panel of figures whose parts (if two or more) are drawn as bars with their shares. */
export function partsPanel(
  ctx: PanelContext,
  id: string,
  section: RoleSection,
  title: string,
  roles: string[],
  partName: string | null,
  wholeRole: string | null,
  extra: Partial<PanelView> = {},
): PanelView | null {
  const { book, view, money, stem, checks, m, chart } = ctx;
  const rows = partName ? partRows(book, partName, wholeRole) : [];
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
      ? { id, caption: `${title}构成：数值、报告占比与复算占比`, columns: partColumns(m, money), rows, rowKey: (r) => r.key, open: true, downloadName: `${stem}_${title}` }
      : null,
    checks: checks(ids),
    ...extra,
  });
}
