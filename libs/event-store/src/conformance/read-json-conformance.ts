/// <reference types="jest" />
/**
 * Conformance: readStreamJson selects what readStream selects, with data and metadata as their canonical JSON text.
 */
import { canonicalJson } from '../canonical-json';
import { StreamNotFound } from '../errors';
import type { EventStore, ReadStreamOptions, RecordedEvent, RecordedEventJson } from '../event-store';
import { rejectionOf, testEvent, testEvents } from './fixtures';

/** Declares the readStreamJson tests; `store()` returns the store of the current test. */
export function readJsonConformance(store: () => EventStore): void {
  describe('readStreamJson', () => {
    it('selects the events readStream selects, in its order, for every option', async () => {
      await store().append('case-1', testEvents(5), { expectedRevision: 'no_stream' });
      await store().append('case-2', testEvents(1), { expectedRevision: 'no_stream' });
      const selections: (ReadStreamOptions | undefined)[] = [
        undefined,
        { direction: 'backwards' },
        { fromRevision: 2n },
        { fromRevision: 2n, direction: 'backwards' },
        { maxCount: 2 },
        { direction: 'backwards', maxCount: 1 },
        { fromRevision: 1n, maxCount: 2 },
        { fromRevision: 9n },
        { maxCount: 0 },
      ];
      for (const options of selections) {
        const json = await store().readStreamJson('case-1', options);
        expect(json.map(parsed)).toEqual(await store().readStream('case-1', options));
      }
    });

    it('gives data and metadata as the canonical JSON text of what readStream returns', async () => {
      const data = {
        text: 'Thi hành án dân sự — “quote” \u{1F600} \u0000 \\ "',
        amount: '123456789012345678901',
        n: -1.5,
        z: { b: [1, null, true, { a: [] }], a: 0 },
      };
      await store().append('case-1', [testEvent('AssetSeized', data, { reason: 'Đính chính' })], {
        expectedRevision: 'no_stream',
      });
      const [json] = await store().readStreamJson('case-1');
      const [read] = await store().readStream('case-1');
      expect(json.dataJson).toBe(canonicalJson(data));
      expect(json.metadataJson).toBe(canonicalJson(read.metadata));
      expect(json.unreadable).toBeUndefined();
    });

    it('throws StreamNotFound for a stream with no events', async () => {
      const error = await rejectionOf(store().readStreamJson('case-404', { maxCount: 1 }));
      expect(error).toBeInstanceOf(StreamNotFound);
      expect(error).toMatchObject({ stream: 'case-404' });
    });
  });
}

/** The event readStream would return for `json`. */
function parsed({ dataJson, metadataJson, ...rest }: RecordedEventJson): RecordedEvent {
  return {
    ...rest,
    data: JSON.parse(dataJson) as RecordedEvent['data'],
    metadata: JSON.parse(metadataJson) as RecordedEvent['metadata'],
  };
}
