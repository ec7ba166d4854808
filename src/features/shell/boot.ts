/**
 * Loading the data and resolving the link against it, once per page: the shell runs it on mount,
 * the client entry runs it before hydrating a prerendered view (the first client render must
 * meet the server's markup, so the data and the view are settled first), and the server entry
 * runs it against the built data folder.
 */
import { data } from '../../state/data.svelte';
import { selection } from '../../state/selection.svelte';
import { parseHash } from '../../state/url';
import { resolveView } from '../../state/shell';
import type { Route } from '../../model/routes';

let started: Promise<void> | null = null;

/** Load the data from `base` (the data folder's URL relative to the page) and follow the link; later calls share the first. */
export function boot(base?: string, hash = typeof location === 'undefined' ? '' : location.hash): Promise<void> {
  started ??= (async () => {
    if (data.status !== 'ready') await data.load(base, parseHash(hash).view.unit);
    follow(hash);
  })();
  return started;
}

/**
 * Point the selection at `hash` through the shell's resolver. In the page it also follows later
 * hash changes; on the server (no window) it only resolves, once per prerendered route.
 */
export function follow(hash: string): void {
  const of = { years: (u: string) => data.years(u), comparable: (u: string) => data.comparable(u) };
  selection.init((parsed, b) => resolveView(parsed, data.dataset.index, of, b), hash);
}

/**
 * What a route's view fetches as soon as it opens and then shows (the quality view: the quote
 * checks against the report's text). The prerender renders the settled state and the page
 * settles it before hydrating, so the text does not change, and move what follows, afterwards.
 */
export function settle(route: Route): Promise<void> {
  return route === 'quality' ? data.checkQuotes() : Promise.resolve();
}
