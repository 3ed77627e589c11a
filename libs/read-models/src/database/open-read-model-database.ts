/**
 * Opening the read-model database chosen by READ_MODEL_URL (docs/architecture.md): `sqlite:<path>` or `postgres://…`
 * (postgres-read-model-database.ts). Everything above works on `Kysely` alone; the few SQL differences are in
 * sql-dialect.ts.
 */
import Database from 'better-sqlite3';
import { ensureOwnerOnlyFile } from '@thads/event-store';
import { Kysely } from 'kysely';
import type { ReadModelDatabase } from './read-model-database';
import { sqliteReadModelDialect } from './sqlite-read-model-dialect';
import {
  parsePostgresReadModelUrl,
  openPostgresReadModels,
  type PostgresReadModelTarget,
} from './postgres-read-model-database';
import { createPostgresLeases, type ProjectionLeases } from '../runtime/projection-leases';

/** A READ_MODEL_URL the engine cannot use; the message names the variable. */
export class InvalidReadModelUrl extends Error {
  override readonly name = 'InvalidReadModelUrl';
}

/** An open read-model database. */
export interface ReadModelStore {
  readonly db: Kysely<ReadModelDatabase>;
  /** Where it lives, for log lines (`sqlite:./data/read.db`). */
  readonly url: string;
  /**
   * PostgreSQL only: opens the projector's leases (one session advisory lock per projection on a dedicated
   * connection), so that each projection has one runner across processes. SQLite needs none (one file, one host).
   */
  readonly openLeases?: () => ProjectionLeases;
  close(): Promise<void>;
}

/** Options of openSqliteReadModels. */
export interface SqliteReadModelOptions {
  /** How long a write waits for another process's lock. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
}

/**
 * Opens the read-model database named by a READ_MODEL_URL: `sqlite:<path>` or `sqlite::memory:` (creating the file
 * and its directory if needed), or `postgres://…[?schema=name]` (default schema `read_models`, created by
 * `migrateReadModels`). Run `migrateReadModels` before use.
 */
export function openReadModelDatabase(url: string, options: SqliteReadModelOptions = {}): ReadModelStore {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) return openPostgres(url);
  if (!url.startsWith('sqlite:')) {
    throw new InvalidReadModelUrl(
      `READ_MODEL_URL: unsupported scheme in "${redact(url)}"; expected sqlite:<path> or postgres://…`,
    );
  }
  const filename = url.slice('sqlite:'.length);
  if (!filename) throw new InvalidReadModelUrl('READ_MODEL_URL: sqlite: needs a file path, e.g. sqlite:./data/read.db');
  const database = openSqliteReadModelFile(filename, options);
  const db = readModelKysely(database);
  return { db, url, close: () => db.destroy() };
}

/**
 * Opens a better-sqlite3 connection the way read models need it: WAL (readers never block the projector),
 * synchronous=FULL (a committed checkpoint survives power loss, or rows and checkpoint could disagree after a crash),
 * a busy timeout for the other processes' write locks, and integers as bigint (positions are bigint in the port).
 */
export function openSqliteReadModelFile(filename: string, options: SqliteReadModelOptions = {}): Database.Database {
  ensureOwnerOnlyFile(filename, { create: true });
  const database = new Database(filename);
  try {
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = FULL');
    database.defaultSafeIntegers(true);
    return database;
  } catch (error) {
    database.close();
    throw error;
  }
}

/** Kysely over an open better-sqlite3 connection; destroying it closes the connection. */
export function readModelKysely(database: Database.Database): Kysely<ReadModelDatabase> {
  return new Kysely<ReadModelDatabase>({ dialect: sqliteReadModelDialect(database) });
}

function openPostgres(url: string): ReadModelStore {
  let target: PostgresReadModelTarget;
  try {
    target = parsePostgresReadModelUrl(url);
  } catch (error) {
    throw new InvalidReadModelUrl(
      error instanceof Error && error.message.startsWith('READ_MODEL_URL')
        ? error.message
        : `READ_MODEL_URL: cannot parse "${redact(url)}"`,
    );
  }
  const db = openPostgresReadModels(target);
  return { db, url: redact(url), openLeases: () => createPostgresLeases(target), close: () => db.destroy() };
}

/** The URL with any password masked, for messages and log lines. */
function redact(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}
