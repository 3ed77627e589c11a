/**
 * Two projector workers on PostgreSQL; kill one mid-batch; the other finishes; the read models equal
 * a rebuild from zero. The workers are real processes (testing/postgres-projector-child.ts) holding leases; the
 * doomed one is SIGKILLed with a batch written but not committed. Nothing sleeps: the test waits for lines the
 * children print and for positions.
 */
import { describeWithPostgres } from '@thads/event-store/postgres/postgres-test-support';
import type { PostgresEventStore } from '@thads/event-store';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { rebuildProjection } from '../runtime/rebuild';
import { createPostgresLeases } from '../runtime/projection-leases';
import { parsePostgresReadModelUrl } from '../database/postgres-read-model-database';
import {
  CHILD_PROCESS_TEST_TIMEOUT_MS,
  killLiveChildProjectors,
  startPostgresChildProjector,
} from '../testing/child-projector';
import {
  openPostgresEventsForTest,
  openPostgresReadModelsForTest,
  type PostgresReadModelsForTest,
} from '../testing/postgres-read-model-fixtures';
import { appendHistory, appendMany, countedEvents, rowsOf } from '../testing/read-model-fixtures';

describeWithPostgres('projector leases on PostgreSQL', (url) => {
  let readModels: PostgresReadModelsForTest;
  let events: { schema: string; store: PostgresEventStore; drop(): Promise<void> };

  beforeEach(async () => {
    readModels = await openPostgresReadModelsForTest(url);
    events = await openPostgresEventsForTest(url);
  });

  afterEach(async () => {
    await killLiveChildProjectors();
    await readModels.drop();
    await events.drop();
  });

  it('gives each projection’s lease to one holder, and frees it when the holder closes', async () => {
    const target = parsePostgresReadModelUrl(readModels.url);
    const first = createPostgresLeases(target);
    const second = createPostgresLeases(target);
    try {
      expect([...(await first.acquire(['audit_trail', 'deadlines']))]).toEqual(['audit_trail', 'deadlines']);
      expect([...(await second.acquire(['audit_trail', 'deadlines', 'case_summary']))]).toEqual(['case_summary']);
      await first.close();
      expect([...(await second.acquire(['audit_trail', 'deadlines', 'case_summary'])).values()].sort()).toEqual([
        'audit_trail',
        'case_summary',
        'deadlines',
      ]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it(
    'two workers, one SIGKILLed mid-batch: the other takes the leases over and finishes; rows equal a rebuild from zero, none lost or doubled',
    async () => {
      await appendHistory(events.store, 'A');
      await appendHistory(events.store, 'B');
      const head = await appendMany(events.store, 14);
      const total = (await events.store.readAll()).length;

      const doomed = startPostgresChildProjector('doomed', url, events.schema, readModels.url, head);
      await doomed.printed('LEASE held');
      await doomed.printed('MID_BATCH');
      const afterFirstBatch = (await loadCheckpoint(readModels.store.db, 'audit_trail'))?.position;

      const survivor = startPostgresChildProjector('follow', url, events.schema, readModels.url, head);
      await survivor.printed('LEASE waiting');
      // The survivor started, but the projection is the doomed worker's: its checkpoint has not moved.
      expect((await loadCheckpoint(readModels.store.db, 'audit_trail'))?.position).toBe(afterFirstBatch);

      doomed.process.kill('SIGKILL');
      expect(await doomed.exited()).toBe('SIGKILL');
      await survivor.printed('DONE');
      expect(await survivor.exited()).toBe(0);

      const { db } = readModels.store;
      expect(await loadCheckpoint(db, 'audit_trail')).toMatchObject({ position: head, status: 'running' });
      expect(Number(await countedEvents(db))).toBe(total); // a batch applied twice would count its events twice
      const live = await rowsOf(db, 'audit_trail');
      expect(live).toHaveLength(total);
      await rebuildProjection({ eventStore: events.store, db, projection: auditTrailProjection, batchSize: 7 });
      expect(await rowsOf(db, 'audit_trail')).toEqual(live);
    },
    CHILD_PROCESS_TEST_TIMEOUT_MS,
  );
});
