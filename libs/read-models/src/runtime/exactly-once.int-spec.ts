import type { Kysely } from 'kysely';
import type { SqliteEventStore } from '@thads/event-store';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import type { ReadModelDatabase } from '../database/read-model-database';
import type { Projection } from '../projection';
import {
  CHILD_PROCESS_TEST_TIMEOUT_MS,
  CHILD_PROCESS_WAIT_MS,
  killLiveChildProjectors,
  startChildProjector,
} from '../testing/child-projector';
import {
  appendHistory,
  appendMany,
  countedEvents,
  countingProjection,
  openEvents,
  openReadModels,
  recordingLogger,
  rowsOf,
  tempFiles,
  type TempFiles,
} from '../testing/read-model-fixtures';
import { applyBatch } from './apply-batch';
import { ensureCheckpoint, loadCheckpoint } from './checkpoints';
import { createProjector, type Projector } from './projector';
import { eventStoreHistory } from '../stream-history';

describe('exactly-once application', () => {
  let files: TempFiles;
  let store: SqliteEventStore;
  let db: Kysely<ReadModelDatabase>;
  const running: Projector[] = [];
  const closing: Kysely<ReadModelDatabase>[] = [];

  const start = async (projections: readonly Projection[], on = db, batchSize = 3): Promise<Projector> => {
    const projector = createProjector({
      eventStore: store,
      db: on,
      projections,
      batchSize,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    running.push(projector);
    await projector.start();
    return projector;
  };

  beforeEach(async () => {
    files = tempFiles();
    store = openEvents(files);
    db = await openReadModels(files);
  });

  afterEach(async () => {
    await killLiveChildProjectors();
    for (const projector of running.splice(0)) await projector.stop();
    for (const other of closing.splice(0)) await other.destroy();
    await db.destroy();
    await store.close();
    files.remove();
  });

  it('the guarded checkpoint update rejects a second runner’s stale batch', async () => {
    await appendMany(store, 4);
    const events = await store.readAll();
    const projection = countingProjection();
    const stale = await ensureCheckpoint(db, projection, new Date().toISOString());

    const first = await applyBatch(
      db,
      projection,
      stale,
      events,
      () => new Date().toISOString(),
      eventStoreHistory(store),
    );
    // A second runner that read the same checkpoint before the first committed tries the same batch.
    const second = await applyBatch(
      db,
      projection,
      stale,
      events,
      () => new Date().toISOString(),
      eventStoreHistory(store),
    );

    expect(first.kind).toBe('applied');
    expect(second).toEqual({ kind: 'moved' });
    expect(await countedEvents(db)).toBe(4n);
    expect((await loadCheckpoint(db, 'event_count'))?.position).toBe(events[3].position);
  });

  it(
    'two runners in two processes apply every event exactly once',
    async () => {
      const head = await appendMany(store, 40);
      const other = startChildProjector('count', files.eventsFile, files.readModelFile, head);
      const here = await start([countingProjection()]);
      await here.waitForPosition(head, CHILD_PROCESS_WAIT_MS);
      await other.printed('DONE');
      expect(await countedEvents(db)).toBe(40n);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );

  it('two runners sharing one connection apply every event exactly once', async () => {
    const head = await appendMany(store, 30);
    const [one, two] = await Promise.all([start([countingProjection()]), start([countingProjection()])]);
    await Promise.all([one.waitForPosition(head), two.waitForPosition(head)]);
    expect(await countedEvents(db)).toBe(30n);
  });

  it(
    'killing the projector mid-batch and restarting gives the same rows as a clean run',
    async () => {
      await appendHistory(store, 'A');
      const head = await appendHistory(store, 'B');

      // The doomed process writes its second batch's rows inside the transaction and is SIGKILLed before commit.
      const doomed = startChildProjector('doomed', files.eventsFile, files.readModelFile, head);
      await doomed.printed('MID_BATCH');
      expect((await rowsOf(db, 'audit_trail')).length).toBe(4); // the first batch only: the second is uncommitted
      doomed.process.kill('SIGKILL');
      expect(await doomed.exited()).toBe('SIGKILL');
      expect((await loadCheckpoint(db, 'audit_trail'))?.position).toBe(4n);

      const restarted = await start([auditTrailProjection], db, 4);
      await restarted.waitForPosition(head, CHILD_PROCESS_WAIT_MS);
      const afterCrash = await rowsOf(db, 'audit_trail');

      const clean = tempFiles();
      const cleanDb = await openReadModels(clean);
      closing.push(cleanDb);
      const cleanRun = await start([auditTrailProjection], cleanDb, 5);
      await cleanRun.waitForPosition(head, CHILD_PROCESS_WAIT_MS);
      expect(afterCrash).toHaveLength(12);
      expect(afterCrash).toEqual(await rowsOf(cleanDb, 'audit_trail'));
      await cleanRun.stop();
      clean.remove();
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
