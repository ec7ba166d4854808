import { afterEach, describe, expect, it, vi } from 'vitest';
import { CYCLE_MS, cycleLabel, nextUnit } from '../../../src/features/screen/cycle';
import { UnitCycle } from '../../../src/features/screen/cycle.svelte';
import { index } from '../real-data';

const units = [
  { id: 'a', region: '甲市' },
  { id: 'b', region: '乙县' },
  { id: 'c', region: '甲市' },
  { id: 'd', region: '甲市' },
];

describe('nextUnit', () => {
  it('goes through the units of the current unit’s region in index order and wraps round', () => {
    expect(nextUnit(units, 'a')).toBe('c');
    expect(nextUnit(units, 'c')).toBe('d');
    expect(nextUnit(units, 'd')).toBe('a');
  });

  it('a unit alone in its region, or unknown, has no next unit', () => {
    expect(nextUnit(units, 'b')).toBeNull();
    expect(nextUnit(units, 'zz')).toBeNull();
    expect(nextUnit([], 'a')).toBeNull();
  });

  it('on the shipped data: a 重庆市 unit moves to another 重庆市 unit', () => {
    const cq = index.units.filter((u) => u.region === index.units.find((x) => x.id === 'qijiang-gonglu-zx')!.region);
    expect(cq.length).toBeGreaterThan(2);
    const next = nextUnit(index.units, 'qijiang-gonglu-zx')!;
    expect(cq.map((u) => u.id)).toContain(next);
    expect(next).not.toBe('qijiang-gonglu-zx');
  });
});

describe('cycleLabel', () => {
  it('counts the region’s units, says when it runs, and offers nothing for a unit alone', () => {
    expect(cycleLabel(units, 'a', false)).toBe('轮播本地区 3 个单位');
    expect(cycleLabel(units, 'a', true)).toBe('停止轮播（甲市 3 个单位）');
    expect(cycleLabel(units, 'b', false)).toBeNull();
  });
});

describe('UnitCycle', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the next unit every CYCLE_MS while on, and nothing after it stops', () => {
    vi.useFakeTimers();
    let current = 'a';
    const shown: string[] = [];
    const c = new UnitCycle(() => units, () => current, (u) => shown.push((current = u)));
    c.toggle();
    expect(c.on).toBe(true);
    vi.advanceTimersByTime(CYCLE_MS - 1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown).toEqual(['c']);
    vi.advanceTimersByTime(2 * CYCLE_MS);
    expect(shown).toEqual(['c', 'd', 'a']);
    c.toggle();
    expect(c.on).toBe(false);
    vi.advanceTimersByTime(5 * CYCLE_MS);
    expect(shown).toEqual(['c', 'd', 'a']);
  });

  it('a unit alone in its region stays', () => {
    vi.useFakeTimers();
    const shown: string[] = [];
    const c = new UnitCycle(() => units, () => 'b', (u) => shown.push(u));
    c.start();
    vi.advanceTimersByTime(3 * CYCLE_MS);
    expect(shown).toEqual([]);
    c.stop();
  });
});
