/**
 * The chain is the same whichever store holds it: the same events, appended in the same order with the same clock,
 * get identical revisions, metadata and hashes on the in-memory store, SQLite and the ESDB adapter (over the fake
 * client, with and without a namespace). Positions are left out: they are each store's own.
 */
import { testMetadata } from '@thads/event-store/conformance';
import type { EventStore, EventToAppend, ExpectedRevision, RecordedEvent } from '../../event-store';
import { GENESIS_HASH, verifyChain } from '../../hash-chain';
import { createInMemoryEventStore } from '../../memory/in-memory-event-store';
import { createSqliteEventStore } from '../../sqlite/sqlite-event-store';
import { createEsdbEventStore } from '../esdb-event-store';
import { FakeEsdbClient } from './fake-esdb-client';

const now = () => new Date('2026-07-01T01:02:03.004Z');

function event(n: number, type: string, data: EventToAppend['data'], reason?: string): EventToAppend {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return { id, type, data, metadata: testMetadata({ commandId: `command-${n}`, ...(reason ? { reason } : {}) }) };
}

const appends: [string, EventToAppend[], ExpectedRevision][] = [
  [
    'case-1',
    [
      event(1, 'CaseReceived', { office: 'hn-01', amount: '123456789012345678901' }),
      event(2, 'VerificationStarted', {}),
    ],
    'no_stream',
  ],
  ['complaint-1', [event(3, 'ComplaintFiled', { text: 'Khiếu nại — “quote” \u{1F600}' })], 'no_stream'],
  ['case-1', [event(4, 'AssetSeized', { nested: { list: [1, null, true, { a: [] }] }, n: -1.5 })], 1n],
  ['case-1', [event(5, 'DecisionAmended', { b: 2, a: 1, '10': 'x', '9': 'y' }, 'Đính chính sai sót')], 'any'],
];

async function chainOf(store: EventStore): Promise<Omit<RecordedEvent, 'position'>[]> {
  for (const [stream, events, expectedRevision] of appends) await store.append(stream, events, { expectedRevision });
  const recorded = [...(await store.readStream('case-1')), ...(await store.readStream('complaint-1'))];
  await store.close();
  return recorded.map(({ position: _position, ...rest }) => rest);
}

describe('hash chain across adapters', () => {
  it('is identical on in-memory, SQLite and EventStoreDB (plain and namespaced)', async () => {
    const memory = await chainOf(createInMemoryEventStore({ now }));
    const sqlite = await chainOf(createSqliteEventStore({ filename: ':memory:', now }));
    const esdb = await chainOf(createEsdbEventStore({ client: new FakeEsdbClient({ systemEventEvery: 1 }), now }));
    const namespaced = await chainOf(createEsdbEventStore({ client: new FakeEsdbClient(), namespace: 'run_7', now }));

    expect(memory).toHaveLength(5);
    expect(sqlite).toEqual(memory);
    expect(esdb).toEqual(memory);
    expect(namespaced).toEqual(memory);
    expect(esdb[0].metadata.prevHash).toBe(GENESIS_HASH);
    expect(esdb[3].metadata).toMatchObject({
      recordedAt: now().toISOString(),
      reason: 'Đính chính sai sót',
      prevHash: esdb[2].metadata.hash,
    });
  });

  it('verifies what the ESDB adapter returns with verifyChain, from readStream and from readAll', async () => {
    const store = createEsdbEventStore({ client: new FakeEsdbClient({ systemEventEvery: 1 }), readPageSize: 2, now });
    for (const [stream, events, expectedRevision] of appends) await store.append(stream, events, { expectedRevision });
    expect(verifyChain(await store.readStream('case-1'))).toEqual({ ok: true });
    expect(verifyChain(await store.readAll())).toEqual({ ok: true });
    await store.close();
  });
});
