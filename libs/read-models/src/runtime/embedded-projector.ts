/**
 * One call that opens the read-model database, migrates it and starts the projector: what apps/projector runs, and
 * what the API process runs inside `npm start` (docs/architecture.md, embedded default).
 */
import type { EventStore, ThreadSignal } from '@thads/event-store';
import { ChangeSignal } from '../change-feed/change-signal';
import { openReadModelDatabase, type ReadModelStore } from '../database/open-read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';
import type { Projection } from '../projection';
import { readModelProjections } from '../registry';
import { openBatchChannel } from './batch-channel';
import { isStorageFull } from './infrastructure-errors';
import type { ProjectionLeases } from './projection-leases';
import { bindReadModelsToEventStore } from './read-model-source';
import { createProjector, type Projector, type ProjectorLogger } from './projector';

/** Options of startProjectorRuntime. */
export interface ProjectorRuntimeOptions {
  readonly eventStore: EventStore;
  /** READ_MODEL_URL, e.g. `sqlite:./data/read.db`. */
  readonly readModelUrl: string;
  /** EVENT_STORE_URL, only to name the event store in a refusal (a password in it is masked). */
  readonly eventStoreUrl?: string;
  readonly logger?: ProjectorLogger;
  readonly batchSize?: number;
  /** How often checkpoints changed elsewhere are reloaded (projector options); 0: never. Default 1000 ms. */
  readonly controlPollMs?: number;
  /** Default: every registered projection. */
  readonly projections?: readonly Projection[];
  /**
   * false: apply nothing here and only follow the checkpoints another process (a projector service) writes, for
   * status and read-your-writes waits (EMBEDDED_PROJECTOR=false). Default true.
   */
  readonly applyEvents?: boolean;
}

/** Leases that hold nothing: the projector runs no projection and follows the checkpoints on its control poll. */
const FOLLOWER_LEASES: ProjectionLeases = {
  acquire: async () => new Set<string>(),
  holds: () => false,
  close: async () => undefined,
};

/** A started projector with its database. `close()` stops the projector, then closes the database (not the store). */
export interface ProjectorRuntime {
  readonly readModels: ReadModelStore;
  readonly projector: Projector;
  /** Signalled after every committed batch: the change feed of this process waits on it. */
  readonly changes: ChangeSignal;
  close(): Promise<void>;
}

/** A start that cannot write its read-model database because the disk is full; the message names the database. */
export class ReadModelStorageFull extends Error {
  override readonly name = 'ReadModelStorageFull';

  constructor(message: string) {
    super(message);
    // A refusal names the database and the fix; the stack of the failed write would only bury it.
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Opens, migrates, checks that the read models belong to this event store (read-model-source.ts) and starts. The
 * caller owns the event store and closes it after `close()`. Throws ReadModelsOfAnotherLog, or ReadModelStorageFull
 * when the disk is too full to migrate or bind.
 */
export async function startProjectorRuntime(options: ProjectorRuntimeOptions): Promise<ProjectorRuntime> {
  const readModels = openReadModelDatabase(options.readModelUrl);
  const leases = options.applyEvents === false ? FOLLOWER_LEASES : readModels.openLeases?.();
  let channel: ThreadSignal | undefined;
  try {
    await prepare(readModels, options);
    const changes = new ChangeSignal();
    // An applying runtime announces its batches to the other threads; a follower refreshes on theirs. Messages
    // arrive as macrotasks, after `projector` below is assigned.
    channel = openBatchChannel(
      readModels.url,
      options.applyEvents === false ? refreshOnEachBatch(() => projector, changes, options.logger) : () => undefined,
    );
    const projector = createProjector({
      eventStore: options.eventStore,
      db: readModels.db,
      projections: options.projections ?? readModelProjections,
      batchSize: options.batchSize,
      controlPollMs: options.controlPollMs,
      logger: options.logger,
      onBatchCommitted: () => {
        changes.notify();
        channel?.announce();
      },
      leases,
    });
    await projector.start();
    return {
      readModels,
      projector,
      changes,
      close: async () => {
        channel?.close();
        await projector.stop();
        await leases?.close();
        await readModels.close();
      },
    };
  } catch (error) {
    channel?.close();
    await leases?.close();
    await readModels.close();
    throw error;
  }
}

async function prepare(readModels: ReadModelStore, options: ProjectorRuntimeOptions): Promise<void> {
  try {
    await migrateReadModels(readModels.db);
    await bindReadModelsToEventStore(readModels.db, options.eventStore, {
      readModels: readModels.url,
      eventStore: options.eventStoreUrl?.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@'),
    });
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    throw new ReadModelStorageFull(
      `No space left on the disk holding the read models (${readModels.url}): ${(error as Error).message}. ` +
        'Free some space and start again; nothing was written.',
    );
  }
}

/**
 * A follower's reaction to another thread's batch: reload the checkpoints (read-your-writes waits resolve) and wake
 * the change feed. One refresh at a time; batches that land during one are covered by one more.
 */
function refreshOnEachBatch(projector: () => Projector, changes: ChangeSignal, logger?: ProjectorLogger): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    do {
      again = false;
      await projector()
        .refresh()
        .catch((error: unknown) => logger?.warn(`Projector refresh failed: ${(error as Error).message}`));
      changes.notify();
    } while (again);
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
