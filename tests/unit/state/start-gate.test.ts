import { describe, expect, test, vi } from 'vitest';
import { QUIET_MS, mayWait, untilIntent } from '../../../src/state/start-gate';

const LIGHT = { stored: null, decal: null, systemDark: false };
const INDEX = { preRoute: '', preUnit: 'ningxiang-drc', preFirst: 'ningxiang-drc' };
const SPENDING_B = { preRoute: 'spending', preUnit: 'daying-wgl', preFirst: 'ningxiang-drc' };

describe('mayWait: the page waits for the reader only when its body is the asked-for view', () => {
  test.each(['', '#', '#/', '#/?', '#/?unit=ningxiang-drc', '#?unit=ningxiang-drc'])('the index file, link %j', (hash) => {
    expect(mayWait(hash, INDEX, LIGHT)).toBe(true);
  });
  test.each(['#/spending?unit=daying-wgl', '#/spending/?unit=daying-wgl', 'spending?unit=daying-wgl'])('another unit’s route file, link %j', (hash) => {
    expect(mayWait(hash, SPENDING_B, LIGHT)).toBe(true);
  });
  test.each([
    ['another route', '#/assets'],
    ['another unit', '#/?unit=daying-wgl'],
    ['a year', '#/?unit=ningxiang-drc&year=2021'],
    ['a drill path', '#/?path=f%3A201'],
    ['an empty parameter of another name', '#/?year='],
  ])('starts at once for %s (%s)', (_, hash) => {
    expect(mayWait(hash, INDEX, LIGHT)).toBe(false);
  });
  test('a route file without ?unit= means the first unit, not the file’s', () => {
    expect(mayWait('#/spending', SPENDING_B, LIGHT)).toBe(false);
    expect(mayWait('#/spending', { ...SPENDING_B, preUnit: 'ningxiang-drc' }, LIGHT)).toBe(true);
  });
  test('the big screen waits like any route, whatever the theme (it is always drawn dark and plain)', () => {
    const screen = { ...INDEX, preRoute: 'screen' };
    expect(mayWait('#/screen', screen, LIGHT)).toBe(true);
    expect(mayWait('#/screen', screen, { stored: 'dark', decal: '1', systemDark: true })).toBe(true);
    expect(mayWait('#/screen?unit=daying-wgl', screen, LIGHT)).toBe(false);
    expect(mayWait('#/screen?year=2021', screen, LIGHT)).toBe(false);
  });
  test('a page that is no prerender (no data-pre-route) never waits', () => {
    expect(mayWait('#/', {}, LIGHT)).toBe(false);
  });
  test.each([
    ['stored dark', { stored: 'dark', decal: null, systemDark: false }, false],
    ['system dark, no choice stored', { stored: null, decal: null, systemDark: true }, false],
    ['system dark, "system" stored', { stored: 'system', decal: null, systemDark: true }, false],
    ['system dark, light stored', { stored: 'light', decal: null, systemDark: true }, true],
    ['decal patterns on', { stored: null, decal: '1', systemDark: false }, false],
    ['decal patterns off', { stored: null, decal: '0', systemDark: false }, true],
  ])('theme: %s', (_, prefs, waits) => {
    expect(mayWait('#/', INDEX, prefs)).toBe(waits);
  });
});

/** A window of EventTarget with what untilIntent uses. */
function fakeWindow(readyState: DocumentReadyState, idle = true) {
  const w = new EventTarget() as EventTarget & { document: { readyState: DocumentReadyState }; requestIdleCallback?: (cb: () => void) => number };
  w.document = { readyState };
  if (idle) w.requestIdleCallback = (cb) => (cb(), 1);
  return w as unknown as Window;
}

describe('untilIntent', () => {
  test.each(['pointerdown', 'pointermove', 'keydown', 'touchstart', 'wheel', 'focusin'])('%s starts the app at once', async (type) => {
    vi.useFakeTimers();
    try {
      const w = fakeWindow('complete');
      let done = false;
      void untilIntent(w).ready.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(10);
      expect(done).toBe(false);
      w.dispatchEvent(new Event(type));
      await vi.advanceTimersByTimeAsync(0);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a quiet page starts QUIET_MS after its load event, when the browser is idle', async () => {
    vi.useFakeTimers();
    try {
      const w = fakeWindow('loading');
      let done = false;
      void untilIntent(w).ready.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(QUIET_MS * 3);
      expect(done, 'no load event yet: still waiting').toBe(false);
      w.dispatchEvent(new Event('load'));
      await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('without requestIdleCallback the quiet timer alone starts it', async () => {
    vi.useFakeTimers();
    try {
      const w = fakeWindow('complete', false);
      let done = false;
      void untilIntent(w, 100).ready.then(() => (done = true));
      await vi.advanceTimersByTimeAsync(100);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('clicks on buttons made while waiting are handed back once, other clicks are not', () => {
    const w = fakeWindow('complete');
    const gate = untilIntent(w);
    const button = { closest: (s: string) => (s === 'button' ? button : null) };
    const text = { closest: () => null };
    // Element is not in Node: the gate checks instanceof Element, so give the targets its prototype.
    class El {}
    (globalThis as { Element?: unknown }).Element = El;
    try {
      Object.setPrototypeOf(button, El.prototype);
      Object.setPrototypeOf(text, El.prototype);
      const click = (target: object) => {
        const e = new Event('click');
        Object.defineProperty(e, 'target', { value: target });
        w.dispatchEvent(e);
      };
      click(button);
      click(text);
      expect(gate.clicked()).toEqual([button]);
      click(button);
      expect(gate.clicked(), 'the listener is gone after the hand-over').toEqual([]);
    } finally {
      delete (globalThis as { Element?: unknown }).Element;
    }
  });
});
