/**
 * Kysely's SQLite dialect with two changes that matter when several processes share one read-model file
 * (the API's embedded projector, a standalone worker, the CLI rebuilding):
 *
 * - Writing transactions start with BEGIN IMMEDIATE. A plain BEGIN takes the write lock only at the first write,
 *   and a transaction that read first and then wants to write fails with SQLITE_BUSY instead of waiting for
 *   busy_timeout. IMMEDIATE waits up front, so checkpoints, rebuild swaps and skips queue up instead of failing.
 *   Read-only transactions (`setAccessMode('read only')`) stay deferred: a query snapshot takes no lock.
 * - The adapter reports transactional DDL, which SQLite has and kysely's adapter does not claim: the migrator then
 *   runs every migration in one IMMEDIATE transaction, so two processes starting at once cannot both migrate.
 */
import type Database from 'better-sqlite3';
import { withStatementCache } from '@thads/event-store';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type TransactionSettings,
} from 'kysely';

/** The dialect for a better-sqlite3 connection to a read-model file. */
export function sqliteReadModelDialect(database: Database.Database): Dialect {
  // Statements are prepared once per SQL text (withStatementCache), not on every query.
  const sqlite = new SqliteDialect({ database: withStatementCache(database) });
  return {
    createDriver: () => withImmediateTransactions(sqlite.createDriver()),
    createQueryCompiler: () => sqlite.createQueryCompiler(),
    createAdapter: () => new SqliteAdapterWithTransactionalDdl(),
    createIntrospector: (db) => sqlite.createIntrospector(db),
  };
}

class SqliteAdapterWithTransactionalDdl extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

function withImmediateTransactions(driver: Driver): Driver {
  return {
    init: () => driver.init(),
    acquireConnection: () => driver.acquireConnection(),
    beginTransaction: async (connection: DatabaseConnection, settings: TransactionSettings) => {
      const begin = settings.accessMode === 'read only' ? 'begin deferred' : 'begin immediate';
      await connection.executeQuery(CompiledQuery.raw(begin));
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
