/**
 * Append behaviour the conformance suite cannot reach from one process: races with another process between the
 * adapter's read and its write, ESDB's own idempotency, lost acknowledgements, and what reaches the server.
 */
import {
  expectInvalidMetadata,
  expectWrongExpectedRevision,
  testEvent,
  testEvents,
} from '@thads/event-store/conformance';
import { EventStoreUnavailable } from '../../errors';
import type { EventStore } from '../../event-store';
import { verifyChain } from '../../hash-chain';
import { createEsdbEventStore } from '../esdb-event-store';
import { esdbError, FakeEsdbClient } from './fake-esdb-client';

describe('ESDB adapter: append', () => {
  let server: FakeEsdbClient;
  let store: EventStore;
  let otherProcess: EventStore;

  beforeEach(() => {
    server = new FakeEsdbClient();
    store = createEsdbEventStore({ client: server, maxAppendAttempts: 3 });
    otherProcess = createEsdbEventStore({ client: server });
  });

  /** Plays another process once, inside the adapter's next write, after its read and before the server decides. */
  const interleave = (write: () => Promise<unknown>) => {
    server.beforeAppend = async () => {
      server.beforeAppend = undefined;
      await write();
    };
  };

  const ourAppendCalls = () => server.calls.filter((call) => call.method === 'appendToStream');

  it('validates before any network call: a bad batch is refused whole and nothing reaches the server', async () => {
    const bad = { ...testEvent(), metadata: { ...testEvent().metadata, actor: { id: 'u1', role: '' } } };
    await expectInvalidMetadata(
      store.append('case-1', [testEvent(), bad], { expectedRevision: 'any' }),
      'events[1].metadata.actor.role',
    );
    expect(server.calls).toEqual([]);
  });

  it('reads the stream, then writes with the exact head it sealed against, whatever the caller expected', async () => {
    await store.append('case-1', testEvents(1), { expectedRevision: 'any' });
    await store.append('case-1', testEvents(2), { expectedRevision: 'stream_exists' });
    await store.append('case-1', testEvents(1), { expectedRevision: 2n });
    expect(server.calls.map((call) => [call.method, call.expectedRevision])).toEqual([
      ['readStream', undefined],
      ['appendToStream', 'no_stream'],
      ['readStream', undefined],
      ['appendToStream', 0n],
      ['readStream', undefined],
      ['appendToStream', 2n],
    ]);
  });

  it('an exact expectation that loses a race fails with the new actual revision and writes nothing of its own', async () => {
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    interleave(() => otherProcess.append('case-1', testEvents(2), { expectedRevision: 0n }));
    await expectWrongExpectedRevision(
      store.append('case-1', testEvents(1), { expectedRevision: 0n }),
      'case-1',
      0n,
      2n,
    );
    expect(await store.readStream('case-1')).toHaveLength(3);
  });

  it('`any` reseals and retries after a lost race, so the chain stays whole', async () => {
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    interleave(() => otherProcess.append('case-1', testEvents(1), { expectedRevision: 'any' }));
    const result = await store.append('case-1', testEvents(1), { expectedRevision: 'any' });
    const events = await store.readStream('case-1');
    expect(result).toEqual({ nextRevision: 2n, position: events[2].position });
    expect(verifyChain(events)).toEqual({ ok: true });
  });

  it('recognises an identical retry committed by another process in between (ESDB idempotency), without duplicates', async () => {
    const batch = testEvents(2);
    let original: unknown;
    interleave(async () => (original = await otherProcess.append('case-1', batch, { expectedRevision: 'no_stream' })));
    expect(await store.append('case-1', batch, { expectedRevision: 'no_stream' })).toEqual(original);
    expect(await store.readStream('case-1')).toHaveLength(2);
  });

  it('gives up after maxAppendAttempts lost races, reporting WrongExpectedRevision with the last actual revision', async () => {
    await store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    server.beforeAppend = async () => {
      const hook = server.beforeAppend;
      server.beforeAppend = undefined;
      await otherProcess.append('case-1', testEvents(1), { expectedRevision: 'any' });
      server.beforeAppend = hook;
    };
    const attemptsBefore = ourAppendCalls().length;
    // Revision 0, then one event by the other process before each of our 3 attempts: the head is at 3.
    await expectWrongExpectedRevision(
      store.append('case-1', testEvents(1), { expectedRevision: 'any' }),
      'case-1',
      'any',
      3n,
    );
    // Each of our three attempts ran the hook, whose own append also reached the server.
    expect(ourAppendCalls().length - attemptsBefore).toBe(6);
    server.beforeAppend = undefined;
    expect(verifyChain(await store.readStream('case-1'))).toEqual({ ok: true });
  });

  it('makes a retry safe when the write landed but its acknowledgement was lost (deadline exceeded)', async () => {
    const batch = testEvents(2);
    server.beforeAppend = async () => {
      server.beforeAppend = undefined;
      await otherProcess.append('case-1', batch, { expectedRevision: 'no_stream' });
      throw esdbError('deadline-exceeded');
    };
    const lost = await store
      .append('case-1', batch, { expectedRevision: 'no_stream' })
      .catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(EventStoreUnavailable);
    expect(lost).toMatchObject({ retryable: true });
    const retried = await store.append('case-1', batch, { expectedRevision: 'no_stream' });
    const events = await store.readStream('case-1');
    expect(events).toHaveLength(2);
    expect(retried).toEqual({ nextRevision: 1n, position: events[1].position });
  });

  it.each(['unavailable', 'not-leader', 'timeout'])(
    'reports %s from the server as a retryable EventStoreUnavailable',
    async (type) => {
      server.failNext('appendToStream', esdbError(type));
      await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        EventStoreUnavailable,
      );
      server.failNext('readStream', esdbError(type));
      await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
        EventStoreUnavailable,
      );
      await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).resolves.toMatchObject({
        nextRevision: 0n,
      });
    },
  );

  it('lets other server errors through unchanged (access denied)', async () => {
    const denied = esdbError('access-denied');
    server.failNext('appendToStream', denied);
    await expect(store.append('case-1', testEvents(1), { expectedRevision: 'no_stream' })).rejects.toBe(denied);
  });

  it('reads the last event back when the server reports no position, and returns its position', async () => {
    const noPositions = new FakeEsdbClient({ appendResultPositions: false });
    const reading = createEsdbEventStore({ client: noPositions });
    const result = await reading.append('case-1', testEvents(3), { expectedRevision: 'no_stream' });
    const events = await reading.readStream('case-1');
    expect(result).toEqual({ nextRevision: 2n, position: events[2].position });
    expect(noPositions.calls.map((call) => call.method)).toEqual([
      'readStream',
      'appendToStream',
      'readStream',
      'readStream',
    ]);
  });

  it('refuses to append to or read a stream on a server before 22.6 (stream reads carry no $all position)', async () => {
    const old = createEsdbEventStore({ client: new FakeEsdbClient({ streamReadPositions: false }) });
    await old.append('case-1', testEvents(1), { expectedRevision: 'no_stream' });
    await expect(old.readStream('case-1')).rejects.toThrow(/22\.6/);
    await expect(old.append('case-1', testEvents(1), { expectedRevision: 0n })).rejects.toThrow(/22\.6/);
  });
});
