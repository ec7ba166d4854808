import { data } from '../../state/data.svelte';
import { selection } from '../../state/selection.svelte';
import { CYCLE_MS, nextUnit } from './cycle';

type Units = () => ReadonlyArray<{ id: string; region: string }>;

/** The unit cycle wired to a timer: every CYCLE_MS it asks `go` to show the next unit of the region. */
export class UnitCycle {
  on = $state(false);
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly units: Units;
  private readonly current: () => string;
  private readonly go: (unit: string) => void;

  constructor(units: Units, current: () => string, go: (unit: string) => void) {
    this.units = units;
    this.current = current;
    this.go = go;
  }

  toggle(): void {
    if (this.on) this.stop();
    else this.start();
  }

  start(): void {
    this.stop();
    this.on = true;
    this.timer = setInterval(() => {
      const next = nextUnit(this.units(), this.current());
      if (next) this.go(next);
    }, CYCLE_MS);
  }

  /** Also what the page calls when the wall view goes (onMount's cleanup). */
  stop(): void {
    this.on = false;
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

/**
 * The wall's one cycle. It outlives the view: showing the next unit remounts the wall while that
 * unit's files load, and the cycle must go on; it stops when the reader leaves the wall.
 */
export const wallCycle = new UnitCycle(
  () => data.dataset.index?.units ?? [],
  () => selection.unit,
  (unit) => selection.set({ unit, year: data.years(unit)[0], path: [] }),
);
