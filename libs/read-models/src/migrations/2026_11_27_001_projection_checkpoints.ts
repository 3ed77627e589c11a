import { sql, type Kysely } from 'kysely';

/** One row per projection: its position, status, code version and generations (see ProjectionCheckpointsTable). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('projection_checkpoints')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('position', 'bigint', (column) => column.notNull())
    .addColumn('version', 'bigint', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull().check(sql`status in ('running', 'halted', 'rebuilding')`))
    .addColumn('active_generation', 'bigint', (column) => column.notNull())
    .addColumn('rebuild_generation', 'bigint')
    .addColumn('rebuild_heartbeat_at', 'text')
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
}
