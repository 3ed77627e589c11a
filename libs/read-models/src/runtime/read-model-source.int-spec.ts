import { createInMemoryEventStore, type EventStore } from '@thads/event-store';
import { testEvent } from '@thads/event-store/conformance';
import type { Kysely } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { openSqliteReadModelFile, readModelKysely } from '../database/open-read-model-database';
import { migrateReadModels } from '../migrations/migrate-read-models';
import { bindReadModelsToEventStore, ReadModelsOfAnotherLog } from './read-model-source';

const labels = { readModels: 'sqlite:/data/read.db', eventStore: 'sqlite:/data/events.db' };

describe('read models bound to the event log they were built from', () => {
  let db: Kysely<ReadModelDatabase>;
  beforeEach(async () => {
    db = readModelKysely(openSqliteReadModelFile(':memory:'));
    await migrateReadModels(db);
  });
  afterEach(() => db.destroy());

  async function storeWithEvents(count: number): Promise<EventStore> {
    const store = createInMemoryEventStore();
    for (let index = 0; index < count; index += 1)
      await store.append(`case-${index}`, [testEvent('CaseReceived')], { expectedRevision: 'no_stream' });
    return store;
  }

  async function checkpointAt(position: bigint): Promise<void> {
    await db
      .insertInto('projection_checkpoints')
      .values({
        name: 'audit_trail',
        position,
        version: 1n,
        status: 'running',
        active_generation: 1n,
        rebuild_generation: null,
        rebuild_heartbeat_at: null,
        updated_at: '2026-12-05T00:00:00.000Z',
      })
      .execute();
  }

  it('binds fresh read models to the store, and accepts that store again', async () => {
    const store = await storeWithEvents(1);
    await bindReadModelsToEventStore(db, store, labels);
    await bindReadModelsToEventStore(db, store, labels);
    const rows = await db.selectFrom('read_model_source').selectAll().execute();
    expect(rows.map((row) => row.event_store_id)).toEqual([await store.storeId!()]);
  });

  it('refuses another store, naming both sides and the remedy, and writes nothing', async () => {
    const first = await storeWithEvents(1);
    await bindReadModelsToEventStore(db, first, labels);
    const second = await storeWithEvents(3);
    const refusal = bindReadModelsToEventStore(db, second, labels);
    await expect(refusal).rejects.toThrow(ReadModelsOfAnotherLog);
    await expect(bindReadModelsToEventStore(db, second, labels)).rejects.toThrow(
      new RegExp(
        `read models in sqlite:/data/read.db were built from event store ${await first.storeId!()}, but sqlite:/data/events.db is event store ${await second.storeId!()}.*delete /data/read.db`,
      ),
    );
    expect(await db.selectFrom('read_model_source').selectAll().execute()).toHaveLength(1);
  });

  it('refuses unbound read models that stand past the head of the store (built from another log)', async () => {
    await checkpointAt(40n);
    const store = await storeWithEvents(2);
    await expect(bindReadModelsToEventStore(db, store, labels)).rejects.toThrow(
      /stand at position 40, but sqlite:\/data\/events.db ends at 2/,
    );
    expect(await db.selectFrom('read_model_source').selectAll().execute()).toHaveLength(0);
  });

  it('binds unbound read models from before the binding when the store reaches their checkpoints', async () => {
    await checkpointAt(2n);
    const store = await storeWithEvents(2);
    await bindReadModelsToEventStore(db, store, labels);
    expect(await db.selectFrom('read_model_source').select('event_store_id').executeTakeFirst()).toEqual({
      event_store_id: await store.storeId!(),
    });
  });

  it('does not check a store without an identity', async () => {
    const store = await storeWithEvents(0);
    await checkpointAt(10n);
    // As EventStoreDB: the port's storeId is absent.
    await bindReadModelsToEventStore(
      db,
      Object.assign(Object.create(store) as EventStore, { storeId: undefined }),
      labels,
    );
    expect(await db.selectFrom('read_model_source').selectAll().execute()).toHaveLength(0);
  });
});
