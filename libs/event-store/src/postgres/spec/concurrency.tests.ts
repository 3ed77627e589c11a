/// <reference types="jest" />
/**
 * Concurrency across processes: stores with separate pools race on the same table, so the decision rests on the
 * unique constraints. The blocked-insert tests make the 23505 path certain: a raw transaction holds the conflicting
 * row uncommitted, the store's INSERT waits on it (observed in pg_locks), and only then does the holder commit.
 */
import { positionsOf, rejectionOf, take, testEvents } from '../../conformance/fixtures';
import { WrongExpectedRevision } from '../../errors';
import { verifyChain } from '../../hash-chain';
import type { PgHarness } from './harness';

/** Declares the concurrency and unique-violation tests. */
export function concurrencyTests(h: PgHarness): void {
  describe('concurrent writers on separate pools', () => {
    it('of racers from two pools at one expected revision exactly one wins; the others get the actual revision', async () => {
      const [a, b] = await Promise.all([h.open(), h.open()]);
      await a.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const racers = Array.from({ length: 12 }, (_, i) =>
        (i % 2 === 0 ? a : b).append('case-1', testEvents(2), { expectedRevision: 0n }),
      );
      const outcomes = await Promise.allSettled(racers);
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(losers).toHaveLength(11);
      for (const loser of losers)
        expect(loser).toMatchObject({ name: 'WrongExpectedRevision', expected: 0n, actual: 2n });
      expect(verifyChain(await b.readStream('case-1'))).toEqual({ ok: true });
    });

    it('two pools appending to many streams while a third subscribes: every event delivered once, in position order', async () => {
      const [a, b, reader] = await Promise.all([h.open(), h.open(), h.open({ subscriptionPageSize: 3 })]);
      const received = take(reader.subscribeToAll(), 40);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 === 0 ? a : b).append(`case-${i}`, testEvents(2), { expectedRevision: 'no_stream' }),
        ),
      );
      const all = await reader.readAll();
      expect(all).toHaveLength(40);
      expect(positionsOf(await received)).toEqual(positionsOf(all));
      expect(new Set(positionsOf(all)).size).toBe(40);
    });
  });

  describe('unique violations', () => {
    it('on (stream, revision): the waiting append fails with WrongExpectedRevision carrying the actual revision', async () => {
      const store = await h.open();
      const holder = await h.beginAppend('case-1', testEvents(1));
      const blocked = store.append('case-1', testEvents(3), { expectedRevision: 'no_stream' });
      await h.waitForWaiterOn(holder.xid);
      await holder.commit();
      const error = await rejectionOf(blocked);
      expect(error).toBeInstanceOf(WrongExpectedRevision);
      expect(error).toMatchObject({ stream: 'case-1', expected: 'no_stream', actual: 0n });
      expect(await store.readStream('case-1')).toHaveLength(1);
    });

    it('on the event id: the waiting retry returns the original result and writes nothing', async () => {
      const store = await h.open();
      const batch = testEvents(2);
      const holder = await h.beginAppend('case-1', batch);
      const retry = store.append('case-1', batch, { expectedRevision: 'no_stream' });
      await h.waitForWaiterOn(holder.xid);
      await holder.commit();
      expect(await retry).toEqual(holder.outcome.result);
      expect(await store.readStream('case-1')).toHaveLength(2);
    });

    it('with expected revision any: the waiting append re-plans and lands after the winner, chained to it', async () => {
      const store = await h.open();
      await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const holder = await h.beginAppend('case-1', testEvents(1), 0n);
      const waiting = store.append('case-1', testEvents(1), { expectedRevision: 'any' });
      await h.waitForWaiterOn(holder.xid);
      await holder.commit();
      expect((await waiting).nextRevision).toBe(2n);
      const events = await store.readStream('case-1');
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
      expect(verifyChain(events)).toEqual({ ok: true });
    });
  });
}
