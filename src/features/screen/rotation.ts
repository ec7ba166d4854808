/**
 * The wall's rotating highlight as a pure state machine: every step it moves to the next item;
 * any interaction pauses it, and it resumes after a stretch without one. Times are passed in
 * (milliseconds), so the machine is tested without a clock; rotation.svelte.ts wires it to timers
 * and the window's events.
 */

/** Milliseconds between highlight steps, and of idle time before rotation resumes after interaction. */
export const STEP_MS = 4000;
export const IDLE_MS = 12000;

export interface RotationState {
  /** The highlighted item, as a count of steps (taken modulo the item count). */
  index: number;
  paused: boolean;
  /** When the reader last interacted. */
  lastInteraction: number;
}

export const START: RotationState = { index: 0, paused: false, lastInteraction: Number.NEGATIVE_INFINITY };

/** The reader moved, clicked, typed or scrolled: rotation pauses. */
export function interacted(s: RotationState, now: number): RotationState {
  return { ...s, paused: true, lastInteraction: now };
}

/** The reader picked item `index` in the chart: it is highlighted and rotation pauses. */
export function selected(s: RotationState, index: number, now: number): RotationState {
  return index < 0 ? s : { ...interacted(s, now), index };
}

/** One step of the timer over `count` items: resume after IDLE_MS without interaction, then advance. */
export function stepped(s: RotationState, now: number, count: number): RotationState {
  const paused = s.paused && now - s.lastInteraction < IDLE_MS;
  return { ...s, paused, index: !paused && count > 0 ? (s.index + 1) % count : s.index };
}

/** Position of the highlighted item among `count`, or -1 when there is none. */
export function currentIndex(s: RotationState, count: number): number {
  return count > 0 ? s.index % count : -1;
}

/** The wall clock's text, "2026年12月7日 09:05:03" (24-hour), in the given time zone (the viewer's by default). */
export function clockText(d: Date, timeZone?: string): string {
  const f = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}年${p.month}月${p.day}日 ${p.hour}:${p.minute}:${p.second}`;
}
