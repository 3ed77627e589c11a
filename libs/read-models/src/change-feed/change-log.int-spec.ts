import type { Kysely } from 'kysely';
import type { RecordedEvent, SqliteEventStore } from '@thads/event-store';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import { applyBatch } from '../runtime/apply-batch';
import { ensureCheckpoint, type Checkpoint } from '../runtime/checkpoints';
import { createProjector } from '../runtime/projector';
import { rebuildProjection } from '../runtime/rebuild';
import {
  appendHistory,
  countingProjection,
  openEvents,
  openReadModels,
  recordingLogger,
  tempFiles,
  type TempFiles,
} from '../testing/read-model-fixtures';
import { readChanges, REBUILT_MARKER_KEY } from './change-log';
import { eventStoreHistory } from '../stream-history';

const now = () => new Date().toISOString();
const logged = async (db: Kysely<ReadModelDatabase>, projection?: string) =>
  (await readChanges(db, { afterId: 0n, projection, limit: 1000 })).map(({ projection: name, key, position }) => ({
    projection: name,
    key,
    position,
  }));

describe('read-model change log', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  let events: RecordedEvent[];

  beforeEach(async () => {
    files = tempFiles();
    store = openEvents(files);
    db = await openReadModels(files);
    await appendHistory(store); // case-HP-A-0001, case, complaint-KN-A-1, case, complaint, office-HP-NGO-QUYEN
    events = await store.readAll();
  });

  afterEach(async () => {
    await db.destroy();
    await store.close();
    files.remove();
  });

  const start = (projection: Projection): Promise<Checkpoint> => ensureCheckpoint(db, projection, now());
  /** The position of the nth event (1-based) of the history: positions are opaque, never assumed. */
  const at = (n: number): bigint => events[n - 1].position;

  it('given a batch, logs each changed stream once at its last position, in position order', async () => {
    const outcome = await applyBatch(
      db,
      countingProjection(),
      await start(countingProjection()),
      events.slice(0, 4),
      now,
      eventStoreHistory(store),
    );
    expect(outcome.kind).toBe('applied');
    expect(await logged(db)).toEqual([
      { projection: 'event_count', key: 'complaint-KN-A-1', position: at(3) },
      { projection: 'event_count', key: 'case-HP-A-0001', position: at(4) },
    ]);
  });

  it('logs nothing for a batch that did not commit: a runner whose checkpoint moved writes no change', async () => {
    const stale = await start(countingProjection());
    await applyBatch(db, countingProjection(), stale, events, now, eventStoreHistory(store));
    const before = await logged(db);
    expect(await applyBatch(db, countingProjection(), stale, events, now, eventStoreHistory(store))).toEqual({
      kind: 'moved',
    });
    expect(await logged(db)).toEqual(before);
  });

  it('logs only the events the projection handles, and nothing for a batch it handles none of', async () => {
    const complaintsOnly = countingProjection('complaint_count', { handles: ['$ce-complaint'] });
    const checkpoint = await start(complaintsOnly);
    const first = await applyBatch(db, complaintsOnly, checkpoint, events.slice(0, 2), now, eventStoreHistory(store));
    expect(await logged(db)).toEqual([]);
    if (first.kind !== 'applied') throw new Error('expected applied');
    await applyBatch(db, complaintsOnly, first.checkpoint, events.slice(2), now, eventStoreHistory(store));
    expect(await logged(db)).toEqual([{ projection: 'complaint_count', key: 'complaint-KN-A-1', position: at(5) }]);
  });

  it('logs the keys a projection names itself with changedKeys', async () => {
    const byOffice = countingProjection('office_count', {
      changedKeys: (batch) => batch.map((event) => ({ key: 'HP-NGO-QUYEN', position: event.position })),
    });
    await applyBatch(db, byOffice, await start(byOffice), events, now, eventStoreHistory(store));
    expect(await logged(db)).toEqual([{ projection: 'office_count', key: 'HP-NGO-QUYEN', position: at(6) }]);
  });

  it('given a poison event, logs the events before it and nothing from it on', async () => {
    const poisoned = countingProjection('poisoned', {
      apply: async (batch) => {
        if (batch.some((event) => event.position === at(4))) throw new TypeError('bad payload');
      },
    });
    const outcome = await applyBatch(db, poisoned, await start(poisoned), events, now, eventStoreHistory(store));
    expect(outcome).toMatchObject({ kind: 'halted', poison: { position: at(4) } });
    expect(await logged(db)).toEqual([
      { projection: 'poisoned', key: 'case-HP-A-0001', position: at(1) },
      { projection: 'poisoned', key: 'case-HP-A-0001', position: at(2) },
      { projection: 'poisoned', key: 'complaint-KN-A-1', position: at(3) },
    ]);
  });

  it('a rebuild logs no change for the history it replays, and one $rebuilt marker at the swap position', async () => {
    const head = await store.headPosition();
    const projector = createProjector({
      eventStore: store,
      db,
      projections: [auditTrailProjection],
      batchSize: 100,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();
    const live = await logged(db, 'audit_trail');

    await rebuildProjection({ eventStore: store, db, projection: auditTrailProjection, batchSize: 4 });

    expect(await logged(db, 'audit_trail')).toEqual([
      ...live,
      { projection: 'audit_trail', key: REBUILT_MARKER_KEY, position: head },
    ]);
  });

  it('reads after an id, filtered by projection, a page at a time', async () => {
    const counting = countingProjection();
    const audit = countingProjection('audit_count');
    const [countStart, auditStart] = [await start(counting), await start(audit)];
    await applyBatch(db, counting, countStart, events, now, eventStoreHistory(store));
    await applyBatch(db, audit, auditStart, events, now, eventStoreHistory(store));
    const ids = (await readChanges(db, { afterId: 0n, limit: 100 })).map((change) => change.id);
    expect(ids).toHaveLength(6); // three streams for each projection
    expect([...ids].sort((a, b) => Number(a - b))).toEqual(ids);
    expect((await readChanges(db, { afterId: ids[1], limit: 2 })).map((change) => change.id)).toEqual([ids[2], ids[3]]);
    const audits = await readChanges(db, { afterId: ids[0], projection: 'audit_count', limit: 100 });
    expect(audits.map((change) => change.id)).toEqual(ids.slice(3));
    expect(audits.map((change) => change.projection)).toEqual(['audit_count', 'audit_count', 'audit_count']);
  });
});
