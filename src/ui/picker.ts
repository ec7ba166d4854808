/**
 * The unit selector's list for an index of any size: units whose name, region or id contain the
 * search text (ignoring case and spaces), grouped by region in index order, at most `limit` of
 * them — a select of 5,000 options is neither usable nor fast — and always the selected unit, so
 * the control never shows a unit that is not the selection. Pure, Node-tested.
 */
export interface PickerUnit {
  id: string;
  name: string;
  region: string;
}

interface PickerGroup {
  region: string;
  units: PickerUnit[];
}

export interface Picker {
  groups: PickerGroup[];
  /** Units matching the text (before the limit). */
  matches: number;
  /** "共 5,000 个单位，匹配 37 个" / "匹配 1,204 个，只列出前 200 个，请输入更多文字". */
  status: string;
}

/** Default number of options shown. */
const PICKER_LIMIT = 200;

const fold = (s: string) => s.toLowerCase().replace(/\s+/g, '');

/** Search keys, computed once per index (the filter then runs over plain strings). */
export function pickerIndex(units: readonly PickerUnit[]): Array<{ u: PickerUnit; key: string }> {
  return units.map((u) => ({ u, key: fold(`${u.name}\u0000${u.region}\u0000${u.id}`) }));
}

/** The selector's groups for `text` (see the module comment). */
export function pickUnits(index: ReadonlyArray<{ u: PickerUnit; key: string }>, text: string, selected: string, limit = PICKER_LIMIT): Picker {
  const q = fold(text);
  const hits: PickerUnit[] = [];
  let matches = 0;
  let current: PickerUnit | undefined;
  for (const e of index) {
    if (e.u.id === selected) current = e.u;
    if (q && !e.key.includes(q)) continue;
    matches++;
    if (hits.length < limit) hits.push(e.u);
  }
  if (current && !hits.includes(current)) hits.unshift(current);
  const by = new Map<string, PickerUnit[]>();
  for (const u of hits) by.set(u.region, [...(by.get(u.region) ?? []), u]);
  const n = (x: number) => x.toLocaleString('en');
  const status = !q
    ? matches > limit
      ? `共 ${n(matches)} 个单位，列出前 ${n(limit)} 个；输入名称或地区查找`
      : `共 ${n(matches)} 个单位`
    : matches === 0
      ? `没有名称或地区包含“${text.trim()}”的单位`
      : matches > limit
        ? `匹配 ${n(matches)} 个，列出前 ${n(limit)} 个；请输入更多文字`
        : `匹配 ${n(matches)} 个单位`;
  return { groups: [...by].map(([region, units]) => ({ region, units })), matches, status };
}
