/**
 * Change-log ids on PostgreSQL appear in commit order (change-feed/change-log.ts, `lockChangeLog`): a writer that
 * wants to log while another one's change rows are uncommitted waits for that commit, so a feed reader never sees
 * id n+1 before id n. The test waits on pg_locks for the second writer to queue, never on a clock.
 */
import { sql } from 'kysely';
import type { RecordedEvent } from '@thads/event-store';
import { describeWithPostgres } from '@thads/event-store/postgres/postgres-test-support';
import { logBatchChanges, readChanges } from '../change-feed/change-log';
import type { Projection } from '../projection';
import { openPostgresReadModelsForTest, type PostgresReadModelsForTest } from '../testing/postgres-read-model-fixtures';
import { countingProjection } from '../testing/read-model-fixtures';

const event = (stream: string, position: bigint) => ({ stream, position }) as RecordedEvent;

describeWithPostgres('change log on PostgreSQL', (url) => {
  let readModels: PostgresReadModelsForTest;
  beforeEach(async () => {
    readModels = await openPostgresReadModelsForTest(url);
  });
  afterEach(() => readModels.drop());

  it('a second writer waits for the first one’s commit, so ids become visible in id order', async () => {
    const { db } = readModels.store;
    const first: Projection = countingProjection('first');
    const second: Projection = countingProjection('second');
    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstLogged!: () => void;
    const firstHasLogged = new Promise<void>((resolve) => (firstLogged = resolve));

    const firstWriter = db.transaction().execute(async (trx) => {
      await logBatchChanges(trx, first, [event('case-A', 1n), event('case-B', 2n)], 'at');
      firstLogged();
      await firstMayCommit;
    });
    await firstHasLogged;
    const secondWriter = db.transaction().execute((trx) => logBatchChanges(trx, second, [event('case-C', 3n)], 'at'));
    await untilAdvisoryLockWaiters(readModels, 1);

    // The first writer's rows are uncommitted and the second is queued behind it: a reader sees nothing yet.
    expect(await readChanges(db, { afterId: 0n, limit: 10 })).toEqual([]);
    commitFirst();
    await Promise.all([firstWriter, secondWriter]);

    const changes = await readChanges(db, { afterId: 0n, limit: 10 });
    expect(changes.map((change) => [change.projection, change.key])).toEqual([
      ['first', 'case-A'],
      ['first', 'case-B'],
      ['second', 'case-C'],
    ]);
    expect(changes.map((change) => change.id)).toEqual([1n, 2n, 3n]);
  });
});

/**
 * Polls pg_locks until `count` sessions wait for this schema's change-log lock (the two int4 keys show as the
 * unsigned classid and objid). Each poll is a query; nothing sleeps.
 */
async function untilAdvisoryLockWaiters(readModels: PostgresReadModelsForTest, count: number): Promise<void> {
  const key = (text: ReturnType<typeof sql>) => sql`((hashtext(${text})::bigint & 4294967295)::text::oid)`;
  for (let attempt = 0; attempt < 2_000; attempt += 1) {
    const { rows } = await sql<{ waiting: bigint }>`select count(*) as waiting from pg_locks
      where locktype = 'advisory' and not granted and objsubid = 2
        and classid = ${key(sql`'thads.read_models.changes'`)} and objid = ${key(sql`current_schema()`)}`.execute(
      readModels.store.db,
    );
    if (Number(rows[0].waiting) >= count) return;
  }
  throw new Error(`no session queued for the change-log lock`);
}
