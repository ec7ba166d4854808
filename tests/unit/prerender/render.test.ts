/**
 * The server entry on the shipped data (data/, loaded and validated the way the page does when it
 * has no compiled manifest): every route's default view renders to HTML holding its figures and
 * its charts as SVG, with nav links to the route files; and the SVG renderer escapes data.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { prepare, renderRoute, ROUTES, type RenderedRoute } from '../../../src/entry-server';
import { presentationAttributes, renderChartSVG } from '../../../src/ui/chart/ssr';
import { index, UNIT } from '../real-data';

const dataDir = resolve(__dirname, '../../../data');
const pages = new Map<string, RenderedRoute>();

beforeAll(async () => {
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const file = resolve(dataDir, decodeURIComponent(new URL(String(input)).pathname.replace(/^\/data\//, '')));
    if (!file.startsWith(dataDir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return new Response('', { status: 404 });
    return new Response(readFileSync(file));
  });
  await prepare();
  for (const route of ROUTES) pages.set(route, await renderRoute(route, route ? '../' : './'));
  vi.unstubAllGlobals();
}, 60_000);

const main = (route: string) => {
  const body = pages.get(route)!.body;
  return body.slice(body.indexOf('<main'), body.indexOf('</main>'));
};
const svgs = (route: string) => main(route).match(/<svg[\s>]/g)?.length ?? 0;

describe('every route prerenders its default view', () => {
  test('the default view is the index’s first unit, its latest year, no drill', () => {
    const latest = Math.max(...index.units[0].years.map((y) => y.year));
    for (const route of ROUTES) {
      const { view } = pages.get(route)!;
      expect(view).toMatchObject({ route, unit: UNIT, path: [], focus: null });
      expect(view.year).toBeLessThanOrEqual(latest);
    }
    expect(pages.get('')!.view.year).toBe(2022);
  });

  test('overview and spending hold the total and their charts as SVG; no loading placeholder', () => {
    for (const route of ['', 'spending', 'screen']) expect(main(route)).toContain('969.29');
    // #/assets' headline is the asset total (its list of every measure is folded, drawn when opened).
    expect(main('assets')).toContain('601.59 万元');
    expect(main('assets')).toContain('data-all-measures');
    expect(svgs('')).toBe(1);
    expect(svgs('spending')).toBe(4);
    expect(svgs('assets')).toBe(6);
    expect(svgs('operations')).toBe(1);
    expect(svgs('screen')).toBe(4);
    for (const route of ['', 'spending', 'assets', 'operations', 'quality', 'screen']) expect(main(route), route).not.toContain('正在加载');
  });

  test('the region view renders with its region’s data settled: the units chart, the roll-ups and the trend as SVG', () => {
    const units = main('units');
    expect(units).not.toContain('正在加载');
    expect(units).toContain('969.29');
    expect(units).toMatch(/data-units-chart[^>]*>[\s\S]*?<svg[\s>]/);
    expect(svgs('units')).toBe(4);
  });

  test('quality renders its settled state (the quote checks done), the way the page hydrates it', () => {
    expect(main('quality')).toContain('引文核对已完成');
    expect(svgs('quality')).toBe(1);
  });

  test('the nav links go to the route files, with the view in the hash', () => {
    const body = pages.get('spending')!.body;
    expect(body).toMatch(/href="\.\.\/index\.html#\/\?unit=/);
    expect(body).toMatch(/href="\.\.\/assets\/index\.html#\/assets\?unit=/);
    expect(pages.get('')!.body).toMatch(/href="\.\/spending\/index\.html#\/spending\?unit=/);
  });

  test('titles come from the shell model; the SVG has no inline style element and no script', () => {
    expect(pages.get('spending')!.title).toContain('支出分析');
    for (const route of ROUTES) {
      expect(pages.get(route)!.body, route).not.toMatch(/<style[\s>]|<script/);
      expect(pages.get(route)!.data).toMatch(/^[0-9a-z]+-[0-9a-z]+$/);
    }
  });
});

describe('renderChartSVG', () => {
  test('data strings stay text in the SVG', () => {
    const name = '"><script>alert(1)</script><text x="1">';
    const svg = renderChartSVG({
      option: { xAxis: { type: 'category', data: [name] }, yAxis: {}, series: [{ type: 'bar', data: [{ value: 3, name, key: 'k' }], label: { show: true, formatter: '{b}' } }] },
      theme: 'light',
      decal: false,
      height: '240px',
    });
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 720 240"/);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    // Presentation attributes, not style attributes (which would need style-src 'unsafe-inline').
    expect(svg).not.toContain(' style="');
    expect(svg).toMatch(/<text[^>]* font-size="/);
  });
  test('a shaped box is drawn at its design size; without one, at the px height (else 320)', () => {
    const option = { xAxis: { type: 'category', data: ['a'] }, yAxis: {}, series: [{ type: 'bar', data: [1] }] };
    const draw = (height: string, size?: { width: number; height: number }) => renderChartSVG({ option, theme: 'dark', decal: false, height, size });
    expect(draw('320px', { width: 584.5, height: 640 })).toMatch(/^<svg[^>]*viewBox="0 0 584.5 640"/);
    expect(draw('200px')).toMatch(/^<svg[^>]*viewBox="0 0 720 200"/);
    expect(draw('50%')).toMatch(/^<svg[^>]*viewBox="0 0 720 320"/);
  });
});

describe('presentationAttributes', () => {
  test('style declarations become attributes, the font shorthand included; others stay in style', () => {
    expect(presentationAttributes('<text style="font:normal bold 12px sans-serif;fill:#333;white-space:pre" x="1">')).toBe(
      '<text font-size="12px" font-family="sans-serif" font-weight="bold" fill="#333" style="white-space:pre" x="1">',
    );
  });
});
