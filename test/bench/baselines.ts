/**
 * Baselines measured in the same run as the metrics they divide: what the disk and the database can do
 * with no engine code at all.
 * - B0: raw better-sqlite3, WAL, synchronous=FULL, on the same disk as the engine's files; one row per transaction
 *   (one fsync per row) and 1,000 rows per transaction.
 * - B1: raw pg, single-row INSERT in autocommit from 16 clients, synchronous_commit on.
 * Rows are the size of a real event (about 1 KB of data and metadata), so the comparison is like for like.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';

const PAYLOAD = JSON.stringify({ filler: 'x'.repeat(400) });
const METADATA = JSON.stringify({ filler: 'm'.repeat(500) });

function openB0(dir: string): Database.Database {
  const db = new Database(join(dir, `b0-${randomUUID()}.db`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE rows (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL, revision INTEGER NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    UNIQUE (stream, revision))`);
  return db;
}

/** B0 single-row: rows/s committing one row per transaction, for about `durationMs`. */
export function b0SingleRow(dir: string, durationMs: number): number {
  const db = openB0(dir);
  try {
    const insert = db.prepare('INSERT INTO rows (id, stream, revision, data, metadata) VALUES (?, ?, ?, ?, ?)');
    const started = performance.now();
    let rows = 0;
    while (performance.now() - started < durationMs) {
      insert.run(randomUUID(), `s-${rows}`, 0, PAYLOAD, METADATA); // autocommit: one transaction, one fsync
      rows += 1;
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

/** B0 1,000-row: rows/s committing 1,000 rows per transaction, for about `durationMs`. */
export function b0ThousandRows(dir: string, durationMs: number): number {
  const db = openB0(dir);
  try {
    const insert = db.prepare('INSERT INTO rows (id, stream, revision, data, metadata) VALUES (?, ?, ?, ?, ?)');
    const batch = db.transaction((from: number) => {
      for (let i = 0; i < 1000; i++) insert.run(randomUUID(), `s-${from + i}`, 0, PAYLOAD, METADATA);
    });
    const started = performance.now();
    let rows = 0;
    while (performance.now() - started < durationMs) {
      batch(rows);
      rows += 1000;
    }
    return rows / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

/** True when PostgreSQL answers at `url` within 3 s. */
export async function postgresUp(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** B1: rows/s of single-row INSERTs (autocommit, synchronous_commit on) from `clients` connections. */
export async function b1(url: string, clients: number, durationMs: number): Promise<number> {
  const table = `bench_b1_${randomUUID().replace(/-/g, '')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE TABLE ${table} (position BIGSERIAL PRIMARY KEY, id UUID NOT NULL UNIQUE,
    stream TEXT NOT NULL, revision BIGINT NOT NULL, data JSONB NOT NULL, metadata JSONB NOT NULL,
    UNIQUE (stream, revision))`);
  const sessions = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: url, options: '-c synchronous_commit=on' });
      await client.connect();
      return client;
    }),
  );
  try {
    let rows = 0;
    const started = performance.now();
    await Promise.all(
      sessions.map(async (client, index) => {
        while (performance.now() - started < durationMs) {
          await client.query(`INSERT INTO ${table} (id, stream, revision, data, metadata) VALUES ($1, $2, 0, $3, $4)`, [
            randomUUID(),
            `s-${index}-${rows}`,
            PAYLOAD,
            METADATA,
          ]);
          rows += 1;
        }
      }),
    );
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await Promise.all(sessions.map((client) => client.end()));
    await admin.query(`DROP TABLE ${table}`);
    await admin.end();
  }
}
