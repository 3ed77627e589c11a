import { type Kysely } from 'kysely';
import { addIdColumn } from '../database/sql-dialect';

/** Events a projection could not apply, with the reason; kept after resolution as history. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('projection_dead_letters'))
    .addColumn('projection', 'text', (column) => column.notNull())
    .addColumn('generation', 'bigint', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('stream', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('recorded_at', 'text', (column) => column.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema
    .createIndex('projection_dead_letters_open')
    .on('projection_dead_letters')
    .columns(['projection', 'resolved_at', 'position'])
    .execute();
}
