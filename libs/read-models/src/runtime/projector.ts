/**
 * The projector runtime: follows the event store from the lowest checkpoint and feeds each projection its batches.
 * It runs as apps/projector and inside the API process; several runners may share one read-model database, because
 * every batch commits with a guarded checkpoint update (see checkpoints.ts). Changes made by other processes (a CLI
 * skip, a rebuild swap) are picked up by a control poll, or at once by `refresh()`.
 */
import type { RecordedEvent } from '@thads/event-store';
import { migrateReadModels } from '../migrations/migrate-read-models';
import { assertValidProjections, type Projection } from '../projection';
import { eventStoreHistory, type StreamHistory } from '../stream-history';
import { applyBatch, applyBatchTogether, type BatchPart } from './apply-batch';
import { AutoRebuilds } from './auto-rebuilds';
import { inBatchSpan } from './batch-span';
import { ensureCheckpoint, loadCheckpoint, loadCheckpoints, NO_POSITION, type Checkpoint } from './checkpoints';
import { describeError, openDeadLetters, type DeadLetter } from './dead-letters';
import { eventBatches } from './event-batches';
import { PositionWaiters, ProjectorStopped, type WaitState } from './position-waiters';
import { describeProjections, type ProjectionStatus } from './projection-status';
import { DEFAULT_BATCH_SIZE, type Projector, type ProjectorLogger, type ProjectorOptions } from './projector-contract';

export type { Projector, ProjectorLogger, ProjectorOptions } from './projector-contract';

/** Creates a projector; nothing happens until `start()`. */
export function createProjector(options: ProjectorOptions): Projector {
  assertValidProjections(options.projections);
  return new ProjectorRuntime(options);
}

const consoleLogger: ProjectorLogger = { log: console.log, warn: console.warn, error: console.error };

class ProjectorRuntime implements Projector {
  private checkpoints = new Map<string, Checkpoint>();
  private deadLetters: DeadLetter[] = [];
  private head = NO_POSITION;
  /** Everything up to here was delivered to the runnable projections; undefined while not following. */
  private cursor: bigint | undefined;
  private following: AbortController | undefined;
  private resubscribe = false;
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private readonly rebuilds: AutoRebuilds;
  private readonly waiters: PositionWaiters;
  private readonly logger: ProjectorLogger;
  private readonly batchSize: number;
  private readonly gatherMs: number;
  private readonly log: StreamHistory;

  constructor(private readonly options: ProjectorOptions) {
    this.logger = options.logger ?? consoleLogger;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.gatherMs = options.gatherMs ?? 20;
    this.log = eventStoreHistory(options.eventStore);
    this.waiters = new PositionWaiters((name, position) => this.progressOf(name, position));
    this.rebuilds = new AutoRebuilds({
      eventStore: options.eventStore,
      db: options.db,
      batchSize: this.batchSize,
      staleAfterMs: options.staleRebuildMs ?? 60_000,
      logger: this.logger,
      now: options.now ?? (() => new Date()),
      onSettled: () =>
        void this.refresh().catch((error) => this.logger.warn(`Projector refresh failed: ${describeError(error)}`)),
    });
  }

  async start(): Promise<void> {
    if (this.loop) throw new Error('The projector is already started');
    await migrateReadModels(this.options.db);
    for (const projection of this.options.projections) await ensureCheckpoint(this.options.db, projection, this.now());
    await this.readHead();
    await this.reload();
    this.reconcile();
    this.loop = this.run();
    const pollMs = this.options.controlPollMs ?? 1000;
    if (pollMs > 0) {
      this.pollTimer = setInterval(
        () =>
          void this.refresh().catch((error) =>
            this.logger.warn(`Projector control poll failed: ${describeError(error)}`),
          ),
        pollMs,
      );
      this.pollTimer.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.pollTimer);
    this.following?.abort();
    this.wakeUp?.();
    const rebuildsStopped = this.rebuilds.stop();
    await this.loop;
    await rebuildsStopped;
    this.waiters.rejectAll(new ProjectorStopped());
  }

  waitForPosition(position: bigint, timeoutMs = 30_000, projections?: readonly string[]): Promise<void> {
    if (this.stopping) return Promise.reject(new ProjectorStopped());
    const names = projections ?? this.options.projections.map((projection) => projection.name);
    return this.waiters.wait(position, names, timeoutMs);
  }

  status(): ProjectionStatus[] {
    return describeProjections(this.options.projections, this.checkpoints, this.deadLetters, this.head);
  }

  async refresh(): Promise<void> {
    if (this.stopping) return;
    await this.readHead();
    await this.reload();
    this.reconcile();
    // Not following (idle, or between subscriptions): go around once more. Following: only if a projection now
    // stands behind what the subscription already delivered (resumed by a skip, or swapped in by a rebuild).
    const cursor = this.cursor;
    if (cursor === undefined || this.runnable().some((checkpoint) => checkpoint.position < cursor)) {
      this.resubscribe = true;
      this.following?.abort();
      this.wakeUp?.();
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.followOnce();
      } catch (error) {
        if (this.stopping) break;
        const delay = this.options.retryDelayMs ?? 1000;
        this.logger.error(
          `Projector failed: ${describeError(error)}; retrying in ${delay} ms`,
          error instanceof Error ? error.stack : undefined,
        );
        await this.pause(delay);
      }
    }
  }

  /** Subscribes from the lowest runnable checkpoint and applies batches until asked to resubscribe or stop. */
  private async followOnce(): Promise<void> {
    this.resubscribe = false;
    await this.reload();
    const runnable = this.runnable();
    if (runnable.length === 0) return this.pause(undefined);
    const from = runnable.reduce(
      (lowest, checkpoint) => (checkpoint.position < lowest ? checkpoint.position : lowest),
      runnable[0].position,
    );
    const controller = new AbortController();
    this.following = controller;
    this.cursor = from;
    try {
      // A stop or refresh that arrived during the reload found nothing to abort: go around again instead.
      if (this.stopping || this.resubscribe) return;
      const events = this.options.eventStore.subscribeToAll({
        fromPosition: from < 0n ? undefined : from,
        signal: controller.signal,
      });
      for await (const batch of eventBatches(events, this.batchSize, () => this.readHead())) {
        await this.flush(batch);
        if (this.resubscribe || this.stopping) break;
        // Caught up: let the next events gather (docs/performance.md: one commit per batch was the projector's cost).
        if (batch.length < this.batchSize && this.gatherMs > 0) await this.pause(this.gatherMs);
        if (this.resubscribe || this.stopping) break;
      }
    } finally {
      controller.abort();
      this.following = undefined;
      this.cursor = undefined;
    }
  }

  /**
   * Applies one batch to every runnable projection: all in one transaction when they can (applyBatchTogether), else
   * (a poison event, a moved checkpoint) each in its own transaction; in the batch's span (batch-span.ts).
   */
  private async flush(batch: readonly RecordedEvent[]): Promise<void> {
    await inBatchSpan(batch, async () => {
      if (!(await this.flushTogether(batch))) await this.flushEach(batch);
    });
    this.cursor = batch[batch.length - 1].position;
    this.waiters.check();
    this.options.onBatchCommitted?.();
  }

  /** True when every projection took the batch in one transaction. */
  private async flushTogether(batch: readonly RecordedEvent[]): Promise<boolean> {
    const parts: BatchPart[] = [];
    for (const projection of this.options.projections) {
      const checkpoint = this.checkpoints.get(projection.name);
      if (!checkpoint || !this.isRunnable(projection, checkpoint)) continue;
      // One that missed events before this batch needs a resubscription: flushEach marks it.
      if (this.cursor !== undefined && checkpoint.position < this.cursor) return false;
      parts.push({ projection, checkpoint });
    }
    if (parts.length === 0) return false;
    const applied = await applyBatchTogether(this.options.db, parts, batch, () => this.now(), this.log);
    if (!applied) return false;
    parts.forEach(({ projection }, index) => this.checkpoints.set(projection.name, applied[index]));
    return true;
  }

  /** Applies one batch to every runnable projection, each in its own transaction. */
  private async flushEach(batch: readonly RecordedEvent[]): Promise<void> {
    for (const projection of this.options.projections) {
      let checkpoint = this.checkpoints.get(projection.name);
      for (let attempt = 0; checkpoint && this.isRunnable(projection, checkpoint) && attempt < 3; attempt += 1) {
        if (this.cursor !== undefined && checkpoint.position < this.cursor) {
          this.resubscribe = true; // it missed events before this batch (resumed by a skip, or swapped in behind us)
          break;
        }
        const outcome = await applyBatch(this.options.db, projection, checkpoint, batch, () => this.now(), this.log);
        if (outcome.kind === 'moved') {
          checkpoint = await loadCheckpoint(this.options.db, projection.name);
          if (checkpoint) this.checkpoints.set(projection.name, checkpoint);
          continue;
        }
        this.checkpoints.set(projection.name, outcome.checkpoint);
        if (outcome.kind === 'halted') {
          const { poison, reason } = outcome;
          this.logger.error(
            `Projection ${projection.name} halted at position ${poison.position} (${poison.type} ${poison.id} in ${poison.stream}): ${reason}`,
          );
          this.deadLetters = await openDeadLetters(this.options.db);
        }
        break;
      }
    }
  }

  /** Reached: rows of the current code version up to `position`. Halted: nothing here will move it on. */
  private progressOf(name: string, position: bigint): WaitState {
    const checkpoint = this.checkpoints.get(name);
    if (!checkpoint) return 'pending';
    const codeVersion =
      this.options.projections.find((projection) => projection.name === name)?.version ?? checkpoint.version;
    if (checkpoint.version === codeVersion && checkpoint.position >= position) return 'reached';
    const beingRebuilt = this.rebuilds.has(name) || checkpoint.rebuildGeneration !== null;
    return checkpoint.status === 'halted' && !beingRebuilt ? 'halted' : 'pending';
  }

  private reconcile(): void {
    // Only the lease holder starts a version-bump rebuild; the others would only be refused by its claim.
    const leased = this.options.projections.filter((projection) => this.holdsLease(projection.name));
    if (this.options.autoRebuild !== false && !this.stopping)
      this.rebuilds.reconcile(leased, this.checkpoints, this.deadLetters);
  }

  private runnable(): Checkpoint[] {
    return this.options.projections.flatMap((projection) => {
      const checkpoint = this.checkpoints.get(projection.name);
      return checkpoint && this.isRunnable(projection, checkpoint) ? [checkpoint] : [];
    });
  }

  private isRunnable(projection: Projection, checkpoint: Checkpoint): boolean {
    return (
      checkpoint.status === 'running' && checkpoint.version === projection.version && this.holdsLease(projection.name)
    );
  }

  private holdsLease(name: string): boolean {
    return this.options.leases === undefined || this.options.leases.holds(name);
  }

  private async reload(): Promise<void> {
    // Leases first: a projection whose holder died becomes runnable here at this reload (the control poll's).
    await this.options.leases?.acquire(this.options.projections.map((projection) => projection.name));
    this.checkpoints = await loadCheckpoints(this.options.db);
    this.deadLetters = await openDeadLetters(this.options.db);
    this.waiters.check();
  }

  private async readHead(): Promise<bigint> {
    this.head = await this.options.eventStore.headPosition();
    return this.head;
  }

  /** Waits for `ms` (undefined: until woken by refresh or stop). */
  private pause(ms: number | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      this.wakeUp = done;
      if (this.stopping || (ms === undefined && this.resubscribe)) done();
    });
  }

  private now(): string {
    return (this.options.now ?? (() => new Date()))().toISOString();
  }
}
