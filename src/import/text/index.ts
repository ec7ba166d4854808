/**
 * Report text → unit-year file. Pure (no I/O, no Node APIs): the CLI and, later, a browser
 * worker call it with the decoded text. Steps: lines and headings (sections.ts) → sentences and
 * figures (sentences.ts, numbers.ts) → what each figure is (patterns.ts, roles.ts, classify.ts,
 * extract.ts) → one record per figure with derived records (build.ts).
 */
import type { SourceDoc } from '../../model/schema';
import type { ImportOptions, ImportResult } from '../types';
import { build } from './build';
import { branchesNamed, treeIndex } from './classify';
import { extract } from './extract';
import { budgetDocument, budgetsAdjusted, reportYear, signedDate, sourceKind, titleOf } from './meta';
import { normalizeText, repairNote } from './normalize';
import { splitSections } from './sections';
import { missingCodes, withReference } from './vocabulary';

const KIND_SLUG: Record<string, string> = {
  部门整体支出绩效自评: 'jixiao-ziping',
  项目支出绩效自评: 'xiangmu-ziping',
  单位决算: 'danwei-juesuan',
  部门决算: 'bumen-juesuan',
  部门预算: 'bumen-yusuan',
  其他: 'report',
};

/** Roles that count or hold stocks (people, vehicles, assets, visits), never a budget's amounts. */
const STOCK_ROLE = /^(?:assets|vehicles|staff)\.|^sangong\.(?:vehicles|reception|abroad)/;

/** Import a report text. Never throws on bad text: problems come back as `errors`. */
export function importText(input: string, opts: ImportOptions): ImportResult {
  const { text, repairs } = normalizeText(input);
  const lines = splitSections(text);
  const warnings: string[] = [];
  const repaired = repairNote(repairs);
  if (repaired) warnings.push(repaired);
  const found = reportYear(lines);
  const year = opts.year ?? found?.year;
  if (year === undefined)
    return { review: [], errors: [{ message: '找不到报告年度：标题和开头几行都没有“20XX年度……决算/报告”之类的字样。请用 --year 指定年度' }] };
  if (opts.year !== undefined && found && found.year !== opts.year)
    warnings.push(`指定的年度 ${opts.year} 与文中第 ${found.line} 行的年度 ${found.year} 不同，按指定的 ${opts.year} 导入`);

  const kind = sourceKind(lines);
  const trees = withReference(opts.trees);
  // Where a 项 printed under many 款 (行政运行) may be placed: the 款 the report names, and the codes
  // the unit's files already in the data use (a unit's spending stays under its 款 year to year).
  const index = treeIndex(trees, new Set([...branchesNamed(text, trees.functional), ...(opts.unitCodes ?? [])]));
  const { claims, review } = extract(lines, { reportYear: year, trees: index, genre: kind, unitName: opts.name, budgetsAdjusted: budgetsAdjusted(lines), title: titleOf(lines) ?? undefined });
  if (budgetDocument(lines, kind)) {
    warnings.push('这是一份预算文件（全文没有“决算”“执行”“自评”等字样）：其中的数字都按年初预算记，不作为决算数');
    for (const c of claims) {
      // Amounts and the percentages of amounts (a share, a growth, a completion of a budget line)
      // only: counts (车辆, 人员) and the assets held are stocks, not budgets, and so are their rates.
      if (c.target.phase !== '决算' || (c.kind !== 'money' && c.kind !== 'percent') || (c.target.kind === 'measure' && STOCK_ROLE.test(c.target.role))) continue;
      if (c.kind === 'percent' && c.target.kind === 'measure' && !c.target.role && /人|车|资产|面积|设备/.test(c.target.label)) continue;
      c.target = { ...c.target, phase: '年初预算' } as typeof c.target;
      c.notes.push('预算文件中的数字，按年初预算记');
    }
  }
  const printed = titleOf(lines);
  if (!printed) warnings.push('文中没有找到报告标题（如“某某局2022年度部门决算”），source.title 按单位名称、年度和文种写成并注明“原文无标题”，可在文件中改为报告的原标题');
  const title0 = printed ?? `${year}年度${kind === '其他' ? '报告' : kind}（原文无标题）`;
  const title = title0.includes(opts.name) ? title0 : `${opts.name}${title0}`;
  const signed = signedDate(lines);
  const gaps: Array<{ section: string; note: string }> = [];
  const date = signed ?? opts.date;
  if (!date) warnings.push('文中没有落款日期，source.date 记为空（页面显示“发布日期未注明”）；知道发布日期时请用 --date 注明');
  if (!signed && !opts.date) gaps.push({ section: '来源', note: '报告正文没有落款日期，source.date 记为空' });
  const source: SourceDoc = {
    id: `${opts.unit}-${year}-${KIND_SLUG[kind]}`,
    kind,
    title,
    publisher: opts.name,
    date: date ?? null,
    file: opts.sourceFile ?? `sources/${opts.fileName}`,
  };
  const built = build({ claims, unit: opts.unit, reportYear: year, source, gaps, groups: opts.groups ?? [] });
  const allReview = [...review, ...built.review].sort((a, b) => (a.where.line ?? 0) - (b.where.line ?? 0));
  if (built.file.facts.length === 0 && built.file.measures.length === 0)
    return {
      review: allReview,
      errors: [{ message: `文中没有找到可以入库的数字（金额或有角色、有名称的指标）：已识别 ${claims.length} 个数字，${allReview.length} 个待核对` }],
      warnings,
    };
  const newCodes = {
    functional: missingCodes(new Set(built.file.facts.flatMap((f) => (f.functional ? [f.functional] : []))), opts.trees.functional, [...trees.functional, ...index.printed()]),
    economic: missingCodes(new Set(built.file.facts.flatMap((f) => (f.economic ? [f.economic] : []))), opts.trees.economic, trees.economic),
  };
  return { file: built.file, sourceText: text, review: allReview, errors: [], newGroups: built.newGroups, newCodes, warnings };
}
