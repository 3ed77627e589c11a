/**
 * The read-model database on PostgreSQL (READ_MODEL_URL=postgres://…, docs/architecture.md production topology). All tables
 * live in one schema (default `read_models`, or `?schema=` in the URL) reached through the connections' search_path,
 * so every query above this file uses the same unqualified names as on SQLite.
 */
import { Kysely, PostgresDialect, type DatabaseConnection, type Dialect, type Driver, CompiledQuery } from 'kysely';
import { Pool, types, type PoolConfig } from 'pg';
import type { ReadModelDatabase } from './read-model-database';

/** The schema when the URL names none. */
export const DEFAULT_READ_MODEL_SCHEMA = 'read_models';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** A postgres:// READ_MODEL_URL split into what pg connects to and the schema the read models live in. */
export interface PostgresReadModelTarget {
  readonly connectionString: string;
  readonly schema: string;
}

/** Splits `?schema=` off the URL; throws a message naming READ_MODEL_URL for a bad schema name. */
export function parsePostgresReadModelUrl(url: string): PostgresReadModelTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? DEFAULT_READ_MODEL_SCHEMA;
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`READ_MODEL_URL: schema "${schema}" must be lower-case letters, digits and _`);
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

/**
 * int8 and numeric columns arrive as strings from pg; the read-model code expects bigint, as better-sqlite3 gives it
 * with safe integers (positions exceed 2^53 on the PostgreSQL event store). Per pool, not pg's global registry.
 */
const bigintTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === types.builtins.INT8) return (value: string) => BigInt(value);
    return format === undefined ? types.getTypeParser(oid) : types.getTypeParser(oid, format);
  }) as typeof types.getTypeParser,
};

/** Pool settings for the read-model schema: search_path pinned per connection, int8 as bigint. */
export function readModelPoolConfig(
  target: PostgresReadModelTarget,
  extra: Omit<PoolConfig, 'connectionString'> = {},
): PoolConfig {
  return {
    max: 10,
    ...extra,
    connectionString: target.connectionString,
    options: `-c search_path=${target.schema}`,
    types: bigintTypes,
  };
}

/** Kysely over a pg pool for the read models; destroying it ends the pool. */
export function openPostgresReadModels(target: PostgresReadModelTarget): Kysely<ReadModelDatabase> {
  const pool = new Pool(readModelPoolConfig(target));
  // A broken idle connection emits 'error'; unhandled it would crash the process. The next query reports an outage.
  pool.on('error', () => undefined);
  // A connection that breaks while checked out (between the statements of a transaction, during a server restart)
  // emits 'error' too, and pg-pool listens only while it is idle: without this, one restart could end the process.
  // The query in flight rejects on its own, and the pool discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<ReadModelDatabase>({ dialect: postgresReadModelDialect(pool) });
}

/**
 * Kysely's PostgreSQL dialect, except that read-only transactions run at REPEATABLE READ: a query reads its rows and
 * the checkpoint position they reflect in one snapshot (READ COMMITTED takes a new snapshot per statement, so the
 * position could be newer than the rows). Writing transactions stay READ COMMITTED: the guarded checkpoint update
 * re-checks its WHERE clause against the committed row, which is what makes a batch exactly-once.
 */
function postgresReadModelDialect(pool: Pool): Dialect {
  const postgres = new PostgresDialect({ pool });
  return {
    createDriver: () => withSnapshotReads(postgres.createDriver()),
    createQueryCompiler: () => postgres.createQueryCompiler(),
    createAdapter: () => postgres.createAdapter(),
    createIntrospector: (db) => postgres.createIntrospector(db),
  };
}

function withSnapshotReads(driver: Driver): Driver {
  return {
    init: () => driver.init(),
    acquireConnection: () => driver.acquireConnection(),
    beginTransaction: async (connection: DatabaseConnection, settings) => {
      if (settings.accessMode === 'read only' && !settings.isolationLevel) {
        await connection.executeQuery(
          CompiledQuery.raw('start transaction isolation level repeatable read, read only'),
        );
        return;
      }
      await driver.beginTransaction(connection, settings);
    },
    commitTransaction: (connection) => driver.commitTransaction(connection),
    rollbackTransaction: (connection) => driver.rollbackTransaction(connection),
    savepoint: driver.savepoint?.bind(driver),
    rollbackToSavepoint: driver.rollbackToSavepoint?.bind(driver),
    releaseSavepoint: driver.releaseSavepoint?.bind(driver),
    releaseConnection: (connection) => driver.releaseConnection(connection),
    destroy: () => driver.destroy(),
  };
}
