/// <reference types="jest" />
/**
 * What operators and the start-up checks rely on: durability read-back, migrations, append-only history, the hash
 * chain matching SQLite's byte for byte, error mapping, and a clean close.
 */
import { testEvent, testEvents, testMetadata } from '../../conformance/fixtures';
import { EventStoreUnavailable } from '../../errors';
import { verifyChain } from '../../hash-chain';
import { createSqliteEventStore } from '../../sqlite/sqlite-event-store';
import { createPostgresEventStore } from '../postgres-event-store';
import type { PgHarness } from './harness';

/** Declares the operational tests. */
export function operationsTests(h: PgHarness): void {
  describe('operations', () => {
    it('reads fsync and synchronous_commit back from the store’s own sessions', async () => {
      const { rows } = await h.admin.query<{ fsync: string; synchronous_commit: string }>(
        `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`,
      );
      expect(await (await h.open()).durabilitySettings()).toEqual({
        fsync: rows[0].fsync,
        synchronousCommit: rows[0].synchronous_commit,
      });
      // A session-level override is what appends would run with, so that is what must be reported.
      const relaxed = await h.open({ pool: { options: '-c synchronous_commit=off' } });
      expect(await relaxed.durabilitySettings()).toMatchObject({ synchronousCommit: 'off' });
    });

    it('migrates idempotently, also when several processes start at once, and refuses a newer schema', async () => {
      const stores = await Promise.all([h.open(), h.open(), h.open()]);
      await stores[0].append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      expect(await (await h.open()).readStream('case-1')).toHaveLength(1);
      await h.admin.query(`INSERT INTO "${h.schema()}".event_store_schema (version) VALUES (99)`);
      await expect(h.open()).rejects.toThrow(/version 99, newer than this build supports/);
    });

    it('refuses UPDATE, DELETE and TRUNCATE on events: history is append-only', async () => {
      await (await h.open()).append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const table = `"${h.schema()}".events`;
      await expect(h.admin.query(`UPDATE ${table} SET data = '{}'`)).rejects.toThrow(/append-only/);
      await expect(h.admin.query(`DELETE FROM ${table}`)).rejects.toThrow(/append-only/);
      await expect(h.admin.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only/);
    });

    it('chains hashes byte-identical to SQLite’s for the same events at the same recordedAt', async () => {
      const now = () => new Date('2026-07-01T01:02:03.456Z');
      const pg = await h.open({ now });
      const sqlite = createSqliteEventStore({ filename: ':memory:', now });
      try {
        const odd = { text: 'a\u0000b \ud800 “Đ” \u{1F600}', amount: '123456789012345678901', n: -1.5e-7, big: 1e21 };
        const batches = [
          [testEvent('CaseReceived', odd)],
          [testEvent('AssetSeized', { n: 1 }, testMetadata({ reason: 'Đính chính' })), testEvent()],
          // One event after a batch: the one-event statement chains from the batch statement's last hash.
          [testEvent('FundsCollected', { amount: '1', note: '\u2028' })],
        ];
        let expected: 'no_stream' | bigint = 'no_stream';
        for (const batch of batches) {
          await Promise.all([
            pg.append('case-1', batch, { expectedRevision: expected }),
            sqlite.append('case-1', batch, { expectedRevision: expected }),
          ]);
          expected = expected === 'no_stream' ? BigInt(batch.length - 1) : expected + BigInt(batch.length);
        }
        const [fromPg, fromSqlite] = await Promise.all([pg.readStream('case-1'), sqlite.readStream('case-1')]);
        expect(fromPg.map((event) => event.metadata.hash)).toEqual(fromSqlite.map((event) => event.metadata.hash));
        expect(fromPg[0].data).toEqual(odd);
        expect(verifyChain(fromPg)).toEqual({ ok: true });
      } finally {
        await sqlite.close();
      }
    });

    it('stamps one recordedAt per append, from one clock reading', async () => {
      const store = await h.open();
      await store.append('case-1', testEvents(3), { expectedRevision: 'no_stream' });
      expect(new Set((await store.readStream('case-1')).map((event) => event.metadata.recordedAt)).size).toBe(1);
    });

    it('maps an unreachable server and a connection wait past its timeout to EventStoreUnavailable', async () => {
      const unreachable = createPostgresEventStore({
        connectionString: 'postgres://postgres@127.0.0.1:1/test',
        schema: h.schema(),
      });
      await expect(unreachable).rejects.toBeInstanceOf(EventStoreUnavailable);

      // The timeout also bounds opening a connection, which takes far longer than 50 ms on a busy machine; the wait
      // below never ends by itself (the holder commits only afterwards), so a generous timeout still expires there.
      const store = await h.open({ pool: { max: 1, connectionTimeoutMillis: 3_000 } });
      const holder = await h.beginAppend('case-1', testEvents(1));
      // The only pooled connection waits on the holder's row, so the read cannot get one within its timeout.
      const blocked = store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      await h.waitForWaiterOn(holder.xid);
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
      await holder.commit();
      await expect(blocked).rejects.toMatchObject({ name: 'WrongExpectedRevision' });
      expect(await store.readAll()).toHaveLength(1);
    });

    it('close ends live subscriptions, the listener and the pool, then refuses work', async () => {
      const name = `close-${h.schema()}`;
      const store = await h.open({ pool: { application_name: name } });
      await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const live = store.subscribeToAll()[Symbol.asyncIterator]();
      expect((await live.next()).done).toBe(false);
      const waiting = live.next();
      const sessions = async () =>
        Number(
          (
            await h.admin.query<{ n: string }>(
              `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = $1`,
              [name],
            )
          ).rows[0].n,
        );
      expect(await sessions()).toBeGreaterThanOrEqual(2); // the listener and at least one pooled connection
      await store.close();
      await expect(waiting).resolves.toEqual({ done: true, value: undefined });
      await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
      await expect(store.append('case-1', testEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        EventStoreUnavailable,
      );
      // Backends leave pg_stat_activity shortly after their client disconnects: wait for that state, not a timer.
      while ((await sessions()) > 0);
    });
  });
}
