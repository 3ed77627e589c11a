import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eventStoreConformance, take, testEvents } from '@thads/event-store/conformance';
import { EventStoreUnavailable, WrongExpectedRevision } from '../errors';
import { verifyChain } from '../hash-chain';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';

/** A fresh directory per test; removed with the WAL and SHM files. */
function tempDatabase(): { filename: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'thads-event-store-'));
  return { filename: join(dir, 'events.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// The file is what production runs (WAL, fsync); ':memory:' is checked too because tests elsewhere use it.
// Page size 2 makes every subscription test cross several catch-up pages.
eventStoreConformance('sqlite file', async () => {
  const file = tempDatabase();
  const store = createSqliteEventStore({ filename: file.filename, subscriptionPageSize: 2 });
  return { store, cleanup: async () => (await store.close(), file.remove()) };
});

eventStoreConformance('sqlite :memory:', async () => {
  const store = createSqliteEventStore({ filename: ':memory:', subscriptionPageSize: 2 });
  return { store, cleanup: () => store.close() };
});

describe('sqlite event store', () => {
  let file: ReturnType<typeof tempDatabase>;
  const opened: SqliteEventStore[] = [];
  const open = (options: { pollIntervalMs?: number; busyTimeoutMs?: number } = {}) => {
    const store = createSqliteEventStore({ filename: file.filename, ...options });
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    file = tempDatabase();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    file.remove();
  });

  it('runs a file database in WAL with synchronous=FULL (2)', () => {
    expect(open().durabilitySettings()).toEqual({ journalMode: 'wal', synchronous: 'FULL', synchronousLevel: 2 });
    const memory = createSqliteEventStore({ filename: ':memory:' });
    expect(memory.durabilitySettings()).toMatchObject({ journalMode: 'memory', synchronous: 'FULL' });
    return memory.close();
  });

  it('keeps events across a reopen, and the chain continues from the stored head', async () => {
    const first = open();
    await first.append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
    await first.close();
    const second = open();
    await second.append('case-1', testEvents(1), { expectedRevision: 1n });
    const events = await second.readStream('case-1');
    expect(events).toHaveLength(3);
    expect(events[2].metadata.prevHash).toBe(events[1].metadata.hash);
    expect(verifyChain(events)).toEqual({ ok: true });
  });

  it('commits queued appends on close, then refuses new work', async () => {
    const store = open();
    const pending = store.append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 1n });
    await expect(store.append('case-1', testEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      EventStoreUnavailable,
    );
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
    expect(await open().readStream('case-1')).toHaveLength(2);
  });

  it('ends live subscriptions on close', async () => {
    const store = open();
    const live = take(store.subscribeToAll(), 1);
    await store.close();
    await expect(live).resolves.toEqual([]);
  });

  it('lets exactly one of two connections on one file win a race for the same revision', async () => {
    const [a, b] = [open(), open()];
    const outcomes = await Promise.allSettled([
      a.append('case-1', testEvents(1), { expectedRevision: 'no_stream' }),
      b.append('case-1', testEvents(1), { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(WrongExpectedRevision);
    expect(await a.readStream('case-1')).toHaveLength(1);
  });

  it('sees commits made by another connection through the poll fallback', async () => {
    const reader = open({ pollIntervalMs: 10 });
    const writer = open();
    const received = take(reader.subscribeToAll(), 3);
    await writer.append('case-1', testEvents(3), { expectedRevision: 'no_stream' });
    expect((await received).map((event) => event.revision)).toEqual([0n, 1n, 2n]);
  });

  it('fails appends with EventStoreUnavailable while another process holds the write lock past busy_timeout', async () => {
    const store = open({ busyTimeoutMs: 20 });
    const other = new Database(file.filename);
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        EventStoreUnavailable,
      );
      other.exec('ROLLBACK');
      await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).resolves.toMatchObject({
        nextRevision: 0n,
      });
    } finally {
      other.close();
    }
  });

  it('refuses UPDATE and DELETE on the events table: history is append-only', async () => {
    const store = open();
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    const other = new Database(file.filename);
    try {
      expect(() => other.exec(`UPDATE events SET data = '{}'`)).toThrow(/append-only/);
      expect(() => other.exec('DELETE FROM events')).toThrow(/append-only/);
    } finally {
      other.close();
    }
  });

  it('reads with any limit, in both directions, beyond the statements it keeps prepared', async () => {
    const store = open();
    await store.append('case-1', testEvents(100), { expectedRevision: 'no_stream' });
    // Each limit is a statement of its own (stream-reads.ts keeps 64); every read must still select exactly.
    for (let maxCount = 0; maxCount <= 100; maxCount++) {
      const forwards = await store.readStream('case-1', { maxCount });
      const backwards = await store.readStreamJson('case-1', { direction: 'backwards', maxCount });
      expect(forwards.map((event) => Number(event.revision))).toEqual([...Array(maxCount).keys()]);
      expect(backwards.map((event) => Number(event.revision))).toEqual([...Array(maxCount).keys()].map((n) => 99 - n));
    }
    expect((await store.readStream('case-1', { maxCount: 1 })).map((event) => event.revision)).toEqual([0n]);
  });

  it('readStreamJson passes on what json_valid accepts and hands over a damaged text as readStream does', async () => {
    const store = open();
    await store.append('case-1', testEvents(4), { expectedRevision: 'no_stream' });
    const other = new Database(file.filename);
    try {
      other.exec('DROP TRIGGER events_no_update');
      const damage = other.prepare('UPDATE events SET data = ? WHERE stream = ? AND revision = ?');
      damage.run('{', 'case-1', 1);
      damage.run('[1]', 'case-1', 2);
      damage.run(' {"n": 3}', 'case-1', 3);
    } finally {
      other.close();
    }
    const json = await store.readStreamJson('case-1');
    const read = await store.readStream('case-1');
    expect(json.map((event) => [event.dataJson, event.unreadable])).toEqual([
      ['{"n":0}', undefined],
      ['{}', read[1].unreadable],
      ['{}', read[2].unreadable],
      [' {"n": 3}', undefined],
    ]);
    expect(json[1].unreadable).toMatch(/data is not valid JSON/);
    expect(json[2].unreadable).toMatch(/data is not a JSON object/);
    expect(json[1].metadataJson).toBe('{}');
  });
});
