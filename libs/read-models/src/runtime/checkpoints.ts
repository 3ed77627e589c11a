/**
 * The projection_checkpoints row of each projection and the guarded update that makes a batch exactly-once.
 */
import type { Kysely, Transaction } from 'kysely';
import type {
  ProjectionCheckpointsTable,
  ProjectionRunStatus,
  ReadModelDatabase,
} from '../database/read-model-database';
import type { Projection } from '../projection';
import { lockProjectionRow } from '../database/sql-dialect';
import { createGeneration, pointViewsAt } from './generations';

/** A projection's checkpoint row, with numbers where bigint buys nothing. */
export interface Checkpoint {
  readonly name: string;
  /** Last event applied or passed over; -1n before the first. */
  readonly position: bigint;
  readonly version: number;
  readonly status: ProjectionRunStatus;
  readonly activeGeneration: number;
  readonly rebuildGeneration: number | null;
  readonly rebuildHeartbeatAt: string | null;
  readonly updatedAt: string;
}

/** Before the first event: positions in every adapter are greater. */
export const NO_POSITION = -1n;

/**
 * The checkpoint was not where this runner expected: another runner applied the batch, a rebuild swapped
 * generations, or an operator halted or resumed the projection. The transaction is rolled back and the runner reloads.
 */
export class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
  constructor(readonly projection: string) {
    super(`The checkpoint of projection ${projection} moved under this runner`);
  }
}

type Reader = Kysely<ReadModelDatabase> | Transaction<ReadModelDatabase>;

/** All checkpoint rows by projection name. */
export async function loadCheckpoints(db: Reader): Promise<Map<string, Checkpoint>> {
  const rows = await db.selectFrom('projection_checkpoints').selectAll().execute();
  return new Map(rows.map((row) => [row.name, toCheckpoint(row)]));
}

/** One checkpoint row, or undefined for a projection never started. */
export async function loadCheckpoint(db: Reader, name: string): Promise<Checkpoint | undefined> {
  const row = await db.selectFrom('projection_checkpoints').selectAll().where('name', '=', name).executeTakeFirst();
  return row && toCheckpoint(row);
}

/**
 * Makes sure the projection has a checkpoint row; a new projection gets generation 1 (tables and views) at position
 * -1, so the live runner builds it from the first event. Idempotent and safe against a concurrent process.
 */
export async function ensureCheckpoint(
  db: Kysely<ReadModelDatabase>,
  projection: Projection,
  now: string,
): Promise<Checkpoint> {
  return db.transaction().execute(async (trx) => {
    await lockProjectionRow(trx, projection.name);
    const existing = await loadCheckpoint(trx, projection.name);
    if (existing) return existing;
    await createGeneration(trx, projection, 1);
    await pointViewsAt(trx, projection, 1);
    const row: ProjectionCheckpointsTable = {
      name: projection.name,
      position: NO_POSITION,
      version: BigInt(projection.version),
      status: 'running',
      active_generation: 1n,
      rebuild_generation: null,
      rebuild_heartbeat_at: null,
      updated_at: now,
    };
    await trx.insertInto('projection_checkpoints').values(row).execute();
    return toCheckpoint(row);
  });
}

/**
 * Moves the checkpoint from `expected.position` to `position`, but only if the row is still exactly as this runner
 * last saw it (position, generation, version, running). Otherwise throws CheckpointMoved, which rolls the batch back.
 * Called first in the batch transaction, so a batch never writes into tables a swap has just dropped.
 */
export async function advanceCheckpoint(
  trx: Transaction<ReadModelDatabase>,
  expected: Checkpoint,
  position: bigint,
  now: string,
): Promise<void> {
  const result = await trx
    .updateTable('projection_checkpoints')
    .set({ position, updated_at: now })
    .where('name', '=', expected.name)
    .where('position', '=', expected.position)
    .where('active_generation', '=', BigInt(expected.activeGeneration))
    .where('version', '=', BigInt(expected.version))
    .where('status', '=', 'running')
    .executeTakeFirst();
  if (result.numUpdatedRows !== 1n) throw new CheckpointMoved(expected.name);
}

/** The same checkpoint moved to a new position (what the row holds after advanceCheckpoint). */
export function movedTo(checkpoint: Checkpoint, position: bigint, now: string): Checkpoint {
  return { ...checkpoint, position, updatedAt: now };
}

function toCheckpoint(row: ProjectionCheckpointsTable): Checkpoint {
  return {
    name: row.name,
    position: BigInt(row.position),
    version: Number(row.version),
    status: row.status,
    activeGeneration: Number(row.active_generation),
    rebuildGeneration: row.rebuild_generation === null ? null : Number(row.rebuild_generation),
    rebuildHeartbeatAt: row.rebuild_heartbeat_at,
    updatedAt: row.updated_at,
  };
}
