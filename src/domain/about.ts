/**
 * "About the data": per unit and report year, where the figures come from (the document, its
 * date, its address), what the file covers and what it does not (the file's own `gaps`), how the
 * figures were entered (stated / derived / inferred), the report's known issues, the review list,
 * and how to cite it. Pure: it reads the index entry and the unit-year file, never the page.
 */
import type { DataIndex, Gap, KnownIssue, UnitYearFile } from '../model/types';
import { roleSection, SECTION_TITLES, type RoleSection } from '../model/vocabulary';

/** The product, as the page's document title names it. */
const PRODUCT_NAME = '支出透明看板';

/** The licence the compiled data is published under; null while none has been chosen. */
export interface Licence {
  name: string;
  url?: string;
}

/**
 * The licence of the data this site compiles (the figures as tables, their sources and marks).
 * The reports themselves are public documents of their units; CC BY asks only that a reuse
 * names where the figures come from, which the citation below gives.
 */
export const DATA_LICENCE: Licence = { name: '知识共享署名 4.0 国际许可协议（CC BY 4.0）', url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans' };

export interface AboutOptions {
  /** The site's public address (e.g. `https://example.org/budget/`); '' gives a link relative to the page. */
  siteUrl: string;
  licence: Licence | null;
}

/** One standard part of a report, and whether the file has figures for it. */
interface CoveredPart {
  title: string;
  covered: boolean;
}

const ISSUE_KIND_TITLES: Record<KnownIssue['kind'], string> = {
  arithmetic: '数字不相符',
  definition: '口径或基数不一致',
  wording: '文字、名称或编号问题',
};

export interface AboutUnitYear {
  unit: { id: string; name: string; region: string };
  /** The report year (the year of the file). */
  year: number;
  /** The unit-year file, relative to the data root. */
  file: string;
  source: {
    title: string;
    /** 部门决算, 单位决算, 部门整体支出绩效自评 …; null when the file does not say. */
    kind: string | null;
    publisher: string;
    /** YYYY-MM-DD, or null when neither the report nor its page prints a date. */
    date: string | null;
    /** Where the report was published; null when not recorded. */
    url: string | null;
    /** The report's text as obtained, relative to the data root. */
    text: string;
  };
  /** The years the file's figures belong to (a report states last year's figures too). */
  years: number[];
  /** Every standard part, in report order, with whether the file has figures for it. */
  parts: CoveredPart[];
  /** The parts of the report that were not available or not transcribed, as the file records them. */
  gaps: Gap[];
  /** How the figures were entered: quoted from the report, computed by a formula, or assigned by a rule. */
  method: { stated: number; derived: number; inferred: number; total: number; codesInferred: number };
  knownIssues: {
    total: number;
    byKind: Record<KnownIssue['kind'], number>;
    items: { id: string; kind: KnownIssue['kind']; kindTitle: string; title: string }[];
  };
  /** Numbers an importer found but could not place (not shown as figures). */
  review: number;
  /** The dashboard's link to this unit and year. */
  link: string;
  citation: string;
  licence: Licence | null;
}

/** The role sections an overview card or the assets route shows, in report order (totals and spending are facts). */
const ROLE_PARTS: RoleSection[] = ['budget', 'sangong', 'meeting', 'training', 'operating', 'procurement', 'assets', 'vehicles', 'staff', 'performance'];

function coveredParts(file: UnitYearFile, indicatorsTitle: string | undefined): CoveredPart[] {
  const f = file.facts;
  const sections = new Set(file.measures.flatMap((m) => (m.role ? [roleSection(m.role)] : [])));
  const roles = new Set(file.measures.flatMap((m) => (m.role ? [m.role] : [])));
  const parts: CoveredPart[] = [
    { title: '收支总计', covered: f.some((x) => (x.flow === '收入' || x.flow === '支出') && x.source === null && x.basis === null && x.functional === null && x.economic === null) || roles.has('income.grand-total') || roles.has('spending.grand-total') },
    { title: '收入（按来源）', covered: f.some((x) => x.flow === '收入' && x.source !== null) },
    { title: '支出（按基本支出、项目支出等类型）', covered: f.some((x) => x.flow === '支出' && x.basis !== null) },
    { title: '支出功能分类', covered: f.some((x) => x.functional !== null) },
    { title: '支出经济分类', covered: f.some((x) => x.economic !== null) },
    { title: '年初结转和结余', covered: f.some((x) => x.flow === '年初结转和结余') || roles.has('income.carryover') },
    { title: '年末结转和结余', covered: f.some((x) => x.flow === '年末结转和结余') || roles.has('spending.carryover') },
    { title: '年初预算与调整预算', covered: f.some((x) => x.phase !== '决算') || file.measures.some((m) => m.phase !== undefined && m.phase !== '决算') },
    ...ROLE_PARTS.map((s) => ({ title: SECTION_TITLES[s], covered: sections.has(s) })),
  ];
  if (indicatorsTitle) parts.push({ title: indicatorsTitle, covered: file.indicators.length > 0 });
  return parts;
}

function method(file: UnitYearFile): AboutUnitYear['method'] {
  const records = [...file.facts, ...file.measures, ...file.indicators];
  const count = (k: string) => records.filter((r) => r.provenance.kind === k).length;
  return {
    stated: count('stated'),
    derived: count('derived'),
    inferred: count('inferred'),
    total: records.length,
    codesInferred: file.facts.filter((x) => x.codeProvenance?.kind === 'inferred').length,
  };
}

/** The dashboard's link to a unit's overview in a year (the hash the page itself reads). */
export function unitYearLink(siteUrl: string, unit: string, year: number): string {
  const q = new URLSearchParams({ unit, year: String(year) });
  return `${siteUrl}#/?${q.toString()}`;
}

/**
 * How to cite the figures: the unit and year, the document (title, kind, publisher, date and
 * address where known — an unknown one is left out, never written as "unknown"), and the
 * dashboard's link.
 */
export function citationText(a: Pick<AboutUnitYear, 'unit' | 'year' | 'source' | 'link'>): string {
  const s = a.source;
  const meta = [s.kind, `${s.publisher}发布`, s.date].filter(Boolean).join('，');
  const from = `《${s.title}》（${meta}）${s.url ? `，原文 ${s.url}` : ''}`;
  return `${a.unit.name}${a.year}年数据，据${from}；经${PRODUCT_NAME}整理${a.link ? `，${a.link}` : '。'}`;
}

/** About one unit-year file. Throws when the index does not list the file (a caller's mistake, not data). */
export function aboutUnitYear(index: DataIndex, file: UnitYearFile, opts: AboutOptions): AboutUnitYear {
  const unit = index.units.find((u) => u.id === file.unit);
  const entry = unit?.years.find((y) => y.year === file.reportYear);
  if (!unit || !entry) throw new Error(`index.json 没有列出单位 ${file.unit} 的 ${file.reportYear} 年文件`);
  const byKind: Record<KnownIssue['kind'], number> = { arithmetic: 0, definition: 0, wording: 0 };
  for (const k of file.knownIssues) byKind[k.kind]++;
  const base = {
    unit: { id: unit.id, name: unit.name, region: unit.region },
    year: file.reportYear,
    source: {
      title: file.source.title,
      kind: file.source.kind ?? null,
      publisher: file.source.publisher,
      date: file.source.date,
      url: file.source.url ?? null,
      text: file.source.file,
    },
    link: unitYearLink(opts.siteUrl, unit.id, file.reportYear),
  };
  return {
    ...base,
    file: entry.file,
    years: [...new Set([...file.facts, ...file.measures, ...file.indicators].map((r) => r.year))].sort((a, b) => a - b),
    parts: coveredParts(file, unit.indicatorsTitle),
    gaps: file.gaps ?? [],
    method: method(file),
    knownIssues: {
      total: file.knownIssues.length,
      byKind,
      items: file.knownIssues.map((k) => ({ id: k.id, kind: k.kind, kindTitle: ISSUE_KIND_TITLES[k.kind], title: k.title })),
    },
    review: file.review?.length ?? 0,
    citation: citationText(base),
    licence: opts.licence,
  };
}

/** About every file given, in index order (units, then years). Files the index does not list are an error. */
export function aboutData(index: DataIndex, files: readonly UnitYearFile[], opts: AboutOptions): AboutUnitYear[] {
  const order = (f: UnitYearFile) => {
    const u = index.units.findIndex((x) => x.id === f.unit);
    return [u, index.units[u]?.years.findIndex((y) => y.year === f.reportYear) ?? -1];
  };
  return [...files]
    .sort((a, b) => {
      const [ua, ya] = order(a);
      const [ub, yb] = order(b);
      return ua - ub || ya - yb;
    })
    .map((f) => aboutUnitYear(index, f, opts));
}

/** The licence in one sentence; while none is chosen, says so instead of implying one. */
export function licenceText(licence: Licence | null): string {
  if (!licence) return '本站整理的数据尚未声明许可协议；原始报告由各发布单位依政府信息公开的规定公开，引用时请注明原始报告和本站链接。';
  return `本站整理的数据按 ${licence.name}${licence.url ? `（${licence.url}）` : ''} 发布；原始报告由各发布单位依政府信息公开的规定公开。`;
}

/** How the figures were entered, in one plain sentence (counts of zero are left out). */
export function methodSentence(m: AboutUnitYear['method']): string {
  const parts = [
    m.stated ? `${m.stated} 个照录报告原文` : '',
    m.derived ? `${m.derived} 个由报告中的数字按公式推算` : '',
    m.inferred ? `${m.inferred} 个按写明的规则推定` : '',
  ].filter(Boolean);
  const codes = m.codesInferred ? `另有 ${m.codesInferred} 个数字的科目代码报告未印，按科目名称归入。` : '';
  return `共 ${m.total} 个数字：${parts.join('，')}。${codes}`;
}

/** The standard parts the file has no figures for, by title, in report order. */
export function notCoveredParts(a: Pick<AboutUnitYear, 'parts'>): string[] {
  return a.parts.filter((p) => !p.covered).map((p) => p.title);
}
