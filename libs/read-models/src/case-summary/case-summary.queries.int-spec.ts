import { startCommandWorld, type CommandWorld } from '../testing/command-world';
import { caseSummaryProjection } from './case-summary.projection';
import {
  InvalidCaseSummaryQuery,
  queryCaseSummaries,
  type CaseSummaryPage,
  type CaseSummaryQuery,
} from './case-summary.queries';
import { collect, recordFiveCases } from './case-summary.test-fixtures';

describe('queryCaseSummaries', () => {
  let world: CommandWorld;
  let head: bigint;
  beforeAll(async () => {
    world = await startCommandWorld();
    await recordFiveCases(world);
    head = await world.project([caseSummaryProjection]);
  });
  afterAll(() => world.close());

  const ids = (page: CaseSummaryPage) => page.items.map((item) => item.caseId);
  const query = (filters: CaseSummaryQuery) => queryCaseSummaries(world.db, filters);

  it('lists every case by id, with money as bigint and the position it reflects', async () => {
    const page = await query({});
    expect(ids(page)).toEqual(['HP-A', 'HP-B', 'HP-C', 'HP-D', 'HP-E']);
    expect(page.position).toBe(head);
    expect(page.nextCursor).toBeNull();
    expect(page.items[3]).toMatchObject({
      caseId: 'HP-D',
      officeId: 'HP-LE-CHAN',
      status: 'enforceable',
      officerId: 'chv-pham',
      owed: 2_200_000_000n,
      collected: 300_000_000n,
      disbursed: 100_000_000n,
      nextDueKind: 'DISBURSEMENT',
    });
  });

  it('filters by office, status, officer and due date, combined', async () => {
    expect(ids(await query({ office: 'HP-NGO-QUYEN' }))).toEqual(['HP-A', 'HP-B', 'HP-C', 'HP-E']);
    expect(ids(await query({ status: 'settled' }))).toEqual(['HP-A']);
    expect(ids(await query({ officer: 'chv-le' }))).toEqual(['HP-B']);
    expect(ids(await query({ office: 'HP-NGO-QUYEN', status: 'enforceable' }))).toEqual([]);
    // HP-D's payout is due 2018-04-12 and HP-C's decision 2018-04-09; HP-B's re-verification months later.
    expect(ids(await query({ dueBefore: '2018-04-13' }))).toEqual(['HP-C', 'HP-D']);
    expect(ids(await query({ dueBefore: '2018-04-12' }))).toEqual(['HP-C']);
  });

  it('sorts by received date, next due date and amount owed, both ways', async () => {
    expect(ids(await query({ sort: 'receivedOn' }))).toEqual(['HP-A', 'HP-B', 'HP-D', 'HP-E', 'HP-C']);
    // Cases with nothing due (HP-A, HP-E) come after every date, and first when descending.
    expect(ids(await query({ sort: 'nextDueOn' }))).toEqual(['HP-C', 'HP-D', 'HP-B', 'HP-A', 'HP-E']);
    expect(ids(await query({ sort: 'nextDueOn', order: 'desc' }))).toEqual(['HP-E', 'HP-A', 'HP-B', 'HP-D', 'HP-C']);
    // Numeric, not textual: 2.2 billion > 120 million > 45 million, though "45…" > "2…" as text.
    expect(ids(await query({ sort: 'owed', order: 'desc' }))).toEqual(['HP-D', 'HP-B', 'HP-C', 'HP-E', 'HP-A']);
    expect(ids(await query({ sort: 'caseId', order: 'desc' }))).toEqual(['HP-E', 'HP-D', 'HP-C', 'HP-B', 'HP-A']);
  });

  it('pages by cursor under every sort without gaps or repeats, ties broken by case id', async () => {
    for (const sort of ['receivedOn', 'nextDueOn', 'owed', 'caseId'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const whole = ids(await query({ sort, order }));
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await query({ sort, order, limit: 2, cursor });
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...ids(page));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(whole);
      }
    }
  });

  it('shows a later write once the projector has applied it, with the new position', async () => {
    const position = await world.onCase('HP-D', [collect('thu-3', 'HP-D-2', 500_000_000n, '2018-04-18')]);
    await world.project([caseSummaryProjection]);
    const page = await query({ office: 'HP-LE-CHAN' });
    expect(page.position).toBe(position);
    expect(page.items[0]).toMatchObject({
      owed: 1_700_000_000n,
      collected: 800_000_000n,
      lastEventType: 'FundsCollected',
      position,
    });
  });

  it('refuses a bad status, date, sort, order, limit or cursor, naming the field', async () => {
    const { nextCursor } = await query({ sort: 'owed', limit: 1 });
    for (const [bad, field] of [
      [{ status: 'open' }, 'status'],
      [{ dueBefore: '2018-02-30' }, 'dueBefore'],
      [{ sort: 'amount' as 'owed' }, 'sort'],
      [{ order: 'up' as 'asc' }, 'order'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ cursor: 'not a cursor' }, 'cursor'],
      // A cursor from one ordering is meaningless under another.
      [{ sort: 'receivedOn', cursor: nextCursor as string }, 'cursor'],
    ] as const) {
      const error = await query(bad).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(InvalidCaseSummaryQuery);
      expect((error as InvalidCaseSummaryQuery).field).toBe(field);
    }
  });
});
