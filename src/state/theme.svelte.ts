/**
 * Light / dark / system theme for the analysis views. A reader preference, not part of the
 * view, so it lives in localStorage rather than the URL. The big screen is always dark.
 */
import { DECAL_KEY, THEME_KEY as KEY } from './start-gate';

export type ThemePref = 'light' | 'dark' | 'system';

class Theme {
  pref = $state<ThemePref>('system');
  systemDark = $state(false);
  /** Decal (pattern) fills on every chart, for colour-blind readers. */
  decal = $state(false);

  get resolved(): 'light' | 'dark' {
    return this.pref === 'system' ? (this.systemDark ? 'dark' : 'light') : this.pref;
  }

  init(): void {
    const stored = localStorage.getItem(KEY);
    if (stored === 'light' || stored === 'dark' || stored === 'system') this.pref = stored;
    this.decal = localStorage.getItem(DECAL_KEY) === '1';
    const mq = matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = mq.matches;
    mq.addEventListener('change', (e) => (this.systemDark = e.matches));
  }

  setPref(p: ThemePref): void {
    this.pref = p;
    localStorage.setItem(KEY, p);
  }

  setDecal(on: boolean): void {
    this.decal = on;
    localStorage.setItem(DECAL_KEY, on ? '1' : '0');
  }
}

export const theme = new Theme();
