/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules) finds nothing on any route, light or
 * dark; every chart has an accessible name and description; the 图案填充 switch really puts
 * decal patterns into the chart option; text at 200 % keeps every page usable at 1280 px.
 *
 * How axe gets in: harness.runAxe evaluates node_modules/axe-core/axe.min.js through the DevTools
 * protocol (page.evaluate). That is not subject to the page's CSP, so the production policy stays
 * on during the audit (bypassCSP would also switch off the CSP listener's guarantees and test a
 * different page), and no inline <script> tag — which script-src 'self' rightly blocks — is added.
 *
 * Violations are also written to /tmp/a11y-findings.md (route, theme, rule, selector, fix) so
 * they can be forwarded to whoever owns the view.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, test, type ExpectStatic } from 'vitest';
import { formatAxe, openPage, runAxe, waitForCharts, type AxeViolation, type Session } from './harness';

const ROUTES = ['#/', '#/units', '#/spending', '#/spending?path=b:项目支出,f:206', '#/assets', '#/tables', '#/operations', '#/quality', '#/glossary', '#/about', '#/screen'] as const;
const THEMES = ['light', 'dark'] as const;

const findings: string[] = [];
afterAll(() => {
  const body = findings.length ? findings.join('\n') : '_No violations._';
  writeFileSync('/tmp/a11y-findings.md', `# axe-core findings (WCAG 2.1 A/AA), ${new Date().toISOString()}\n\n${body}\n`);
});

function record(route: string, theme: string, violations: AxeViolation[]): void {
  for (const v of violations) {
    for (const n of v.nodes) {
      findings.push(
        `- \`${route}\` (${theme}) **${v.id}** (${v.impact ?? '-'}): \`${n.target.join(' ')}\` — ${v.help}. ` +
          `Fix: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()} (${v.helpUrl})\n  \`${n.html.slice(0, 160).replace(/`/g, "'")}\``,
      );
    }
  }
}

/**
 * One page per route and size: axe runs in light, then the same page follows the system setting
 * to dark (as a reader's phone does at dusk, with no stored preference) and axe runs again, so
 * the theme switch in place is audited too. The big screen is always dark: one run.
 */
async function axeLightThenDark(s: Session, route: string, where: string, expect: ExpectStatic): Promise<void> {
  for (const theme of THEMES) {
    if (theme === 'dark') {
      if (route === '#/screen') break;
      await s.page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(() => s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    }
    await waitForCharts(s.page);
    const expected = route === '#/screen' ? 'dark' : theme;
    expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe(expected);
    const violations = await runAxe(s.page);
    record(`${route}${where}`, theme, violations);
    expect(violations.length, `axe violations on ${route}${where} (${theme}):\n${formatAxe(violations)}`).toBe(0);
  }
}

describe.concurrent('every route, light and dark', () => {
  test.for(ROUTES)('%s: every chart has a name and a description; axe finds no WCAG 2.1 A/AA violation', async (route, { expect }) => {
    const s = await openPage(route, { colorScheme: 'light' });
    try {
      await waitForCharts(s.page);
      const charts = await s.page.$$eval('[data-chart]', (els) =>
        els.map((el) => ({
          id: el.getAttribute('data-chart'),
          role: el.getAttribute('role'),
          label: (el.getAttribute('aria-label') ?? '').trim(),
          caption: (el.closest('figure')?.querySelector('figcaption')?.textContent ?? '').trim(),
        })),
      );
      for (const c of charts) {
        expect(c.role, `chart ${c.id} role on ${route}`).toBe('img');
        expect(c.label.length, `chart ${c.id} aria-label on ${route}`).toBeGreaterThan(4);
        expect(c.caption.length, `chart ${c.id} description on ${route}`).toBeGreaterThan(0);
      }
      await axeLightThenDark(s, route, '', expect);
    } finally {
      await s.close();
    }
  });
});

/** The phone: the folded settings, the stacked cards and the scrolling tables pass axe too (light and dark). */
const PHONE_ROUTES = ['#/', '#/units', '#/spending', '#/assets', '#/tables', '#/operations', '#/quality', '#/glossary', '#/about', '#/screen'] as const;
describe.concurrent('on a 390 px phone, light and dark', () => {
  test.for(PHONE_ROUTES)('axe: %s has no WCAG 2.1 A/AA violations', async (route, { expect }) => {
    const s = await openPage(route, { colorScheme: 'light', viewport: { width: 390, height: 844 } });
    try {
      await axeLightThenDark(s, route, ' (phone)', expect);
    } finally {
      await s.close();
    }
  });
});

describe('reader preferences', () => {
  test('a stored dark preference opens the page dark, whatever the system says, and axe finds nothing', async ({ expect }) => {
    const s = await openPage('#/spending', { colorScheme: 'light', localStorage: { 'budget-dashboard:theme': 'dark' } });
    try {
      await waitForCharts(s.page, 1);
      expect(await s.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await s.page.locator('header select').filter({ has: s.page.locator('option[value="dark"]') }).inputValue()).toBe('dark');
      const violations = await runAxe(s.page);
      record('#/spending (stored)', 'dark', violations);
      expect(violations.length, formatAxe(violations)).toBe(0);
    } finally {
      await s.close();
    }
  });

  test('the 图案填充 switch turns decal patterns on in every chart option, and off again', async ({ expect }) => {
    const s = await openPage('#/spending');
    try {
      const n = await waitForCharts(s.page, 1);
      expect(n).toBeGreaterThan(0);
      const states = () => s.page.$$eval('[data-chart]', (els) => els.map((e) => e.getAttribute('data-decal')));
      expect(new Set(await states())).toEqual(new Set(['off']));
      const box = s.page.getByRole('checkbox', { name: '图案填充' });
      await box.check();
      await expect.poll(async () => new Set(await states())).toEqual(new Set(['on']));
      // A reader preference: it survives a reload.
      await s.page.reload();
      await waitForCharts(s.page, 1);
      await expect.poll(async () => new Set(await states())).toEqual(new Set(['on']));
      await s.page.getByRole('checkbox', { name: '图案填充' }).uncheck();
      await expect.poll(async () => new Set(await states())).toEqual(new Set(['off']));
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe.concurrent('text at 200 %', () => {
  test.for(ROUTES.filter((r) => r !== '#/screen'))('%s: no horizontal scroll, controls still reachable at 1280 px', async (route, { expect }) => {
    const s = await openPage(route, { viewport: { width: 1280, height: 800 } });
    try {
      await waitForCharts(s.page);
      await s.page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await s.page.waitForTimeout(400); // charts resize through their ResizeObserver
      const r = await s.page.evaluate(() => {
        const doc = document.scrollingElement!;
        const vw = doc.clientWidth;
        const controls = [...document.querySelectorAll<HTMLElement>('header a, header button, header select, header input, main button, main select, main input, main a[href]')];
        const unreachable = controls
          .filter((el) => el.getClientRects().length > 0 && !el.closest('.sr-only, [hidden]'))
          .filter((el) => {
            const b = el.getBoundingClientRect();
            // Inside a horizontally scrolling region (wide tables) is fine: the region scrolls.
            let p: HTMLElement | null = el.parentElement;
            while (p) {
              const cs = getComputedStyle(p);
              if (p.scrollWidth > p.clientWidth && (cs.overflowX === 'auto' || cs.overflowX === 'scroll')) return false;
              p = p.parentElement;
            }
            return b.width === 0 || b.height === 0 || b.right > vw + 1 || b.left < -1;
          })
          .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}"`);
        // Text cut off by a box too small for it (overflow hidden with content wider than the box).
        const clipped = [...document.querySelectorAll<HTMLElement>('header *, main *')]
          .filter((el) => el.getClientRects().length > 0 && !el.closest('.sr-only, .echart-box, svg, canvas'))
          .filter((el) => {
            const cs = getComputedStyle(el);
            const hidesX = cs.overflowX === 'hidden' || cs.overflowX === 'clip';
            const hidesY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
            return (hidesX && el.scrollWidth > el.clientWidth + 2) || (hidesY && el.scrollHeight > el.clientHeight + 2);
          })
          .filter((el) => (el.textContent ?? '').trim().length > 0)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`);
        return { scrollWidth: doc.scrollWidth, vw, unreachable, clipped, bigText: getComputedStyle(document.body).fontSize };
      });
      expect(r.bigText).toBe('32px');
      expect(r.scrollWidth, `page wider than the 1280 px viewport at 200 % text on ${route}`).toBeLessThanOrEqual(r.vw + 1);
      expect(r.unreachable, `controls off-screen at 200 % on ${route}`).toEqual([]);
      expect(r.clipped, `clipped text at 200 % on ${route}`).toEqual([]);
      // Main controls remain operable: the navigation still switches views.
      await s.page.locator('header nav a', { hasText: '数据质量' }).click();
      await expect.poll(() => s.page.evaluate(() => location.hash)).toMatch(/^#\/quality/);
    } finally {
      await s.close();
    }
  });
});
