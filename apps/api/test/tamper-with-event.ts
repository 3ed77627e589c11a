import Database from 'better-sqlite3';

/**
 * Alters one stored event behind the engine's back, as an attacker with the database file would: drops the trigger
 * that refuses UPDATE, rewrites the event's data, and leaves the hashes as they were. Returns nothing; verify must
 * find it.
 */
export function tamperWithEventData(databaseFile: string, eventId: string, change: (data: Record<string, unknown>) => Record<string, unknown>): void {
  const db = new Database(databaseFile);
  try {
    db.exec('DROP TRIGGER IF EXISTS events_no_update');
    const row = db.prepare('SELECT data FROM events WHERE id = ?').get(eventId) as { data: string } | undefined;
    if (row === undefined) throw new Error(`No event ${eventId} in ${databaseFile}`);
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(JSON.stringify(change(JSON.parse(row.data) as Record<string, unknown>)), eventId);
  } finally {
    db.close();
  }
}
