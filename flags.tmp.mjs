import { chromium } from 'playwright-core';
const flags = JSON.parse(process.env.FLAGS);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', ...flags] });
const t = Date.now();
for (let i = 0; i < 8; i++) for (const route of ['#/', '#/assets']) {
  const ctx = await b.newContext({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
  const p = await ctx.newPage();
  await p.goto('http://localhost:4180/' + route, { waitUntil: 'load' });
  await p.waitForFunction(() => document.querySelectorAll('[data-chart] canvas').length > 0, null, { timeout: 30000 });
  await p.waitForTimeout(300);
  await ctx.close();
}
console.log('wall', Date.now() - t);
await b.close();
