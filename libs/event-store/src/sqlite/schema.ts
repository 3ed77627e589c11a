/**
 * Opening an SQLite event database: durability pragmas and the schema. Raw SQL rather than kysely's schema builder,
 * because the parts that matter here (AUTOINCREMENT, triggers, pragmas) are SQLite-specific anyway.
 */
import { randomUUID } from 'node:crypto';
import { linkSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ensureOwnerOnlyFile } from './owner-only-file';
import { checkStoreFile, describeOpenFailure } from './store-file';

/** Schema version kept in PRAGMA user_version; bump with a migration step below. */
export const EVENTS_SCHEMA_VERSION = 2;

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

/**
 * The log's identity: one id generated when the store is created (or upgraded to version 2), never changed. Read
 * models record the id of the log they were built from and refuse another (libs/read-models, read-model-source.ts).
 */
const SCHEMA_V2 = `
  CREATE TABLE IF NOT EXISTS store_identity (
    id         TEXT NOT NULL PRIMARY KEY,
    created_at TEXT NOT NULL
  );
  CREATE TRIGGER IF NOT EXISTS store_identity_no_update BEFORE UPDATE ON store_identity
    BEGIN SELECT RAISE(ABORT, 'the store identity is immutable'); END;
  CREATE TRIGGER IF NOT EXISTS store_identity_no_delete BEFORE DELETE ON store_identity
    BEGIN SELECT RAISE(ABORT, 'the store identity is immutable'); END;
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

const WHAT = 'event store';

/**
 * Opens an event database with WAL, synchronous=FULL and a busy timeout, and brings its schema to
 * EVENTS_SCHEMA_VERSION. Integers come back as bigint (revisions and positions are bigint in the port).
 *
 * A missing file is created whole (store-file.ts says why the checks exist): built under a temporary name and linked
 * into place, so no process ever sees a half-made file, and an empty, truncated or foreign file found at `filename` is
 * refused with StoreFileUnusable naming it instead of being taken for a new store. Damage, and a disk too full to
 * open or migrate the file, are StoreFileUnusable too.
 */
export function openEventsDatabase(filename: string, busyTimeoutMs: number): Database.Database {
  const inFile = filename !== ':memory:' && filename !== '';
  if (inFile) {
    ensureOwnerOnlyFile(filename);
    try {
      if (!checkStoreFile(filename, WHAT)) createEventsFile(filename, busyTimeoutMs);
    } catch (error) {
      throw describeOpenFailure(error, filename, WHAT);
    }
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(filename, { fileMustExist: inFile });
    configure(db, busyTimeoutMs);
    migrate(db);
    return db;
  } catch (error) {
    db?.close();
    throw describeOpenFailure(error, filename, WHAT);
  }
}

function configure(db: Database.Database, busyTimeoutMs: number): void {
  // busy_timeout first, so switching to WAL waits for another process's lock instead of failing.
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  // Already WAL (every file is made so) costs no write; a full disk can still open the store.
  if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') db.pragma('journal_mode = WAL');
  // FULL: in WAL mode, NORMAL may lose the last commits on power loss; an acknowledged fact must survive it.
  db.pragma('synchronous = FULL');
  db.defaultSafeIntegers(true);
}

/**
 * Makes a new event database at `filename`: schema and identity in a file of its own, then a hard link to the final
 * name, which fails if another process got there first (its file is then used). Two processes starting on a fresh
 * data directory at once thus never see each other's half-made file.
 */
function createEventsFile(filename: string, busyTimeoutMs: number): void {
  const building = `${filename}.creating-${process.pid}-${randomUUID()}`;
  try {
    ensureOwnerOnlyFile(building, { create: true });
    const db = new Database(building, { fileMustExist: true });
    try {
      configure(db, busyTimeoutMs);
      migrate(db);
    } finally {
      db.close();
    }
    try {
      linkSync(building, filename);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${building}${suffix}`, { force: true });
  }
}

function migrate(db: Database.Database): void {
  const version = () => Number(db.pragma('user_version', { simple: true }));
  const refuseNewer = (found: number) => {
    if (found > EVENTS_SCHEMA_VERSION) {
      throw new Error(
        `Event database schema version ${found} is newer than this build supports (${EVENTS_SCHEMA_VERSION})`,
      );
    }
  };
  // A store at the current version is left alone: no write at start, so a full disk can still open it.
  refuseNewer(version());
  if (version() === EVENTS_SCHEMA_VERSION) return;
  // IMMEDIATE: two processes opening an old file at once must not both run the DDL half-way.
  db.transaction(() => {
    const found = version();
    refuseNewer(found);
    if (found < 1) db.exec(SCHEMA_V1);
    if (found < 2) {
      db.exec(SCHEMA_V2);
      db.prepare(
        'INSERT INTO store_identity (id, created_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM store_identity)',
      ).run(randomUUID(), new Date().toISOString());
    }
    db.pragma(`user_version = ${EVENTS_SCHEMA_VERSION}`);
  }).immediate();
}

/** The store's identity (schema version 2), created with the store. */
export function readStoreIdentity(db: Database.Database): string {
  const row = db.prepare('SELECT id FROM store_identity LIMIT 1').get() as { id: string } | undefined;
  if (!row) throw new Error('The event database has no store identity');
  return row.id;
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
