/**
 * When the app starts on a prerendered page. The page is complete as HTML (figures, tables, SVG
 * charts) and the app's start-up — evaluating its modules, loading the data, hydrating, drawing
 * the live charts — is seconds of main-thread work on a phone, during which a tap or a scroll
 * stutters. So a page that already shows what its link asks for starts the app on the reader's
 * first sign of use (a pointer moving or pressed, a key, a touch, the wheel, focus), or once the
 * page has sat quiet for a while, whichever comes first (on a wall nobody touches, the big screen
 * starts cycling then). Anything the prerender cannot stand in for starts at once: another view
 * than the one on screen, a dark or patterned theme on the routes the prerender draws light and
 * plain (the big screen is always dark and plain, whatever the reader chose).
 *
 * Plain DOM and no imports from the app: this runs in the entry chunk, before the app loads.
 */

/** What the prerendered <html> says about its body (data-pre-* attributes, scripts/prerender-html.ts). */
export interface PreAttrs {
  /** The route the body shows ("" for the overview). */
  preRoute?: string;
  /** The unit the body shows. */
  preUnit?: string;
  /** The index's first unit: a link without ?unit= means it. */
  preFirst?: string;
}

/** The reader's stored theme choice (src/state/theme.svelte.ts keeps it under these keys). */
export const THEME_KEY = 'budget-dashboard:theme';
export const DECAL_KEY = `${THEME_KEY}:decal`;

/**
 * Whether the page may wait for the reader before starting the app: the link's hash names exactly
 * the prerendered route and unit (nothing else: a year, a drill path or a filter is a view the
 * body does not hold), and the theme the app would apply is the prerender's (light and no decal
 * patterns, but for the big screen, which ignores the theme).
 */
export function mayWait(hash: string, pre: PreAttrs, prefs: { stored: string | null; decal: string | null; systemDark: boolean }): boolean {
  if (pre.preRoute === undefined) return false;
  const dark = prefs.stored === 'dark' || (prefs.stored !== 'light' && prefs.systemDark);
  if (pre.preRoute !== 'screen' && (dark || prefs.decal === '1')) return false;
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const route = (q < 0 ? raw : raw.slice(0, q)).replace(/\/$/, '');
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  if ([...params.keys()].some((k) => k !== 'unit')) return false;
  const unit = params.get('unit') || pre.preFirst;
  return route === pre.preRoute && unit === pre.preUnit;
}

/** Signs of a reader about to use the page. */
const INTENT = ['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'focusin'] as const;

/** How long a quiet page waits before starting the app anyway, so that a later tap finds it ready. */
export const QUIET_MS = 4000;

/**
 * Resolves on the first sign of intent on `win`, or when the page has been quiet for `quietMs`
 * after its load event and the browser is idle. Clicks on buttons made before then are returned
 * by `clicked()`, so the caller can repeat them once the app has taken over the same elements.
 */
export function untilIntent(win: Window, quietMs = QUIET_MS): { ready: Promise<void>; clicked: () => Element[] } {
  const clicks: Element[] = [];
  const onClick = (e: Event): void => {
    const button = e.target instanceof Element ? e.target.closest('button') : null;
    if (button) clicks.push(button);
  };
  win.addEventListener('click', onClick, { capture: true });
  const ready = new Promise<void>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const go = (): void => {
      for (const type of INTENT) win.removeEventListener(type, go, { capture: true });
      win.removeEventListener('load', arm);
      clearTimeout(timer);
      resolve();
    };
    const idle = (): void => {
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(go, { timeout: quietMs });
      else go();
    };
    const arm = (): void => void (timer = setTimeout(idle, quietMs));
    for (const type of INTENT) win.addEventListener(type, go, { capture: true, passive: true, once: true });
    if (win.document.readyState === 'complete') arm();
    else win.addEventListener('load', arm, { once: true });
  });
  return {
    ready,
    clicked: () => {
      win.removeEventListener('click', onClick, { capture: true });
      return clicks.splice(0);
    },
  };
}
