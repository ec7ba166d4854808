import type { Rule } from './context';
import { result } from './context';
import { normalizeQuoteText } from './quote';
import { reportLines } from './text';

/**
 * title-unit:title — the report's title names the unit (“某某中心2022年部门整体支出绩效自评
 * 报告”): a title of only year and kind (“2022年度单位决算”) does not say whose report it
 * is once the page is copied or printed. The title is the text's first line when the text starts
 * with the report, else the recorded `source.title`; the unit is the index's name (opts.unitName)
 * or the publisher.
 */
export const titleUnit: Rule = {
  id: 'title-unit',
  title: '标题写明单位名称',
  family: 'wording',
  grade: 'note',
  run(ctx) {
    const lines = ctx.sourceText === undefined ? null : reportLines(ctx.sourceText);
    const first = lines?.[0];
    // A text that begins with a gap, or with a part heading, has lost its title page.
    const fromText = first && !first.gap && !/^第.{1,3}部分/.test(first.text.trim());
    const title = fromText ? first.text.trim() : ctx.file.source.title;
    const names = [...new Set([ctx.unitName, ctx.file.source.publisher].filter((n): n is string => !!n))];
    const ok = names.some((n) => normalizeQuoteText(title).includes(normalizeQuoteText(n)));
    return [
      result(this, 'title-unit:title', ok, {}, [],
        ok ? `标题“${title}”写明了单位名称` : `标题“${title}”没有写单位名称（${names.map((n) => `“${n}”`).join('或')}）：标题应写明是哪个单位的报告`,
        fromText ? { span: { text: title, line: first.line } } : {}),
    ];
  },
};
