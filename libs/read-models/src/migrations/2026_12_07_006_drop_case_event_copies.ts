import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database/sql-dialect';

/**
 * Case events are no longer copied into the read models: since case_summary 4, deadlines 3 and completion_stats 9 a
 * refold reads them from the log (stream-history.ts). Their version bumps rebuild into new generations, but a
 * generation is dropped by the tables its projection declares now, so the copies' views and every generation's table
 * would stay behind, taking the disk they were removed to save. Views go first: PostgreSQL will not drop a table a
 * view still reads.
 */
const COPIES = /^(case_summary_events|deadlines_case_events|completion_stats_case_events)(__g\d+)?$/;

export async function up(db: Kysely<unknown>): Promise<void> {
  const copies = (await relations(db)).filter(({ name }) => COPIES.test(name));
  for (const { name } of copies.filter(({ isView }) => isView))
    await sql`drop view if exists ${sql.table(name)}`.execute(db);
  for (const { name } of copies.filter(({ isView }) => !isView))
    await sql`drop table if exists ${sql.table(name)}`.execute(db);
}

/** The tables and views of the read models' own schema (on PostgreSQL, the connection's current schema only). */
async function relations(db: Kysely<unknown>): Promise<{ name: string; isView: boolean }[]> {
  const rows = isPostgres(db)
    ? await sql<{ name: string; kind: string }>`
        select table_name as name, table_type as kind from information_schema.tables
         where table_schema = current_schema()`.execute(db)
    : await sql<{ name: string; kind: string }>`
        select name, type as kind from sqlite_master where type in ('table', 'view')`.execute(db);
  return rows.rows.map(({ name, kind }) => ({ name, isView: kind.toLowerCase() === 'view' }));
}
