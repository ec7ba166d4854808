/**
 * Phrasings of real 决算 and 三公 notices the reader missed or misplaced, one case per form: a
 * prior-year value printed without its unit, 上年决算数字, the counts-then-spending wording of
 * 公务接待, a list's collective name in brackets, a change named for both totals, a growth whose
 * change could not be placed, a page number before 项目, a title-less excerpt's stray year, and the
 * 绩效自评 wordings of a project's funds, the 部门's budget and the targets.
 * Each case is a short sentence in the words of a published report; what is not placed is in
 * review, never under a nearby role or year.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import/text/index';
import { normalizeText } from '../../../src/import/text/normalize';
import { options } from './helpers';

const run = (body: string, head: string) => importText(`${head}\n${body}\n`, options());
/** [role or label, stat, phase, year, value] of every stated measure. */
const measures = (body: string, head: string) =>
  run(body, head)
    .file!.measures.filter((m) => m.provenance.kind === 'stated')
    .map((m) => [m.role ?? m.label, m.stat ?? 'value', m.phase ?? '决算', m.year, m.value]);
const reviewed = (body: string, head: string) => run(body, head).review.map((r) => r.text);

describe('comparisons with last year', () => {
  const head = '某某局2018年度“三公”经费决算情况说明';

  it('"较上年2.08减少0.03万元": the bare number is last year’s value, in the change’s unit', () => {
    const body = '2018年度本部门一般公共预算财政拨款安排的“三公”经费支出2.05万元,较上年2.08减少0.03万元,减少了1.44%。';
    expect(measures(body, head)).toEqual([
      ['sangong.total', 'value', '决算', 2018, 2.05],
      ['sangong.total', 'value', '决算', 2017, 2.08],
      ['sangong.total', 'change', '决算', 2018, -0.03],
      ['sangong.total', 'growth', '决算', 2018, -1.44],
    ]);
  });

  it('a bare number between 较上年 and a change of a count is not money', () => {
    // Only a money change gives the bare number its unit; "较上年3增加2人" is left as printed.
    const body = '2018年度本部门“三公”经费支出2.05万元。在职人员12人,较上年3增加2人。';
    expect(measures(body, head).map((m) => m[4])).not.toContain(3);
  });

  it('"比上年决算数字下降X%" is a growth against last year; "比上年预算数字" goes to review', () => {
    const body = '许镇镇2018年“三公”经费决算数共计35.5万元,比上年预算数字下降35.45%,比上年决算数字下降34.26%。';
    expect(measures(body, head)).toEqual([
      ['sangong.total', 'value', '决算', 2018, 35.5],
      ['sangong.total', 'growth', '决算', 2018, -34.26],
    ]);
    expect(reviewed(body, head)).toEqual(['35.45%']);
  });

  it('"与2017年度决算相比,减少…" still names the year compared with', () => {
    const body = '公务接待费支出6.28万元,与2017年度决算相比,减少0.28万元,下降4.27%。';
    expect(measures(body, head)).toEqual([
      ['sangong.item:公务接待', 'value', '决算', 2018, 6.28],
      ['sangong.item:公务接待', 'change', '决算', 2018, -0.28],
      ['sangong.item:公务接待', 'growth', '决算', 2018, -4.27],
    ]);
  });
});

describe('三公 wordings', () => {
  const head = '某某局2018年度“三公”经费决算情况说明';

  it('"公务接待24批次,210人次,支出2.05万元": the amount after the counts is the 接待费', () => {
    const body = '2018年公务接待24批次,210人次,支出2.05万元,较上年减少0.03万元,减少了1.44%。';
    expect(measures(body, head)).toEqual([
      ['sangong.reception-batches', 'value', '决算', 2018, 24],
      ['sangong.reception-people', 'value', '决算', 2018, 210],
      ['sangong.item:公务接待', 'value', '决算', 2018, 2.05],
      ['sangong.item:公务接待', 'change', '决算', 2018, -0.03],
      ['sangong.item:公务接待', 'growth', '决算', 2018, -1.44],
    ]);
  });

  it('"公务用车购置及运维费" and "公车运行费": the short forms name the same items as the long ones', () => {
    const head = '某某局2021年度“三公”经费决算情况说明';
    expect(measures('公务用车购置及运维费支出3.2万元。', head)).toEqual([['sangong.item:公务用车购置及运行维护', 'value', '决算', 2021, 3.2]]);
    expect(measures('公车运行费1.5万元。', head)).toEqual([['sangong.item:公务用车运行维护', 'value', '决算', 2021, 1.5]]);
    expect(measures('公车购置费0万元。', head)).toEqual([['sangong.item:公务用车购置', 'value', '决算', 2021, 0]]);
  });

  it('a growth right after a change that went to review is not given to the figure before', () => {
    // The change cannot be the 人次's (a money change of a count); its growth is not either.
    const body = '2018年公务接待24批次,210人次,较上年减少0.03万元,减少了1.44%。';
    expect(measures(body, head)).toEqual([
      ['sangong.reception-batches', 'value', '决算', 2018, 24],
      ['sangong.reception-people', 'value', '决算', 2018, 210],
    ]);
    expect(reviewed(body, head)).toEqual(['0.03万元', '1.44%']);
  });

  it('"…公车运行费(“三公”经费)决算总额": the name in brackets after a list is the total’s', () => {
    const body = '2018年龙泉市部门因公出国(境)经费、公务接待费、公车购置费,公车运行费(“三公”经费)决算总额2771万元,比上年下降1.8%。';
    expect(measures(body, head)).toEqual([
      ['sangong.total', 'value', '决算', 2018, 2771],
      ['sangong.total', 'growth', '决算', 2018, -1.8],
    ]);
  });

  it('a name in brackets without a list before it does not replace the figure’s words', () => {
    const body = '公务用车运行维护费(含燃油费)合计3万元。';
    expect(measures(body, head)).toEqual([['sangong.item:公务用车运行维护', 'value', '决算', 2018, 3]]);
  });
});

describe('words that name no item', () => {
  it('"差值为X万元" is the difference of the item the sentence is about, one per item', () => {
    const body = '其中:公务用车运行维护费支出0万元,年初预算为0.95万元,差值为0.95万元;公务接待费支出2.05万元,年初预算为2万元,差值为0.05万元。';
    const r = run(body, '某某局2018年度“三公”经费决算情况说明');
    const free = r.file!.measures.filter((m) => !m.role && m.provenance.kind === 'stated').map((m) => [m.label, m.value]);
    expect(free).toEqual([
      ['公务用车运行维护费差值', 0.95],
      ['公务接待费差值', 0.05],
    ]);
    expect(r.review).toEqual([]);
  });
});

describe('parts in brackets', () => {
  it('"…批复总投资A万元(其中建筑工程B万元)" twice: each part is its own figure’s part, not one label twice', () => {
    const body = '一批项目县级批复总投资3374.3万元(其中建筑工程3292万元),二批项目县级批复总投资2069.51万元(其中建筑工程1975.775万元)。';
    const r = run(body, '某某局2021年度项目支出绩效自评报告');
    const labels = r.file!.measures.filter((m) => m.provenance.kind === 'stated' && m.value !== 3374.3 && m.value !== 2069.51).map((m) => [m.label, m.value]);
    expect(labels).toEqual([
      ['一批项目县级批复总投资其中建筑工程', 3292],
      ['二批项目县级批复总投资其中建筑工程', 1975.775],
    ]);
    expect(r.review.map((x) => x.text)).not.toContain('1975.775万元');
  });
});

describe('totals', () => {
  it('"收支较上年决算数减少X万元、下降Y%" is the change of both totals', () => {
    const body = '2021年度收入总计23,866.88万元,支出总计23,866.88万元。收支较上年决算数减少3,888.01万元、下降14%。';
    expect(measures(body, '某某局2021年度部门决算情况说明')).toEqual([
      ['income.grand-total', 'value', '决算', 2021, 23866.88],
      ['spending.grand-total', 'value', '决算', 2021, 23866.88],
      ['income.grand-total', 'change', '决算', 2021, -3888.01],
      ['spending.grand-total', 'change', '决算', 2021, -3888.01],
      ['income.grand-total', 'growth', '决算', 2021, -14],
      ['spending.grand-total', 'growth', '决算', 2021, -14],
    ]);
  });
});

describe('PDF text', () => {
  it('a page number before 项目 is no count of 项', () => {
    const body = '本部门对2017年整体支出开展绩效自评,自评得分90分,存在的问题:一是年初编制预算时应对\n15 项目实施对象准确摸底。';
    const r = run(body, '某某局2017年度部门整体支出绩效自评报告');
    expect(r.file?.measures.map((m) => m.unit) ?? []).not.toContain('项');
    expect(r.review.map((x) => x.text)).not.toContain('15项');
  });
});

describe('the report year', () => {
  it('an excerpt without a title asks for the year rather than taking one from a cut-off line', () => {
    const text = [
      '第一部分单位概况',
      '二、机构设置',
      '某某中心核定事业编制12人。2021年年末实有在职66人。',
      '某某中心纳入某某局2020年度部门决算编制范围的二级预算单',
    ].join('\n');
    const r = importText(text, options());
    expect(r.file).toBeUndefined();
    expect(r.errors[0].message).toMatch(/--year/);
    const given = importText(text, options({ year: 2021 }));
    expect(given.file!.measures.filter((m) => m.provenance.kind === 'stated').map((m) => [m.role, m.year, m.value])).toEqual([
      ['staff.quota', 2021, 12],
      ['staff.in-post', 2021, 66],
    ]);
  });

  it('a short line at the head of the text is still its title', () => {
    const r = importText('某某中心2021年度单位决算\n一、机构设置\n某某中心核定事业编制12人。\n', options());
    expect(r.file!.reportYear).toBe(2021);
  });
});

describe('tables copied one cell a line', () => {
  it('digits on two lines are two numbers unless the line was wrapped or cut at the decimal point', () => {
    expect(normalizeText('总额\n0.00\n3.36\n3.36\n100.00%').text).toBe('总额\n0.00\n3.36\n3.36\n100.00%');
    expect(normalizeText('收入合计\n125\n30\n万元').text).toBe('收入合计\n125\n30万元');
    expect(normalizeText('收入3859.\n16万元。').text).toBe('收入3859.16万元。');
    expect(normalizeText('收入4125\n.49万元。').text).toBe('收入4125.49万元。');
  });

  it('a number wrapped mid-digits in PDF text is still one number', () => {
    // Lines wrapped at 20 characters: the break inside "390.55" falls at the wrap width.
    const text = [
      '某某局2021年度部门决算',
      '本单位2021年度总收入为581.45',
      '万元,其中本年收入合计为3',
      '90.55万元,较上年减少了很多的资',
      '金,主要原因是军休人员自然减员减',
      '少下拨相应的离退休费和生活补助等',
      '其他经费,按要求压减了机构管理经',
      '费和其他各项相关的支出等等等等。',
    ].join('\n');
    const n = normalizeText(text).text;
    expect(n).toContain('本年收入合计为390.55万元');
  });

  it('a figure’s words on one line and its amount opening the next are one sentence', () => {
    const body = '2023年度一般公共预算财政拨款基本支出\n911.7万元,其中:人员经费489.18万元,公用经费46.89万元。';
    const r = run(body, '某某局2023年度部门决算');
    expect(r.file!.facts.filter((f) => f.provenance.kind === 'stated').map((f) => [f.source, f.basis, f.amount])).toEqual([['一般公共预算财政拨款', '基本支出', 911.7]]);
    expect(r.review).toEqual([]);
    // A heading before an amount line stays a heading.
    expect(normalizeText('一、收支总体情况\n581.45万元。').text).toBe('一、收支总体情况\n581.45万元。');
  });
});

describe('功能分类 items printed with their code', () => {
  const head = '泉州台商区2022年政府预决算相关重要事项说明';
  const facts = (body: string) =>
    run(body, head)
      .file!.facts.filter((f) => f.provenance.kind === 'stated')
      .map((f) => [f.functional, f.year, f.amount]);

  it('"20104-发展与改革事务1182万元": the printed code places a 款 the vocabulary does not list', () => {
    const body = '2、20104-發展與改革事務1182萬元,較2021年決算數增加138萬元,增長13.22%。';
    expect(facts(body)).toEqual([['20104', 2022, 1182]]);
    expect(measures(body, head)).toEqual([
      ['spending.function:20104', 'change', '决算', 2022, 138],
      ['spending.function:20104', 'growth', '决算', 2022, 13.22],
    ]);
    const r = run(body, head);
    expect(r.newCodes!.functional.map((n) => [n.code, n.name, n.parent])).toEqual([['20104', '发展与改革事务', '201']]);
  });

  it('a code whose name in the classification is another item goes to review', () => {
    // 20103 is 政府办公厅（室）及相关机构事务: the printed name disagrees with the code.
    const body = '1、20103-財政事務1384萬元。';
    const r = run(body, head);
    expect(r.file?.facts.filter((f) => f.provenance.kind === 'stated') ?? []).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['1384万元']);
  });

  it('a page number glued to a year is not a code: "22017年预算数"', () => {
    const body = '22017年预算数3786.71万元,调整数4610.19万元。';
    const r = importText(`某某局2017年度部门决算\n${body}\n`, options());
    expect((r.file?.facts ?? []).some((f) => f.functional === '22017')).toBe(false);
  });
});

describe('what a change is compared with', () => {
  it('"按同口径同比减少63.96万元": 同口径 says how, so the change is the sentence’s item’s', () => {
    const head = '2019年度鹿寨县“三公”经费支出决算情况';
    const body = '2019年,各乡(镇)、县本级一般公共预算拨款安排的“三公”经费决算支出数为1165.08万元,按同口径同比减少63.96万元,下降5.2%。';
    expect(measures(body, head)).toEqual([
      ['sangong.total', 'value', '决算', 2019, 1165.08],
      ['sangong.total', 'change', '决算', 2019, -63.96],
      ['sangong.total', 'growth', '决算', 2019, -5.2],
    ]);
  });

  it('after "与2020年执行数相比", a bare change no longer follows the line’s earlier 同比', () => {
    const head = '某某区2020年度部门决算';
    const body = '2020年本部门一般公共预算财政拨款支出969.79万元,同比下降17.3%,债务还本支出与2020年执行数相比增加1.33万元,相应结转下年减少1.33万元。';
    expect(measures(body, head)).toEqual([
      ['gpb.spending', 'value', '决算', 2020, 969.79],
      ['gpb.spending', 'growth', '决算', 2020, -17.3],
    ]);
    expect(reviewed(body, head)).toEqual(['1.33万元', '1.33万元']);
  });
});

describe('国有资产占用', () => {
  it('"单价100万元以上专用设备3台(套)" beside a 50万 clause is not counted as 单价50万元以上设备', () => {
    const head = '某某局2022年度部门决算';
    const body = '截至2022年12月31日,本部门共有车辆2辆;单价50万元以上通用设备1台(套),单价100万元以上专用设备3台(套)。';
    const placed = measures(body, head);
    expect(placed).toContainEqual(['assets.equipment-500k', 'value', '决算', 2022, 1]);
    expect(placed.filter((m) => m[0] === 'assets.equipment-500k')).toHaveLength(1);
    expect(reviewed(body, head)).toEqual([]);
  });
});

describe('a 类/款/项 path heading its figures', () => {
  const head = '某某局2022年度部门决算';
  const facts = (body: string) =>
    run(body, head)
      .file!.facts.filter((f) => f.provenance.kind === 'stated')
      .map((f) => [f.functional, f.phase, f.amount]);

  it('"行政运行(项)。年初预算为…，支出决算为…": the path ended with 。 still names the figures', () => {
    const body = '1.一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)。年初预算为100万元,支出决算为105万元,完成年初预算的105%。';
    expect(facts(body)).toEqual([
      ['2010301', '年初预算', 100],
      ['2010301', '决算', 105],
    ]);
    expect(measures(body, head)).toEqual([['spending.function:2010301', 'completion', '决算', 2022, 105]]);
  });

  it('a 项 whose printed 款 is not its parent in the trees goes to review, never to the other 款’s 项', () => {
    // The trees know 行政运行 only under 20103; this one is 人大事务’s.
    const body = '2.一般公共服务支出(类)人大事务(款)行政运行(项):年初预算为90万元,支出决算为95万元。';
    const r = run(body, head);
    expect((r.file?.facts ?? []).some((f) => f.functional === '2010301')).toBe(false);
    expect(r.review.map((x) => x.text)).toContain('95万元');
  });
});

describe('a PDF page break inside a sentence', () => {
  it('"30.33万" / page number / running header / "元，比上年减少2.5万元": one sentence again', () => {
    const text = [
      '某某局2021年度部门决算公开',
      '2021年度本单位收入总计390.55万元。',
      '—4—',
      '某某局2021年度部门决算公开',
      '其中：基本支出320.45万元。2021年度本单位机关运行经费支出30.33万',
      '—5—',
      '某某局2021年度部门决算公开',
      '元，比上年减少2.5万元，下降7.62%。主要原因是严格控制办公经费支出。',
    ].join('\n');
    expect(normalizeText(text).text).toContain('机关运行经费支出30.33万元，比上年减少2.5万元');
    const r = importText(`${text}\n`, options());
    expect(
      r.file!.measures.filter((m) => m.role === 'operating.total' && m.provenance.kind === 'stated').map((m) => [m.stat ?? 'value', m.value]),
    ).toEqual([
      ['value', 30.33],
      ['change', -2.5],
      ['growth', -7.62],
    ]);
  });
});

describe('both totals named once', () => {
  const head = '某某镇人民政府2024年度决算公开说明';

  it('"收、支与2023年度相比,减少…" in a sentence of its own: the change and growth of both totals', () => {
    const body = '1.总体情况。2024年度收入总计3534.19万元,支出总计3534.19万元。收、支与2023年度相比,减少419.79万元,下降10.6%,主要原因是项目支出减少。';
    expect(measures(body, head)).toEqual([
      ['income.grand-total', 'value', '决算', 2024, 3534.19],
      ['spending.grand-total', 'value', '决算', 2024, 3534.19],
      ['income.grand-total', 'change', '决算', 2024, -419.79],
      ['spending.grand-total', 'change', '决算', 2024, -419.79],
      ['income.grand-total', 'growth', '决算', 2024, -10.6],
      ['spending.grand-total', 'growth', '决算', 2024, -10.6],
    ]);
  });

  it('"镇财政决算收支总计8472.11万元": words before 收支总计 keep it both totals', () => {
    const body = '(一)收入支出决算总体情况说明:2024年镇财政决算收支总计8472.11万元。';
    expect(measures(body, head)).toEqual([
      ['income.grand-total', 'value', '决算', 2024, 8472.11],
      ['spending.grand-total', 'value', '决算', 2024, 8472.11],
    ]);
  });

  it('"一般公共预算收支总计" is a fund source’s totals, not the unit’s: review', () => {
    const r = run('2024年一般公共预算收支总计500万元。', head);
    expect(r.file?.measures ?? []).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['500万元']);
  });
});

describe('a report that says its budgets are the adjusted ones', () => {
  const head = '某某局2023年度“三公”经费支出决算情况说明';
  const note = '决算数与预算数持平的主要原因是预算数为按规定程序调整后的全年预算数。';

  it('"预算为6.35万元…完成预算的100%" after "预算数为按规定程序调整后的全年预算数": 调整预算', () => {
    const body = `2023年度“三公”经费支出预算为6.35万元,支出决算为6.35万元,完成预算的100%。${note}`;
    const r = run(body, head);
    const stated = r.file!.measures.filter((m) => m.provenance.kind === 'stated');
    expect(stated.map((m) => [m.role, m.stat ?? 'value', m.phase ?? '决算', m.value])).toEqual([
      ['sangong.total', 'value', '调整预算', 6.35],
      ['sangong.total', 'value', '决算', 6.35],
      ['sangong.total', 'completion', '决算', 100],
    ]);
    expect(stated[0].note).toContain('调整后的全年预算数');
  });

  it('without that sentence a bare 预算 stays the 年初预算, and 年初预算 stays 年初 with it', () => {
    expect(measures('2023年度“三公”经费支出预算为6.35万元,支出决算为6.35万元。', head)[0]).toEqual(['sangong.total', 'value', '年初预算', 2023, 6.35]);
    expect(measures(`2023年度“三公”经费支出年初预算为6万元,支出决算为6.35万元。${note}`, head)[0]).toEqual(['sangong.total', 'value', '年初预算', 2023, 6]);
  });
});

describe('kinds of 编制 counted apart', () => {
  const head = '某某学校2023年度部门决算';

  it('"行政编制0人,实有人数0人;事业编制334人,实有人数301人": the only kind above 0 is the whole', () => {
    const body = '(二)人员构成情况\n行政编制0人,实有人数0人;事业编制334人,实有人数301人。';
    expect(measures(body, head)).toEqual([
      ['行政编制', 'value', '决算', 2023, 0],
      ['行政编制实有人数', 'value', '决算', 2023, 0],
      ['staff.quota', 'value', '决算', 2023, 334],
      ['staff.in-post', 'value', '决算', 2023, 301],
    ]);
  });

  it('two kinds above 0: neither is the unit’s 编制数; each is kept under its own words', () => {
    expect(measures('行政编制5人,实有人数5人;事业编制3人,实有人数2人。', head)).toEqual([
      ['行政编制', 'value', '决算', 2023, 5],
      ['行政编制实有人数', 'value', '决算', 2023, 5],
      ['事业编制', 'value', '决算', 2023, 3],
      ['事业编制实有人数', 'value', '决算', 2023, 2],
    ]);
  });

  it('one kind alone is the 编制数 as before', () => {
    expect(measures('事业编制25名,实有人数20人。', head)).toEqual([
      ['staff.quota', 'value', '决算', 2023, 25],
      ['staff.in-post', 'value', '决算', 2023, 20],
    ]);
  });
});

describe('rates that are not a project’s', () => {
  it('"政府采购执行率100%" is not 项目资金执行率: it goes to review', () => {
    const r = run('政府采购执行率100%。', '某某局2021年度部门整体支出绩效自评报告');
    expect(r.file?.measures ?? []).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['100%']);
  });
});

describe('a budget document', () => {
  it('"…2024年预算…支出预算安排情况如下" with no 决算 anywhere: its figures are 年初预算, with a warning', () => {
    const text = [
      '根据某市人民代表大会批准的2024年预算,2024年市本级一般公共预算安排的“三公”经费支出预算安排情况如下:',
      '2024年,一般公共预算安排的“三公”经费支出共计3923万元,比2023年预算数减少332万元,下降7.81%。其中:',
      '公务接待费638万元,比上年年初预算减少317万元。',
    ].join('\n');
    const r = importText(`${text}\n`, options({ year: 2024 }));
    const stated = r.file!.measures.filter((m) => m.provenance.kind === 'stated');
    expect(stated.map((m) => [m.role, m.stat ?? 'value', m.phase ?? '决算', m.value])).toEqual([
      ['sangong.total', 'value', '年初预算', 3923],
      ['sangong.total', 'change', '年初预算', -332],
      ['sangong.total', 'growth', '年初预算', -7.81],
      ['sangong.item:公务接待', 'value', '年初预算', 638],
      ['sangong.item:公务接待', 'change', '年初预算', -317],
    ]);
    expect((r.warnings ?? []).join('')).toContain('预算文件');
  });

  it('a notice that sets its figures against the year’s own budget ("比年初预算增加") is an account, not a budget', () => {
    const text = [
      '2022年某州州本级部门使用财政拨款安排“三公”经费支出总额为8,237.23万元,比年初预算增加1317.14万元。',
      '公务接待费低于预算数的主要原因为各部门减少了相关支出。',
    ].join('\n');
    const r = importText(`${text}\n`, options({ year: 2022 }));
    const stated = r.file!.measures.filter((m) => m.provenance.kind === 'stated');
    expect(stated.map((m) => [m.role, m.stat ?? 'value', m.phase ?? '决算', m.value])).toContainEqual(['sangong.total', 'value', '决算', 8237.23]);
    expect(stated.filter((m) => m.stat !== 'change').map((m) => m.phase ?? '决算')).not.toContain('年初预算');
    expect((r.warnings ?? []).join('')).not.toContain('预算文件');
  });

  it('a budget line’s share and growth are the budget’s too, not 决算 rates', () => {
    const text = '某中心2024年部门预算\n2. 项目支出 469500 元,占一般公共预算支出的 19.62%,同比增加 70100 元,增长 17.55%。\n共有车辆1辆,较上年增长100%。';
    const r = importText(`${text}\n`, options());
    const stated = r.file!.measures.filter((m) => m.provenance.kind === 'stated');
    expect(stated.filter((m) => m.role === 'spending.type:项目支出').map((m) => [m.stat ?? 'value', m.phase ?? '决算'])).toEqual([
      ['share', '年初预算'],
      ['change', '年初预算'],
      ['growth', '年初预算'],
    ]);
    expect(stated.filter((m) => m.role === 'vehicles.count').map((m) => m.phase ?? '决算')).toEqual(['决算', '决算']);
  });

  it('a budget that compares with last year’s budget ("比上年年初预算减少") stays a budget', () => {
    const text = '2024年,一般公共预算安排的“三公”经费支出共计3923万元。公务接待费638万元,比上年年初预算减少317万元。';
    const r = importText(`${text}\n`, options({ year: 2024 }));
    expect((r.warnings ?? []).join('')).toContain('预算文件');
  });

  it('a 决算 that speaks of budgets ("支出预算安排") keeps its 决算 figures', () => {
    const text = '某局2023年度部门决算\n2023年度“三公”经费支出预算安排10万元,支出决算为8万元。';
    const r = importText(`${text}\n`, options());
    expect(r.file!.measures.map((m) => [m.phase ?? '决算', m.value])).toContainEqual(['决算', 8]);
    expect((r.warnings ?? []).join('')).not.toContain('预算文件');
  });
});

describe('a change after a bracket of parts', () => {
  const head = '某州2022年度“三公”经费决算情况说明';
  it('"X费7,634.75万元(其中:A费…,B费5,297.40万元),比年初预算增加1833.7万元": the change is X’s, not B’s', () => {
    const rows = measures('公务用车购置及运行维护费7,634.75万元(其中:公务用车购置费2,337.35万元,公务用车运行维护费5,297.40万元),比年初预算增加1833.7万元。', head);
    expect(rows).toContainEqual(['sangong.item:公务用车运行维护', 'value', '决算', 2022, 5297.4]);
    const change = rows.filter((m) => m[4] === 1833.7);
    expect(change.map((m) => m[0])).toEqual(['sangong.item:公务用车购置及运行维护']);
  });

  it('when the figure before the bracket could not be read, the change after it goes to review, not to the part', () => {
    const body = '公务用车购置及运行维护费7,63,4.75万元(其中:公务用车运行维护费5,297.40万元),比年初预算增加1833.7万元。';
    expect(measures(body, head).map((m) => m[4])).not.toContain(1833.7);
    expect(reviewed(body, head)).toContain('1833.7万元');
  });
});

describe('people counted across a territory', () => {
  const head = '某区教育局2018年度部门决算';
  it('"全区现有各类学校43所…在职教师3685人": the district’s teachers, not the unit’s staff in post', () => {
    const rows = measures('全区现有各类学校43所;现有在校学生44264人;在职教师3685人。', head);
    expect(rows.map((m) => m[0])).not.toContain('staff.in-post');
    expect(rows).toContainEqual(['在职教师', 'value', '决算', 2018, 3685]);
  });

  it('"本单位在职教师80人" and "全局在职人员50人" are the unit’s own staff', () => {
    expect(measures('本单位在职教师80人。', head)).toEqual([['staff.in-post', 'value', '决算', 2018, 80]]);
    expect(measures('全局在职人员50人。', head)).toEqual([['staff.in-post', 'value', '决算', 2018, 50]]);
  });
});

describe('a part of the 部门 is not the 部门', () => {
  const head = '某县教育局2023年度部门决算';
  const facts = (body: string) => run(body, head).file?.facts.filter((f) => f.provenance.kind === 'stated').map((f) => [f.label, f.amount]) ?? [];

  it('"本级收入合计800万元" and "下属学校收入4000万元" are parts: review; "本年收入合计4800万元" is the total', () => {
    const body = '2023年本年收入合计4800万元,其中:本级收入800万元,下属学校收入4000万元。';
    expect(facts(body)).toEqual([['本年收入合计', 4800]]);
    expect(reviewed(body, head)).toEqual(['800万元', '4000万元']);
  });

  it('"其中:本级财政拨款收入支出1200万元,所属单位3800万元": the organ’s part, not 财政拨款收入', () => {
    const body = '2023年度本部门财政拨款收入支出决算总计5000万元。其中:本级财政拨款收入支出1200万元,所属单位3800万元。';
    expect(facts(body).map((f) => f[1])).not.toContain(1200);
    expect(reviewed(body, head)).toContain('1200万元');
  });

  it('"一般公共预算财政拨款收入382.17万元,为市本级财政当年拨付的资金": 本级财政 alone is the treasury', () => {
    expect(facts('一般公共预算财政拨款收入382.17万元,为市本级财政当年拨付的资金。')).toEqual([['一般公共预算财政拨款收入', 382.17]]);
  });

  it('"支出4500万元,其中:…使用上年结转结余200万元" is the spending paid from the carry-over, not 年初结转和结余', () => {
    const body = '2023年度一般公共预算财政拨款支出4500万元,其中:本年预算安排4300万元,使用上年结转结余200万元。年初结转和结余50万元。';
    expect(facts(body)).toContainEqual(['年初结转和结余', 50]);
    expect(facts(body).map((f) => f[1])).not.toContain(200);
    expect(reviewed(body, head)).toContain('200万元');
  });
});

describe('the date a stock is counted at', () => {
  const head = '某局2023年度部门决算';
  it('"截至2022年12月31日" in a 2023 report: another year, so review; "截至2023年12月31日" is the report’s', () => {
    expect(reviewed('截至2022年12月31日,本单位共有车辆3辆。', head)).toEqual(['3辆']);
    expect(measures('截至2023年12月31日,本单位共有车辆3辆。', head)).toEqual([['vehicles.count', 'value', '决算', 2023, 3]]);
  });

  it('a budget document’s vehicles are counted, not budgeted', () => {
    const text = '某中心2023年部门预算\n(二)政府采购预算安排情况说明。\n2023年政府采购预算17000元。\n(三)国有资产的总体情况说明。\n共有车辆1辆。';
    const r = importText(`${text}\n`, options());
    expect(r.file!.measures.map((m) => [m.role, m.phase ?? '决算', m.value])).toEqual([
      ['procurement.total', '年初预算', 1.7],
      ['vehicles.count', '决算', 1],
    ]);
  });
});

describe('thresholds with (含)', () => {
  it('"单价100万元(含)以上专用设备0台": 100万元 is a bound, not a figure; "单价50万元(含)以上通用设备1台" is the 50万 count', () => {
    const rows = measures('截至2024年12月31日,本部门共有车辆2辆;单价50万元(含)以上通用设备1台,单价100万元(含)以上专用设备0台。', '某局2024年度部门决算');
    expect(rows.map((m) => m[4])).not.toContain(100);
    expect(rows.map((m) => m[4])).not.toContain(50);
    expect(rows).toContainEqual(['assets.equipment-500k', 'value', '决算', 2024, 1]);
  });
});

describe('a phase without its item', () => {
  it('"人大事务(款)行政运行(项)。年初预算为30万元,支出决算为32万元": both to review, never a figure named "年初预算"', () => {
    const r = run('1.一般公共服务支出(类)人大事务(款)行政运行(项)。年初预算为30万元,支出决算为32万元,完成年初预算的106.67%。', '某镇2024年度部门决算');
    expect(r.file?.measures ?? []).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['30万元', '32万元', '106.67%']);
  });
});

describe('a known path followed by its phase words', () => {
  it('"小学教育(项)年初预算为30万元,支出决算为35万元": 30 is the item’s 年初预算, 35 its 决算', () => {
    const r = run('教育支出(类)普通教育(款)小学教育(项)年初预算为30万元,支出决算为35万元,完成年初预算的116.67%。', '某市统计局2022年度部门决算');
    const facts = r.file!.facts.filter((f) => f.provenance.kind === 'stated').map((f) => [f.functional, f.phase ?? '决算', f.amount]);
    expect(facts).toEqual([
      ['2050202', '年初预算', 30],
      ['2050202', '决算', 35],
    ]);
    expect(r.review).toEqual([]);
  });
});

describe('the parts of a carry-over row', () => {
  const head = '某县水利局2023年度部门决算';
  const flows = (body: string) => run(body, head).file!.facts.filter((f) => f.provenance.kind === 'stated').map((f) => [f.flow, f.basis ?? null, f.amount]);
  it('"年初结转和结余60万元,其中:基本支出结转10万元,项目支出结转和结余50万元": the parts are 年初 too', () => {
    expect(flows('年初结转和结余60万元,其中:基本支出结转10万元,项目支出结转和结余50万元。')).toEqual([
      ['年初结转和结余', null, 60],
      ['年初结转和结余', '基本支出', 10],
      ['年初结转和结余', '项目支出', 50],
    ]);
  });
  it('after "年末结转和结余40万元" the same words are parts of the 年末 row', () => {
    expect(flows('年初结转和结余60万元。年末结转和结余40万元,其中:基本支出结转15万元。').slice(1)).toEqual([
      ['年末结转和结余', null, 40],
      ['年末结转和结余', '基本支出', 15],
    ]);
  });
});

describe('percentage points', () => {
  it('"占比较上年提高2个百分点" is a change of a rate: review, never a count of 2 (nor a figure of last year)', () => {
    const body = '2024年度本年收入合计520万元,占比较上年提高2个百分点。';
    const head = '某区司法局2024年度部门决算';
    expect(measures(body, head)).toEqual([]);
    expect(reviewed(body, head)).toEqual(['2个']);
  });
});

describe('years spaced out in text copied from a PDF', () => {
  const head = '某某市某某中心 2023 年度单位决算';
  it('"与 2022 年度相比,财政拨款收、支总计各增加 20.30 万元": the comparison is still last year', () => {
    const body = '2023 年度财政拨款收入总计 520.30 万元,支出总计 520.30 万元。与 2022 年度相比,财政拨款收、支总计各增加 20.30 万元,增长 4.06%。';
    expect(measures(body, head).filter((m) => m[1] !== 'value')).toEqual([
      ['fiscal.income-total', 'change', '决算', 2023, 20.3],
      ['fiscal.spending-total', 'change', '决算', 2023, 20.3],
      ['fiscal.income-total', 'growth', '决算', 2023, 4.06],
      ['fiscal.spending-total', 'growth', '决算', 2023, 4.06],
    ]);
  });
  it('"收、支与 2022 年度相比,减少 10 万元" in a sentence of its own: both totals’ change', () => {
    const body = '2023 年度收入总计 100 万元,支出总计 100 万元。收、支与 2022 年度相比,减少 10 万元,下降 9.09%。';
    expect(measures(body, head).filter((m) => m[1] === 'change')).toEqual([
      ['income.grand-total', 'change', '决算', 2023, -10],
      ['spending.grand-total', 'change', '决算', 2023, -10],
    ]);
  });
});

describe('names of the income rows some forms print', () => {
  const head = '某局2023年度部门决算';
  it('"一般公共预算拨款收入800万元,占66.67%": the 一般公共预算财政拨款 income and its share', () => {
    expect(measures('本年收入合计1200万元,其中:一般公共预算拨款收入800万元,占66.67%。', head)).toEqual([
      ['income.source:一般公共预算财政拨款', 'share', '决算', 2023, 66.67],
    ]);
  });
  it('"收入决算总计2000万元,支出决算总计2000万元": the two totals', () => {
    expect(measures('收入决算总计2000万元,支出决算总计2000万元。', head)).toEqual([
      ['income.grand-total', 'value', '决算', 2023, 2000],
      ['spending.grand-total', 'value', '决算', 2023, 2000],
    ]);
  });
  it('a share right after an amount that went to review goes to review, never to the total before', () => {
    const r = run('本年收入合计1200万元,其中:某某奇怪收入800万元,占66.67%。', head);
    expect(r.file!.measures.filter((m) => m.stat === 'share')).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['800万元', '66.67%']);
  });
});

describe('the spending types of a fund source', () => {
  const head = '某局2023年度部门决算';
  const facts = (body: string) =>
    run(body, head)
      .file!.facts.filter((f) => f.provenance.kind === 'stated')
      .map((f) => [f.source, f.basis, f.amount]);
  it('"一般公共预算财政拨款支出800万元,其中:基本支出600万元": that source’s 基本支出, not the unit’s', () => {
    expect(facts('一般公共预算财政拨款支出800万元,其中:基本支出600万元,项目支出200万元。')).toEqual([
      ['一般公共预算财政拨款', '基本支出', 600],
      ['一般公共预算财政拨款', '项目支出', 200],
    ]);
  });
  it('"一般公共预算财政拨款支出中,基本支出600万元": the clause with 中 scopes the items after it', () => {
    expect(facts('一般公共预算财政拨款支出中,基本支出600万元,项目支出200万元。')).toEqual([
      ['一般公共预算财政拨款', '基本支出', 600],
      ['一般公共预算财政拨款', '项目支出', 200],
    ]);
  });
  it('"本年支出合计900万元,其中:基本支出600万元" stays the unit’s', () => {
    expect(facts('本年支出合计900万元,其中:基本支出600万元,项目支出300万元。')).toEqual([
      [null, null, 900],
      [null, '基本支出', 600],
      [null, '项目支出', 300],
    ]);
  });
});

describe('the rate of a change named as a noun', () => {
  const head = '某局2023年度部门决算';
  it('"比上年减少2万元,降幅20%" and "比上年增加100万元,增长率为11.11%": growth with the noun’s sign', () => {
    expect(measures('“三公”经费支出8万元,比上年减少2万元,降幅20%。', head)).toEqual([
      ['sangong.total', 'value', '决算', 2023, 8],
      ['sangong.total', 'change', '决算', 2023, -2],
      ['sangong.total', 'growth', '决算', 2023, -20],
    ]);
    expect(measures('本年收入合计1000万元,比上年增加100万元,增长率为11.11%。', head)).toEqual([
      ['income.total', 'change', '决算', 2023, 100],
      ['income.total', 'growth', '决算', 2023, 11.11],
    ]);
  });
  it('"降幅为5%" with nothing it is compared with: review, never a figure named 降幅', () => {
    expect(reviewed('机关运行经费支出30万元,降幅为5%。', head)).toEqual(['5%']);
    expect(measures('机关运行经费支出30万元,降幅为5%。', head).map((m) => m[0])).toEqual(['operating.total']);
  });
});

describe('guests from abroad', () => {
  it('"国(境)外公务接待批次23个" after the 国内 counts is kept under its own words, not as a second 国内 count', () => {
    const rows = measures('2019年国内公务接待批次3978个,接待人次28598人;国(境)外公务接待批次23个,接待人次142人。', '某县2019年度“三公”经费支出决算情况');
    expect(rows).toContainEqual(['sangong.reception-batches', 'value', '决算', 2019, 3978]);
    expect(rows).toContainEqual(['国外公务接待批次', 'value', '决算', 2019, 23]);
    expect(rows.filter((m) => m[0] === 'sangong.reception-batches')).toHaveLength(1);
  });
});

describe('sums, pairs and double signs', () => {
  const head = '某局2023年度部门决算';
  it('"人员经费和公用经费支出700万元" is their sum, never 公用经费: review', () => {
    const r = run('本年支出合计1000万元,其中人员经费和公用经费支出700万元。', head);
    expect(r.file!.measures).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['700万元']);
  });
  it('"财政拨款收入支出决算总计500万元,比上年增加20万元": both appropriation totals and their change', () => {
    expect(measures('2023年度财政拨款收入支出决算总计500万元,比上年增加20万元。', head)).toEqual([
      ['fiscal.income-total', 'value', '决算', 2023, 500],
      ['fiscal.spending-total', 'value', '决算', 2023, 500],
      ['fiscal.income-total', 'change', '决算', 2023, 20],
      ['fiscal.spending-total', 'change', '决算', 2023, 20],
    ]);
  });
  it('"较上年减少-50万元": the direction is said twice and may disagree: review; "同比增长-5%" is a fall of 5%', () => {
    expect(measures('本年收入合计1000万元,较上年减少-50万元。', head)).toEqual([]);
    expect(reviewed('本年收入合计1000万元,较上年减少-50万元。', head)).toHaveLength(1);
    expect(measures('本年收入合计1000万元,同比增长-5%。', head)).toEqual([['income.total', 'growth', '决算', 2023, -5]]);
  });
});

describe('the performance paragraph of a 决算', () => {
  const head = '某局2023年度部门决算';
  it('"对8个项目开展了绩效自评,涉及一般公共预算支出300万元": the money evaluated, not the fund’s spending', () => {
    expect(measures('2023年度,本部门对8个项目开展了绩效自评,涉及一般公共预算支出300万元,占一般公共预算项目支出总额的100%。', head)).toEqual([
      ['performance.projects', 'value', '决算', 2023, 8],
      ['performance.amount', 'value', '决算', 2023, 300],
      ['performance.amount', 'share', '决算', 2023, 100],
    ]);
  });
  it('"某某项目全年预算数50万元,执行数48万元": the executed amount is the project’s 实际支出, not its budget again', () => {
    expect(measures('某某项目全年预算数50万元,执行数48万元,执行率96%。', head)).toEqual([
      ['project.budget-adjusted', 'value', '调整预算', 2023, 50],
      ['project.spent', 'value', '决算', 2023, 48],
      ['project.execution-rate', 'value', '决算', 2023, 96],
    ]);
  });
});

describe('counts of the item before', () => {
  it('"开支会议费3万元,…,人数120人;开支培训费2.5万元,…,人数80人": each 人数 is its item’s, none lost as a duplicate', () => {
    const body = '十一、一般性支出情况说明\n2023年本部门开支会议费3万元,用于召开工作会议,人数120人;开支培训费2.5万元,用于开展业务培训,人数80人。';
    expect(measures(body, '某局2023年度部门决算')).toEqual([
      ['meeting.total', 'value', '决算', 2023, 3],
      ['会议费人数', 'value', '决算', 2023, 120],
      ['training.total', 'value', '决算', 2023, 2.5],
      ['培训费人数', 'value', '决算', 2023, 80],
    ]);
  });
});

describe('绩效自评 wordings', () => {
  const project = '昌宁县第一示范小学2023年度项目支出绩效自评报告';

  it('a project’s 资金总额, the funds received and the funds 拨付使用 take the project roles', () => {
    const body =
      '2023年度我校教育专项工作经费项目财政资金总额16.20万元,全部为县级配套资金,拨付使用16.20万元,预算执行率100%。我校收到教育专项工作经费资金16.20万元。';
    expect(measures(body, project)).toEqual([
      ['project.budget-adjusted', 'value', '调整预算', 2023, 16.2],
      ['project.spent', 'value', '决算', 2023, 16.2],
      ['project.execution-rate', 'value', '决算', 2023, 100],
      ['project.funds-arrived', 'value', '决算', 2023, 16.2],
    ]);
  });

  it('the 部门’s budget in a project section is its 本年支出 at each phase, never a project’s; budget against budget is reviewed', () => {
    const body = '自评发现的主要问题及原因:一是2024年部门年初预算1022.89万元,年中调整预算为1781.86万元,比年初预算增加758.97万元,全年执行数1767.21万元。';
    const r = run(body, '梧州市医疗保障局2024年度项目支出绩效自评结果');
    const facts = r.file!.facts.filter((f) => f.provenance.kind === 'stated').map((f) => [f.flow, f.phase, f.amount]);
    expect(facts).toEqual([
      ['支出', '年初预算', 1022.89],
      ['支出', '调整预算', 1781.86],
      ['支出', '决算', 1767.21],
    ]);
    expect(r.file!.measures.filter((m) => m.role?.startsWith('project.'))).toEqual([]);
    expect(r.review.map((x) => x.text)).toContain('758.97万元');
  });

  it('the funds and projects of one grade or of the classified projects are not what the self-evaluation covered', () => {
    const body = '项目中,敏感涉密项目0个,涉及资金0万元。所有项目均开展了绩效自评,其中非敏感涉密项目绩效自评结果为:21个项目评为一等,涉及资金656.93万元。';
    const placed = measures(body, '某某局2024年度项目支出绩效自评结果');
    expect(placed.filter((m) => m[0] === 'performance.amount')).toEqual([]);
    // Nor are the projects of one grade all the projects evaluated; the grade stays in their words.
    expect(placed.filter((m) => String(m[0]).startsWith('performance.'))).toEqual([]);
    expect(placed.map((m) => m[0])).toContain('非敏感涉密项目绩效自评结果项目评为一等');
  });

  it('a target named with 支出 ("资金支出率≥98%") is a goal under its own words', () => {
    const body = '核心绩效目标:资金支出率≥98%、支出及时率≥97%、工作质量达标率≥98%。';
    expect(measures(body, '下桥镇人民政府2024年度绩效自评报告')).toEqual([
      ['资金支出率≥（目标值）', 'value', '年初预算', 2024, 98],
      ['支出及时率≥（目标值）', 'value', '年初预算', 2024, 97],
      ['工作质量达标率≥（目标值）', 'value', '年初预算', 2024, 98],
    ]);
  });

  it('a project’s funds 已使用 are spent, and what it has left is not the unit’s carry-over', () => {
    // The title names a project before 绩效自评 with other words between: still a project report.
    const head = '红河州第二人民医院国家基本公共卫生服务项目州级补助资金2023年度绩效自评报告';
    const body = '国家基本公共卫生服务项目州级补助资金2.00万元,截至2023年12月31日,资金已使用2.00万元,结余0万元,资金执行率100%。';
    const r = run(body, head);
    expect(r.file!.facts.filter((f) => f.provenance.kind === 'stated')).toEqual([]);
    expect(measures(body, head).filter((m) => m[0] === 'project.spent')).toEqual([['project.spent', 'value', '决算', 2023, 2]]);
    expect(reviewed(body, head)).toContain('0万元');
  });

  it('figures of one unit run together are table cells of unknown columns: review; two units run together are prose', () => {
    const head = '重庆科学城某中心2021年度部门整体支出绩效自评报告';
    const table = '指标名称计量单位指标性质年初指标值调整指标值全年完成值得分系数(%)财政供养人员控制率%定量指标100%92%100%';
    const r = run(table, head);
    expect(r.file?.measures ?? []).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['100%', '92%', '100%']);
    const prose = '2021年公务用车购置1辆25.8万元。';
    expect(measures(prose, head)).toContainEqual(['sangong.vehicles-bought', 'value', '决算', 2021, 1]);
    expect(run(prose, head).review.filter((x) => /分隔/.test(x.reason))).toEqual([]);
  });

  it('"预算人员实有数6人" is the staff in post, not a budget figure', () => {
    const body = '核定在职全额编制数6名。**区****预算人员实有数6人。';
    expect(measures(body, '2024年度****部门整体支出绩效自评报告')).toEqual([
      ['staff.quota', 'value', '决算', 2024, 6],
      ['staff.in-post', 'value', '决算', 2024, 6],
    ]);
  });

  it('a number in a formula and a percentage of seven integer digits are not stated figures', () => {
    const body = '预算执行情况(万元)(20分)预算数(A)执行数(B)执行率(B/A)得分(20分*执行率)年度财政资金总额10001000100%20';
    const r = run(body, '2021年度财政项目绩效自评表');
    expect(r.file?.measures ?? []).toEqual([]);
    const reasons = new Map(r.review.map((x) => [x.text, x.reason]));
    expect(reasons.get('10001000100%')).toMatch(/7 位以上/);
    expect(r.review.filter((x) => /算式/.test(x.reason)).map((x) => x.text)).toEqual(['20分']);
  });

  it('"我部门及所属二层单位2024年度项目21个" is the unit’s project count; a grade’s projects are not', () => {
    const body = '我部门及所属二层单位2024年度项目21个,项目支出总额656.93万元。0个项目评为二等,占项目总数比例0%。';
    const placed = measures(body, '梧州市医疗保障局2024年度部门决算');
    expect(placed.filter((m) => m[0] === 'project.count')).toEqual([['project.count', 'value', '决算', 2024, 21]]);
  });

  it('in a 部门整体 report the funds’ 到位率 and 政府采购执行率 are no project’s rates; 年中追加 is an adjustment', () => {
    const head = '某某县卫生健康局2023年度部门整体支出绩效自评报告';
    const body = '年中追加预算329.84万元。实际到位资金1580.20万元,资金到位率100%。政府采购执行率72.74%。';
    const placed = measures(body, head);
    expect(placed.filter((m) => String(m[0]).startsWith('project.'))).toEqual([]);
    expect(placed).toContainEqual(['年中追加预算', 'value', '调整预算', 2023, 329.84]);
    // In a project report the same words are the project's; its 支付率 is its execution rate.
    expect(measures('资金到位率100%。已支付115万元,支付率95.83%。', '某某项目2023年度项目支出绩效自评报告')).toEqual([
      ['project.funds-arrival-rate', 'value', '决算', 2023, 100],
      ['project.spent', 'value', '决算', 2023, 115],
      ['project.execution-rate', 'value', '决算', 2023, 95.83],
    ]);
  });
});

describe('机关运行经费 written out, 上涨, amounts per person', () => {
  const head = '某市文联2015年度部门决算';

  it('"为保障机构正常运行而发生的购买货物和服务各项支出合计" is 机关运行经费, not the unit’s 本年支出合计', () => {
    const body = '1、机关运行经费支出情况。2015年决算为保障机构正常运行而发生的购买货物和服务各项支出合计141.55万元,较2014年增加33.66万元,增加31%。';
    expect(measures(body, head)).toEqual([
      ['operating.total', 'value', '决算', 2015, 141.55],
      ['operating.total', 'change', '决算', 2015, 33.66],
      ['operating.total', 'growth', '决算', 2015, 31],
    ]);
  });

  it('"较2014年上涨33.66万元" is a change of this year, never 2014’s value', () => {
    const body = '2015年机关运行经费141.55万元,较2014年上涨33.66万元。';
    expect(measures(body, head)).toEqual([
      ['operating.total', 'value', '决算', 2015, 141.55],
      ['operating.total', 'change', '决算', 2015, 33.66],
    ]);
  });

  it('"人员经费定额较2014年上涨2000元/人": an amount per person is a norm, sent to review', () => {
    const body = '2015年机关运行经费141.55万元。人员经费定额较2014年上涨2000元/人,补助标准1.2万元/人·年。';
    expect(measures(body, head)).toEqual([['operating.total', 'value', '决算', 2015, 141.55]]);
    expect(reviewed(body, head)).toEqual(['2000元', '1.2万元']);
  });
});

describe('a 三公 notice’s own words for the vehicles’ running costs and last year', () => {
  const head = '某区政府采购中心2015年度“三公”经费决算说明';

  it('"決算車輛運行維護費用2.94萬元,比去年3.01萬元少0.07萬元": the 三公 item, last year’s value and a decrease', () => {
    const body = '1、決算車輛運行維護費用2.94萬元,比去年3.01萬元少0.07萬元,基本持平;';
    expect(measures(body, head)).toEqual([
      ['sangong.item:公务用车运行维护', 'value', '决算', 2015, 2.94],
      ['sangong.item:公务用车运行维护', 'value', '决算', 2014, 3.01],
      ['sangong.item:公务用车运行维护', 'change', '决算', 2015, -0.07],
    ]);
  });

  it('车辆运行维护费 among the parts of 机关运行经费 is not the 三公 item', () => {
    const body = '2015年机关运行经费141.55万元,其中:办公费20万元,车辆运行维护费5万元。';
    expect(measures(body, head).map((m) => m[0])).not.toContain('sangong.item:公务用车运行维护');
  });

  it('"公务接待费用4万元,同比去年1.05万元增加2.95万元": 同比去年 names last year’s value', () => {
    const body = '公务接待费用4万元,同比去年1.05万元增加2.95万元。';
    expect(measures(body, head)).toEqual([
      ['sangong.item:公务接待', 'value', '决算', 2015, 4],
      ['sangong.item:公务接待', 'value', '决算', 2014, 1.05],
      ['sangong.item:公务接待', 'change', '决算', 2015, 2.95],
    ]);
  });

  it('"至少" is a bound, not a decrease', () => {
    const body = '公务接待费用4万元,全年至少接待20批次。';
    expect(measures(body, head).filter((m) => m[1] === 'change')).toEqual([]);
  });
});

describe('an earlier year named alone, and 其中 after a fund source’s spending', () => {
  const head = '某某局2024年度部门决算';

  it('"…10万元,2023年度为12万元": the same item in the earlier year; a later year or another sentence goes to review', () => {
    expect(measures('2024年度“三公”经费支出决算10万元,2023年度为12万元。', head)).toEqual([
      ['sangong.total', 'value', '决算', 2024, 10],
      ['sangong.total', 'value', '决算', 2023, 12],
    ]);
    expect(reviewed('2024年度“三公”经费支出决算10万元,2025年为12万元。', head)).toEqual(['12万元']);
    expect(reviewed('2024年度“三公”经费支出决算10万元。2023年为12万元。', head)).toEqual(['12万元']);
  });

  it('"…一般公共预算财政拨款支出480万元。其中:基本支出400万元": the parts are that source’s, not the unit’s 基本支出', () => {
    const r = run('2024年度一般公共预算财政拨款支出年初预算为500万元,支出决算为480万元。其中:基本支出决算为400万元,项目支出决算为80万元。', head);
    const parts = r.file!.facts.filter((f) => f.provenance.kind === 'stated' && f.basis);
    expect(parts.map((f) => [f.source, f.basis, f.amount])).toEqual([
      ['一般公共预算财政拨款', '基本支出', 400],
      ['一般公共预算财政拨款', '项目支出', 80],
    ]);
    const unit = run('本年支出合计600万元。其中:基本支出500万元。', head).file!.facts.filter((f) => f.provenance.kind === 'stated' && f.basis);
    expect(unit.map((f) => [f.source, f.basis])).toEqual([[null, '基本支出']]);
  });
});

describe('a project’s funds named by their phase or their origin', () => {
  const head = '某镇2023年度道路建设项目支出绩效自评报告';

  it('"年中追加预算10万元,全年预算60万元": 全年预算 is the adjusted budget, not the addition again', () => {
    expect(measures('项目年初预算50万元,年中追加预算10万元,全年预算60万元,执行率96.67%。', head)).toEqual([
      ['project.budget-initial', 'value', '年初预算', 2023, 50],
      ['project.budget-added', 'value', '调整预算', 2023, 10],
      ['project.budget-adjusted', 'value', '调整预算', 2023, 60],
      ['project.execution-rate', 'value', '决算', 2023, 96.67],
    ]);
  });

  it('"项目资金共计100万元,其中上年结转20万元": the project’s carry-over is not the unit’s 年初结转和结余', () => {
    const r = run('2023年度项目资金共计100万元,其中上年结转20万元。', head);
    expect(r.file!.facts.filter((f) => f.provenance.kind === 'stated')).toEqual([]);
    expect(r.review.map((x) => x.text)).toEqual(['20万元']);
  });
});

describe('a figure against its budget or against last year', () => {
  const head = '某某局2023年度部门决算';

  it('"占年初预算的96%" and "为年初预算的96%" are completions; "占部门预算的0.5%" stays a share', () => {
    for (const w of ['占', '为'])
      expect(measures(`一般公共预算财政拨款支出决算480万元,${w}年初预算的96%。`, head)).toEqual([
        ['gpb.spending', 'value', '决算', 2023, 480],
        ['gpb.spending', 'completion', '决算', 2023, 96],
      ]);
    expect(measures('“三公”经费支出10万元,占部门预算的0.5%。', head)).toContainEqual(['sangong.total', 'share', '决算', 2023, 0.5]);
  });

  it('"为上年的105%" is no figure named 上年: review', () => {
    expect(measures('一般公共预算财政拨款支出决算480万元,为上年的105%。', head)).toEqual([['gpb.spending', 'value', '决算', 2023, 480]]);
    expect(reviewed('一般公共预算财政拨款支出决算480万元,为上年的105%。', head)).toEqual(['105%']);
  });
});

describe('the money of a 部门评价', () => {
  it('"组织对3个重点项目开展了部门评价,涉及资金120万元" is not what the self-evaluation covered', () => {
    const head = '某某局2023年度部门决算';
    const body = '本部门组织对10个项目开展绩效自评,涉及资金200万元。组织对3个重点项目开展了部门评价,涉及资金120万元。';
    expect(measures(body, head).filter((m) => m[0] === 'performance.amount')).toEqual([['performance.amount', 'value', '决算', 2023, 200]]);
    expect(reviewed(body, head)).toEqual(['120万元']);
  });
});

describe('figures of another unit, or of the organ alone', () => {
  const head = '某某县农业农村局2023年度部门决算';

  it('"县农技推广中心基本支出400万元" in a 局’s report is the centre’s, not the 局’s 基本支出: review', () => {
    const body = '本年支出合计1000万元。县农技推广中心基本支出400万元,在职人员20人。';
    const r = run(body, head);
    expect(r.file!.facts.filter((f) => f.provenance.kind === 'stated').map((f) => f.amount)).toEqual([1000]);
    expect(r.review.map((x) => x.text)).toEqual(['400万元', '20人']);
  });

  it('the unit’s own name (from the title) before a total is the unit itself', () => {
    expect(run('某某县农业农村局2023年度支出合计1000万元。', head).file!.facts.map((f) => f.amount)).toEqual([1000]);
  });

  it('a 功能分类 item named like an organisation is no organisation: "公立医院支出" is not refused as another unit', () => {
    expect(reviewed('本年支出合计1000万元。公立医院支出300万元。', head).length).toBeLessThanOrEqual(1);
    expect(run('本年支出合计1000万元。公立医院支出300万元。', head).review.map((x) => x.reason).join()).not.toMatch(/另一个单位/);
  });

  it('"院机关本级收入合计600万元" is the organ’s part, not the unit’s total', () => {
    expect(run('本年收入合计1000万元。2023年度院机关本级收入合计600万元。', head).file!.facts.map((f) => f.amount)).toEqual([1000]);
  });
});

describe('"分别为A万元、B万元": each value to its own item', () => {
  const head = '某某局2023年度部门决算';

  it('"收入、支出分别为600万元、580万元" never puts 600 under both', () => {
    const r = run('2023年度收入、支出分别为600万元、580万元。', head);
    expect(r.file!.facts.map((f) => [f.flow, f.amount])).toEqual([
      ['收入', 600],
      ['支出', 580],
    ]);
  });

  it('"人员经费、公用经费分别为350万元和50万元"', () => {
    expect(measures('人员经费、公用经费分别为350万元和50万元。', head)).toEqual([
      ['basic.personnel', 'value', '决算', 2023, 350],
      ['basic.public', 'value', '决算', 2023, 50],
    ]);
  });
});

describe('counts named by their own words', () => {
  const head = '某区教育局2018年度部门决算';

  it('"学校43所(其中:义务教育学校39所…、高中3所、实验幼儿园1所)": each count keeps its own words, never the next member’s', () => {
    const body = '二、机构设置:全区现有各类学校43所(其中:义务教育学校39所(含公办幼儿园、小学、初中)、高中3所、实验幼儿园1所)。';
    const labels = measures(body, head).map(([label, , , , value]) => [label, value]);
    expect(labels).toEqual([
      ['全区现有各类学校', 43],
      ['全区现有各类学校其中义务教育学校', 39],
      ['全区现有各类学校其中高中', 3],
      ['全区现有各类学校其中实验幼儿园', 1],
    ]);
  });

  it('"所" counts schools, never a 所属 or 所需 after a number', () => {
    const r = run('本局下设3所属单位,共有学校5所。', head);
    expect(r.file!.measures.map((m) => [m.label, m.value, m.unit])).toEqual([['学校', 5, '所']]);
    expect(r.review.map((x) => x.text)).toEqual([]);
  });
});

describe('公务接待 counted apart for 国内 and 国(境)外 guests', () => {
  it('"国(境)外公务接待批次23个,接待人次142人": the bare 接待人次 is the foreign guests’, never 国内公务接待人次', () => {
    const body = '国内公务接待批次3978个,接待人次28598人;国(境)外公务接待批次23个,接待人次142人。';
    expect(measures(body, '某县2019年度“三公”经费决算情况说明')).toEqual([
      ['sangong.reception-batches', 'value', '决算', 2019, 3978],
      ['sangong.reception-people', 'value', '决算', 2019, 28598],
      ['国外公务接待批次', 'value', '决算', 2019, 23],
      ['接待人次（国(境)外）', 'value', '决算', 2019, 142],
    ]);
  });
});
