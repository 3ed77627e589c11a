import { type Kysely } from 'kysely';

/** The event store (by its identity) the read models were built from: one row once bound (read-model-source.ts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('read_model_source')
    .addColumn('event_store_id', 'text', (column) => column.notNull().primaryKey())
    .addColumn('bound_at', 'text', (column) => column.notNull())
    .execute();
}
