/**
 * The binding's spec: the one spec that imports `@eventstore/db-client`, to pin that the library's real error classes
 * and call shapes are what the adapter's mapping expects. No server: calls go to a stub of the library client.
 */
import {
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { EventStoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../../errors';
import { take, testEvents } from '@thads/event-store/conformance';
import { bindEsdbClient, connectEsdbClient, fromClientEvent } from '../esdb-client';
import { createEsdbEventStore } from '../esdb-event-store';
import { mapEsdbError } from '../error-mapping';

const ID = '5f0c7e9e-2f0a-4d55-9a4c-2b8f1d1f0a11';

function clientEvent(overrides: Record<string, unknown> = {}) {
  return {
    streamId: 'case-1',
    id: ID,
    revision: 0n,
    type: 'CaseReceived',
    isJson: true as const,
    data: { n: 1 },
    metadata: { hash: 'h' },
    created: new Date(0),
    position: { commit: 10n, prepare: 10n },
    ...overrides,
  };
}

async function* resolved(...events: unknown[]) {
  yield* events;
}

describe('@eventstore/db-client binding', () => {
  it('maps the library’s real error classes like the shapes the fake throws', () => {
    const wrong = new WrongExpectedVersionError(undefined, { streamName: 'case-1', expected: 1n, current: 3n });
    expect(mapEsdbError(wrong, { stream: 'case-1', expectedRevision: 1n })).toEqual(
      new WrongExpectedRevision('case-1', 1n, 3n),
    );
    const missing = new WrongExpectedVersionError(undefined, {
      streamName: 'case-1',
      expected: 0n,
      current: 'no_stream',
    });
    expect(mapEsdbError(missing, { stream: 'case-1', expectedRevision: 0n })).toMatchObject({ actual: 'no_stream' });
    expect(mapEsdbError(new StreamNotFoundError(undefined, 'case-1'), { stream: 'case-1' })).toBeInstanceOf(
      StreamNotFound,
    );
    expect(mapEsdbError(new DeadlineExceededError())).toBeInstanceOf(EventStoreUnavailable);
    expect(mapEsdbError(new UnavailableError())).toBeInstanceOf(EventStoreUnavailable);
    const leaderMoved = {
      code: 5,
      details: '',
      message: 'not leader',
      metadata: { getMap: () => ({ 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' }) },
    };
    expect(
      mapEsdbError(new NotLeaderError(leaderMoved as unknown as ConstructorParameters<typeof NotLeaderError>[0])),
    ).toBeInstanceOf(EventStoreUnavailable);
  });

  it('maps gRPC failures the library converts by status: UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED (timeout)', () => {
    for (const code of [14, 4, 10]) {
      const converted = convertToCommandError(
        Object.assign(new Error(`status ${code}`), { code, details: `status ${code}` }),
      );
      expect(mapEsdbError(converted)).toBeInstanceOf(EventStoreUnavailable);
    }
  });

  it('opens lazily from a connection string and refuses a malformed one at once', async () => {
    const client = connectEsdbClient('esdb://localhost:2113?tls=false');
    await client.dispose();
    expect(() => connectEsdbClient('http://localhost:2113')).toThrow(/esdb:\/\//);
  });

  it('surfaces a refused connection through the real client as a retryable EventStoreUnavailable', async () => {
    // Port 1 on the loopback: nothing listens there, so the gRPC channel fails at once; no server is involved.
    const store = createEsdbEventStore({ connectionString: 'esdb://127.0.0.1:1?tls=false' });
    await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      name: 'EventStoreUnavailable',
      retryable: true,
    });
    await expect(store.readAll()).rejects.toBeInstanceOf(EventStoreUnavailable);
    await expect(take(store.subscribeToAll({ filter: { categories: ['case'] } }), 1)).rejects.toBeInstanceOf(
      EventStoreUnavailable,
    );
    await store.close();
  });

  it('appends JSON events with our id, type, data and metadata, passing the expected revision through', async () => {
    const appendToStream = jest.fn(async () => ({
      success: true,
      nextExpectedRevision: 4n,
      position: { commit: 50n, prepare: 40n },
    }));
    const client = bindEsdbClient({ appendToStream } as unknown as EventStoreDBClient);
    const result = await client.appendToStream(
      'case-1',
      [{ id: ID, type: 'CaseReceived', data: { n: 1 }, metadata: { hash: 'h' } }],
      3n,
    );
    expect(result).toEqual({ nextExpectedRevision: 4n, position: { commit: 50n, prepare: 40n } });
    expect(appendToStream).toHaveBeenCalledWith(
      'case-1',
      [{ id: ID, contentType: 'application/json', type: 'CaseReceived', data: { n: 1 }, metadata: { hash: 'h' } }],
      { expectedRevision: 3n },
    );
  });

  it('reads without link resolution and unwraps ResolvedEvent, skipping one without an event', async () => {
    const readStream = jest.fn(() =>
      resolved({ event: clientEvent() }, { link: clientEvent() }, { event: clientEvent({ revision: 1n }) }),
    );
    const client = bindEsdbClient({ readStream } as unknown as EventStoreDBClient);
    const events = [];
    for await (const event of client.readStream('case-1', {
      fromRevision: 'start',
      direction: 'forwards',
      maxCount: 10,
    }))
      events.push(event);
    expect(events.map((event) => event.revision)).toEqual([0n, 1n]);
    expect(readStream).toHaveBeenCalledWith('case-1', {
      fromRevision: 'start',
      direction: 'forwards',
      maxCount: 10,
      resolveLinkTos: false,
    });
  });

  it('subscribes with the library’s filter objects and ends the readable when iteration is returned', async () => {
    const inner = {
      next: jest.fn(async () => ({ done: false, value: { event: clientEvent() } })),
      return: jest.fn(async () => ({ done: true, value: undefined })),
    };
    const unsubscribe = jest.fn(async () => undefined);
    const subscribeToAll = jest.fn(() => ({ [Symbol.asyncIterator]: () => inner, unsubscribe }));
    const client = bindEsdbClient({ subscribeToAll } as unknown as EventStoreDBClient);
    const subscription = client.subscribeToAll({
      fromPosition: { commit: 7n, prepare: 7n },
      filter: { filterOn: 'streamName', regex: '^(?:case)(?:-|$)' },
    });
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ id: ID, streamId: 'case-1' });
    await iterator.return?.();
    await subscription.unsubscribe();
    expect(inner.return).toHaveBeenCalled();
    expect(unsubscribe).toHaveBeenCalled();
    expect(subscribeToAll).toHaveBeenCalledWith({
      fromPosition: { commit: 7n, prepare: 7n },
      filter: {
        filterOn: 'streamName',
        regex: '^(?:case)(?:-|$)',
        checkpointInterval: 1,
        checkpointReached: undefined,
      },
      resolveLinkTos: false,
    });
    client.subscribeToAll({ fromPosition: 'start', filter: { filterOn: 'eventType', prefixes: ['Case'] } });
    expect(subscribeToAll).toHaveBeenLastCalledWith(
      expect.objectContaining({ filter: expect.objectContaining({ filterOn: 'eventType', prefixes: ['Case'] }) }),
    );
  });

  it('keeps the recorded event’s fields, position included', () => {
    expect(fromClientEvent(clientEvent())).toEqual({
      streamId: 'case-1',
      id: ID,
      revision: 0n,
      type: 'CaseReceived',
      isJson: true,
      data: { n: 1 },
      metadata: { hash: 'h' },
      position: { commit: 10n, prepare: 10n },
    });
  });
});
