/** The committed data/schema/*.schema.json and src/model/validators.generated.js are what schema.ts generates. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../scripts/gen-schema';
import { repoRoot } from './fixtures';

describe('generated schema files', () => {
  const files = generate();
  it('cover the three file schemas and the validators', () => {
    expect(Object.keys(files).sort()).toEqual([
      'data/schema/classification.schema.json',
      'data/schema/index.schema.json',
      'data/schema/unit-year.schema.json',
      'src/model/validators.generated.js',
    ]);
  });
  it.each(Object.keys(files))('%s is current (else run npm run gen:schema)', (path) => {
    expect(readFileSync(resolve(repoRoot, path), 'utf8') === files[path], `${path} drifted from src/model/schema.ts`).toBe(true);
  });
  it('the validators need no Function and no require at run time', () => {
    const code = files['src/model/validators.generated.js'];
    expect(code).not.toMatch(/new Function|\beval\(|require\(/);
  });
});
