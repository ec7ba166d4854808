/** The text normaliser and the number guards: each case of a real report that misled the reader. */
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import/text/index';
import { normalizeText } from '../../../src/import/text/normalize';
import { fold } from '../../../src/import/text/fold';
import { options } from './helpers';

const HEAD = '某某局2022年度单位决算情况说明\n';
const run = (body: string, over = {}) => importText(HEAD + body, options(over));
const written = (r: ReturnType<typeof run>) => [
  ...(r.file?.facts ?? []).map((f) => f.amount),
  ...(r.file?.measures ?? []).map((m) => m.value),
];

describe('normalizeText', () => {
  it('removes zero-width and bidirectional marks and counts them', () => {
    const n = normalizeText('收入3\u200B859.16万元\u202A。\uFEFF');
    expect(n.text).toBe('收入3859.16万元。');
    expect(n.repairs.invisible).toBe(3);
  });

  it('drops dashed and worded page numbers, and bare ones only when they count up', () => {
    expect(normalizeText('甲。\n—5—\n乙。\n- 3 -\n丙。\n第3页\n丁。\n第 4 页 共 9 页').text).toBe('甲。\n乙。\n丙。\n丁。');
    expect(normalizeText('甲。\n5\n乙。').text).toBe('甲。\n5\n乙。');
    expect(normalizeText('甲。\n5\n乙。\n6\n丙。').text).toBe('甲。\n乙。\n丙。');
  });

  it('drops a running header repeated on every page but keeps its first line', () => {
    const t = ['某局2021年度部门决算', '正文一。', '某局2021年度部门决算', '正文二。', '某局2021年度部门决算', '正文三。'].join('\n');
    const n = normalizeText(t);
    expect(n.text).toBe('某局2021年度部门决算\n正文一。\n正文二。\n正文三。');
    expect(n.repairs.headers).toBe(2);
  });

  it('drops the title printed again at a page break inside a sentence, even once', () => {
    const t = ['某局2021年度部门决算', '本年支出合计500万元,其中基本支出', '某局2021年度部门决算', '400万元,项目支出100万元。'].join('\n');
    const n = normalizeText(t);
    expect(n.repairs.headers).toBe(1);
    expect(n.text.split('\n').filter((l) => l === '某局2021年度部门决算')).toHaveLength(1);
    // Another short line seen twice is no header.
    expect(normalizeText(['某局2021年度部门决算', '一、基本支出', '正文。', '一、基本支出'].join('\n')).repairs.headers).toBe(0);
  });

  it('keeps a table cell that repeats down a "|" table: it is not a running header', () => {
    // The actual-value column of a 绩效自评 indicator table: the same cell on most rows.
    const t = [
      '| 三级指标 | 年度指标值 | 实际完成值',
      '| 资金拨付及时率 | 100% | 已完成100%',
      '| 已完成100%',
      '| 项目验收合格率 | 100%',
      '| 已完成100%',
      '| 群众满意度 | ≥90%',
      '| 已完成100%',
    ].join('\n');
    const n = normalizeText(t);
    expect(n.text).toBe(t);
    expect(n.repairs.headers).toBe(0);
  });

  it('joins lines wrapped inside a sentence (a PDF copy), never after a sentence end or before a heading', () => {
    const wrapped = [
      '2021年度本单位收入总计390.55万元，其中本年收',
      '入390.55万元，与上年相比增加12.30万元，增长了3',
      '.25%。主要原因是人员增加，工资福利支出增加，同时',
      '办公设备购置支出也有所增加，公用经费有所上升。',
      '二、支出决算情况说明',
      '2021年度本单位支出总计390.55万元，其中本年支',
      '出390.55万元，与上年相比增加12.30万元，增长了3',
      '.25%。',
    ].join('\n');
    const n = normalizeText(wrapped);
    expect(n.text.split('\n')).toEqual([
      '2021年度本单位收入总计390.55万元，其中本年收入390.55万元，与上年相比增加12.30万元，增长了3.25%。主要原因是人员增加，工资福利支出增加，同时办公设备购置支出也有所增加，公用经费有所上升。',
      '二、支出决算情况说明',
      '2021年度本单位支出总计390.55万元，其中本年支出390.55万元，与上年相比增加12.30万元，增长了3.25%。',
    ]);
  });

  it('measures the wrap width as printed (digits half as wide) and joins a numbered heading that runs on after its colon', () => {
    const wrapped = [
      '(二)项目支出绩效自评结果。',
      '1.项目绩效自评总体情况:我部门及所属二层单位2024年度',
      '项目21个,项目支出总额656.93万元。其中,本级项目8个,本',
      '级项目支出385.58万元;对下转移支付项目0个,对下转移支付0',
      '万元。项目中,敏感涉密项目0个,涉及资金0万元。',
      '所有项目均开展了绩效自评,其中非敏感涉密项目绩效自评结',
      '果为:21 个项目评为一等,涉及资金 656.93 万元,占项目总数',
      '比例 100%,占项目支出总额比例 100%;0 个项目评为二等,涉及',
      '资金 0 万元,占项目总数比例 0%,占项目支出总额比例 0%。',
      '2.部门评价项目情况',
    ].join('\n');
    expect(normalizeText(wrapped).text.split('\n')).toEqual([
      '(二)项目支出绩效自评结果。',
      '1.项目绩效自评总体情况:我部门及所属二层单位2024年度项目21个,项目支出总额656.93万元。其中,本级项目8个,本级项目支出385.58万元;对下转移支付项目0个,对下转移支付0万元。项目中,敏感涉密项目0个,涉及资金0万元。',
      '所有项目均开展了绩效自评,其中非敏感涉密项目绩效自评结果为:21 个项目评为一等,涉及资金 656.93 万元,占项目总数比例 100%,占项目支出总额比例 100%;0 个项目评为二等,涉及资金 0 万元,占项目总数比例 0%,占项目支出总额比例 0%。',
      '2.部门评价项目情况',
    ]);
    const r = importText(`某局2024年度部门决算\n${wrapped}\n`, options());
    expect(r.file!.measures.find((m) => m.role === 'project.count')).toMatchObject({ value: 21, unit: '个' });
  });

  it('never joins the rows of a table copied with "|" between its cells, however wide the text is wrapped', () => {
    const rows = ['项目 | 预算数 | 决算数 | ||||', '合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |', '因公出国(境)费 | 0 | 0 | 0 | 0 | 0 | 0 |', '公务接待费 | 8 | 8 | 0 | 2.26 | 2.26 | 0 |'];
    const prose = Array.from({ length: 6 }, (_, i) => `2021年度一般公共预算财政拨款“三公”经费支出决算中，第${i}段的说明文字换`);
    const t = [...prose.map((l) => `${l}。`), ...rows].join('\n');
    expect(normalizeText(t).text).toBe(t);
  });

  it('joins a sentence cut by a blank line, but not paragraphs a blank line separates', () => {
    const cut = ['2.收入情况。2022年度收入合计2417.13万元，较上年决算', '', '数增加136.12万元，增长6%。', '', '3.支出情况。'].join('\n');
    expect(normalizeText(cut).text.split('\n')).toEqual(['2.收入情况。2022年度收入合计2417.13万元，较上年决算数增加136.12万元，增长6%。', '', '3.支出情况。']);
    const paragraphs = ['一、收入支出决算总体情况说明', '', '2022年度收入总计100万元，支出总计100万元。', '', '二、收入决算情况说明'].join('\n');
    expect(normalizeText(paragraphs).text).toBe(paragraphs);
  });

  it('leaves a text written one paragraph per line unchanged', () => {
    const t = '一、收入支出决算总体情况说明\n2022年度收、支总计各是120.5,120.5万元。\n二、收入决算情况说明\n';
    expect(normalizeText(t).text).toBe(t);
  });

  it('folds compatibility characters of PDF copies for matching, keeping offsets', () => {
    expect(fold('⽀出１２０．５万元（含）')).toBe('支出120.5万元(含)');
    expect(fold('⽀出１２０．５万元（含）')).toHaveLength('⽀出１２０．５万元（含）'.length);
  });
});

describe('numbers are read whole, from their own clause, or refused to review', () => {
  it('reads "3\\u200B859.16" as 3859.16 and says the text was repaired', () => {
    const r = run('2022年本年收入合计3\u200B859.16万元。\n');
    expect(r.file?.facts.find((f) => f.flow === '收入')?.amount).toBe(3859.16);
    expect(r.warnings?.join('')).toMatch(/零宽/);
  });

  it('refuses "1,1,40.27" (commas in the wrong places) to review, writing nothing of it', () => {
    const r = run('2022年本年收入合计1,1,40.27万元。2022年本年支出合计1,140.27万元。\n');
    expect(written(r)).not.toContain(1);
    expect(written(r)).not.toContain(40.27);
    expect(r.review).toEqual([expect.objectContaining({ text: '1,1,40.27万元', value: null, reason: expect.stringMatching(/逗号/) })]);
    // Correct thousands grouping is one number.
    expect(r.file?.facts.find((f) => f.flow === '支出')?.amount).toBe(1140.27);
  });

  it('refuses "3 859.16" (digits split by a space), never keeping the last group', () => {
    const r = run('2022年本年收入合计3 859.16万元。2022年本年支出合计20万元。\n');
    expect(written(r)).not.toContain(859.16);
    expect(r.review[0]).toMatchObject({ text: '3 859.16万元', reason: expect.stringMatching(/空格/) });
  });

  it('refuses "三〇万元" to review and never gives its item the next clause’s number', () => {
    const r = run('本年支出合计800万元。2022年度政府采购支出总额709.65万元，其中：政府采购货物支出0万元、政府采购工程支出三〇万元、政府采购服务支出670.65万元。\n');
    const m = (k: string) => r.file?.measures.find((x) => x.role === `procurement.kind:${k}`)?.value;
    expect(m('工程')).toBeUndefined();
    expect(m('服务')).toBe(670.65);
    expect(m('货物')).toBe(0);
    expect(r.review).toEqual([expect.objectContaining({ text: '三〇万元', value: null, reason: expect.stringMatching(/〇/) })]);
  });

  it('never reaches back past another amount for a number’s words', () => {
    const r = run('本年支出合计800万元。2022年度政府采购支出总额709.65万元，其中：政府采购工程支出 万元、政府采购服务支出670.65万元。\n');
    expect(r.file?.measures.find((x) => x.role === 'procurement.kind:工程')).toBeUndefined();
    expect(r.file?.measures.find((x) => x.role === 'procurement.kind:服务')?.value).toBe(670.65);
  });

  it('joins "本年收\\n入390.55" so the label is 本年收入, not 入', () => {
    const lines = Array.from({ length: 6 }, (_, i) => `这是第${i + 1}行用来说明版面宽度的正文内容，共计有三十个字左右的宽度吧`);
    const r = run(`${lines.join('\n')}\n2022年度本单位收入总计390.55万元，其中本年收\n入390.55万元，上年结转0万元。\n`);
    expect(r.file?.facts.find((f) => f.flow === '收入' && !f.source)).toMatchObject({ amount: 390.55, label: '本年收入合计' });
  });
});

describe('one year per report', () => {
  it('keeps "含2023年转列…" figures of a 2024 report in 2024 or review, never 2023', () => {
    const r = importText('某局2024年度部门决算\n2024年本年收入合计500万元（含2023年转列资金30万元）。\n', options());
    expect(r.file?.facts.find((f) => f.flow === '收入')).toMatchObject({ year: 2024, amount: 500 });
    expect([...r.file!.facts, ...r.file!.measures].some((x) => x.year === 2023)).toBe(false);
    expect(r.review.map((x) => x.text)).toEqual(['30万元']);
  });

  it('sends a misprinted "2022年三公" of a 2023 report to review, with no derived 2021', () => {
    const r = importText('某局2023年度部门决算\n本年收入合计100万元。2022年“三公”经费支出5万元，较2021年减少1万元。\n', options());
    const years = [...r.file!.facts, ...r.file!.measures].map((x) => x.year);
    expect(years.every((y) => y === 2023)).toBe(true);
    expect(r.review.map((x) => x.text)).toEqual(['5万元', '1万元']);
  });

  it('takes another year only by an explicit comparison: 上年决算数, 2022年决算数', () => {
    const r = importText('某局2023年度部门决算\n本年收入合计100万元。“三公”经费支出5万元，上年决算数6万元。机关运行经费支出8万元，2022年决算数为9万元。\n', options());
    const sg = r.file!.measures.filter((m) => m.role === 'sangong.total').map((m) => [m.year, m.value]);
    expect(sg).toEqual([[2023, 5], [2022, 6]]);
    const op = r.file!.measures.filter((m) => m.role === 'operating.total').map((m) => [m.year, m.value]);
    expect(op).toEqual([[2023, 8], [2022, 9]]);
  });

  it('uses --year over the title, and says they differ', () => {
    const r = importText('某局2022年度部门决算\n本年收入合计100万元。\n', options({ year: 2023 }));
    expect(r.file?.facts[0].year).toBe(2023);
    expect(r.warnings?.join('')).toMatch(/2023.*2022/);
  });

  it('asks for the year when the title gives none, even if the body names one', () => {
    const r = importText('某局部门决算\n一、收入\n2022年度本年收入合计100万元。\n', options());
    expect(r.errors[0].message).toMatch(/--year/);
  });
});

describe('the reference vocabulary (data/reference/)', () => {
  it('codes a 类 the data’s trees lack by its official name or an older one, and returns it as a new code', () => {
    const r = run('本年支出合计10万元。一般公共预算财政拨款支出10万元，主要用于：农林水支出0.8万元，医疗卫生与计划生育支出9.2万元。\n');
    expect(r.file?.facts.filter((f) => f.functional).map((f) => [f.functional, f.amount])).toEqual([
      ['213', 0.8],
      ['210', 9.2],
    ]);
    expect(r.newCodes?.functional.map((n) => n.code)).toContain('213');
  });

  it('never codes a name two codes share once asides are dropped (资本性支出 / 资本性支出（基本建设）)', () => {
    const r = run('本年支出合计10万元，其中基本支出10万元，其中：工资福利支出6万元，资本性支出4万元。\n');
    expect(r.file?.facts.find((f) => f.amount === 4)?.economic).toBe('310');
  });

  it('reads a role by a wording listed for it', () => {
    const r = run('本年支出合计10万元。2022年机关运行费3.5万元，因公出国费0万元。\n');
    expect(r.file?.measures.filter((m) => m.role).map((m) => [m.role, m.value])).toEqual([
      ['operating.total', 3.5],
      ['sangong.item:因公出国（境）', 0],
    ]);
  });
});
