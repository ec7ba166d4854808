/** Shared by the tables importer tests: workbooks built in memory and the shipped trees. */
import { readFileSync } from 'node:fs';
import writeXlsxFile from 'write-excel-file/universal';
import type { ClassNode } from '../../../../src/model/types';
import type { ImportOptions } from '../../../../src/import/types';

export const trees: ImportOptions['trees'] = {
  functional: JSON.parse(readFileSync('data/classifications/functional.json', 'utf8')).nodes as ClassNode[],
  economic: JSON.parse(readFileSync('data/classifications/economic.json', 'utf8')).nodes as ClassNode[],
};

export const opts = (fileName: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({ unit: 'test-unit', name: '测试单位', fileName, trees, ...extra });

type Cell = string | number | null | { value: string | number; columnSpan?: number; rowSpan?: number };

/** An .xlsx of the given sheets; strings stay strings (numbers as text), numbers are numbers. */
export async function xlsx(sheets: { name: string; rows: Cell[][] }[]): Promise<Uint8Array> {
  const data = sheets.map((s) => ({
    sheet: s.name,
    data: s.rows.map((r) =>
      r.map((c) => {
        if (c === null) return null;
        const o = typeof c === 'object' ? c : { value: c };
        return { ...o, type: typeof o.value === 'number' ? Number : String };
      }),
    ),
  }));
  const blob = await writeXlsxFile(data as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

export const utf8 = (s: string) => new TextEncoder().encode(s);
