/**
 * Dated migrations of the projector's own tables. Projection tables are not migrated: they are versioned by the
 * projection's `version` and rebuilt into a new generation when it changes (see runtime/rebuild.ts).
 *
 * The provider is a static list rather than kysely's FileMigrationProvider, so the webpack bundles of the apps
 * carry the migrations and no directory is read at run time. Names sort by date; a new one goes at the end.
 */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { isPostgres } from '../database/sql-dialect';
import type { ReadModelDatabase } from '../database/read-model-database';
import * as checkpoints from './2026_11_27_001_projection_checkpoints';
import * as deadLetters from './2026_11_27_002_projection_dead_letters';
import * as skips from './2026_11_27_003_projection_skips';
import * as changes from './2026_11_27_004_read_model_changes';
import * as source from './2026_12_05_005_read_model_source';
import * as caseEventCopies from './2026_12_07_006_drop_case_event_copies';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '2026_11_27_001_projection_checkpoints': checkpoints,
  '2026_11_27_002_projection_dead_letters': deadLetters,
  '2026_11_27_003_projection_skips': skips,
  '2026_11_27_004_read_model_changes': changes,
  '2026_12_05_005_read_model_source': source,
  '2026_12_07_006_drop_case_event_copies': caseEventCopies,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

/** A migration failed; the database is left at the last one that succeeded. */
export class ReadModelMigrationFailed extends Error {
  override readonly name = 'ReadModelMigrationFailed';
}

/**
 * Brings the read-model database to the latest migration. Safe to run from several processes at once: on SQLite each
 * migration runs in an IMMEDIATE transaction, on PostgreSQL in one transaction under kysely's advisory lock (after
 * the schema is created under one of ours), so the second process waits and finds nothing left to do.
 * Returns the names applied by this call (empty when already up to date).
 */
export async function migrateReadModels(db: Kysely<ReadModelDatabase>): Promise<string[]> {
  // On PostgreSQL the migrator must be told the schema: without it, kysely looks its tables up by name in every
  // schema of the database, and another schema's read_model_migrations (a parallel test, another environment)
  // would make it skip creating ours.
  const schema = isPostgres(db) ? await ensureSchema(db) : undefined;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'read_model_migrations',
    migrationLockTableName: 'read_model_migrations_lock',
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  let { error, results = [] } = await migrator.migrateToLatest();
  // kysely's migrator finds its own table by listing every table and column of the database, and a schema or table
  // another process drops during that listing fails it before any migration ran: list again.
  for (let retry = 1; retry <= LISTING_RETRIES && error && droppedDuringListing(error, results, schema); retry += 1)
    ({ error, results = [] } = await migrator.migrateToLatest());
  if (error) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    const detail = error instanceof Error ? error.message : String(error);
    throw new ReadModelMigrationFailed(`Read-model migration ${failed} failed: ${detail}`, { cause: error });
  }
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

const LISTING_RETRIES = 5;

/**
 * What a concurrent DROP elsewhere does to the listing: 3F000 for a schema ("schema … does not exist"; ours is never
 * dropped under us, so one naming ours is real), 42P01 for a table, and 42703 for a column, which the listing's
 * `pg_get_serial_sequence` looks up by name ("column … of relation … does not exist"). Only before any migration
 * ran: a migration's own failure is reported, never retried.
 */
export function droppedDuringListing(
  error: unknown,
  results: readonly { readonly status: string }[],
  ownSchema: string | undefined,
): boolean {
  if (ownSchema === undefined || results.some((result) => result.status === 'Error')) return false;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '3F000') return !String((error as Error).message).includes(`"${ownSchema}"`);
  return code === '42P01' || code === '42703';
}

/**
 * Creates the schema the connections' search_path names (postgres-read-model-database.ts) and returns its name. CREATE SCHEMA IF NOT
 * EXISTS is not safe against a concurrent twin (it can fail on the catalog's unique index), hence the lock.
 */
async function ensureSchema(db: Kysely<ReadModelDatabase>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      schema: string;
    }>`select split_part(current_setting('search_path'), ',', 1) as schema`.execute(trx);
    const schema = rows[0].schema.trim().replace(/^"|"$/g, '');
    await sql`select pg_advisory_xact_lock(hashtext('thads.read_models.schema'), hashtext(${schema}))`.execute(trx);
    await sql`create schema if not exists ${sql.id(schema)}`.execute(trx);
    return schema;
  });
}
