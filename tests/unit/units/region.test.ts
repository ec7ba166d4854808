import { describe, expect, test } from 'vitest';
import { ALL_REGIONS, regionOf } from '../../../src/state/focus';

const units = [
  { id: 'a', region: '某省甲市' },
  { id: 'b', region: '某省乙县' },
];

describe('the region a link names', () => {
  test('a region of the index, all regions, or the selected unit’s own region by default', () => {
    expect(regionOf('某省乙县', units, 'a')).toEqual({ region: '某省乙县', notice: null });
    expect(regionOf(ALL_REGIONS, units, 'a')).toEqual({ region: '', notice: null });
    expect(regionOf(null, units, 'b')).toEqual({ region: '某省乙县', notice: null });
  });

  test('a region the index lacks falls back to the unit’s own, with a sentence naming what the link said', () => {
    const r = regionOf('<b>火星</b>', units, 'a');
    expect(r.region).toBe('某省甲市');
    expect(r.notice).toContain('某省甲市');
    expect(r.notice).toContain('<b>火星</b>');
  });
});
