/**
 * The projector's public contract: its options and the handle createProjector returns.
 */
import type { Kysely } from 'kysely';
import type { EventStore } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import type { ProjectionLeases } from './projection-leases';
import type { ProjectionStatus } from './projection-status';

/** Where the projector writes what it does. Nest's Logger fits. */
export interface ProjectorLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, detail?: string): void;
}

/**
 * Most events per batch when no size is given (projector and rebuild). Only a projector that is behind fills a batch;
 * a batch costs one commit and one load and save of each case's folded state it touches, so catching up with batches
 * of 2,000 took about a third less time than with 500 (docs/performance.md, change 30).
 */
export const DEFAULT_BATCH_SIZE = 2_000;

/** Options of createProjector. */
export interface ProjectorOptions {
  readonly eventStore: EventStore;
  readonly db: Kysely<ReadModelDatabase>;
  readonly projections: readonly Projection[];
  /** Most events per batch (and per transaction). Default DEFAULT_BATCH_SIZE. */
  readonly batchSize?: number;
  /**
   * After a batch that reached the head of the log, wait this long before the next one, so that under a steady load
   * the events of several group commits are applied in one transaction (one commit, one load and save of each case's
   * folded state) instead of one batch per commit. Read-your-writes waits grow by at most this. Default 20 ms; 0 off.
   */
  readonly gatherMs?: number;
  readonly logger?: ProjectorLogger;
  /** How often to look for changes by other processes (skips, swaps, halts). Default 1000 ms; 0 turns it off. */
  readonly controlPollMs?: number;
  /** Pause before retrying after a database failure. Default 1000 ms. */
  readonly retryDelayMs?: number;
  /** Rebuild projections whose code version is newer than their tables. Default true. */
  readonly autoRebuild?: boolean;
  /** A rebuild claim older than this is taken over. Default 60 000 ms. */
  readonly staleRebuildMs?: number;
  readonly now?: () => Date;
  /** Called after each batch has committed for every runnable projection: wakes the change feed of this process. */
  readonly onBatchCommitted?: () => void;
  /**
   * Run only the projections whose lease this process holds (PostgreSQL: `ReadModelStore.openLeases()`); the others
   * are retried on every control poll, so keep `controlPollMs` above 0. The caller closes the leases after `stop()`.
   * Without leases, every projection runs here (SQLite; the guarded checkpoint keeps double runners exactly-once).
   */
  readonly leases?: ProjectionLeases;
}

/** A running projector. */
export interface Projector {
  /** Migrates, creates missing projections, starts following the log and any rebuild a version bump needs. */
  start(): Promise<void>;
  /** Finishes the batch in flight, abandons running rebuilds and stops. */
  stop(): Promise<void>;
  /**
   * Resolves once the projections (default: all of this projector's) have applied everything up to `position`.
   * Rejects with ProjectionHalted if one is halted before it, ProjectionWaitTimedOut after `timeoutMs` (default 30 s).
   */
  waitForPosition(position: bigint, timeoutMs?: number, projections?: readonly string[]): Promise<void>;
  /** Position, status, lag and open dead letters of each projection, as last seen. */
  status(): ProjectionStatus[];
  /** Re-reads the checkpoints now (after a skip or swap in this process) instead of at the next control poll. */
  refresh(): Promise<void>;
}
