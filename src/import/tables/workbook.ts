/**
 * The template and the export as .xlsx bytes, through write-excel-file (the library the page
 * already uses for table downloads). Pure: runs in the page as well as in the export script.
 */
import type { ClassNode, UnitYearFile } from '../../model/types';
import { layout, toWriteExcel } from './layout';

/** A workbook in the template layout: blank without `file`, the unit's figures with it. */
export async function writeWorkbook(input: { file?: UnitYearFile; unitName?: string; trees: { functional: ClassNode[]; economic: ClassNode[] } }): Promise<Uint8Array> {
  const { default: writeXlsxFile } = await import('write-excel-file/universal');
  const sheets = toWriteExcel(layout(input).sheets);
  const blob = await writeXlsxFile(sheets as never).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}
