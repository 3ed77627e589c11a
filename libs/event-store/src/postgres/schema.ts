/**
 * The PostgreSQL events schema and its start-up migration. Raw SQL, like the SQLite schema: the parts that matter
 * (xid8, the position formula, triggers, advisory locks) are PostgreSQL-specific anyway. Needs PostgreSQL 14+
 * (xid8 functions from 13, CREATE OR REPLACE TRIGGER from 14).
 */
import type { ClientBase, Pool } from 'pg';

/** Schema version kept in `<schema>.event_store_schema`; bump with a migration step below. */
export const EVENTS_SCHEMA_VERSION = 2;

/**
 * Events per transaction that one position block can hold: position = xid × POSITION_STRIDE + index in the append.
 * 2^20 leaves 2^43 transaction ids (2048 xid epochs) before a bigint overflows.
 */
export const POSITION_STRIDE = 1n << 20n;

/** Where one store lives: the quoted table name for SQL text, and the NOTIFY channel its appends signal. */
export interface EventsTableRef {
  readonly schema: string;
  /** `"schema".events`, safe to splice into SQL text. */
  readonly table: string;
  /** LISTEN/NOTIFY channel, `<schema>.events`. */
  readonly channel: string;
}

/** Only plain lower-case names: they need no quoting rules, and `<schema>.events` stays a legal channel (≤ 63 bytes). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,55}$/;

/** Validates the schema name and derives the table reference. Throws RangeError for a name outside [a-z0-9_]. */
export function eventsTableRef(schema: string): EventsTableRef {
  if (!SCHEMA_NAME.test(schema))
    throw new RangeError(`PostgreSQL event store schema must match ${SCHEMA_NAME.source}, got "${schema}"`);
  return { schema, table: `"${schema}".events`, channel: `${schema}.events` };
}

/** Fixed key space of the migration's advisory lock; the second key is the schema name's hash. */
const MIGRATION_LOCK_CLASS = 0x74686164; // 'thad'

function schemaV1({ schema, table }: EventsTableRef): string {
  const stride = POSITION_STRIDE.toString();
  return `
    CREATE SCHEMA IF NOT EXISTS "${schema}";
    CREATE TABLE IF NOT EXISTS ${table} (
      -- Derived from the appending transaction's id (see visibility.ts): readers serve positions in transaction-id
      -- order below a horizon, so a position is never passed over by a transaction that commits later.
      position       BIGINT NOT NULL PRIMARY KEY,
      transaction_id XID8   NOT NULL DEFAULT pg_current_xact_id(),
      id             UUID   NOT NULL UNIQUE,
      stream         TEXT   NOT NULL,
      category       TEXT   NOT NULL,
      revision       BIGINT NOT NULL CHECK (revision >= 0),
      type           TEXT   NOT NULL,
      -- Canonical JSON as TEXT, byte for byte what was hashed: JSONB would refuse \\u0000 and lone surrogates.
      data           TEXT   NOT NULL,
      metadata       TEXT   NOT NULL,
      -- Copy of metadata.recordedAt (ISO-8601 UTC, sorts as time); cast to timestamptz for date arithmetic.
      recorded_at    TEXT   NOT NULL,
      -- Optimistic concurrency rests on this constraint, not on isolation level (docs/architecture.md).
      CONSTRAINT events_stream_revision_key UNIQUE (stream, revision),
      CONSTRAINT events_position_of_transaction CHECK (position / ${stride} = transaction_id::text::bigint)
    );
    CREATE INDEX IF NOT EXISTS events_category_position ON ${table} (category, position);
    CREATE INDEX IF NOT EXISTS events_type_position ON ${table} (type, position);
    -- History is immutable: corrections are new events. The triggers stop an accidental UPDATE, DELETE or
    -- TRUNCATE; the hash chain detects a deliberate one.
    CREATE OR REPLACE FUNCTION "${schema}".events_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'events are append-only'; END $$;
    CREATE OR REPLACE TRIGGER events_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
      FOR EACH ROW EXECUTE FUNCTION "${schema}".events_append_only();
    CREATE OR REPLACE TRIGGER events_no_truncate BEFORE TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".events_append_only();
    CREATE TABLE IF NOT EXISTS "${schema}".event_store_schema (version INTEGER NOT NULL);
  `;
}

/**
 * The log's identity: one id generated when the schema is created (or upgraded to version 2), never changed. Read
 * models record the id of the log they were built from and refuse another (libs/read-models, read-model-source.ts).
 */
function schemaV2({ schema }: EventsTableRef): string {
  return `
    CREATE TABLE IF NOT EXISTS "${schema}".store_identity (
      id         UUID        NOT NULL PRIMARY KEY DEFAULT gen_random_uuid(),
      created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
    );
    INSERT INTO "${schema}".store_identity (id) SELECT gen_random_uuid()
      WHERE NOT EXISTS (SELECT 1 FROM "${schema}".store_identity);
  `;
}

/** The store's identity (schema version 2). */
export async function readStoreIdentity(pool: Pool, ref: EventsTableRef): Promise<string> {
  const result = await pool.query<{ id: string }>(`SELECT id::text AS id FROM "${ref.schema}".store_identity LIMIT 1`);
  if (!result.rows[0]) throw new Error(`Event store schema "${ref.schema}" has no store identity`);
  return result.rows[0].id;
}

/**
 * Brings the schema to EVENTS_SCHEMA_VERSION. Idempotent (IF NOT EXISTS / OR REPLACE), and serialized by a
 * transaction-scoped advisory lock, because two processes starting at once would otherwise race on
 * CREATE SCHEMA IF NOT EXISTS (which can still fail with a unique violation in the catalog). A schema already at
 * the current version is left alone: CREATE OR REPLACE TRIGGER locks the events table against appends.
 */
export async function migrate(pool: Pool, ref: EventsTableRef): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [MIGRATION_LOCK_CLASS, ref.schema]);
    const version = await storedVersion(client, ref);
    if (version > EVENTS_SCHEMA_VERSION) {
      throw new Error(
        `Event store schema "${ref.schema}" is at version ${version}, newer than this build supports (${EVENTS_SCHEMA_VERSION})`,
      );
    }
    if (version < 1) await client.query(schemaV1(ref));
    if (version < 2) await client.query(schemaV2(ref));
    if (version < EVENTS_SCHEMA_VERSION)
      await client.query(`INSERT INTO "${ref.schema}".event_store_schema (version) VALUES ($1)`, [
        EVENTS_SCHEMA_VERSION,
      ]);
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release(true);
    throw error;
  }
}

async function storedVersion(client: ClientBase, ref: EventsTableRef): Promise<number> {
  const exists = await client.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `"${ref.schema}".event_store_schema`,
  ]);
  if (!exists.rows[0].present) return 0;
  const row = await client.query<{ version: number | null }>(
    `SELECT max(version) AS version FROM "${ref.schema}".event_store_schema`,
  );
  return row.rows[0].version ?? 0;
}

/** Catalog ids of the events table, which the visibility horizon looks for in pg_locks. */
export interface EventsTableIds {
  readonly databaseOid: number;
  readonly relationOid: number;
}

/** Looks up the ids once at start-up. They last as long as the table: recreating it by hand needs a restart. */
export async function eventsTableIds(pool: Pool, ref: EventsTableRef): Promise<EventsTableIds> {
  const result = await pool.query<{ database_oid: string; relation_oid: string | null }>(
    `SELECT (SELECT oid FROM pg_database WHERE datname = current_database())::int8 AS database_oid,
            to_regclass($1)::oid::int8 AS relation_oid`,
    [ref.table],
  );
  const row = result.rows[0];
  if (row.relation_oid === null) throw new Error(`Event store table ${ref.table} is missing after migration`);
  return { databaseOid: Number(row.database_oid), relationOid: Number(row.relation_oid) };
}

/** The durability settings in force for the store's sessions, as PostgreSQL reports them. */
export interface PostgresDurabilitySettings {
  /** `on` | `off`. Off risks corruption on a crash; the start-up check refuses it without an override. */
  readonly fsync: string;
  /** `on` | `remote_apply` | `remote_write` | `local` | `off`. Off may lose acknowledged appends on a crash. */
  readonly synchronousCommit: string;
}

/** Reads fsync and synchronous_commit on a pooled session: the values an append actually runs with. */
export async function readDurabilitySettings(pool: Pool): Promise<PostgresDurabilitySettings> {
  const result = await pool.query<{ fsync: string; synchronous_commit: string }>(
    `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
  );
  return { fsync: result.rows[0].fsync, synchronousCommit: result.rows[0].synchronous_commit };
}
