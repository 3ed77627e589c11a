/// <reference types="jest" />
/**
 * Conformance: readStream, readAll, headPosition and the faithful round trip of data and metadata.
 */
import { StreamNotFound } from '../errors';
import type { EventStore, ReadStreamOptions } from '../event-store';
import { positionsOf, rejectionOf, testEvent, testEvents } from './fixtures';

/** Declares the read tests; `store()` returns the store of the current test. */
export function readConformance(store: () => EventStore): void {
  describe('readStream', () => {
    beforeEach(async () => {
      await store().append('case-1', testEvents(5), { expectedRevision: 'no_stream' });
    });

    it('reads forwards by default: revisions 0…n-1, this stream, increasing positions', async () => {
      const events = await store().readStream('case-1');
      expect(events.map((event) => event.revision)).toEqual([0n, 1n, 2n, 3n, 4n]);
      expect(events.every((event) => event.stream === 'case-1')).toBe(true);
      expect(events.map((event) => event.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
      const positions = positionsOf(events);
      expect(positions.every((position, i) => i === 0 || position > positions[i - 1])).toBe(true);
    });

    it('reads backwards, from a revision (inclusive) and up to maxCount', async () => {
      const revisions = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store().readStream('case-1', options)).map((event) => event.revision);
      expect(await revisions({ direction: 'backwards' })).toEqual([4n, 3n, 2n, 1n, 0n]);
      expect(await revisions({ fromRevision: 2n })).toEqual([2n, 3n, 4n]);
      expect(await revisions({ fromRevision: 2n, direction: 'backwards' })).toEqual([2n, 1n, 0n]);
      expect(await revisions({ maxCount: 2 })).toEqual([0n, 1n]);
      expect(await revisions({ direction: 'backwards', maxCount: 1 })).toEqual([4n]);
      expect(await revisions({ fromRevision: 1n, maxCount: 2 })).toEqual([1n, 2n]);
      expect(await revisions({ fromRevision: 9n })).toEqual([]);
      expect(await revisions({ maxCount: 0 })).toEqual([]);
    });

    it('throws StreamNotFound for a stream with no events', async () => {
      const error = await rejectionOf(store().readStream('case-404'));
      expect(error).toBeInstanceOf(StreamNotFound);
      expect(error).toMatchObject({ stream: 'case-404' });
      const reads: ReadStreamOptions[] = [
        { direction: 'backwards' },
        { fromRevision: 0n },
        { fromRevision: 3n },
        { maxCount: 0 },
      ];
      for (const options of reads) {
        expect(await rejectionOf(store().readStream('case-404', options))).toBeInstanceOf(StreamNotFound);
      }
    });
  });

  describe('round trip', () => {
    it('returns data and writer metadata exactly as appended', async () => {
      const data = {
        text: 'Thi hành án dân sự — “quote” \u{1F600}',
        amount: '123456789012345678901',
        n: -1.5,
        nested: { list: [1, null, true, { a: [] }] },
      };
      const event = testEvent('AssetSeized', data, {
        reason: 'Đính chính sai sót',
        actor: { id: 'admin-1', role: 'admin' },
      });
      await store().append('case-1', [event], { expectedRevision: 'no_stream' });
      const [read] = await store().readStream('case-1');
      expect(read.id).toBe(event.id);
      expect(read.type).toBe('AssetSeized');
      expect(read.data).toEqual(data);
      expect(read.metadata).toMatchObject({ ...event.metadata });
      expect(read.metadata.actor).toEqual({ id: 'admin-1', role: 'admin' });
    });
  });

  describe('readAll', () => {
    it('is empty with head -1n on an empty store', async () => {
      expect(await store().readAll()).toEqual([]);
      expect(await store().headPosition()).toBe(-1n);
    });

    it('returns every event in position order across streams, ending at the head', async () => {
      await store().append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
      await store().append('complaint-1', testEvents(1), { expectedRevision: 'no_stream' });
      await store().append('case-1', testEvents(1), { expectedRevision: 1n });
      const all = await store().readAll();
      expect(all.map((event) => [event.stream, event.revision])).toEqual([
        ['case-1', 0n],
        ['case-1', 1n],
        ['complaint-1', 0n],
        ['case-1', 2n],
      ]);
      const positions = positionsOf(all);
      expect(positions.every((position, i) => i === 0 || position > positions[i - 1])).toBe(true);
      expect(await store().headPosition()).toBe(positions[3]);
    });

    it('starts strictly after fromPosition and pages with maxCount without gaps or duplicates', async () => {
      for (let i = 0; i < 7; i++) await store().append(`case-${i % 3}`, testEvents(1), { expectedRevision: 'any' });
      const all = await store().readAll();
      expect(positionsOf(await store().readAll({ fromPosition: all[2].position }))).toEqual(positionsOf(all.slice(3)));
      expect(await store().readAll({ fromPosition: all[6].position })).toEqual([]);
      const paged = [];
      let from: bigint | undefined;
      for (;;) {
        const page = await store().readAll({ fromPosition: from, maxCount: 3 });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(3);
        paged.push(...page);
        from = page[page.length - 1].position;
      }
      expect(positionsOf(paged)).toEqual(positionsOf(all));
    });

    it('filters by category and event type; all given parts must match; an empty list matches nothing', async () => {
      await store().append('case-1', [testEvent('CaseReceived'), testEvent('AssetSeized')], {
        expectedRevision: 'no_stream',
      });
      await store().append('complaint-1', [testEvent('ComplaintFiled')], { expectedRevision: 'no_stream' });
      await store().append('case-2', [testEvent('CaseReceived')], { expectedRevision: 'no_stream' });
      const described = async (filter: Parameters<EventStore['readAll']>[0]) =>
        (await store().readAll(filter)).map((event) => `${event.stream}:${event.type}`);
      expect(await described({ filter: { categories: ['case'] } })).toEqual([
        'case-1:CaseReceived',
        'case-1:AssetSeized',
        'case-2:CaseReceived',
      ]);
      expect(await described({ filter: { eventTypes: ['CaseReceived', 'ComplaintFiled'] } })).toEqual([
        'case-1:CaseReceived',
        'complaint-1:ComplaintFiled',
        'case-2:CaseReceived',
      ]);
      expect(await described({ filter: { categories: ['complaint'], eventTypes: ['CaseReceived'] } })).toEqual([]);
      expect(await described({ filter: { categories: ['case'], eventTypes: ['CaseReceived'] }, maxCount: 1 })).toEqual([
        'case-1:CaseReceived',
      ]);
      expect(await described({ filter: { eventTypes: [] } })).toEqual([]);
    });
  });
}
