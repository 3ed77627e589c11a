/**
 * Test-only: read models (and events) on PostgreSQL in throw-away schemas, for the PostgreSQL legs of the read-model
 * specs. Pair with `describeWithPostgres` (`@thads/event-store/postgres/postgres-test-support`), which announces the
 * skip when no server answers.
 */
import { createPostgresEventStore, type PostgresEventStore } from '@thads/event-store';
import { adminPool, randomSchemaName } from '@thads/event-store/postgres/postgres-test-support';
import { openReadModelDatabase, type ReadModelStore } from '../database/open-read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';

/** `url` with `?schema=<schema>` (READ_MODEL_URL form). */
export function urlWithSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}

/** A migrated read-model store in a fresh schema; `drop()` closes it and drops the schema. */
export interface PostgresReadModelsForTest {
  readonly schema: string;
  readonly url: string;
  readonly store: ReadModelStore;
  drop(): Promise<void>;
}

/** Opens and migrates read models in a fresh `rm_test_<random>` schema. */
export async function openPostgresReadModelsForTest(url: string): Promise<PostgresReadModelsForTest> {
  const schema = randomSchemaName('rm_test');
  const schemaUrl = urlWithSchema(url, schema);
  const store = openReadModelDatabase(schemaUrl);
  await migrateReadModels(store.db);
  return {
    schema,
    url: schemaUrl,
    store,
    drop: async () => {
      await store.close();
      await dropSchemas(url, [schema]);
    },
  };
}

/** A PostgreSQL event store in a fresh `es_test_<random>` schema; `drop()` closes it and drops the schema. */
export async function openPostgresEventsForTest(
  url: string,
): Promise<{ schema: string; store: PostgresEventStore; drop(): Promise<void> }> {
  const schema = randomSchemaName('es_test');
  const store = await createPostgresEventStore({ connectionString: url, schema, pollIntervalMs: 50 });
  return {
    schema,
    store,
    drop: async () => {
      await store.close();
      await dropSchemas(url, [schema]);
    },
  };
}

/** Drops the schemas (and everything in them). */
export async function dropSchemas(url: string, schemas: readonly string[]): Promise<void> {
  const admin = adminPool(url);
  try {
    for (const schema of schemas) await admin.dropSchema(schema);
  } finally {
    await admin.end();
  }
}
