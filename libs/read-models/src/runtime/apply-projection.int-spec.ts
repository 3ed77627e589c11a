import type { Kysely } from 'kysely';
import type { RecordedEvent, SqliteEventStore } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import { eventStoreHistory } from '../stream-history';
import {
  appendMany,
  countingProjection,
  openEvents,
  openReadModels,
  tempFiles,
  type TempFiles,
} from '../testing/read-model-fixtures';
import { applyProjection } from './apply-projection';

/** The history a projection reads for a refold leaves out what an operator skipped for that projection only. */
describe('applyProjection: the history a refold reads', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  beforeEach(async () => {
    files = tempFiles();
    store = openEvents(files);
    db = await openReadModels(files);
  });
  afterEach(async () => {
    await db.destroy();
    await store.close();
    files.remove();
  });

  /** A projection that reads the stream's history before its batch's first event, as a refold does. */
  function historyReader(name: string) {
    const read: RecordedEvent[][] = [];
    const projection: Projection = {
      ...countingProjection(name),
      apply: async (events, _trx, _tables, history) => {
        read.push([...(await history.eventsBefore(events[0].stream, events[0].revision))]);
      },
    };
    return { projection, read };
  }

  it('passes over the positions skipped for this projection, and only those', async () => {
    await appendMany(store, 5, 'case-SKIP-1');
    const events = await store.readStream('case-SKIP-1');
    await db
      .insertInto('projection_skips')
      .values({
        projection: 'skipping',
        position: events[1].position,
        event_id: events[1].id,
        event_type: events[1].type,
        reason: 'unreadable amount',
        actor: 'admin-1',
        skipped_at: '2026-12-07T00:00:00.000Z',
      })
      .execute();
    const skipping = historyReader('skipping');
    const other = historyReader('other');

    await db.transaction().execute(async (trx) => {
      await applyProjection(trx, skipping.projection, 1, [events[4]], eventStoreHistory(store));
      await applyProjection(trx, other.projection, 1, [events[4]], eventStoreHistory(store));
    });

    expect(skipping.read.map((history) => history.map((event) => event.revision))).toEqual([[0n, 2n, 3n]]);
    expect(other.read.map((history) => history.map((event) => event.revision))).toEqual([[0n, 1n, 2n, 3n]]);
  });
});
