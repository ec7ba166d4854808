/**
 * The end-to-end harness: one system Chromium per test file (playwright-core, never a
 * downloaded browser), a fresh context per page, and a record of everything that should not
 * happen on a government page — console errors, uncaught exceptions, requests leaving
 * 127.0.0.1, CSP violations, dialogs, HTTP errors — for `expectClean()` to assert on.
 *
 *   const s = await openPage('#/spending', { base: 'sub', viewport: VIEWPORTS.mobile });
 *   await waitForCharts(s.page);
 *   await s.expectClean();
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import flags from '../../scripts/chromium-flags.json';

/** Flags that work on these machines (see shared/DESIGN.md); Playwright adds a fresh temp --user-data-dir. */
export const CHROMIUM_FLAGS = ['--headless', ...flags];

/** Viewports the product promises to work at. */
export const VIEWPORTS = {
  mobile: { width: 375, height: 812 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1366, height: 768 },
  /** The 大屏 wall display. */
  wall: { width: 1920, height: 1080 },
} as const;

export type Base = 'root' | 'sub';

export interface OpenOptions {
  /** Which global server to load from: dist/ at "/" or under "/zfxxgk/czyjs/". Default 'root'. */
  base?: Base;
  /** A server base URL of your own (e.g. from serveModifiedCopy), instead of `base`. */
  url?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark' | 'no-preference';
  reducedMotion?: 'reduce' | 'no-preference';
  forcedColors?: 'active' | 'none';
  /** Emulated CSS media type; 'print' for print-stylesheet checks. */
  media?: 'screen' | 'print';
  deviceScaleFactor?: number;
  /** Key/values put in localStorage before any page script runs (e.g. the theme preference). */
  localStorage?: Record<string, string>;
  /**
   * What to wait for after navigation: 'ready' (default) = the app shell has mounted and no
   * "正在加载…" placeholder is left in <main>; 'load' = the load event only.
   */
  wait?: 'ready' | 'load';
  /** false = a context with JavaScript off (the prerendered pages alone); 'ready' then waits for the load event only. */
  javaScript?: boolean;
  /**
   * true (default) = every page of the context moves the pointer at its load event, as a reader at
   * a desk does: a prerendered page starts its app on such a sign (src/state/start-gate.ts).
   * false = nobody there: the page starts only when it has sat quiet for a while.
   */
  intent?: boolean;
}

export interface CspViolation {
  violatedDirective: string;
  blockedURI: string;
  sourceFile: string;
  lineNumber: number;
  sample: string;
}

/** Everything recorded on a page since it was opened (across navigations). */
export interface Issues {
  consoleErrors: string[];
  /** console.warn output; recorded, not failed on. */
  consoleWarnings: string[];
  pageErrors: string[];
  /** Requests to anything but 127.0.0.1 / data: / blob: — all aborted. */
  external: string[];
  csp: CspViolation[];
  dialogs: Array<{ type: string; message: string }>;
  /** Responses with status >= 400, as "404 http://…". */
  httpErrors: string[];
  /** Every request the page made (local ones included), in order. */
  requests: string[];
}

export interface CleanOptions {
  /** Console errors matching any of these are tolerated (e.g. an expected failing fixture). */
  allowConsole?: RegExp[];
  /** HTTP error lines matching any of these are tolerated. */
  allowHttp?: RegExp[];
}

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Server base URL the page was loaded from (ends in "/"). */
  baseUrl: string;
  issues: Issues;
  /** Navigate to a path relative to baseUrl ("#/assets", "index.html#/") and wait as openPage does. */
  goto(path: string): Promise<void>;
  /** Assert nothing in `issues` went wrong (console errors, page errors, external requests, CSP, dialogs, HTTP errors). */
  expectClean(opts?: CleanOptions): Promise<void>;
  close(): Promise<void>;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

let browser: Promise<Browser> | null = null;

/** The file's one browser, launched on first use and closed after the file's last test. */
export function getBrowser(): Promise<Browser> {
  browser ??= chromium.launch({
    executablePath: inject('chromiumPath'),
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return browser;
}

afterAll(async () => {
  const b = browser;
  browser = null;
  if (b) await (await b).close();
});

function isLocal(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** Listens in every document before its scripts run; reports to Node through the binding too, so records survive navigations. */
const CSP_LISTENER = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const v = { violatedDirective: e.violatedDirective, blockedURI: e.blockedURI, sourceFile: e.sourceFile,
      lineNumber: e.lineNumber, sample: e.sample };
    window.__cspViolations.push(v);
    if (typeof window.__e2eCsp === 'function') window.__e2eCsp(v);
  });
})();`;

/** A reader's first sign of use, at each document's load event (OpenOptions.intent). */
const INTENT = `addEventListener('load', () => dispatchEvent(new PointerEvent('pointermove', { bubbles: true })), { once: true });`;

/** A browser that is never idle: a prerendered page then starts its app only on the reader's sign, never by sitting quiet. */
export async function neverIdle(page: Page): Promise<void> {
  await page.addInitScript(() => void (window.requestIdleCallback = () => 0));
}

/** Open `path` (relative to the chosen server's base URL) in a fresh context of the file's browser. */
export async function openPage(path = '', opts: OpenOptions = {}): Promise<Session> {
  const baseUrl = opts.url ?? inject(opts.base === 'sub' ? 'subUrl' : 'rootUrl');
  const b = await getBrowser();
  const context = await b.newContext({
    viewport: opts.viewport ?? VIEWPORTS.desktop,
    colorScheme: opts.colorScheme ?? 'light',
    reducedMotion: opts.reducedMotion ?? 'reduce',
    forcedColors: opts.forcedColors ?? 'none',
    deviceScaleFactor: opts.deviceScaleFactor ?? 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: 'block',
    javaScriptEnabled: opts.javaScript ?? true,
  });
  const issues: Issues = {
    consoleErrors: [],
    consoleWarnings: [],
    pageErrors: [],
    external: [],
    csp: [],
    dialogs: [],
    httpErrors: [],
    requests: [],
  };

  await context.exposeFunction('__e2eCsp', (v: CspViolation) => void issues.csp.push(v));
  await context.addInitScript(CSP_LISTENER);
  if (opts.intent !== false) await context.addInitScript(INTENT);
  if (opts.localStorage) {
    await context.addInitScript((entries: Record<string, string>) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, opts.localStorage);
  }
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    issues.external.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => void issues.requests.push(r.url()));
  context.on('response', (r) => {
    if (r.status() >= 400) issues.httpErrors.push(`${r.status()} ${r.url()}`);
  });

  const page = await context.newPage();
  page.on('console', (m) => {
    const loc = m.location();
    const where = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    if (m.type() === 'error') issues.consoleErrors.push(`${m.text()}${where}`);
    else if (m.type() === 'warning') issues.consoleWarnings.push(`${m.text()}${where}`);
  });
  page.on('pageerror', (e) => void issues.pageErrors.push(e.stack ?? e.message));
  page.on('websocket', (ws) => {
    if (!isLocal(ws.url())) issues.external.push(ws.url());
  });
  page.on('dialog', (d) => {
    issues.dialogs.push({ type: d.type(), message: d.message() });
    void d.dismiss().catch(() => {});
  });
  if (opts.media) await page.emulateMedia({ media: opts.media });

  const goto = async (p: string) => {
    const href = new URL(p, baseUrl).href;
    const res = await page.goto(href, { waitUntil: 'load' });
    if (res && !res.ok()) throw new Error(`GET ${href} answered ${res.status()}`);
    if ((opts.wait ?? 'ready') === 'ready' && opts.javaScript !== false) {
      await waitForReady(page).catch(async (e: unknown) => {
        const body = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
        throw new Error(
          `${href} never became ready (${e instanceof Error ? e.message.split('\n')[0] : e}). ` +
            `Body: ${JSON.stringify(body)}. Console errors: ${JSON.stringify(issues.consoleErrors)}. Page errors: ${JSON.stringify(issues.pageErrors)}`,
        );
      });
    }
  };

  const session: Session = {
    page,
    context,
    baseUrl,
    issues,
    goto,
    async expectClean(clean: CleanOptions = {}) {
      const allowed = (line: string, res?: RegExp[]) => res?.some((r) => r.test(line)) ?? false;
      // Also read the in-page list: a violation may fire after the last binding call flushed.
      const inPage = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      const csp = issues.csp.length ? issues.csp : inPage;
      const report = {
        consoleErrors: issues.consoleErrors.filter((l) => !allowed(l, clean.allowConsole)),
        pageErrors: issues.pageErrors,
        external: issues.external,
        csp,
        dialogs: issues.dialogs,
        httpErrors: issues.httpErrors.filter((l) => !allowed(l, clean.allowHttp)),
      };
      expect(report, `page ${page.url()} was not clean`).toEqual({
        consoleErrors: [],
        pageErrors: [],
        external: [],
        csp: [],
        dialogs: [],
        httpErrors: [],
      });
    },
    close: () => context.close(),
  };

  await goto(path);
  return session;
}

/**
 * How long a page may take to load its data and draw: generous, since the suite runs on slow,
 * shared machines (a load of 20 on two cores made 20 s too short); a page that never gets there
 * still fails well inside the test's own limit.
 */
const READY_MS = 60_000;

/**
 * Wait until the app shell has mounted (or hydrated the prerendered view: html[data-app="live"])
 * and no loading placeholder is left in <main>.
 */
export async function waitForReady(page: Page, timeout = READY_MS): Promise<void> {
  await page.waitForFunction(
    () => {
      const main = document.querySelector('#main');
      return !!main && !main.querySelector('.loading') && document.documentElement.dataset.app === 'live';
    },
    undefined,
    // Every 100 ms, not every animation frame: polling by frame makes each waiting page draw frames
    // and competes with the pages under test for a 2-core machine's CPU.
    { timeout, polling: 100 },
  );
}

/**
 * Wait until every `[data-chart]` element has data-drawn="true" (set by EChart.svelte after
 * ECharts' `finished` event). With `n`, also wait for at least n charts to exist.
 * Returns the number of drawn charts.
 */
export async function waitForCharts(page: Page, n = 0, timeout = READY_MS): Promise<number> {
  const handle = await page.waitForFunction(
    (min: number) => {
      const charts = [...document.querySelectorAll('[data-chart]')];
      const done = charts.length >= min && charts.every((c) => c.getAttribute('data-drawn') === 'true');
      // An object, not the count: waitForFunction waits for a truthy value and 0 charts is an answer.
      return done ? { count: charts.length } : false;
    },
    n,
    { timeout, polling: 100 },
  );
  const result = (await handle.jsonValue()) as { count: number };
  return result.count;
}

/** The page's current location hash, e.g. "#/spending?unit=…&year=2022". */
export async function hashOf(page: Page): Promise<string> {
  return page.evaluate(() => location.hash);
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: string[]; html: string; failureSummary?: string }>;
}

/** WCAG 2.0/2.1 level A and AA rule tags. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Run axe-core (from node_modules, never a CDN) on the page, or on `include` selectors only,
 * and return the WCAG 2.1 A/AA violations. The source is evaluated through the DevTools
 * protocol rather than an inline <script>: the page's CSP (script-src 'self') rightly blocks
 * inline scripts, and an injected tag would itself be a CSP violation.
 */
export async function runAxe(page: Page, { include, tags = WCAG_AA_TAGS }: { include?: string[]; tags?: string[] } = {}): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!hasAxe) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      const ctx = include?.length ? { include: include.map((s) => [s]) } : document;
      const res = await axe.run(ctx, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return res.violations as never;
    },
    { include, tags },
  );
}

/** Keys as printed on the keyboard, named by a chart's keyboard hint (the key's own name is the plain word). */
const KEY_NAMES = ['Home', 'End', 'Enter', 'Esc', 'Tab'];
/**
 * Names of file formats the download buttons carry (the format's own name is the plain word),
 * keys, and words the reports themselves print (an indicator counting an APP's users).
 */
const ALLOWED = new Set(['PNG', 'CSV', 'JSON', 'XLSX', 'ZIP', 'TXT', 'SVG', 'PDF', 'Excel', 'APP', ...KEY_NAMES]);

/** Internal words in a page text: ids, role names, English words (a web address, cited as printed, aside). */
export function internalWords(page: string): string[] {
  const text = page.replace(/https?:\/\/[^\s，。；）)]+/g, '');
  const ids = text.match(/\b[a-z]{1,3}-[a-z0-9]+(?:-[a-z0-9]+)*\b/g) ?? [];
  const roles = text.match(/\b[a-z]+\.[a-z][a-z-]*\b/g) ?? [];
  const english = (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).filter((w) => !ALLOWED.has(w));
  return [...new Set([...ids, ...roles, ...english])];
}

/** One line per violation and node, for readable assertion messages. */
export function formatAxe(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.impact ?? '-'} ${v.id}: ${v.help} — ${n.target.join(' ')}`))
    .join('\n');
}

/**
 * Pairs of data labels that overlap in the page's charts (and how many labels were shown), as ECharts laid them out (labels its
 * label layout hid are ignored; one pixel of touching is not an overlap). Needs `?e2e`, which
 * exposes the chart instances as window.__charts.
 */
export function labelOverlaps(page: Page): Promise<{ overlaps: string[]; labels: number }> {
  return page.evaluate(() => {
    const found: string[] = [];
    let labels = 0;
    for (const [id, c] of Object.entries((window as any).__charts as Record<string, any>)) {
      // A chart of a view left behind is disposed: nothing of it is on the page.
      if (c.isDisposed() || !c.getModel()) continue;
      const boxes: Array<{ text: string; x: number; y: number; w: number; h: number }> = [];
      for (let si = 0; si < c.getModel().getSeriesCount(); si++) {
        const d = c.getModel().getSeriesByIndex(si).getData();
        for (let i = 0; i < d.count(); i++) {
          const label = d.getItemGraphicEl(i)?.getTextContent?.();
          if (!label || label.ignore || label.invisible || !label.style?.text) continue;
          const r = label.getBoundingRect().clone();
          r.applyTransform(label.getComputedTransform());
          boxes.push({ text: String(label.style.text), x: r.x, y: r.y, w: r.width, h: r.height });
        }
      }
      labels += boxes.length;
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const p = boxes[a]!;
          const q = boxes[b]!;
          if (p.x + p.w - 1 > q.x && q.x + q.w - 1 > p.x && p.y + p.h - 1 > q.y && q.y + q.h - 1 > p.y) found.push(`${id}: “${p.text}” / “${q.text}”`);
        }
    }
    return { overlaps: found, labels };
  });
}
