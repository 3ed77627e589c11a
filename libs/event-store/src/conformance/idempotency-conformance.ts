/// <reference types="jest" />
/**
 * Conformance: re-appending the same event ids is idempotent (EventStoreDB's rule); anything that only partly
 * matches an earlier append is a conflict and writes nothing.
 */
import { WrongExpectedRevision } from '../errors';
import type { EventStore } from '../event-store';
import type { ConformanceOptions } from './event-store-conformance';
import { rejectionOf, testEvents } from './fixtures';

/** Declares the idempotency tests; `store()` returns the store of the current test. */
export function idempotencyConformance(store: () => EventStore, options: ConformanceOptions = {}): void {
  describe('idempotent retry', () => {
    it('re-appending the same batch after the same exact revision returns the original result and adds nothing', async () => {
      await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const batch = testEvents(2);
      const original = await store().append('case-1', batch, { expectedRevision: 0n });
      const head = await store().headPosition();
      expect(await store().append('case-1', batch, { expectedRevision: 0n })).toEqual(original);
      expect(await store().readStream('case-1')).toHaveLength(3);
      expect(await store().headPosition()).toBe(head);
    });

    it('is idempotent for no_stream and for any', async () => {
      const first = testEvents(2);
      const original = await store().append('case-1', first, { expectedRevision: 'no_stream' });
      expect(await store().append('case-1', first, { expectedRevision: 'no_stream' })).toEqual(original);
      expect(await store().append('case-1', first, { expectedRevision: 'any' })).toEqual(original);
      const second = testEvents(1);
      const appended = await store().append('case-1', second, { expectedRevision: 'any' });
      expect(await store().append('case-1', second, { expectedRevision: 'any' })).toEqual(appended);
      expect(await store().readStream('case-1')).toHaveLength(3);
    });

    it('still returns the original result after the stream has moved on', async () => {
      const batch = testEvents(1);
      const original = await store().append('case-1', batch, { expectedRevision: 'no_stream' });
      await store().append('case-1', testEvents(2), { expectedRevision: 0n });
      expect(await store().append('case-1', batch, { expectedRevision: 'no_stream' })).toEqual(original);
      expect(await store().readStream('case-1')).toHaveLength(3);
    });

    it('a retry racing its original (issued together) is deduplicated', async () => {
      const batch = testEvents(2);
      const [first, second] = await Promise.all([
        store().append('case-1', batch, { expectedRevision: 'no_stream' }),
        store().append('case-1', batch, { expectedRevision: 'no_stream' }),
      ]);
      expect(second).toEqual(first);
      expect(await store().readStream('case-1')).toHaveLength(2);
    });

    it('partly overlapping or reordered ids are a WrongExpectedRevision and write nothing', async () => {
      const batch = testEvents(2);
      await store().append('case-1', batch, { expectedRevision: 'no_stream' });
      const head = await store().headPosition();
      const overlapping = [batch[1], ...testEvents(1)];
      expect(await rejectionOf(store().append('case-1', overlapping, { expectedRevision: 'any' }))).toBeInstanceOf(
        WrongExpectedRevision,
      );
      const reordered = [batch[1], batch[0]];
      expect(await rejectionOf(store().append('case-1', reordered, { expectedRevision: 'any' }))).toBeInstanceOf(
        WrongExpectedRevision,
      );
      expect(await store().headPosition()).toBe(head);
    });

    it('the same ids after a different exact revision, or in another stream, are a WrongExpectedRevision', async () => {
      await store().append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
      const batch = testEvents(1);
      await store().append('case-1', batch, { expectedRevision: 0n });
      await store().append('case-1', testEvents(1), { expectedRevision: 1n });
      const atOtherRevision = await rejectionOf(store().append('case-1', batch, { expectedRevision: 2n }));
      expect(atOtherRevision).toBeInstanceOf(WrongExpectedRevision);
      expect(atOtherRevision).toMatchObject({ expected: 2n, actual: 2n });
      if (options.eventIdsUniqueAcrossStreams !== false) {
        expect(await rejectionOf(store().append('case-2', batch, { expectedRevision: 'any' }))).toBeInstanceOf(
          WrongExpectedRevision,
        );
        await expect(store().readStream('case-2')).rejects.toMatchObject({ name: 'StreamNotFound' });
      }
      expect(await store().readStream('case-1')).toHaveLength(3);
    });
  });
}
