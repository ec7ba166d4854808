/**
 * Light / dark / system theme for the analysis views. A reader preference, not part of the
 * view, so it lives in localStorage rather than the URL. The big screen is always dark.
 */
export type ThemePref = 'light' | 'dark' | 'system';
const KEY = 'budget-dashboard:theme';

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
    this.decal = localStorage.getItem(`${KEY}:decal`) === '1';
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
    localStorage.setItem(`${KEY}:decal`, on ? '1' : '0');
  }
}

export const theme = new Theme();
