/**
 * Where a test app keeps its events and read models. By default SQLite files in the app's temporary data directory;
 * with E2E_STORE=postgres (the `e2e-postgres` jest project, see test/postgres-leg/) a fresh pair of schemas on the
 * PostgreSQL at POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test), dropped when the app closes, so
 * suites running in parallel never see each other's events; with E2E_STORE=esdb events go to EventStoreDB at ESDB_URL.
 */
import { join } from 'node:path';
import { adminPool, postgresTestUrl, randomSchemaName } from '@thads/event-store/postgres/postgres-test-support';

/** The settings a test app gets for its stores, and how to remove them afterwards. */
export interface E2eStores {
  /** EVENT_STORE_URL and, on PostgreSQL, READ_MODEL_URL. */
  readonly env: { readonly EVENT_STORE_URL: string; readonly READ_MODEL_URL?: string };
  /** Drops the PostgreSQL schemas (after the app has closed its pools); nothing on SQLite. */
  drop(): Promise<void>;
}

/** The stores for one test app whose data directory is `dataDir`. */
export function e2eStores(dataDir: string): E2eStores {
  // EventStoreDB leg (docs/eventstoredb.md): events on the server at ESDB_URL, read models in SQLite. The suites use
  // fixed case ids, so it needs a fresh server per run.
  if (process.env.E2E_STORE === 'esdb') {
    const url = process.env.ESDB_URL;
    if (!url)
      throw new Error('E2E_STORE=esdb needs ESDB_URL, e.g. esdb://localhost:2113?tls=false (see docs/eventstoredb.md)');
    return { env: { EVENT_STORE_URL: url }, drop: async () => undefined };
  }
  if (process.env.E2E_STORE !== 'postgres')
    return { env: { EVENT_STORE_URL: `sqlite:${join(dataDir, 'events.db')}` }, drop: async () => undefined };
  const base = postgresTestUrl();
  const schemas = [randomSchemaName('es_e2e'), randomSchemaName('rm_e2e')];
  return {
    env: { EVENT_STORE_URL: withSchema(base, schemas[0]), READ_MODEL_URL: withSchema(base, schemas[1]) },
    async drop() {
      const admin = adminPool(base);
      try {
        for (const schema of schemas) await admin.dropSchema(schema);
      } finally {
        await admin.end();
      }
    },
  };
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('schema', schema);
  return parsed.toString();
}
