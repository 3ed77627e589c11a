import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { testEvent, testEvents, testMetadata } from '@thads/event-store/conformance';
import { InvalidEventMetadata, WrongExpectedRevision } from '../errors';
import type { EventToAppend } from '../event-store';
import { verifyChain } from '../hash-chain';
import { createSqliteEventStore, type SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

describe('sqlite group commit', () => {
  let dir: string;
  let store: SqliteEventStore;
  const open = (options: Partial<SqliteEventStoreOptions> = {}) => {
    store = createSqliteEventStore({ filename: join(dir, 'events.db'), ...options });
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'thads-group-commit-'));
  });

  afterEach(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits 50 appends issued in one tick in one transaction (one fsync)', async () => {
    open();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.append(`case-${i}`, testEvents(2), { expectedRevision: 'no_stream' })),
    );
    expect(results).toHaveLength(50);
    expect(store.groupCommitStats()).toEqual({ transactions: 1, appends: 50, largestGroup: 50 });
    expect(await store.readAll()).toHaveLength(100);
  });

  it('commits appends awaited one by one in separate transactions', async () => {
    open();
    for (let i = 0; i < 3; i++) await store.append('case-1', testEvents(1), { expectedRevision: 'any' });
    expect(store.groupCommitStats()).toMatchObject({ transactions: 3, appends: 3 });
  });

  it('gathers appends that arrive a few per turn of the event loop into one transaction', async () => {
    open({ groupGatherMs: 60_000 });
    const appends: Promise<unknown>[] = [];
    for (let turn = 0; turn < 5; turn++) {
      appends.push(store.append(`case-${turn}`, testEvents(1), { expectedRevision: 'no_stream' }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(appends);
    expect(store.groupCommitStats()).toEqual({ transactions: 1, appends: 5, largestGroup: 5 });
  });

  it('commits a burst at the turn after it stopped growing, without waiting for groupGatherMs', async () => {
    open({ groupGatherMs: 600_000 });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => store.append(`case-${i}`, testEvents(1), { expectedRevision: 'no_stream' })),
    );
    expect(store.groupCommitStats()).toMatchObject({ transactions: 1, appends: 10 });
  });

  it('commits a group that keeps growing once its first append has waited groupGatherMs', async () => {
    open({ groupGatherMs: 5, maxGroupSize: 100_000 });
    let firstCommitted = false;
    const first = store
      .append('case-0', testEvents(1), { expectedRevision: 'no_stream' })
      .then(() => (firstCommitted = true));
    const more: Promise<unknown>[] = [];
    // A new append every turn: without the time limit the group would grow until the appends stop.
    for (let i = 1; i <= 20_000 && !firstCommitted; i++) {
      more.push(store.append(`case-${i}`, testEvents(1), { expectedRevision: 'no_stream' }));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all([first, ...more]);
    expect(more.length).toBeLessThan(20_000);
    expect(store.groupCommitStats().largestGroup).toBeGreaterThan(1);
  });

  it('splits a burst larger than maxGroupSize into several transactions, in order', async () => {
    open({ maxGroupSize: 4 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        store.append('case-1', testEvents(1), { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) }),
      ),
    );
    expect(results.map((result) => result.nextRevision)).toEqual(Array.from({ length: 10 }, (_, i) => BigInt(i)));
    expect(store.groupCommitStats()).toMatchObject({ transactions: 3, appends: 10, largestGroup: 4 });
    expect(verifyChain(await store.readStream('case-1'))).toEqual({ ok: true });
  });

  it('fails only the failing appends of a group; their events are not written, their neighbours are', async () => {
    open();
    // A trigger installed by another connection makes an insert fail after the append's first row went in,
    // which exercises the per-append savepoint rollback.
    const other = new Database(join(dir, 'events.db'));
    other.exec(
      `CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.type = 'Boom' BEGIN SELECT RAISE(ABORT, 'boom'); END`,
    );
    other.close();
    await store.append('case-0', testEvents(1), { expectedRevision: 'no_stream' });
    const invalid = { ...testEvent(), metadata: { ...testMetadata(), commandId: '' } } as EventToAppend;
    const outcomes = await Promise.allSettled([
      store.append('case-1', testEvents(2), { expectedRevision: 'no_stream' }),
      store.append('case-0', testEvents(1), { expectedRevision: 5n }),
      store.append('case-2', [testEvent('Fine'), testEvent('Boom')], { expectedRevision: 'no_stream' }),
      store.append('case-3', [testEvent(), invalid], { expectedRevision: 'no_stream' }),
      store.append('case-4', testEvents(1), { expectedRevision: 'no_stream' }),
      store.append('case-1', testEvents(1), { expectedRevision: 1n }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const reasons = outcomes.map((outcome) => (outcome.status === 'rejected' ? outcome.reason : undefined));
    expect(reasons[1]).toBeInstanceOf(WrongExpectedRevision);
    expect(String(reasons[2])).toMatch(/boom/);
    expect(reasons[3]).toBeInstanceOf(InvalidEventMetadata);
    expect(store.groupCommitStats()).toMatchObject({ transactions: 2, appends: 6 });
    const streams = (await store.readAll()).map((event) => `${event.stream}@${event.revision}`);
    expect(streams).toEqual(['case-0@0', 'case-1@0', 'case-1@1', 'case-4@0', 'case-1@2']);
    expect(verifyChain(await store.readAll())).toEqual({ ok: true });
  });

  it('continues a stream that another connection appended to since its own last append', async () => {
    const mine = open();
    const other = createSqliteEventStore({ filename: join(dir, 'events.db') });
    try {
      await mine.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      await other.append('case-1', testEvents(1), { expectedRevision: 0n });
      await expect(mine.append('case-1', testEvents(1), { expectedRevision: 1n })).resolves.toMatchObject({
        nextRevision: 2n,
      });
      await expect(mine.append('case-1', testEvents(1), { expectedRevision: 'any' })).resolves.toMatchObject({
        nextRevision: 3n,
      });
      expect(verifyChain(await mine.readAll())).toEqual({ ok: true });
    } finally {
      await other.close();
    }
  });

  it('chains appends to one stream within one group and across groups', async () => {
    open();
    await Promise.all([
      store.append('case-1', testEvents(2), { expectedRevision: 'no_stream' }),
      store.append('case-1', testEvents(1), { expectedRevision: 1n }),
    ]);
    await store.append('case-1', testEvents(1), { expectedRevision: 2n });
    await expect(store.append('case-1', testEvents(1), { expectedRevision: 2n })).rejects.toBeInstanceOf(
      WrongExpectedRevision,
    );
    expect((await store.readStream('case-1')).map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n]);
    expect(verifyChain(await store.readAll())).toEqual({ ok: true });
  });

  it('stamps every event of a group with one recordedAt, read from the store clock', async () => {
    let tick = 0;
    open({ now: () => new Date(Date.UTC(2026, 6, 1, 0, 0, tick++)) });
    await Promise.all([
      store.append('case-1', testEvents(1), { expectedRevision: 'any' }),
      store.append('case-2', testEvents(1), { expectedRevision: 'any' }),
    ]);
    await store.append('case-3', testEvents(1), { expectedRevision: 'any' });
    expect((await store.readAll()).map((event) => event.metadata.recordedAt)).toEqual([
      '2026-07-01T00:00:00.000Z',
      '2026-07-01T00:00:00.000Z',
      '2026-07-01T00:00:01.000Z',
    ]);
  });
});
