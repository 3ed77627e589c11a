import { testEvent } from '@thads/event-store/conformance';
import { tableNamesFor } from '../projection';
import { loadCheckpoint } from '../runtime/checkpoints';
import { rebuildProjection } from '../runtime/rebuild';
import { startCommandWorld, type CommandWorld } from '../testing/command-world';
import { rowsOf } from '../testing/read-model-fixtures';
import { complaintQueueProjection } from './complaint-queue.projection';
import { receive } from '../case-summary/case-summary.test-fixtures';
import { accept, COMPLAINED_CASE, file, recordSixComplaints } from './complaint-queue.test-fixtures';
import { competentAuthority } from '../testing/complaint-authority';
import { eventStoreHistory } from '../stream-history';

describe('complaint_queue projection', () => {
  let world: CommandWorld;
  beforeEach(async () => {
    world = await startCommandWorld();
  });
  afterEach(() => world.close());

  /** A field of the latest event of that type in the complaint's stream: due dates come from the events. */
  async function fieldOf(complaintId: string, type: string, field: string): Promise<unknown> {
    const events = await world.store.readStream(`complaint-${complaintId}`);
    return events.filter((event) => event.type === type).at(-1)?.data[field];
  }
  const rows = async () => world.db.selectFrom('complaint_queue').selectAll().orderBy('complaint_id').execute();

  it('given recorded events, writes one row per complaint with level, status, authority and office', async () => {
    await recordSixComplaints(world);
    await world.project([complaintQueueProjection]);
    expect(
      (await rows()).map((row) => [
        row.complaint_id,
        row.case_id,
        row.office_id,
        row.respondent_role,
        row.complaint_group,
        row.level,
        row.status,
        row.deciding_authority,
        row.filed_on,
        row.last_act_on,
      ]),
    ).toEqual([
      [
        'KN-1',
        'HP-2018-0100',
        'HP-NGO-QUYEN',
        'OFFICE_HEAD',
        'A',
        1n,
        'filed',
        'HEAD_OF_PROVINCIAL_OFFICE',
        '2018-03-12',
        '2018-03-12',
      ],
      [
        'KN-2',
        'HP-2018-0100',
        'HP-NGO-QUYEN',
        'OFFICE_HEAD',
        'A',
        1n,
        'accepted',
        'HEAD_OF_PROVINCIAL_OFFICE',
        '2018-03-12',
        '2018-03-14',
      ],
      [
        'KN-3',
        'HP-2018-0100',
        'HP-NGO-QUYEN',
        'OFFICE_HEAD',
        'A',
        2n,
        'escalated',
        'HEAD_OF_GENERAL_DEPARTMENT',
        '2018-03-12',
        '2018-04-05',
      ],
      [
        'KN-4',
        'HP-2018-0100',
        'HP-NGO-QUYEN',
        'OFFICE_HEAD',
        'A',
        1n,
        'not_accepted',
        'HEAD_OF_PROVINCIAL_OFFICE',
        '2018-03-13',
        '2018-03-15',
      ],
      [
        'KN-5',
        'HP-2018-0100',
        'HP-LE-CHAN',
        'ENFORCEMENT_OFFICER',
        'A',
        1n,
        'filed',
        'HEAD_OF_DISTRICT_OFFICE',
        '2018-04-02',
        '2018-04-02',
      ],
      [
        'KN-6',
        'HP-2018-0100',
        'HP-NGO-QUYEN',
        'OFFICE_HEAD',
        'A',
        1n,
        'withdrawn',
        'HEAD_OF_PROVINCIAL_OFFICE',
        '2018-03-14',
        '2018-03-16',
      ],
    ]);
  });

  it('keeps the due dates the events carry, and the one owed now', async () => {
    await recordSixComplaints(world);
    await world.project([complaintQueueProjection]);
    const due = Object.fromEntries(
      (await rows()).map((row) => [
        row.complaint_id,
        [row.acceptance_due_on, row.resolution_due_on, row.escalation_deadline, row.next_due_on],
      ]),
    );
    const kn1Acceptance = await fieldOf('KN-1', 'ComplaintFiled', 'acceptanceDueOn');
    expect(due['KN-1']).toEqual([kn1Acceptance, null, null, kn1Acceptance]);
    const kn2Resolution = await fieldOf('KN-2', 'ComplaintAccepted', 'resolutionDueOn');
    expect(due['KN-2']).toEqual([
      await fieldOf('KN-2', 'ComplaintFiled', 'acceptanceDueOn'),
      kn2Resolution,
      null,
      kn2Resolution,
    ]);
    // Level 2 starts its own acceptance clock; the level-1 dates are spent.
    const kn3Acceptance = await fieldOf('KN-3', 'ComplaintEscalated', 'acceptanceDueOn');
    expect(due['KN-3']).toEqual([kn3Acceptance, null, null, kn3Acceptance]);
    expect(due['KN-4'][3]).toBeNull();
    expect(due['KN-6'][3]).toBeNull();
  });

  it('keeps the escalation deadline of a non-final first-level decision, owing nothing', async () => {
    await world.onCase(COMPLAINED_CASE, [receive(COMPLAINED_CASE, '2018-03-01', [100_000_000n])]);
    await world.onComplaint('KN-7', [
      file('KN-7', '2018-03-12'),
      accept('2018-03-14'),
      {
        type: 'DecideComplaint',
        data: { decisionNumber: '07/QĐ', finding: 'JUSTIFIED', effectiveDate: '2018-03-20', ...competentAuthority() },
      },
    ]);
    await world.project([complaintQueueProjection]);
    const kn7 = await world.db
      .selectFrom('complaint_queue')
      .selectAll()
      .where('complaint_id', '=', 'KN-7')
      .executeTakeFirstOrThrow();
    expect(kn7).toMatchObject({
      status: 'decided',
      escalation_deadline: await fieldOf('KN-7', 'ComplaintDecided', 'escalationDeadline'),
      next_due_on: null,
    });
  });

  it("marks the sweep's ComplaintDeadlineMissed without touching the last act, and passes over unknown types", async () => {
    await recordSixComplaints(world);
    const dueOn = await fieldOf('KN-1', 'ComplaintFiled', 'acceptanceDueOn');
    const base = { complaintId: 'KN-1', caseId: 'HP-2018-0100', effectiveDate: '2018-03-20', ruleSet: 'LAW_2008_2014' };
    const { position } = await world.store.append(
      'complaint-KN-1',
      [
        testEvent('ComplaintDeadlineMissed', {
          ...base,
          deadline: 'ACCEPTANCE',
          level: 1,
          dueOn: dueOn as string,
          decidingAuthority: 'HEAD_OF_PROVINCIAL_OFFICE',
        }),
      ],
      { expectedRevision: 0n },
    );
    await world.store.append('complaint-KN-2', [testEvent('ComplaintSomethingNew', { complaintId: 'KN-2' })], {
      expectedRevision: 1n,
    });
    await world.project([complaintQueueProjection]);
    const [kn1, kn2] = await rows();
    expect(kn1).toMatchObject({
      status: 'filed',
      deadline_missed: 1n,
      last_act_on: '2018-03-12',
      last_event_type: 'ComplaintDeadlineMissed',
      revision: 1n,
      position,
    });
    expect(kn2).toMatchObject({
      status: 'accepted',
      deadline_missed: 0n,
      last_event_type: 'ComplaintSomethingNew',
      revision: 2n,
    });
    // The mark stays once the late act follows.
    await world.onComplaint('KN-1', [accept('2018-03-21')]);
    await world.project([complaintQueueProjection]);
    expect((await rows())[0]).toMatchObject({ status: 'accepted', deadline_missed: 1n, last_act_on: '2018-03-21' });
  });

  it('tells the change feed which complaints changed, by complaint id', async () => {
    await recordSixComplaints(world);
    await world.project([complaintQueueProjection]);
    const changes = await world.db
      .selectFrom('read_model_changes')
      .select('key')
      .distinct()
      .where('projection', '=', 'complaint_queue')
      .orderBy('key')
      .execute();
    expect(changes.map((change) => change.key)).toEqual(['KN-1', 'KN-2', 'KN-3', 'KN-4', 'KN-5', 'KN-6']);
  });

  it('applied twice gives the same rows', async () => {
    await recordSixComplaints(world);
    await world.project([complaintQueueProjection]);
    const once = await rowsOf(world.db, 'complaint_queue');
    const checkpoint = await loadCheckpoint(world.db, 'complaint_queue');
    const events = (await world.store.readAll()).filter((event) => event.stream.startsWith('complaint-'));
    await world.db
      .transaction()
      .execute((trx) =>
        complaintQueueProjection.apply(
          events,
          trx,
          tableNamesFor(complaintQueueProjection, checkpoint?.activeGeneration ?? 1),
          eventStoreHistory(world.store),
        ),
      );
    expect(await rowsOf(world.db, 'complaint_queue')).toEqual(once);
  });

  it('rebuild from zero equals the live rows', async () => {
    await recordSixComplaints(world);
    const head = await world.project([complaintQueueProjection], 2);
    const live = await rowsOf(world.db, 'complaint_queue');
    const result = await rebuildProjection({
      eventStore: world.store,
      db: world.db,
      projection: complaintQueueProjection,
      batchSize: 5,
    });
    expect(result).toMatchObject({ generation: 2, previousGeneration: 1, position: head });
    expect(await rowsOf(world.db, 'complaint_queue')).toEqual(live);
  });
});
