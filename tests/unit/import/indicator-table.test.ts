/**
 * The indicator table of the 项目支出绩效自评表 / 部门整体支出绩效自评表 as copied text flattens it
 * (indicator-table.ts). The inputs are short verbatim excerpts of real published forms (address
 * in a comment); the synthetic cases each change one thing of such a row.
 */
import { describe, expect, it } from 'vitest';
import { indicatorTableClaims, readValue } from '../../../src/import/text/indicator-table';
import { importText } from '../../../src/import/text/index';
import { normalizeText } from '../../../src/import/text/normalize';
import { splitSections } from '../../../src/import/text/sections';
import { validateUnitYear } from '../../../src/data/validate';
import type { ReviewItem } from '../../../src/import/types';
import { options, trees } from './helpers';

/** [label, phase, value, unit] of every figure the table gives, and the review items. */
function read(text: string) {
  const review: ReviewItem[] = [];
  const claims = indicatorTableClaims(splitSections(normalizeText(text).text), 2022, review);
  return {
    figures: claims.map((c) => [c.target.kind === 'measure' ? c.target.label : '', c.target.phase, c.value, c.unit]),
    claims,
    review,
  };
}

// http://www.anthempetcare.com/upload_cz/download?id=502364&siteId=2 (池州市贵池区棠溪镇, 2022): one line, cells between spaces.
const GUICHI =
  '绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施 产出指标(50分) 数量指标 基建工程委托业务项目数量 ≥50个 50 8 8 质量指标 委托业务报告合格率 ≥100百分比 100 8 8 经费支出合规性 严格执行相关制度规定 达成预期指标 8 8 时效指标 提交报告及时性 在项目计划完成时间内完成 达成预期指标 8 8 成本指标 项目总成本 ≤90万元 90 8 8 单项业务成本 符合相关规定 达成预期指标 10 10 效益指标(30分) 社会效益指标 对维护基建市场公平的影响程度 效果明显 达成预期指标 10 10 经济效益指标 满意度指标(10分) 满意度指标 公众满';

// A stored page without its address: 天长市水利局水旱灾害防御股项目支出绩效自评 (published 2023-12-05),
// the form as the page prints it, a row per line, category cells broken over lines.
const TIANCHANG = `    年度绩效指标完成情况 一级
    指标
    二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施




    (50分)
    数量指标 指标1:完成中型灌区节水改造项目数量 1 1 10 10
    指标2:完成农业综合水价改革项目 1 1 10 10
    ……
    质量指标 指标1:工程质量合格 10 10
    指标2:
    ……
    生态效益
    指标
    指标1:/ / /
    指标2:
    ……
    可持续影
    响指标
    指标1:已建工程良性运行 10 10
    指标2:
    ……
    满意度指标
    (10分)
    服务对象
    满意度指标
    指标1:服务对象满意度 90% 100% 10 10
    指标2:
    ……
    总分 100 100
    注:1.一级指标分值统一设置为:产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。`;

// https://dyxrmt.cn/article-147197-19.html (大英县, 2020; the corpus report sichuan-daying-sxcj-2020-xmzp): one cell per line between "|".
const DAYING = `绩效
       指标
        | 一级指标
        | 二级指标
        | 三级指标
        | 指标值
        | 实施进度
        | 
项目决策
        | 数量指标
        | 宣传次数
        | 至少全年完成2次宣传
        | 已完成100%
        | |
成本指标
        | 成本
        | 10万元
        | ||
项目效益
        | 社会效益
       指标
        | 提升全县消费者维权意识
        | 不断提升
        | |
满意度指标
        | 满意度指标
        | 群众满意度
        | 90%
        | 
3.分析评价申报内容是否与实际相符,申报目标是否合理可行`;

describe('a cell read as a value', () => {
  it('reads a comparator, a number and its unit, and nothing less than whole', () => {
    expect(readValue('≥50个')).toMatchObject({ value: 50, unit: '个', kind: 'count', cmp: '≥' });
    expect(readValue('≤90万元')).toMatchObject({ value: 90, unit: '万元', kind: 'money', cmp: '≤' });
    expect(readValue('≥100百分比')).toMatchObject({ value: 100, unit: '%', kind: 'percent', cmp: '≥' });
    expect(readValue('100%')).toMatchObject({ value: 100, unit: '%', cmp: null });
    expect(readValue('95%以上')).toMatchObject({ value: 95, unit: '%', cmp: '≥' });
    expect(readValue('不低于90%')).toMatchObject({ value: 90, cmp: '≥' });
    expect(readValue('＞80%')).toMatchObject({ value: 80, cmp: '>' });
    expect(readValue('已完成100%')).toMatchObject({ value: 100, unit: '%', cmp: null });
    expect(readValue('至少全年完成2次宣传')).toMatchObject({ value: 2, unit: '次', cmp: '≥' });
    expect(readValue('10天内')).toMatchObject({ value: 10, unit: '天', cmp: '≤' });
    expect(readValue('30分钟')).toMatchObject({ value: 30, unit: '分钟' });
    expect(readValue('50')).toBe('bare');
    expect(readValue('≥50')).toBe('bare');
    expect(readValue('达成预期指标')).toBeNull();
  });

  it('converts every money unit to 万元', () => {
    expect(readValue('≤9000元')).toMatchObject({ value: 0.9, unit: '万元', printedUnit: '元' });
    expect(readValue('500千元')).toMatchObject({ value: 50, unit: '万元' });
    expect(readValue('1.2亿元')).toMatchObject({ value: 12000, unit: '万元' });
    expect(readValue('90万元')).toMatchObject({ value: 90, unit: '万元' });
    expect(readValue('90万元')).not.toHaveProperty('note');
  });

  it('refuses dates, ranges, changes, compound units and part counts', () => {
    for (const cell of ['1-12月', '2021年12月完成', '12月底前', '3个工作日', '1200元/人', '较上年增长5%', '第2季度', '2.5个', '-3个', '约10 万元 以上 10']) expect(readValue(cell), cell).toBeNull();
  });
});

describe('the indicator table', () => {
  it('reads a space-flattened table: targets with comparator, actuals in the target’s unit, scores and category weights', () => {
    const { figures, review } = read(GUICHI);
    expect(figures).toEqual([
      ['产出指标 分值', '决算', 50, '分'],
      ['基建工程委托业务项目数量 年度指标值（≥）', '年初预算', 50, '个'],
      ['基建工程委托业务项目数量 实际完成值', '决算', 50, '个'],
      ['基建工程委托业务项目数量 分值', '决算', 8, '分'],
      ['基建工程委托业务项目数量 得分', '决算', 8, '分'],
      ['委托业务报告合格率 年度指标值（≥）', '年初预算', 100, '%'],
      ['委托业务报告合格率 实际完成值', '决算', 100, '%'],
      ['委托业务报告合格率 分值', '决算', 8, '分'],
      ['委托业务报告合格率 得分', '决算', 8, '分'],
      ['经费支出合规性 分值', '决算', 8, '分'],
      ['经费支出合规性 得分', '决算', 8, '分'],
      ['提交报告及时性 分值', '决算', 8, '分'],
      ['提交报告及时性 得分', '决算', 8, '分'],
      ['项目总成本 年度指标值（≤）', '年初预算', 90, '万元'],
      ['项目总成本 实际完成值', '决算', 90, '万元'],
      ['项目总成本 分值', '决算', 8, '分'],
      ['项目总成本 得分', '决算', 8, '分'],
      ['单项业务成本 分值', '决算', 10, '分'],
      ['单项业务成本 得分', '决算', 10, '分'],
      ['效益指标 分值', '决算', 30, '分'],
      ['对维护基建市场公平的影响程度 分值', '决算', 10, '分'],
      ['对维护基建市场公平的影响程度 得分', '决算', 10, '分'],
      ['满意度指标 分值', '决算', 10, '分'],
    ]);
    // The row cut off after its name ("公众满") states nothing.
    expect(review).toEqual([]);
  });

  it('quotes the whole row, verbatim', () => {
    const { claims } = read(GUICHI);
    const row = claims.filter((c) => c.quote === '基建工程委托业务项目数量 ≥50个 50 8 8');
    expect(row.map((c) => c.printed)).toEqual(['50', '50', '8', '8']);
    expect(claims.find((c) => c.target.kind === 'measure' && c.target.label === '效益指标 分值')?.quote).toBe('效益指标(30分)');
    for (const c of claims) expect(GUICHI).toContain(c.quote);
  });

  it('reads a table printed a row per line, with categories broken over lines and 指标N: slots', () => {
    const { figures, review } = read(TIANCHANG);
    expect(figures).toEqual([
      ['完成中型灌区节水改造项目数量 分值', '决算', 10, '分'],
      ['完成中型灌区节水改造项目数量 得分', '决算', 10, '分'],
      ['完成农业综合水价改革项目 分值', '决算', 10, '分'],
      ['完成农业综合水价改革项目 得分', '决算', 10, '分'],
      ['工程质量合格 分值', '决算', 10, '分'],
      ['工程质量合格 得分', '决算', 10, '分'],
      ['已建工程良性运行 分值', '决算', 10, '分'],
      ['已建工程良性运行 得分', '决算', 10, '分'],
      ['满意度指标 分值', '决算', 10, '分'],
      ['服务对象满意度 年度指标值', '年初预算', 90, '%'],
      ['服务对象满意度 实际完成值', '决算', 100, '%'],
      ['服务对象满意度 分值', '决算', 10, '分'],
      ['服务对象满意度 得分', '决算', 10, '分'],
    ]);
    // A bare target and actual ("1 1") have no unit: review, never a figure; a weight without
    // its category's words likewise; the total row ends the table and the note is not read.
    expect(review.map((r) => [r.text, r.where.line, r.reason.slice(0, 8)])).toEqual([
      ['50分', 8, '一级指标的分值前'],
      ['1', 9, '年度指标值“1”'],
      ['1', 9, '实际完成值“1”'],
      ['1', 10, '年度指标值“1”'],
      ['1', 10, '实际完成值“1”'],
    ]);
    expect(review[1].context).toBe('指标1:完成中型灌区节水改造项目数量 1 1 10 10');
  });

  it('reads a table of one cell per line between "|" marks, by the columns its header names', () => {
    const { figures } = read(DAYING);
    expect(figures).toEqual([
      ['宣传次数 指标值（≥）', '年初预算', 2, '次'],
      ['宣传次数 实施进度', '决算', 100, '%'],
      ['成本 指标值', '年初预算', 10, '万元'],
      ['群众满意度 指标值', '年初预算', 90, '%'],
    ]);
  });

  it('sends a value without a unit to review, never reading it in the target’s unit when it has a comparator', () => {
    const { figures, review } = read('三级指标 年度指标值 实际完成值 分值 得分 数量指标 培训人数 ≥200 ≥200人 10 10 培训班次 ≥4期 ≥5 10 10');
    expect(figures.map((f) => f[0])).toEqual(['培训人数 实际完成值', '培训人数 分值', '培训人数 得分', '培训班次 年度指标值（≥）', '培训班次 分值', '培训班次 得分']);
    expect(review.map((r) => [r.text, r.value])).toEqual([
      ['≥200', null],
      ['≥5', null],
    ]);
  });

  it('reads a bare actual value in the target’s money unit, converted like it', () => {
    const { figures } = read('一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 产出指标 成本指标 人均培训成本 ≤9000元 8500 10 9');
    expect(figures).toEqual([
      ['人均培训成本 年度指标值（≤）', '年初预算', 0.9, '万元'],
      ['人均培训成本 实际完成值', '决算', 0.85, '万元'],
      ['人均培训成本 分值', '决算', 10, '分'],
      ['人均培训成本 得分', '决算', 9, '分'],
    ]);
  });

  it('takes synonyms of the columns and labels each figure with the header’s own word', () => {
    const { figures } = read('三级指标 预期指标值 全年实际值 权重(分) 得分(分) 数量指标 培训人数 ≥200人 215人 20 20');
    expect(figures).toEqual([
      ['培训人数 预期指标值（≥）', '年初预算', 200, '人'],
      ['培训人数 全年实际值', '决算', 215, '人'],
      ['培训人数 权重', '决算', 20, '分'],
      ['培训人数 得分', '决算', 20, '分'],
    ]);
  });

  it('gives no figure from a row whose cells cannot be told apart', () => {
    const head = '三级指标 年度指标值 实际完成值 分值 得分 数量指标 ';
    // The actual value and the score run together ("102370人" for 2370人 and 10): no score cells.
    const merged = read(`${head}保障人数 2370人 102370人 10`);
    expect(merged.figures).toEqual([]);
    expect(merged.review.map((r) => [r.text, r.value])).toEqual([
      ['2370人', null],
      ['102370人', null],
      ['10', 10],
    ]);
    // A reason text before the next name: four cells where the form has three.
    const extra = read(`${head}培训人数 ≥200人 215人 20 20 超额完成 培训班次 ≥4期 5期 10 10`);
    expect(extra.figures.map((f) => f[0])).toEqual(['培训人数 年度指标值（≥）', '培训人数 实际完成值', '培训人数 分值', '培训人数 得分']);
    expect(extra.review.map((r) => r.text)).toEqual(['≥4期', '5期', '10', '10']);
    // One cell between the name and the scores: target or actual cannot be told, nor whether
    // "50 8" are 分值 and 得分 or 实际完成值 and 分值 (an empty 得分 leaves no trace).
    const short = read(`${head}群众满意度 95% 10 10 基建项目数量 ≥50个 50 8`);
    expect(short.figures).toEqual([]);
    expect(short.review.map((r) => r.text)).toEqual(['95%', '10', '10', '≥50个', '50', '8']);
    // A score above its weight: the columns are not where the header puts them.
    const over = read(`${head}培训人数 ≥200人 215人 8 10`);
    expect(over.figures).toEqual([]);
    expect(over.review.map((r) => r.text)).toEqual(['≥200人', '215人', '8', '10']);
    // A number where the name belongs: the columns are shifted.
    expect(read(`${head}≥200人 215人 20 20`).figures).toEqual([]);
  });

  it('reads nothing from a text whose cells have no separators (OCR of a .docx)', () => {
    // https://m.yzwku.com/doc/476505.html (银川市第六中学, 2021): the header words run together with misread ones.
    const { figures, review } = read('4一级指标二级指标三级指标考值参分指标值(八)全年实际值(B)得分未完成原因分析及改进措施项目决策(10分)项目目标完整性4一目标明确、内容细化、目标量化4');
    expect(figures).toEqual([]);
    expect(review).toEqual([]);
  });

  it('reads nothing from a 绩效目标表, whose header has no actual values', () => {
    // http://monopolymediamarketing.com/21487/21535/21748/21750/21907/content_2062100.html (岳陽樓區價格認證鑒定中心, 2023), traditional characters.
    const { figures } = read(
      '一級指標 | 二級指標 | 三級指標 | 指標值類型 | *指標值 | 計量單位 | *指標解釋 | *評(扣)分標準 | 備注 |\n產出指標 | 數量指標 | 業務工作支出安排金額 | 定量 | 28.8萬元 | % | 該指標主要考察業務工作支出安排情況 | 未達指標值酌情扣分 | |',
    );
    expect(figures).toEqual([]);
  });

  it('reads the form whose target fills three cells (指标性质, 指标值, 度量单位), in traditional characters', () => {
    // http://m.jjiadianqingjie.com.cn/changyong/13241.html (丽江市古城区自然资源局, 2020): a row per line between "|";
    // the last row is cut off after its 分值.
    const { figures, review } = read(`| 績效指標 | 年度指標值 | 實際完成值 | 分值 | 得分 | 偏差原因分析及改進措施 | |||||
|
一級 指標 |
二級指標 | 三級指標 | 指標性質 | 指標值 | 度量單位 | |||||
| 產出指標 | 數量指標 | 衛片執法補助經費 | ﹦ | 72890 | 元 | 72890 | 10.00 | 9.00 | ||
| 效益指標 | 社會效益指標 | 違法行為責停率 | ≥ | 95 | % | 95 | 30.00 | 27.00 | ||
| 滿意度指標 | 服務對象滿意度指標 | 滿意度 | ≥ | 95 | % | 95 | 10.00 |`);
    expect(figures).toEqual([
      ['衛片執法補助經費 年度指標值', '年初预算', 7.289, '万元'],
      ['衛片執法補助經費 實際完成值', '决算', 7.289, '万元'],
      ['衛片執法補助經費 分值', '决算', 10, '分'],
      ['衛片執法補助經費 得分', '决算', 9, '分'],
      ['違法行為責停率 年度指標值（≥）', '年初预算', 95, '%'],
      ['違法行為責停率 實際完成值', '决算', 95, '%'],
      ['違法行為責停率 分值', '决算', 30, '分'],
      ['違法行為責停率 得分', '决算', 27, '分'],
      ['滿意度 年度指標值（≥）', '年初预算', 95, '%'],
      ['滿意度 實際完成值', '决算', 95, '%'],
      ['滿意度 分值', '决算', 10, '分'],
    ]);
    expect(review).toEqual([]);
  });

  it('gives no figure from a "|" row whose score columns hold no scores', () => {
    const { figures, review } = read('三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n数量指标 | 培训人数 | ≥200人 | 215人 | 合格 | 20 |');
    expect(figures).toEqual([]);
    expect(review.map((r) => r.text)).toEqual(['≥200人', '215人', '20']);
  });

  it('reads a header printed in traditional characters', () => {
    const { figures } = read('三級指標 年度指標值 實際完成值 分值 得分 質量指標 項目驗收合格率 ≥95% 100% 20 19');
    expect(figures).toEqual([
      ['項目驗收合格率 年度指標值（≥）', '年初预算', 95, '%'],
      ['項目驗收合格率 實際完成值', '决算', 100, '%'],
      ['項目驗收合格率 分值', '决算', 20, '分'],
      ['項目驗收合格率 得分', '决算', 19, '分'],
    ]);
  });
});

describe('through the importer', () => {
  const text = `项目支出绩效自评表（2022年度）\n${GUICHI}\n`;

  it('writes the figures as measures without a role that pass the structural checks', () => {
    const r = importText(text, options({ year: 2022 }));
    const file = r.file!;
    const v = validateUnitYear(file, 'units/test-unit/2022.json', { functional: { nodes: trees.functional } as never, economic: { nodes: trees.economic } as never, unit: 'test-unit', year: 2022 });
    expect(v.errors).toEqual([]);
    const target = file.measures.find((m) => m.label === '项目总成本 年度指标值（≤）');
    expect(target).toMatchObject({ value: 90, unit: '万元', phase: '年初预算', year: 2022 });
    expect(target).not.toHaveProperty('role');
    expect(file.measures.find((m) => m.label === '基建工程委托业务项目数量 实际完成值')).toMatchObject({ value: 50, unit: '个' });
  });

  it('places no number of a row it could not read, by any other reader', () => {
    // The sentence reader alone would place "满意度指标群众满意度 95%".
    const r = importText('某单位2022年度项目支出绩效自评表\n三级指标 年度指标值 实际完成值 分值 得分\n满意度指标 群众满意度 95% 10 10\n', options());
    expect(r.file).toBeUndefined();
    expect(r.review.map((x) => [x.text, x.where.line])).toEqual([
      ['95%', 3],
      ['10', 3],
      ['10', 3],
    ]);
  });

  it('leaves no review item for a number a row placed', () => {
    const r = importText(text, options({ year: 2022 }));
    expect(r.review.filter((x) => ['50个', '90万元', '50分', '30分', '10分'].includes(x.text))).toEqual([]);
  });
});
