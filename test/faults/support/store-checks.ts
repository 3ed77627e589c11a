/**
 * What a crash must not break, checked on the files the killed processes left behind: the event log (no gap, no
 * duplicate, every acknowledged command present exactly once, hash chains whole), SQLite's own integrity check, and
 * read models equal to a rebuild from zero, table by table.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyAllStreams } from '@thads/application';
import { createSqliteEventStore, type EventStore, type RecordedEvent } from '@thads/event-store';
import type { Acknowledged } from './command-load';
import { createProjector, openSqliteReadModelFile, readModelKysely, readModelProjections } from '@thads/read-models';

/** Every event of the log, in position order. */
export async function readWholeLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let from: bigint | undefined; ;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (!page.length) return events;
    events.push(...page);
    from = page[page.length - 1].position;
  }
}

/** Positions strictly increasing, ids unique, each stream's revisions 0, 1, 2… with no gap. Throws naming the fault. */
export function assertNoGapOrDuplicate(events: readonly RecordedEvent[]): void {
  const ids = new Set<string>();
  const nextRevision = new Map<string, bigint>();
  let lastPosition = -1n;
  for (const event of events) {
    if (event.position <= lastPosition) throw new Error(`position ${event.position} after ${lastPosition}`);
    if (ids.has(event.id)) throw new Error(`event id ${event.id} twice`);
    const expected = nextRevision.get(event.stream) ?? 0n;
    if (event.revision !== expected) {
      throw new Error(`${event.stream}: revision ${event.revision} where ${expected} was due (a gap or a duplicate)`);
    }
    lastPosition = event.position;
    ids.add(event.id);
    nextRevision.set(event.stream, expected + 1n);
  }
}

/**
 * Acknowledged commands not in the log exactly once: each command of the load writes one event, so a 2xx must have
 * exactly one event under its command id in its stream; with `refusals`, a 409 must have left its rejection stream
 * (recorded before the answer; best effort while the store cannot take writes, so off for outages and full disks).
 */
export function unaccounted(
  events: readonly RecordedEvent[],
  acknowledged: readonly Acknowledged[],
  options: { refusals: boolean },
): Acknowledged[] {
  const written = new Map<string, number>();
  const streams = new Set<string>();
  for (const event of events) {
    streams.add(event.stream);
    const key = `${event.stream} ${String(event.metadata.commandId)}`;
    written.set(key, (written.get(key) ?? 0) + 1);
  }
  return acknowledged.filter((ack) => {
    if (ack.status === 409) return options.refusals && !streams.has(ack.stream);
    return written.get(`${ack.stream} ${ack.commandId}`) !== 1;
  });
}

/** `PRAGMA integrity_check` of an SQLite file: 'ok' or SQLite's list of problems. */
export function integrityCheck(filename: string): string {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

/** Runtime tables whose rows carry wall-clock times or ids of this run; everything else is a read model. */
const RUNTIME_TABLES = /^(projection_|read_model_changes|read_model_migrations|read_model_source|kysely_|sqlite_)/;

/** sha256 of each read-model table's rows (sorted, so insertion order does not matter), by table name. */
export function readModelTableHashes(filename: string): Record<string, string> {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  try {
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    )
      .map((row) => row.name)
      .filter((name) => !RUNTIME_TABLES.test(name));
    const hashes: Record<string, string> = {};
    for (const table of tables) {
      const rows = db
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .map((row) =>
          JSON.stringify(row, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
        )
        .sort();
      hashes[table] = `${rows.length} rows ${createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 16)}`;
    }
    return hashes;
  } finally {
    db.close();
  }
}

/** Each projection's checkpoint position in a read-model file. */
export function checkpointPositions(filename: string): Record<string, bigint> {
  const db = new Database(filename, { readonly: true, fileMustExist: true });
  db.defaultSafeIntegers(true);
  try {
    const rows = db.prepare('SELECT name, position FROM projection_checkpoints').all() as {
      name: string;
      position: bigint;
    }[];
    return Object.fromEntries(rows.map((row) => [row.name, row.position]));
  } finally {
    db.close();
  }
}

/** Projects the whole log from zero into a fresh read-model file and returns its table hashes. */
export async function rebuiltTableHashes(eventsFile: string): Promise<Record<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'thads-rebuild-'));
  const store = createSqliteEventStore({ filename: eventsFile });
  const file = join(dir, 'read.db');
  const db = readModelKysely(openSqliteReadModelFile(file));
  try {
    const projector = createProjector({
      eventStore: store,
      db,
      projections: readModelProjections,
      controlPollMs: 0,
      logger: quiet,
    });
    await projector.start();
    await projector.waitForPosition(await store.headPosition(), 300_000);
    await projector.stop();
    await db.destroy();
    return readModelTableHashes(file);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** verify --all over the log: every stream's hash chain. */
export async function verifyAll(eventsFile: string) {
  const store = createSqliteEventStore({ filename: eventsFile });
  try {
    return await verifyAllStreams(store);
  } finally {
    await store.close();
  }
}

const quiet = {
  log: () => undefined,
  warn: () => undefined,
  error: (message: string) => process.stderr.write(`${message}\n`),
};
