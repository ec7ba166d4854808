import './app.css';
import { yieldToMain } from './state/yield';
import { DECAL_KEY, THEME_KEY, mayWait, untilIntent } from './state/start-gate';

/**
 * A prerendered page is complete as HTML: let it paint before the app's modules (the data layer,
 * Arquero, the rules) are evaluated, which costs the main thread far more than the download; and
 * when it shows what the link asks for, start the app only when the reader shows up (start-gate.ts).
 */
let clicked: () => Element[] = () => [];
if (document.getElementById('prerendered')) {
  const gate = mayWait(location.hash, document.documentElement.dataset, {
    stored: readStorage(THEME_KEY),
    decal: readStorage(DECAL_KEY),
    systemDark: matchMedia('(prefers-color-scheme: dark)').matches,
  })
    ? untilIntent(window)
    : null;
  // How this page starts, for whoever inspects it (the end-to-end tests, a curious reader).
  document.documentElement.dataset.start = gate ? 'on-intent' : 'now';
  // After the first frame; the timer covers a tab opened in the background (no frames there).
  await new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 250);
  });
  if (gate) {
    await gate.ready;
    clicked = gate.clicked;
  }
}
const { start } = await import('./client');
// Evaluating the app's modules was one task; starting it is the next.
await yieldToMain();
await start();
// A button pressed while the app was loading did nothing then: press it again now that the app
// has taken over the same element (a page rebuilt from scratch has other elements: nothing to repeat).
for (const button of clicked()) if (button.isConnected) (button as HTMLElement).click();

/** localStorage may be unavailable (private modes, policies): then nothing is stored. */
function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
