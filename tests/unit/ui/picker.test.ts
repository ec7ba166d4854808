/** The unit selector at scale: search by name, region or id, grouped by region, capped, the selection kept. */
import { describe, expect, test } from 'vitest';
import { pickerIndex, pickUnits } from '../../../src/ui/picker';

const units = Array.from({ length: 5000 }, (_, i) => ({ id: `u-${i}`, name: `单位${i}`, region: `地区${i % 50}` }));
const idx = pickerIndex(units);

describe('unit picker', () => {
  test('no text: the first 200, grouped by region in index order, with a status', () => {
    const p = pickUnits(idx, '', 'u-4999');
    expect(p.matches).toBe(5000);
    expect(p.groups.flatMap((g) => g.units)).toHaveLength(201);
    expect(p.groups.flatMap((g) => g.units).some((u) => u.id === 'u-4999')).toBe(true);
    expect(p.status).toContain('共 5,000 个单位');
  });
  test('by name, by region, ignoring spaces and case; no match says so', () => {
    expect(pickUnits(idx, '单位 4321', 'u-0').groups.flatMap((g) => g.units).map((u) => u.id)).toEqual(['u-0', 'u-4321']);
    const r = pickUnits(idx, '地区7', 'u-7');
    expect(r.groups.every((g) => g.region.startsWith('地区7'))).toBe(true);
    expect(pickUnits(idx, 'U-12', 'u-12').matches).toBe(111);
    expect(pickUnits(idx, '不存在', 'u-0').status).toContain('没有');
  });
});
