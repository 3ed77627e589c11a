/**
 * Reads, subscriptions and lifecycle of the ESDB adapter beyond the conformance suite: server-side filters chosen,
 * system events and other namespaces hidden, failures mapped, close semantics, option checks.
 */
import { take, testEvent, testEvents } from '@thads/event-store/conformance';
import { EventStoreUnavailable } from '../../errors';
import { createEsdbEventStore } from '../esdb-event-store';
import { esdbError, FakeEsdbClient } from './fake-esdb-client';

describe('ESDB adapter: reads, subscriptions, lifecycle', () => {
  let server: FakeEsdbClient;

  beforeEach(() => {
    server = new FakeEsdbClient();
  });

  it('asks the server to filter a subscription to our categories, inside the namespace', async () => {
    const store = createEsdbEventStore({ client: server, namespace: 'run_1' });
    await store.append('case-1', [testEvent('CaseReceived')], { expectedRevision: 'no_stream' });
    await take(store.subscribeToAll({ filter: { categories: ['case', 'complaint'] } }), 1);
    expect(server.calls.find((call) => call.method === 'subscribeToAll')?.filter).toEqual({
      filterOn: 'streamName',
      regex: '^run_1\\.(?:case|complaint)(?:-|$)',
    });
  });

  it('resumes strictly after a checkpoint kept elsewhere, and never delivers system events or other namespaces', async () => {
    const store = createEsdbEventStore({ client: server, namespace: 'mine' });
    const other = createEsdbEventStore({ client: server, namespace: 'theirs' });
    const first = await store.append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
    server.writeSystemEvent();
    await other.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    const received = take(store.subscribeToAll({ fromPosition: first.position }), 2);
    server.writeSystemEvent();
    await other.append('case-2', testEvents(1), { expectedRevision: 'no_stream' });
    const next = await store.append('case-2', testEvents(2), { expectedRevision: 'no_stream' });
    const events = await received;
    expect(events.map((event) => event.stream)).toEqual(['case-2', 'case-2']);
    expect(events[1].position).toBe(next.position);
  });

  it('filters by event type on the server when no category or namespace is given', async () => {
    const store = createEsdbEventStore({ client: server });
    await store.append('case-1', [testEvent('AssetSeized'), testEvent('CaseReceived')], {
      expectedRevision: 'no_stream',
    });
    const [event] = await take(store.subscribeToAll({ filter: { eventTypes: ['CaseReceived'] } }), 1);
    expect(event.type).toBe('CaseReceived');
    expect(server.calls.at(-1)?.filter).toEqual({ filterOn: 'eventType', regex: '^(?:CaseReceived)$' });
  });

  it('makes no server call for a filter that matches nothing, and ends it on abort', async () => {
    const store = createEsdbEventStore({ client: server });
    const controller = new AbortController();
    const waiting = take(store.subscribeToAll({ filter: { categories: [] }, signal: controller.signal }), 1);
    controller.abort();
    expect(await waiting).toEqual([]);
    expect(await store.readAll({ filter: { eventTypes: [] } })).toEqual([]);
    expect(server.calls).toEqual([]);
  });

  it('reports a subscription failure as EventStoreUnavailable and ends the server subscription', async () => {
    const store = createEsdbEventStore({ client: server });
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
    await iterator.next();
    const failing = iterator.next();
    server.failNext('subscribeToAll', esdbError('unavailable'));
    server.notify();
    await expect(failing).rejects.toBeInstanceOf(EventStoreUnavailable);
  });

  it('maps read failures: readStream, readAll and headPosition', async () => {
    const store = createEsdbEventStore({ client: server });
    server.failNext('readStream', esdbError('deadline-exceeded'));
    await expect(store.readStream('case-1')).rejects.toBeInstanceOf(EventStoreUnavailable);
    server.failNext('readAll', esdbError('unavailable'));
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
    server.failNext('readAll', esdbError('not-leader'));
    await expect(store.headPosition()).rejects.toBeInstanceOf(EventStoreUnavailable);
  });

  it('finds the head behind trailing system events and other namespaces, across read pages', async () => {
    const store = createEsdbEventStore({ client: server, namespace: 'mine', readPageSize: 2 });
    const other = createEsdbEventStore({ client: server, namespace: 'theirs' });
    const { position } = await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    for (let i = 0; i < 3; i++) server.writeSystemEvent();
    await other.append('case-1', testEvents(3), { expectedRevision: 'no_stream' });
    expect(await store.headPosition()).toBe(position);
    expect(await createEsdbEventStore({ client: server, namespace: 'empty', readPageSize: 2 }).headPosition()).toBe(
      -1n,
    );
  });

  it('reads maxCount 0 and revisions before 0 without losing the StreamNotFound check', async () => {
    const store = createEsdbEventStore({ client: server });
    await store.append('case-1', testEvents(2), { expectedRevision: 'no_stream' });
    expect(await store.readStream('case-1', { fromRevision: -1n, direction: 'backwards' })).toEqual([]);
    expect((await store.readStream('case-1', { fromRevision: -1n })).map((event) => event.revision)).toEqual([0n, 1n]);
    await expect(store.readStream('case-2', { maxCount: 0 })).rejects.toMatchObject({
      name: 'StreamNotFound',
      stream: 'case-2',
    });
  });

  it('on close: lets a queued append finish, ends live subscriptions, disposes of the client, then refuses work', async () => {
    const store = createEsdbEventStore({ client: server });
    const live = take(store.subscribeToAll({ filter: { categories: ['complaint'] } }), 1);
    const pending = store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 0n });
    expect(await live).toEqual([]);
    expect(server.disposed).toBe(true);
    await expect(store.append('case-1', testEvents(1), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
      EventStoreUnavailable,
    );
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
    expect(await take(store.subscribeToAll(), 1)).toEqual([]);
    await store.close();
  });

  it('checks its options at creation', () => {
    expect(() => createEsdbEventStore({ client: server, namespace: 'a.b' })).toThrow(RangeError);
    expect(() => createEsdbEventStore({ client: server, readPageSize: 1 })).toThrow(RangeError);
    expect(() => createEsdbEventStore({ client: server, maxAppendAttempts: 0 })).toThrow(RangeError);
    expect(() => createEsdbEventStore({ connectionString: 'postgres://nope' })).toThrow(/esdb:\/\//);
  });
});
