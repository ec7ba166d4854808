/** The balance panel (资产总额, 负债总额, 净资产 against last year) and the fixed assets. */
import { roleTitle } from '../../../model/vocabulary';
import type { Column } from '../../../ui/table/columns';
import { money as moneyText, moneyExport } from '../../../ui/format';
import { balanceOption, type BalanceLine } from '../assets.option';
import type { FigureBook } from '../cards';
import { panel, uniq, type PanelContext, type PanelView } from './context';
import { partsPanel } from './parts';

const BALANCE_ROLES = ['assets.total', 'assets.liabilities', 'assets.net'];
const FIXED_ROLES = ['assets.fixed', 'assets.fixed-in-use', 'assets.fixed-class', 'assets.buildings-area', 'assets.equipment-500k'];

/** The panels of the assets section: the balance, then the fixed assets. */
export function assetPanels(ctx: PanelContext): PanelView[] {
  const { book, year, view, money, unitLabel, stem, checks, m, chart } = ctx;
  const panels: PanelView[] = [];
  const lines = balanceLines(book);
  if (lines.length) {
    const figures = book.ofRoles(BALANCE_ROLES);
    const ids = uniq([...figures.flatMap((f) => f.ids)]);
    const t = `${lines.map((l) => l.title).join('、')}（截至${year}年末）`;
    const cols: Column<BalanceLine>[] = [
      { key: 'title', label: '项目' },
      { key: 'value', label: `本年末（${unitLabel}）`, numeric: true, format: (v: number) => moneyText(v, money), exportValue: (r) => moneyExport(r.value, money), source: (r) => ({ ids: [r.key] }) },
      {
        key: 'prior',
        label: `上年末（${unitLabel}）`,
        numeric: true,
        value: (r) => r.prior?.value ?? null,
        format: (v: number | null, r) => (v == null ? '—' : `${r.prior?.derived ? '≈' : ''}${moneyText(v, money)}`),
        exportValue: (r) => moneyExport(r.prior?.value ?? null, money),
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
  const fixed = partsPanel(ctx, 'fixed', 'assets', roleTitle('assets.fixed'), FIXED_ROLES, 'assets.fixed-class', 'assets.fixed-in-use', { checksHeading: '固定资产与资产总额的口径' });
  if (fixed) panels.push(fixed);
  return panels;
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
