/**
 * Writes the blank template workbook docs/templates/juesuan-tables-template.xlsx from the same
 * layout the exporter fills (src/import/tables/layout.ts), so the template, the exporter and the
 * importer cannot drift apart. Run: npx tsx scripts/make-template.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkbook } from '../src/import/tables/workbook';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'templates', 'juesuan-tables-template.xlsx');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, await writeWorkbook({ trees: { functional: [], economic: [] } }));
console.log(`wrote ${out}`);
