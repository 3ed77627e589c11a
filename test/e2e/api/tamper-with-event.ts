import Database from 'better-sqlite3';
import { Client } from 'pg';

/**
 * Alters one stored event behind the engine's back, as an attacker with access to the database would: gets past the
 * guard that refuses UPDATE (drops the SQLite trigger, disables the PostgreSQL one), rewrites the event's data, and
 * leaves the hashes as they were. `eventStoreUrl` is the test app's EVENT_STORE_URL (`sqlite:<file>` or
 * `postgres://…?schema=<schema>`). Verify must find it.
 */
export async function tamperWithEventData(
  eventStoreUrl: string,
  eventId: string,
  change: (data: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const rewrite = (json: string) => JSON.stringify(change(JSON.parse(json) as Record<string, unknown>));
  if (eventStoreUrl.startsWith('sqlite:'))
    return tamperInSqlite(eventStoreUrl.slice('sqlite:'.length), eventId, rewrite);
  if (/^postgres(ql)?:/.test(eventStoreUrl)) return tamperInPostgres(eventStoreUrl, eventId, rewrite);
  throw new Error(`tamperWithEventData: no way to alter events at ${eventStoreUrl}`);
}

function tamperInSqlite(databaseFile: string, eventId: string, rewrite: (json: string) => string): void {
  const db = new Database(databaseFile);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_no_update');
    const row = db.prepare('SELECT data FROM events WHERE id = ?').get(eventId) as { data: string } | undefined;
    if (row === undefined) throw new Error(`No event ${eventId} in ${databaseFile}`);
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(rewrite(row.data), eventId);
  } finally {
    db.close();
  }
}

async function tamperInPostgres(url: string, eventId: string, rewrite: (json: string) => string): Promise<void> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'public';
  parsed.searchParams.delete('schema');
  const table = `"${schema.replace(/"/g, '""')}".events`;
  const client = new Client({ connectionString: parsed.toString() });
  await client.connect();
  try {
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER events_no_update_delete`);
    const { rows } = await client.query<{ data: string }>(`SELECT data FROM ${table} WHERE id = $1`, [eventId]);
    if (rows.length === 0) throw new Error(`No event ${eventId} in ${table}`);
    await client.query(`UPDATE ${table} SET data = $1 WHERE id = $2`, [rewrite(rows[0].data), eventId]);
  } finally {
    await client.end();
  }
}
