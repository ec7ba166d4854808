/**
 * Wordings of real reports beyond the standard template, one case per form, term or rule: the
 * carry-over rows and their neighbours in the 收入支出决算总表, a heading that scopes its paragraph
 * to one fund source, paired totals, comparisons whose words are split or lost, counts of people
 * named by their last words, numbers the reader must refuse. Each case is a short sentence in the
 * wording of a published report; what is not placed must be in review, never under a nearby role.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import/text/index';
import { options } from './helpers';

const run = (body: string, head = '某某中心2023年度单位决算', name = '测试单位') => importText(`${head}\n${body}\n`, options({ name }));
/** [role or label, stat, phase, year, value] of every stated measure. */
const measures = (body: string, head?: string, name?: string) =>
  run(body, head, name)
    .file!.measures.filter((m) => m.provenance.kind === 'stated')
    .map((m) => [m.role ?? m.label, m.stat ?? 'value', m.phase ?? '决算', m.year, m.value]);
/** [flow, source, basis, year, amount] of every stated fact. */
const facts = (body: string, head?: string, name?: string) =>
  run(body, head, name)
    .file!.facts.filter((f) => f.provenance.kind === 'stated')
    .map((f) => [f.flow, f.source, f.basis, f.year, f.amount]);
const reviewed = (body: string, head?: string) => run(body, head).review.map((r) => r.text);

describe('the carry-over rows of the 收入支出决算总表', () => {
  it('结余分配 is its own row, not 年末结转和结余', () => {
    const body = '本年支出合计100万元。此外，结余分配0.00万元。2023年度年末结转和结余70.83万元。';
    expect(facts(body)).toEqual([
      ['支出', null, null, 2023, 100],
      ['年末结转和结余', null, null, 2023, 70.83],
    ]);
    expect(reviewed(body)).toEqual(['0.00万元']);
  });

  it('使用年初结转和结余 is 年初结转和结余; 使用非财政拨款结余 has no place', () => {
    const body = '本年收入合计100万元。此外，使用年初结转和结余109.26万元。使用非财政拨款结余和专用结余0.00万元。';
    expect(facts(body)).toEqual([
      ['收入', null, null, 2023, 100],
      ['年初结转和结余', null, null, 2023, 109.26],
    ]);
    expect(reviewed(body)).toEqual(['0.00万元']);
  });

  it('a fund source’s 上年结转 is that source’s carry-over, not its income', () => {
    expect(facts('2023年度一般公共预算财政拨款上年结转98.45万元，一般公共预算财政拨款收入1095.76万元。')).toEqual([
      ['年初结转和结余', '一般公共预算财政拨款', null, 2023, 98.45],
      ['收入', '一般公共预算财政拨款', null, 2023, 1095.76],
    ]);
  });

  it('2023年年初结转和结余 is the opening row, 2023年末 the closing one', () => {
    expect(facts('2023年年初结转和结余100万元。2023年末结转和结余3万元。')).toEqual([
      ['年初结转和结余', null, null, 2023, 100],
      ['年末结转和结余', null, null, 2023, 3],
    ]);
  });

  it('money 结转到某年 goes to review: the words do not say which year’s row it is', () => {
    const r = run('2022年度结转到2023年使用的资金5万元。本年收入合计100万元。');
    expect(r.file!.facts.map((f) => f.flow)).toEqual(['收入']);
    expect(r.review.map((x) => x.text)).toEqual(['5万元']);
  });

  it('项目支出结转和结余 is a part of the carry-over, not 项目支出', () => {
    expect(facts('2023年度年末结转和结余164.61万元（其中：项目支出结转和结余27.80万元）。')).toEqual([
      ['年末结转和结余', null, null, 2023, 164.61],
      ['年末结转和结余', null, '项目支出', 2023, 27.8],
    ]);
  });
});

describe('the fund-source names as reports shorten them', () => {
  it('一般公共财政拨款 and 政府性基金', () => {
    expect(facts('本年收入合计16万元，其中：一般公共财政拨款收入10万元，政府性基金6万元。')).toEqual([
      ['收入', null, null, 2023, 16],
      ['收入', '一般公共预算财政拨款', null, 2023, 10],
      ['收入', '政府性基金预算财政拨款', null, 2023, 6],
    ]);
  });
});

describe('a heading scopes its paragraph to a fund source', () => {
  it('under 一般公共预算收入支出决算情况 the totals are that source’s, not the unit’s', () => {
    const body = ['二、2018年度一般公共预算收入支出决算情况', '2018年度一般公共预算收入总计1085.31万元，本年支出1070.67万元，年末结转和结余30.65万元。'].join('\n');
    const head = '某某学校2018年度部门决算';
    expect(measures(body, head)).toEqual([['gpb.spending', 'value', '决算', 2018, 1070.67]]);
    expect(facts(body, head)).toEqual([['年末结转和结余', '一般公共预算财政拨款', null, 2018, 30.65]]);
    expect(reviewed(body, head)).toEqual(['1085.31万元']);
  });

  it('the same words under a heading of the unit’s totals are the unit’s', () => {
    const body = ['一、收入支出决算总体情况', '2018年度本年支出1070.67万元，年末结转和结余30.65万元。'].join('\n');
    expect(facts(body, '某某学校2018年度部门决算')).toEqual([
      ['支出', null, null, 2018, 1070.67],
      ['年末结转和结余', null, null, 2018, 30.65],
    ]);
  });
});

describe('totals named in pairs or by other words', () => {
  it('财政拨款收、支总计X万元 is both 财政拨款 totals, and so is its change', () => {
    expect(measures('2023年度财政拨款收、支总计225.34万元。与上年相比，财政拨款收、支总计各增加13.66万元，上升6.45%。')).toEqual([
      ['fiscal.income-total', 'value', '决算', 2023, 225.34],
      ['fiscal.spending-total', 'value', '决算', 2023, 225.34],
      ['fiscal.income-total', 'change', '决算', 2023, 13.66],
      ['fiscal.spending-total', 'change', '决算', 2023, 13.66],
      ['fiscal.income-total', 'growth', '决算', 2023, 6.45],
      ['fiscal.spending-total', 'growth', '决算', 2023, 6.45],
    ]);
  });

  it('财政拨款收入总计A万元，支出总计B万元: the second total is 财政拨款’s too', () => {
    expect(measures('2023年度财政拨款收入总计5939.19万元（含年初财政拨款结转和结余），支出总计5939.19万元（含年末财政拨款结转和结余）。')).toEqual([
      ['fiscal.income-total', 'value', '决算', 2023, 5939.19],
      ['fiscal.spending-total', 'value', '决算', 2023, 5939.19],
    ]);
  });

  it('决算总收入 and 总支出, with last year’s named again after the year', () => {
    expect(measures('2023年度决算总收入1244.27万元，比2022年度决算总收入1058.51万元增加了185.76万元。', '某某学校2023年度部门决算')).toEqual([
      ['income.grand-total', 'value', '决算', 2023, 1244.27],
      ['income.grand-total', 'value', '决算', 2022, 1058.51],
      ['income.grand-total', 'change', '决算', 2023, 185.76],
    ]);
  });

  it('<unit name>支出为X万元 is the unit’s spending', () => {
    expect(facts('2021年度，武山县四门学区支出为2653.45万元。', '武山县四门学区2021年度部门决算', '武山县四门学区')).toEqual([['支出', null, null, 2021, 2653.45]]);
  });

  it('本年收入A万元，支出B万元: the spending after the income is the spending total', () => {
    expect(facts('2023年度本年收入1095.76万元，支出1193.35万元。')).toEqual([
      ['收入', null, null, 2023, 1095.76],
      ['支出', null, null, 2023, 1193.35],
    ]);
  });

  it('the kinds of procurement after the total: 货物X万元，工程Y万元', () => {
    expect(measures('2023年度政府采购总额45.24万元，其中：货物13.99万元，工程31.25万元。')).toEqual([
      ['procurement.total', 'value', '决算', 2023, 45.24],
      ['procurement.kind:货物', 'value', '决算', 2023, 13.99],
      ['procurement.kind:工程', 'value', '决算', 2023, 31.25],
    ]);
  });
});

describe('shares', () => {
  it('X A万元，B% (the 占 left out) is the share of the amount before it', () => {
    expect(measures('本年收入合计100万元，其中：财政拨款收入97.3万元，占97.3%；其他收入2.7万元，2.7%。')).toEqual([
      ['income.source:财政拨款', 'share', '决算', 2023, 97.3],
      ['income.source:其他', 'share', '决算', 2023, 2.7],
    ]);
  });

  it('a bare percentage after a change is no share', () => {
    expect(measures('本年收入合计100万元，较上年减少10万元，9.1%。').filter(([, stat]) => stat === 'share')).toEqual([]);
  });
});

describe('comparisons', () => {
  it('较上年决算数A万元减少B万元、下降C%: the base set by the compared value', () => {
    expect(measures('2024年度收入总计1110.70万元。收支较上年决算数1166.81万元减少56.11万元、下降4.81%。', '某某卫生院2024年度部门决算')).toEqual([
      ['income.grand-total', 'value', '决算', 2024, 1110.7],
      ['income.grand-total', 'value', '决算', 2023, 1166.81],
      ['income.grand-total', 'change', '决算', 2024, -56.11],
      ['income.grand-total', 'growth', '决算', 2024, -4.81],
    ]);
  });

  it('与上年A万元相比增加B万元', () => {
    expect(measures('一般公共预算财政拨款支出总计1040.91万元，与上年1031.76万元相比增加9.15万元，增长0.88%。')).toEqual([
      ['gpb.spending', 'value', '决算', 2023, 1040.91],
      ['gpb.spending', 'value', '决算', 2022, 1031.76],
      ['gpb.spending', 'change', '决算', 2023, 9.15],
      ['gpb.spending', 'growth', '决算', 2023, 0.88],
    ]);
  });

  it('收、支与2023年度相比，减少X万元，下降Y%, and the same with 与 lost', () => {
    // 收、支 names both totals, so the change is both totals' change.
    expect(measures('2024年度收、支总计均为100万元。收、支与2023年度相比，减少10万元，下降9.1%。', '某某镇2024年度部门决算')).toEqual([
      ['income.grand-total', 'value', '决算', 2024, 100],
      ['spending.grand-total', 'value', '决算', 2024, 100],
      ['income.grand-total', 'change', '决算', 2024, -10],
      ['spending.grand-total', 'change', '决算', 2024, -10],
      ['income.grand-total', 'growth', '决算', 2024, -9.1],
      ['spending.grand-total', 'growth', '决算', 2024, -9.1],
    ]);
    expect(facts('2024年度收入合计100万元，2023年度相比，减少10万元，下降9.1%。', '某某镇2024年度部门决算')).toEqual([['收入', null, null, 2024, 100]]);
    expect(measures('2024年度收入合计100万元，2023年度相比，减少10万元，下降9.1%。', '某某镇2024年度部门决算')).toEqual([
      ['income.total', 'change', '决算', 2024, -10],
      ['income.total', 'growth', '决算', 2024, -9.1],
    ]);
  });

  it('a year run into the amount ("与2019498.83万元相比") is refused, not read as one number', () => {
    const r = run('2020年度收、支总计424.71万元。与2019498.83万元相比，收、支总计各减少74.12万元，减少14.86%。', '某某小学2020年度部门决算');
    expect(r.review.find((x) => x.text.startsWith('2019498.83'))?.reason).toMatch(/年份和金额连写/);
    expect(r.file!.measures.some((m) => m.value === 2019498.83)).toBe(false);
  });
});

describe('phase words and items of their own', () => {
  it('an unknown item ending in 支出 after a known one is not that item again', () => {
    const r = run('支出按功能科目分类：一般公共服务支出100万元，社会保障和服务支出54.59万元。');
    expect(r.file!.facts.map((f) => [f.functional, f.amount])).toEqual([['201', 100]]);
    expect(r.review.map((x) => [x.text, x.reason])).toEqual([['54.59万元', '不认识“社会保障和服务支出”指的是什么']]);
  });

  it('words that only name a phase are the item before, in that phase', () => {
    expect(measures('“三公”经费年初预算10万元，实际支出8万元。')).toEqual([
      ['sangong.total', 'value', '年初预算', 2023, 10],
      ['sangong.total', 'value', '决算', 2023, 8],
    ]);
  });
});

describe('items named with the phase of their figure', () => {
  it('X(项)年初预算为A万元，支出决算为B万元，完成年初预算的C%', () => {
    const got = run('其中：高等教育(项)年初预算为100万元，支出决算为110.2万元，完成年初预算的110.2%。', '某某部2024年度部门决算');
    expect(got.file!.facts.map((f) => [f.functional, f.phase, f.amount])).toEqual([
      ['2050205', '年初预算', 100],
      ['2050205', '决算', 110.2],
    ]);
    expect(got.review).toEqual([]);
  });
});

describe('counts of people, named by their last words', () => {
  it('离休人员 and 其他人员 are not kinds of the staff in post', () => {
    const got = measures('本部门2020年年末实有人数151人，其中在职人员100人，离休人员0人，退休人员51人；年末其他人员0人。', '某某学校2020年度部门决算');
    expect(got).toContainEqual(['staff.retired', 'value', '决算', 2020, 51]);
    expect(got.filter(([role]) => String(role).startsWith('staff.in-post-kind'))).toEqual([]);
  });

  it('内设机构 by that name is the role; other bodies and 购置车辆 keep their own words', () => {
    expect(measures('本单位内设机构7个。')).toEqual([['staff.departments', 'value', '决算', 2023, 7]]);
    expect(measures('本局内设股级机构23个。')).toEqual([['内设股级机构', 'value', '决算', 2023, 23]]);
    expect(measures('购置公务用车0辆。')).toEqual([['sangong.vehicles-bought', 'value', '决算', 2023, 0]]);
    expect(measures('购置车辆0辆。')).toEqual([['购置车辆', 'value', '决算', 2023, 0]]);
  });

  it('外事接待 counted within the 国内公务接待 keeps its own words, not the reception counts', () => {
    expect(measures('2023年国内公务接待共139批次(其中外事接待0批次),1205人次(其中外事接待0人次)。', '某局2023年度“三公”经费支出决算')).toEqual([
      ['sangong.reception-batches', 'value', '决算', 2023, 139],
      ['外事接待批次', 'value', '决算', 2023, 0],
      ['sangong.reception-people', 'value', '决算', 2023, 1205],
      ['外事接待人次', 'value', '决算', 2023, 0],
    ]);
  });

  it('a count of 预算单位 is no budget figure', () => {
    expect(measures('纳入本部门决算编制的二级预算单位主要包含1个预算单位。')).toEqual([['纳入本部门决算编制的二级预算单位主要包含预算单位', 'value', '决算', 2023, 1]]);
  });

  it('a list of bodies that names a 离退休干部局 is no count of retirees', () => {
    const got = measures('本部门决算反映部本级、离退休干部局以及35个直属单位经费收支情况。', '某某部2024年度部门决算');
    expect(got.filter(([role]) => role === 'staff.retired')).toEqual([]);
  });
});

describe('a table copied one cell per line', () => {
  const table = (unitLine: string) =>
    ['一、2023年度一般公共预算财政拨款“三公”经费支出决算表', unitLine, '项 目 |', '预 算 数 |', '决 算 数 |', '合 计 |', '18 |', '6.28 |', '公务接待费 |', '12 |', '6.28 |', '其中:公务用车运行维护费 |', '6 |', '0 |'].join('\n');

  it('reads each row under its label and each column in its phase, the 合计 row by the title', () => {
    expect(measures(table('单位:万元'))).toEqual([
      ['sangong.total', 'value', '年初预算', 2023, 18],
      ['sangong.total', 'value', '决算', 2023, 6.28],
      ['sangong.item:公务接待', 'value', '年初预算', 2023, 12],
      ['sangong.item:公务接待', 'value', '决算', 2023, 6.28],
      ['sangong.item:公务用车运行维护', 'value', '年初预算', 2023, 6],
      ['sangong.item:公务用车运行维护', 'value', '决算', 2023, 0],
    ]);
    const r = run(table('单位:万元'));
    for (const m of r.file!.measures) expect(r.sourceText).toContain(m.provenance.kind === 'stated' ? m.provenance.quote : '');
  });

  it('passes over an empty cell and goes on with the next row', () => {
    const t = ['“三公”经费支出决算表', '单位:万元', '项 目 |', '预 算 数 |', '决 算 数 |', '因公出国(境)费 |', '|', '|', '公务接待费 |', '1 |', '0.53 |'].join('\n');
    expect(measures(t)).toEqual([
      ['sangong.item:公务接待', 'value', '年初预算', 2023, 1],
      ['sangong.item:公务接待', 'value', '决算', 2023, 0.53],
    ]);
  });

  it('converts a table in 元, and reads nothing when no unit line says what the numbers are', () => {
    expect(measures(table('单位:元')).map((x) => x[4])).toEqual([0.0018, 0.000628, 0.0012, 0.000628, 0.0006, 0]);
    expect(run(`本年支出合计100万元。\n${table('')}`).file!.measures).toEqual([]);
  });
});

describe('a table copied one row per line', () => {
  it('reads "公务接待费 | 1.8 | 1.52 |" as the cells of one row', () => {
    const t = ['一、2021年度一般公共预算财政拨款“三公”经费支出决算表', '单位:万元', '项 目 | 预 算 数 | 决 算 数 |', '合 计 | 1.8 | 1.52 |', '因公出国(境)费 | ||', '公务接待费 | 1.8 | 1.52 |'].join('\n');
    expect(measures(t, '某市工商业联合会2021年度“三公”经费支出决算')).toEqual([
      ['sangong.total', 'value', '年初预算', 2021, 1.8],
      ['sangong.total', 'value', '决算', 2021, 1.52],
      ['sangong.item:公务接待', 'value', '年初预算', 2021, 1.8],
      ['sangong.item:公务接待', 'value', '决算', 2021, 1.52],
    ]);
  });

  it('under "预算数 | 决算数" split by fund ("合计 | 一般公共预算 | 政府性基金"), only each phase’s 合计 is the figure', () => {
    const t = [
      '一、2021年度一般公共预算及政府性基金财政拨款“三公”经费支出决算表',
      '单位:万元',
      '项目 | 预算数 | 决算数 | ||||',
      '合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |',
      '公务接待费 | 8 | 7 | 1 | 2.26 | 2.26 | 0 |',
      '总计 | 80.7 | 80.7 | 0 | 74.23 | 74.23 | 0 |',
    ].join('\n');
    expect(measures(t, '某市人民法院2021年度“三公”经费支出决算情况说明')).toEqual([
      ['sangong.item:公务接待', 'value', '年初预算', 2021, 8],
      ['sangong.item:公务接待', 'value', '决算', 2021, 2.26],
      ['sangong.total', 'value', '年初预算', 2021, 80.7],
      ['sangong.total', 'value', '决算', 2021, 74.23],
    ]);
  });

  it('a row with more numbers than the header has columns ends the table', () => {
    const t = ['“三公”经费支出决算表', '单位:万元', '项目 | 预算数 | 决算数 |', '公务接待费 | 8 | 2.26 | 1 |'].join('\n');
    expect(run(`本年支出合计100万元。\n${t}`).file!.measures.filter((m) => m.role?.startsWith('sangong'))).toEqual([]);
  });
});

describe('the figures of a 项目支出绩效自评', () => {
  it('预算执行率 is the project’s execution rate, 项目自评得分 its score; the money after 实施项目N个 is named once', () => {
    const head = '某镇2023年度道路建设项目支出绩效自评报告';
    expect(measures('实际支出240万元，预算执行率96%。项目自评得分92分。', head)).toEqual([
      ['project.spent', 'value', '决算', 2023, 240],
      ['project.execution-rate', 'value', '决算', 2023, 96],
      ['project.score', 'value', '决算', 2023, 92],
    ]);
    expect(measures('整体支出预算执行率95.83%。', '某局2023年度部门整体支出绩效自评报告')).toEqual([['budget.completion-rate', 'value', '决算', 2023, 95.83]]);
  });
});

describe('三公 parts and the words before them', () => {
  it('the parts listed after a 三公 budget are budget figures; after an actual, actual ones', () => {
    expect(measures('本年支出合计100万元。2023年“三公”经费预算为20万元，其中：因公出国(境)费0万元，公务接待费9万元，公务用车运行维护费11万元，公务用车购置0万元。')).toEqual([
      ['sangong.total', 'value', '年初预算', 2023, 20],
      ['sangong.item:因公出国（境）', 'value', '年初预算', 2023, 0],
      ['sangong.item:公务接待', 'value', '年初预算', 2023, 9],
      ['sangong.item:公务用车运行维护', 'value', '年初预算', 2023, 11],
      ['sangong.item:公务用车购置', 'value', '年初预算', 2023, 0],
    ]);
    expect(measures('本年支出合计100万元。2023年“三公”经费支出决算为9万元，其中：公务接待费9万元。')).toEqual([
      ['sangong.total', 'value', '决算', 2023, 9],
      ['sangong.item:公务接待', 'value', '决算', 2023, 9],
    ]);
  });

  it('a part whose own words say which figure it is keeps them after a budget total', () => {
    expect(measures('本年支出合计100万元。2023年“三公”经费预算为20万元，其中：公务接待费决算数8万元。')).toEqual([
      ['sangong.total', 'value', '年初预算', 2023, 20],
      ['sangong.item:公务接待', 'value', '决算', 2023, 8],
    ]);
  });

  it('an item named by words no role knows is not the item named in an earlier clause', () => {
    const body = '本年支出合计100万元。其中，因公出国(境)费用没有，原因是压缩开支；公务用车及运行维护费支出251万元。';
    expect(measures(body)).toEqual([]);
    expect(reviewed(body)).toEqual(['251万元']);
  });

  it('several 三公 items before one number: all three are the total, two are refused, never the first item', () => {
    expect(measures('本年支出合计100万元。因公出国(境)经费、公务接待费、公务用车购置及运行费共计50万元。')).toEqual([['sangong.total', 'value', '决算', 2023, 50]]);
    const two = '本年支出合计100万元。公务接待费和公务用车运行维护费合计30万元。';
    expect(measures(two)).toEqual([]);
    expect(reviewed(two)).toEqual(['30万元']);
    expect(measures('本年支出合计100万元。“三公”经费中公务接待费5万元。')).toEqual([['sangong.item:公务接待', 'value', '决算', 2023, 5]]);
  });
});

describe('totals and comparisons in other words', () => {
  it('收入支出总计 is one figure for both totals, and so is its change', () => {
    expect(measures('2023年度收入支出总计37,005.29万元，比上年度减少1,238.28万元。')).toEqual([
      ['income.grand-total', 'value', '决算', 2023, 37005.29],
      ['spending.grand-total', 'value', '决算', 2023, 37005.29],
      ['income.grand-total', 'change', '决算', 2023, -1238.28],
      ['spending.grand-total', 'change', '决算', 2023, -1238.28],
    ]);
  });

  it('“比上年累计支出A万元” gives last year’s value of the item before', () => {
    expect(measures('公务接待费支出124万元，比上年累计支出148万元下降24万元。')).toEqual([
      ['sangong.item:公务接待', 'value', '决算', 2023, 124],
      ['sangong.item:公务接待', 'value', '决算', 2022, 148],
      ['sangong.item:公务接待', 'change', '决算', 2023, -24],
    ]);
  });

  it('上年收入 / 上年支出 are last year’s totals; 上年结转 stays a carry-over', () => {
    expect(facts('本年收入合计7648.23万元，上年收入8045.84万元。本年支出合计7000万元，上年支出7100万元。')).toEqual([
      ['收入', null, null, 2023, 7648.23],
      ['收入', null, null, 2022, 8045.84],
      ['支出', null, null, 2023, 7000],
      ['支出', null, null, 2022, 7100],
    ]);
    expect(facts('本年收入合计100万元，上年结转20万元。')).toEqual([
      ['收入', null, null, 2023, 100],
      ['年初结转和结余', null, null, 2023, 20],
    ]);
  });
});
