/**
 * Rebuilds the runner starts by itself: when the code version of a projection differs from the version that built
 * its tables (docs/architecture.md, "a version bump rebuilds into new tables and swaps when caught up").
 */
import type { Kysely } from 'kysely';
import type { EventStore } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import type { Checkpoint } from './checkpoints';
import { describeError, type DeadLetter } from './dead-letters';
import { rebuildProjection, RebuildRefused } from './rebuild';

/** What the automatic rebuilds need from the runner. */
export interface AutoRebuildOptions {
  readonly eventStore: EventStore;
  readonly db: Kysely<ReadModelDatabase>;
  readonly batchSize: number;
  readonly staleAfterMs: number;
  readonly logger: { log(message: string): void; warn(message: string): void; error(message: string): void };
  readonly now: () => Date;
  /** Called when a rebuild ends, either way, so the runner re-reads the checkpoints. */
  readonly onSettled: () => void;
}

/** The automatic rebuilds of one runner. */
export class AutoRebuilds {
  private readonly running = new Map<string, { controller: AbortController; task: Promise<void> }>();
  private readonly warned = new Set<string>();

  constructor(private readonly options: AutoRebuildOptions) {}

  /** Whether this runner is rebuilding the projection right now. */
  has(name: string): boolean {
    return this.running.has(name);
  }

  /**
   * Starts a rebuild for every projection whose tables were built by an older version, unless a rebuild of it is
   * alive (here or in another process) or a failed rebuild's dead letter awaits an operator's skip.
   */
  reconcile(
    projections: readonly Projection[],
    checkpoints: ReadonlyMap<string, Checkpoint>,
    deadLetters: readonly DeadLetter[],
  ): void {
    for (const projection of projections) {
      const checkpoint = checkpoints.get(projection.name);
      if (!checkpoint || checkpoint.version === projection.version || this.running.has(projection.name)) continue;
      if (checkpoint.version > projection.version) {
        if (!this.warned.has(projection.name)) {
          this.options.logger.warn(
            `Projection ${projection.name} was built by version ${checkpoint.version}, newer than this code (${projection.version}); not running it`,
          );
        }
        this.warned.add(projection.name);
        continue;
      }
      const failedRebuildAwaitsSkip = deadLetters.some(
        (letter) => letter.projection === projection.name && letter.generation !== checkpoint.activeGeneration,
      );
      const heartbeat = Date.parse(checkpoint.rebuildHeartbeatAt ?? '') || 0;
      const rebuildAlive =
        checkpoint.rebuildGeneration !== null && this.options.now().getTime() - heartbeat < this.options.staleAfterMs;
      if (!failedRebuildAwaitsSkip && !rebuildAlive) this.launch(projection);
    }
  }

  /** Abandons the running rebuilds (their new generations are dropped) and waits for them to end. */
  async stop(): Promise<void> {
    for (const rebuild of this.running.values()) rebuild.controller.abort();
    await Promise.allSettled([...this.running.values()].map((rebuild) => rebuild.task));
  }

  private launch(projection: Projection): void {
    const { logger } = this.options;
    const controller = new AbortController();
    logger.log(
      `Projection ${projection.name}: code version ${projection.version} differs from its tables; rebuilding into a new generation`,
    );
    const task = rebuildProjection(Object.assign({}, this.options, { projection, signal: controller.signal }))
      .then((result) =>
        logger.log(
          `Projection ${result.projection} rebuilt into generation ${result.generation} at position ${result.position}`,
        ),
      )
      .catch((error: unknown) => {
        if (!controller.signal.aborted && !(error instanceof RebuildRefused))
          logger.error(`Rebuild of projection ${projection.name} failed: ${describeError(error)}`);
      })
      .finally(() => {
        this.running.delete(projection.name);
        this.options.onSettled();
      });
    this.running.set(projection.name, { controller, task });
  }
}
