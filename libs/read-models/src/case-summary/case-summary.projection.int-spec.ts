import { testEvent } from '@thads/event-store/conformance';
import { tableNamesFor } from '../projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { createProjector } from '../runtime/projector';
import { rebuildProjection } from '../runtime/rebuild';
import { startCommandWorld, type CommandWorld } from '../testing/command-world';
import { rowsOf } from '../testing/read-model-fixtures';
import { caseSummaryProjection } from './case-summary.projection';
import { receive, recordFiveCases } from './case-summary.test-fixtures';
import { VND_TEXT_WIDTH } from './vnd-text';
import { eventStoreHistory } from '../stream-history';

const vnd = (amount: bigint) => amount.toString().padStart(VND_TEXT_WIDTH, '0');

describe('case_summary projection', () => {
  let world: CommandWorld;
  beforeEach(async () => {
    world = await startCommandWorld();
  });
  afterEach(() => world.close());

  /** A field of the event of that type in the case's stream: due dates come from the events, never from here. */
  async function fieldOf(caseId: string, type: string, field: string): Promise<unknown> {
    const events = await world.store.readStream(`case-${caseId}`);
    return events.filter((event) => event.type === type).at(-1)?.data[field];
  }
  const rows = async () => world.db.selectFrom('case_summary').selectAll().orderBy('case_id').execute();

  it('given recorded events, writes one row per case with status, office, officer, money and dates', async () => {
    await recordFiveCases(world);
    await world.project([caseSummaryProjection]);
    const summaries = await rows();
    expect(
      summaries.map((row) => [
        row.case_id,
        row.office_id,
        row.status,
        row.officer_id,
        row.received_on,
        row.decision_on,
      ]),
    ).toEqual([
      ['HP-A', 'HP-NGO-QUYEN', 'settled', 'chv-tran', '2018-03-01', '2018-03-05'],
      ['HP-B', 'HP-NGO-QUYEN', 'not_enforceable', 'chv-le', '2018-03-02', '2018-03-06'],
      ['HP-C', 'HP-NGO-QUYEN', 'intake', null, '2018-04-02', null],
      ['HP-D', 'HP-LE-CHAN', 'enforceable', 'chv-pham', '2018-03-05', '2018-03-07'],
      ['HP-E', 'HP-NGO-QUYEN', 'terminated', null, '2018-03-08', '2018-03-12'],
    ]);
    expect(summaries.map((row) => [row.case_id, row.owed_vnd, row.collected_vnd, row.disbursed_vnd])).toEqual([
      ['HP-A', vnd(0n), vnd(850_000_000n), vnd(850_000_000n)],
      ['HP-B', vnd(120_000_000n), vnd(0n), vnd(0n)],
      ['HP-C', vnd(45_000_000n), vnd(0n), vnd(0n)],
      // Owed: 2.5 billion across both items, less the 300 million collected on the first.
      ['HP-D', vnd(2_200_000_000n), vnd(300_000_000n), vnd(100_000_000n)],
      // Closed: nothing is owed to this office any more.
      ['HP-E', vnd(0n), vnd(0n), vnd(0n)],
    ]);
    const hpA = summaries[0];
    expect(hpA).toMatchObject({
      source: 'REQUEST',
      mode: 'ON_REQUEST',
      last_event_type: 'CaseSettled',
      last_effective_date: '2018-05-28',
      revision: 6n,
    });
    expect(hpA.position).toBe((await world.store.readStream('case-HP-A')).at(-1)?.position);
  });

  it('keeps the earliest open legal deadline and its kind, as the events dated it', async () => {
    await recordFiveCases(world);
    await world.project([caseSummaryProjection]);
    const due = Object.fromEntries((await rows()).map((row) => [row.case_id, [row.next_due_on, row.next_due_kind]]));
    expect(due['HP-A']).toEqual([null, null]);
    expect(due['HP-B']).toEqual([
      await fieldOf('HP-B', 'NotEnforceableDecided', 'reverificationDueOn'),
      'REVERIFICATION',
    ]);
    expect(due['HP-C']).toEqual([await fieldOf('HP-C', 'CaseReceived', 'decisionDueOn'), 'DECISION']);
    // 100 of the 300 million paid out: it pays the older collection first, whose 10-day limit is still open.
    const firstCollection = (await world.store.readStream('case-HP-D')).find(
      (event) => event.data.collectionId === 'thu-1',
    );
    expect(due['HP-D']).toEqual([firstCollection?.data.disbursementDueOn, 'DISBURSEMENT']);
    expect(due['HP-E']).toEqual([null, null]);
  });

  it('moves the next due date as acts meet deadlines', async () => {
    await recordFiveCases(world);
    await world.onCase('HP-D', [
      {
        type: 'DisburseFunds',
        data: { disbursementId: 'chi-2', itemId: 'HP-D-1', amount: 200_000_000n, effectiveDate: '2018-04-17' },
      },
    ]);
    await world.project([caseSummaryProjection]);
    const hpD = await world.db
      .selectFrom('case_summary')
      .selectAll()
      .where('case_id', '=', 'HP-D')
      .executeTakeFirstOrThrow();
    // Both collections paid out: the valuer contract for the seized car is what is due next.
    expect([hpD.next_due_on, hpD.next_due_kind]).toEqual([
      await fieldOf('HP-D', 'AssetSeized', 'valuerContractDueOn'),
      'VALUER_CONTRACT',
    ]);
    expect(hpD.disbursed_vnd).toBe(vnd(300_000_000n));
  });

  it('keeps money exact beyond 64-bit integers, and sorts it as numbers', async () => {
    // 21 digits: accepted by the API, past SQLite's INTEGER and far past a double's exact range.
    await world.onCase('HP-BIG', [receive('HP-BIG', '2018-03-01', [123_456_789_012_345_678_901n, 9n])]);
    await world.onCase('HP-SMALL', [receive('HP-SMALL', '2018-03-01', [900_000_000n])]);
    await world.project([caseSummaryProjection]);
    const byOwed = await world.db
      .selectFrom('case_summary')
      .select(['case_id', 'owed_vnd'])
      .orderBy('owed_vnd', 'desc')
      .execute();
    expect(byOwed).toEqual([
      { case_id: 'HP-BIG', owed_vnd: vnd(123_456_789_012_345_678_910n) },
      { case_id: 'HP-SMALL', owed_vnd: vnd(900_000_000n) },
    ]);
  });

  it('passes over event types it does not fold, noting only the revision they reached', async () => {
    await recordFiveCases(world);
    const before = await world.store.readStream('case-HP-C');
    const { position } = await world.store.append(
      'case-HP-C',
      [
        testEvent('VerificationDeadlineMissed', {
          caseId: 'HP-C',
          officeId: 'HP-NGO-QUYEN',
          effectiveDate: '2018-04-20',
          ruleSet: 'LAW_2008_2014',
          dueOn: '2018-04-19',
        }),
      ],
      { expectedRevision: 0n },
    );
    await world.store.append('case-HP-X', [testEvent('SomethingNew', { caseId: 'HP-X' })], {
      expectedRevision: 'no_stream',
    });
    await world.project([caseSummaryProjection]);
    const hpC = await world.db
      .selectFrom('case_summary')
      .selectAll()
      .where('case_id', '=', 'HP-C')
      .executeTakeFirstOrThrow();
    expect(hpC).toMatchObject({
      status: 'intake',
      next_due_on: before[0].data.decisionDueOn,
      last_event_type: 'VerificationDeadlineMissed',
      revision: 1n,
      position,
    });
    expect(await world.db.selectFrom('case_summary').select('case_id').where('case_id', '=', 'HP-X').execute()).toEqual(
      [],
    );
  });

  it('tells the change feed which cases changed, by case id', async () => {
    await recordFiveCases(world);
    await world.project([caseSummaryProjection]);
    const changes = await world.db
      .selectFrom('read_model_changes')
      .select('key')
      .distinct()
      .where('projection', '=', 'case_summary')
      .orderBy('key')
      .execute();
    expect(changes.map((change) => change.key)).toEqual(['HP-A', 'HP-B', 'HP-C', 'HP-D', 'HP-E']);
  });

  it('applied twice gives the same rows', async () => {
    await recordFiveCases(world);
    await world.project([caseSummaryProjection]);
    const once = await rowsOf(world.db, 'case_summary');
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
    expect(await rowsOf(world.db, 'case_summary')).toEqual(once);
  });

  it('rebuild from zero equals the live rows', async () => {
    await recordFiveCases(world);
    // Batches of 3 cut through cases, so the live rows were built across many batches.
    const head = await world.project([caseSummaryProjection], 3);
    const live = await rowsOf(world.db, 'case_summary');
    const result = await rebuildProjection({
      eventStore: world.store,
      db: world.db,
      projection: caseSummaryProjection,
      batchSize: 7,
    });
    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head });
    expect(await rowsOf(world.db, 'case_summary')).toEqual(live);
  });

  it('halts on a case event whose payload it cannot read (a poison event), keeping the rows before it', async () => {
    await recordFiveCases(world);
    await world.store.append(
      'case-HP-C',
      [
        testEvent('FundsCollected', {
          caseId: 'HP-C',
          officeId: 'HP-NGO-QUYEN',
          effectiveDate: '2018-04-03',
          amount: 'lots',
        }),
      ],
      { expectedRevision: 0n },
    );
    const projector = createProjector({
      eventStore: world.store,
      db: world.db,
      projections: [caseSummaryProjection],
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      controlPollMs: 0,
    });
    await projector.start();
    await expect(projector.waitForPosition(await world.store.headPosition(), 5_000)).rejects.toThrow(/case_summary/);
    await projector.stop();
    const letters = await world.db.selectFrom('projection_dead_letters').selectAll().execute();
    expect(letters).toEqual([expect.objectContaining({ projection: 'case_summary', event_type: 'FundsCollected' })]);
    expect((await rows()).map((row) => row.case_id)).toEqual(['HP-A', 'HP-B', 'HP-C', 'HP-D', 'HP-E']);
  });
});
