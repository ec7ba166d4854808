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
