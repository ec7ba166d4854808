/**
 * The `focus` link parameter names an item of the route (an indicator, a group, a measure, a rule
 * result). A focus the route does not have is dropped with a sentence, never applied: an unknown
 * focus must not dim everything under an empty "已选：".
 */
export function resolveFocus(focus: string | null, keys: ReadonlySet<string>): { focus: string | null; notice: string | null } {
  if (focus === null || keys.has(focus)) return { focus, notice: null };
  const shown = focus.length > 60 ? `${focus.slice(0, 59)}…` : focus;
  return { focus: null, notice: `链接参数 focus 的值“${shown}”不是本页的任何项目，已忽略。` };
}

/** The link's `focus` for "all regions" (no focus = the selected unit's region). */
export const ALL_REGIONS = '*';

/**
 * The region a link names (its `focus`): a region of the index, `*` for all ('' here), else the
 * selected unit's own region — with a sentence when the link named a region the index lacks.
 */
export function regionOf(focus: string | null, units: ReadonlyArray<{ id: string; region: string }>, unit: string): { region: string; notice: string | null } {
  const own = units.find((u) => u.id === unit)?.region ?? '';
  const { focus: f, notice } = resolveFocus(focus, new Set([ALL_REGIONS, ...units.map((u) => u.region)]));
  if (f === ALL_REGIONS) return { region: '', notice: null };
  return { region: f ?? own, notice: notice && `链接中的地区不在数据中，已显示${own || '全部地区'}。${notice}` };
}
