/**
 * Units with reports for several years: every route is opened for every report year of a sample
 * of them, and each shows that year's own report — the footer cites that year's page, 年度 offers
 * every report year, and the overview's 本年收入合计 is the figure the year's report states (so a
 * year switch never keeps the other year's numbers). Switching 年度 in place changes the figures and
 * the citation together. The sample is every unit whose index entry lists two or more years, at
 * most three (a browser run per route and year grows with each year published); 重庆市綦江区公路事务中心
 * (2020 and 2023) must be among them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'vitest';
import { hashOf, openPage, waitForCharts } from './harness';
import { REPO } from './bad-fixtures';

interface Unit {
  id: string;
  name: string;
  years: Array<{ year: number; file: string }>;
}
interface Fact {
  year: number;
  flow: string;
  source: string | null;
  basis: string | null;
  functional: string | null;
  economic: string | null;
  amount: number;
}
interface YearFile {
  reportYear: number;
  source: { title: string };
  facts: Fact[];
}
const index = JSON.parse(readFileSync(join(REPO, 'data/index.json'), 'utf8')) as { units: Unit[] };
const read = (file: string) => JSON.parse(readFileSync(join(REPO, 'data', file), 'utf8')) as YearFile;

const REQUIRED = 'qijiang-gonglu-zx';
const multi = index.units.filter((u) => u.years.length >= 2);
if (!multi.some((u) => u.id === REQUIRED)) throw new Error(`the e2e sample needs ${REQUIRED} with two or more years in data/index.json`);
const sample = [multi.find((u) => u.id === REQUIRED)!, ...multi.filter((u) => u.id !== REQUIRED)].slice(0, 3);

/** The report's own 本年收入合计 of its year (no source, basis or code), as the overview prints it. */
function incomeOf(f: YearFile): string | null {
  const total = f.facts.find((x) => x.year === f.reportYear && x.flow === '收入' && !x.source && !x.basis && !x.functional && !x.economic);
  return total ? total.amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : null;
}

const ROUTES = ['#/', '#/spending', '#/assets', '#/operations', '#/quality', '#/screen', '#/units'];

const cases = sample.flatMap((u) => u.years.map((y) => ({ unit: u, year: y.year, file: read(y.file) })));

describe.concurrent.each(cases.map((c) => [`${c.unit.id} ${c.year}`, c] as const))('%s', (_name, { unit, year, file }) => {
  test.for(ROUTES)('%s shows this year’s own report', async (route, { expect }) => {
    const s = await openPage(`?e2e${route}?unit=${unit.id}&year=${year}`);
    try {
      await waitForCharts(s.page);
      await expect.poll(() => s.page.locator('main').innerText(), { timeout: 15_000 }).not.toMatch(/正在加载/);
      const text = (await s.page.locator('main, .site-footer').allInnerTexts()).join('\n');
      expect(text).toContain(file.source.title);
      for (const other of unit.years.filter((y) => y.year !== year)) expect(text, `${route} cites the ${other.year} report`).not.toContain(read(other.file).source.title);
      if (route !== '#/screen') {
        expect(await s.page.locator('.site-header .brand-title').innerText()).toBe(unit.name);
        const offered = (await s.page.getByLabel('年度').locator('option').allInnerTexts()).map(Number);
        for (const y of unit.years) expect(offered, `年度 offers ${y.year}`).toContain(y.year);
      }
      if (route === '#/' && incomeOf(file)) expect(await s.page.locator('main').innerText()).toContain(incomeOf(file)!);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});

describe.each(sample.map((u) => [u.id, u] as const))('%s: switching 年度 in place', (_id, unit) => {
  test('changes the figures and the cited report together', async ({ expect }) => {
    const [first, last] = [unit.years[0], unit.years[unit.years.length - 1]];
    const [a, b] = [read(first.file), read(last.file)];
    const s = await openPage(`?e2e#/?unit=${unit.id}&year=${last.year}`);
    try {
      await waitForCharts(s.page);
      await expect.poll(() => s.page.locator('.site-footer').innerText(), { timeout: 15_000 }).toContain(b.source.title);
      await s.page.getByLabel('年度').selectOption(String(first.year));
      await expect.poll(() => hashOf(s.page)).toContain(`year=${first.year}`);
      await expect.poll(() => s.page.locator('.site-footer').innerText(), { timeout: 15_000 }).toContain(a.source.title);
      const main = await s.page.locator('main').innerText();
      expect(main).toContain(`${first.year}年`);
      if (incomeOf(a)) expect(main).toContain(incomeOf(a)!);
      if (incomeOf(b) && incomeOf(b) !== incomeOf(a)) expect(main).not.toContain(incomeOf(b)!);
      await s.expectClean();
    } finally {
      await s.close();
    }
  });
});
