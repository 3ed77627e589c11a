import { caseAggregate, loadAggregate } from '@thads/application';
import { tableNamesFor } from '../projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { rebuildProjection } from '../runtime/rebuild';
import { startCommandWorld, type CommandWorld } from '../testing/command-world';
import { rowsOf } from '../testing/read-model-fixtures';
import { caseSummaryProjection } from './case-summary.projection';
import {
  collect,
  disburse,
  enforceableCase,
  postpone,
  recordRetractions,
  retract,
  settle,
} from './case-summary.test-fixtures';
import { VND_TEXT_WIDTH } from './vnd-text';
import { createInMemoryEventStore } from '@thads/event-store';
import { eventStoreHistory, StreamHistoryIncomplete } from '../stream-history';

const vnd = (amount: bigint) => amount.toString().padStart(VND_TEXT_WIDTH, '0');
const M = 1_000_000n;

/** CorrectRecordedFact → FactRetracted (docs/corrections.md): the row equals a fold of the stream with retractions applied. */
describe('case_summary projection: retractions', () => {
  let world: CommandWorld;
  beforeEach(async () => {
    world = await startCommandWorld();
  });
  afterEach(() => world.close());

  const project = (batchSize?: number) => world.project([caseSummaryProjection], batchSize);
  const rowOf = (caseId: string) =>
    world.db.selectFrom('case_summary').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
  /** What a retraction must restore: the figures and the open deadlines, not the last step. */
  const figures = async (caseId: string) => {
    const { status, owed_vnd, collected_vnd, disbursed_vnd, next_due_on, next_due_kind } = await rowOf(caseId);
    return { status, owed_vnd, collected_vnd, disbursed_vnd, next_due_on, next_due_kind };
  };
  const bothTables = () => Promise.all(caseSummaryProjection.tables.map((table) => rowsOf(world.db, table)));

  it('given a collection, when it is retracted, then collected and owed are back and its disbursement deadline is gone', async () => {
    await world.onCase('R-COL', enforceableCase('R-COL', 850n * M));
    await project();
    const before = await figures('R-COL');
    await world.onCase('R-COL', [collect('thu-1', 'R-COL-1', 50n * M, '2018-04-02')]);
    await project();
    expect(await rowOf('R-COL')).toMatchObject({
      collected_vnd: vnd(50n * M),
      owed_vnd: vnd(800n * M),
      next_due_kind: 'DISBURSEMENT',
    });

    const position = await retract(world, 'R-COL', 'FundsCollected', '2018-04-05');
    await project();

    expect(await figures('R-COL')).toEqual(before);
    // A retraction is not an act of the lifecycle: the latest act is again the one before the collection.
    expect(await rowOf('R-COL')).toMatchObject({
      last_event_type: 'FactRetracted',
      last_effective_date: '2018-03-20',
      revision: 5n,
      position,
    });
  });

  it('given a collection paid out, when the disbursement is retracted, then it is unpaid again with its deadline', async () => {
    await world.onCase('R-DIS', [
      ...enforceableCase('R-DIS', 850n * M),
      collect('thu-1', 'R-DIS-1', 50n * M, '2018-04-02'),
    ]);
    await project();
    const unpaid = await figures('R-DIS');
    await world.onCase('R-DIS', [disburse('chi-1', 'R-DIS-1', 50n * M, '2018-04-03')]);
    await project();
    expect(await rowOf('R-DIS')).toMatchObject({ disbursed_vnd: vnd(50n * M) });

    await retract(world, 'R-DIS', 'FundsDisbursed', '2018-04-05');
    await project();

    expect(await figures('R-DIS')).toEqual(unpaid);
    expect(await rowOf('R-DIS')).toMatchObject({ disbursed_vnd: vnd(0n), next_due_kind: 'DISBURSEMENT' });
  });

  it('given a collection of 50 million, when it is corrected to 5 million, then the summary counts 5 million', async () => {
    await world.onCase('R-FIX', [
      ...enforceableCase('R-FIX', 850n * M),
      collect('thu-1', 'R-FIX-1', 50n * M, '2018-04-02'),
    ]);
    await project();
    const due = await figures('R-FIX');

    await retract(world, 'R-FIX', 'FundsCollected', '2018-04-05', { amount: '5000000' });
    await project();

    expect(await figures('R-FIX')).toMatchObject({
      collected_vnd: vnd(5n * M),
      owed_vnd: vnd(845n * M),
      next_due_on: due.next_due_on,
      next_due_kind: 'DISBURSEMENT',
    });
  });

  it('given a postponed case, when the postponement is retracted, then its status is the one before', async () => {
    await world.onCase('R-POS', enforceableCase('R-POS', 850n * M));
    await project();
    const before = await figures('R-POS');
    await world.onCase('R-POS', [postpone('2018-04-02')]);
    await project();
    expect((await rowOf('R-POS')).status).toBe('postponed');

    await retract(world, 'R-POS', 'EnforcementPostponed', '2018-04-05');
    await project();

    expect(await figures('R-POS')).toEqual(before);
  });

  it('given a settled case, when the settlement is retracted, then the case is open again', async () => {
    await world.onCase('R-SET', [
      ...enforceableCase('R-SET', 100n * M),
      collect('thu-1', 'R-SET-1', 100n * M, '2018-04-02'),
      disburse('chi-1', 'R-SET-1', 100n * M, '2018-04-03'),
    ]);
    await project();
    const before = await figures('R-SET');
    await world.onCase('R-SET', [settle('2018-04-04')]);
    await project();
    expect((await rowOf('R-SET')).status).toBe('settled');

    await retract(world, 'R-SET', 'CaseSettled', '2018-04-05');
    await project();

    expect(await figures('R-SET')).toEqual(before);
    expect((await rowOf('R-SET')).status).toBe('enforceable');
  });

  it('refolds a case whose earlier events arrive in the same batch as the retraction', async () => {
    await recordRetractions(world);
    // One batch holds every event: the history table is empty when each retraction is applied.
    await project(1_000);
    const oneBatch = await bothTables();

    await rebuildProjection({ eventStore: world.store, db: world.db, projection: caseSummaryProjection, batchSize: 1 });

    expect(await bothTables()).toEqual(oneBatch);
    expect((await rowOf('R-FIX')).collected_vnd).toBe(vnd(5n * M));
  });

  it('applied twice gives the same rows, history included', async () => {
    await recordRetractions(world);
    await project();
    const once = await bothTables();
    const checkpoint = await loadCheckpoint(world.db, 'case_summary');
    const events = (await world.store.readAll()).filter((event) => event.stream.startsWith('case-'));

    await world.db
      .transaction()
      .execute((trx) =>
        caseSummaryProjection.apply(
          events,
          trx,
          tableNamesFor(caseSummaryProjection, checkpoint?.activeGeneration ?? 1),
          eventStoreHistory(world.store),
        ),
      );

    expect(await bothTables()).toEqual(once);
  });

  it('rebuild from zero equals the live rows, history included', async () => {
    await recordRetractions(world);
    // Batches of 3 cut through cases and put some retractions in the batch of the events they retract.
    const head = await project(3);
    const live = await bothTables();

    const result = await rebuildProjection({
      eventStore: world.store,
      db: world.db,
      projection: caseSummaryProjection,
      batchSize: 7,
    });

    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head });
    expect(await bothTables()).toEqual(live);
  });

  it('folds a retraction again from the log, and halts naming the stream when the log lacks its history', async () => {
    await project(); // nothing recorded yet: this only creates the tables
    await world.onCase('R-COL', [
      ...enforceableCase('R-COL', 850n * M),
      collect('thu-1', 'R-COL-1', 50n * M, '2018-04-02'),
    ]);
    await retract(world, 'R-COL', 'FundsCollected', '2018-04-05');
    const events = await world.store.readStream('case-R-COL');
    const retraction = events[events.length - 1];
    const tables = tableNamesFor(caseSummaryProjection, 1);

    // Only the retraction is applied: its case's earlier events come from the history, first from a log without them.
    const lacking = world.db
      .transaction()
      .execute((trx) =>
        caseSummaryProjection.apply([retraction], trx, tables, eventStoreHistory(createInMemoryEventStore())),
      );
    await expect(lacking).rejects.toThrow(new StreamHistoryIncomplete('case-R-COL', retraction.revision, 0));
    await world.db
      .transaction()
      .execute((trx) => caseSummaryProjection.apply([retraction], trx, tables, eventStoreHistory(world.store)));
    expect(await figures('R-COL')).toMatchObject({ collected_vnd: vnd(0n), owed_vnd: vnd(850n * M) });
  });

  it('agrees with the case aggregate the command side folds: status, officer and money', async () => {
    await recordRetractions(world);
    await project();
    const rows = await world.db.selectFrom('case_summary').selectAll().orderBy('case_id').execute();
    expect(rows.map((row) => row.case_id)).toEqual(['R-COL', 'R-DIS', 'R-FIX', 'R-POS', 'R-REO', 'R-SET']);
    for (const row of rows) {
      const { state } = await loadAggregate(world.store, caseAggregate, row.case_id);
      if (state.status === 'none') throw new Error(`no case ${row.case_id}`);
      const { items, officerId } = state.facts;
      const sum = (field: 'collected' | 'disbursed') => items.reduce((total, item) => total + item[field], 0n);
      expect({
        case: row.case_id,
        status: row.status,
        officer: row.officer_id,
        collected: row.collected_vnd,
        disbursed: row.disbursed_vnd,
      }).toEqual({
        case: row.case_id,
        status: state.status,
        officer: officerId ?? null,
        collected: vnd(sum('collected')),
        disbursed: vnd(sum('disbursed')),
      });
    }
  });
});
