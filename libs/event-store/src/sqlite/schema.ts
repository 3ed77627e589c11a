/**
 * Opening an SQLite event database: durability pragmas and the schema. Raw SQL rather than kysely's schema builder,
 * because the parts that matter here (AUTOINCREMENT, triggers, pragmas) are SQLite-specific anyway.
 */
import Database from 'better-sqlite3';
import { ensureOwnerOnlyFile } from './owner-only-file';

/** Schema version kept in PRAGMA user_version; bump with a migration step below. */
export const EVENTS_SCHEMA_VERSION = 1;

const SCHEMA_V1 = `
  CREATE TABLE IF NOT EXISTS events (
    -- AUTOINCREMENT: a position is never reused, even after the last row is rolled back or removed by hand.
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    stream      TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    -- Optimistic concurrency rests on this constraint, not on isolation level (docs/architecture.md).
    UNIQUE (stream, revision)
  );
  CREATE INDEX IF NOT EXISTS events_category_position ON events (category, position);
  CREATE INDEX IF NOT EXISTS events_type_position ON events (type, position);
  -- History is immutable: corrections are new events. The triggers stop an accidental UPDATE or DELETE;
  -- the hash chain detects a deliberate one.
  CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
  CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`;

/** The durability pragmas in force, as SQLite reports them; start-up checks compare them with the expected wal/FULL. */
export interface DurabilitySettings {
  /** `wal` for a file database; `memory` for ':memory:' (SQLite cannot put an in-memory database in WAL). */
  readonly journalMode: string;
  /** `OFF` | `NORMAL` | `FULL` | `EXTRA`. */
  readonly synchronous: string;
  /** The numeric level behind `synchronous` (FULL = 2). */
  readonly synchronousLevel: number;
}

const SYNCHRONOUS_NAMES = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/**
 * Opens (creating if needed) an event database with WAL, synchronous=FULL and a busy timeout, and brings its schema
 * to EVENTS_SCHEMA_VERSION. Integers come back as bigint (revisions and positions are bigint in the port).
 */
export function openEventsDatabase(filename: string, busyTimeoutMs: number): Database.Database {
  ensureOwnerOnlyFile(filename, { create: true });
  const db = new Database(filename);
  try {
    // busy_timeout first, so switching to WAL waits for another process's lock instead of failing.
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    // FULL: in WAL mode, NORMAL may lose the last commits on power loss; an acknowledged fact must survive it.
    db.pragma('synchronous = FULL');
    db.defaultSafeIntegers(true);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database): void {
  // IMMEDIATE: two processes opening a fresh file at once must not both run the DDL half-way.
  db.transaction(() => {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > EVENTS_SCHEMA_VERSION) {
      throw new Error(
        `Event database schema version ${version} is newer than this build supports (${EVENTS_SCHEMA_VERSION})`,
      );
    }
    db.exec(SCHEMA_V1);
    db.pragma(`user_version = ${EVENTS_SCHEMA_VERSION}`);
  }).immediate();
}

/** Reads back the journal mode and synchronous level of an open connection. */
export function readDurabilitySettings(db: Database.Database): DurabilitySettings {
  const journalMode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  const synchronousLevel = Number(db.pragma('synchronous', { simple: true }));
  return {
    journalMode,
    synchronous: SYNCHRONOUS_NAMES[synchronousLevel] ?? String(synchronousLevel),
    synchronousLevel,
  };
}
