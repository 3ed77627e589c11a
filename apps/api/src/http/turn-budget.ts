/**
 * Spreads request work over turns of the event loop (docs/performance.md, change 38). Under load, every socket that
 * became readable in one turn is handled in that turn's poll phase before any timer runs: 64 command requests of
 * about 1 ms each held the loop for 60–100 ms, and the timers of the process (lease renewals, metrics, the health
 * checks' own timeouts) waited that long. The budget admits requests while the work of the current turn is below
 * `budgetMs`; the others wait, in arrival order, for the next turns, each of which starts with its timers.
 */
import { AsyncResource } from 'node:async_hooks';

export interface TurnBudgetOptions {
  /** Work a turn may take before later requests wait for the next turn, in ms. 0 admits everything at once. */
  readonly budgetMs: number;
  /** Milliseconds of a monotonic clock (tests pass their own). */
  readonly now?: () => number;
  /** Called for each request that waits for a later turn (a metric). */
  readonly onDeferred?: () => void;
}

/** Admission of request work, turn by turn. One per process (the event loop is one). */
export class TurnBudget {
  private readonly waiting: Array<() => void> = [];
  private readonly now: () => number;
  /** When the current turn's budget started; undefined while no turn is being measured (idle). */
  private turnStartedAt: number | undefined;

  constructor(private readonly options: TurnBudgetOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Calls `proceed` now when the turn has budget left and nobody waits, else in a later turn, in arrival order. */
  admit(proceed: () => void): void {
    if (this.options.budgetMs <= 0) return proceed();
    if (this.turnStartedAt === undefined) this.startMeasuring();
    if (this.waiting.length === 0 && this.hasBudget()) return proceed();
    // Run in the caller's async context, so the request's log scope and span carry over to the later turn. Not
    // AsyncResource.bind: on Node 20 each bound function also builds two deprecation wrappers (about 1.5% of the API
    // under M3's load, docs/performance.md change 42).
    const context = new AsyncResource('TurnBudgetWaiter');
    this.waiting.push(() => context.runInAsyncScope(proceed));
    this.options.onDeferred?.();
    // One immediate per waiter: each runs alone in the check phase, its microtasks drained before the next, so the
    // time it used counts before the next waiter is weighed.
    setImmediate(() => this.releaseOne());
  }

  /** How many requests wait for a later turn. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  private hasBudget(): boolean {
    return this.turnStartedAt === undefined || this.now() - this.turnStartedAt < this.options.budgetMs;
  }

  private releaseOne(): void {
    if (this.waiting.length === 0) return;
    if (!this.hasBudget()) {
      setImmediate(() => this.releaseOne());
      return;
    }
    this.waiting.shift()?.();
  }

  /**
   * A new turn's budget starts at the first immediate of each turn: this one is queued during the previous turn's
   * check phase, so it runs before the immediates queued in this turn's poll phase (the waiters above).
   */
  private startMeasuring(): void {
    this.turnStartedAt = this.now();
    setImmediate(() => this.nextTurn());
  }

  private nextTurn(): void {
    this.turnStartedAt = undefined;
    if (this.waiting.length > 0) this.startMeasuring();
  }
}
