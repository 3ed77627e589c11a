import { sql, type Kysely } from 'kysely';
import { describeWithPostgres } from '@thads/event-store/postgres/postgres-test-support';
import type { ReadModelDatabase } from '../database/read-model-database';
import { openPostgresReadModelsForTest, type PostgresReadModelsForTest } from '../testing/postgres-read-model-fixtures';
import { openReadModels, tempFiles, type TempFiles } from '../testing/read-model-fixtures';
import { up as dropCaseEventCopies } from './2026_12_07_006_drop_case_event_copies';

/** What an upgraded read-model database holds of the copies: one generation's table and its view, per projection. */
async function leaveCopiesBehind(db: Kysely<ReadModelDatabase>): Promise<void> {
  for (const base of ['case_summary_events', 'deadlines_case_events', 'completion_stats_case_events']) {
    await sql`create table ${sql.table(`${base}__g3`)} (position bigint not null, data text not null)`.execute(db);
    await sql`create view ${sql.table(base)} as select * from ${sql.table(`${base}__g3`)}`.execute(db);
  }
  // Not copies: a states table of the same generation and a table whose name only looks alike.
  await sql`create table case_summary_states__g3 (case_id text primary key)`.execute(db);
  await sql`create table case_summary_events_archive (position bigint)`.execute(db);
}

const COPY_NAMES = [
  'case_summary_events',
  'case_summary_events__g3',
  'completion_stats_case_events',
  'completion_stats_case_events__g3',
  'deadlines_case_events',
  'deadlines_case_events__g3',
];

async function expectOnlyCopiesGone(db: Kysely<ReadModelDatabase>, names: () => Promise<string[]>): Promise<void> {
  await leaveCopiesBehind(db);
  expect(await names()).toEqual(expect.arrayContaining(COPY_NAMES));
  await dropCaseEventCopies(db as Kysely<unknown>);
  const left = await names();
  expect(left.filter((name) => COPY_NAMES.includes(name))).toEqual([]);
  expect(left).toEqual(
    expect.arrayContaining(['case_summary_states__g3', 'case_summary_events_archive', 'projection_checkpoints']),
  );
}

describe('migration 006: the case events the projections no longer copy are dropped', () => {
  let files: TempFiles;
  let db: Kysely<ReadModelDatabase>;
  beforeEach(async () => {
    files = tempFiles();
    db = await openReadModels(files);
  });
  afterEach(async () => {
    await db.destroy();
    files.remove();
  });

  it('on SQLite: their views and tables of every generation, and nothing else', async () => {
    await expectOnlyCopiesGone(db, async () =>
      (
        await sql<{ name: string }>`select name from sqlite_master where type in ('table', 'view')`.execute(db)
      ).rows.map((row) => row.name),
    );
  });
});

describeWithPostgres('migration 006 on PostgreSQL', (url) => {
  let readModels: PostgresReadModelsForTest;
  beforeEach(async () => {
    readModels = await openPostgresReadModelsForTest(url);
  });
  afterEach(() => readModels.drop());

  it('drops them in the read models’ own schema only', async () => {
    const { db } = readModels.store;
    await expectOnlyCopiesGone(db, async () =>
      (
        await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = ${readModels.schema}`.execute(db)
      ).rows.map((row) => row.name),
    );
  });
});
