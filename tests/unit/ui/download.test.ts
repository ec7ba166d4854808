import { describe, expect, it } from 'vitest';
import { dataURLToBlob, neutralizeFormula, safeFileName, tableMatrix, toCSV, toJSON, toXLSX } from '../../../src/ui/download';
import { sortRows, type Column } from '../../../src/ui/table/columns';

interface R {
  name: string;
  amount: number | null;
}
const columns: Column<R>[] = [
  { key: 'name', label: '名称' },
  { key: 'amount', label: '金额（万元）', numeric: true },
];
const rows: R[] = [
  { name: '信息网络及软件购置更新', amount: 598.34 },
  { name: 'a,"b"', amount: null },
  { name: '=cmd', amount: 1 },
];

describe('download serialisers', () => {
  it('CSV has a BOM, CRLF, quoting and formula guarding', () => {
    const csv = toCSV(columns, rows, { name: '合计', amount: 599.34 });
    expect(csv.startsWith('\uFEFF名称,金额（万元）\r\n')).toBe(true);
    expect(csv).toContain('信息网络及软件购置更新,598.34\r\n');
    expect(csv).toContain('"a,""b""",\r\n');
    expect(csv).toContain("'=cmd,1\r\n");
    expect(csv.trimEnd().split('\r\n').pop()).toBe('合计,599.34');
    // A line break inside a cell is quoted, so the row stays one record.
    expect(toCSV(columns, [{ name: '第一行\n第二行', amount: 2 }])).toContain('"第一行\n第二行",2\r\n');
  });
  it('neutralises every leading character a spreadsheet may evaluate, and nothing else', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '\n', '＝', '＋', '－', '＠', '﹣', '−']) {
      expect(neutralizeFormula(`${lead}HYPERLINK("x")`), JSON.stringify(lead)).toBe(`'${lead}HYPERLINK("x")`);
    }
    for (const plain of ['行政运行', '2022', '（一）基本支出', ' =不在开头', '']) expect(neutralizeFormula(plain)).toBe(plain);
    const csv = toCSV(columns, [{ name: '\t=1+1', amount: -3 }]);
    // Numbers stay numbers (a negative change is not a formula); the text cell gets its guard.
    expect(csv).toContain("'\t=1+1,-3\r\n");
  });
  it('JSON is the rows keyed by the header labels, totals last', () => {
    const j = JSON.parse(toJSON(columns, rows, { name: '合计', amount: 599.34 }));
    expect(j[0]).toEqual({ 名称: '信息网络及软件购置更新', '金额（万元）': 598.34 });
    expect(j).toHaveLength(4);
  });
  it('uses exportValue when given', () => {
    const cols: Column<R>[] = [{ ...columns[1], exportValue: (r) => (r.amount === null ? null : r.amount * 10000) }];
    expect(tableMatrix(cols, rows).body[0]).toEqual([5983400]);
  });
  it('XLSX is a zip whose sheet holds the values', async () => {
    const blob = await toXLSX(columns, rows, null, '支出/明细');
    const buf = new Uint8Array(await blob.arrayBuffer());
    expect(String.fromCharCode(buf[0], buf[1])).toBe('PK');
    expect(buf.length).toBeGreaterThan(1000);
  });
  it('sorts like the table: pinned rows last, nulls last', () => {
    const s = sortRows(rows, columns, { key: 'amount', dir: 'asc' }, (r) => r.name === '=cmd');
    expect(s.map((r) => r.name)).toEqual(['信息网络及软件购置更新', 'a,"b"', '=cmd']);
  });
  it('makes safe file names and decodes data URLs', async () => {
    expect(safeFileName('宁乡/2022 支出:a')).toBe('宁乡_2022_支出_a');
    const b = dataURLToBlob('data:image/png;base64,iVBORw0K');
    expect(b.type).toBe('image/png');
    expect(b.size).toBe(6);
  });
});
