import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index';
import {
  begin,
  checkForm,
  cliCommand,
  crashed,
  finish,
  importView,
  pageWording,
  previewHref,
  step,
  unitYearJson,
  whereText,
  type CheckResult,
  type ImportState,
} from '../../../src/features/import/model';
import type { RuleResult, UnitEntry } from '../../../src/model/types';
import { encodeGbk } from '../import/helpers';
import { pageOptions, REPORT, reportBytes } from './helpers';

const form = { unit: 'new-unit', name: '新单位', year: '' };
const txt = { name: REPORT, size: 40_000 };
const published = ['ningxiang-drc', 'daying-wgl'];

/** Run the real importer on bytes and feed its result to the state machine as the worker would. */
async function imported(bytes: Uint8Array, fileName: string, year?: number): Promise<ImportState> {
  const format = fileName.endsWith('.txt') ? 'text' : 'tables';
  const result = await importFile(bytes, await pageOptions({ fileName, ...(year ? { year } : {}) }));
  let s = begin({ name: fileName, size: bytes.length });
  s = step(s, { type: 'progress', stage: 'parse', loaded: bytes.length, total: bytes.length }, { name: '新单位', format });
  return step(s, { type: 'done', result }, { name: '新单位', format });
}

describe('the form', () => {
  it('asks for a file of a kind the importers read, within the size limit', () => {
    expect(checkForm(form, null, published)).toEqual({ ok: false, problems: { file: expect.stringMatching(/请选择或拖入/) } });
    expect(checkForm(form, { name: 'report.pdf', size: 10 }, published)).toMatchObject({ ok: false, problems: { file: expect.stringMatching(/不支持的文件类型“report\.pdf”/) } });
    expect(checkForm(form, { name: 'big.xlsx', size: 41 * 1048576 }, published)).toMatchObject({ ok: false, problems: { file: expect.stringMatching(/文件过大（41\.0 MB）/) } });
  });

  it('checks the unit id, name and year as the CLI does, and keeps published ids for published data', () => {
    const bad = checkForm({ unit: 'New_Unit', name: ' ', year: '22' }, txt, published);
    expect(bad).toEqual({
      ok: false,
      problems: {
        unit: '单位 id“New_Unit”格式不对：只能用小写字母、数字和连字符，如 city-finance',
        name: '缺少单位名称',
        year: '年度 应为四位年份（1900–2100），这里是“22”',
      },
    });
    expect(checkForm({ ...form, unit: 'ningxiang-drc' }, txt, published)).toMatchObject({ ok: false, problems: { unit: expect.stringMatching(/已是发布的单位/) } });
  });

  it('passes a complete form on, with the year only when one is typed', () => {
    expect(checkForm({ unit: ' new-unit ', name: ' 新单位 ', year: '' }, txt, published)).toEqual({ ok: true, unit: 'new-unit', name: '新单位', format: 'text' });
    expect(checkForm({ ...form, year: '2023' }, { name: 'tables.XLSX', size: 9 }, published)).toEqual({ ok: true, unit: 'new-unit', name: '新单位', year: 2023, format: 'tables' });
  });
});

describe('idle and parsing', () => {
  it('is idle with nothing to show but the form', () => {
    const v = importView({ phase: 'idle' });
    expect(v).toMatchObject({ busy: false, progress: null, errors: [], findings: null, review: null, preview: null, downloads: [], publish: null });
    expect(v.status).toBe('尚未选择文件。');
  });

  it('shows read progress in bytes, then an indeterminate bar while the importer runs', () => {
    let s = begin({ name: 'big.xlsx', size: 20 * 1048576 });
    expect(importView(s).progress).toMatchObject({ value: 0, max: 20 * 1048576 });
    s = step(s, { type: 'progress', stage: 'read', loaded: 5 * 1048576, total: 20 * 1048576 }, { name: 'x', format: 'tables' });
    const reading = importView(s);
    expect(reading.busy).toBe(true);
    expect(reading.progress).toEqual({ value: 5 * 1048576, max: 20 * 1048576, label: '正在读取 big.xlsx：25%（5.0 / 20.0 MB）' });
    s = step(s, { type: 'progress', stage: 'parse', loaded: 20 * 1048576, total: 20 * 1048576 }, { name: 'x', format: 'tables' });
    expect(importView(s).progress).toEqual({ value: null, max: 20 * 1048576, label: '正在解析 big.xlsx（20.0 MB）…' });
  });

  it('ignores worker messages once the import has ended', () => {
    const idle: ImportState = { phase: 'idle' };
    expect(step(idle, { type: 'progress', stage: 'read', loaded: 1, total: 2 }, { name: 'x', format: 'text' })).toBe(idle);
    expect(crashed(idle, 'boom')).toBe(idle);
  });
});

describe('a file that cannot be imported', () => {
  it('says what a .txt that is a zip is', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]);
    const v = importView(await imported(zip, 'tables.txt'));
    expect(v.errorTitle).toBe('无法导入 tables.txt');
    expect(v.errors).toEqual([{ where: '', message: expect.stringMatching(/^这不是文本文件，而是ZIP 压缩包/) }]);
    expect(v.preview).toBeNull();
    expect(v.downloads).toEqual([]);
  });

  it('says an empty file is empty, and an .xlsx that is not a zip what it is', async () => {
    expect(importView(await imported(new Uint8Array(), 'empty.txt')).errors[0].message).toMatch(/文件是空的（0 字节）/);
    const notZip = new TextEncoder().encode('科目,金额\n201,1\n');
    expect(importView(await imported(notZip, 'tables.xlsx')).errors[0].message).toMatch(/扩展名为 \.xlsx，内容却是文本（不是 zip 压缩包）/);
  });

  it('names the line of binary data in a text', async () => {
    const bytes = new TextEncoder().encode('2022年度部门决算\n说明\n\u0000坏数据\n');
    const v = importView(await imported(bytes, 'report.txt'));
    expect(v.errors).toEqual([{ where: '第 3 行', message: expect.stringMatching(/第 3 行含有二进制数据/) }]);
  });

  it('asks for the year in the form when the document does not state it', async () => {
    const bytes = new TextEncoder().encode('部门决算情况说明\n一、收入支出决算总体情况\n本年收入合计100万元。\n');
    const v = importView(await imported(bytes, 'report.txt'));
    expect(v.errors[0].message).toMatch(/找不到报告年度/);
    expect(v.errors[0].message).toMatch(/请在上面的“年度”一栏填写报告年度后重新导入/);
    expect(v.errors[0].message).not.toMatch(/--year/);
  });

  it('reports a worker that failed or could not start, and nothing else changes', () => {
    const s = step(begin(txt), { type: 'failed', message: 'out of memory' }, { name: 'x', format: 'text' });
    expect(importView(s).errors[0].message).toBe('解析时出错：out of memory');
    expect(importView(crashed(begin(txt), 'NetworkError')).errors[0].message).toMatch(/^后台解析没有完成（NetworkError）/);
  });

  it('names sheet, row and column, or the line', () => {
    expect(whereText({ sheet: '收入决算表', row: 7, column: 'C' })).toBe('工作表“收入决算表” 第 7 行 C 列');
    expect(whereText({ sheet: '支出决算表' })).toBe('工作表“支出决算表”');
    expect(whereText({ line: 12 })).toBe('第 12 行');
    expect(whereText(undefined)).toBe('');
    expect(pageWording('表头里找不到年度；请用 --year 指定')).toBe('表头里找不到年度；请在上面的“年度”一栏填写报告年度后重新导入');
  });
});

describe('a file that imports', () => {
  const check = (over: Partial<CheckResult> = {}): CheckResult => ({ errors: [], results: [], broken: [], added: true, ...over });

  it('decodes a GBK text and goes on to the check with the source path the CLI writes', async () => {
    const text = new TextDecoder().decode(reportBytes());
    const s = await imported(encodeGbk(text), 'gbk.txt');
    expect(s.phase).toBe('checking');
    if (s.phase !== 'checking') return;
    expect(s.result.encoding).toBe('gb18030');
    expect(s.result.file.source.file).toBe('sources/new-unit-2022.txt');
    expect(importView(s)).toMatchObject({ busy: true, progress: { value: null } });
  });

  it('shows the findings with their quote, the review list, the preview links and the downloads', async () => {
    const s = await imported(reportBytes(), REPORT);
    if (s.phase !== 'checking') throw new Error(`not imported: ${JSON.stringify(s)}`);
    const file = s.result.file;
    const fact = file.facts[0];
    const results: RuleResult[] = [
      { rule: 'r1', key: 'r1:a', title: '合计', status: 'fail' as const, numbers: { expected: 10, found: 9 }, records: [fact.id], message: '不等', grade: 'error' as const, family: 'arithmetic' as const },
      { rule: 'r2', key: 'r2:a', title: '措辞', status: 'known' as const, numbers: {}, records: [], message: '写错', grade: 'note' as const, family: 'wording' as const, span: { text: '较2021年', line: 89 } },
      { rule: 'r3', key: 'r3:a', title: '通过', status: 'pass' as const, numbers: {}, records: [], message: '', grade: 'error' as const, family: 'arithmetic' as const },
    ];
    const done = finish(s, check({ results }));
    const entry: UnitEntry = { id: 'new-unit', name: '新单位（预览）', region: '本次导入（预览）', currency: '万元', years: [{ year: 2022, file: 'units/new-unit/2022.json' }] };
    const v = importView(done, entry);
    expect(v.busy).toBe(false);
    expect(v.summary).toMatch(new RegExp(`^${REPORT}（UTF-8） → 2022 年度《新单位2022年部门整体支出绩效自评报告》：金额 \\d+ 条`));
    // Counted as the CLI counts: the unexplained error alone is a failure, the known note is known.
    expect(v.findings).toMatchObject({ counts: '通过 1 · 未解释失败 1 · 已知问题 1 · 未解释的警告 0 · 提示 0', passed: 1 });
    expect(v.status).toMatch(/1 项错误未说明，已归位数字 \d+ 个，待核对数字 \d+ 个/);
    // A failed warning is a warning, never counted with the errors.
    const warned = importView(finish(s, check({ results: [{ ...results[0], grade: 'warning' as const }, results[2]] })), entry);
    expect(warned.findings).toMatchObject({ counts: '通过 1 · 未解释失败 0 · 已知问题 0 · 未解释的警告 1 · 提示 0' });
    expect(warned.findings!.items[0].badge).toBe('! 警告');
    expect(warned.status).toMatch(/没有未说明的错误/);
    const [fail, known] = v.findings!.items;
    expect(fail).toMatchObject({ key: 'r1:a', badge: '✗ 未通过', gradeText: '错误', href: '#/quality?unit=new-unit&year=2022&focus=r1:a' });
    expect(fail.quotes).toEqual([`${fact.label}：${fact.provenance.kind === 'stated' ? `报告原文（${fact.provenance.section}）：“${fact.provenance.quote}”` : ''}`]);
    expect(fail.numbers.length).toBe(2);
    expect(known.quotes).toEqual(['“较2021年”（第 89 行）']);

    expect(v.review!.items.length).toBe(s.result.review.length);
    expect(v.review!.items[0]).toMatchObject({ where: `第 ${s.result.review[0].where.line} 行`, text: s.result.review[0].text });

    expect(v.preview!.unitName).toBe('新单位（预览）');
    // The importer puts no operational indicators in this file, so the indicators route is not offered.
    expect(file.indicators).toEqual([]);
    expect(v.preview!.links.map((l) => l.route)).toEqual(['', 'units', 'spending', 'assets', 'tables', 'quality', 'screen']);
    expect(v.preview!.links.find((l) => l.route === 'spending')).toEqual({ route: 'spending', title: '支出分析', href: '#/spending?unit=new-unit&year=2022' });
    expect(v.downloads.map((d) => [d.kind, d.fileName, d.path])).toEqual([
      ['json', 'new-unit-2022.json', 'data/units/new-unit/2022.json'],
      ['source', 'new-unit-2022.txt', 'data/sources/new-unit-2022.txt'],
      ['xlsx', 'new-unit-2022.xlsx', 'data/sources/new-unit-2022.xlsx'],
    ]);
    expect(v.publish!.command).toBe('npm run import -- 000_fbdbbd6bd88a742c.txt --unit new-unit --name 新单位 --year 2022');
    expect(JSON.parse(unitYearJson(file))).toEqual(file);
  });

  it('does not offer a preview of a result that failed the structural check', async () => {
    const s = await imported(reportBytes(), REPORT);
    const v = importView(finish(s, check({ added: false, errors: [{ file: 'x', record: 'f-1', field: 'amount', message: 'amount must be a number' }] })));
    expect(v.preview).toBeNull();
    expect(v.downloads).toEqual([]);
    expect(v.errors).toEqual([{ where: 'f-1 › amount', message: 'amount must be a number' }]);
  });

  it('quotes names with spaces in the CLI command and links with reserved characters safely', () => {
    expect(cliCommand('my report.txt', 'u', '某 单位', 2022)).toBe('npm run import -- "my report.txt" --unit u --name "某 单位" --year 2022');
    expect(previewHref('', 'u-1', 2022, 'rule:a&b')).toBe('#/?unit=u-1&year=2022&focus=rule:a%26b');
  });
});
