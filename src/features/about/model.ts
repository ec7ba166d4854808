/**
 * #/about — 关于数据: for the shown unit, per report year, where its figures come from, what the
 * report covers and does not, how the figures were entered, the report's known issues, how to
 * cite it and the open-data files to download; then the licence and the bulk downloads. Pure:
 * the component passes the index entry, the unit's files and where the site root is.
 */
import { aboutUnitYear, citationText, DATA_LICENCE, licenceText, methodSentence, notCoveredParts, type AboutUnitYear } from '../../domain/about';
import { OPEN_DATA_VERSION, openDataPaths } from '../../domain/open-data';
import type { DataIndex, UnitYearFile } from '../../model/types';

export interface AboutInput {
  index: DataIndex | undefined;
  unit: string;
  /** The unit's loaded report files (any order). */
  files: readonly UnitYearFile[];
  /** The site root relative to the page ("./", "../" …): the open-data files and report texts are under it. */
  root: string;
  /** The site's address for citations ('' before the page knows it: the link is then relative). */
  siteUrl: string;
  /** A unit added by #/import in this session: nothing of it is published. */
  preview: boolean;
}

interface Download {
  label: string;
  href: string;
  /** What the file holds, in one phrase. */
  note: string;
}

interface AboutYearView {
  year: number;
  heading: string;
  id: string;
  /** The document in one line: 《title》, kind, publisher, date (an unknown date is left out). */
  document: string;
  /** The report's own address, when recorded. */
  url: string | null;
  /** The report text kept with the data (every quote is checked against it). */
  text: Download | null;
  /** "数字属于 2021、2022 年". */
  years: string;
  covered: string[];
  /** The standard parts without figures, in one sentence; '' when none is missing. */
  notCovered: string;
  gaps: { section: string; note: string }[];
  method: string;
  issues: { summary: string; items: { title: string; kind: string; href: string }[] };
  review: string;
  citation: string;
  downloads: Download[];
}

export interface AboutView {
  title: string;
  lead: string;
  /** Why there is nothing to show, or ''. */
  empty: string;
  years: AboutYearView[];
  licence: string;
  licenceUrl: string | null;
  /** The bulk files (every unit of a year, this unit's region in a year) and the manifest. */
  bulk: Download[];
  format: string;
}

const withRoot = (root: string, path: string) => `${root}${path.split('/').map(encodeURIComponent).join('/')}`;

function yearDownloads(a: AboutUnitYear, root: string): Download[] {
  const p = openDataPaths.unitYear(a.unit.id, a.year);
  return [
    { label: `${a.year}年数据（CSV，金额）`, href: withRoot(root, p.facts), note: '每行一个金额（万元），附出处' },
    { label: `${a.year}年数据（CSV，其他指标）`, href: withRoot(root, p.measures), note: '增减、比率、“三公”、人员、资产、绩效等，附出处' },
    { label: `${a.year}年数据（JSON）`, href: withRoot(root, p.json), note: '校验后的完整数据文件' },
  ];
}

function issueSummary(a: AboutUnitYear): string {
  const k = a.knownIssues;
  if (!k.total) return '报告中没有发现数字或口径上的不一致。';
  const parts = Object.values(k.items.reduce<Record<string, { title: string; n: number }>>((acc, i) => {
    (acc[i.kind] ??= { title: i.kindTitle, n: 0 }).n++;
    return acc;
  }, {})).map((x) => `${x.title} ${x.n} 项`);
  return `报告本身有 ${k.total} 处不一致（${parts.join('，')}），逐项说明见“数据质量”。`;
}

function yearView(a: AboutUnitYear, input: AboutInput): AboutYearView {
  const s = a.source;
  const missing = notCoveredParts(a);
  return {
    year: a.year,
    heading: `${a.year}年度报告`,
    id: `about-${a.year}`,
    document: [`《${s.title}》`, s.kind, `${s.publisher}发布`, s.date].filter(Boolean).join('，'),
    url: s.url,
    text: input.preview ? null : { label: '报告全文（本站存档）', href: withRoot(input.root, `data/${s.text}`), note: '每条引文都与它逐字核对' },
    years: `数字所属年度：${a.years.join('、')}${a.years.length > 1 ? '（报告也列出往年的数字，作比较用）' : ''}`,
    covered: a.parts.filter((p) => p.covered).map((p) => p.title),
    notCovered: missing.length ? `报告没有（或本站未录入）这些部分的数字：${missing.join('、')}。` : '',
    gaps: a.gaps.map((g) => ({ section: g.section, note: g.note })),
    method: methodSentence(a.method),
    issues: {
      summary: issueSummary(a),
      items: a.knownIssues.items.map((i) => ({ title: i.title, kind: i.kindTitle, href: `#/quality?unit=${encodeURIComponent(a.unit.id)}&year=${a.year}&focus=${encodeURIComponent(`issue:${i.id}`)}` })),
    },
    review: a.review ? `另有 ${a.review} 个数字导入时未能确定含义，留待核对，未作为数字显示。` : '',
    citation: a.citation,
    downloads: input.preview ? [] : yearDownloads(a, input.root),
  };
}

function bulkDownloads(input: AboutInput, region: string, years: number[]): Download[] {
  if (input.preview) return [];
  const out: Download[] = [];
  for (const y of [...years].sort((a, b) => b - a)) {
    out.push({ label: `${region} ${y}年全部单位（ZIP）`, href: withRoot(input.root, openDataPaths.region(region, y).zip), note: '该地区各单位的金额表、指标表、来源表和数据文件' });
    out.push({ label: `${y}年全部单位（ZIP）`, href: withRoot(input.root, openDataPaths.year(y).zip), note: '本站所有单位该年度的同样文件' });
  }
  out.push({ label: '文件清单（JSON）', href: withRoot(input.root, openDataPaths.manifest), note: '所有开放数据文件及其内容' });
  out.push({ label: '数据字典', href: withRoot(input.root, openDataPaths.readme), note: '每个文件、每一列的含义与单位' });
  return out;
}

export function aboutModel(input: AboutInput): AboutView {
  const entry = input.index?.units.find((u) => u.id === input.unit);
  const base = {
    title: '关于数据',
    licence: licenceText({ name: DATA_LICENCE.name }),
    licenceUrl: DATA_LICENCE.url ?? null,
    format: `开放数据格式第 ${OPEN_DATA_VERSION} 版。CSV 文件可用 Excel 直接打开：第一行写明来源、金额单位和生成日期，第二行是表头，每行一个数字并附出处；列的含义改变时版本号升级，旧版文件保留。`,
  };
  if (!input.index || !entry) return { ...base, lead: '', empty: '没有选中的单位。', years: [], bulk: [] };
  const listed = input.files.filter((f) => f.unit === entry.id && entry.years.some((y) => y.year === f.reportYear));
  const abouts = listed
    .map((f) => aboutUnitYear(input.index!, f, { siteUrl: input.siteUrl, licence: DATA_LICENCE }))
    // Until the page knows the site's address (the prerender does not) the citation names no link.
    .map((a) => (input.siteUrl ? a : { ...a, citation: citationText({ ...a, link: '' }) }))
    .sort((a, b) => b.year - a.year);
  const lead = input.preview
    ? `${entry.name}是本次导入的预览，只在本页显示，尚未发布，没有可下载的开放数据文件。`
    : `${entry.name}的数字全部来自它公开的报告：下面按报告年度列出来源、涵盖范围、录入方式、报告本身的问题和引用方式，并提供可供程序读取的数据文件。`;
  return {
    ...base,
    lead,
    empty: abouts.length ? '' : `${entry.name}的报告文件没有加载成功，见页首的错误说明。`,
    years: abouts.map((a) => yearView(a, input)),
    bulk: bulkDownloads(input, entry.region, abouts.map((a) => a.year)),
  };
}
