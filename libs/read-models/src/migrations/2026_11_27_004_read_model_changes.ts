import { type Kysely } from 'kysely';
import { addIdColumn } from '../database/sql-dialect';

/** The change log the read-model feed serves (see change-feed/change-log.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  // AUTOINCREMENT on SQLite, BIGSERIAL on PostgreSQL (sql-dialect.ts): an id is never handed out twice, even after
  // old rows are pruned, so a client's Last-Event-ID always means the same change.
  await addIdColumn(db, db.schema.createTable('read_model_changes'))
    .addColumn('projection', 'text', (column) => column.notNull())
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('changed_at', 'text', (column) => column.notNull())
    .execute();
  // A feed filtered by projection pages by id within it.
  await db.schema
    .createIndex('read_model_changes_by_projection')
    .on('read_model_changes')
    .columns(['projection', 'id'])
    .execute();
}
