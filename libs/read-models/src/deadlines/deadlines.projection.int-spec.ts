import { CASE_DATES } from '@thads/testing';
import { projectionHandles, tableNamesFor } from '../projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { rebuildProjection } from '../runtime/rebuild';
import { rowsOf } from '../testing/read-model-fixtures';
import { competentAuthority } from '../testing/complaint-authority';
import {
  acceptanceDueOn,
  decidedCaseCommands,
  fileComplaintCommand,
  startDeadlineWorld,
  type DeadlineWorld,
} from '../testing/deadline-world';
import { deadlinesProjection } from './deadlines.projection';
import { eventStoreHistory } from '../stream-history';

const CASE = 'case-0001';
const verify = (effectiveDate: string) =>
  ({
    type: 'RecordVerification',
    data: { result: 'NOT_ENFORCEABLE', ground: 'NO_INCOME_OR_ASSETS', findings: 'Nothing', effectiveDate },
  }) as const;
const decideNotEnforceable = (effectiveDate = '2025-06-30') =>
  ({
    type: 'DecideNotEnforceable',
    data: { decisionNumber: '9/QĐ-CĐK', ground: 'NO_INCOME_OR_ASSETS', effectiveDate },
  }) as const;
const reverify = (effectiveDate: string) =>
  ({
    type: 'RecordPeriodicReverification',
    data: { result: 'STILL_NOT_ENFORCEABLE', findings: 'Nothing new', effectiveDate },
  }) as const;
/** The parts of a row a spec talks about. */
const brief = (rows: Record<string, unknown>[]) =>
  rows.map((row) =>
    [row.stream, row.kind, Number(row.level), row.due_on, row.status, row.closed_by, row.missed_on].join(' '),
  );

describe('deadlines projection', () => {
  let world: DeadlineWorld;

  beforeEach(async () => {
    world = await startDeadlineWorld();
  });

  afterEach(async () => {
    await world.close();
  });

  it('given a decided case, opens its verification deadline; the verification closes it as done', async () => {
    await world.onCase(CASE, decidedCaseCommands(CASE));
    await world.project();
    expect(await world.rows()).toEqual([
      expect.objectContaining({
        stream: 'case-case-0001',
        aggregate_id: CASE,
        case_id: CASE,
        kind: 'VERIFICATION',
        level: 0n,
        due_on: CASE_DATES.verificationDue,
        status: 'open',
        missed_on: null,
      }),
    ]);
    await world.onCase(CASE, [verify(CASE_DATES.verified)]);
    await world.project();
    expect(brief(await world.rows())).toEqual(['case-case-0001 VERIFICATION 0 2025-06-26 closed ACT ']);
  });

  it('follows re-verification: each date closes when done and the next one opens', async () => {
    await world.onCase(CASE, [
      ...decidedCaseCommands(CASE),
      verify('2025-06-27'),
      decideNotEnforceable(),
      reverify('2025-12-29'),
    ]);
    await world.project();
    expect(brief(await world.rows())).toEqual([
      'case-case-0001 REVERIFICATION 0 2025-12-30 closed ACT ',
      'case-case-0001 REVERIFICATION 0 2026-06-29 open  ',
      'case-case-0001 VERIFICATION 0 2025-06-26 closed ACT ',
    ]);
  });

  it('a postponement pauses the verification deadline and a resumption to `decided` reopens it, as the decider sees it', async () => {
    await world.onCase(CASE, [
      ...decidedCaseCommands(CASE),
      {
        type: 'PostponeEnforcement',
        data: { decisionNumber: 'H-1', ground: 'SERIOUS_ILLNESS', effectiveDate: '2025-06-20' },
      },
    ]);
    await world.project();
    expect(brief(await world.rows())).toEqual(['case-case-0001 VERIFICATION 0 2025-06-26 closed PAUSED ']);
    await world.onCase(CASE, [
      { type: 'ResumeEnforcement', data: { decisionNumber: 'TT-1', effectiveDate: '2025-07-10' } },
    ]);
    await world.project();
    expect(brief(await world.rows())).toEqual(['case-case-0001 VERIFICATION 0 2025-06-26 open  ']);
  });

  it('records the day a miss was recorded and keeps the deadline open until the act', async () => {
    await world.onCase(CASE, [
      ...decidedCaseCommands(CASE),
      {
        type: 'RecordMissedDeadline',
        data: { deadline: 'VERIFICATION', dueOn: CASE_DATES.verificationDue, effectiveDate: '2025-06-27' },
      },
    ]);
    await world.project();
    expect(brief(await world.rows())).toEqual(['case-case-0001 VERIFICATION 0 2025-06-26 open  2025-06-27']);
  });

  it('follows a complaint: acceptance, then resolution, each closed by its act; a termination ends what is open', async () => {
    await world.onCase(CASE, decidedCaseCommands(CASE));
    await world.onComplaint('KN-1', [
      fileComplaintCommand('KN-1', CASE, '2025-06-10'),
      { type: 'AcceptComplaint', data: { effectiveDate: '2025-06-12', ...competentAuthority('office-hp') } },
    ]);
    await world.onCase(CASE, [
      {
        type: 'TerminateEnforcement',
        data: { decisionNumber: 'ĐC-1', ground: 'SETTLEMENT_OR_WAIVER', effectiveDate: '2025-06-13' },
      },
    ]);
    await world.project();
    expect(brief(await world.rows())).toEqual([
      'case-case-0001 VERIFICATION 0 2025-06-26 closed ENDED ',
      `complaint-KN-1 ACCEPTANCE 1 ${acceptanceDueOn('2025-06-10')} closed ACT `,
      'complaint-KN-1 RESOLUTION 1 2025-06-27 open  ',
    ]);
    await world.onComplaint('KN-1', [{ type: 'WithdrawComplaint', data: { effectiveDate: '2025-06-20' } }]);
    await world.project();
    expect(brief(await world.rows()).at(-1)).toBe('complaint-KN-1 RESOLUTION 1 2025-06-27 closed ENDED ');
  });

  it('applied twice gives the same rows', async () => {
    await world.onCase(CASE, [
      ...decidedCaseCommands(CASE),
      {
        type: 'PostponeEnforcement',
        data: { decisionNumber: 'H-1', ground: 'SERIOUS_ILLNESS', effectiveDate: '2025-06-20' },
      },
    ]);
    await world.onCase(CASE, [
      { type: 'ResumeEnforcement', data: { decisionNumber: 'TT-1', effectiveDate: '2025-07-10' } },
      verify('2025-07-11'),
      decideNotEnforceable('2025-07-14'),
    ]);
    await world.onCase(CASE, [reverify('2026-01-12'), reverify('2026-07-10')]);
    await world.onComplaint('KN-1', [
      fileComplaintCommand('KN-1', CASE, '2025-07-01'),
      { type: 'AcceptComplaint', data: { effectiveDate: '2025-07-03', ...competentAuthority('office-hp') } },
    ]);
    await world.project();
    const once = await rowsOf(world.db, 'deadlines');
    const checkpoint = await loadCheckpoint(world.db, 'deadlines');
    const events = (await world.store.readAll()).filter((event) => projectionHandles(deadlinesProjection, event));
    await world.db
      .transaction()
      .execute((trx) =>
        deadlinesProjection.apply(
          events,
          trx,
          tableNamesFor(deadlinesProjection, checkpoint?.activeGeneration ?? 1),
          eventStoreHistory(world.store),
        ),
      );
    expect(await rowsOf(world.db, 'deadlines')).toEqual(once);
    expect(once).toHaveLength(6); // verification, three re-verification dates, acceptance, resolution

    // Replayed one at a time, as after a crash mid-batch: an older event (the complaint's filing) must not reopen
    // what a newer one closed. Case events are passed over by the case fold; complaint events reach the rows.
    for (const event of events) {
      await world.db
        .transaction()
        .execute((trx) =>
          deadlinesProjection.apply(
            [event],
            trx,
            tableNamesFor(deadlinesProjection, checkpoint?.activeGeneration ?? 1),
            eventStoreHistory(world.store),
          ),
        );
      expect(await rowsOf(world.db, 'deadlines')).toEqual(once);
    }
  });

  it('rebuild from zero equals the live rows', async () => {
    await world.onCase(CASE, [
      ...decidedCaseCommands(CASE),
      verify('2025-06-27'),
      decideNotEnforceable(),
      reverify('2025-12-29'),
    ]);
    await world.onCase('case-0002', decidedCaseCommands('case-0002'));
    await world.onComplaint('KN-1', [fileComplaintCommand('KN-1', CASE, '2025-07-01')]);
    const head = await world.project();
    const live = await rowsOf(world.db, 'deadlines');

    const result = await rebuildProjection({
      eventStore: world.store,
      db: world.db,
      projection: deadlinesProjection,
      batchSize: 4,
    });

    expect(result).toMatchObject({ generation: 2, position: head });
    expect(await rowsOf(world.db, 'deadlines')).toEqual(live);
  });
});
