/**
 * The PostgreSQL leg of the projection specs that matter most: audit_trail and completion_stats
 * applied twice and rebuilt from zero, every registered projection live then rebuilt (case_summary, complaint_queue
 * and deadlines included), and the change log on PostgreSQL. The SQLite specs beside each projection hold the rest.
 */
import { sql } from 'kysely';
import { describeWithPostgres } from '@thads/event-store/postgres/postgres-test-support';
import { auditTrailProjection } from '../audit-trail/audit-trail.projection';
import { readChanges } from '../change-feed/change-log';
import { completionStatsProjection } from '../completion-stats/completion-stats.projection';
import {
  closePeriod,
  haiPhong2018,
  M,
  settled,
  startStatsWorld,
} from '../completion-stats/completion-stats.test-fixtures';
import { tableNamesFor } from '../projection';
import { readModelProjections } from '../registry';
import { loadCheckpoint } from '../runtime/checkpoints';
import { createProjector } from '../runtime/projector';
import { rebuildProjection } from '../runtime/rebuild';
import {
  openPostgresEventsForTest,
  openPostgresReadModelsForTest,
  type PostgresReadModelsForTest,
} from '../testing/postgres-read-model-fixtures';
import { appendHistory, recordingLogger, rowsOf } from '../testing/read-model-fixtures';
import type { PostgresEventStore } from '@thads/event-store';
import type { Projection } from '../projection';
import { eventStoreHistory } from '../stream-history';

describeWithPostgres('read models on PostgreSQL', (url) => {
  let readModels: PostgresReadModelsForTest;
  let events: { store: PostgresEventStore; drop(): Promise<void> };

  beforeEach(async () => {
    readModels = await openPostgresReadModelsForTest(url);
    events = await openPostgresEventsForTest(url);
  });

  afterEach(async () => {
    await readModels.drop();
    await events.drop();
  });

  async function runToHead(projections: readonly Projection[]): Promise<bigint> {
    const head = await events.store.headPosition();
    const projector = createProjector({
      eventStore: events.store,
      db: readModels.store.db,
      projections,
      batchSize: 4,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();
    return head;
  }

  it('audit_trail: applied twice gives the same rows', async () => {
    const { db } = readModels.store;
    await appendHistory(events.store);
    await runToHead([auditTrailProjection]);
    const once = await rowsOf(db, 'audit_trail');
    expect(once).toHaveLength(6);
    const checkpoint = await loadCheckpoint(db, 'audit_trail');
    const all = await events.store.readAll();
    await db
      .transaction()
      .execute((trx) =>
        auditTrailProjection.apply(
          all,
          trx,
          tableNamesFor(auditTrailProjection, checkpoint?.activeGeneration ?? 1),
          eventStoreHistory(events.store),
        ),
      );
    expect(await rowsOf(db, 'audit_trail')).toEqual(once);
  });

  it('audit_trail: rebuild from zero equals the live rows, and the swap leaves one generation behind the view', async () => {
    const { db } = readModels.store;
    await appendHistory(events.store, 'A');
    await appendHistory(events.store, 'B');
    const head = await runToHead([auditTrailProjection]);
    const live = await rowsOf(db, 'audit_trail');

    const result = await rebuildProjection({
      eventStore: events.store,
      db,
      projection: auditTrailProjection,
      batchSize: 5,
    });

    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head, eventsRead: 12 });
    expect(await rowsOf(db, 'audit_trail')).toEqual(live);
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = ${readModels.schema} and table_name like 'audit_trail%' order by 1`.execute(
      db,
    );
    expect(tables.rows.map((row) => row.name)).toEqual(['audit_trail', 'audit_trail__g2']);
  });
});

describeWithPostgres('completion_stats on PostgreSQL', (url) => {
  let readModels: PostgresReadModelsForTest;
  beforeEach(async () => {
    readModels = await openPostgresReadModelsForTest(url);
  });
  afterEach(() => readModels.drop());

  it('applied twice gives the same rows, and a rebuild from zero equals them', async () => {
    const world = await startStatsWorld(readModels.store.db);
    await haiPhong2018(world);
    await world.onOffice('NQ', [
      closePeriod('NQ', '2018-05', '2018-06-02'),
      closePeriod('NQ', '2018-06', '2018-07-02'),
    ]);
    await world.onCase('C6', settled('C6', [10n * M], '2018-05-20'), '2018-06-10');
    await world.onOffice('HP', [closePeriod('HP', '2018-05', '2018-06-12')]);
    const head = await world.project();
    const once = await world.rows();
    expect((once.completion_stats_snapshots as unknown[]).length).toBeGreaterThan(0);

    const all = await world.store.readAll();
    await world.db
      .transaction()
      .execute((trx) =>
        completionStatsProjection.apply(
          all,
          trx,
          tableNamesFor(completionStatsProjection, 1),
          eventStoreHistory(world.store),
        ),
      );
    expect(await world.rows()).toEqual(once);

    const result = await rebuildProjection({
      eventStore: world.store,
      db: world.db,
      projection: completionStatsProjection,
      batchSize: 5,
    });
    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head });
    expect(await world.rows()).toEqual(once);
    await world.store.close();
  });

  it('every registered projection runs live, equals its rebuild, and the change-log ids follow commit order', async () => {
    const world = await startStatsWorld(readModels.store.db);
    await haiPhong2018(world);
    await world.onOffice('NQ', [closePeriod('NQ', '2018-05', '2018-06-02')]);
    const head = await world.store.headPosition();
    const projector = createProjector({
      eventStore: world.store,
      db: world.db,
      projections: readModelProjections,
      batchSize: 6,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();
    for (const projection of readModelProjections) {
      const live = await Promise.all(projection.tables.map((table) => rowsOf(world.db, table)));
      await rebuildProjection({ eventStore: world.store, db: world.db, projection, batchSize: 5 });
      expect(await Promise.all(projection.tables.map((table) => rowsOf(world.db, table)))).toEqual(live);
      expect(await loadCheckpoint(world.db, projection.name)).toMatchObject({
        position: head,
        activeGeneration: 2,
        status: 'running',
      });
    }
    const changes = await readChanges(world.db, { afterId: 0n, limit: 1000 });
    expect(changes.length).toBeGreaterThan(readModelProjections.length);
    expect(changes.map((change) => change.id)).toEqual(
      [...changes.map((change) => change.id)].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(changes.filter((change) => change.key === '$rebuilt')).toHaveLength(readModelProjections.length);
    await world.store.close();
  });
});
