/** 机构与人员: 编制, 在编 and its kinds, the vacant posts and the people outside the quota. */
import { parseRole, roleTitle, SECTION_TITLES } from '../../../model/vocabulary';
import type { Column } from '../../../ui/table/columns';
import { count, pct } from '../../../ui/format';
import { staffOption, type StaffChart } from '../controls.option';
import type { FigureBook } from '../cards';
import { panel, uniq, type PanelContext, type PanelView } from './context';

const STAFF_ROLES = ['staff.departments', 'staff.quota', 'staff.in-post', 'staff.in-post-kind', 'staff.other', 'staff.retired', 'staff.control-rate'];

/** The staff panel. */
export function staffPanels(ctx: PanelContext): PanelView[] {
  const { book, view, stem, checks, chart } = ctx;
  const panels: PanelView[] = [];
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
  return panels;
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
