import { eventStoreConformance, take, testEvents } from '@thads/event-store/conformance';
import { EventStoreUnavailable } from '../errors';
import { createInMemoryEventStore } from './in-memory-event-store';

// Page size 2 makes every subscription test cross several catch-up pages.
eventStoreConformance('in-memory', async () => {
  const store = createInMemoryEventStore({ subscriptionPageSize: 2 });
  return { store, cleanup: () => store.close() };
});

describe('in-memory event store', () => {
  it('hands out frozen events, so one reader cannot rewrite history for another', async () => {
    const store = createInMemoryEventStore();
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    const [event] = await store.readStream('case-1');
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.data)).toBe(true);
    expect(Object.isFrozen(event.metadata.actor)).toBe(true);
  });

  it('uses the injected clock for recordedAt', async () => {
    const store = createInMemoryEventStore({ now: () => new Date('2026-07-01T01:02:03.004Z') });
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    expect((await store.readStream('case-1'))[0].metadata.recordedAt).toBe('2026-07-01T01:02:03.004Z');
  });

  it('ends live subscriptions and refuses work once closed', async () => {
    const store = createInMemoryEventStore();
    const live = take(store.subscribeToAll(), 1);
    await store.close();
    await expect(live).resolves.toEqual([]);
    await expect(store.append('case-1', testEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      EventStoreUnavailable,
    );
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
  });
});
