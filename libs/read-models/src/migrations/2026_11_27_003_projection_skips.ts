import { type Kysely } from 'kysely';
import { addIdColumn } from '../database/sql-dialect';

/** Who passed over which poison event, when and why. A position is skipped at most once per projection. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await addIdColumn(db, db.schema.createTable('projection_skips'))
    .addColumn('projection', 'text', (column) => column.notNull())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('skipped_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('projection_skips_once', ['projection', 'position'])
    .execute();
}
