/**
 * The headings the 名词解释 groups its terms under, in display order. Kept apart from the glossary
 * schema so that the page can read them without the schema library.
 */
export const GLOSSARY_CATEGORIES = ['报告', '收入', '支出', '结转和结余', '三公与运行经费', '采购与资产', '预算与绩效', '分类科目'] as const;
export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number];
