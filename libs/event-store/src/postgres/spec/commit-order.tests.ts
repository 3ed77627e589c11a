/// <reference types="jest" />
/**
 * Commit order (docs/architecture.md): positions are taken at insert, transactions commit in another order, and no
 * reader may pass over an event that commits later. T1 and T2 are real appends (the adapter's own statements) held
 * open on raw clients; the test drives every step and waits for what the subscriber observably did.
 */
import { positionsOf, testEvents } from '../../conformance/fixtures';
import { observeReads, type ObservedRead, type PgHarness } from './harness';

/** Declares the commit-order tests. */
export function commitOrderTests(h: PgHarness): void {
  describe('commit order', () => {
    it('no subscriber passes T1’s position while T1 is open, though T2 took a later one and committed; then both are delivered once', async () => {
      // The short poll guarantees a subscriber read that starts after T2's commit (a held append sends no NOTIFY).
      const store = await h.open({ subscriptionPageSize: 2, pollIntervalMs: 50 });
      const before = await store.append('case-0', testEvents(1), { expectedRevision: 'no_stream' });
      const reads = observeReads(store);
      const live = store.subscribeToAll()[Symbol.asyncIterator]();
      expect((await live.next()).value?.position).toBe(before.position);

      const t1 = await h.beginAppend('case-1', testEvents(2));
      const t2 = await h.beginAppend('case-2', testEvents(1));
      expect(t2.outcome.result.position).toBeGreaterThan(t1.outcome.result.position);
      const waiting = live.next();
      await t2.commit();

      // The live subscriber (the only reader so far) reads again, woken by its poll: it must be served
      // nothing, since everything after its checkpoint lies at or past T1's position. Raced with `waiting`, so a
      // subscriber that wrongly yields T2's event fails here at once instead of stalling on backpressure.
      const observed = await Promise.race([
        reads.firstAfter(reads.mark()).then((read) => ({ served: read.events })),
        waiting.then((result) => ({ yielded: result.value })),
      ]);
      expect(observed).toEqual({ served: [] });
      expect(reads.everServed(t2.outcome.result.position)).toBe(false);
      expect(positionsOf(await store.readAll())).toEqual([before.position]);
      expect(await store.headPosition()).toBe(before.position);
      // A subscriber catching up from the start now is served the same prefix (its page of 2 would hold T2's event).
      const catchUpMark = reads.mark();
      const fresh = store.subscribeToAll()[Symbol.asyncIterator]();
      expect((await fresh.next()).value?.position).toBe(before.position);
      const catchUpRead = (read: ObservedRead) => read.options.fromPosition === undefined;
      expect(positionsOf((await reads.firstAfter(catchUpMark, catchUpRead)).events)).toEqual([before.position]);
      expect(reads.everServed(t2.outcome.result.position)).toBe(false);

      await t1.commit();
      const all = await store.readAll();
      expect(all.map((event) => event.stream)).toEqual(['case-0', 'case-1', 'case-1', 'case-2']);
      const expected = positionsOf(all.slice(1));
      const live3 = [(await waiting).value, (await live.next()).value, (await live.next()).value];
      expect(live3.map((event) => event?.position)).toEqual(expected);
      const fresh3 = [(await fresh.next()).value, (await fresh.next()).value, (await fresh.next()).value];
      expect(fresh3.map((event) => event?.position)).toEqual(expected);

      // Delivered once: what comes next is a new event, not a repeat.
      const after = await store.append('case-3', testEvents(1), { expectedRevision: 'no_stream' });
      expect((await live.next()).value?.position).toBe(after.position);
      expect((await fresh.next()).value?.position).toBe(after.position);
      await Promise.all([live.return?.(), fresh.return?.()]);
    });

    it('an appender that rolls back holds readers back only while it runs (the poll finds what it hid: an abort sends no NOTIFY)', async () => {
      const store = await h.open({ pollIntervalMs: 20 });
      const t1 = await h.beginAppend('case-1', testEvents(1));
      const t2 = await h.beginAppend('case-2', testEvents(1));
      const live = store.subscribeToAll()[Symbol.asyncIterator]();
      const first = live.next();
      await t2.commit();
      expect(await store.readAll()).toEqual([]);
      await t1.rollback();
      expect((await first).value?.position).toBe(t2.outcome.result.position);
      expect(positionsOf(await store.readAll())).toEqual([t2.outcome.result.position]);
      await live.return?.();
    });

    it('is not held back by open write transactions that do not append to this store', async () => {
      const store = await h.open();
      const other = `${h.schema()}_other`;
      const elsewhere = await h.open({ schema: other });
      await elsewhere.append('case-9', testEvents(1), { expectedRevision: 'no_stream' });
      // An appender of another store's table, and a plain writer with an older xid, both left open.
      const foreignAppend = await h.beginAppend('case-9', testEvents(1), 0n, other);
      const writer = await h.rawClient();
      await writer.query('BEGIN');
      await writer.query('SELECT pg_current_xact_id()');

      const appended = await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      expect(positionsOf(await store.readAll())).toEqual([appended.position]);
      expect(await store.headPosition()).toBe(appended.position);
      const live = store.subscribeToAll()[Symbol.asyncIterator]();
      expect((await live.next()).value?.position).toBe(appended.position);
      await live.return?.();
      await foreignAppend.rollback();
    });
  });
}
