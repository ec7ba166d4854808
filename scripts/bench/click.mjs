/**
 * Time until a live chart answers a click, from navigation start (issue 21): the page is opened
 * with `?e2e` before the hash (the project and the naive floor then expose their ECharts instances
 * on window.__charts; nothing else changes), polled every 50 ms until the route's chart has drawn
 * (data-drawn="true") an item that the pointer can hit, and that item is clicked with the mouse as
 * soon as it can be. Meanwhile the mouse moves, as a reader's would (a prerendered page starts its
 * app on the reader's first sign of use). The answer is the first frame in which the view shows its new selection:
 *   - the URL hash changed (the project keeps its selection there: overview, spending, assets,
 *     operations, quality; the naive floor writes #/?focus=<item>), or
 *   - an element's data-current became the clicked item's key (#/screen's callout), or
 *   - the drill crumbs ([aria-current="location"]) changed (#/units' roll-up).
 * A click that gets no answer within 1.5 s is followed by a click on the next item (the report
 * counts the clicks); the time is always from navigation start to the answer. Which charts and
 * items a route's clicks aim at: scripts/bench/routes.mjs.
 */
import { freshPage } from './browser.mjs';

/**
 * In-page: the n-th clickable item of the preferred charts, as viewport coordinates, largest item
 * first (least likely to sit under a label); null while no chart has drawn one. Points are sampled
 * over the item's box and kept only where zrender's own hit test finds the item and nothing covers
 * the chart there.
 */
function findTarget({ charts, key, unit, skip }) {
  // A unit link: only once the page shows that unit (not the first unit's view hydrated first).
  if (unit && document.querySelector('select[data-unit-select]')?.value !== unit) return null;
  const all = window.__charts ?? {};
  const ids = charts?.length ? charts.filter((id) => all[id]) : Object.keys(all);
  const keyRe = key ? new RegExp(key) : null;
  const current = [...document.querySelectorAll('[data-current]')].map((e) => e.getAttribute('data-current'));
  const found = [];
  for (const id of ids) {
    const c = all[id];
    if (!c || c.isDisposed?.()) continue;
    const dom = c.getDom();
    const box = dom.closest('[data-chart]');
    if (box && box.getAttribute('data-drawn') !== 'true') continue;
    const model = c.getModel();
    const n = model.getSeriesCount?.() ?? 0;
    for (let s = 0; s < n; s++) {
      const data = model.getSeriesByIndex(s).getData();
      for (let i = 0; i < data.count(); i++) {
        const item = data.getRawDataItem?.(i);
        const k = item && typeof item === 'object' && typeof item.key === 'string' ? item.key : null;
        if (!k || (keyRe && !keyRe.test(k)) || current.includes(k)) continue;
        const el = data.getItemGraphicEl(i);
        if (!el) continue;
        const r = el.getBoundingRect().clone();
        const m = el.getComputedTransform?.();
        if (m) r.applyTransform(m);
        if (!(r.width > 2 && r.height > 2)) continue;
        found.push({ id, k, el, r, c, dom, area: r.width * r.height });
      }
    }
  }
  found.sort((a, b) => b.area - a.area);
  const hits = (el, t) => {
    for (let x = t; x; x = x.parent) if (x === el) return true;
    return false;
  };
  let seen = 0;
  for (const f of found) {
    const zr = f.c.getZr();
    for (const [fx, fy] of [[0.5, 0.5], [0.3, 0.5], [0.7, 0.5], [0.5, 0.3], [0.5, 0.7], [0.2, 0.2], [0.8, 0.8], [0.2, 0.8], [0.8, 0.2]]) {
      const x = f.r.x + f.r.width * fx;
      const y = f.r.y + f.r.height * fy;
      const hover = zr.handler.findHover(x, y);
      if (!hover?.target || !hits(f.el, hover.target)) continue;
      f.dom.scrollIntoView({ block: 'center', inline: 'nearest' });
      const d = f.dom.getBoundingClientRect();
      const px = d.left + x;
      const py = d.top + y;
      const top = document.elementFromPoint(px, py);
      if (!top || !f.dom.contains(top)) continue;
      if (seen++ < skip) break;
      return { chart: f.id, key: f.k, x: px, y: py };
    }
  }
  return null;
}

/** In-page: remember the view's selection state, then record the frame in which it changes. */
function armAnswer(key) {
  const snap = () => ({
    hash: location.hash,
    current: [...document.querySelectorAll('[data-current]')].map((e) => e.getAttribute('data-current')),
    crumbs: [...document.querySelectorAll('[aria-current="location"]')].map((e) => e.textContent).join('|'),
  });
  const before = snap();
  const state = (window.__answer = { at: null, clickAt: null, how: null });
  addEventListener('pointerdown', () => (state.clickAt ??= performance.now()), { capture: true, once: true });
  const check = () => {
    const now = snap();
    const how = now.hash !== before.hash ? 'hash' : now.current.includes(key) && !before.current.includes(key) ? 'data-current' : now.crumbs !== before.crumbs ? 'crumbs' : null;
    if (how) {
      state.at = performance.now();
      state.how = how;
      state.hash = now.hash;
    } else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** One load of `url` (with ?e2e inserted before the hash) and its first answered click. */
export async function measureClick(browser, { url, target = {}, throttle = false, timeoutMs = 60_000 }) {
  const { context, page } = await freshPage(browser, { throttle });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 300)));
  const [base, hash = ''] = url.split('#');
  const full = `${base}${base.includes('?') ? '&' : '?'}e2e${hash ? `#${hash}` : ''}`;
  const t0 = Date.now();
  try {
    await page.goto(full, { waitUntil: 'commit', timeout: timeoutMs });
    let clicks = 0;
    let moves = 0;
    let liveAt = null;
    let first = null;
    while (Date.now() - t0 < timeoutMs) {
      const t = await page.evaluate(findTarget, { charts: target.charts ?? null, key: target.key ?? null, unit: target.unit ?? null, skip: clicks }).catch(() => null);
      if (!t) {
        if (clicks && !(await page.evaluate(() => !!window.__charts).catch(() => false))) break;
        // The reader's hand is on the mouse: a prerendered page starts its app on that (src/state/start-gate.ts).
        await page.mouse.move(100 + (moves++ % 2), 200).catch(() => {});
        await page.waitForTimeout(50);
        continue;
      }
      liveAt ??= await page.evaluate(() => performance.now());
      first ??= t;
      await page.evaluate(armAnswer, t.key);
      await page.mouse.click(t.x, t.y);
      clicks++;
      const ok = await page.waitForFunction(() => window.__answer?.at != null, null, { timeout: 1500, polling: 'raf' }).then(() => true, () => false);
      if (ok) {
        const a = await page.evaluate(() => window.__answer);
        return { ok: true, answerAt: a.at, clickAt: a.clickAt, liveAt, how: a.how, clicks, chart: t.chart, key: t.key, errors };
      }
      if (clicks >= 5) break;
    }
    return { ok: false, reason: first ? `no answer after ${clicks} click(s) (first on ${first.chart} ${first.key})` : `no clickable chart item within ${timeoutMs / 1000} s`, liveAt, clicks, errors };
  } finally {
    await context.close();
  }
}
