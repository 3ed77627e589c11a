/// <reference types="jest" />
/**
 * Conformance: expected-revision semantics and concurrent writers.
 */
import { WrongExpectedRevision } from '../errors';
import type { AppendResult, EventStore } from '../event-store';
import { expectWrongExpectedRevision, positionsOf, testEvent, testEvents } from './fixtures';

/** Declares the append tests; `store()` returns the store of the current test. */
export function appendConformance(store: () => EventStore): void {
  describe('expected revision', () => {
    it('no_stream creates a stream at revision 0 and returns the last revision and position', async () => {
      const result = await store().append('case-1', testEvents(3), { expectedRevision: 'no_stream' });
      const events = await store().readStream('case-1');
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n]);
      expect(result).toEqual({ nextRevision: 2n, position: events[2].position });
      expect(await store().headPosition()).toBe(result.position);
    });

    it('no_stream fails on an existing stream, with expected and actual', async () => {
      await store().append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
      await expectWrongExpectedRevision(
        store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' }),
        'case-1',
        'no_stream',
        1n,
      );
      expect(await store().readStream('case-1')).toHaveLength(2);
    });

    it('stream_exists fails on a missing stream and succeeds on an existing one', async () => {
      await expectWrongExpectedRevision(
        store().append('case-1', testEvents(1), { expectedRevision: 'stream_exists' }),
        'case-1',
        'stream_exists',
        'no_stream',
      );
      expect(await store().headPosition()).toBe(-1n);
      await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const result = await store().append('case-1', testEvents(2), { expectedRevision: 'stream_exists' });
      expect(result.nextRevision).toBe(2n);
    });

    it('any appends whether or not the stream exists', async () => {
      expect((await store().append('case-1', testEvents(1), { expectedRevision: 'any' })).nextRevision).toBe(0n);
      expect((await store().append('case-1', testEvents(2), { expectedRevision: 'any' })).nextRevision).toBe(2n);
    });

    it('an exact revision succeeds only at the last revision of the stream', async () => {
      await store().append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
      await expectWrongExpectedRevision(
        store().append('case-1', testEvents(1), { expectedRevision: 0n }),
        'case-1',
        0n,
        1n,
      );
      await expectWrongExpectedRevision(
        store().append('case-1', testEvents(1), { expectedRevision: 5n }),
        'case-1',
        5n,
        1n,
      );
      expect((await store().append('case-1', testEvents(1), { expectedRevision: 1n })).nextRevision).toBe(2n);
    });

    it('an exact revision on a missing stream reports actual no_stream', async () => {
      await expectWrongExpectedRevision(
        store().append('case-9', testEvents(1), { expectedRevision: 0n }),
        'case-9',
        0n,
        'no_stream',
      );
      await expect(store().headPosition()).resolves.toBe(-1n);
    });

    it('an empty batch writes nothing: it checks the revision and returns the current head', async () => {
      expect(await store().append('case-1', [], { expectedRevision: 'no_stream' })).toEqual({
        nextRevision: -1n,
        position: -1n,
      });
      const written = await store().append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
      expect(await store().append('case-1', [], { expectedRevision: 1n })).toEqual(written);
      await expectWrongExpectedRevision(store().append('case-1', [], { expectedRevision: 0n }), 'case-1', 0n, 1n);
      expect(await store().headPosition()).toBe(written.position);
    });
  });

  describe('concurrent writers', () => {
    it('of 10 racers at the same expected revision exactly one wins; nine get WrongExpectedRevision', async () => {
      await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const batches = Array.from({ length: 10 }, () => testEvents(2));
      const outcomes = await Promise.allSettled(
        batches.map((batch) => store().append('case-1', batch, { expectedRevision: 0n })),
      );
      const winners = outcomes.flatMap((outcome, index) =>
        outcome.status === 'fulfilled' ? [{ index, result: outcome.value }] : [],
      );
      const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(9);
      for (const loser of losers) {
        expect(loser).toBeInstanceOf(WrongExpectedRevision);
        expect(loser).toMatchObject({ stream: 'case-1', expected: 0n, actual: 2n });
      }
      const events = await store().readStream('case-1');
      expect(events.map((event) => event.id)).toEqual([
        events[0].id,
        ...batches[winners[0].index].map((event) => event.id),
      ]);
      expect(winners[0].result).toEqual({ nextRevision: 2n, position: events[2].position });
    });

    it('of 10 racers creating the same stream with no_stream exactly one wins', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, () => store().append('case-new', testEvents(1), { expectedRevision: 'no_stream' })),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect(await store().readStream('case-new')).toHaveLength(1);
    });

    it('appends issued together to one stream apply in call order, each seeing the previous', async () => {
      const results = await Promise.all([
        store().append('case-1', [testEvent('A')], { expectedRevision: 'no_stream' }),
        store().append('case-1', [testEvent('B')], { expectedRevision: 0n }),
        store().append('case-1', [testEvent('C')], { expectedRevision: 1n }),
        store().append('case-2', [testEvent('D')], { expectedRevision: 'no_stream' }),
      ]);
      expect(results.map((result: AppendResult) => result.nextRevision)).toEqual([0n, 1n, 2n, 0n]);
      expect((await store().readStream('case-1')).map((event) => event.type)).toEqual(['A', 'B', 'C']);
      // Across streams, concurrent appends may commit in any order on a distributed store: compare as sets.
      const byValue = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
      expect(positionsOf(await store().readAll()).sort(byValue)).toEqual(
        results.map((result) => result.position).sort(byValue),
      );
    });
  });
}
