/**
 * Read-your-writes: callers waiting until projections reach a log position. The runner re-checks the waiters
 * whenever its view of the checkpoints changes; nothing here polls.
 */

/** The awaited projection halted before reaching the position: waiting longer would not help. */
export class ProjectionHalted extends Error {
  override readonly name = 'ProjectionHalted';
  constructor(
    readonly projection: string,
    readonly position: bigint,
  ) {
    super(`Projection ${projection} is halted before position ${position} (see its dead letters)`);
  }
}

/** The projections did not reach the position in time. */
export class ProjectionWaitTimedOut extends Error {
  override readonly name = 'ProjectionWaitTimedOut';
  constructor(
    readonly position: bigint,
    readonly lagging: readonly string[],
  ) {
    super(`Timed out waiting for position ${position}; still behind: ${lagging.join(', ')}`);
  }
}

/** The runner stopped while someone was waiting. */
export class ProjectorStopped extends Error {
  override readonly name = 'ProjectorStopped';
  constructor() {
    super('The projector stopped');
  }
}

/** Where one projection stands with respect to an awaited position. */
export type WaitState = 'reached' | 'pending' | 'halted';

/** Tells where a projection stands; supplied by the runner, which knows checkpoints, versions and rebuilds. */
export type ProgressOf = (projection: string, position: bigint) => WaitState;

interface Waiter {
  readonly position: bigint;
  readonly names: readonly string[];
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

/** The set of pending waits of one runner. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(private readonly progressOf: ProgressOf) {}

  /** Waits until every named projection has reached `position`. */
  wait(position: bigint, names: readonly string[], timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new ProjectionWaitTimedOut(
            position,
            names.filter((name) => this.progressOf(name, position) !== 'reached'),
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = { position, names, resolve, reject, timer };
      this.waiters.add(waiter);
      this.check();
    });
  }

  /** Settles every waiter that is satisfied now, or that a halted projection can never satisfy. */
  check(): void {
    for (const waiter of [...this.waiters]) {
      const states = waiter.names.map((name) => [name, this.progressOf(name, waiter.position)] as const);
      const halted = states.find(([, state]) => state === 'halted');
      if (halted) this.settle(waiter, new ProjectionHalted(halted[0], waiter.position));
      else if (states.every(([, state]) => state === 'reached')) this.settle(waiter);
    }
  }

  /** Rejects everyone: the runner is stopping. */
  rejectAll(error: Error): void {
    for (const waiter of [...this.waiters]) this.settle(waiter, error);
  }

  private settle(waiter: Waiter, error?: Error): void {
    this.waiters.delete(waiter);
    clearTimeout(waiter.timer);
    if (error) waiter.reject(error);
    else waiter.resolve();
  }
}
