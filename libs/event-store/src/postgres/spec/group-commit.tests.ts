/// <reference types="jest" />
/**
 * Group commit (append-groups.ts) against a real server. With one statement slot, appends issued together are
 * grouped deterministically: the first goes alone and takes the slot, the others wait and share the next statement.
 * Each member must meet the outcome it would meet alone: written and chained, refused, or replayed.
 */
import { expectWrongExpectedRevision, positionsOf, testEvent, testEvents } from '../../conformance/fixtures';
import { WrongExpectedRevision } from '../../errors';
import { verifyChain } from '../../hash-chain';
import type { PostgresEventStore } from '../postgres-event-store';
import type { PgHarness } from './harness';

/** The store's group-commit counters since `before`. */
function statsSince(store: PostgresEventStore, before: ReturnType<PostgresEventStore['groupCommitStats']>) {
  const now = store.groupCommitStats();
  return { transactions: now.transactions - before.transactions, appends: now.appends - before.appends };
}

/** Declares the group-commit tests. */
export function groupCommitTests(h: PgHarness): void {
  describe('group commit', () => {
    const openOneSlot = () => h.open({ appendStatementsInFlight: 1 });

    it('appends issued together share one statement; each stream keeps its chain and every position is distinct', async () => {
      const store = await openOneSlot();
      for (let i = 0; i < 10; i++) await store.append(`case-${i}`, testEvents(1), { expectedRevision: 'no_stream' });
      const before = store.groupCommitStats();
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.append(`case-${i}`, testEvents(1), { expectedRevision: i < 10 ? 0n : 'no_stream' }),
        ),
      );
      expect(statsSince(store, before)).toEqual({ transactions: 2, appends: 20 });
      expect(store.groupCommitStats().largestGroup).toBe(19);
      expect(results.map((result) => result.nextRevision)).toEqual(
        Array.from({ length: 20 }, (_, i) => (i < 10 ? 1n : 0n)),
      );
      const all = await store.readAll();
      expect(all).toHaveLength(30);
      expect(new Set(positionsOf(all)).size).toBe(30);
      expect(positionsOf(all)).toEqual(expect.arrayContaining(results.map((result) => result.position)));
      for (let i = 0; i < 20; i++) expect(verifyChain(await store.readStream(`case-${i}`))).toEqual({ ok: true });
    });

    it('a member whose expected revision fails is refused; the others of its statement are written', async () => {
      const store = await openOneSlot();
      await store.append('case-0', testEvents(1), { expectedRevision: 'no_stream' });
      const before = store.groupCommitStats();
      const [first, refused, written] = [
        store.append('case-first', testEvents(1), { expectedRevision: 'no_stream' }),
        store.append('case-0', testEvents(1), { expectedRevision: 5n }),
        store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' }),
      ];
      await expectWrongExpectedRevision(refused, 'case-0', 5n, 0n);
      expect((await first).nextRevision).toBe(0n);
      expect((await written).nextRevision).toBe(0n);
      expect(statsSince(store, before)).toEqual({ transactions: 2, appends: 3 });
      expect(await store.readStream('case-0')).toHaveLength(1);
    });

    it('a replayed append in a group returns its original result and writes nothing', async () => {
      const store = await openOneSlot();
      const event = testEvent();
      const original = await store.append('case-0', [event], { expectedRevision: 'no_stream' });
      const before = store.groupCommitStats();
      const [, replay, other] = await Promise.all([
        store.append('case-first', testEvents(1), { expectedRevision: 'no_stream' }),
        store.append('case-0', [event], { expectedRevision: 'no_stream' }),
        store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' }),
      ]);
      expect(replay).toEqual(original);
      expect(other.nextRevision).toBe(0n);
      expect(statsSince(store, before)).toEqual({ transactions: 2, appends: 3 });
      expect(await store.readStream('case-0')).toHaveLength(1);
    });

    it('an id stored in another stream aborts the group statement; each member then runs alone and meets its own outcome', async () => {
      const store = await openOneSlot();
      const event = testEvent();
      await store.append('case-0', [event], { expectedRevision: 'no_stream' });
      const before = store.groupCommitStats();
      const outcomes = await Promise.allSettled([
        store.append('case-first', testEvents(1), { expectedRevision: 'no_stream' }),
        store.append('case-9', [event], { expectedRevision: 'no_stream' }),
        store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' }),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
      // The first alone, the failed group of two, then its two members alone.
      expect(statsSince(store, before)).toEqual({ transactions: 4, appends: 5 });
      expect((await store.readAll()).map((recorded) => recorded.stream).sort()).toEqual([
        'case-0',
        'case-1',
        'case-first',
      ]);
    });

    it('a group blocked by another pool on one stream fails when it commits first; the other members are still written', async () => {
      const store = await openOneSlot();
      const holder = await h.beginAppend('case-1', testEvents(1));
      const first = store.append('case-first', testEvents(1), { expectedRevision: 'no_stream' });
      const blocked = store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const neighbour = store.append('case-2', testEvents(1), { expectedRevision: 'no_stream' });
      await first;
      await h.waitForWaiterOn(holder.xid);
      await holder.commit();
      await expectWrongExpectedRevision(blocked, 'case-1', 'no_stream', 0n);
      expect((await neighbour).nextRevision).toBe(0n);
      expect(verifyChain(await store.readStream('case-2'))).toEqual({ ok: true });
    });
  });
}
