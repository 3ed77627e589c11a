/**
 * Commit-order safety on PostgreSQL (DESIGN.md §5): a reader must never pass over an event that commits later.
 *
 * The problem. Appends run concurrently; whatever numbers them at insert time, transaction A can take a lower number
 * than B and commit after B. A reader that serves B and checkpoints at B's position would then never see A.
 *
 * The design, in two parts.
 *
 * 1. Positions follow transaction ids. An append's events get `position = xid × 2^20 + index` (schema.ts), where xid
 *    is the appending transaction's 64-bit id (`pg_current_xact_id()`, never reused). The append's first write is its
 *    INSERT, so the xid is assigned there, while the transaction already holds RowExclusiveLock on the table (taken
 *    when the INSERT is parsed, before it executes).
 *
 * 2. Readers serve only positions below a horizon H, an xid such that every appending transaction with an xid below H
 *    has ended. Then the set of events below H is final: nothing can later appear between positions already served,
 *    so serving in position order and resuming from a single position checkpoint is exact.
 *
 *    H = the smallest xid among transactions that are running and hold RowExclusiveLock on this events table
 *        (pg_locks joined with their own transactionid lock), or, when none is, the snapshot's xmax (the next xid).
 *
 *    Why this is safe. The horizon statement's snapshot is taken at t0 and pg_locks is read at t1 ≥ t0. Take an
 *    appender T with xid x < H. Either x was not running at t0 (it ended before), or it was running at t0; then it
 *    held the table lock from before x was assigned until its end, so had it still been running at t1 it would have
 *    been counted and H ≤ x. So T ended by t1. The rows are then read by a second statement, whose snapshot is
 *    taken after t1 and therefore sees every such T that committed. (An appender whose xid is assigned after t0 has
 *    x ≥ xmax(t0) ≥ H, so it is outside the served range whatever it does.)
 *
 *    Why not the plain `pg_snapshot_xmin(pg_current_snapshot())`: that is the oldest running xid of the whole
 *    cluster, so any long write transaction anywhere (a read-model rebuild, a migration, another database's work,
 *    ANALYZE) would hold every subscriber back and make a read right after an acknowledged append miss it. Counting
 *    only this table's appenders keeps the guarantee and drops that coupling.
 *
 * Invariant this relies on: a transaction that inserts into the events table does so before any other write (so it
 * has no xid before it holds the table lock). The adapter's append transaction does (SELECTs, then INSERT);
 * anything else that writes events must too. The horizon is monotone: appenders that start later get larger xids.
 *
 * Cost: one pg_locks scan per read (a copy of the lock table; fine at subscription page rates).
 */
import type { ClientBase, Pool } from 'pg';
import { POSITION_STRIDE, type EventsTableIds } from './schema';

const HORIZON_SQL = `
  WITH locks AS MATERIALIZED (
    SELECT locktype, database, relation, transactionid, virtualtransaction, mode FROM pg_catalog.pg_locks
  ), appenders AS (
    SELECT own.transactionid
      FROM locks AS writing
      JOIN locks AS own ON own.virtualtransaction = writing.virtualtransaction
     WHERE writing.locktype = 'relation' AND writing.mode = 'RowExclusiveLock'
       AND writing.database = $1::oid AND writing.relation = $2::oid
       AND own.locktype = 'transactionid' AND own.mode = 'ExclusiveLock'
  )
  SELECT coalesce(min(running), pg_snapshot_xmax(pg_current_snapshot()))::text AS horizon
    FROM pg_snapshot_xip(pg_current_snapshot()) AS running
   WHERE running::xid IN (SELECT transactionid FROM appenders)`;

/** Something that runs a query: a pool or a client. */
export type Queryable = Pick<Pool, 'query'> | Pick<ClientBase, 'query'>;

/**
 * The visibility bound: every position below it is final (exclusive upper bound for readAll, subscriptions and
 * headPosition). Run it, then read in a separate statement: the read's snapshot must be taken after this returns.
 */
export async function visibleBelow(db: Queryable, ids: EventsTableIds): Promise<bigint> {
  const result = await (db as Pick<Pool, 'query'>).query<{ horizon: string }>(HORIZON_SQL, [ids.databaseOid, ids.relationOid]);
  return BigInt(result.rows[0].horizon) * POSITION_STRIDE;
}

/** The SQL expression of the position of the event at 0-based `indexSql` in the current transaction's append. */
export function positionSql(indexSql: string): string {
  return `(pg_current_xact_id()::text::bigint * ${POSITION_STRIDE.toString()} + ${indexSql})`;
}
