/**
 * What a prerendered page says about itself (scripts/prerender.ts writes it as
 * `<script type="application/json" id="prerendered">`, data the policy lets through because it
 * never runs): the view its body holds and the way back to the site root.
 */
import type { ViewState } from './url';
import { textHash } from '../data/hash';
import { data } from './data.svelte';

export interface Prerendered {
  /** The view the body holds: the route's default (the index's first unit, its latest year, no drill). */
  view: ViewState;
  /** The site root relative to the page: "./" for index.html, "../" for spending/index.html. */
  root: string;
  /** dataFingerprint() of the data the body was rendered from. */
  data: string;
}

/** The page's prerender record, or null (the dev server, or a page built without prerendering). */
export function readPrerendered(doc: Document): Prerendered | null {
  const text = doc.getElementById('prerendered')?.textContent;
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Prerendered;
    return v && typeof v.root === 'string' && typeof v.data === 'string' && v.view && typeof v.view.route === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Whether a link's parts could name the prerendered view (every part it names matches): then
 * the page waits for the data and hydrates; otherwise it mounts the asked-for view at once.
 */
export function sameView(parsed: Partial<ViewState>, view: ViewState): boolean {
  return (Object.keys(parsed) as Array<keyof ViewState>).every((k) => JSON.stringify(parsed[k]) === JSON.stringify(view[k]));
}

/**
 * A fingerprint of the loaded data a view of `unit` is drawn from (the index, the unit's reports
 * and rule results, every load error). The page hydrates only when it matches the prerender's:
 * a data folder edited or swapped under a built site renders fresh instead of meeting markup
 * drawn from other figures.
 */
export function dataFingerprint(unit: string): string {
  const ds = data.dataset;
  const own = ds.unitYears.filter((u) => u.unit === unit).map((u) => [u.year, u.file, u.value, u.errors, u.results]);
  return textHash(JSON.stringify([ds.index, ds.errors, own]));
}

/**
 * The site root relative to this page, for links to files (downloads, report texts): the
 * prerender's own (the server renders each page knowing its folder), else the page's prerender
 * record, else "./" (index.html at the root, the dev server). Server and page agree, so a
 * hydrated link keeps pointing where it did.
 */
export function siteRoot(prerender: { site?: string } | undefined): string {
  if (prerender?.site) return prerender.site;
  return typeof document === 'undefined' ? './' : (readPrerendered(document)?.root ?? './');
}
