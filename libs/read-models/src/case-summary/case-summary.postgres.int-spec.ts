/**
 * The PostgreSQL leg of case_summary with retractions: the same histories as the SQLite specs, projected into
 * PostgreSQL read models, give the same rows (history included), applied twice or rebuilt from zero.
 */
import { describeWithPostgres } from '@thads/event-store/postgres/postgres-test-support';
import { tableNamesFor } from '../projection';
import { createProjector } from '../runtime/projector';
import { rebuildProjection } from '../runtime/rebuild';
import { startCommandWorld, type CommandWorld } from '../testing/command-world';
import { openPostgresReadModelsForTest, type PostgresReadModelsForTest } from '../testing/postgres-read-model-fixtures';
import { recordingLogger, rowsOf } from '../testing/read-model-fixtures';
import { caseSummaryProjection } from './case-summary.projection';
import { recordRetractions } from './case-summary.test-fixtures';
import { eventStoreHistory } from '../stream-history';

describeWithPostgres('case_summary with retractions on PostgreSQL', (url) => {
  let readModels: PostgresReadModelsForTest;
  let world: CommandWorld;
  beforeEach(async () => {
    readModels = await openPostgresReadModelsForTest(url);
    world = await startCommandWorld();
  });
  afterEach(async () => {
    await readModels.drop();
    await world.close();
  });

  const bothTables = (db = readModels.store.db) =>
    Promise.all(caseSummaryProjection.tables.map((table) => rowsOf(db, table)));

  async function projectIntoPostgres(batchSize: number): Promise<bigint> {
    const head = await world.store.headPosition();
    const projector = createProjector({
      eventStore: world.store,
      db: readModels.store.db,
      projections: [caseSummaryProjection],
      batchSize,
      logger: recordingLogger(),
      controlPollMs: 0,
    });
    await projector.start();
    await projector.waitForPosition(head);
    await projector.stop();
    return head;
  }

  it('given retractions, rows equal the SQLite rows, applied twice and rebuilt from zero', async () => {
    await recordRetractions(world);
    await world.project([caseSummaryProjection], 3);
    const onSqlite = await bothTables(world.db);
    const head = await projectIntoPostgres(3);
    expect(await bothTables()).toEqual(onSqlite);

    const events = (await world.store.readAll()).filter((event) => event.stream.startsWith('case-'));
    await readModels.store.db
      .transaction()
      .execute((trx) =>
        caseSummaryProjection.apply(
          events,
          trx,
          tableNamesFor(caseSummaryProjection, 1),
          eventStoreHistory(world.store),
        ),
      );
    expect(await bothTables()).toEqual(onSqlite);

    const result = await rebuildProjection({
      eventStore: world.store,
      db: readModels.store.db,
      projection: caseSummaryProjection,
      batchSize: 1_000,
    });
    expect(result).toMatchObject({ generation: 2, position: head });
    expect(await bothTables()).toEqual(onSqlite);
  });
});
