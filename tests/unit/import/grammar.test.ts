/**
 * The phrasing forms of the text importer, one case per form: the lead grammar (patterns.ts), the
 * paired lists and asides (numbers.ts, extract.ts) and the flattened funds block of the
 * 项目支出绩效自评表 (funds-table.ts). Each case is the smallest sentence of the form.
 */
import { describe, expect, it } from 'vitest';
import { importText } from '../../../src/import/text/index';
import { parseLead } from '../../../src/import/text/patterns';
import { options } from './helpers';

const run = (body: string, head = '某某局2022年度部门决算') => importText(`${head}\n${body}\n`, options());
/** [role, stat, phase, year, value] of every stated measure. */
const measures = (body: string, head?: string) =>
  run(body, head)
    .file!.measures.filter((m) => m.provenance.kind === 'stated')
    .map((m) => [m.role ?? m.label, m.stat ?? 'value', m.phase ?? '决算', m.year, m.value]);
const facts = (body: string) => run(body).file!.facts.filter((f) => f.provenance.kind === 'stated').map((f) => [f.flow, f.source ?? f.basis ?? f.functional ?? '', f.year, f.amount]);

describe('the lead grammar', () => {
  it('reads each form of the words before a number', () => {
    expect(parseLead('本单位收入为')).toEqual({ form: 'value', subject: '本单位收入' });
    expect(parseLead('较上年增加')).toMatchObject({ form: 'change', base: 'prev-year', sign: 1 });
    expect(parseLead('同比上年度减少')).toMatchObject({ form: 'change', subject: '', base: 'prev-year', sign: -1 });
    expect(parseLead('较2020年度决算数减少')).toMatchObject({ form: 'change', base: 'prev-year', baseYear: 2020, sign: -1 });
    expect(parseLead('占本年支出合计的')).toMatchObject({ form: 'share', whole: '本年支出合计' });
    expect(parseLead('完成年初预算的')).toMatchObject({ form: 'completion', phase: '年初预算', named: true });
    expect(parseLead('完成全年预算')).toMatchObject({ form: 'completion', phase: '调整预算' });
    expect(parseLead('比上年')).toEqual({ form: 'value', subject: '', prev: { year: null } });
    expect(parseLead('决算数大于预算数')).toMatchObject({ form: 'change', base: 'budget', sign: 1 });
    expect(parseLead('项目支出包括委员活动经费')).toEqual({ form: 'value', subject: '委员活动经费' });
  });
});

describe('one case per phrasing form', () => {
  it('X为Y万元', () => expect(facts('2022年度，本单位收入为1687.45万元。')).toEqual([['收入', '', 2022, 1687.45]]));

  it('X Y万元，占Z%', () => {
    expect(measures('本年收入合计100万元，其中：事业收入20万元，占20%。')).toEqual([['income.source:事业', 'share', '决算', 2022, 20]]);
  });

  it('较上年增加/减少X万元，增长/下降Y%', () => {
    expect(measures('机关运行经费8万元，较上年减少2万元，下降20%。')).toEqual([
      ['operating.total', 'value', '决算', 2022, 8],
      ['operating.total', 'change', '决算', 2022, -2],
      ['operating.total', 'growth', '决算', 2022, -20],
    ]);
  });

  it('收、支总计各A、B万元 and 收、支总计均为A万元', () => {
    expect(measures('2022年度收、支总计各是120.5,121.5万元。')).toEqual([
      ['income.grand-total', 'value', '决算', 2022, 120.5],
      ['spending.grand-total', 'value', '决算', 2022, 121.5],
    ]);
    expect(measures('2022年度收、支总计均为1523.26万元。')).toEqual([
      ['income.grand-total', 'value', '决算', 2022, 1523.26],
      ['spending.grand-total', 'value', '决算', 2022, 1523.26],
    ]);
  });

  it('其中：…；… and 总收入…其中本年收入…上年结转…', () => {
    expect(facts('本单位2022年度总收入581.45万元，其中本年收入390.55万元；上年结转和结余190.89万元。')).toEqual([
      ['收入', '', 2022, 390.55],
      ['年初结转和结余', '', 2022, 190.89],
    ]);
    expect(measures('本单位2022年度总收入581.45万元。')).toEqual([['income.grand-total', 'value', '决算', 2022, 581.45]]);
  });

  it('完成年初预算的X%, and 完成全年预算X万元的Y%', () => {
    expect(measures('一般公共预算财政拨款支出1741.75万元，完成年初预算的100%。')).toEqual([
      ['gpb.spending', 'value', '决算', 2022, 1741.75],
      ['gpb.spending', 'completion', '决算', 2022, 100],
    ]);
    expect(measures('“三公”经费支出决算为62.07万元，完成全年预算84.82万元的73.2%。')).toEqual([
      ['sangong.total', 'value', '决算', 2022, 62.07],
      ['sangong.total', 'value', '调整预算', 2022, 84.82],
      ['sangong.total', 'completion', '决算', 2022, 73.2],
    ]);
  });

  it('年初批复预算8个项目985万元，调整后预算，实际到位资金', () => {
    const got = measures('年初批复预算8个项目985万元，调整预算后项目预算861.46万元，实际到位资金334.67万元。', '某中心2024年度项目支出绩效自评报告');
    expect(got).toEqual([
      ['年初批复预算项目', 'value', '年初预算', 2024, 8],
      ['project.budget-initial', 'value', '年初预算', 2024, 985],
      ['project.budget-adjusted', 'value', '调整预算', 2024, 861.46],
      ['project.funds-arrived', 'value', '决算', 2024, 334.67],
    ]);
  });

  it('比上年X万元增加Y万元: last year’s value and the change (of both totals, named together)', () => {
    expect(measures('2022年度收、支总计2918.96万元，比上年2665.56万元增加253.4万元，增长9.51%。')).toEqual([
      ['income.grand-total', 'value', '决算', 2022, 2918.96],
      ['spending.grand-total', 'value', '决算', 2022, 2918.96],
      ['income.grand-total', 'value', '决算', 2021, 2665.56],
      ['income.grand-total', 'change', '决算', 2022, 253.4],
      ['spending.grand-total', 'change', '决算', 2022, 253.4],
      ['income.grand-total', 'growth', '决算', 2022, 9.51],
      ['spending.grand-total', 'growth', '决算', 2022, 9.51],
    ]);
  });

  it('X：Y万元 (the words before a colon)', () => expect(facts('1、收入：792.22万元。')).toEqual([['收入', '', 2022, 792.22]]));

  it('Y万元用于X, and counts named by the words after them', () => {
    expect(measures('本项目共申请预算资金90万元。其中：30万元用于基建工程项目审计；在园幼儿915名。', '某镇2022年度项目支出绩效自评报告')).toEqual([
      ['project.budget-initial', 'value', '年初预算', 2022, 90],
      ['基建工程项目审计', 'value', '决算', 2022, 30],
      ['在园幼儿', 'value', '决算', 2022, 915],
    ]);
    // In a list of a money total's parts an unknown item is a classification item: review, not a label.
    expect(run('本年支出合计100万元，其中：30万元用于基建工程项目审计。').review.map((x) => x.text)).toEqual(['30万元']);
  });

  it('the change after a number-less clause is that clause’s item', () => {
    expect(measures('“三公”经费10万元。公务接待费支出决算比预算无增减变化，比去年增加0.5万元，增长50%。')).toEqual([
      ['sangong.total', 'value', '决算', 2022, 10],
      ['sangong.item:公务接待', 'change', '决算', 2022, 0.5],
      ['sangong.item:公务接待', 'growth', '决算', 2022, 50],
    ]);
  });

  it('the flattened funds block of the 项目支出绩效自评表', () => {
    const got = measures(
      '项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 100 90 81 10 90% 9 其中:本年财政拨款 100 90 81 上年结转资金 其他资金 年度总体目标',
      '某镇2022年度项目支出绩效自评表',
    );
    expect(got).toEqual([
      ['project.budget-initial', 'value', '年初预算', 2022, 100],
      ['project.budget-adjusted', 'value', '调整预算', 2022, 90],
      ['project.spent', 'value', '决算', 2022, 81],
      ['年度资金总额分值', 'value', '决算', 2022, 10],
      ['project.execution-rate', 'value', '决算', 2022, 90],
      ['年度资金总额得分', 'value', '决算', 2022, 9],
    ]);
  });

  it('words that look like a role but are not one', () => {
    const got = measures('本年收入合计100万元。使用非财政拨款结余0万元。编制绩效目标指标12个。基建工程委托业务项目数量≥50个。', '某镇2022年度项目支出绩效自评报告');
    expect(got.filter(([role]) => String(role).includes('.'))).toEqual([]);
    const f = run('本年收入合计100万元。使用非财政拨款结余0万元。', '某镇2022年度部门决算').file!.facts;
    expect(f.map((x) => [x.flow, x.source])).toEqual([['收入', null]]);
  });
});
