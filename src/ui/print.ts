/**
 * Charts re-drawn at the printed page width. Before printing, `html.printing` narrows every
 * chart box to the page's printable width (app.css); each chart wrapper then resizes on the
 * same beforeprint event (registered after this one, so the class is already set), and its
 * ResizeObserver covers print emulation and any later relayout.
 */
let installed = false;

/** Install the beforeprint / afterprint (and print media query) handlers once. */
export function installPrintSizing(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const enter = () => document.documentElement.classList.add('printing');
  const leave = () => document.documentElement.classList.remove('printing');
  window.addEventListener('beforeprint', enter);
  window.addEventListener('afterprint', leave);
  matchMedia('print').addEventListener('change', (e) => (e.matches ? enter() : leave()));
}
