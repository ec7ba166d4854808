/**
 * Lighthouse 12.8 (Node API) against the served build, default config = the mobile preset
 * (Moto G Power emulation, simulated slow-4G throttling), system Chromium via chrome-launcher.
 */
import { CHROMIUM, CHROMIUM_FLAGS, tempProfile } from './browser.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive'];

/** One Lighthouse run of `url`; returns scores (0–100), key metrics and failing audits. */
export async function runLighthouse(url) {
  const [{ default: lighthouse }, chromeLauncher, { createRequire }] = await Promise.all([import('lighthouse'), import('chrome-launcher'), import('node:module')]);
  const version = createRequire(import.meta.url)('lighthouse/package.json').version;
  const profile = tempProfile();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    userDataDir: profile.dir,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    const lhr = result.lhr;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
    // Times in ms (whole numbers); CLS is unitless and small, keep 3 decimals.
    const metrics = Object.fromEntries(
      METRICS.map((m) => {
        const v = lhr.audits[m]?.numericValue;
        return [m, v == null ? null : m === 'cumulative-layout-shift' ? Math.round(v * 1000) / 1000 : Math.round(v)];
      }),
    );
    // Audits that cost points, so the view engineers know what to fix.
    const failing = Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
      .map((a) => ({
        id: a.id,
        title: a.title,
        score: a.score,
        display: a.displayValue ?? null,
        // The elements an accessibility / SEO audit failed on (a11y audits are pass/fail per element).
        nodes: (a.details?.items ?? []).map((i) => i.node?.snippet ?? i.node?.selector).filter(Boolean).slice(0, 5),
      }));
    // What the main thread spends time on, and the LCP element: the levers for the view engineers.
    const bootup = (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 6).map((i) => ({ url: String(i.url).replace(/^https?:\/\/[^/]+/, ''), totalMs: Math.round(i.total), scriptingMs: Math.round(i.scripting) }));
    const work = (lhr.audits['mainthread-work-breakdown']?.details?.items ?? []).slice(0, 6).map((i) => ({ group: i.groupLabel ?? i.group, ms: Math.round(i.duration) }));
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? null;
    return {
      bootup,
      work,
      lcpElement,
      version,
      preset: 'mobile (Lighthouse default config)',
      throttling: lhr.configSettings.throttlingMethod,
      formFactor: lhr.configSettings.formFactor,
      scores,
      metrics,
      failing,
      runtimeError: lhr.runtimeError?.message ?? null,
      warnings: lhr.runWarnings ?? [],
      userAgent: lhr.environment?.hostUserAgent ?? null,
    };
  } finally {
    await chrome.kill();
    profile.remove();
  }
}
