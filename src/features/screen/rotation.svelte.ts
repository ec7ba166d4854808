import { currentIndex, interacted, selected, START, STEP_MS, stepped, type RotationState } from './rotation';

const EVENTS = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** The rotation state machine wired to a step timer, the window's interaction events and a clock. */
export class Rotation {
  state: RotationState = $state(START);
  now: Date = $state(new Date());

  /** The number of items to rotate over (read at every step). */
  private readonly count: () => number;

  constructor(count: () => number) {
    this.count = count;
  }

  /** Position of the highlighted item, or -1 when there are none. */
  get current(): number {
    return currentIndex(this.state, this.count());
  }

  private readonly interact = () => (this.state = interacted(this.state, Date.now()));

  select(index: number): void {
    this.state = selected(this.state, index, Date.now());
  }

  /** Start the timers and listeners; returns what stops them (for onMount). */
  start(): () => void {
    EVENTS.forEach((e) => window.addEventListener(e, this.interact, { passive: true }));
    const timer = setInterval(() => (this.state = stepped(this.state, Date.now(), this.count())), STEP_MS);
    const clock = setInterval(() => (this.now = new Date()), 1000);
    return () => {
      EVENTS.forEach((e) => window.removeEventListener(e, this.interact));
      clearInterval(timer);
      clearInterval(clock);
    };
  }
}
