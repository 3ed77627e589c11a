/**
 * The few places where SQLite and PostgreSQL need different SQL, behind small switches on the kysely adapter, so the
 * runtime and the projections stay one code path (see docs/postgresql.md, "Read models").
 *
 * SQLite runs one writing transaction at a time (BEGIN IMMEDIATE), so a read-check-write transaction there is
 * serialized for free. PostgreSQL runs them concurrently at READ COMMITTED: the transactions that read a checkpoint
 * row and then decide (create it, claim a rebuild, swap, skip) take a per-projection transaction-level advisory lock
 * first, and change-log writers take one lock so that change ids become visible in id order.
 */
import {
  PostgresAdapter,
  sql,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  type Transaction,
} from 'kysely';

type AnyDb = Kysely<any> | Transaction<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Whether the database behind `db` is PostgreSQL (otherwise SQLite). */
export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Adds a surrogate key `id` that is never reused: SQLite `INTEGER PRIMARY KEY AUTOINCREMENT`, PostgreSQL `BIGSERIAL`
 * (a sequence never hands a value out twice; kysely's autoIncrement() would emit MySQL's AUTO_INCREMENT there).
 */
export function addIdColumn<T extends string>(db: AnyDb, table: CreateTableBuilder<T>): CreateTableBuilder<T, 'id'> {
  if (isPostgres(db))
    return table.addColumn('id', 'bigserial', (column: ColumnDefinitionBuilder) => column.primaryKey());
  return table.addColumn('id', 'integer', (column: ColumnDefinitionBuilder) => column.primaryKey().autoIncrement());
}

/**
 * Stores a table's rows in its primary key's order (SQLite `WITHOUT ROWID`), so a scan in key order reads the rows
 * themselves instead of an index and a row lookup per entry. PostgreSQL has no such table kind: unchanged there.
 */
export function clusteredByPrimaryKey<T extends string, C extends string>(
  db: AnyDb,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  return isPostgres(db) ? table : table.modifyEnd(sql`without rowid`);
}

/**
 * Serializes, on PostgreSQL, the transactions that read a projection's checkpoint row and then act on what they read
 * (ensureCheckpoint, rebuild claim, swap and abandon, skip). Released at commit or rollback. The key includes the
 * schema, so two read-model schemas in one database (parallel tests) do not wait on each other. No-op on SQLite.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockProjectionRow(trx: Transaction<any>, projection: string): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext('thads.read_models.checkpoint'), hashtext(current_schema() || '/' || ${projection}))`.execute(
    trx,
  );
}

/**
 * Makes change-log ids appear in commit order on PostgreSQL. A sequence hands out ids at INSERT time, and two
 * transactions may commit in the other order, so a feed reader could see id n+1, resume after it and never see n.
 * Taking this transaction-level lock right before inserting change rows serializes change-log writers from their
 * first id to their commit: every id below a visible id is already visible. Callers take it last in their
 * transaction (nothing else waited for while holding it, so it closes no deadlock cycle). No-op on SQLite, where one
 * writer at a time already gives the order.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockChangeLog(trx: Transaction<any>): Promise<void> {
  if (!isPostgres(trx)) return;
  await sql`select pg_advisory_xact_lock(hashtext('thads.read_models.changes'), hashtext(current_schema()))`.execute(
    trx,
  );
}
