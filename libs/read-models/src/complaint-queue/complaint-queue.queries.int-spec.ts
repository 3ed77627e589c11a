import { startCommandWorld, type CommandWorld } from '../testing/command-world';
import { complaintQueueProjection } from './complaint-queue.projection';
import {
  InvalidComplaintQueueQuery,
  queryComplaintQueue,
  type ComplaintQueuePage,
  type ComplaintQueueQuery,
} from './complaint-queue.queries';
import { accept, recordSixComplaints } from './complaint-queue.test-fixtures';

describe('queryComplaintQueue', () => {
  let world: CommandWorld;
  let head: bigint;
  /** Due dates as the events carry them: KN-1 acceptance, KN-2 resolution, KN-3 level-2 acceptance, KN-5 acceptance. */
  let due: Record<string, string>;
  beforeAll(async () => {
    world = await startCommandWorld();
    await recordSixComplaints(world);
    head = await world.project([complaintQueueProjection]);
    const rows = await world.db.selectFrom('complaint_queue').select(['complaint_id', 'next_due_on']).execute();
    due = Object.fromEntries(rows.map((row) => [row.complaint_id, row.next_due_on as string]));
  });
  afterAll(() => world.close());

  const ids = (page: ComplaintQueuePage) => page.items.map((item) => item.complaintId);
  const query = (filters: Partial<ComplaintQueueQuery>) =>
    queryComplaintQueue(world.db, { asOf: '2018-03-01', ...filters });

  it('lists complaints soonest due first, those owing nothing last, with the position and asOf it reflects', async () => {
    const page = await query({});
    const owing = ['KN-1', 'KN-2', 'KN-3', 'KN-5'].sort((a, b) =>
      due[a] < due[b] ? -1 : due[a] > due[b] ? 1 : a < b ? -1 : 1,
    );
    expect(ids(page)).toEqual([...owing, 'KN-4', 'KN-6']);
    expect(page).toMatchObject({ position: head, asOf: '2018-03-01', nextCursor: null });
    expect(page.items.find((item) => item.complaintId === 'KN-3')).toMatchObject({
      level: 2,
      status: 'escalated',
      decidingAuthority: 'HEAD_OF_GENERAL_DEPARTMENT',
      overdue: false,
      deadlineMissed: false,
    });
  });

  it('judges overdue against asOf: a due date strictly before it has passed', async () => {
    // On KN-1's acceptance due date it is still in time; the day after it is overdue.
    const onTheDay = await query({ asOf: due['KN-1'], overdue: true });
    expect(ids(onTheDay)).not.toContain('KN-1');
    const dayAfter = new Date(Date.parse(`${due['KN-1']}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const late = await query({ asOf: dayAfter, overdue: true });
    expect(ids(late)).toContain('KN-1');
    expect(late.items.find((item) => item.complaintId === 'KN-1')).toMatchObject({
      overdue: true,
      overdueStep: 'ACCEPTANCE',
    });
    // Far later, every complaint that owes an act is overdue; declined and withdrawn ones never are.
    const later = await query({ asOf: '2019-01-01', overdue: true });
    expect(ids(later).sort()).toEqual(['KN-1', 'KN-2', 'KN-3', 'KN-5']);
    expect(later.items.find((item) => item.complaintId === 'KN-2')).toMatchObject({ overdueStep: 'RESOLUTION' });
    expect(ids(await query({ asOf: '2019-01-01', overdue: false })).sort()).toEqual(['KN-4', 'KN-6']);
    expect(ids(await query({ asOf: '2018-03-01', overdue: true }))).toEqual([]);
  });

  it('filters by level, office and status, combined', async () => {
    expect(ids(await query({ level: 2 }))).toEqual(['KN-3']);
    expect(ids(await query({ office: 'HP-LE-CHAN' }))).toEqual(['KN-5']);
    expect(ids(await query({ status: 'withdrawn' }))).toEqual(['KN-6']);
    expect(ids(await query({ level: 1, status: 'filed', office: 'HP-NGO-QUYEN' }))).toEqual(['KN-1']);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const whole = ids(await query({}));
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await query({ limit: 4, cursor });
      seen.push(...ids(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(whole);
  });

  it('moves a complaint along the queue once the projector has applied a later act', async () => {
    const position = await world.onComplaint('KN-1', [accept('2018-03-15')]);
    await world.project([complaintQueueProjection]);
    const page = await query({ status: 'accepted', level: 1 });
    expect(page.position).toBe(position);
    expect(ids(page).sort()).toEqual(['KN-1', 'KN-2']);
  });

  it('refuses a bad asOf, level, status, limit or cursor, naming the field', async () => {
    for (const [bad, field] of [
      [{ asOf: 'today' }, 'asOf'],
      [{ asOf: '2018-02-29' }, 'asOf'],
      [{ level: 3 }, 'level'],
      [{ status: 'open' }, 'status'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 500 }, 'limit'],
      [{ cursor: 'nope' }, 'cursor'],
    ] as const) {
      const error = await query(bad).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidComplaintQueueQuery);
      expect((error as InvalidComplaintQueueQuery).field).toBe(field);
    }
  });
});
