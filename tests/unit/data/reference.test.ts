/**
 * Reference data under data/reference/ is not a unit's and not listed in the index, so the
 * loader never reads it; the importers do. It must still be a valid classification file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateClassification } from '../../../src/data/validate';

describe('data/reference', () => {
  it('functional-classes.json is a valid tree of every 类 of the 支出功能分类', () => {
    const file = 'data/reference/functional-classes.json';
    const json = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../..', file), 'utf8'));
    const v = validateClassification(json, file);
    expect(v.errors).toEqual([]);
    expect(v.value!.nodes.every((n) => n.level === 1 && n.parent === null && /^\d{3}$/.test(n.code))).toBe(true);
    // The shipped units' 类 are among them.
    for (const code of ['201', '206', '208', '210', '221']) expect(v.value!.nodes.map((n) => n.code)).toContain(code);
  });
});
