import { parseHash, toHash, type DrillStep, type MoneyUnit, type Route, type ViewState } from './url';

/**
 * The one selection store. Every chart, table and control reads and writes the view here;
 * charts never talk to each other. View parts are mirrored to the hash (push for navigation,
 * so back/forward walk the drill history); hover is transient and stays out of the URL.
 */
class Selection {
  route = $state<Route>('');
  unit = $state('');
  year = $state(0);
  compare = $state<number | null>(null);
  path = $state<DrillStep[]>([]);
  money = $state<MoneyUnit>('wan');
  focus = $state<string | null>(null);
  /** Category under the pointer or keyboard focus, highlighted in every linked chart. */
  hover = $state<string | null>(null);

  /** The view as a plain object (no proxies), e.g. for option builders and URL writing. */
  get view(): ViewState {
    return {
      route: this.route,
      unit: this.unit,
      year: this.year,
      compare: this.compare,
      path: [...this.path],
      money: this.money,
      focus: this.focus,
    };
  }

  /** Apply view parts; `replace` edits the current history entry instead of adding one. */
  set(patch: Partial<ViewState>, { replace = false }: { replace?: boolean } = {}): void {
    this.apply(patch);
    if (typeof window === 'undefined') return;
    const hash = toHash(this.view);
    if (hash === window.location.hash) return;
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
  }

  /** Take defaults, then whatever the current URL says (called once the data index is known). */
  init(defaults: ViewState): void {
    this.apply(defaults);
    this.apply(parseHash(window.location.hash));
    history.replaceState(null, '', toHash(this.view));
    const sync = () => this.apply({ ...defaults, ...parseHash(window.location.hash) });
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
  }

  private apply(patch: Partial<ViewState>): void {
    if (patch.route !== undefined) this.route = patch.route;
    if (patch.unit !== undefined) this.unit = patch.unit;
    if (patch.year !== undefined) this.year = patch.year;
    if (patch.compare !== undefined) this.compare = patch.compare;
    if (patch.path !== undefined) this.path = patch.path;
    if (patch.money !== undefined) this.money = patch.money;
    if (patch.focus !== undefined) this.focus = patch.focus;
  }
}

export const selection = new Selection();
