/**
 * Runs the deadline sweep on an interval in the projector process (apps/projector, and the API process that embeds
 * the projector). One sweep at a time per process: the next one is scheduled when the previous one ended, so a slow
 * sweep never overlaps itself. Sweeps in other processes may overlap; the decider makes that harmless.
 */
import type { EventStore } from '@thads/event-store';
import { sweepDeadlines, type OverdueDeadlines, type SweepResult } from './sweep-deadlines';
import { vietnamToday } from './vietnam-today';

/** Options of startDeadlineSweeper. */
export interface DeadlineSweeperOptions {
  readonly eventStore: EventStore;
  /** Wired to the deadlines read model of the process's read-model connection. */
  readonly overdueDeadlines: OverdueDeadlines;
  /** DEADLINE_SWEEP_INTERVAL_MS: pause between sweeps; 0 starts nothing. The first sweep runs at once. */
  readonly intervalMs: number;
  readonly logger: SweepLogger;
  /** Today in Asia/Ho_Chi_Minh; default the system clock. */
  readonly today?: () => string;
}

/** Where the sweeper reports (the projector's logger fits). */
export interface SweepLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A running sweeper. */
export interface DeadlineSweeper {
  /** Sweeps now (after the one in flight, if any) and returns what it did. */
  sweepNow(): Promise<SweepResult>;
  /** Stops the timer and waits for the sweep in flight: call it before closing the stores. */
  stop(): Promise<void>;
}

/** Starts sweeping every `intervalMs` (none when 0). */
export function startDeadlineSweeper(options: DeadlineSweeperOptions): DeadlineSweeper {
  const today = options.today ?? (() => vietnamToday());
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  const sweepOnce = (): Promise<SweepResult> => {
    const run = inFlight
      .catch(() => undefined)
      .then(() =>
        sweepDeadlines({
          eventStore: options.eventStore,
          overdueDeadlines: options.overdueDeadlines,
          today: today(),
        }),
      );
    inFlight = run;
    return run;
  };

  const tick = async (): Promise<void> => {
    try {
      const result = await sweepOnce();
      if (result.recorded > 0)
        options.logger.log(`Deadline sweep ${result.today}: recorded ${result.recorded} missed deadline(s)`);
      for (const refused of result.deadlines.filter((swept) => swept.outcome === 'refused')) {
        options.logger.warn(`Deadline sweep: ${refused.commandId} refused with ${refused.code}`);
      }
    } catch (error) {
      options.logger.error(
        `Deadline sweep failed: ${error instanceof Error ? error.message : String(error)}; retrying in ${options.intervalMs} ms`,
      );
    }
    if (!stopped) {
      timer = setTimeout(() => void tick(), options.intervalMs);
      timer.unref();
    }
  };

  if (options.intervalMs > 0) void tick();
  return {
    sweepNow: sweepOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight.catch(() => undefined);
    },
  };
}
