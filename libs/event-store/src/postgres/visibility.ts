/**
 * Commit-order safety on PostgreSQL (docs/architecture.md): a reader must never pass over an event that commits later.
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
 *    H = the smallest xid that is running in the statement's snapshot and belongs to a backend holding
 *        RowExclusiveLock on this events table, or, when there is none, the snapshot's xmax (the next xid).
 *        The xid comes from pg_stat_activity.backend_xid, not from pg_locks' transactionid lock: PostgreSQL puts a
 *        new xid in the proc array (where snapshots and backend_xid read it) a moment before it takes that lock.
 *
 *    Why this is safe. The statement's snapshot is taken at t0; pg_locks and pg_stat_activity are read later
 *    (t1, t1' ≥ t0). Take an appender T with xid x < H. Either x was not running at t0 (T ended before), or it
 *    was; then T held the table lock from before x was assigned until its end, and its backend_xid was x from
 *    assignment to end, so had T still been running at both t1 and t1' it would have been counted and H ≤ x.
 *    So T ended by max(t1, t1'). The rows are then read by a second statement, whose snapshot is taken after that
 *    and so sees every such T that committed. (An appender whose xid is assigned after t0 has x ≥ xmax(t0) ≥ H,
 *    so it is outside the served range whatever it does.) Counting too much only lowers H, which is safe.
 *
 *    Why not the plain `pg_snapshot_xmin(pg_current_snapshot())`: that is the oldest running xid of the whole
 *    cluster, so any long write transaction anywhere (a read-model rebuild, a migration, another database's work,
 *    ANALYZE) would hold every subscriber back and make a read right after an acknowledged append miss it. Counting
 *    only this table's appenders keeps the guarantee and drops that coupling.
 *
 * Invariant this relies on: a transaction that inserts into the events table does so before any other write (so it
 * has no xid before it holds the table lock), and is not a prepared (two-phase) transaction, which has no backend
 * and so no backend_xid. The adapter's append transaction is neither (SELECTs, then INSERT, then COMMIT); anything
 * else that writes events must behave the same. The horizon is monotone: later appenders get larger xids.
 *
 * Cost: one pg_locks and pg_stat_activity scan per read (copies of small shared tables; fine at page rates).
 * Both views are readable by any role; backend_xid is shown even for other users' sessions.
 */
import type { ClientBase, Pool } from 'pg';
import { POSITION_STRIDE, type EventsTableIds } from './schema';

const HORIZON_SQL = `
  WITH appenders AS (
    SELECT activity.backend_xid
      FROM pg_catalog.pg_locks AS writing
      JOIN pg_catalog.pg_stat_activity AS activity ON activity.pid = writing.pid
     WHERE writing.locktype = 'relation' AND writing.mode = 'RowExclusiveLock'
       AND writing.database = $1::oid AND writing.relation = $2::oid
       AND activity.backend_xid IS NOT NULL
  )
  SELECT coalesce(min(running), pg_snapshot_xmax(pg_current_snapshot()))::text AS horizon
    FROM pg_snapshot_xip(pg_current_snapshot()) AS running
   WHERE running::xid IN (SELECT backend_xid FROM appenders)`;

/** Something that runs a query: a pool or a client. */
export type Queryable = Pick<Pool, 'query'> | Pick<ClientBase, 'query'>;

/**
 * The visibility bound: every position below it is final (exclusive upper bound for readAll, subscriptions and
 * headPosition). Run it, then read in a separate statement: the read's snapshot must be taken after this returns.
 */
export async function visibleBelow(db: Queryable, ids: EventsTableIds): Promise<bigint> {
  const result = await (db as Pick<Pool, 'query'>).query<{ horizon: string }>(HORIZON_SQL, [
    ids.databaseOid,
    ids.relationOid,
  ]);
  return BigInt(result.rows[0].horizon) * POSITION_STRIDE;
}

/** The SQL expression of the position of the event at 0-based `indexSql` in the current transaction's append. */
export function positionSql(indexSql: string): string {
  return `(pg_current_xact_id()::text::bigint * ${POSITION_STRIDE.toString()} + ${indexSql})`;
}
