/**
 * The embed page's address, snippet and model: a chart's state round-trips through its embed
 * address, the snippet is escaped, the page carries the dashboard's policy, and the model picks
 * the route's own chart or says why it cannot.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { embedHash, embedSnippet, parseEmbedHash } from '../../../../src/state/embed-url';
import { embedModel, embedNotices, embedTheme, loadFailure } from '../../../../src/features/spending/embed/model';
import { spendingModel } from '../../../../src/features/spending/model';
import { recordsOf } from '../../../../src/domain/provenance';
import type { ViewState } from '../../../../src/model/routes';
import { allFacts, FIRST, shipped, trees } from '../../overview/fixtures';

const view: ViewState = { route: 'spending', unit: 'ningxiang-drc', year: 2022, compare: 2021, path: ['b:项目支出', 'f:206'], money: 'wan', focus: 'e:31007' };

describe('embed address', () => {
  it('round-trips a chart in its state (the focus is not part of an embedded chart)', () => {
    const hash = embedHash(view, 'hier', 'dark');
    const r = parseEmbedHash(hash);
    expect(r).toMatchObject({ route: 'spending', chart: 'hier', theme: 'dark', problems: [] });
    expect(r.view).toEqual({ route: 'spending', unit: 'ningxiang-drc', year: 2022, compare: 2021, path: ['b:项目支出', 'f:206'], money: 'wan' });
  });

  it('names what it cannot use, never throws', () => {
    const r = parseEmbedHash('#/chart?c=nowhere/x&theme=pink&year=22');
    expect(r.problems.map((p) => p.param).sort()).toEqual(['c', 'theme', 'year']);
    expect(r.theme).toBeNull();
    expect(parseEmbedHash('#/chart?c=spending/<script>').chart).toBe('');
    expect(parseEmbedHash('').problems.map((p) => p.param)).toEqual(['c']);
  });

  it('the snippet is an iframe with an absolute, escaped address and an escaped title', () => {
    const s = embedSnippet('https://x.gov.cn/zfxxgk/czyjs/index.html#/spending?unit=a', '#/chart?c=spending/hier&unit=a"b', '构成 <"图">', 340.4);
    expect(s).toBe('<iframe src="https://x.gov.cn/zfxxgk/czyjs/embed.html#/chart?c=spending/hier&amp;unit=a%22b" title="构成 &lt;&quot;图&quot;&gt;" width="100%" height="340" style="border:0" loading="lazy"></iframe>');
  });

  it('embed.html carries the same Content-Security-Policy as index.html', () => {
    const policy = (f: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(resolve(__dirname, '../../../..', f), 'utf8'))?.[1];
    expect(policy('embed.html')).toBeTruthy();
    expect(policy('embed.html')).toBe(policy('index.html'));
  });
});

describe('embed model', () => {
  const u = shipped(FIRST);
  const model = (v: ViewState) =>
    spendingModel({ facts: allFacts, trees, records: recordsOf(u.files), unit: v.unit, unitName: u.entry.name, year: v.year, compare: v.compare, path: v.path, money: v.money });
  const cite = { text: '宁乡市数据资源中心《报告》（2023-07-25）', date: '2023-07-25', reportYear: 2022, url: null };

  it('the route’s own chart, its table, source line and the link to the full view', () => {
    const m = embedModel(view, 'hier', model(view), u.entry.name, cite);
    if (m.state !== 'ok') throw new Error(m.message);
    const own = (model(view) as { charts: { hier: { description: string; embed?: string } } }).charts.hier;
    expect([m.chart.id, m.chart.description, m.chart.embed]).toEqual(['hier', own.description, own.embed]);
    expect(m.title).toBe('宁乡市数据资源中心 · 2022年 · 支出合计 › 项目支出 › 科学技术支出 › 其他科学技术支出 › 其他科学技术支出 › 资本性支出：构成');
    expect(m.rows.map((r) => r.label)).toEqual(['信息网络及软件购置更新', '其他资本性支出', '专用设备购置']);
    expect(m.source).toBe('数据来源：宁乡市数据资源中心《报告》（2023-07-25）');
    expect(decodeURIComponent(m.fullHref)).toBe('index.html#/spending?unit=ningxiang-drc&year=2022&cmp=2021&path=b:项目支出,f:206&money=wan');
  });

  it('says why when the chart is not there', () => {
    expect(embedModel({ ...view, route: 'assets' }, 'x', model(view), u.entry.name, cite)).toMatchObject({ state: 'error' });
    const leaf = { ...view, path: ['b:基本支出', 'f:208', 'f:20805'] } as ViewState;
    const m = embedModel(leaf, 'hier', model(leaf), u.entry.name, cite);
    expect(m).toEqual({ state: 'error', message: '宁乡市数据资源中心2022年“机关事业单位基本养老保险缴费支出”这一层级没有这张图（报告没有这部分数据）。' });
  });
});

describe('embed page', () => {
  it('takes the link’s theme, else the system’s', () => {
    expect(embedTheme('light', true)).toBe('light');
    expect(embedTheme('dark', false)).toBe('dark');
    expect(embedTheme(null, true)).toBe('dark');
    expect(embedTheme(null, false)).toBe('light');
  });

  it('names the embed parameters it could not use, then what the resolver says', () => {
    const { problems } = parseEmbedHash('#/chart?c=nowhere/x&theme=pink&year=22');
    expect(embedNotices(problems, ['链接中的单位“x”不在数据中，已显示宁乡市数据资源中心。'])).toEqual([
      '链接参数 c 的值“nowhere/x”无法使用（应为页面/图表，如 spending/hier），已改用默认值。',
      '链接参数 theme 的值“pink”无法使用（应为light 或 dark），已改用默认值。',
      '链接中的单位“x”不在数据中，已显示宁乡市数据资源中心。',
    ]);
    expect(embedNotices([], [])).toEqual([]);
  });

  it('says in one line why the data could not be loaded', () => {
    expect(loadFailure(new Error('index.json: 404'))).toBe('数据处理失败：index.json: 404');
    expect(loadFailure('offline')).toBe('数据处理失败：offline');
  });
});
