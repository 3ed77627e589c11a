/**
 * Applying one batch of events to one projection: rows and checkpoint in one transaction, and, when the batch fails,
 * finding the poison event so that everything before it still lands and only the projection halts.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RecordedEvent } from '@thads/event-store';
import { logBatchChanges } from '../change-feed/change-log';
import type { ReadModelDatabase } from '../database/read-model-database';
import { projectionHandles, type Projection } from '../projection';
import type { StreamHistory } from '../stream-history';
import { applyProjection } from './apply-projection';
import { advanceCheckpoint, CheckpointMoved, movedTo, type Checkpoint } from './checkpoints';
import { describeError, insertDeadLetter } from './dead-letters';
import { isInfrastructureError } from './infrastructure-errors';

/** What happened to a batch. */
export type BatchOutcome =
  /** Applied (possibly nothing new): the checkpoint as it now stands. */
  | { readonly kind: 'applied'; readonly checkpoint: Checkpoint }
  /** Someone else changed the checkpoint first; nothing was written. Reload and carry on. */
  | { readonly kind: 'moved' }
  /** An event failed on its own: everything before it was applied, the projection is halted. */
  | {
      readonly kind: 'halted';
      readonly checkpoint: Checkpoint;
      readonly poison: RecordedEvent;
      readonly reason: string;
    };

/**
 * Applies the batch's events after `checkpoint.position` to the projection, moving the checkpoint to the batch's last
 * event with a guarded update in the same transaction. Events the projection does not handle only move the
 * checkpoint. Database failures are rethrown (the runner retries); anything the projection throws is a poison hunt.
 * `log` is the history a projection reads when it folds a case again (stream-history.ts).
 */
export async function applyBatch(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  checkpoint: Checkpoint,
  batch: readonly RecordedEvent[],
  now: () => string,
  log: StreamHistory,
): Promise<BatchOutcome> {
  const events = batch.filter((event) => event.position > checkpoint.position);
  if (events.length === 0) return { kind: 'applied', checkpoint };
  const last = events[events.length - 1].position;
  const at = now();
  try {
    await applyInOneTransaction(db, projection, checkpoint, events, last, at, log);
    return { kind: 'applied', checkpoint: movedTo(checkpoint, last, at) };
  } catch (error) {
    if (error instanceof CheckpointMoved) return { kind: 'moved' };
    if (isInfrastructureError(error)) throw error;
    // The batch is rolled back. Replay it one event per transaction to find the event that fails on its own.
    return isolatePoison(db, projection, checkpoint, events, now, log);
  }
}

/** One projection's share of a batch applied together with the others. */
export interface BatchPart {
  readonly projection: Projection;
  readonly checkpoint: Checkpoint;
}

/**
 * Applies one batch to several projections in ONE transaction: rows, change log and every guarded checkpoint commit
 * together, so a batch costs one commit (one fsync under synchronous=FULL) instead of one per projection. That fsync
 * runs on the event loop of the process that hosts the projector (the API under `npm start`), so it was the
 * projector's largest cost there (docs/performance.md).
 *
 * Returns the new checkpoints, or undefined when any part failed for a reason other than the infrastructure
 * (a poison event, a checkpoint moved by another runner): nothing was written then, and the caller applies the
 * batch projection by projection with applyBatch, which isolates the poison or reloads the moved checkpoint.
 * Infrastructure errors are rethrown, as applyBatch does.
 */
export async function applyBatchTogether(
  db: Kysely<ReadModelDatabase>,
  parts: readonly BatchPart[],
  batch: readonly RecordedEvent[],
  now: () => string,
  log: StreamHistory,
): Promise<Checkpoint[] | undefined> {
  const at = now();
  const pending = parts.map(({ projection, checkpoint }) => ({
    projection,
    checkpoint,
    events: batch.filter((event) => event.position > checkpoint.position),
  }));
  try {
    await db.transaction().execute(async (trx) => {
      for (const { projection, checkpoint, events } of pending) {
        if (events.length === 0) continue;
        await applyInTransaction(trx, projection, checkpoint, events, events[events.length - 1].position, at, log);
      }
    });
  } catch (error) {
    if (isInfrastructureError(error)) throw error;
    return undefined;
  }
  return pending.map(({ checkpoint, events }) =>
    events.length === 0 ? checkpoint : movedTo(checkpoint, events[events.length - 1].position, at),
  );
}

async function applyInOneTransaction(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  checkpoint: Checkpoint,
  events: readonly RecordedEvent[],
  last: bigint,
  at: string,
  log: StreamHistory,
): Promise<void> {
  await db.transaction().execute((trx) => applyInTransaction(trx, projection, checkpoint, events, last, at, log));
}

async function applyInTransaction(
  trx: Transaction<ReadModelDatabase>,
  projection: Projection,
  checkpoint: Checkpoint,
  events: readonly RecordedEvent[],
  last: bigint,
  at: string,
  log: StreamHistory,
): Promise<void> {
  const handled = events.filter((event) => projectionHandles(projection, event));
  handled.forEach(assertReadable);
  await advanceCheckpoint(trx, checkpoint, last, at);
  if (handled.length === 0) return;
  await applyProjection(trx, projection, checkpoint.activeGeneration, handled, log);
  // Logged with the rows and the checkpoint: a change is in the feed if and only if it committed.
  await logBatchChanges(trx, projection, handled, at);
}

/**
 * Newest event schema version the projections read. A newer event comes from a newer build (or was forged): applying
 * it as if it had the old shape could write wrong rows silently, so it halts the projections that handle it.
 */
export const NEWEST_READABLE_SCHEMA_VERSION = 1;

/** Throws, making the event a poison event, when its JSON is damaged or its schema is newer than the projections. */
function assertReadable(event: RecordedEvent): void {
  if (event.unreadable !== undefined) throw new UnreadableStoredEvent(event.unreadable);
  const version = (event.metadata as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > NEWEST_READABLE_SCHEMA_VERSION) {
    throw new UnreadableStoredEvent(
      `schema version ${version} is newer than the projections read (${NEWEST_READABLE_SCHEMA_VERSION})`,
    );
  }
}

/** A stored event the projection must not interpret; recorded as the dead letter's reason. */
class UnreadableStoredEvent extends Error {
  override readonly name = 'UnreadableStoredEvent';
}

async function isolatePoison(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  checkpoint: Checkpoint,
  events: readonly RecordedEvent[],
  now: () => string,
  log: StreamHistory,
): Promise<BatchOutcome> {
  let current = checkpoint;
  for (const event of events) {
    const at = now();
    try {
      await applyInOneTransaction(db, projection, current, [event], event.position, at, log);
      current = movedTo(current, event.position, at);
    } catch (error) {
      if (error instanceof CheckpointMoved) return { kind: 'moved' };
      if (isInfrastructureError(error)) throw error;
      const reason = describeError(error);
      return (await halt(db, current, event, reason, at))
        ? { kind: 'halted', checkpoint: { ...current, status: 'halted' }, poison: event, reason }
        : { kind: 'moved' };
    }
  }
  // Every event passed on its own: the failure needed the whole batch. Nothing to halt for.
  return { kind: 'applied', checkpoint: current };
}

/** Halts the projection at `checkpoint` and records the dead letter; false if the checkpoint moved meanwhile. */
async function halt(
  db: Kysely<ReadModelDatabase>,
  checkpoint: Checkpoint,
  poison: RecordedEvent,
  reason: string,
  at: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('projection_checkpoints')
      .set({ status: 'halted', updated_at: at })
      .where('name', '=', checkpoint.name)
      .where('position', '=', checkpoint.position)
      .where('active_generation', '=', BigInt(checkpoint.activeGeneration))
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (result.numUpdatedRows !== 1n) return false;
    await insertDeadLetter(trx, {
      projection: checkpoint.name,
      generation: checkpoint.activeGeneration,
      event: poison,
      reason,
      now: at,
    });
    return true;
  });
}
