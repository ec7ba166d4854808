import { parseHash, toHash, type DrillStep, type ParsedHash, type Route, type ViewState } from './url';
import type { MoneyUnit } from '../model/vocabulary';

/** Completes a parsed link against the data (see resolveView in src/features/shell/model.ts). */
type Resolver = (parsed: ParsedHash, base?: ViewState) => { view: ViewState; notices: string[] };

/**
 * The one selection store. Every chart, table and control reads and writes the view here;
 * charts never talk to each other. View parts are mirrored to the hash (push for navigation,
 * so back/forward walk the drill history); hover is transient and stays out of the URL. Every
 * view the store takes, from a link or from a control, goes through the resolver, so the page
 * never shows a unit or year the data does not have.
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
  /** What the current link asked for that could not be shown, one sentence each. */
  notices = $state<string[]>([]);
  private resolve: Resolver = (parsed, base) => ({ view: { ...(base ?? this.view), ...parsed.view } as ViewState, notices: [] });

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
    // A new year or unit takes its default comparison unless the patch names one.
    const fresh = ('year' in patch || 'unit' in patch) && !('compare' in patch) ? { compare: undefined } : {};
    const { view } = this.resolve({ view: { ...fresh, ...patch } as Partial<ViewState>, problems: [] }, this.view);
    this.apply(view);
    // A view the reader chooses replaces what the link said; a route tidying its own state
    // (replace: a normalised drill path, say) keeps the link's notices on screen.
    if (!replace) this.notices = [];
    if (typeof window === 'undefined') return;
    const hash = toHash(this.view);
    if (hash === window.location.hash) return;
    if (replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
  }

  /**
   * Take the current URL through the resolver (called once the data index is known) and follow it.
   * Without a window (the prerender) it only resolves `hash`, the route's default view.
   */
  init(resolve: Resolver, hash = ''): void {
    this.resolve = resolve;
    if (typeof window === 'undefined') {
      const r = this.resolve(parseHash(hash));
      this.apply(r.view);
      this.notices = r.notices;
      return;
    }
    const sync = () => {
      const r = this.resolve(parseHash(window.location.hash));
      this.apply(r.view);
      this.notices = r.notices;
      const hash = toHash(this.view);
      if (hash !== window.location.hash) history.replaceState(null, '', hash);
    };
    sync();
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
  }

  private apply(v: ViewState): void {
    this.route = v.route;
    this.unit = v.unit;
    this.year = v.year;
    this.compare = v.compare;
    this.path = v.path;
    this.money = v.money;
    this.focus = v.focus;
  }
}

export const selection = new Selection();
