/// <reference types="jest" />
/**
 * Test-only helpers for suites that need a real PostgreSQL (`*.int-spec.ts`): where it is, whether it answers, a
 * throw-away schema per test. Uses jest globals: import it from test files only
 * (`@thads/event-store/postgres/postgres-test-support`), never from production code.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';

/** What the PostgreSQL legs use when POSTGRES_URL is not set: the CI machine's server (docs/postgresql.md). */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** POSTGRES_URL, or the default. */
export function postgresTestUrl(): string {
  return process.env.POSTGRES_URL || DEFAULT_POSTGRES_URL;
}

/** The URL with any password masked, for messages. */
export function redactedUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

const PROBE = `
  const { Client } = require(process.env.PG_MODULE);
  const client = new Client({ connectionString: process.env.PROBE_URL, connectionTimeoutMillis: 10000 });
  client.connect().then(() => client.query('SELECT 1')).then(() => client.end()).then(() => process.exit(0), () => process.exit(1));
`;

/**
 * True when a connection to `url` succeeds. Synchronous (a child process), because jest declares tests
 * synchronously and must know at that point whether to declare them at all.
 */
export function canReachPostgres(url: string): boolean {
  const outcome = spawnSync(process.execPath, ['-e', PROBE], {
    env: { ...process.env, PROBE_URL: url, PG_MODULE: require.resolve('pg') },
    timeout: 30_000,
    stdio: 'ignore',
  });
  return outcome.status === 0;
}

/**
 * Declares `body` under `describe(title)` when PostgreSQL answers. When it does not, prints one line saying the leg
 * was skipped and how to run it, and registers a single skipped test with that title, so the run reports the skip
 * instead of passing silently.
 */
export function describeWithPostgres(title: string, body: (url: string) => void): void {
  const url = postgresTestUrl();
  if (canReachPostgres(url)) {
    describe(title, () => body(url));
    return;
  }
  const line = `PostgreSQL leg skipped: cannot reach ${redactedUrl(url)}; start PostgreSQL or set POSTGRES_URL (see docs/postgresql.md)`;
  process.stderr.write(`${line}\n`);
  describe.skip(line, () => {
    it(title, () => undefined);
  });
}

/** A fresh schema name, unique per call: `<prefix>_<16 hex>`. */
export function randomSchemaName(prefix = 'es_test'): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/**
 * An administrative pool for a test file: raw clients for holding transactions open, and dropping schemas.
 * Call `end()` in afterAll.
 */
export function adminPool(url: string): Pool & { dropSchema(schema: string): Promise<void> } {
  const pool = new Pool({ connectionString: url, max: 6 });
  pool.on('error', () => undefined);
  return Object.assign(pool, {
    async dropSchema(schema: string): Promise<void> {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  });
}
