/** The prerender's page assembly: which built files a route links, and the route's HTML from index.html. */
import { describe, expect, test } from 'vitest';
import { bundleCss, pageHtml, routeAssets, scriptJson, unitFolder, viewSource, type Manifest } from '../../../scripts/prerender-html';
import type { ViewState } from '../../../src/model/routes';

const manifest: Manifest = {
  'index.html': { file: 'assets/main-1.js', isEntry: true, css: ['assets/main-1.css'], imports: ['_app.js'] },
  '_app.js': { file: 'assets/app-1.js', css: ['assets/app-1.css'] },
  'src/features/spending/Spending.svelte': { file: 'assets/Spending-1.js', isDynamicEntry: true, css: ['assets/Spending-1.css'], imports: ['_EChart.js', '_app.js'] },
  '_EChart.js': { file: 'assets/EChart-1.js', css: ['assets/EChart-1.css'], imports: ['_app.js'] },
  'src/client.ts': { file: 'assets/client-1.js', isDynamicEntry: true, imports: ['_app.js', '_data.js'] },
  '_data.js': { file: 'assets/data-1.js' },
  'src/features/overview/Overview.svelte': { file: 'assets/Overview-1.js', isDynamicEntry: true, imports: ['_EChart.js'] },
};

const template = `<!doctype html>
<html lang="zh-CN">
  <head>
    <title>部门预算公开</title>
    <link rel="icon" href="./favicon.svg" />
    <link rel="stylesheet" crossorigin href="./assets/main-1.css">
    <script type="module" crossorigin src="./assets/main-1.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/app-1.js">
    <link rel="preload" href="./data/index.json" as="fetch" crossorigin="anonymous">
  </head>
  <body>
    <div id="app">
      <div class="shell-main"><p class="shell-loading">正在加载数据…</p></div>
    </div>
    <noscript>本页面需要启用 JavaScript。</noscript>
  </body>
</html>`;

const view = (route: ViewState['route']): ViewState => ({ route, unit: 'u-a', year: 2022, compare: 2021, path: [], money: 'wan', focus: null });

describe('routeAssets', () => {
  test('a route’s stylesheets: the entry’s, then its view’s and what they import, each once', () => {
    expect(routeAssets(manifest, 'spending')).toEqual({ css: ['assets/main-1.css', 'assets/app-1.css', 'assets/Spending-1.css', 'assets/EChart-1.css'] });
    expect(routeAssets(manifest, '')).toEqual({ css: ['assets/main-1.css', 'assets/app-1.css', 'assets/EChart-1.css'] });
  });
  test('they become one file in assets/, named by its content, in the same order', () => {
    const read = (f: string) => `.${f.replace(/\W/g, '')}{}`;
    const a = bundleCss(['assets/main-1.css', 'assets/Spending-1.css'], read);
    expect(a.file).toMatch(/^assets\/page-[0-9a-f]{10}\.css$/);
    expect(a.content.indexOf('assetsmain1css')).toBeLessThan(a.content.indexOf('assetsSpending1css'));
    expect(bundleCss(['assets/main-1.css', 'assets/Spending-1.css'], read).file).toBe(a.file);
    expect(bundleCss(['assets/Spending-1.css', 'assets/main-1.css'], read).file).not.toBe(a.file);
  });
  test('a route whose view the build does not have is an error, not a page without styles', () => {
    expect(viewSource('assets')).toBe('src/features/assets/Assets.svelte');
    expect(() => routeAssets(manifest, 'assets')).toThrow(/src\/features\/assets\/Assets\.svelte/);
  });
});

describe('pageHtml', () => {
  const parts = (route: ViewState['route'], root: string) => ({
    body: '<main id="main"><h1>支出分析 $& $1</h1></main>',
    head: '',
    title: '支出分析 · <单位>',
    view: view(route),
    data: 'fp',
    root,
    assets: routeAssets(manifest, 'spending'),
    files: { routes: ['', 'spending'], units: ['u-a', 'u-b'] },
  });

  test('a page one folder down re-roots every link and keeps the rest of the template', () => {
    const html = pageHtml(template, parts('spending', '../'));
    expect(html).toContain('src="../assets/main-1.js"');
    expect(html).toContain('href="../favicon.svg"');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="../assets/Spending-1.css">');
    // The entry's own link is in assets.css (once, in order), not left from the template.
    expect(html.match(/main-1\.css/g)).toHaveLength(1);
    expect(html).not.toMatch(/(?:href|src)="\.\//);
  });

  test('nothing but the page itself is fetched before the first paint: no data or script preloads', () => {
    const html = pageHtml(template, parts('spending', '../../../'));
    expect(html).not.toContain('rel="preload"');
    expect(html).not.toContain('modulepreload');
    expect(html).toContain('src="../../../assets/main-1.js"');
  });

  test('<html> names the file’s view and the prerendered files, for public/link.js', () => {
    const html = pageHtml(template, parts('spending', '../../../'));
    expect(html).toContain(
      '<html lang="zh-CN" data-theme="light" data-pre-root="../../../" data-pre-route="spending" data-pre-unit="u-a" data-pre-first="u-a" data-pre-routes=" spending" data-pre-units="u-a u-b">',
    );
    expect(unitFolder('u-a', ['u-a', 'u-b'])).toBe('');
    expect(unitFolder('u-b', ['u-a', 'u-b'])).toBe('u/u-b/');
  });

  test('the body replaces the placeholder and the no-JavaScript note; the view travels as JSON, not script', () => {
    const html = pageHtml(template, parts('spending', '../'));
    expect(html).toContain('<div id="app"><main id="main"><h1>支出分析 $& $1</h1></main></div>');
    expect(html).not.toContain('正在加载');
    expect(html).not.toContain('<noscript>');
    expect(html).toContain('<title>支出分析 · &lt;单位&gt;</title>');
    const json = html.match(/<script type="application\/json" id="prerendered">([^<]*)<\/script>/)![1];
    expect(JSON.parse(json)).toEqual({ view: view('spending'), root: '../', data: 'fp' });
  });

  test('the root page keeps ./ links; the big screen is dark from the first paint', () => {
    expect(pageHtml(template, parts('', './'))).toContain('src="./assets/main-1.js"');
    expect(pageHtml(template, parts('', './'))).toContain('<html lang="zh-CN" data-theme="light" data-pre-root="./"');
    expect(pageHtml(template, parts('screen', '../'))).toContain('<html lang="zh-CN" data-theme="dark" class="screen-mode" data-pre-root="../"');
  });

  test('a template without the placeholder is refused', () => {
    expect(() => pageHtml('<html><head></head><body></body></html>', parts('', './'))).toThrow(/id="app"/);
  });

  test('JSON in the page cannot close its element', () => {
    const s = scriptJson({ name: '</script><script>alert(1)</script>\u2028' });
    expect(s).not.toContain('<');
    expect(JSON.parse(s)).toEqual({ name: '</script><script>alert(1)</script>\u2028' });
  });
});
