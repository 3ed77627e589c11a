/**
 * Generation tables and the views that make a swap atomic for readers.
 *
 * Each generation of a projection has its own physical tables (`audit_trail__g2`); a view named after the base
 * table (`audit_trail`) selects from the active generation. A rebuild fills generation N+1 while readers keep
 * querying the view over N, then one transaction re-points the views and drops N. SQLite DDL is transactional and a
 * WAL reader keeps its snapshot, so a reader sees either the old complete rows or the new complete rows, never a mix
 * and never a missing table; readers use a fixed name and need no registry lookup.
 */
import { sql, type Transaction } from 'kysely';
import type { ReadModelDatabase } from '../database/read-model-database';
import { generationTableName, tableNamesFor, type Projection } from '../projection';

/** Creates the generation's tables through the projection (after removing leftovers of a dead attempt). */
export async function createGeneration(
  trx: Transaction<ReadModelDatabase>,
  projection: Projection,
  generation: number,
): Promise<void> {
  await dropGeneration(trx, projection, generation);
  await projection.createTables(trx, tableNamesFor(projection, generation));
}

/** Drops the generation's tables (and with them their indexes), if they exist. */
export async function dropGeneration(
  trx: Transaction<ReadModelDatabase>,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const base of projection.tables) {
    await sql`drop table if exists ${sql.table(generationTableName(base, generation))}`.execute(trx);
  }
}

/** Re-points every base-name view of the projection at the generation's tables. */
export async function pointViewsAt(
  trx: Transaction<ReadModelDatabase>,
  projection: Projection,
  generation: number,
): Promise<void> {
  for (const base of projection.tables) {
    await sql`drop view if exists ${sql.table(base)}`.execute(trx);
    await sql`create view ${sql.table(base)} as select * from ${sql.table(generationTableName(base, generation))}`.execute(
      trx,
    );
  }
}
