import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_COLUMNS, MEASURE_COLUMNS, OPEN_DATA_VERSION, SOURCE_COLUMNS } from '../../../src/domain/open-data';

const doc = readFileSync(resolve(__dirname, '../../../docs/open-data.md'), 'utf8');
/** The dictionary rows of one section: `| 列 | …` lines between its heading and the next. */
function columnsOf(heading: string): string[] {
  const part = doc.split(`### \`${heading}\``)[1].split('\n### ')[0];
  return [...part.matchAll(/^\| ([^|]+?) \|/gm)].map((m) => m[1]).filter((c) => c !== '列' && c !== '---');
}

describe('docs/open-data.md', () => {
  it('documents every column of every table, in order', () => {
    expect(columnsOf('facts.csv')).toEqual(FACT_COLUMNS.map((c) => c.header));
    expect(columnsOf('measures.csv')).toEqual(MEASURE_COLUMNS.map((c) => c.header));
    expect(columnsOf('sources.csv')).toEqual([...SOURCE_COLUMNS]);
  });

  it('states the current format version and its paths', () => {
    expect(doc).toContain(`The format version is **${OPEN_DATA_VERSION}**`);
    expect(doc).toContain(`open-data/v${OPEN_DATA_VERSION}/units/<unit>/<year>-facts.csv`);
  });
});
