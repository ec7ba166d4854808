import { describe, expect, it } from 'vitest';
import { clockText, currentIndex, IDLE_MS, interacted, selected, START, stepped } from '../../../src/features/screen/rotation';

describe('screen rotation', () => {
  it('advances one item per step and wraps round', () => {
    let s = START;
    const seen: number[] = [currentIndex(s, 3)];
    for (let t = 1; t <= 4; t++) {
      s = stepped(s, t * 4000, 3);
      seen.push(currentIndex(s, 3));
    }
    expect(seen).toEqual([0, 1, 2, 0, 1]);
  });

  it('has no current item and stays put when there is nothing to rotate', () => {
    expect(currentIndex(START, 0)).toBe(-1);
    expect(stepped(START, 4000, 0)).toEqual(START);
  });

  it('pauses on interaction and resumes exactly IDLE_MS after the last one', () => {
    const paused = interacted(stepped(START, 4000, 5), 10_000);
    expect(paused).toMatchObject({ paused: true, index: 1 });
    // One millisecond short of the idle time it stays on its item.
    expect(stepped(paused, 10_000 + IDLE_MS - 1, 5)).toMatchObject({ paused: true, index: 1 });
    // At the idle time it resumes and moves on in the same step.
    expect(stepped(paused, 10_000 + IDLE_MS, 5)).toMatchObject({ paused: false, index: 2 });
    // A later interaction restarts the wait.
    const again = interacted(paused, 20_000);
    expect(stepped(again, 10_000 + IDLE_MS, 5).paused).toBe(true);
  });

  it('highlights the item picked in the chart and pauses; an unknown item changes nothing', () => {
    expect(selected(START, 3, 500)).toEqual({ index: 3, paused: true, lastInteraction: 500 });
    expect(selected(START, -1, 500)).toBe(START);
    // The index is kept modulo the item count when the items change under it.
    expect(currentIndex(selected(START, 7, 0), 4)).toBe(3);
  });
});

describe('screen clock', () => {
  it('prints the date in Chinese and the time on 24 hours with two digits each', () => {
    expect(clockText(new Date('2026-12-07T09:05:03Z'), 'UTC')).toBe('2026年12月7日 09:05:03');
    expect(clockText(new Date('2026-01-31T23:59:59Z'), 'UTC')).toBe('2026年1月31日 23:59:59');
    expect(clockText(new Date('2026-01-31T00:00:00Z'), 'UTC')).toBe('2026年1月31日 00:00:00');
    expect(clockText(new Date('2026-01-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026年2月1日 00:00:00');
  });
});
