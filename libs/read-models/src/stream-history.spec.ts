import { createInMemoryEventStore, type EventStore, type RecordedEvent } from '@thads/event-store';
import { eventStoreHistory, StreamHistoryIncomplete } from './stream-history';

const metadata = {
  actor: { id: 'chv-1', role: 'officer', officeId: 'HP' },
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: 'c-1',
  schemaVersion: 1,
};

async function storeWith(stream: string, count: number): Promise<EventStore> {
  const store = createInMemoryEventStore();
  for (let n = 0; n < count; n++) {
    await store.append(
      stream,
      [{ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, type: 'Noted', data: { n }, metadata }],
      { expectedRevision: 'any' },
    );
  }
  return store;
}

describe('stream history', () => {
  it('reads the events of a stream below a revision from the log, in stream order', async () => {
    const store = await storeWith('case-A', 5);
    const before = await eventStoreHistory(store).eventsBefore('case-A', 3n);
    expect(before.map((event) => [event.revision, event.data.n])).toEqual([
      [0n, 0],
      [1n, 1],
      [2n, 2],
    ]);
    expect(await eventStoreHistory(store).eventsBefore('case-A', 0n)).toEqual([]);
  });

  it('refuses, naming the stream, a history the log does not hold', async () => {
    const store = await storeWith('case-A', 2);
    await expect(eventStoreHistory(store).eventsBefore('case-A', 4n)).rejects.toThrow(
      new StreamHistoryIncomplete('case-A', 4n, 2),
    );
    await expect(eventStoreHistory(store).eventsBefore('case-B', 1n)).rejects.toThrow(
      'The event store holds 0 events of case-B below revision 1, not 1',
    );
  });

  it('refuses a history with a gap in its revisions, as a store that lost an event would give', async () => {
    const events: RecordedEvent[] = await (await storeWith('case-A', 3)).readAll();
    const lossy = { readStream: async () => [events[0], events[2]] };
    await expect(eventStoreHistory(lossy).eventsBefore('case-A', 2n)).rejects.toThrow(
      new StreamHistoryIncomplete('case-A', 2n, 2),
    );
  });
});
