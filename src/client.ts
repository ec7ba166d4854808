import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { views } from './features/shell/views';
import { boot, settle } from './features/shell/boot';
import { selection } from './state/selection.svelte';
import { parseHash, toHash } from './state/url';
import { dataFingerprint, readPrerendered, sameView } from './state/prerendered';
import { yieldToMain } from './state/yield';

/**
 * Start the app. When the body holds a prerendered view (scripts/prerender.ts) and the link asks
 * for that view, settle the data and the selection first and hydrate, so the text, figures and
 * SVG charts on screen stay where they are; any other view mounts fresh, as without prerendering.
 */
export async function start(): Promise<void> {
  const target = document.getElementById('app')!;
  const pre = readPrerendered(document);
  // A file opened without a hash shows its own route and unit (u/<unit>/… holds another unit than the index's first).
  if (pre && !location.hash) history.replaceState(null, '', `#/${pre.view.route}?unit=${pre.view.unit}`);
  const started = boot(pre ? `${pre.root}data/` : undefined);

  if (pre && sameView(parseHash(location.hash).view, pre.view)) {
    try {
      const [, mod] = await Promise.all([started.then(() => settle(pre.view.route)), views[pre.view.route]()]);
      await yieldToMain();
      if (toHash(selection.view) === toHash(pre.view) && dataFingerprint(selection.unit) === pre.data) {
        hydrate(App, { target, props: { initial: { route: pre.view.route, component: mod.default } } });
        return;
      }
    } catch {
      // The shell reports a failed load itself once mounted.
    }
  }
  // index.html (or the prerendered default) paints while the scripts load; the app takes over from here.
  target.replaceChildren();
  mount(App, { target });
}
