#!/usr/bin/env node
/**
 * The physical floor: one HTML page with the same three charts as the naive floor (same Arquero
 * tables, same ECharts options from ../charts.js) drawn at build time to inline SVG by ECharts'
 * server-side renderer, and no script at all. scripts/bench/floors.mjs calls it at bench time;
 * by hand: node bench/floors/static/generate.mjs <unit-year.json> <outDir>.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as echarts from 'echarts';
import { chartOptions, chartTables, chartTexts } from '../charts.js';

/** The SVG boxes' drawing size; the page scales them to its width (viewBox). */
const WIDTH = 900;
const HEIGHT = 300;

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function svgOf(option) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** The page's HTML for a unit-year file's contents. */
export function staticPage(unitYear) {
  const t = chartTables(unitYear);
  const options = chartOptions(t);
  const texts = chartTexts(t);
  const figures = ['bar', 'pie', 'line']
    .map(
      (id) => `<figure><figcaption>${escape(texts[id].title)}</figcaption>
<div class="chart" data-chart="${id}" data-drawn="true" role="img" aria-label="${escape(`${texts[id].title}。${texts[id].description}`)}">${svgOf(options[id])}</div></figure>`,
    )
    .join('\n');
  // No script, so the policy allows none; the one stylesheet is inline (nothing else to fetch).
  // connect-src 'self' only lets an auditor read /robots.txt from the page, as on the project.
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="description" content="基准页（静态）：与朴素实现相同的三张图，构建时画成内联 SVG，页面不含脚本。" />
<link rel="icon" href="data:," />
<title>基准页 · 静态 SVG</title>
<style>
body { margin: 0; font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; }
main { max-width: 960px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.4rem; }
figure { margin: 0 0 1.5rem; }
figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart svg { display: block; width: 100%; height: auto; }
</style>
</head>
<body>
<main>
<h1>部门整体支出（基准页）</h1>
<p>${escape(`${t.year}年决算支出，单位：${t.currency}。`)}</p>
${figures}
</main>
</body>
</html>
`;
}

export function writeStaticFloor(unitYearFile, outDir) {
  mkdirSync(outDir, { recursive: true });
  const html = staticPage(JSON.parse(readFileSync(unitYearFile, 'utf8')));
  writeFileSync(join(outDir, 'index.html'), html);
  return join(outDir, 'index.html');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [file, out] = process.argv.slice(2);
  if (!file || !out) {
    console.error('usage: node bench/floors/static/generate.mjs <unit-year.json> <outDir>');
    process.exit(1);
  }
  console.log(writeStaticFloor(resolve(file), resolve(out)));
}
