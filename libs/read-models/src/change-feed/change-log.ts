/**
 * The read-model change log: what the reporting service's SSE feed replays and follows.
 *
 * - The live runner logs the keys a batch changed inside the batch's transaction (runtime/apply-batch.ts), after
 *   the rows and the guarded checkpoint update: a rolled-back batch (poison hunt, a checkpoint that moved) logs
 *   nothing, and a batch applied exactly once is logged exactly once.
 * - A rebuild logs nothing for the history it replays: those rows equal what the live runner had already logged.
 *   Its swap logs one `$rebuilt` marker at the swap position, in the swap's transaction, because a version bump
 *   may change every row at once; a client re-reads the whole projection on it.
 * - Ids increase in commit order: SQLite runs one writing transaction at a time, so a reader never sees id n+1
 *   before id n. On PostgreSQL a sequence hands ids out at INSERT, not at commit, so writers take the change-log
 *   lock (`lockChangeLog`, a transaction-level advisory lock) right before inserting: from their first id to their
 *   commit no other writer inserts, and a reader that sees id n has seen every id below it. Both callers log last
 *   in their transaction, so the lock is held only for the insert and the commit.
 */
import type { Kysely, Transaction } from 'kysely';
import type { RecordedEvent } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { lockChangeLog } from '../database/sql-dialect';
import type { ChangedKey, Projection } from '../projection';

/** The key of the marker a rebuild's swap logs: every row of the projection may have changed. */
export const REBUILT_MARKER_KEY = '$rebuilt';

/** One logged change, as the feed serves it. */
export interface ReadModelChange {
  readonly id: bigint;
  readonly projection: string;
  readonly key: string;
  readonly position: bigint;
  readonly changedAt: string;
}

/** 4 columns × 500 rows stays far below SQLite's 32 766 bound parameters. */
const ROWS_PER_INSERT = 500;

/**
 * The keys a batch of handled events changed, one per key at its last position, in position order: the
 * projection's own `changedKeys`, or else the stream of each event.
 */
export function changedKeysOf(projection: Projection, events: readonly RecordedEvent[]): ChangedKey[] {
  const keys = projection.changedKeys
    ? projection.changedKeys(events)
    : events.map((event) => ({ key: event.stream, position: event.position }));
  const latest = new Map<string, bigint>();
  for (const { key, position } of keys) {
    const seen = latest.get(key);
    if (seen === undefined || position > seen) latest.set(key, position);
  }
  return [...latest]
    .map(([key, position]) => ({ key, position }))
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}

/** Logs the keys the batch changed; called inside the batch transaction, after `apply`. */
export async function logBatchChanges(
  trx: Transaction<ReadModelDatabase>,
  projection: Projection,
  events: readonly RecordedEvent[],
  at: string,
): Promise<void> {
  const rows = changedKeysOf(projection, events).map(({ key, position }) => ({
    projection: projection.name,
    key,
    position,
    changed_at: at,
  }));
  if (rows.length > 0) await lockChangeLog(trx);
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    await trx
      .insertInto('read_model_changes')
      .values(rows.slice(start, start + ROWS_PER_INSERT))
      .execute();
  }
}

/** Logs the one marker of a rebuild's swap; called inside the swap transaction. */
export async function logRebuildSwap(
  trx: Transaction<ReadModelDatabase>,
  projection: string,
  position: bigint,
  at: string,
): Promise<void> {
  await lockChangeLog(trx);
  await trx
    .insertInto('read_model_changes')
    .values({ projection, key: REBUILT_MARKER_KEY, position, changed_at: at })
    .execute();
}

/** Options of readChanges. */
export interface ReadChangesQuery {
  /** Exclusive: changes with a greater id. 0n for all. */
  readonly afterId: bigint;
  /** Only this projection's changes. */
  readonly projection?: string;
  /** Most rows returned. */
  readonly limit: number;
}

/** Logged changes after `afterId`, oldest first. */
export async function readChanges(db: Kysely<ReadModelDatabase>, query: ReadChangesQuery): Promise<ReadModelChange[]> {
  let select = db.selectFrom('read_model_changes').selectAll().where('id', '>', query.afterId);
  if (query.projection !== undefined) select = select.where('projection', '=', query.projection);
  const rows = await select.orderBy('id').limit(query.limit).execute();
  return rows.map((row) => ({
    id: BigInt(row.id),
    projection: row.projection,
    key: row.key,
    position: BigInt(row.position),
    changedAt: row.changed_at,
  }));
}
