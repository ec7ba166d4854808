/**
 * The one escape helper for HTML that ECharts renders from our formatters (tooltips): ECharts
 * does not escape what a formatter returns. It is the same mapping as ECharts' own
 * `format.encodeHTML` (tests/unit/escape.test.ts checks they agree), kept here so the option
 * builders do not pull ECharts itself into a view's first-paint bundle.
 */
const MAP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape any value for use as text inside ECharts tooltip HTML. */
export function escapeHTML(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => MAP[c]);
}
