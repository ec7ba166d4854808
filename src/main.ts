import './app.css';
import { yieldToMain } from './state/yield';

/**
 * A prerendered page is complete as HTML: let it paint before the app's modules (the data layer,
 * Arquero, the rules) are evaluated, which costs the main thread far more than the download.
 * The chunks are already downloading (the page preloads them); only their evaluation waits.
 */
if (document.getElementById('prerendered')) {
  // After the first frame; the timer covers a tab opened in the background (no frames there).
  await new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 250);
  });
}
const { start } = await import('./client');
// Evaluating the app's modules was one task; starting it is the next.
await yieldToMain();
await start();
