/**
 * Read models belong to one event log. Without a check, read models kept beside a lost and re-created (or swapped)
 * event store would be served as if they described it: lists of cases that no longer exist, and new events never
 * projected because the checkpoints stand past the new log's head. So the read-model database records the identity
 * of the store it was built from (EventStore.storeId), and a runtime refuses to start on another one.
 */
import type { EventStore } from '@thads/event-store';
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';

/** The read models were built from another event log; the message names both sides and what to do. */
export class ReadModelsOfAnotherLog extends Error {
  override readonly name = 'ReadModelsOfAnotherLog';

  constructor(message: string) {
    super(message);
    // A refusal names the stores and the fix; a stack would bury that under frames that say nothing to an operator.
    this.stack = `${this.name}: ${message}`;
  }
}

/** Where the two stores live, for the refusal's message (URLs with any password masked). */
export interface StoreLabels {
  readonly readModels: string;
  readonly eventStore?: string;
}

/**
 * Records the event store's identity in unbound read models, or checks it against the recorded one. Read models from
 * before the binding existed (checkpoints but no record) are bound when the store's head is at or past every
 * checkpoint, and refused when it is behind them (the log they were built from is not this one). Stores without an
 * identity (EventStoreDB) are not checked. Throws ReadModelsOfAnotherLog; writes nothing then.
 */
export async function bindReadModelsToEventStore(
  db: Kysely<ReadModelDatabase>,
  eventStore: EventStore,
  labels: StoreLabels,
): Promise<void> {
  const storeId = await eventStore.storeId?.();
  if (storeId === undefined) return;
  const eventStoreName = labels.eventStore ?? 'the event store';
  const remedy =
    `Restore the event store these read models were built from, or, to rebuild them from this log, remove the read ` +
    `models (delete ${labels.readModels.replace(/^sqlite:/, '')} with its -wal and -shm files, or drop the schema) and start again.`;
  const bound = await boundStoreId(db);
  if (bound === undefined) {
    const progress = await furthestCheckpoint(db);
    if (progress >= 0n) {
      const head = await eventStore.headPosition();
      if (head < progress)
        throw new ReadModelsOfAnotherLog(
          `The read models in ${labels.readModels} stand at position ${progress}, but ${eventStoreName} ends at ${head}: ` +
            `they were built from another event log (a lost, emptied or replaced event store?). Refusing to serve them. ${remedy}`,
        );
    }
    await db
      .insertInto('read_model_source')
      .values({ event_store_id: storeId, bound_at: new Date().toISOString() })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }
  const recorded = bound ?? (await boundStoreId(db));
  if (recorded !== storeId)
    throw new ReadModelsOfAnotherLog(
      `The read models in ${labels.readModels} were built from event store ${recorded}, but ${eventStoreName} is ` +
        `event store ${storeId}: another event log (a lost and re-created, or replaced event store?). Refusing to serve them. ${remedy}`,
    );
}

async function boundStoreId(db: Kysely<ReadModelDatabase>): Promise<string | undefined> {
  const rows = await db.selectFrom('read_model_source').select('event_store_id').execute();
  if (rows.length > 1)
    throw new ReadModelsOfAnotherLog(
      `The read models record ${rows.length} source event stores (${rows.map((row) => row.event_store_id).join(', ')}); refusing to serve them`,
    );
  return rows[0]?.event_store_id;
}

async function furthestCheckpoint(db: Kysely<ReadModelDatabase>): Promise<bigint> {
  const row = await db
    .selectFrom('projection_checkpoints')
    .select((eb) => eb.fn.max('position').as('position'))
    .executeTakeFirst();
  return row?.position === null || row?.position === undefined ? -1n : BigInt(row.position);
}
