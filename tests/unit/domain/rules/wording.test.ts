/**
 * The wording rules, on small texts made for them: one code under two names, the same money at
 * two levels, income called spending, a year compared with itself, "增长-X%", 其中 lists, figure
 * and punctuation forms, section numbering, paired marks, the unit's name in the title.
 */
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../../../src/model/types';
import { byKey, fact, measure, of, run, unit } from '../fixtures';

const stated = (quote: string, section = '一') => ({ kind: 'stated' as const, quote, section });
/** Results of one rule on a text (the file holds one fact unless told otherwise). */
const onText = (rule: string, text: string, u = unit({ facts: [fact('t', 1)] })): RuleResult[] => of(run(u, { sourceText: text }), rule);
const failing = (rs: RuleResult[]) => rs.filter((r) => r.status === 'fail');

describe('code-names', () => {
  const goods = (label2: string) => [fact('a', 29.92, { functional: '2010301', economic: '302', label: '商品与服务支出' }), fact('b', 21.88, { functional: '2010302', economic: '302', label: label2 })];

  it('from data alone: two labels for one code are a note; one label passes', () => {
    expect(byKey(run(unit({ facts: goods('商品和服务支出') })), 'code-names:economic:302')).toMatchObject({ status: 'fail', grade: 'note', family: 'wording', numbers: { names: 2 }, records: ['a', 'b'] });
    expect(byKey(run(unit({ facts: goods('商品与服务支出') })), 'code-names:economic:302').status).toBe('pass');
  });

  it('with the text: names of the code found in the text, the odd one pointed to', () => {
    const text = '行政运行（商品与服务支出29.92万元）。\n一般行政管理事务（商品与服务支出21.88万元）。\n主要包括商品和服务支出21.88万元。';
    const r = byKey(run(unit({ facts: goods('商品与服务支出') }), { sourceText: text }), 'code-names:economic:302');
    expect(r).toMatchObject({ status: 'fail', span: { line: 3 } });
    expect(r.message).toContain('“商品与服务支出”、“商品和服务支出”');
    const one = byKey(run(unit({ facts: goods('商品与服务支出') }), { sourceText: '商品与服务支出29.92万元；商品与服务支出21.88万元。' }), 'code-names:economic:302');
    expect(one.status).toBe('pass');
  });

  it('reads the name of a change measure without its comparison words, and a shorter name is not counted inside a longer one', () => {
    const facts = [fact('f', 5.12, { functional: '2010301', label: '行政运行' })];
    const measures = [measure('c', 3.58, { role: 'spending.function:2010301', stat: 'change', base: 'prev-year', label: '行政运行与2021年相比增加' })];
    expect(byKey(run(unit({ facts, measures })), 'code-names:functional:2010301').status).toBe('pass');
    const f2 = [fact('x', 5.12, { functional: '2010302', label: '一般行政管理事务' }), fact('y', 5.12, { year: 2021, functional: '2010302', label: '一般行政管理事务补助' })];
    const text = '一般行政管理事务补助5.12万元。';
    expect(byKey(run(unit({ facts: f2 }), { sourceText: text }), 'code-names:functional:2010302').status).toBe('pass');
  });
});

describe('split-levels', () => {
  const facts = (sectionB: string) => [
    fact('c', 3, { basis: '项目支出', functional: '2010302', economic: '310', label: '资本性支出', provenance: stated('资本性支出3万元', '一、5．') }),
    fact('k', 3, { basis: '项目支出', functional: '2010302', economic: '31099', label: '其他资本性支出', provenance: stated('其他资本性支出3万元', sectionB) }),
  ];
  it('one amount at a class in one section and at its only child in another is a note', () => {
    expect(byKey(run(unit({ facts: facts('（二）项目支出') })), 'split-levels:c')).toMatchObject({ status: 'fail', grade: 'note', records: ['c', 'k'] });
  });
  it('the same section (a class and its detail side by side) is not', () => {
    expect(of(run(unit({ facts: facts('一、5．') })), 'split-levels')).toEqual([]);
  });
});

describe('flow-wording', () => {
  it('a spending amount called 收入 is a warning; called 支出 or neutral passes', () => {
    const facts = [
      fact('adj', 969.29, { phase: '调整预算', provenance: stated('年初预算收入为235.8万元，调整预算收入为969.29万元') }),
      fact('init', 235.8, { phase: '年初预算', provenance: stated('当年本级年初批复预算数235.8万元') }),
      fact('act', 969.29, { provenance: stated('决算支出总计969.29万元') }),
      fact('in', 100, { flow: '收入', provenance: stated('本年支出100万元') }),
    ];
    const rs = run(unit({ facts }));
    expect(byKey(rs, 'flow-wording:adj')).toMatchObject({ status: 'fail', grade: 'warning', message: expect.stringContaining('调整预算收入为') });
    expect(byKey(rs, 'flow-wording:init').status).toBe('pass');
    expect(byKey(rs, 'flow-wording:act').status).toBe('pass');
    expect(byKey(rs, 'flow-wording:in').status).toBe('fail');
  });
});

describe('year-self', () => {
  it('a year compared with itself in one sentence is a warning, with the records quoted there', () => {
    const m = measure('w', 4.15, { provenance: stated('2021年单位机关运行经费中工资福利支出较2021年增加4.15万元') });
    const text = '五、绩效\n2021年单位机关运行经费中工资福利支出较2021年增加4.15万元，同比增长2.57%。';
    const rs = onText('year-self', text, unit({ measures: [m] }));
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ key: 'year-self:L2', status: 'fail', grade: 'warning', records: ['w'], numbers: { year: 2021 }, span: { line: 2 } });
  });
  it('passes a year compared with another, also across sentences', () => {
    expect(failing(onText('year-self', '2022年工资福利支出较2021年增加4.15万元。2021年的情况见上。与2021年相比持平。'))).toEqual([]);
    expect(onText('year-self', '2022年较2021年增加。')[0]).toMatchObject({ key: 'year-self:text', status: 'pass' });
  });
});

describe('signed-direction', () => {
  it('"增长-X%" and "下降-X%" are warnings saying what is meant', () => {
    const rs = onText('signed-direction', '资产总额601.59万元，较上年增长-18.19%。\n支出下降-5%。');
    expect(rs.map((r) => [r.key, r.status])).toEqual([['signed-direction:L1', 'fail'], ['signed-direction:L2', 'fail']]);
    expect(rs[0].message).toContain('应写“下降18.19%”');
    expect(rs[1].message).toContain('应写“增长5%”');
  });
  it('a direction in words with an unsigned number passes', () => {
    expect(failing(onText('signed-direction', '较上年下降18.19%，增加-（见表）。'))).toEqual([]);
  });
});

describe('qizhong', () => {
  it('其中-items adding up to more than the whole, the first ones making it up, are a warning', () => {
    const rs = onText('qizhong', '现有在编人员9人，其中，管理岗位3人，专业技术岗位6人，编外合同制人员2人，劳务派遣人员1人，较2021年新增编制2个。');
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ status: 'fail', grade: 'warning', numbers: { expected: 9, found: 12, prefix: 2 } });
    expect(rs[0].message).toContain('前 2 项之和正好等于总数');
  });
  it('passes a list that adds up, one that names only some parts, and ignores comparisons, shares and details in brackets', () => {
    const text = [
      '基本支出总计223.3万元，其中行政运行187.17万元（工资福利支出157.25万元，商品与服务支出29.92万元）；住房公积金36.13万元。',
      '收入总计969.29万元，其中行政运行187.17万元，与2021年度相比增加5.44万元；一般行政管理事务33.3万元，与2021年度相比减少7.11万元。',
      '本年收入合计4125.49万元,其中:一般公共预算财政拨款收入3859.16万元,占93.54%;其他收入266.33万元,占6.46%。',
      '“三公”经费5.74万元，公务用车购置及运行维护费4万元，其中公务车保有量1辆；公务接待费1.74万元。',
    ].join('\n');
    expect(failing(onText('qizhong', text))).toEqual([]);
  });
});

describe('figure-format', () => {
  it('full-width digits, two figures joined by a comma and "其中。" are notes', () => {
    const rs = onText('figure-format', '通过信息系统等级保护３级测评。\n收、支总计各是4125.49,4143.91万元。\n主要原因是严格执行制度。其中。');
    expect(rs.map((r) => r.key)).toEqual(['figure-format:L1', 'figure-format:L2', 'figure-format:L3']);
    expect(rs.every((r) => r.status === 'fail' && r.grade === 'note')).toBe(true);
    expect(rs[0].message).toContain('“3”');
    expect(rs[1].message).toContain('4125.49、4143.91');
  });
  it('a half-width comma after a figure is flagged only where the text otherwise uses "，"', () => {
    const mixed = onText('figure-format', '资金到位率100%,资金执行率为100%，全部来源于财政资金，较好。');
    expect(failing(mixed)).toHaveLength(1);
    expect(failing(onText('figure-format', '收入4125.49万元,其中:拨款3859.16万元,占93.54%。'))).toEqual([]);
    expect(onText('figure-format', '资产总额601.59万元，较上年下降18.19%。').map((r) => r.status)).toEqual(['pass']);
  });
});

describe('section-numbers', () => {
  it('a repeated, a skipped or a restarted number, and mixed punctuation at one level, are notes', () => {
    const text = ['一、概况', '1．职能', '2．机构', '1．成效一', '2．成效二', '3. 成效三', '2．部门支出', '二、管理', '四、资产', '四、绩效'].join('\n');
    const rs = onText('section-numbers', text);
    expect(rs.map((r) => r.key)).toEqual(['section-numbers:L4', 'section-numbers:L6', 'section-numbers:L7', 'section-numbers:L9', 'section-numbers:L10']);
    expect(rs[0].message).toContain('又从“1．”开始');
    expect(rs[1].message).toContain('标点不同');
    expect(rs[2].message).toContain('编号倒退');
    expect(rs[3].message).toContain('缺少“三、”');
    expect(rs[4].message).toContain('重复');
  });
  it('passes clean numbering, inner levels restarting under a new heading, and a skip across a missing part', () => {
    const text = ['一、概况', '（一）基本支出', '（1）三公', '（2）会议', '（二）项目支出', '1．项目', '2．绩效', '二、管理', '（一）组织', '【未能获取：第3—6页】', '五、其他', '1.1 小节', '1.2 小节'].join('\n');
    expect(onText('section-numbers', text).map((r) => [r.key, r.status])).toEqual([['section-numbers:text', 'pass']]);
  });
});

describe('paired-marks', () => {
  it('an unmatched quotation mark or bracket, or a lone straight quote, is a note', () => {
    const rs = onText('paired-marks', '较好地完成了2022年绩效目标。"\n“三无城市”“极简审批。\n（一）项目组织）');
    expect(rs.map((r) => r.key)).toEqual(['paired-marks:L1', 'paired-marks:L2', 'paired-marks:L3']);
    expect(rs.every((r) => r.grade === 'note')).toBe(true);
  });
  it('passes balanced marks', () => {
    expect(failing(onText('paired-marks', '“三无城市”“极简审批”，电子政务专网(党政工作专网)，《规定》（2022）。'))).toEqual([]);
  });
});

describe('title-unit', () => {
  const u = (title: string, publisher: string) => ({ ...unit({ facts: [fact('t', 1)] }), source: { id: 's', title, publisher, date: '2023-01-01', file: 'sources/x.txt' } });
  it('a title without the unit’s name is a note; the text’s first line is the title', () => {
    const rs = of(run(u('某中心2022年报告', '某中心'), { sourceText: '2022年部门整体支出绩效自评报告\n一、概况' }), 'title-unit');
    expect(rs[0]).toMatchObject({ key: 'title-unit:title', status: 'fail', grade: 'note', span: { text: '2022年部门整体支出绩效自评报告', line: 1 } });
    expect(of(run(u('某中心2022年报告', '某中心'), { sourceText: '某中心2022年部门整体支出绩效自评报告\n一、概况' }), 'title-unit')[0].status).toBe('pass');
  });
  it('without the title page, the recorded title is checked, against the index name too', () => {
    const text = '# 来源网址\n【未能获取：第1页】\n第二部分 2022年度单位决算情况说明';
    expect(of(run(u('2022年度单位决算', '县文化广电旅游局'), { sourceText: text }), 'title-unit')[0]).toMatchObject({ status: 'fail', message: expect.stringContaining('“2022年度单位决算”') });
    expect(of(run(u('大英县文化广播电视和旅游局2022年度决算', '县文化广电旅游局'), { sourceText: text, unitName: '大英县文化广播电视和旅游局' }), 'title-unit')[0].status).toBe('pass');
  });
});
