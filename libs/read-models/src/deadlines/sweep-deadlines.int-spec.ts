import { executeCommand, startDeadlineSweeper, sweepDeadlines } from '@thads/application';
import type { RecordedEvent } from '@thads/event-store';
import { CASE_DATES } from '@thads/testing';
import {
  acceptanceDueOn,
  decidedCaseCommands,
  fileComplaintCommand,
  startDeadlineWorld,
  type DeadlineWorld,
} from '../testing/deadline-world';
import { recordingLogger } from '../testing/read-model-fixtures';
import { overdueDeadlines } from './deadlines.queries';

const TODAY = '2025-06-30';
const MISSED_TYPES = ['VerificationDeadlineMissed', 'ReverificationDeadlineMissed', 'ComplaintDeadlineMissed'];
const missesIn = (events: readonly RecordedEvent[]) => events.filter((event) => MISSED_TYPES.includes(event.type));

/** The sweep over the deadlines read model, wired as the apps wire it. */
describe('deadline sweep', () => {
  let world: DeadlineWorld;
  const overdue = () => (today: string) => overdueDeadlines(world.db, today);

  /**
   * Three stories on the fixture dates: case-late was never verified (due 26 June); case-on-time was verified on
   * 17 June; complaint KN-1 about case-late, filed 10 June, was never accepted. Today is 30 June.
   */
  beforeEach(async () => {
    world = await startDeadlineWorld();
    await world.onCase('case-late', decidedCaseCommands('case-late'));
    await world.onCase('case-on-time', [
      ...decidedCaseCommands('case-on-time'),
      {
        type: 'RecordVerification',
        data: { result: 'ENFORCEABLE', findings: 'Owns a house', effectiveDate: CASE_DATES.verified },
      },
    ]);
    await world.onComplaint('KN-1', [fileComplaintCommand('KN-1', 'case-late', '2025-06-10')]);
    await world.project();
  });

  afterEach(async () => {
    await world.close();
  });

  it('records a missed verification date and a missed complaint acceptance, as the system actor; nothing for a date met on time', async () => {
    const result = await sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: TODAY });

    expect(result.recorded).toBe(2);
    const misses = missesIn(await world.store.readAll());
    // Oldest due date first: the acceptance was due 17 June, the verification 26 June.
    expect(misses.map((event) => [event.stream, event.type, event.data])).toEqual([
      [
        'complaint-KN-1',
        'ComplaintDeadlineMissed',
        expect.objectContaining({
          complaintId: 'KN-1',
          caseId: 'case-late',
          deadline: 'ACCEPTANCE',
          level: 1,
          dueOn: acceptanceDueOn('2025-06-10'),
          effectiveDate: TODAY,
        }),
      ],
      [
        'case-case-late',
        'VerificationDeadlineMissed',
        {
          caseId: 'case-late',
          officeId: 'office-hp',
          effectiveDate: TODAY,
          ruleSet: 'LAW_2008_2014',
          dueOn: CASE_DATES.verificationDue,
        },
      ],
    ]);
    expect(misses.map((event) => event.metadata)).toEqual([
      expect.objectContaining({
        actor: { id: 'deadline-sweep', role: 'system' },
        commandId: `deadline-sweep:complaint-KN-1:ACCEPTANCE:L1:${acceptanceDueOn('2025-06-10')}`,
      }),
      expect.objectContaining({
        actor: { id: 'deadline-sweep', role: 'system' },
        commandId: `deadline-sweep:case-case-late:VERIFICATION:${CASE_DATES.verificationDue}`,
      }),
    ]);
  });

  it('does nothing for a deadline whose last day is today', async () => {
    const result = await sweepDeadlines({
      eventStore: world.store,
      overdueDeadlines: overdue(),
      today: CASE_DATES.verificationDue,
    });
    expect(result.deadlines.map((swept) => swept.deadline.stream)).toEqual(['complaint-KN-1']); // due 17 June
    expect(missesIn(await world.store.readAll()).map((event) => event.stream)).toEqual(['complaint-KN-1']);
  });

  it('run twice, before and after the read model caught up, appends each miss exactly once', async () => {
    await sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: TODAY });
    const second = await sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: TODAY }); // the read model still lags
    expect(second.deadlines.map((swept) => swept.outcome)).toEqual(['unchanged', 'unchanged']);
    await world.project();
    const third = await sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: '2025-07-01' });
    expect(third.deadlines).toEqual([]); // the read model now knows both misses
    expect(missesIn(await world.store.readAll())).toHaveLength(2);
  });

  it('run twice concurrently, appends each miss exactly once', async () => {
    const results = await Promise.all([
      sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: TODAY }),
      sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: TODAY }),
    ]);
    // Both runs may report a miss as recorded: the racing twin's append returned the original result.
    for (const result of results) expect(result.deadlines.map((swept) => swept.outcome)).not.toContain('refused');
    const misses = missesIn(await world.store.readAll());
    expect(misses.map((event) => event.type)).toEqual(['ComplaintDeadlineMissed', 'VerificationDeadlineMissed']);
  });

  it('a later day or another command id records nothing more: the decider holds the line', async () => {
    await sweepDeadlines({ eventStore: world.store, overdueDeadlines: overdue(), today: TODAY });
    const laterDay = await sweepDeadlines({
      eventStore: world.store,
      overdueDeadlines: overdue(),
      today: '2025-07-15',
    });
    expect(laterDay.recorded).toBe(0);
    const other = await executeCommand(
      world.store,
      {
        aggregate: 'case',
        id: 'case-late',
        command: {
          type: 'RecordMissedDeadline',
          data: { deadline: 'VERIFICATION', dueOn: CASE_DATES.verificationDue, effectiveDate: '2025-07-02' },
        },
      },
      {
        actor: { id: 'deadline-sweep', role: 'system' },
        commandId: 'another-sweeper-run',
        correlationId: 'another-sweeper-run',
      },
    );
    expect(other.events).toEqual([]);
    expect(missesIn(await world.store.readAll())).toHaveLength(2);
  });

  it('the sweeper sweeps at once when started and stops cleanly', async () => {
    const logger = recordingLogger();
    const sweeper = startDeadlineSweeper({
      eventStore: world.store,
      overdueDeadlines: overdue(),
      intervalMs: 60_000,
      logger,
      today: () => TODAY,
    });
    const next = await sweeper.sweepNow(); // queued behind the first sweep, so it sees its result
    await sweeper.stop();
    expect(next.recorded).toBe(0);
    expect(missesIn(await world.store.readAll())).toHaveLength(2);
    expect(logger.lines).toEqual([`Deadline sweep ${TODAY}: recorded 2 missed deadline(s)`]);
  });

  it('with interval 0 sweeps only when asked', async () => {
    const sweeper = startDeadlineSweeper({
      eventStore: world.store,
      overdueDeadlines: overdue(),
      intervalMs: 0,
      logger: recordingLogger(),
      today: () => TODAY,
    });
    expect(missesIn(await world.store.readAll())).toHaveLength(0);
    expect((await sweeper.sweepNow()).recorded).toBe(2);
    await sweeper.stop();
  });
});
