import type { Kysely } from 'kysely';
import type { SqliteEventStore } from '@thads/event-store';
import type { ReadModelDatabase } from '../database/read-model-database';
import { tableNamesFor } from '../projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { createProjector } from '../runtime/projector';
import { rebuildProjection } from '../runtime/rebuild';
import {
  appendHistory,
  openEvents,
  openReadModels,
  recordingLogger,
  rowsOf,
  tempFiles,
  type TempFiles,
} from '../testing/read-model-fixtures';
import { auditTrailProjection } from './audit-trail.projection';
import { eventStoreHistory } from '../stream-history';

describe('audit_trail projection', () => {
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

  async function runToHead(): Promise<bigint> {
    const head = await store.headPosition();
    const projector = createProjector({
      eventStore: store,
      db,
      projections: [auditTrailProjection],
      batchSize: 4,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();
    return head;
  }

  it('given recorded events, writes one row per event with envelope, case, effective date and hashes', async () => {
    await appendHistory(store);
    await runToHead();
    const events = await store.readAll();
    const rows = await db.selectFrom('audit_trail').selectAll().orderBy('position').execute();

    expect(
      rows.map((row) => [row.event_type, row.case_id, row.actor_id, row.actor_role, row.office_id, row.effective_date]),
    ).toEqual([
      ['CaseReceived', 'HP-A-0001', 'chv-tran', 'officer', 'HP-NGO-QUYEN', '2018-03-01'],
      ['EnforcementDecisionIssued', 'HP-A-0001', 'head-le', 'head', 'HP-NGO-QUYEN', '2018-03-05'],
      ['ComplaintFiled', 'HP-A-0001', 'chv-tran', 'officer', 'HP-NGO-QUYEN', '2018-03-12'],
      ['ClericalFactCorrected', 'HP-A-0001', 'admin-1', 'admin', null, '2018-03-20'],
      ['ComplaintAccepted', 'HP-A-0001', 'head-le', 'head', 'HP-NGO-QUYEN', '2018-03-14'],
      ['TargetSet', null, 'admin-1', 'admin', null, null],
    ]);
    const corrected = events[3];
    expect(rows[3]).toEqual({
      position: corrected.position,
      event_id: corrected.id,
      stream: 'case-HP-A-0001',
      revision: 2n,
      case_id: 'HP-A-0001',
      event_type: 'ClericalFactCorrected',
      actor_id: 'admin-1',
      actor_role: 'admin',
      office_id: null,
      command_id: corrected.metadata.commandId,
      correlation_id: 'correlation-1',
      causation_id: 'causation-1',
      reason: 'Clerical error in the judgment number',
      recorded_at: corrected.metadata.recordedAt,
      effective_date: '2018-03-20',
      schema_version: 1n,
      prev_hash: events[1].metadata.hash,
      hash: corrected.metadata.hash,
    });
  });

  it('applied twice gives the same rows', async () => {
    await appendHistory(store);
    await runToHead();
    const once = await rowsOf(db, 'audit_trail');
    const checkpoint = await loadCheckpoint(db, 'audit_trail');
    const events = await store.readAll();
    await db
      .transaction()
      .execute((trx) =>
        auditTrailProjection.apply(
          events,
          trx,
          tableNamesFor(auditTrailProjection, checkpoint?.activeGeneration ?? 1),
          eventStoreHistory(store),
        ),
      );
    expect(await rowsOf(db, 'audit_trail')).toEqual(once);
  });

  it('rebuild from zero equals the live rows', async () => {
    await appendHistory(store, 'A');
    await appendHistory(store, 'B');
    const head = await runToHead();
    const live = await rowsOf(db, 'audit_trail');

    const result = await rebuildProjection({ eventStore: store, db, projection: auditTrailProjection, batchSize: 5 });

    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head, eventsRead: 12 });
    expect(await rowsOf(db, 'audit_trail')).toEqual(live);
  });
});
